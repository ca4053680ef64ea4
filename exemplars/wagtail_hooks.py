"""Admin for the vocabularies (Danh mục) and consent records, in Vietnamese."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AwardType, ConsentRecord, Field, Organisation, Place


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = "Địa bàn"
    list_display = ["name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["parent__name", "name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("predecessors"),
        FieldPanel("legal_basis"),
    ]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = "Lĩnh vực"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Cơ quan, tổ chức"
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class AwardTypeViewSet(SnippetViewSet):
    model = AwardType
    icon = "pick"
    menu_label = "Loại khen thưởng"
    list_display = ["name", "category", "level", "subject_kind"]
    list_filter = ["category", "level"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level"), FieldPanel("subject_kind")]),
        FieldPanel("description"),
    ]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Danh mục"
    menu_icon = "list-ul"
    menu_order = 300
    items = (PlaceViewSet, FieldViewSet, OrganisationViewSet, AwardTypeViewSet)


class ConsentViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "lock"
    menu_label = "Đồng ý công bố"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["page", "status", "given_on", "covers_photo", "covers_birth_year", "covers_story"]
    list_filter = ["status"]
    search_fields = ["page__title"]
    panels = [
        FieldPanel("page"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("covers_publication"),
                FieldPanel("covers_photo"),
                FieldPanel("covers_birth_year"),
                FieldPanel("covers_story"),
            ],
            heading="Phạm vi đồng ý",
        ),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("evidence")]),
        FieldPanel("evidence_note"),
        FieldPanel("withdrawal_note"),
    ]


register_snippet(VocabularyGroup)
register_snippet(ConsentViewSet)
