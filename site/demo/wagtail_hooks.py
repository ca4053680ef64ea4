"""Admin listing of demo content ("Dữ liệu mẫu"), so editors can see what is invented and why."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DemoRecord


class DemoRecordViewSet(SnippetViewSet):
    model = DemoRecord
    icon = "info-circle"
    menu_label = "Dữ liệu mẫu"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["key", "content_type", "note", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["key", "note"]
    inspect_view_enabled = True
    panels = [FieldPanel("note")]


register_snippet(DemoRecordViewSet)
