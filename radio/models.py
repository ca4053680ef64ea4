"""Radio: programmes, presenters, proposals and the weekly rundown (kịch bản phát thanh).

The radio app reads the content apps (stories and exemplars) and never the reverse. A rundown
is one programme's script for one ISO week: ordered items (intro, stories, outro, cues), each
keeping the text as printed and the text a presenter reads, with what the normaliser expanded
and what it could not read. A rundown goes draft → approved → aired, recording who and when;
only approved or aired rundowns are public, and only their items whose source is still public.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .abbreviations import split_lists
from .normalise import Normaliser
from .timing import DEFAULT_RATE, count_syllables, seconds_for, timeline
from .weeks import STATION_TZ, InvalidWeek, IsoWeek

WEEKDAYS = [
    (0, "Thứ Hai"),
    (1, "Thứ Ba"),
    (2, "Thứ Tư"),
    (3, "Thứ Năm"),
    (4, "Thứ Sáu"),
    (5, "Thứ Bảy"),
    (6, "Chủ nhật"),
]
PLACEHOLDERS = {
    "chuong_trinh": "tên chương trình",
    "ngay": "ngày phát sóng, dạng 28/11/2026",
    "thu": "thứ trong tuần, ví dụ “thứ Bảy”",
    "tuan": "số tuần, ví dụ 48",
    "nam": "năm, ví dụ 2026",
    "nguoi_doc": "tên người đọc",
    "trung_tam": "tên trung tâm (cấu hình CENTRE_NAME)",
}


def validate_week_label(value: str) -> None:
    try:
        IsoWeek.parse(value)
    except InvalidWeek as exc:
        raise ValidationError(str(exc)) from exc


def validate_template(value: str) -> None:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(value or "") if name is not None]
    except ValueError as exc:
        raise ValidationError("Mẫu có dấu ngoặc nhọn không khớp; dùng {ngay}, {tuan}… đúng cặp.") from exc
    unknown = sorted(set(fields) - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join("{" + key + "}" for key in PLACEHOLDERS)
        raise ValidationError(f"Không có chỗ điền “{{{unknown[0]}}}”. Các chỗ điền được dùng: {known}.")


class Presenter(models.Model):
    name = models.CharField("họ và tên", max_length=120, unique=True, help_text="Tên phát thanh viên.")
    rate = models.PositiveSmallIntegerField(
        "tốc độ đọc (âm tiết/phút)",
        default=DEFAULT_RATE,
        validators=[MinValueValidator(80), MaxValueValidator(400)],
        help_text="Số âm tiết đọc được trong một phút, tính trên văn bản đọc (sau khi viết số, viết tắt thành chữ). Mặc định 210.",
    )

    class Meta:
        verbose_name = "phát thanh viên"
        verbose_name_plural = "phát thanh viên"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.rate} âm tiết/phút)"


class Programme(models.Model):
    """A weekly column, e.g. “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”."""

    name = models.CharField("tên chương trình", max_length=200, unique=True, help_text="Tên chuyên mục phát thanh.")
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text="Dùng trong địa chỉ API, không dấu, ví dụ “hoc-tap-va-lam-theo-bac”.",
    )
    weekday = models.PositiveSmallIntegerField(
        "ngày phát sóng", choices=WEEKDAYS, default=5, help_text="Ngày trong tuần phát sóng chuyên mục."
    )
    slot_time = models.TimeField("giờ phát sóng", default=datetime.time(19, 30), help_text="Giờ bắt đầu, ví dụ 19:30.")
    target_seconds = models.PositiveIntegerField(
        "thời lượng (giây)",
        default=600,
        validators=[MinValueValidator(30), MaxValueValidator(4 * 3600)],
        help_text="Thời lượng của khung giờ, tính bằng giây (10 phút = 600).",
    )
    default_presenter = models.ForeignKey(
        Presenter,
        verbose_name="người đọc mặc định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Người đọc được gán cho kịch bản mới.",
    )
    intro_template = models.TextField(
        "lời mở đầu (mẫu)",
        blank=True,
        validators=[validate_template],
        help_text="Chỗ điền: {chuong_trinh}, {thu}, {ngay}, {tuan}, {nam}, {nguoi_doc}, {trung_tam}. Ví dụ: “Kính thưa quý thính giả, hôm nay, {thu} ngày {ngay}, {trung_tam} …”.",
    )
    outro_template = models.TextField(
        "lời kết (mẫu)", blank=True, validators=[validate_template], help_text="Cùng các chỗ điền như lời mở đầu."
    )
    description = models.TextField("giới thiệu", blank=True, help_text="Giới thiệu ngắn, dùng cho nguồn tin (feed).")

    class Meta:
        verbose_name = "chương trình phát thanh"
        verbose_name_plural = "chương trình phát thanh"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def slot_start(self, week: IsoWeek) -> datetime.datetime:
        return datetime.datetime.combine(week.day(self.weekday), self.slot_time, tzinfo=STATION_TZ)

    def fill(self, template: str, week: IsoWeek, presenter: Presenter | None) -> str:
        air_date = week.day(self.weekday)
        values = {
            "chuong_trinh": self.name,
            "ngay": f"{air_date.day:02d}/{air_date.month:02d}/{air_date.year}",
            "thu": dict(WEEKDAYS)[self.weekday].lower(),
            "tuan": str(week.week),
            "nam": str(air_date.year),
            "nguoi_doc": presenter.name if presenter else "",
            "trung_tam": settings.CENTRE_NAME,
        }
        return (template or "").format_map(values)

    def suggested_rate(self) -> int | None:
        """Syllables per minute measured from aired recordings (latest 20), or None."""
        recordings = list(self.recordings.filter(seconds__gt=0, syllables__gt=0).order_by("-recorded_at")[:20])
        if not recordings:
            return None
        syllables = sum(r.syllables for r in recordings)
        seconds = sum(r.seconds for r in recordings)
        return round(syllables / seconds * 60)

    suggested_rate.short_description = "tốc độ đo được"


class AbbreviationScope(models.TextChoices):
    EVERYWHERE = "everywhere", "Mọi nơi"
    CODES = "codes", "Chỉ trong số hiệu văn bản"


class Abbreviation(models.Model):
    """One entry of the station's read-aloud list: UBND → Ủy ban nhân dân."""

    abbreviation = models.CharField(
        "viết tắt",
        max_length=40,
        help_text="Đúng như in, phân biệt chữ hoa chữ thường, ví dụ “UBND”, “TTg”, “CT/TW”.",
    )
    expansion = models.CharField("đọc là", max_length=200, help_text="Cách đọc đầy đủ, ví dụ “Ủy ban nhân dân”.")
    scope = models.CharField(
        "phạm vi",
        max_length=20,
        choices=AbbreviationScope.choices,
        default=AbbreviationScope.EVERYWHERE,
        help_text="“Chỉ trong số hiệu văn bản” cho chữ đọc khác trong câu văn: CT trong 05-CT/TW là “chỉ thị”, còn CT trong câu là “Chủ tịch”.",
    )
    note = models.CharField("ghi chú", max_length=200, blank=True, help_text="Ghi chú cho biên tập viên (không đọc).")

    class Meta:
        verbose_name = "từ viết tắt"
        verbose_name_plural = "từ viết tắt"
        ordering = ["abbreviation"]
        constraints = [models.UniqueConstraint(fields=["abbreviation", "scope"], name="radio_unique_abbreviation")]

    def __str__(self) -> str:
        return f"{self.abbreviation} → {self.expansion}"

    def clean(self):
        if not re.fullmatch(r"\S+", self.abbreviation or ""):
            raise ValidationError({"abbreviation": "Chữ viết tắt không được có khoảng trắng."})


def current_lists() -> tuple[dict[str, str], dict[str, str]]:
    """(everywhere, codes-only) abbreviation lists as the radio editors keep them now."""
    return split_lists(Abbreviation.objects.values_list("abbreviation", "expansion", "scope"))


def current_normaliser() -> Normaliser:
    """A normaliser with the list as the radio editors keep it now."""
    return Normaliser(*current_lists())


def story_or_exemplar_q():
    return models.Q(model="storypage", app_label="campaigns") | models.Q(model="exemplarpage", app_label="exemplars")


class RadioProposal(models.Model):
    """A page proposed for radio, from the page's own header button (“Đề xuất phát thanh”)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="bài hoặc điển hình",
        on_delete=models.CASCADE,
        related_name="radio_proposals",
        help_text="Tin việc tốt hoặc hồ sơ điển hình được đề xuất.",
    )
    preferred_week = models.CharField(
        "tuần mong muốn",
        max_length=8,
        blank=True,
        validators=[validate_week_label],
        help_text="Ví dụ 2026-W48; bỏ trống để biên tập phát thanh xếp vào tuần gần nhất.",
    )
    radio_text = models.TextField(
        "bản phát thanh",
        blank=True,
        help_text="Bản viết riêng để đọc trên sóng (không bắt buộc); bỏ trống để dùng nội dung bài.",
    )
    note = models.CharField("ghi chú", max_length=300, blank=True, help_text="Ghi chú cho biên tập phát thanh.")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề xuất",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField("thời điểm đề xuất", default=timezone.now)

    class Meta:
        verbose_name = "đề xuất phát thanh"
        verbose_name_plural = "đề xuất phát thanh"
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        week = f" — {self.preferred_week}" if self.preferred_week else ""
        return f"{self.page.title}{week}"

    def clean(self):
        if self.page_id and self.page.specific_class.__name__ not in ("StoryPage", "ExemplarPage"):
            raise ValidationError({"page": "Chỉ đề xuất được tin việc tốt hoặc hồ sơ điển hình."})

    @property
    def is_used(self) -> bool:
        return self.items.exists()


class RundownStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    APPROVED = "approved", "Đã duyệt"
    AIRED = "aired", "Đã phát sóng"


PUBLIC_STATUSES = (RundownStatus.APPROVED, RundownStatus.AIRED)


class Rundown(ClusterableModel):
    """One programme's script for one ISO week."""

    programme = models.ForeignKey(
        Programme, verbose_name="chương trình", on_delete=models.PROTECT, related_name="rundowns"
    )
    week = models.CharField(
        "tuần",
        max_length=8,
        validators=[validate_week_label],
        help_text="Tuần ISO, ví dụ 2026-W48 (thứ Hai đến Chủ nhật).",
    )
    week_start = models.DateField("thứ Hai của tuần", editable=False)
    presenter = models.ForeignKey(
        Presenter,
        verbose_name="người đọc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rundowns",
        help_text="Bỏ trống để dùng người đọc mặc định của chương trình.",
    )
    status = models.CharField(
        "tình trạng", max_length=20, choices=RundownStatus.choices, default=RundownStatus.DRAFT, db_index=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField("thời điểm duyệt", null=True, blank=True, editable=False)
    aired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận đã phát",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    aired_at = models.DateTimeField("thời điểm xác nhận đã phát", null=True, blank=True, editable=False)
    version = models.PositiveIntegerField("phiên bản", default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "kịch bản tuần"
        verbose_name_plural = "kịch bản tuần"
        ordering = ["-week_start", "programme__name"]
        constraints = [models.UniqueConstraint(fields=["programme", "week"], name="radio_one_rundown_per_week")]
        permissions = [("approve_rundown", "Có thể duyệt kịch bản phát thanh")]

    def __str__(self) -> str:
        return f"{self.programme} — tuần {self.week}"

    @property
    def iso_week(self) -> IsoWeek:
        return IsoWeek.parse(self.week)

    @property
    def effective_presenter(self) -> Presenter | None:
        return self.presenter or self.programme.default_presenter

    @property
    def rate(self) -> int:
        presenter = self.effective_presenter
        return presenter.rate if presenter else DEFAULT_RATE

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @staticmethod
    def _user_label(user) -> str:
        if user is None:
            return "không rõ (không ghi nhận tài khoản)"
        full = user.get_full_name().strip()
        username = user.get_username()
        return f"{full} ({username})" if full and full != username else username

    @property
    def approved_by_label(self) -> str:
        """Who approved, as the admin shows it: “Hồng Nhung (phatthanh)”, never “None”."""
        return self._user_label(self.approved_by)

    @property
    def aired_by_label(self) -> str:
        return self._user_label(self.aired_by)

    def save(self, *args, **kwargs):
        self.week_start = IsoWeek.parse(self.week).monday
        self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    # -- workflow --------------------------------------------------------------------------

    def open_flag_problems(self, items=None) -> list[str]:
        """Vietnamese sentences naming each item that still has unchecked flags."""
        problems = []
        for item in items if items is not None else self.items.all():
            if item.open_flags:
                tokens = ", ".join(f"“{f['token']}”" for f in item.open_flags)
                problems.append(f"Mục {item.slug or item.pk}: còn chỗ chưa đọc được {tokens}.")
        return problems

    def approve(self, user) -> None:
        problems = self.open_flag_problems()
        if problems:
            raise ValidationError(
                "Chưa duyệt được: " + " ".join(problems) + " Hãy sửa văn bản, thêm từ viết tắt hoặc đánh dấu "
                "“đã kiểm tra cách đọc” cho từng mục."
            )
        self.status = RundownStatus.APPROVED
        self.approved_by, self.approved_at = user, timezone.now()
        self.save()

    def mark_aired(self, user) -> None:
        if self.status != RundownStatus.APPROVED:
            raise ValidationError("Chỉ kịch bản đã duyệt mới được xác nhận đã phát sóng.")
        self.status = RundownStatus.AIRED
        self.aired_by, self.aired_at = user, timezone.now()
        self.save()

    # -- timing ----------------------------------------------------------------------------

    def timed(self, items):
        """The Timeline of the given items, in order (each TimedItem's key is the item)."""
        rate = self.rate
        line = timeline(
            [(item, item.estimated_seconds(rate)) for item in items],
            target=self.programme.target_seconds,
            slot_start=self.programme.slot_start(self.iso_week),
        )
        return line


class ItemKind(models.TextChoices):
    INTRO = "intro", "Mở đầu"
    STORY = "story", "Tin, bài"
    OUTRO = "outro", "Kết"
    CUE = "cue", "Nhạc hiệu, tín hiệu"


class RundownItem(Orderable):
    """One script item. The read text is derived from the display text on every save."""

    rundown = ParentalKey(Rundown, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField("loại", max_length=10, choices=ItemKind.choices, default=ItemKind.STORY)
    slug = models.CharField(
        "tên mục",
        max_length=128,
        help_text="Tên mục người đọc thấy trong kịch bản (tối đa 128 ký tự), viết có dấu, ví dụ “Lời mở đầu”, “Ông Năm cứu ngư dân”.",
    )
    display_text = models.TextField(
        "văn bản",
        blank=True,
        help_text="Văn bản như in. Văn bản đọc (số, ngày, chữ viết tắt viết thành chữ) được tạo tự động khi lưu.",
    )
    read_text = models.TextField("văn bản đọc", blank=True, editable=False)
    presenter_notes = models.TextField(
        "ghi chú cho người đọc",
        blank=True,
        help_text="Chỉ dẫn cho phát thanh viên (không đọc, không tính thời lượng).",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="nguồn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tin việc tốt hoặc điển hình mà mục này lấy nội dung.",
    )
    proposal = models.ForeignKey(
        RadioProposal,
        verbose_name="đề xuất",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    planned_seconds = models.PositiveIntegerField(
        "thời lượng dự kiến (giây)",
        null=True,
        blank=True,
        help_text="Với nhạc hiệu: độ dài đoạn nhạc. Với mục đọc: để trống, thời lượng được ước tính.",
    )
    aired_seconds = models.PositiveIntegerField(
        "thời lượng thực tế (giây)",
        null=True,
        blank=True,
        help_text="Ghi sau khi phát sóng để hiệu chỉnh tốc độ đọc.",
    )
    expansions = models.JSONField("các chỗ đã viết thành chữ", default=list, blank=True, editable=False)
    flags = models.JSONField("các chỗ chưa đọc được", default=list, blank=True, editable=False)
    flags_acknowledged = models.BooleanField(
        "đã kiểm tra cách đọc",
        default=False,
        help_text="Đánh dấu khi đã xem từng chỗ được đánh dấu và đồng ý để người đọc đọc nguyên văn.",
    )
    acknowledged_tokens = models.JSONField(default=list, blank=True, editable=False)
    syllables = models.PositiveIntegerField("số âm tiết", default=0, editable=False)
    had_source = models.BooleanField(default=False, editable=False)
    withdrawn = models.BooleanField(
        "nguồn đã gỡ",
        default=False,
        editable=False,
        help_text="Nguồn đã bị gỡ xuất bản hoặc rút lại đồng ý: mục không xuất hiện ở đâu công khai.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "mục kịch bản"
        verbose_name_plural = "mục kịch bản"

    def __str__(self) -> str:
        return self.slug

    def save(self, *args, **kwargs):
        self.refresh_reading()
        if self.source_page_id:
            self.had_source = True
        super().save(*args, **kwargs)
        self._stored_acknowledged = self.flags_acknowledged
        self._sync_recording()

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item._stored_acknowledged = item.flags_acknowledged
        return item

    def _sync_recording(self) -> None:
        """An aired length typed on the item becomes a calibration recording for the programme."""
        if self.aired_seconds and self.syllables and self.kind != ItemKind.CUE:
            AiredRecording.objects.update_or_create(
                item=self,
                defaults={
                    "programme_id": self.rundown.programme_id,
                    "rundown_id": self.rundown_id,
                    "syllables": self.syllables,
                    "seconds": self.aired_seconds,
                },
            )
        else:
            AiredRecording.objects.filter(item=self).delete()

    def refresh_reading(self, normaliser=None) -> None:
        if self.kind == ItemKind.CUE:
            self.read_text, self.expansions, self.flags, self.syllables = "", [], [], 0
        else:
            reading = (normaliser or current_normaliser()).read(self.display_text)
            self.read_text = reading.text
            self.expansions = [e.as_dict() for e in reading.expansions]
            self.flags = [f.as_dict() for f in reading.flags]
            self.syllables = count_syllables(reading.text)
        # The checkbox acknowledges the flags the editor saw when ticking it. Ticked now: every
        # current flag is acknowledged. Still ticked from before: earlier acknowledgements hold,
        # but a flag introduced by this edit stays open. Unticked: nothing is acknowledged.
        tokens = sorted({f["token"] for f in self.flags})
        if not self.flags_acknowledged:
            self.acknowledged_tokens = []
        elif not getattr(self, "_stored_acknowledged", False):
            self.acknowledged_tokens = tokens
        self.flags_acknowledged = bool(tokens) and set(tokens) <= set(self.acknowledged_tokens or [])

    @property
    def open_flags(self) -> list[dict]:
        acknowledged = set(self.acknowledged_tokens or [])
        return [f for f in self.flags or [] if f["token"] not in acknowledged]

    def estimated_seconds(self, rate: float) -> float:
        if self.kind == ItemKind.CUE:
            return float(self.planned_seconds or 0)
        return seconds_for(self.syllables, rate)

    def content_hash(self) -> str:
        data = [self.kind, self.slug, self.display_text, self.read_text, self.presenter_notes]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]


class AiredRecording(models.Model):
    """A measured on-air length, to calibrate the reading rate of a programme."""

    programme = models.ForeignKey(
        Programme, verbose_name="chương trình", on_delete=models.CASCADE, related_name="recordings"
    )
    rundown = models.ForeignKey(
        Rundown,
        verbose_name="kịch bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recordings",
        help_text="Kịch bản đã phát (bỏ trống nếu chỉ ghi một đoạn).",
    )
    item = models.OneToOneField(
        RundownItem,
        verbose_name="mục",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recording",
    )
    syllables = models.PositiveIntegerField(
        "số âm tiết đã đọc", help_text="Tự điền từ kịch bản; sửa nếu người đọc bỏ hoặc thêm đoạn."
    )
    seconds = models.PositiveIntegerField("thời lượng thực tế (giây)", validators=[MinValueValidator(1)])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người ghi", null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField("thời điểm ghi", default=timezone.now)

    class Meta:
        verbose_name = "thời lượng đã phát"
        verbose_name_plural = "thời lượng đã phát"
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.programme}: {self.syllables} âm tiết trong {self.seconds} giây"

    @property
    def measured_rate(self) -> int:
        return round(self.syllables / self.seconds * 60) if self.seconds else 0
