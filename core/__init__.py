"""Gương Sáng's core: what every app shares, below the content apps.

- `core.text`: Vietnamese accent folding and alphabetical order.
- `core.problems`: problem+json (RFC 9457) errors for every JSON endpoint.
- `core.http_cache`: the content generation, the shared response cache, ETag and 304.
- `core.visibility`: the one rule for "is this page public right now?".

It imports Django, Wagtail and the standard library only: never a content app, a feature or
the project shell.
"""
