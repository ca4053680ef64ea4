"""Keep `ExemplarPage.publication_allowed` true when a consent record is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ConsentRecord, ExemplarPage


@receiver(post_save, sender=ConsentRecord, dispatch_uid="exemplars_consent_saved")
@receiver(post_delete, sender=ConsentRecord, dispatch_uid="exemplars_consent_deleted")
def refresh_page_publication(sender, instance, raw=False, **kwargs):
    if not raw:
        ExemplarPage.refresh_publication_allowed([instance.page_id])
