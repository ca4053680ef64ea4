"""Emulation blocs and clusters (khối, cụm thi đua): members, annual pledges, year-end rankings.

The report: “Ủy ban nhân dân huyện chia Khối, cụm thi đua toàn huyện thành 7 khối thi đua gồm các
cơ quan, đơn vị, đoàn thể, ngành, Hội”, with “ký kết giao ước thi đua hàng năm” and awards that
rest on “kết quả điểm xếp hạng từ khối, cụm thi đua”. So:

- `EmulationBloc` (a snippet): a bloc or cluster, its member organisations (`BlocMember`, the
  shared `Organisation` vocabulary) and its yearly registrations and pledges (`BlocPledge`:
  year, date signed, targets). Public as soon as it is saved, like the other vocabularies.
- `BlocRanking` (a snippet with drafts, revisions and the two-step workflow): one bloc's
  year-end scores and ranks (`BlocScore`). Scores are an official result, so the public sees a
  ranking only once it is **published** — by an approver, at the end of the workflow
  (“Duyệt hai bước”, assigned to this model by migration 0006). Editing a published ranking
  saves a draft revision; the public keeps seeing the approved one until the change is approved.
  Every public reader asks `published_rankings()`, nothing else.

`is_illustrative` marks demo blocs and rankings whose names or figures are invented; the page
and the API say so.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from exemplars.models import Organisation

ILLUSTRATIVE_NOTE = "Tên khối mang tính minh họa; báo cáo không nêu tên các khối."
YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class BlocKind(models.TextChoices):
    BLOC = "bloc", "Khối thi đua"
    CLUSTER = "cluster", "Cụm thi đua"


class MemberRole(models.TextChoices):
    HEAD = "head", "Trưởng khối"
    DEPUTY = "deputy", "Phó khối"
    MEMBER = "member", "Thành viên"


class EmulationBloc(ClusterableModel):
    """A bloc or cluster of organisations that emulate together and are scored together."""

    name = models.CharField("tên khối, cụm", max_length=200, unique=True, help_text="Ví dụ “Khối các xã”.")
    slug = models.SlugField(
        "mã", max_length=80, unique=True, allow_unicode=False, help_text="Dùng trong địa chỉ API, ví dụ “khoi-cac-xa”."
    )
    kind = models.CharField(
        "loại", max_length=20, choices=BlocKind.choices, default=BlocKind.BLOC, help_text="Khối hay cụm thi đua."
    )
    description = models.TextField("mô tả", blank=True, help_text="Phạm vi, đặc điểm của khối.")
    established_by = models.CharField(
        "văn bản thành lập",
        max_length=200,
        blank=True,
        help_text="Số, ngày văn bản chia khối như in; bỏ trống nếu nguồn không nêu.",
    )
    sort_order = models.PositiveSmallIntegerField("thứ tự", default=0, help_text="Thứ tự hiển thị (nhỏ trước).")
    is_illustrative = models.BooleanField(
        "tên minh họa",
        default=False,
        help_text="Đánh dấu khi tên khối hoặc thành viên là minh họa (nguồn không nêu); trang ghi rõ.",
    )
    source = models.TextField(
        "nguồn tư liệu", blank=True, help_text="Thông tin lấy từ đâu; ghi rõ điều nguồn không nêu."
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
        FieldPanel("description"),
        FieldPanel("established_by"),
        InlinePanel("members", heading="Thành viên", label="thành viên"),
        InlinePanel("pledges", heading="Đăng ký, ký kết giao ước thi đua hằng năm", label="giao ước"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("is_illustrative")], heading="Nguồn"),
    ]

    class Meta:
        verbose_name = "khối, cụm thi đua"
        verbose_name_plural = "khối, cụm thi đua"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def illustrative_label(self) -> str:
        return "Minh họa" if self.is_illustrative else ""

    illustrative_label.short_description = "tên minh họa"


class BlocMember(Orderable):
    bloc = ParentalKey(EmulationBloc, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan, đơn vị",
        on_delete=models.PROTECT,
        related_name="bloc_memberships",
        help_text="Cơ quan, đơn vị, đoàn thể thành viên (danh mục Cơ quan, tổ chức).",
    )
    role = models.CharField(
        "vai trò", max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER, help_text="Trưởng, phó khối…"
    )

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = "thành viên khối"
        verbose_name_plural = "thành viên khối"
        constraints = [models.UniqueConstraint(fields=["bloc", "organisation"], name="unique_bloc_member")]


class BlocPledge(Orderable):
    """A year's registration and pledge (đăng ký, ký kết giao ước thi đua)."""

    bloc = ParentalKey(EmulationBloc, on_delete=models.CASCADE, related_name="pledges")
    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS, help_text="Năm thi đua.")
    signed_on = models.DateField(
        "ngày ký", null=True, blank=True, help_text="Ngày ký kết giao ước; bỏ trống nếu chưa rõ."
    )
    targets = models.TextField(
        "chỉ tiêu, nội dung giao ước", help_text="Các chỉ tiêu, nội dung các thành viên cam kết."
    )
    is_illustrative = models.BooleanField("minh họa", default=False, help_text="Đánh dấu giao ước mẫu (minh họa).")

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("signed_on")]),
        FieldPanel("targets"),
        FieldPanel("is_illustrative"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "giao ước thi đua"
        verbose_name_plural = "giao ước thi đua"
        constraints = [models.UniqueConstraint(fields=["bloc", "year"], name="unique_bloc_pledge_year")]


class BlocRanking(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """One bloc's year-end scores and ranking; public only once published (approved)."""

    bloc = models.ForeignKey(
        EmulationBloc,
        verbose_name="khối, cụm",
        on_delete=models.CASCADE,
        related_name="rankings",
        help_text="Khối, cụm được chấm điểm.",
    )
    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS, help_text="Năm được chấm điểm.")
    decision = models.CharField(
        "văn bản công nhận",
        max_length=200,
        blank=True,
        help_text="Số, ngày văn bản công nhận kết quả xếp hạng, nếu có.",
    )
    note = models.TextField("ghi chú", blank=True, help_text="Cách chấm điểm, thang điểm, ghi chú khác.")
    is_illustrative = models.BooleanField(
        "số liệu minh họa", default=False, help_text="Đánh dấu điểm số mẫu (minh họa); trang ghi rõ."
    )

    panels = [
        FieldRowPanel([FieldPanel("bloc"), FieldPanel("year")]),
        FieldPanel("decision"),
        FieldPanel("note"),
        InlinePanel("scores", heading="Điểm và xếp hạng", label="đơn vị", min_num=1),
        FieldPanel("is_illustrative"),
    ]

    class Meta:
        verbose_name = "kết quả chấm điểm khối"
        verbose_name_plural = "kết quả chấm điểm khối"
        constraints = [models.UniqueConstraint(fields=["bloc", "year"], name="unique_bloc_ranking_year")]

    def __str__(self) -> str:
        return f"{self.bloc} — năm {self.year}" if self.bloc_id else f"Năm {self.year}"

    def public_status(self) -> str:
        """For the admin list: whether the public sees these scores (only once approved)."""
        if not self.live:
            return "Chưa duyệt — không công khai"
        if self.has_unpublished_changes:
            return "Đã duyệt, công khai (có thay đổi chờ duyệt)"
        return "Đã duyệt, công khai"

    public_status.short_description = "công khai"


class BlocScore(Orderable):
    ranking = ParentalKey(BlocRanking, on_delete=models.CASCADE, related_name="scores")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan, đơn vị",
        on_delete=models.PROTECT,
        related_name="bloc_scores",
        help_text="Đơn vị thành viên được chấm điểm.",
    )
    score = models.DecimalField("điểm", max_digits=6, decimal_places=2, help_text="Tổng điểm cuối năm.")
    rank = models.PositiveSmallIntegerField("xếp hạng", help_text="Thứ hạng trong khối (1 là dẫn đầu).")
    title = models.CharField(
        "danh hiệu, khen thưởng",
        max_length=150,
        blank=True,
        help_text="Ví dụ “Cờ thi đua”, “Tập thể lao động xuất sắc”, nếu xét tặng dựa trên kết quả.",
    )

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("score"), FieldPanel("rank")]), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "điểm của đơn vị"
        verbose_name_plural = "điểm của đơn vị"

    def clean(self):
        super().clean()
        if self.score is not None and self.score < 0:
            raise ValidationError({"score": "Điểm không được âm."})


def published_rankings():
    """The rankings the public may see: published (approved at the end of the workflow). The
    rows of a published ranking hold its approved content; unapproved edits wait in revisions."""
    return BlocRanking.objects.filter(live=True)


def latest_public_rankings(blocs) -> dict[int, BlocRanking]:
    """Bloc id → its latest published ranking, with scores in rank order (two queries)."""
    found: dict[int, BlocRanking] = {}
    rankings = (
        published_rankings()
        .filter(bloc__in=blocs)
        .order_by("bloc_id", "-year")
        .prefetch_related(
            models.Prefetch(
                "scores", queryset=BlocScore.objects.select_related("organisation").order_by("rank", "sort_order")
            )
        )
    )
    for ranking in rankings:
        found.setdefault(ranking.bloc_id, ranking)
    return found


def public_blocs():
    """Blocs with their members and pledges, in display order (blocs are public when saved)."""
    return EmulationBloc.objects.order_by("sort_order", "name").prefetch_related(
        models.Prefetch("members", queryset=BlocMember.objects.select_related("organisation").order_by("sort_order")),
        models.Prefetch("pledges", queryset=BlocPledge.objects.order_by("-year")),
    )
