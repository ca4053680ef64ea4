"""Base settings: secure by default, configured from the environment.

Every variable read here is documented in `.env.example` at the repository root.
"""

import json
import os
from pathlib import Path

import dj_database_url

# Repository root (manage.py lives here); the project package sits in site/config/.
BASE_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = BASE_DIR / "site"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "exemplars",
    "campaigns",
    "search",
    "radio",
    "demo",
    "ops",  # deployment: start-up checks, media, worker, backups (docs/deployment.md)
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",  # the production task queue, run by `manage.py run_worker`
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public APIs: CORS headers, then cached anonymous answers (APIs and public pages, ETag/304)
    # before sessions and routing (core.http_cache; docs/caching.md).
    "config.cors.CorsMiddleware",
    "core.http_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: SQLite in data/ (git-ignored) unless DATABASE_URL points elsewhere (PostgreSQL).
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers run beside the single writer; a busy timeout avoids "database is locked".
    # A larger page cache and memory-mapped reads keep a persistent connection's pages warm
    # (counting 10,000 exemplars reads every page row; a cold 2 MB cache re-reads them each time).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32000; "
            "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;"
        ),
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    # Persistent connections are safe for SQLite in Django 5.2: each thread keeps its own
    # connection (gunicorn sync workers: one per process), closed after CONN_MAX_AGE seconds.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first: the admin, public pages and error messages are read by Vietnamese users.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Project catalogues come first: site/locale/vi completes Wagtail's partial Vietnamese admin.
LOCALE_PATHS = [SITE_DIR / "locale"]
# Same login form with a translatable "Password" label (Wagtail leaves it unlabelled).
WAGTAILADMIN_USER_LOGIN_FORM = "config.admin_forms.LoginForm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))  # filled by collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: Redis when REDIS_URL is set, otherwise a per-process memory cache (the content
# generation then lives in the database so that every process sees every change; see
# docs/caching.md). Redis is optional: while it is unreachable the site answers without it.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "guongsang"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0, "RETRY_AFTER": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "guongsang",
            # Public pages and API answers of each worker (Django's default of 300 would churn).
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }

# Wagtail
WAGTAIL_SITE_NAME = "Gương Sáng"
# PUBLIC_BASE_URL: the site's public address (https://guongsang.example.org). The one source of
# absolute links (feeds, radio, canonical, JSON-LD: core.urls); unset, links use the address
# being served. The admin and API base URLs default to it.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_BASE_URL or "http://127.0.0.1:8000"
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = False
# Slugs: ASCII, transliterated by core.text.slugify_vi ("Đảo Lý Sơn" → "dao-ly-son"), for every
# page however it is made; see docs/editorial.md. Existing slugs are kept.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "png", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "jpg", "jpeg", "png"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_LIMIT_MAX = 50

# Wagtail admin search stays on the database backend; public search lives in the `search` app.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

# Public search engine: "embedded" (database FTS, default) or "elasticsearch" when configured.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "guongsang")
# Facet counts of a (query, filters) are cached this many seconds (0: never; see search.engines).
SEARCH_FACET_CACHE_SECONDS = int(os.environ.get("SEARCH_FACET_CACHE_SECONDS", "60"))

# CORS for the public read-only APIs: a comma-separated list of origins.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")

# Headless preview: the frontend URL that renders a preview token (it receives
# ?content_type=…&token=… and reads GET /api/v1/preview with them). Without a frontend, the
# "Frontend" preview mode shows the API's JSON and the server-rendered preview stays the default.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL or "{SITE_ROOT_URL}/api/v1/preview"},
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}

# Server cache of anonymous answers, API and public pages (core.http_cache): seconds kept on the
# server (the content generation and the next page expiry end them earlier), and max-age sent to
# browsers and CDNs (never past the next expiry).
API_CACHE_TIMEOUT = int(os.environ.get("API_CACHE_TIMEOUT", "600"))
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
# Only for benchmarks: honour the X-Bench-No-Cache header to measure uncached answers.
API_CACHE_ALLOW_BYPASS = env_bool("API_CACHE_ALLOW_BYPASS", False)
# Check every domain-API answer against its response schema (tests, DEBUG); see core.api.respond.
API_VALIDATE_RESPONSES = env_bool("API_VALIDATE_RESPONSES", DEBUG)

# CDN in front of the site (optional): Wagtail's frontend cache backends as JSON, e.g.
# {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://varnish:8000"}}.
# Published, unpublished and moved pages (and consent changes) purge the page and the pages above it.
if os.environ.get("WAGTAILFRONTENDCACHE"):
    WAGTAILFRONTENDCACHE = json.loads(os.environ["WAGTAILFRONTENDCACHE"])

# Background tasks (search index updates, reference index...): inline unless configured.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND") or "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: reviewers are notified of moderation steps.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Gương Sáng <no-reply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Citizen nominations: body and photo limits (oversized → 413), per-address rate limit
# (submissions, seconds → 429), photos kept outside MEDIA_ROOT (never served publicly).
NOMINATION_MAX_BODY_BYTES = int(os.environ.get("NOMINATION_MAX_BODY_BYTES", 8 * 1024 * 1024))
NOMINATION_MAX_PHOTO_BYTES = 5 * 1024 * 1024
NOMINATION_RATE_LIMIT = (int(os.environ.get("NOMINATION_RATE_LIMIT", "5")), 3600)
NOMINATION_PHOTO_ROOT = Path(os.environ.get("NOMINATION_PHOTO_ROOT", DATA_DIR / "nominations"))

# --- The centre that publishes the site and the radio column (radio, public footer, About) ---
# One name everywhere: the script intro, the DOCX author, the public footer, the About page and
# the JSON-LD publisher. The default is the seed report's own wording (docs/radio.md says why).
CENTRE_NAME = os.environ.get("CENTRE_NAME", "").strip() or "Trung tâm Truyền thông - Văn hóa - Thể thao"

# --- Deployment (docs/deployment.md) ---------------------------------------------------------
# The app server serves MEDIA_ROOT at MEDIA_URL (image files only: ops.media); set false when a
# reverse proxy serves /media/ itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# `manage.py run_worker`: seconds between two runs of Wagtail's publish_scheduled, and between
# two looks at the task queue when it is empty.
PUBLISH_SCHEDULED_INTERVAL = float(os.environ.get("PUBLISH_SCHEDULED_INTERVAL", "60"))
WORKER_POLL_INTERVAL = float(os.environ.get("WORKER_POLL_INTERVAL", "1"))
# ---------------------------------------------------------------------------------------------
# Hardening (docs/security.md): bad input, outages, sign-in lockouts, rate limits, CSP, private
# consent documents. One block on purpose: the lists above are extended here, not rewritten.
# ---------------------------------------------------------------------------------------------
from datetime import timedelta  # noqa: E402

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

# "ninja" serves Swagger UI from its own pinned static files (no CDN); axes: sign-in lockouts.
INSTALLED_APPS += ["ninja", "axes", "csp"]
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
MIDDLEWARE[_security + 1 : _security + 1] = [
    "config.csp.ContentSecurityPolicyMiddleware",  # headers on every answer, errors included
    "config.errors.ApiErrorsAsProblemsMiddleware",  # any non-JSON error under /api/ → problem+json
    "core.bad_input.RejectBadInputMiddleware",  # NUL / non-UTF-8 input → 400 before anything reads it
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as axes requires

# Reverse proxies in front of the site that append to X-Forwarded-For (0: none, the default).
# One setting for sign-in lockouts, rate limits and nomination address hashes (core.client_address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sign-in protection (django-axes): per account and per address; the right password is refused
# too while locked. Unlock early: manage.py axes_reset_username NAME / axes_reset_ip ADDRESS.
AUTHENTICATION_BACKENDS = ["config.login_protection.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "config.login_protection.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Password reset mails: (mails, seconds) per account and per address; beyond, none is sent.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "config.admin_forms.PasswordResetForm"  # noqa: S105 - a class path
PASSWORD_RESET_RATE_PER_ACCOUNT = (3, 3600)
PASSWORD_RESET_RATE_PER_ADDRESS = (10, 3600)

# Rate limits (django-ratelimit, core.throttle): atomic counters in the default cache, keyed on
# the client address above. Production needs REDIS_URL, or each worker counts on its own.
RATELIMIT_IP_META_KEY = "core.client_address.client_ip"
NOMINATION_DUPLICATE_SECONDS = int(os.environ.get("NOMINATION_DUPLICATE_SECONDS", str(24 * 3600)))

# Outages (config.errors, /healthz): seconds in Retry-After while the database is unreachable;
# PostgreSQL connection attempts give up after a few seconds instead of hanging requests.
OUTAGE_RETRY_AFTER = int(os.environ.get("OUTAGE_RETRY_AFTER", "60"))
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# Content-Security-Policy (django-csp 4, config.csp). Inline scripts need the request's nonce;
# styles may be inline (error pages, Wagtail's admin). The admin's script-src is relaxed there.
_frame_src = [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
if HEADLESS_PREVIEW_URL:
    from urllib.parse import urlsplit  # noqa: E402

    _preview = urlsplit(HEADLESS_PREVIEW_URL)
    _frame_src.append(f"{_preview.scheme}://{_preview.netloc}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": _frame_src,
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
CSP_ADMIN_PREFIXES = ("/admin/",)
CSP_ADMIN_SCRIPT_SRC = [SELF, UNSAFE_INLINE]
# The admin asks nothing of third parties: no Gravatar images, no release check from the browser.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Documents always go through Wagtail's view, which enforces collection privacy (the private
# collection of signed consent forms); never link /media/documents/ directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
