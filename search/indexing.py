"""Keeping the index true: signal receivers enqueue django-tasks that rebuild documents.

The content apps never import this module; it subscribes to their signals (connected in
`SearchConfig.ready`). Every change that can alter what is public or what a document says
re-evaluates the affected pages against `search.documents.build()`, which writes the document
when the page is public and deletes it when it is not — so publish, unpublish, delete, move,
view restrictions and consent withdrawal all converge on the same rule. With the default
ImmediateBackend the task runs inline, inside the same transaction as the change.
"""

from __future__ import annotations

import logging

from django_tasks import task

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.http_cache import bump_generation
from exemplars.models import AwardType, ExemplarPage, Field, Place
from exemplars.queries import CONSENT_KINDS
from exemplars.signals import consent_changed

from . import documents, vocabulary
from .models import SearchDocument, SearchFacet
from .text import facet_token

logger = logging.getLogger(__name__)


def write_documents(page_ids) -> tuple[int, int]:
    """Build or remove the documents of `page_ids`; returns (written, removed)."""
    written, removed, built = 0, 0, []
    pages = {p.pk: p for p in Page.objects.filter(pk__in=list(page_ids)).specific()}
    with transaction.atomic():
        for pk in page_ids:
            page = pages.get(pk)
            data = documents.build(page) if page is not None else None
            if data is None:
                if SearchDocument.objects.filter(page_id=pk).delete()[0]:
                    removed += 1
                continue
            save_document(data)
            built.append(data)
            written += 1
    _secondary_engine_sync(built, [pk for pk in page_ids if pk not in {d.page_id for d in built}])
    if written or removed:
        # Search answers are served from the API cache: the index changed, so they are stale.
        # (Indexing may run in a background worker after the publish signal already bumped it.)
        bump_generation()
    return written, removed


def save_document(data: documents.DocumentData) -> None:
    values = {
        "doc_type": data.doc_type,
        "title": data.title[:255],
        "url": data.url[:500],
        "summary": data.summary,
        "body": data.body,
        "title_folded": data.title_folded[:255],
        "summary_folded": data.summary_folded,
        "body_folded": data.body_folded,
        "facet_tokens": " ".join(facet_token(name, value) for name, value in data.facets),
        "expire_at": data.expire_at,
    }
    old = (
        SearchDocument.objects.filter(page_id=data.page_id)
        .values_list("title_folded", "summary_folded", "body_folded")
        .first()
    )
    old_terms = vocabulary.document_terms(*old) if old else set()
    new_terms = vocabulary.document_terms(values["title_folded"], values["summary_folded"], values["body_folded"])
    SearchDocument.objects.update_or_create(page_id=data.page_id, defaults=values)
    vocabulary.apply(new_terms - old_terms, old_terms - new_terms)
    SearchFacet.objects.filter(document_id=data.page_id).delete()
    SearchFacet.objects.bulk_create(
        [SearchFacet(document_id=data.page_id, name=name, value=value) for name, value in data.facets]
    )


def _secondary_engine_sync(built, removed_ids) -> None:
    """Mirror changes into Elasticsearch when configured; failures are logged, never raised."""
    from .engines import elastic_engine

    engine = elastic_engine()
    if engine is None:
        return
    try:
        engine.index(built)
        engine.delete(removed_ids)
    except Exception as exc:  # noqa: BLE001 - the embedded index stays true; ES is caught up by rebuild
        logger.warning("Elasticsearch index update failed (%s); run `manage.py rebuild_search`", exc)


@task()
def update_documents_task(page_ids: list[int]) -> dict:
    written, removed = write_documents(page_ids)
    return {"written": written, "removed": removed}


def enqueue(page_ids) -> None:
    ids = sorted({int(pk) for pk in page_ids if pk})
    if ids:
        update_documents_task.enqueue(ids)


# --------------------------------------------------------------------------------------------
# Receivers
# --------------------------------------------------------------------------------------------


def _with_related(page) -> set[int]:
    return {page.pk} | documents.related_page_ids(page)


def on_publish(sender, instance, **kwargs):
    enqueue(_with_related(instance))


def on_unpublish(sender, instance, **kwargs):
    # Drop the document now rather than re-evaluating the page: Wagtail also sends this
    # signal just before deleting a live page (`unpublish(commit=False)`), when the database
    # still says "live" — a rebuild then would resurrect the document under a deleted page.
    SearchDocument.objects.filter(page_id=instance.pk).delete()
    _secondary_engine_sync([], [instance.pk])
    enqueue(documents.related_page_ids(instance) - {instance.pk})


def on_move(sender, instance, **kwargs):
    # A move changes URLs and may put a subtree under (or out of) a view restriction.
    enqueue(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))


def on_page_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    # The document row itself goes with the page (ON DELETE CASCADE through the ORM);
    # Elasticsearch is told here.
    _secondary_engine_sync([], [instance.pk])


def on_consent_changed(sender, page_id, deleted, **kwargs):
    """The person's own document, and the stories that link them: a withdrawal holds those
    stories back (`StoryPage.visibility_q`), consent given again lets them back in."""
    page = ExemplarPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    if not deleted:
        enqueue(_with_related(page))
        return
    # Without a consent record an individual or household is not public. Only remove its own
    # document here: rebuilding it during a cascade (the page itself being deleted) would
    # resurrect the row. The stories linking it are other pages: re-evaluate them.
    if page.kind in CONSENT_KINDS:
        SearchDocument.objects.filter(page_id=page_id).delete()
        _secondary_engine_sync([], [page_id])
    enqueue(documents.related_page_ids(page) - {page_id})


def on_restriction_change(sender, instance, **kwargs):
    page = getattr(instance, "page", None)
    if page is not None:
        enqueue(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def index_changed(sender=None, **kwargs) -> None:
    """A document or a vocabulary changed: move the content generation on, which retires every
    cached search answer, facet count and facet label (`core.http_cache.cache_for_generation`)."""
    bump_generation()


def on_document_deleted(sender, instance, **kwargs) -> None:
    """A document went (unpublished, deleted with its page, consent withdrawn): its words count
    one document fewer. Django sends this for queryset and cascade deletes too, because
    receivers are connected (it then deletes row by row instead of in one statement)."""
    vocabulary.apply(
        set(), vocabulary.document_terms(instance.title_folded, instance.summary_folded, instance.body_folded)
    )


def connect() -> None:
    post_delete.connect(on_document_deleted, sender=SearchDocument, dispatch_uid="search_terms_document_deleted")
    for model in (Place, Field, AwardType, SearchDocument):
        post_save.connect(index_changed, sender=model, dispatch_uid=f"search_labels_saved_{model.__name__}")
        post_delete.connect(index_changed, sender=model, dispatch_uid=f"search_labels_deleted_{model.__name__}")
    page_published.connect(on_publish, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublish, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_move, dispatch_uid="search_page_moved")
    post_delete.connect(on_page_delete, dispatch_uid="search_page_deleted")
    consent_changed.connect(on_consent_changed, dispatch_uid="search_consent_changed")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_restriction_del")


def rebuild(progress=None, batch_size: int = 200) -> int:
    """Rebuild every document from scratch; `progress(done, total)` is called after each batch."""
    ids = [pk for group in documents.public_page_ids().values() for pk in group]
    with transaction.atomic():
        SearchDocument.objects.exclude(page_id__in=ids).delete()
    bump_generation()
    total = len(ids)
    for start in range(0, total, batch_size):
        write_documents(ids[start : start + batch_size])
        if progress:
            progress(min(start + batch_size, total), total)
    vocabulary.rebuild()  # counted again from the full-text index, in case it drifted
    return total
