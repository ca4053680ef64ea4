"""Production settings: refuse to start with a missing or known secret key; HTTPS and strict cookies.

Start-up fails (ImproperlyConfigured) rather than run with a secret key anyone can read: the
placeholder in `.env.example`, the development and test keys, Django's "django-insecure-" keys,
and any key shorter than 50 characters or with fewer than 5 distinct characters (Django's own
`check --deploy` rule, security.W009).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# Markers of keys that were copied from documentation or another settings module, never generated.
_PLACEHOLDER_MARKERS = ("change-me", "changeme", "replace-me", "replace_me", "insecure", "example", "test-only")


def _refuse_weak_secret_key(key: str) -> None:
    how = 'generate one with: python -c "import secrets; print(secrets.token_urlsafe(50))"'
    if not key:
        raise ImproperlyConfigured(f"SECRET_KEY is not set; {how}")
    if any(marker in key.lower() for marker in _PLACEHOLDER_MARKERS) or key.startswith("django-insecure-"):
        raise ImproperlyConfigured(f"SECRET_KEY is a placeholder from the documentation, not a secret; {how}")
    if len(key) < 50 or len(set(key)) < 5:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short or too simple ({len(key)} characters; at least 50, 5 distinct); {how}"
        )


_refuse_weak_secret_key(SECRET_KEY)  # noqa: F405
DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")  # noqa: F405
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
# Wagtail's live preview shows the page in a same-origin iframe, so X_FRAME_OPTIONS stays
# SAMEORIGIN (set in base.py); the deploy check's advice to use DENY does not apply.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Background tasks go to the database and `manage.py run_worker` runs them (docs/deployment.md);
# TASKS_BACKEND still overrides it.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND") or "django_tasks_db.DatabaseBackend"}}  # noqa: F405
