"""Router placeholder: filled in by its feature."""

from ninja import Router

router = Router()
