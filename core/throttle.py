"""Rate limits as atomic counters in the shared cache (django-ratelimit), per client address.

`hit(request, group, limit, window)` counts one attempt in `group` for the client address
(`core.client_address`, through `RATELIMIT_IP_META_KEY`) or for another key, and says whether
it is allowed and, if not, in how many seconds to try again. django-ratelimit increments with
the cache's atomic `add`/`incr`, so concurrent requests cannot slip past the limit: Redis in
production (shared by every worker process), Django's memory cache in development and tests.

A cache that cannot be reached lets the attempt through with a logged warning: a cache outage
weakens the limits for a while, it does not stop citizens from using the site.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django_ratelimit.core import get_usage

try:  # Redis is the production cache; its errors are not OSError subclasses.
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover
    RedisError = OSError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0


def hit(request, group: str, limit: int, window: int, key="ip") -> Decision:
    """Count one attempt; refuse beyond `limit` attempts per `window` seconds.

    `key` is django-ratelimit's key: "ip" (the client address) or a callable `(group, request)`.
    """
    try:
        usage = get_usage(request, group=group, key=key, rate=(int(limit), int(window)), increment=True)
    except (RedisError, OSError) as exc:
        logger.warning("Rate limit %s not applied: the cache is unreachable (%s)", group, exc)
        return Decision(True)
    if usage is None:  # RATELIMIT_ENABLE = False
        return Decision(True)
    if usage["limit"] == 0 and usage["time_left"] == -1:
        # django-ratelimit's answer when the cache gave no count back.
        logger.warning("Rate limit %s not applied: the cache returned no counter", group)
        return Decision(True)
    if usage["should_limit"]:
        return Decision(False, max(1, int(usage["time_left"])))
    return Decision(True)
