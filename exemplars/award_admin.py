"""The award register in the admin ("Sổ khen thưởng"): a list of every award, with or without a
profile, for the emulation office.

Filters by year, level, group, kind, occasion, source and revocation; search by recipient name,
decision number and signer; CSV/XLSX export of the list (staff only: it has names). The import
template (CSV and XLSX, the exact headers `manage.py import_awards` expects) is downloadable from
the list's header. Awards linked to a profile are also written into the profile's latest revision
(`exemplars.award_register`), so that publishing the profile does not drop them.
"""

from __future__ import annotations

import django_filters

from django.http import HttpResponse
from django.urls import path

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from . import award_import
from .award_register import forget_on_profile, record_on_profile
from .models import Award, AwardLevel, AwardSource, Occasion, RecipientGroup, RecipientKind

TEMPLATE_NAME = "mau-nhap-khen-thuong"


def _year_choices():
    years = Award.objects.exclude(year__isnull=True).order_by("-year").values_list("year", flat=True).distinct()
    return [(y, str(y)) for y in years]


class AwardFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label="Năm", choices=_year_choices, empty_label="Mọi năm")
    resolved_level = django_filters.ChoiceFilter(label="Cấp khen", choices=AwardLevel.choices, empty_label="Mọi cấp")
    recipient_group = django_filters.ChoiceFilter(
        label="Nhóm đối tượng", choices=RecipientGroup.choices, empty_label="Mọi nhóm"
    )
    recipient_kind = django_filters.ChoiceFilter(
        label="Loại đối tượng", choices=RecipientKind.choices, empty_label="Mọi loại"
    )
    occasion = django_filters.ChoiceFilter(
        label="Thường xuyên / đột xuất / chuyên đề", choices=Occasion.choices, empty_label="Tất cả"
    )
    source = django_filters.ChoiceFilter(label="Nguồn", choices=AwardSource.choices, empty_label="Mọi nguồn")
    revoked = django_filters.BooleanFilter(label="Đã thu hồi")

    class Meta:
        model = Award
        fields = ["year", "resolved_level", "recipient_group", "recipient_kind", "occasion", "source", "revoked"]


class AwardIndexView(generic.IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        base = self.index_url.rstrip("/")
        buttons.append(HeaderButton("Tải mẫu nhập (CSV)", url=f"{base}/{TEMPLATE_NAME}.csv", icon_name="download"))
        buttons.append(HeaderButton("Tải mẫu nhập (Excel)", url=f"{base}/{TEMPLATE_NAME}.xlsx", icon_name="download"))
        return buttons


class AwardCreateView(generic.CreateView):
    def get_initial(self):
        return {**super().get_initial(), "source": AwardSource.REGISTER}

    def save_instance(self):
        instance = super().save_instance()
        record_on_profile(instance)
        return instance


class AwardEditView(generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self._previous_page_id = None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self._previous_page_id = obj.page_id
        return obj

    def save_instance(self):
        instance = super().save_instance()
        record_on_profile(instance, previous_page_id=self._previous_page_id)
        return instance


class AwardDeleteView(generic.DeleteView):
    def delete_action(self):
        pk, page_id = self.object.pk, self.object.page_id
        super().delete_action()
        forget_on_profile(pk, page_id)


def import_template(request, ext):
    if ext == "xlsx":
        response = HttpResponse(
            award_import.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(award_import.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}.{ext}"'
    return response


class AwardRegisterViewSet(ModelViewSet):
    model = Award
    icon = "clipboard-list"
    menu_label = "Sổ khen thưởng"
    menu_order = 240
    add_to_admin_menu = True
    name = "so-khen-thuong"
    url_prefix = "so-khen-thuong"
    sort_order_field = None  # the register is a list, not a hand-ordered one
    index_view_class = AwardIndexView
    add_view_class = AwardCreateView
    edit_view_class = AwardEditView
    delete_view_class = AwardDeleteView
    filterset_class = AwardFilterSet
    search_fields = ["recipient_name", "decision_number", "issuer_as_printed"]
    search_backend_name = None  # plain database search: the register is not in the site's index
    list_per_page = 50
    ordering = ["-decision_date", "recipient_name"]
    list_display = [
        "recipient_name",
        Column("recipient_kind", label="Loại", accessor="get_recipient_kind_display"),
        Column("recipient_group", label="Nhóm", accessor="get_recipient_group_display"),
        "award_type",
        "decision_number",
        "decision_date",
        Column("resolved_level", label="Cấp khen", accessor="get_resolved_level_display"),
        Column("source", label="Nguồn", accessor="get_source_display"),
    ]
    # Labels, not stored codes, in the staff export (it has names: never public).
    list_export = [
        "recipient_name",
        "get_recipient_kind_display",
        "get_recipient_group_display",
        "award_type",
        "decision_number",
        "decision_date",
        "issuer_as_printed",
        "get_resolved_level_display",
        "get_occasion_display",
        "get_source_display",
        "revoked",
    ]
    export_headings = {
        "recipient_name": "Tên cá nhân/tập thể",
        "get_recipient_kind_display": "Loại đối tượng",
        "get_recipient_group_display": "Nhóm",
        "award_type": "Hình thức khen thưởng",
        "decision_number": "Số quyết định",
        "decision_date": "Ngày quyết định",
        "issuer_as_printed": "Người ký",
        "get_resolved_level_display": "Cấp",
        "get_occasion_display": "Thường xuyên/đột xuất/chuyên đề",
        "get_source_display": "Nguồn",
        "revoked": "Đã thu hồi",
    }
    export_filename = "so-khen-thuong"
    panels = [
        HelpPanel(
            content="<p>Mỗi khen thưởng một dòng, có hay không có hồ sơ điển hình. Tên người được khen "
            "<strong>không bao giờ</strong> được công bố, trừ qua hồ sơ điển hình đã xuất bản và được đồng ý. "
            "Cấp khen tự suy ra từ người ký nếu để trống.</p>"
        ),
        MultiFieldPanel(
            [
                FieldPanel("recipient_name"),
                FieldRowPanel([FieldPanel("recipient_kind"), FieldPanel("recipient_group")]),
                FieldPanel("place"),
                FieldPanel("page"),
            ],
            heading="Người, tập thể được khen",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("award_type"), FieldPanel("occasion"), FieldPanel("commendation_type")]),
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("proposed_on")]),
                FieldRowPanel([FieldPanel("issuer_as_printed"), FieldPanel("level")]),
                FieldPanel("issuer"),
                FieldPanel("achievement"),
                FieldPanel("decision_scan"),
            ],
            heading="Quyết định",
        ),
        FieldRowPanel([FieldPanel("revoked"), FieldPanel("revoked_date"), FieldPanel("revoked_reason")]),
        FieldPanel("source"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"{TEMPLATE_NAME}.<str:ext>", self.template_view, name="import_template"),
        ]

    def template_view(self, request, ext):
        from django.core.exceptions import PermissionDenied
        from django.http import Http404

        if ext not in ("csv", "xlsx"):
            raise Http404
        if not self.permission_policy.user_has_any_permission(request.user, ["add", "change", "view"]):
            raise PermissionDenied
        return import_template(request, ext)
