"""Consent changes, in a fixed order: first `ExemplarPage.publication_allowed` is recomputed,
then `consent_changed` is sent, so that features listening to it (search, radio, caches) always
read the new flag, whatever the order of `INSTALLED_APPS`.

Receivers of `consent_changed` get `page_id` (the exemplar) and `deleted` (the record was
deleted, not saved). They must not listen to `ConsentRecord`'s own model signals.
"""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from wagtail.signals import page_published

from core.invalidation import bump_on_change, bump_on_m2m_change, purge_frontend_cache

from .models import (
    Adoption,
    AdoptionPublication,
    Award,
    AwardType,
    ConsentRecord,
    ExemplarPage,
    Field,
    Organisation,
    Place,
)
from .representation import pregenerate_for_page

logger = logging.getLogger(__name__)

consent_changed = Signal()


@receiver(post_save, sender=ConsentRecord, dispatch_uid="exemplars_consent_saved")
@receiver(post_delete, sender=ConsentRecord, dispatch_uid="exemplars_consent_deleted")
def refresh_page_publication(sender, instance, raw=False, signal=None, **kwargs):
    if raw:
        return
    ExemplarPage.refresh_publication_allowed([instance.page_id])
    consent_changed.send(sender=ConsentRecord, page_id=instance.page_id, deleted=signal is post_delete)


def _pregenerate_renditions(sender, instance, **kwargs):
    """Publishing pre-generates the image renditions the APIs serve, so that a list request
    never has to create them (and its query count stays fixed)."""
    try:
        pregenerate_for_page(instance.specific)
    except Exception:  # a broken image file must not block publishing
        logger.exception("Could not pre-generate renditions for page %s", instance.pk)


def _stamp_adoptions(sender, instance, **kwargs):
    """The adoptions a publication makes public for the first time get their moment (radio
    proposes recently published adoptions; later publications keep it, see Adoption.save)."""
    AdoptionPublication.stamp(Adoption.objects.filter(page_id=instance.pk).select_related("adopter_page"))


def _purge_frontend_cache(sender, page_id, **kwargs):
    """A consent change shows or hides a profile without publishing: tell a CDN as well."""
    purge_frontend_cache(ExemplarPage.objects.filter(pk=page_id))


def connect() -> None:
    bump_on_change(ConsentRecord, Place, Field, AwardType, Organisation, Award, Adoption)
    # Many-to-many links between places (predecessors) show in the places tree.
    bump_on_m2m_change(Place.predecessors.through)
    page_published.connect(_pregenerate_renditions, dispatch_uid="exemplars-renditions-published")
    page_published.connect(_stamp_adoptions, sender=ExemplarPage, dispatch_uid="exemplars-adoptions-published")
    consent_changed.connect(_purge_frontend_cache, dispatch_uid="exemplars-consent-frontend-cache")
