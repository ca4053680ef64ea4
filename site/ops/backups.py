"""Backups of the database and the uploaded files, in one archive, with each database's own tool.

An archive is an uncompressed tar (its parts are compressed already):

    backup.json        what it holds: format, when, database engine, counts
    database.pgdump    PostgreSQL: `pg_dump --format=custom --no-owner --no-privileges`
    database.sqlite3   SQLite: a consistent copy made with SQLite's online backup API
    media/…            MEDIA_ROOT: original images, renditions, documents
    nominations/…      NOMINATION_PHOTO_ROOT: citizens' nomination photos (never public)

`dumpdata`/`loaddata` is not used: Wagtail's page tree, revisions and content types do not
survive it reliably. A restore goes into an EMPTY database of the same engine (created by the
operator), so it can never mix two sites' rows; afterwards the cached API answers are dropped.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "backup.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
FILE_TREES = {"media": "MEDIA_ROOT", "nominations": "NOMINATION_PHOTO_ROOT"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, in Vietnamese."""


def _engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    return vendor


def _pg_env(alias: str = "default") -> dict[str, str]:
    """libpq's environment for pg_dump/pg_restore, from Django's own connection settings."""
    db = connections[alias].settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    if (db.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"Không tìm thấy lệnh {command[0]} (gói postgresql-client, cùng phiên bản với máy chủ).")
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} thất bại (mã {result.returncode}): {result.stderr.strip()}")


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (WAL included), without stopping the site."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()


def _add_tree(archive: tarfile.TarFile, root: Path, arcname: str) -> int:
    count = 0
    if not root.is_dir():
        return count
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            archive.add(path, arcname=f"{arcname}/{path.relative_to(root).as_posix()}", recursive=False)
            count += 1
    return count


def create_backup(directory: Path, log: Callable[[str], None] = print) -> Path:
    """Write one archive into `directory`; return its path."""
    engine = _engine()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = directory / f"guongsang-{stamp}.tar"
    partial = target.with_suffix(".tar.partial")
    with tempfile.TemporaryDirectory(prefix="guongsang-backup-") as tmp:
        if engine == "postgresql":
            dump, member = Path(tmp) / PG_DUMP, PG_DUMP
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"], _pg_env())
        else:
            dump, member = Path(tmp) / SQLITE_COPY, SQLITE_COPY
            _sqlite_copy(Path(connections["default"].settings_dict["NAME"]), dump)
        log(f"Cơ sở dữ liệu ({engine}): {dump.stat().st_size:,} byte")
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=member)
            counts = {}
            for arcname, setting in FILE_TREES.items():
                counts[arcname] = _add_tree(archive, Path(getattr(settings, setting)), arcname)
                log(f"{setting}: {counts[arcname]} tệp")
            manifest = {
                "format": FORMAT,
                "created": datetime.datetime.now(datetime.UTC).isoformat(),
                "engine": engine,
                "database": member,
                "files": counts,
            }
            info_path = Path(tmp) / MANIFEST
            info_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
            archive.add(info_path, arcname=MANIFEST)
    partial.rename(target)  # only a complete archive ever carries the .tar name
    os.chmod(target, 0o600)  # it holds password hashes and citizens' contact details
    return target


def _database_is_empty() -> bool:
    with connections["default"].cursor() as cursor:
        return not connections["default"].introspection.table_names(cursor)


def _extract_tree(archive: tarfile.TarFile, arcname: str, root: Path) -> int:
    members = [m for m in archive.getmembers() if m.name.startswith(arcname + "/") and m.isfile()]
    root.mkdir(parents=True, exist_ok=True)
    resolved = root.resolve()
    for member in members:
        relative = member.name[len(arcname) + 1 :]
        destination = (root / relative).resolve()
        if not destination.is_relative_to(resolved):
            raise BackupError(f"Tệp sao lưu có đường dẫn không hợp lệ: {member.name}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, open(destination, "wb") as target:
            shutil.copyfileobj(source, target)
    return len(members)


def restore_backup(path: Path, log: Callable[[str], None] = print) -> dict:
    """Restore `path` into the (empty) configured database and the file folders; return its manifest."""
    if not path.is_file():
        raise BackupError(f"Không có tệp sao lưu {path}.")
    engine = _engine()
    with tarfile.open(path, "r") as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))
        except KeyError as error:
            raise BackupError(f"{path} không phải tệp sao lưu của Gương Sáng (thiếu {MANIFEST}).") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Định dạng sao lưu {manifest.get('format')!r} không được hỗ trợ (cần {FORMAT}).")
        if manifest["engine"] != engine:
            raise BackupError(
                f"Bản sao lưu là của {manifest['engine']}, còn DATABASE_URL trỏ tới {engine}: "
                "hãy khôi phục vào cơ sở dữ liệu cùng loại."
            )
        if not _database_is_empty():
            raise BackupError(
                "Cơ sở dữ liệu đích đã có bảng: chỉ khôi phục vào cơ sở dữ liệu trống "
                "(tạo mới, ví dụ `createdb guongsang_restored`, rồi đặt DATABASE_URL tới đó)."
            )
        with tempfile.TemporaryDirectory(prefix="guongsang-restore-") as tmp:
            member = manifest["database"]
            if member not in (PG_DUMP, SQLITE_COPY):
                raise BackupError(f"Tệp sao lưu ghi một cơ sở dữ liệu lạ: {member!r}.")
            dump = Path(tmp) / member
            with archive.extractfile(member) as source, open(dump, "wb") as target:
                shutil.copyfileobj(source, target)
            connections["default"].close()
            if engine == "postgresql":
                _run(
                    ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                     f"--dbname={_pg_env()['PGDATABASE']}", str(dump)],
                    _pg_env(),
                )  # fmt: skip
            else:
                target = Path(connections["default"].settings_dict["NAME"])
                _sqlite_copy(dump, target)
            log(f"Cơ sở dữ liệu ({engine}): đã khôi phục.")
        for arcname, setting in FILE_TREES.items():
            count = _extract_tree(archive, arcname, Path(getattr(settings, setting)))
            log(f"{setting}: {count} tệp")
    return manifest
