"""Related pages, each relation defined once: which public pages of a model belong to a page,
and in which order.

A relation ("a campaign's stories", "an exemplar's campaigns") is read by the HTML page, the
domain API (per page, or prefetched for a whole list) and the v2 API's fields. Declaring it
once as a `Related` means every reader gets the same pages, through the one visibility rule
(`core.visibility.public_pages`), in the same order; a page may still re-sort a short list for
display (Vietnamese alphabetical order, which no database collation gives).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from .visibility import public_pages


@dataclass(frozen=True)
class Related:
    """The public pages of `model` whose `link` (a lookup from `model`) equals the page's `key`
    attribute (its primary key, or a foreign key such as `parent_campaign_id`), ordered by `order`.

    `model` may be a callable returning the model, for a content app that reaches the other
    app's model only through a reverse relation (exemplars never import campaigns).
    """

    model: type | Callable[[], type]
    link: str
    order: tuple[str, ...]
    key: str = "pk"

    def target(self) -> type:
        return self.model if isinstance(self.model, type) else self.model()

    def public(self, site=None) -> QuerySet:
        """Every public page of the related model, in this relation's order (for a Prefetch)."""
        return public_pages(self.target(), site).order_by(*self.order)

    def __call__(self, page, site=None) -> QuerySet:
        """The public pages related to `page` (none for an unsaved page or an empty key)."""
        value = getattr(page, self.key)
        if value is None:
            return self.public(site).none()
        return self.public(site).filter(**{self.link: value})

    def prefetch(self, attr: str, site=None) -> Prefetch:
        """Prefetch the relation `attr` of a list of pages with this relation's public pages."""
        return Prefetch(attr, queryset=self.public(site))
