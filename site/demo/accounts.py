"""Accounts for the demo site: the admin superuser, and one demo user per editorial role.

The admin password is generated once and kept in `DATA_DIR/admin-login.txt` (git-ignored, mode
600), so every `make run` can print the same login again. A password that someone changed in the
admin is never reset: the login file no longer matches, and the command says how to set a new
one instead of silently overwriting a human's choice.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.invalid"


@dataclass
class Login:
    username: str
    password: str | None  # None when the stored password no longer works
    created: bool


def login_file() -> Path:
    return Path(settings.DATA_DIR) / "admin-login.txt"


def _read_password(path: Path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["password"]
    except (OSError, ValueError, KeyError):
        return None


def _write_password(path: Path, username: str, password: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"username": username, "password": password}) + "\n", encoding="utf-8")
    os.chmod(path, 0o600)


def ensure_admin() -> Login:
    """Make sure the admin superuser exists; return the login that works, if we know it."""
    User = get_user_model()
    path = login_file()
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        password = _read_password(path) or secrets.token_urlsafe(12)
        User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password, first_name="Quản trị")
        _write_password(path, ADMIN_USERNAME, password)
        return Login(ADMIN_USERNAME, password, created=True)
    password = _read_password(path)
    if password and user.check_password(password):
        return Login(ADMIN_USERNAME, password, created=False)
    return Login(ADMIN_USERNAME, None, created=False)


def ensure_role_users(stdout) -> None:
    """Demo users, one per role (writer, editor, approver, radio editor, emulation officer,
    council member).

    Delegates to `home.demo_users` (owned by the editorial workflow), which prints each new
    password once and leaves existing accounts alone.
    """
    from home.demo_users import create_demo_users

    create_demo_users(stdout)
