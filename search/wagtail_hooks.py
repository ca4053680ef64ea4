"""Admin for the synonym list (Tìm kiếm → Từ đồng nghĩa), used by the Elasticsearch engine."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Từ đồng nghĩa"
    add_to_admin_menu = False
    list_display = ["terms", "note"]
    search_fields = ["terms"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


register_snippet(SearchSynonymViewSet)
