"""The domain API's content endpoints (mounted at /api/v1/ by `config.api`).

- `views`: exemplars, campaigns, stories, places, fields, award types, award statistics;
- `preview`: the headless-preview endpoint (the only one that shows drafts);
- `serializers`, `schemas`, `images`: shared building blocks (parameters, pagination and rendering: `core.api`).
"""

from ninja import Router

from .preview import router as preview_router
from .views import router as content_router

router = Router()
router.add_router("", content_router)
router.add_router("", preview_router)
