"""Benchmark: import a generated 10,000-row spreadsheet with `manage.py import_exemplars`.

Runs in a throw-away SQLite database (a temporary DATA_DIR) unless --database-url is given
(then that database must be empty and migrated or migratable). It prints:

- the baseline: Wagtail's own cost to create one draft page (add_child + save_revision) for
  a sample of pages, measured in the same run;
- the first import of the file (creates every exemplar), the re-import (all unchanged) and a
  dry run, with rows per second and the ratio per exemplar against the baseline.

Usage: python benchmarks/import_bench.py [--rows 10000] [--rows-per-exemplar 2] [--format csv|xlsx|json]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rows-per-exemplar", type=int, default=2, help="awards per exemplar (1 = worst case)")
    parser.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
    parser.add_argument("--baseline-pages", type=int, default=200)
    parser.add_argument("--database-url", default="", help="use this (empty) database instead of a temporary SQLite")
    return parser.parse_args()


def setup(tmp: Path, database_url: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATA_DIR"] = str(tmp)
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def generate(path: Path, rows: int, per: int, fmt: str) -> None:
    rng = random.Random(42)
    places = ["Tây An Vĩnh", "Đông An Vĩnh", "thôn Bắc An Hải", "Tay An Hai", "Đông An Hải", "An Bình"]
    kinds = ["cá nhân", "tập thể", "hộ gia đình", "mô hình"]
    awards = [
        ("Giấy khen", "Chủ tịch UBND huyện Lý Sơn"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh Quảng Ngãi"),
    ]
    headers = [
        "Mã",
        "Loại",
        "Họ và tên",
        "Thôn",
        "Lĩnh vực",
        "Tóm tắt",
        "Danh hiệu",
        "Số quyết định",
        "Ngày quyết định",
        "Cấp ra quyết định",
        "Đồng ý công bố",
        "Ngày đồng ý",
        "Người thu thập phiếu",
    ]
    data = []
    for n in range(rows):
        ex = n // per
        kind = kinds[ex % 4]
        personal = kind in ("cá nhân", "hộ gia đình")
        award, issuer = awards[n % 2]
        date = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(3900))
        data.append(
            [
                f"BENCH-{ex:05d}",
                kind,
                f"Điển hình thử nghiệm số {ex}",
                places[ex % len(places)],
                "Khai thác hải sản",
                f"Tóm tắt thành tích của điển hình số {ex}.",
                award,
                f"{n}/QĐ-UBND",
                date.strftime("%d/%m/%Y"),
                issuer,
                "có" if personal else "",
                "01/06/2024" if personal else "",
                "Phóng viên thử nghiệm" if personal else "",
            ]
        )
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(data)
    elif fmt == "json":
        path.write_text(json.dumps([dict(zip(headers, row, strict=True)) for row in data], ensure_ascii=False), "utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(headers)
        for row in data:
            sheet.append(row)
        workbook.save(path)


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmpdir:
        tmp = Path(tmpdir)
        setup(tmp, args.database_url)
        from django.core.management import call_command
        from django.db import connection, transaction

        from demo.seeding import Seeder
        from exemplars.models import ExemplarPage

        call_command("migrate", verbosity=0)
        seeder = Seeder(lambda _msg: None)
        seeder.places()
        seeder.vocabularies()
        seeder.index_pages()
        index = seeder.objects["page:dien-hinh"]
        place = seeder.objects["place:thon-tay-an-vinh"]
        print(f"Database: {connection.vendor}; CPUs: {os.cpu_count()}")

        # Baseline: Wagtail's own cost for one draft page, in one transaction, rolled back.
        started = time.perf_counter()
        with transaction.atomic():
            for n in range(args.baseline_pages):
                page = ExemplarPage(
                    title=f"Mốc {n}",
                    slug=f"moc-{n}",
                    kind="collective",
                    place=place,
                    summary="Mốc so sánh.",
                    live=False,
                )
                index.add_child(instance=page)
                page.save_revision()
            transaction.set_rollback(True)
        baseline = (time.perf_counter() - started) / args.baseline_pages
        print(
            f"Baseline: add_child + save_revision = {baseline * 1000:.1f} ms per draft page ({args.baseline_pages} pages)"
        )

        path = tmp / f"bench.{args.format}"
        generate(path, args.rows, args.rows_per_exemplar, args.format)
        exemplars = -(-args.rows // args.rows_per_exemplar)
        print(f"File: {args.rows} rows, {exemplars} exemplars, {args.format}, {path.stat().st_size / 1e6:.1f} MB")

        for label, extra in (("first import", []), ("re-import (unchanged)", []), ("dry run", ["--dry-run"])):
            started = time.perf_counter()
            call_command("import_exemplars", str(path), *extra, stdout=open(os.devnull, "w"))  # noqa: SIM115
            elapsed = time.perf_counter() - started
            per = elapsed / exemplars
            print(
                f"{label:>24}: {elapsed:6.1f} s  {args.rows / elapsed:7.0f} rows/s  "
                f"{per * 1000:5.1f} ms/exemplar  ratio to baseline {per / baseline:4.2f}  "
                f"{'OK' if elapsed < 60 else 'OVER'} (< 60 s)"
            )
        print(f"Exemplar pages now: {ExemplarPage.objects.count()}")


if __name__ == "__main__":
    main()
