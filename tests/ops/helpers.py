"""Run the project's own commands the way an operator does: a subprocess from the repository root."""

from __future__ import annotations

import os
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"


def documented_environment() -> dict[str, str]:
    """The variables `.env.example` sets, read as a shell would (`set -a; . file`)."""
    env = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        (parsed,) = shlex.split(value) or [""]
        env[key] = parsed
    return env


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """The documented environment with a real secret and this run's own folders and database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_"))}
    env.update(documented_environment())
    env.pop("DATABASE_URL")  # SQLite in DATA_DIR unless a test passes its own
    env.pop("REDIS_URL")
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATA_DIR=str(tmp_path / "data"),
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
