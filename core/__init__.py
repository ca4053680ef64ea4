"""Gương Sáng's core: what every app shares, below the content apps.

- `core.text`: Vietnamese accent folding and alphabetical order.
- `core.problems`: problem+json (RFC 9457) errors for every JSON endpoint.
- `core.http_cache`: the content generation (`core.models.ContentGeneration` without Redis), the
  response cache of anonymous answers (APIs and public pages), memos, ETag and 304.
- `core.invalidation`: what moves the generation, and CDN purges.
- `core.redis_cache`: Django's Redis cache backend, made optional (the site runs while it is down).
- `core.visibility`: the one rule for "is this page public right now?".

It imports Django, Wagtail and the standard library only: never a content app, a feature or
the project shell.
"""
