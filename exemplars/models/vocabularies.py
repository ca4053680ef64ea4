"""Vocabularies shared by the whole site: places (with validity dates and successors), fields
(lĩnh vực), organisations and award types, and the choice lists that describe exemplars."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.text import fold


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
    # Values kept from the first schema; labels name the level as statistics report it.
    NATIONAL = "national", "Trung ương (Nhà nước, Chính phủ, bộ, ngành)"
    PROVINCE = "province", "Tỉnh"
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
