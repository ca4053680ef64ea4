"""Test settings: fast hasher, in-memory cache and e-mail, plain static storage.

With DATABASE_URL set (PostgreSQL), each checkout gets its own test database name so that
parallel runs on one machine do not collide.
"""

import hashlib

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / "data" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
PUBLIC_BASE_URL = ""  # links use the test client's host (core.urls), whatever the shell exports
API_VALIDATE_RESPONSES = True  # every domain-API answer is checked against its schema

_db = DATABASES["default"]  # noqa: F405
if _db["ENGINE"] != "django.db.backends.sqlite3":
    _suffix = hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:8]  # noqa: F405, S324
    _db["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or f"test_guongsang_{_suffix}"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
