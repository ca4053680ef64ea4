"""Exemplars (điển hình tiên tiến) and the vocabularies they are described with.

This app sits at the bottom of the dependency graph: places, fields (lĩnh vực), organisations
and award types are vocabularies shared by the whole site; `ExemplarPage` is a profile of one
individual, collective, household or replicable model (mô hình), with its awards as child
records and its consent record kept apart from page revisions (consent is a legal fact, not
editorial content, so it takes effect immediately rather than through moderation).
"""

from __future__ import annotations

import datetime
import unicodedata

from anyascii import anyascii

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import api_serializers as api
from .blocks import StoryBlock
from .forms import ExemplarPageForm
from .headless import HeadlessPreviewPageMixin


def fold(text: str) -> str:
    """Fold Vietnamese text for matching: lower case, no accents, đ → d ("Đảo" → "dao")."""
    return " ".join(anyascii(text or "").lower().split())


# Vietnamese alphabetical order (as in dictionaries and CLDR's "vi" collation): letters with a
# breve, circumflex or horn and đ are letters of their own, after their base letter; tone marks
# only break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng. Done in Python because the
# databases we run on (SQLite, PostgreSQL with the default "C"/"en_US" collation) sort bytes or
# English, where "Đ" comes after "Z" and "Â" after "A…Z".
_VI_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# After NFD, ă â ê ô ơ ư are a base letter followed by a breve, circumflex or horn.
_VI_MARKED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_VI_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese text in Vietnamese alphabetical order, case-insensitively.

    `sorted(titles, key=vi_sort_key)` gives "An, Ăn, Ân, Bình, Dũng, Đức, Em, Ê…". Characters
    outside the alphabet (spaces, digits, punctuation) sort by code point before the letters.
    """
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    previous = ""
    for char in unicodedata.normalize("NFD", (text or "").lower()):
        if char in _VI_TONES:
            # A tone may come before the letter's own mark: NFD puts the dot below (ặ, ậ, ợ) first.
            if tones:
                tones[-1] = _VI_TONES[char]
            continue
        if previous + char in _VI_MARKED:
            letters[-1] = (1, _VI_LETTERS.index(_VI_MARKED[previous + char]))
        elif not unicodedata.combining(char):
            letters.append((1, _VI_LETTERS.index(char)) if char in _VI_LETTERS else (0, ord(char)))
            tones.append(0)
            previous = char
            continue
        previous = ""
    return (tuple(letters), tuple(tones), text or "")


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------


class PlaceKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh"
    CITY = "city", "Thành phố trực thuộc trung ương"
    DISTRICT = "district", "Huyện"
    SPECIAL_ZONE = "special_zone", "Đặc khu"
    COMMUNE = "commune", "Xã"
    WARD = "ward", "Phường"
    TOWNLET = "townlet", "Thị trấn"
    VILLAGE = "village", "Thôn"
    RESIDENTIAL_GROUP = "residential_group", "Tổ dân phố"


# Type words that people may or may not type before a place name ("thôn Đông", "Đông").
PLACE_TYPE_WORDS = sorted(
    {fold(label) for label in PlaceKind.labels} | {"tp", "tinh", "huyen", "xa", "thon", "to dan pho"},
    key=len,
    reverse=True,
)


class Place(models.Model):
    """A place as a tree with validity dates (tỉnh → xã/phường/đặc khu → thôn/tổ dân phố).

    Places are never rewritten when administrative units change: the old record gets a
    `valid_to` date and a successor, so that a 2015 story still names the district it was in.
    """

    name = models.CharField("tên", max_length=120, help_text="Tên riêng, không kèm loại, ví dụ “Lý Sơn”.")
    kind = models.CharField(
        "loại địa bàn", max_length=20, choices=PlaceKind.choices, help_text="Cấp hoặc loại địa bàn."
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Đơn vị cấp trên trực tiếp, ví dụ thôn thuộc đặc khu, đặc khu thuộc tỉnh.",
    )
    valid_from = models.DateField(
        "có hiệu lực từ", null=True, blank=True, help_text="Ngày đơn vị được thành lập; bỏ trống nếu không rõ."
    )
    valid_to = models.DateField(
        "hết hiệu lực từ",
        null=True,
        blank=True,
        help_text="Ngày đơn vị giải thể hoặc sáp nhập (không còn tồn tại từ ngày này); bỏ trống nếu còn hiệu lực.",
    )
    predecessors = models.ManyToManyField(
        "self",
        verbose_name="đơn vị tiền thân",
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text="Các đơn vị được sáp nhập hoặc chuyển đổi thành đơn vị này.",
    )
    legal_basis = models.CharField(
        "văn bản thành lập",
        max_length=200,
        blank=True,
        help_text="Số hiệu văn bản thành lập, sáp nhập hoặc giải thể, ví dụ “NQ 1677/NQ-UBTVQH15”.",
    )
    folded_name = models.CharField(max_length=120, editable=False, db_index=True)

    class Meta:
        verbose_name = "địa bàn"
        verbose_name_plural = "địa bàn"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="place_valid_to_after_valid_from",
                violation_error_message="Ngày hết hiệu lực phải sau ngày có hiệu lực.",
            )
        ]

    def __str__(self) -> str:
        label = f"{self.get_kind_display()} {self.name}"
        if self.valid_to:
            return f"{label} (đến {self.valid_to:%d/%m/%Y})"
        return label

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": "Một địa bàn không thể thuộc chính nó."})
            ancestor = ancestor.parent

    @property
    def full_name(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def is_valid_on(self, date: datetime.date | None = None) -> bool:
        date = date or timezone.localdate()
        if self.valid_from and date < self.valid_from:
            return False
        return not (self.valid_to and date >= self.valid_to)

    @property
    def is_current(self) -> bool:
        return self.is_valid_on()

    def ancestors(self) -> list[Place]:
        """This place and the units above it, nearest first (thôn → đặc khu → tỉnh)."""
        chain, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    @property
    def path_label(self) -> str:
        return ", ".join(place.full_name for place in self.ancestors())

    def current_successors(self) -> list[Place]:
        """Where this place lives on today, following successor links ("now: đặc khu Lý Sơn")."""
        result, frontier, seen = [], list(self.successors.all()), set()
        while frontier:
            place = frontier.pop(0)
            if place.pk in seen:
                continue
            seen.add(place.pk)
            if place.is_current:
                result.append(place)
            else:
                frontier.extend(place.successors.all())
        return result

    @classmethod
    def descendant_ids(cls, root_ids) -> set[int]:
        """Ids of the given places and every place under them (one query per tree level)."""
        found = set(root_ids)
        frontier = set(root_ids)
        while frontier:
            frontier = set(cls.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
            found |= frontier
        return found

    @classmethod
    def strip_type_word(cls, folded: str) -> str:
        for word in PLACE_TYPE_WORDS:
            if folded.startswith(word + " "):
                return folded[len(word) + 1 :].strip()
        return folded

    @classmethod
    def name_matches(cls, place: Place, text: str) -> bool:
        """Whether `text` names `place`, with or without its type word ("đặc khu Lý Sơn", "ly son")."""
        folded = fold(text)
        return folded in (place.folded_name, fold(place.full_name))

    @classmethod
    def match_in(cls, by_folded_name: dict[str, list[Place]], text: str) -> list[Place]:
        """Places named `text` among preloaded places (folded name → places), any validity.

        A typed type word narrows the result to places of that kind ("thôn An Bình" is not
        the former xã An Bình); without one, every place of that name is a candidate.
        """
        folded = fold(text)
        stripped = cls.strip_type_word(folded)
        places = list(by_folded_name.get(folded, []))
        if stripped != folded:
            places += [p for p in by_folded_name.get(stripped, []) if p not in places]
            typed = [p for p in places if fold(p.full_name) == folded]
            places = typed or places
        return places

    @classmethod
    def pick_current(
        cls, candidates: list[Place], date: datetime.date | None = None
    ) -> tuple[Place | None, list[Place]]:
        """The one candidate valid on `date` (today), else the tie to report.

        One current place wins over any number of former ones ("Lý Sơn" is the đặc khu, not the
        former huyện); a lone former place is accepted (a story may predate the reform); two
        current places, or several former ones and no current, are a tie.
        """
        current = [p for p in candidates if p.is_valid_on(date)]
        if len(current) == 1:
            return current[0], []
        if len(current) > 1:
            return None, current
        if len(candidates) == 1:
            return candidates[0], []
        return None, list(candidates)

    @classmethod
    def match(cls, text: str) -> list[Place]:
        """Places whose name matches `text` regardless of case, accents and a leading type word.

        Current places come first; the caller decides what to do with a tie (see `pick_current`).
        """
        folded = fold(text)
        by_name: dict[str, list[Place]] = {}
        for place in cls.objects.filter(folded_name__in={folded, cls.strip_type_word(folded)}).select_related("parent"):
            by_name.setdefault(place.folded_name, []).append(place)
        return sorted(cls.match_in(by_name, text), key=lambda p: (not p.is_current, p.name))


class Field(models.Model):
    """A field of work (lĩnh vực): khai thác hải sản, giáo dục, nhân đạo từ thiện…"""

    name = models.CharField("tên lĩnh vực", max_length=120, unique=True, help_text="Ví dụ “Khai thác hải sản”.")
    slug = models.SlugField(
        "đường dẫn", max_length=120, unique=True, allow_unicode=False, help_text="Dùng trong địa chỉ web, không dấu."
    )
    description = models.TextField("mô tả", blank=True, help_text="Mô tả ngắn phạm vi lĩnh vực.")
    folded_name = models.CharField(max_length=120, editable=False, db_index=True)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)


class OrganisationKind(models.TextChoices):
    STATE = "state", "Cơ quan nhà nước"
    PARTY = "party", "Tổ chức Đảng"
    FRONT = "front", "Mặt trận Tổ quốc và đoàn thể"
    UNIT = "unit", "Đơn vị sự nghiệp"
    OTHER = "other", "Khác"


class Organisation(models.Model):
    """An organisation that launches campaigns or issues awards (UBND, Ban Dân vận…)."""

    name = models.CharField(
        "tên cơ quan, tổ chức",
        max_length=200,
        unique=True,
        help_text="Tên đầy đủ, ví dụ “Ủy ban nhân dân huyện Lý Sơn”.",
    )
    short_name = models.CharField("tên viết tắt", max_length=60, blank=True, help_text="Ví dụ “UBND huyện Lý Sơn”.")
    kind = models.CharField(
        "loại",
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.STATE,
        help_text="Loại cơ quan, tổ chức.",
    )
    place = models.ForeignKey(
        Place,
        verbose_name="địa bàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="Địa bàn hoạt động của cơ quan.",
    )

    class Meta:
        verbose_name = "cơ quan, tổ chức"
        verbose_name_plural = "cơ quan, tổ chức"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AwardCategory(models.TextChoices):
    EMULATION_TITLE = "emulation_title", "Danh hiệu thi đua"
    COMMENDATION = "commendation", "Hình thức khen thưởng"


class AwardLevel(models.TextChoices):
    NATIONAL = "national", "Nhà nước, Chính phủ"
    PROVINCE = "province", "Bộ, ban, ngành, tỉnh"
    DISTRICT = "district", "Huyện (trước 1/7/2025)"
    COMMUNE = "commune", "Xã, phường, đặc khu"
    UNIT = "unit", "Cơ quan, đơn vị"


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"
    MODEL = "model", "Mô hình"


class AwardType(models.Model):
    """A kind of award from the law's vocabulary: an emulation title or a form of commendation."""

    name = models.CharField(
        "tên danh hiệu, hình thức",
        max_length=200,
        unique=True,
        help_text="Ví dụ “Chiến sĩ thi đua cơ sở”, “Giấy khen”.",
    )
    category = models.CharField(
        "nhóm",
        max_length=20,
        choices=AwardCategory.choices,
        help_text="Danh hiệu thi đua (ghi nhận kết quả phong trào) hay hình thức khen thưởng (ghi nhận đóng góp).",
    )
    level = models.CharField("cấp", max_length=20, choices=AwardLevel.choices, help_text="Cấp quyết định khen thưởng.")
    subject_kind = models.CharField(
        "đối tượng",
        max_length=20,
        choices=SubjectKind.choices,
        blank=True,
        help_text="Đối tượng được xét; bỏ trống nếu áp dụng cho mọi đối tượng.",
    )
    slug = models.SlugField(
        "đường dẫn", max_length=120, unique=True, help_text="Dùng trong địa chỉ web và bộ lọc, không dấu."
    )
    description = models.TextField("mô tả", blank=True, help_text="Căn cứ pháp lý, tiêu chuẩn xét tặng.")
    folded_name = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = "loại khen thưởng"
        verbose_name_plural = "loại khen thưởng"
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


class IndexPage(HeadlessPreviewPageMixin, Page):
    """Base of the site's list pages (exemplars, campaigns, stories): one of each, under home."""

    intro = RichTextField(
        "giới thiệu",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Đoạn giới thiệu ở đầu trang danh sách.",
    )

    api_fields = [APIField("intro", serializer=api.RichTextHTMLField())]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class ExemplarIndexPage(IndexPage):
    """The list of exemplars, at /dien-hinh/ under the home page."""

    subpage_types = ["exemplars.ExemplarPage"]

    class Meta:
        verbose_name = "danh sách điển hình"
        verbose_name_plural = "danh sách điển hình"

    def get_context(self, request, *args, **kwargs):
        from .browse import ExemplarBrowser
        from .queries import public_exemplars

        context = super().get_context(request, *args, **kwargs)
        browser = ExemplarBrowser(public_exemplars().child_of(self), request.GET)
        page_obj = browser.page()
        context.update(
            exemplars=page_obj.object_list,
            page_obj=page_obj,
            facets=browser.facets(),
            active_filters=browser.active_filters(),
            filter_errors=browser.errors,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An unknown facet value is bad input: say so on the page, with a 400 status.
        if getattr(response, "context_data", None) and response.context_data.get("filter_errors"):
            response.status_code = 400
        return response


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


def publication_allowed_expression(consent_model):
    """SQL for "kind or consent allows publication" of an exemplar row (also used by migrations,
    which pass their historical ConsentRecord)."""
    given = consent_model.objects.filter(page_id=OuterRef("pk"), status="given", covers_publication=True)
    return Case(
        When(Q(kind__in=["collective", "model"]) | Exists(given), then=Value(True)),
        default=Value(False),
        output_field=models.BooleanField(),
    )


class ExemplarPage(HeadlessPreviewPageMixin, Page):
    """A profile of one exemplar (điển hình tiên tiến): individual, collective, household or model.

    Awards are child records (`awards`), shown as a timeline. Personal details of individuals
    and households (photo, birth year, story) are shown only as far as `consent` covers them.
    """

    kind = models.CharField(
        "loại điển hình",
        max_length=20,
        choices=SubjectKind.choices,
        help_text="Cá nhân, tập thể, hộ gia đình hay mô hình (cách làm có thể nhân rộng).",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chân dung / ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh chân dung (cá nhân) hoặc ảnh tiêu biểu (tập thể, mô hình). Chỉ hiển thị nếu người được nêu gương đồng ý.",
    )
    portrait_alt = models.CharField(
        "mô tả ảnh (alt)",
        max_length=250,
        blank=True,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị; bắt buộc khi có ảnh.",
    )
    portrait_credit = models.CharField("nguồn ảnh", max_length=200, blank=True, help_text="Tác giả hoặc nguồn ảnh.")
    place = models.ForeignKey(
        Place,
        verbose_name="địa bàn",
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text="Thôn/tổ dân phố (hoặc xã, đặc khu) nơi điển hình sinh sống, hoạt động — theo thời điểm của câu chuyện.",
    )
    fields = ParentalManyToManyField(
        Field,
        verbose_name="lĩnh vực",
        blank=True,
        related_name="exemplars",
        help_text="Một hoặc nhiều lĩnh vực hoạt động.",
    )
    occupation = models.CharField("nghề nghiệp", max_length=200, blank=True, help_text="Ví dụ “ngư dân”, “giáo viên”.")
    unit = models.CharField("đơn vị công tác", max_length=200, blank=True, help_text="Cơ quan, đơn vị (nếu có).")
    position = models.CharField("chức vụ", max_length=200, blank=True, help_text="Chức vụ (nếu có).")
    birth_year = models.PositiveSmallIntegerField(
        "năm sinh",
        null=True,
        blank=True,
        validators=[MinValueValidator(1880), MaxValueValidator(2100)],
        help_text="Chỉ năm sinh, không ghi ngày sinh. Chỉ dành cho cá nhân; chỉ hiển thị nếu có đồng ý.",
    )
    gender = models.CharField(
        "giới tính",
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text="Chỉ dành cho cá nhân; chỉ hiển thị nếu có đồng ý.",
    )
    summary = models.TextField(
        "tóm tắt",
        max_length=600,
        help_text="Một đoạn ngắn (tối đa 600 ký tự) nêu điều đáng học tập; dùng cho danh sách, chia sẻ và phát thanh.",
    )
    body = StreamField(
        StoryBlock(),
        verbose_name="câu chuyện",
        blank=True,
        help_text="Câu chuyện đầy đủ: đoạn văn, trích dẫn, ảnh, con số, video.",
    )
    achievements = RichTextField(
        "thành tích",
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Thành tích nổi bật, có số liệu.",
    )
    replication_guide = RichTextField(
        "hướng dẫn nhân rộng",
        blank=True,
        features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text="Chỉ dành cho mô hình: cần những gì, ai làm, bao nhiêu kinh phí, các bước để nơi khác làm theo.",
    )
    source = models.CharField(
        "nguồn tư liệu", max_length=250, blank=True, help_text="Báo cáo, hồ sơ hoặc người cung cấp thông tin."
    )
    is_fictional = models.BooleanField(
        "nhân vật hư cấu (dữ liệu mẫu)",
        default=False,
        help_text="Đánh dấu hồ sơ mẫu do hệ thống tạo ra; trang công khai sẽ ghi rõ đây là nhân vật hư cấu.",
    )
    external_code = models.CharField(
        "mã hồ sơ",
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text="Mã do văn phòng tự đặt (dùng khi nhập từ bảng tính); không trùng nhau.",
    )
    # Derived from `kind` and the consent record, kept true on every save of either (see
    # `save()` and exemplars.signals), so that public lists filter on one column of this table
    # instead of joining consent records for every row.
    publication_allowed = models.BooleanField(
        "được phép công bố",
        default=False,
        editable=False,
        help_text="Tập thể và mô hình luôn được; cá nhân và hộ gia đình chỉ khi có phiếu đồng ý công bố còn hiệu lực.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("place"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("is_fictional"),
                FieldPanel("external_code"),
            ],
            heading="Phân loại",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("portrait"),
                FieldRowPanel([FieldPanel("portrait_alt"), FieldPanel("portrait_credit")]),
            ],
            heading="Ảnh",
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("fields", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("occupation"), FieldPanel("unit"), FieldPanel("position")]),
                FieldRowPanel([FieldPanel("birth_year"), FieldPanel("gender")]),
            ],
            heading="Thông tin",
        ),
        FieldPanel("body"),
        FieldPanel("achievements"),
        FieldPanel("replication_guide"),
        InlinePanel("awards", heading="Khen thưởng", label="khen thưởng"),
        FieldPanel("source"),
        HelpPanel(
            content=(
                "<p>Với cá nhân và hộ gia đình: cần có <strong>phiếu đồng ý công bố</strong> "
                "(mục “Đồng ý công bố” trong menu Điển hình) trước khi gửi duyệt.</p>"
            ),
            heading="Đồng ý công bố",
        ),
    ]

    base_form_class = ExemplarPageForm  # refuses review/publication without consent
    parent_page_types = ["exemplars.ExemplarIndexPage"]
    subpage_types: list[str] = []

    # Wagtail's API v2: what the public page shows, with consent applied (see api_serializers).
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("place", serializer=api.PlaceField()),
        APIField("fields", serializer=api.SlugNameListField()),
        APIField("portrait", serializer=api.PortraitField()),
        APIField("occupation"),
        APIField("unit"),
        APIField("position"),
        APIField("birth_year", serializer=api.ConsentGatedField("birth_year", "birth_year")),
        APIField("gender", serializer=api.ConsentGatedField("gender", "birth_year")),
        APIField("body", serializer=api.BodyField()),
        APIField("achievements", serializer=api.RichTextHTMLField()),
        APIField("replication_guide", serializer=api.RichTextHTMLField()),
        APIField("awards", serializer=api.AwardsField()),
        APIField("campaigns", serializer=api.PublicPagesField(lambda page, site: _public_campaigns_of(page, site))),
        APIField("stories", serializer=api.PublicPagesField(lambda page, site: _public_stories_of(page, site))),
        APIField("source"),
        APIField("is_fictional"),
    ]

    class Meta:
        verbose_name = "điển hình"
        verbose_name_plural = "điển hình"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="individual") | (Q(birth_year__isnull=True) & Q(gender="")),
                name="exemplar_personal_details_only_for_individuals",
                violation_error_message="Năm sinh và giới tính chỉ dành cho cá nhân.",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind != SubjectKind.INDIVIDUAL:
            if self.birth_year:
                errors["birth_year"] = "Năm sinh chỉ dành cho điển hình cá nhân."
            if self.gender:
                errors["gender"] = "Giới tính chỉ dành cho điển hình cá nhân."
        if self.birth_year and self.birth_year > timezone.localdate().year:
            errors["birth_year"] = "Năm sinh không được ở tương lai."
        if self.portrait_id and not self.portrait_alt:
            errors["portrait_alt"] = "Cần mô tả ảnh (alt) khi có ảnh chân dung."
        # An emptied rich-text editor posts "<p data-block-key=…></p>": judge by the text in it.
        if strip_tags(self.replication_guide or "").strip() and self.kind != SubjectKind.MODEL:
            errors["replication_guide"] = "Hướng dẫn nhân rộng chỉ dành cho mô hình."
        if errors:
            raise ValidationError(errors)

    # -- consent ---------------------------------------------------------------------------

    @property
    def needs_consent(self) -> bool:
        return self.kind in (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)

    @cached_property
    def consent_record(self) -> ConsentRecord | None:
        try:
            return self.consent
        except ConsentRecord.DoesNotExist:
            return None

    def consent_covers(self, detail: str) -> bool:
        """Whether `detail` ("publication", "photo", "birth_year", "story") may be shown."""
        if not self.needs_consent:
            return True
        record = self.consent_record
        return bool(record and record.covers(detail))

    @property
    def show_portrait(self) -> bool:
        return bool(self.portrait_id) and self.consent_covers("photo")

    @property
    def show_birth_year(self) -> bool:
        return bool(self.birth_year) and self.consent_covers("birth_year")

    @property
    def show_story(self) -> bool:
        return self.consent_covers("story")

    # -- public surfaces -------------------------------------------------------------------

    def _consent_allows_publication(self) -> bool:
        """Read fresh from the database (not `consent_record`, which may be cached and stale)."""
        if not self.needs_consent:
            return True
        if self.pk is None:
            return False
        return ConsentRecord.objects.filter(
            page_id=self.pk, status=ConsentStatus.GIVEN, covers_publication=True
        ).exists()

    def save(self, *args, **kwargs):
        # Publishing a revision saves the page too, so a flag serialised in an old revision
        # is recomputed here rather than restored.
        self.publication_allowed = self._consent_allows_publication()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "publication_allowed" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "publication_allowed"]
        return super().save(*args, **kwargs)

    @classmethod
    def refresh_publication_allowed(cls, page_ids=None) -> None:
        """Recompute `publication_allowed` in one UPDATE, for `page_ids` or for every exemplar
        (after bulk writes that bypass `save()` and the consent signals)."""
        pages = cls.objects.all() if page_ids is None else cls.objects.filter(pk__in=list(page_ids))
        pages.update(publication_allowed=publication_allowed_expression(ConsentRecord))

    @property
    def is_publishable(self) -> bool:
        """Whether consent allows this page on any public surface (see queries.public_exemplars)."""
        return self.consent_covers("publication")

    def serve(self, request, *args, **kwargs):
        # A live page whose consent was withdrawn is not public: 404, except for editors' previews.
        if not self.is_publishable and not getattr(request, "is_preview", False):
            raise Http404("Hồ sơ này không được công bố.")
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_publishable else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Campaigns and stories are read through reverse relations (no import of the campaigns app).
        campaign_ids = self.campaign_links.values("page_id")
        context["related_campaigns"] = sorted(
            Page.objects.live().public().filter(pk__in=campaign_ids), key=lambda c: vi_sort_key(c.title)
        )
        if hasattr(self, "stories"):
            context["related_stories"] = self.stories.live().public().order_by("-date", "-pk")[:6]
        return context

    def timeline(self):
        """Awards oldest first, revoked ones included and marked (the record is kept)."""
        return self.awards.select_related("award_type", "issuer").order_by("decision_date", "sort_order")


class CommendationType(models.TextChoices):
    MERIT = "merit", "Công trạng"
    AD_HOC = "ad_hoc", "Đột xuất"
    CAMPAIGN = "campaign", "Theo phong trào thi đua, chuyên đề"
    DEDICATION = "dedication", "Quá trình cống hiến"
    SENIORITY = "seniority", "Niên hạn"
    FOREIGN = "foreign", "Đối ngoại"


class Award(Orderable):
    """One award decision for an exemplar. The issuer is stored exactly as printed."""

    page = ParentalKey(ExemplarPage, on_delete=models.CASCADE, related_name="awards")
    award_type = models.ForeignKey(
        AwardType,
        verbose_name="danh hiệu / hình thức",
        on_delete=models.PROTECT,
        related_name="awards",
        help_text="Chọn từ danh mục loại khen thưởng.",
    )
    decision_number = models.CharField("số quyết định", max_length=80, blank=True, help_text="Ví dụ “1234/QĐ-UBND”.")
    decision_date = models.DateField("ngày quyết định", help_text="Ngày ký quyết định.")
    issuer_as_printed = models.CharField(
        "cấp ra quyết định (như in trên quyết định)",
        max_length=250,
        help_text="Ghi đúng như trên quyết định tại thời điểm ký, ví dụ “Chủ tịch UBND huyện Lý Sơn” — không sửa theo tên đơn vị hiện nay.",
    )
    issuer = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan ra quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards_issued",
        help_text="Cơ quan trong danh mục (để thống kê); không thay thế tên như in.",
    )
    level = models.CharField(
        "cấp khen",
        max_length=20,
        choices=AwardLevel.choices,
        blank=True,
        help_text="Bỏ trống để dùng cấp của loại khen thưởng.",
    )
    commendation_type = models.CharField(
        "loại hình khen thưởng",
        max_length=20,
        choices=CommendationType.choices,
        blank=True,
        help_text="Công trạng, đột xuất, theo phong trào…",
    )
    achievement = models.CharField(
        "thành tích được khen", max_length=300, blank=True, help_text="Trích nội dung khen trong quyết định."
    )
    decision_scan = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="bản chụp quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tệp PDF hoặc ảnh chụp quyết định (không bắt buộc).",
    )
    revoked = models.BooleanField(
        "đã thu hồi", default=False, help_text="Đánh dấu nếu khen thưởng đã bị thu hồi; hồ sơ vẫn được giữ."
    )
    revoked_date = models.DateField("ngày thu hồi", null=True, blank=True, help_text="Ngày quyết định thu hồi.")
    revoked_reason = models.CharField(
        "lý do thu hồi", max_length=300, blank=True, help_text="Lý do và số quyết định thu hồi."
    )

    panels = [
        FieldRowPanel([FieldPanel("award_type"), FieldPanel("level"), FieldPanel("commendation_type")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldRowPanel([FieldPanel("issuer_as_printed"), FieldPanel("issuer")]),
        FieldPanel("achievement"),
        FieldPanel("decision_scan"),
        FieldRowPanel([FieldPanel("revoked"), FieldPanel("revoked_date"), FieldPanel("revoked_reason")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "khen thưởng"
        verbose_name_plural = "khen thưởng"

    def __str__(self) -> str:
        return f"{self.award_type} — {self.decision_number or 'không số'} ({self.decision_date:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.revoked and not self.revoked_date:
            errors["revoked_date"] = "Cần ngày thu hồi khi đánh dấu đã thu hồi."
        if not self.revoked and (self.revoked_date or self.revoked_reason):
            errors["revoked"] = "Hãy đánh dấu “đã thu hồi” nếu nhập ngày hoặc lý do thu hồi."
        if self.revoked_date and self.decision_date and self.revoked_date < self.decision_date:
            errors["revoked_date"] = "Ngày thu hồi không thể trước ngày quyết định."
        if errors:
            raise ValidationError(errors)

    @property
    def category(self) -> str:
        return self.award_type.category

    @property
    def effective_level(self) -> str:
        return self.level or self.award_type.level

    @property
    def year(self) -> int:
        return self.decision_date.year


# --------------------------------------------------------------------------------------------
# Consent
# --------------------------------------------------------------------------------------------


class ConsentStatus(models.TextChoices):
    GIVEN = "given", "Đã đồng ý"
    WITHDRAWN = "withdrawn", "Đã rút lại"


class ConsentRecord(models.Model):
    """Recorded consent of an individual or household to be published (Decree 13/2023/NĐ-CP).

    Kept outside page revisions on purpose: a withdrawal must take effect at once, not wait
    for an editorial workflow.
    """

    page = models.OneToOneField(
        ExemplarPage,
        verbose_name="điển hình",
        on_delete=models.CASCADE,
        related_name="consent",
        help_text="Hồ sơ điển hình cá nhân hoặc hộ gia đình.",
    )
    status = models.CharField(
        "tình trạng",
        max_length=20,
        choices=ConsentStatus.choices,
        default=ConsentStatus.GIVEN,
        help_text="Đã đồng ý hay đã rút lại đồng ý.",
    )
    covers_publication = models.BooleanField(
        "đồng ý công bố tên và thành tích", default=True, help_text="Đồng ý để trang được công khai."
    )
    covers_photo = models.BooleanField("đồng ý công bố ảnh", default=False, help_text="Ảnh chân dung, ảnh cá nhân.")
    covers_birth_year = models.BooleanField(
        "đồng ý công bố năm sinh, giới tính", default=False, help_text="Chỉ năm sinh, không bao giờ là ngày sinh."
    )
    covers_story = models.BooleanField(
        "đồng ý công bố câu chuyện", default=True, help_text="Câu chuyện, trích dẫn, chi tiết đời sống."
    )
    given_on = models.DateField("ngày đồng ý", null=True, blank=True, help_text="Ngày ký phiếu đồng ý.")
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="phiếu đồng ý (bản chụp)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bản chụp phiếu đồng ý có chữ ký.",
    )
    evidence_note = models.CharField(
        "người thu thập / ghi chú", max_length=300, blank=True, help_text="Ai đã nhận phiếu đồng ý, ở đâu, khi nào."
    )
    withdrawn_at = models.DateTimeField("thời điểm rút lại", null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        "auth.User",
        verbose_name="người ghi nhận rút lại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    withdrawal_note = models.CharField(
        "ghi chú rút lại", max_length=300, blank=True, help_text="Cách người được nêu gương báo rút lại đồng ý."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "đồng ý công bố"
        verbose_name_plural = "đồng ý công bố"

    def __str__(self) -> str:
        return f"{self.page.title}: {self.get_status_display()}"

    def clean(self):
        if self.status == ConsentStatus.GIVEN and not (self.evidence_id or self.evidence_note):
            raise ValidationError({"evidence_note": "Cần bản chụp phiếu đồng ý hoặc ghi chú người thu thập."})

    @property
    def is_given(self) -> bool:
        return self.status == ConsentStatus.GIVEN

    def covers(self, detail: str) -> bool:
        if not self.is_given or not self.covers_publication:
            return False
        return {
            "publication": True,
            "photo": self.covers_photo,
            "birth_year": self.covers_birth_year,
            "story": self.covers_story,
        }[detail]


# --------------------------------------------------------------------------------------------
# Related public pages for the API (campaigns know exemplars, not the reverse: look them up lazily)
# --------------------------------------------------------------------------------------------


def _public_campaigns_of(page, site):
    from django.apps import apps

    from .queries import public_pages

    campaign_model = apps.get_model("campaigns", "CampaignPage")
    return public_pages(campaign_model, site).filter(exemplar_links__exemplar=page).order_by("-start_date", "title")


def _public_stories_of(page, site):
    from django.apps import apps

    from .queries import public_pages

    story_model = apps.get_model("campaigns", "StoryPage")
    return public_pages(story_model, site).filter(exemplars=page).order_by("-date", "-pk")


# Citizen nominations live in their own module (intake rules and all); imported here so Django
# registers the model with this app.
from .nominations import Nomination  # noqa: E402, F401
