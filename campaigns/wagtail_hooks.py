"""Admin for emulation blocs (“Khối, cụm thi đua”): blocs with members and pledges, and the
year-end rankings, which go through the two-step approval before the public sees them."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .blocs import BlocRanking, EmulationBloc


class EmulationBlocViewSet(SnippetViewSet):
    model = EmulationBloc
    icon = "group"
    menu_label = "Khối, cụm thi đua"
    list_display = ["name", "kind", "sort_order", "illustrative_label"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class BlocRankingViewSet(SnippetViewSet):
    model = BlocRanking
    icon = "list-ol"
    menu_label = "Chấm điểm, xếp hạng khối"
    list_display = ["__str__", "year", "public_status"]
    list_filter = ["year", "bloc"]
    ordering = ["-year", "bloc__sort_order"]


class BlocGroup(SnippetViewSetGroup):
    menu_label = "Thi đua khối, cụm"
    menu_icon = "group"
    menu_order = 260
    items = (EmulationBlocViewSet, BlocRankingViewSet)


register_snippet(BlocGroup)
