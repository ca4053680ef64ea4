"""Gương Sáng's core: what every app shares, below the content apps.

- `text`: Vietnamese accent folding, alphabetical order and the one slug rule.
- `problems`: problem+json (RFC 9457) errors for every JSON endpoint.
- `api`: what every `/api/v1/` router shares: strict parameters, pagination, schema-checked rendering.
- `http_cache`, `redis_cache`, `invalidation`, `models`: the content generation, the response
  cache for the APIs and public pages (ETag, 304), the optional Redis backend, and what moves
  the generation.
- `visibility`, `wagtail_hooks`: the one rule for "is this page public right now?" and serving.
- `related`, `feeds`, `urls`: related-page declarations, the JSON Feed builder, absolute links.
- `bad_input`, `client_address`, `throttle`: refusing undecodable input, the client address
  behind trusted proxies, rate limits.

It imports Django, Wagtail and libraries only: never a content app, a feature or the project
shell (tests/test_layers.py).
"""
