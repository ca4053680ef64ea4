"""Wagtail's stable page API (v2): pages, images, documents — public content only.

The stock viewsets are narrowed so that this door is as safe as the domain API:

- pages: `core.visibility.public_pages(Page, site)` — live, unrestricted (any view restriction
  hides the page, for every requester), unexpired, inside the request's Site, and each model's
  own rule (exemplars only when consent allows publication, no story that links someone who
  withdrew consent);
  `find/?html_path=` resolves only such pages. Consent-gated details (birth year, gender,
  portrait) cannot be used to filter or order. `?search=` is switched off: the database
  backend's relevance search is a denial-of-service vector (use /api/v1/search).
- images: only images that public pages use (per Wagtail's reference index, which tracks the
  live content of pages), as WebP renditions instead of the original file.
- documents: only documents that public pages use (consent forms never appear).
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.api import APIField
from wagtail.api.v2.filters import (
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex, Site

from exemplars.api_serializers import WholeObjectField
from exemplars.queries import as_str_ids, consent_covers_q, public_page_tree
from exemplars.representation import BODY_IMAGE_SPECS, PORTRAIT_SPECS, rendition_set

# Database fields that must never be usable in ?field=value filters or ?order= (consent).
UNFILTERABLE_FIELDS = {"birth_year", "gender", "portrait", "portrait_id", "fields", "body", "consent"}


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"search", "search_operator"}

    def get_base_queryset(self):
        return public_page_tree(Site.find_for_request(self.request))

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if name not in UNFILTERABLE_FIELDS]
        return fields


def _referenced_by_public_pages(model, request):
    """Ids (as strings) of `model` objects referenced by public pages, consent applied."""
    from exemplars.models import ExemplarPage

    site = Site.find_for_request(request)
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=as_str_ids(public_page_tree(site)),
    )
    no_photo = as_str_ids(ExemplarPage.objects.exclude(pk__in=ExemplarPage.objects.filter(consent_covers_q("photo"))))
    no_story = as_str_ids(ExemplarPage.objects.exclude(pk__in=ExemplarPage.objects.filter(consent_covers_q("story"))))
    refs = (
        refs.exclude(object_id__in=no_photo, model_path="portrait")
        .exclude(object_id__in=no_story, model_path__startswith="body")
        # Adoption evidence is consent-aware item by item: never listed here; the shareable
        # items appear (as renditions and document links) in the exemplar's `adoptions` field.
        .exclude(model_path__startswith="adoptions")
    )
    return refs.values("to_object_id")


class ImageRenditionsField(WholeObjectField):
    def to_representation(self, image):
        return {
            "portrait": rendition_set(image, PORTRAIT_SPECS),
            "content": rendition_set(image, BODY_IMAGE_SPECS),
        }


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images used by public pages only, as renditions (never the original's download URL)."""

    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters - {"search", "search_operator"}
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "title",
        "width",
        "height",
        APIField("renditions", ImageRenditionsField()),
    ]
    meta_fields = [*BaseAPIViewSet.meta_fields, "tags"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "tags", "renditions"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "renditions"]

    def get_queryset(self):
        ids = _referenced_by_public_pages(get_image_model(), self.request)
        return super().get_queryset().filter(pk__in=as_str_pk_filter(get_image_model(), ids))


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents used by public pages only."""

    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters - {"search", "search_operator"}

    def get_queryset(self):
        ids = _referenced_by_public_pages(get_document_model(), self.request)
        return super().get_queryset().filter(pk__in=as_str_pk_filter(get_document_model(), ids))


def as_str_pk_filter(model, str_ids):
    """Primary keys of `model` whose string form is in `str_ids` (a subquery)."""
    return as_str_ids(model.objects.all()).filter(str_pk__in=str_ids).values("pk")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
