"""Keep withdrawn content off air: react to unpublishing, deletion and withdrawn consent.

Rendering also filters at request time (see `radio.render.visible_items`); these receivers mark
items of rundowns not yet aired, so that editors see in the admin what was taken off, and touch
the rundown so that Last-Modified moves and polling tools refetch.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from campaigns.models import StoryPage
from exemplars.signals import consent_changed

from .content import public_page_ids
from .models import RundownItem, RundownStatus


def _items_for(page_ids):
    return RundownItem.objects.filter(source_page_id__in=page_ids).exclude(rundown__status=RundownStatus.AIRED)


def _touch(items) -> None:
    for rundown in {item.rundown for item in items.select_related("rundown")}:
        rundown.save(update_fields=["updated_at", "version"])


def mark_withdrawn(page_ids, withdrawn: bool = True) -> int:
    items = _items_for(page_ids).exclude(withdrawn=withdrawn)
    _touch(items)
    return items.update(withdrawn=withdrawn)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    mark_withdrawn([instance.pk])


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if instance.pk in public_page_ids([instance.pk]):
        mark_withdrawn([instance.pk], withdrawn=False)


@receiver(pre_delete)
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        mark_withdrawn([instance.pk])


@receiver(consent_changed, dispatch_uid="radio_consent_changed")
def on_consent_changed(sender, page_id, **kwargs):
    page_ids = [page_id, *StoryPage.objects.filter(exemplars=page_id).values_list("pk", flat=True)]
    public = public_page_ids(page_ids)
    mark_withdrawn([pid for pid in page_ids if pid not in public])
    mark_withdrawn([pid for pid in page_ids if pid in public], withdrawn=False)
