"""Keep Wagtail's Site record on the public address after every `migrate`.

Wagtail builds some links from the Site record (the admin's "view live", its v2 API html_url,
preview): with PUBLIC_BASE_URL set, the default Site's hostname and port follow it, so those
agree with everything core.urls builds. Only a single-Site installation is changed; with
several Sites the operator owns them.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_host_and_port() -> tuple[str, int] | None:
    if not settings.PUBLIC_BASE_URL:
        return None
    parts = urlsplit(settings.PUBLIC_BASE_URL)
    if not parts.hostname:
        return None
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(verbosity: int = 1, stdout=None, **kwargs) -> None:
    from wagtail.models import Site

    wanted = public_host_and_port()
    if wanted is None or Site.objects.count() != 1:
        return
    site = Site.objects.get()
    if (site.hostname, site.port) == wanted:
        return
    old = site.root_url
    site.hostname, site.port = wanted
    site.save(update_fields=["hostname", "port"])
    if verbosity and stdout is not None:
        stdout.write(f"Wagtail Site: {old} → {site.root_url} (PUBLIC_BASE_URL)\n")
