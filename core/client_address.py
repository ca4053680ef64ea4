"""The client's address, as seen through the configured number of trusted reverse proxies.

One rule for everything that counts or remembers addresses: django-axes' login lockouts
(`AXES_CLIENT_IP_CALLABLE`), django-ratelimit's counters (`RATELIMIT_IP_META_KEY`) and the
nomination address hash all call `client_ip()`.

- `TRUSTED_PROXY_COUNT = 0` (the default: the application server faces the Internet):
  the address is `REMOTE_ADDR`. `X-Forwarded-For` is ignored, because anyone can send it.
- `TRUSTED_PROXY_COUNT = N`: each of the N proxies in front of the site appends the address it
  received the request from, so the client is the N-th address from the right of
  `X-Forwarded-For`. Addresses further left were written by the client and are never believed.
  With fewer addresses than N (a request that skipped the outer proxies), the leftmost one is
  taken: it was still written by a trusted proxy.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder value, never bound to


def trusted_proxy_count() -> int:
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0))


def _valid(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.7:51234"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's IP address as a string (never empty; UNKNOWN if nothing valid is known)."""
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = trusted_proxy_count()
    if count:
        hops = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if hops:
            found = _valid(hops[-min(count, len(hops))])
            if found:
                return found
    return remote or UNKNOWN
