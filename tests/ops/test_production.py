"""Production settings as an operator meets them: the documented environment, the checks, gunicorn.

Every test runs the real command in a subprocess from the repository root, with the variables of
`.env.example` (plus a generated secret key and temporary folders).
"""

import subprocess
import sys

import pytest

from .helpers import ROOT, documented_environment, manage, production_env


def test_the_placeholder_key_from_env_example_is_refused(tmp_path):
    placeholder = documented_environment()["SECRET_KEY"]
    result = manage("check", env=production_env(tmp_path, SECRET_KEY=placeholder))
    assert result.returncode != 0
    assert "SECRET_KEY is a placeholder" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr  # and says how to make a real one


@pytest.mark.parametrize(
    "key",
    [
        "dev-only-insecure-key-change-me",  # the development settings' key
        "django-insecure-" + "k" * 20 + "abcdefghijklmnopqrstuvwxyz",  # startproject's kind
        "x" * 60,  # long but one character
        "Zr3kq0wXb1m9Lr8qv7yT2sN4pD6fH8jK",  # 32 random characters: shorter than Django asks for
    ],
)
def test_weak_keys_are_refused_at_start_up(tmp_path, key):
    result = manage("check", env=production_env(tmp_path, SECRET_KEY=key))
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY" in result.stderr


def test_documented_environment_passes_the_deploy_check_once_static_files_are_collected(tmp_path):
    env = production_env(tmp_path)
    before = manage("check", "--deploy", env=env)
    assert before.returncode != 0
    assert "ops.E001" in before.stderr and "collectstatic --noinput" in before.stderr

    collected = manage("collectstatic", "--noinput", "-v0", env=env)
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").is_file()
    after = manage("check", "--deploy", env=env)
    assert after.returncode == 0, after.stderr
    # Zero warnings: the only silenced one is security.W019 (documented in production.py).
    assert after.stdout.strip() == "System check identified no issues (1 silenced).", after.stdout + after.stderr


def test_gunicorn_refuses_to_start_without_collected_static_files(tmp_path):
    env = production_env(tmp_path, GUNICORN_BIND="127.0.0.1:8159", GUNICORN_WORKERS="1")
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "site/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Refusing to start" in result.stderr
    assert "static files were never collected" in result.stderr
    assert "Booting worker" not in result.stderr


def test_a_manifest_missing_files_is_an_error_naming_them(settings, tmp_path):
    """Static files added after the last collectstatic would answer 500: the check names them."""
    import json

    from ops.checks import check_static_collected

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"css/site.css": "css/site.1.css"}})
    )
    (error,) = check_static_collected()
    assert error.id == "ops.E002"
    assert "img/favicon.png" in error.msg or "more" in error.msg
    assert "collectstatic --noinput" in error.hint


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", ["ops.W001"]),  # links would follow the Host header
        ("guongsang.example.org", ["ops.E003"]),  # no scheme
        ("https://guongsang.example.org/trang", ["ops.E003"]),  # a path: links would be wrong
        ("http://guongsang.example.org", ["ops.W002"]),  # shared links to plain HTTP
        ("https://guongsang.example.org", []),
        ("https://guongsang.example.org:8443", []),
    ],
)
def test_the_public_address_is_checked(settings, url, expected):
    from ops.checks import check_public_base_url

    settings.PUBLIC_BASE_URL = url
    settings.DEBUG = False
    assert [issue.id for issue in check_public_base_url()] == expected
