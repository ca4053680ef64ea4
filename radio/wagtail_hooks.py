"""Radio in the Wagtail admin: the “Phát thanh” menu, the rundown editor with timing, and the
“Đề xuất phát thanh” button on story and exemplar pages (content apps never import radio)."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    Panel,
)
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from . import views
from .content import is_radio_page
from .models import (
    Abbreviation,
    AiredRecording,
    ItemKind,
    Presenter,
    Programme,
    RadioProposal,
    Rundown,
    RundownStatus,
    current_normaliser,
)
from .normalise import RULE_LABELS
from .render import visible_items
from .timing import clock
from .widgets import ReadAloudTextarea


class TimingPanel(Panel):
    """Read-only: per-item timing, running total, back-time and over/under of the saved rundown."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "radio/admin/timing_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rundown = self.instance
            items = list(rundown.items.order_by("sort_order", "pk"))
            public_ids = {i.pk for i in visible_items(rundown)}
            line = rundown.timed(items)
            rows = [
                {
                    "item": t.key,
                    "seconds": clock(t.seconds),
                    "cumulative": clock(t.cumulative),
                    "back_time": t.back_time.strftime("%H:%M:%S") if t.back_time else "",
                    "hidden": t.key.pk not in public_ids,
                }
                for t in line.items
            ]
            context.update(
                {
                    "rundown": rundown,
                    "rows": rows,
                    "total": clock(line.total),
                    "target": clock(line.target),
                    "over_under": line.over_under_label,
                    "over": line.over_under > 0,
                    "problems": rundown.open_flag_problems(items),
                    "suggested_rate": rundown.programme.suggested_rate(),
                    "urls": {
                        "approve": reverse("radio_transition", args=[rundown.pk, "approve"]),
                        "aired": reverse("radio_transition", args=[rundown.pk, "aired"]),
                        "draft": reverse("radio_transition", args=[rundown.pk, "draft"]),
                        "prompter": reverse("radio_prompter", args=[rundown.programme.slug, rundown.week]),
                        "json": f"/api/v1/radio/{rundown.programme.slug}/weeks/{rundown.week}",
                    },
                }
            )
            return context


class ReadingPanel(Panel):
    """Read-only, per item: the read text, what was written out and what could not be read."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "radio/admin/reading_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            item = self.instance
            context.update(
                {
                    "item": item,
                    "expansions": [{**e, "label": RULE_LABELS.get(e["rule"], e["rule"])} for e in item.expansions],
                    "open_flags": item.open_flags,
                    "acknowledged": [f for f in item.flags if f not in item.open_flags],
                }
            )
            return context


class RundownForm(WagtailAdminModelForm):
    """Blocks saving an approved rundown whose items would have unchecked flags."""

    def is_valid(self):
        # Runs after the item formsets are cleaned (ClusterForm validates them after the form).
        valid = super().is_valid()
        if not (valid and self.instance.pk and self.instance.status != RundownStatus.DRAFT):
            return valid
        normaliser = current_normaliser()
        problems = []
        for form in self.formsets["items"].forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or data.get("kind") == ItemKind.CUE:
                continue
            tokens = {f.token for f in normaliser.read(data.get("display_text", "")).flags}
            item = form.instance
            if item.pk and data.get("flags_acknowledged") and item.flags_acknowledged:
                tokens -= set(item.acknowledged_tokens or [])  # acknowledged before, still ticked
            elif data.get("flags_acknowledged"):
                tokens = set()  # ticked now: the editor acknowledges what the preview shows
            if tokens:
                problems.append(f"Mục {data.get('slug')}: " + ", ".join(f"“{t}”" for t in sorted(tokens)) + ".")
        if problems:
            self.add_error(
                None,
                "Kịch bản đã duyệt không được có chỗ chưa đọc được: "
                + " ".join(problems)
                + " Sửa văn bản hoặc đánh dấu “đã kiểm tra cách đọc”, hoặc đưa kịch bản về bản nháp.",
            )
            return False
        return True


class RundownIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        buttons.append(HeaderButton("Lập kịch bản tuần từ đề xuất", url=reverse("radio_assemble"), icon_name="list-ul"))
        return buttons


class RundownEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        rundown = self.object
        buttons.append(
            Button(
                "Xem bản đọc (prompter)",
                url=reverse("radio_prompter", args=[rundown.programme.slug, rundown.week]),
                icon_name="view",
                priority=5,
            )
        )
        if rundown.status == RundownStatus.DRAFT:
            buttons.append(
                Button("Duyệt", url=reverse("radio_transition", args=[rundown.pk, "approve"]), icon_name="check")
            )
        elif rundown.status == RundownStatus.APPROVED:
            buttons.append(
                Button(
                    "Xác nhận đã phát", url=reverse("radio_transition", args=[rundown.pk, "aired"]), icon_name="tick"
                )
            )
            buttons.append(
                Button("Đưa về bản nháp", url=reverse("radio_transition", args=[rundown.pk, "draft"]), icon_name="undo")
            )
        return buttons


class RundownViewSet(SnippetViewSet):
    model = Rundown
    icon = "media"
    menu_label = "Kịch bản tuần"
    index_view_class = RundownIndexView
    edit_view_class = RundownEditView
    list_display = ["week", "programme", "status", "presenter", "version", "updated_at"]
    list_filter = ["status", "programme"]
    search_fields = ["week", "programme__name"]
    ordering = ["-week_start"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("week"), FieldPanel("presenter")]),
            TimingPanel(heading="Thời lượng và duyệt"),
            InlinePanel(
                "items",
                heading="Các mục",
                label="mục",
                panels=[
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("slug")]),
                    FieldPanel("display_text", widget=ReadAloudTextarea()),
                    ReadingPanel(heading="Văn bản đọc"),
                    FieldPanel("flags_acknowledged"),
                    FieldPanel("presenter_notes", widget=forms.Textarea(attrs={"rows": 2})),
                    PageChooserPanel("source_page", ["campaigns.StoryPage", "exemplars.ExemplarPage"]),
                    FieldRowPanel([FieldPanel("planned_seconds"), FieldPanel("aired_seconds")]),
                ],
            ),
        ],
        base_form_class=RundownForm,
    )


class ProposalViewSet(SnippetViewSet):
    model = RadioProposal
    icon = "pick"
    menu_label = "Đề xuất"
    list_display = ["page", "preferred_week", "proposed_by", "proposed_at"]
    search_fields = ["page__title", "preferred_week"]
    panels = [
        PageChooserPanel("page", ["campaigns.StoryPage", "exemplars.ExemplarPage"]),
        FieldPanel("preferred_week"),
        FieldPanel("radio_text", widget=ReadAloudTextarea()),
        FieldPanel("note"),
    ]


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "calendar"
    menu_label = "Chương trình"
    list_display = ["name", "weekday", "slot_time", "target_seconds", "default_presenter", "suggested_rate"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("slot_time"), FieldPanel("target_seconds")]),
        FieldPanel("default_presenter"),
        MultiFieldPanel([FieldPanel("intro_template"), FieldPanel("outro_template")], heading="Lời mở đầu và lời kết"),
        FieldPanel("description"),
    ]


class PresenterViewSet(SnippetViewSet):
    model = Presenter
    icon = "user"
    menu_label = "Phát thanh viên"
    list_display = ["name", "rate"]


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    icon = "doc-full"
    menu_label = "Từ viết tắt"
    list_display = ["abbreviation", "expansion", "scope"]
    list_filter = ["scope"]
    search_fields = ["abbreviation", "expansion"]
    list_per_page = 100


class AiredRecordingViewSet(SnippetViewSet):
    model = AiredRecording
    icon = "time"
    menu_label = "Thời lượng đã phát"
    list_display = ["programme", "rundown", "item", "syllables", "seconds", "measured_rate", "recorded_at"]
    panels = [
        FieldPanel("programme"),
        FieldPanel("rundown"),
        FieldRowPanel([FieldPanel("syllables"), FieldPanel("seconds")]),
        FieldPanel("recorded_at"),
    ]


class RadioGroup(SnippetViewSetGroup):
    menu_label = "Phát thanh"
    menu_icon = "media"
    menu_order = 400
    items = (
        RundownViewSet,
        ProposalViewSet,
        ProgrammeViewSet,
        PresenterViewSet,
        AbbreviationViewSet,
        AiredRecordingViewSet,
    )


register_snippet(RadioGroup)


@hooks.register("register_admin_urls")
def radio_admin_urls():
    return [
        path("radio/propose/<int:page_id>/", views.propose, name="radio_propose"),
        path("radio/assemble/", views.assemble_week, name="radio_assemble"),
        path("radio/rundowns/<int:pk>/<str:action>/", views.transition, name="radio_transition"),
    ]


@hooks.register("register_page_header_buttons")
def propose_button(page, user, view_name, next_url=None):
    if page.pk and is_radio_page(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            "Đề xuất phát thanh",
            url=reverse("radio_propose", args=[page.pk]),
            icon_name="media",
            priority=90,
            attrs={"title": f"Đề xuất “{page.get_admin_display_title()}” cho chuyên mục phát thanh"},
        )


@hooks.register("after_create_snippet")
def assemble_new_rundown(request, instance):
    """A rundown created empty is filled from the proposals for its week."""
    if isinstance(instance, Rundown) and not instance.items.exists():
        from .assembly import assemble

        assemble(instance.programme, instance.iso_week, rundown=instance, user=request.user)
