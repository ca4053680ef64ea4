"""Deployment checks, run by `manage.py check --deploy` and by gunicorn before it starts.

Without `collectstatic` every HTML page would answer 500 (the manifest storage cannot name a
file it never collected); here the same fact stops the server at start-up with the command
that fixes it. The checks read files and settings only, never the database.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages

FIX_STATIC = "Run `python manage.py collectstatic --noinput` with the same settings, then restart the server."


def uncollected_static_files() -> tuple[str | None, list[str]]:
    """(problem, missing): why the manifest is unusable, or the static files it does not list.

    Only for a manifest storage (production); other storages find files at request time.
    """
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return None, []
    if not storage.manifest_storage.exists(storage.manifest_name):
        return f"{settings.STATIC_ROOT}/{storage.manifest_name} is missing: static files were never collected", []
    paths, _hash = storage.load_manifest()
    collected = set(paths)
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    found = {path.replace("\\", "/") for finder in finders.get_finders() for path, _ in finder.list(ignore)}
    return None, sorted(found - collected)


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_collected(app_configs=None, **kwargs):
    problem, missing = uncollected_static_files()
    if problem:
        return [checks.Error(problem, hint=FIX_STATIC, id="ops.E001")]
    if missing:
        listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        return [
            checks.Error(
                f"{len(missing)} static files are not collected (the pages using them would answer 500): {listed}",
                hint=FIX_STATIC,
                id="ops.E002",
            )
        ]
    return []


@checks.register(deploy=True)
def check_public_base_url(app_configs=None, **kwargs):
    """Absolute links (feeds, radio script, canonical tags, JSON-LD) need the public address."""
    url = settings.PUBLIC_BASE_URL
    if not url:
        return [
            checks.Warning(
                "PUBLIC_BASE_URL is not set: absolute links in feeds, the radio script, canonical tags "
                "and JSON-LD will name whatever host the request came in on.",
                hint="Set PUBLIC_BASE_URL to the site's public address, e.g. https://guongsang.example.org.",
                id="ops.W001",
            )
        ]
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path not in {"", "/"}:
        return [
            checks.Error(
                f"PUBLIC_BASE_URL={url!r} is not a site address (scheme and host, no path).",
                hint="For example: PUBLIC_BASE_URL=https://guongsang.example.org",
                id="ops.E003",
            )
        ]
    if parts.scheme != "https" and not settings.DEBUG:
        return [
            checks.Warning(
                f"PUBLIC_BASE_URL={url!r} is not HTTPS: shared links would send readers to plain HTTP.",
                id="ops.W002",
            )
        ]
    return []
