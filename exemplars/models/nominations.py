"""The citizen nomination record (giới thiệu gương người tốt việc tốt) and its private photo
storage. Validation and intake rules live in `exemplars.nominations`."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone

from .vocabularies import Place, SubjectKind

# --------------------------------------------------------------------------------------------
# Settings (defaults; override in settings/*.py)
# --------------------------------------------------------------------------------------------


def _setting(name: str, default):
    return getattr(settings, name, default)


def max_body_bytes() -> int:
    return _setting("NOMINATION_MAX_BODY_BYTES", 8 * 1024 * 1024)


def max_photo_bytes() -> int:
    return _setting("NOMINATION_MAX_PHOTO_BYTES", 5 * 1024 * 1024)


def rate_limit() -> tuple[int, int]:
    """(submissions, seconds) allowed per address."""
    return _setting("NOMINATION_RATE_LIMIT", (5, 3600))


def duplicate_window() -> int:
    """Seconds during which an identical resubmission gets the first one's reference back."""
    return _setting("NOMINATION_DUPLICATE_SECONDS", 24 * 3600)


# --------------------------------------------------------------------------------------------
# Private photo storage
# --------------------------------------------------------------------------------------------


class NominationPhotoStorage(FileSystemStorage):
    """Files under NOMINATION_PHOTO_ROOT, with no public URL (served to staff by an admin view)."""

    def __init__(self):
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return str(_setting("NOMINATION_PHOTO_ROOT", settings.BASE_DIR / "data" / "nominations"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Ảnh giới thiệu không có địa chỉ công khai.")


def nomination_storage():
    return NominationPhotoStorage()


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------


class NominationStatus(models.TextChoices):
    NEW = "new", "Mới"
    CHECKING = "checking", "Đang xác minh"
    ACCEPTED = "accepted", "Đã chấp nhận"
    REJECTED = "rejected", "Đã từ chối"


class Nomination(models.Model):
    """A nomination sent by a member of the public. Never shown publicly."""

    reference = models.CharField("mã giới thiệu", max_length=20, unique=True, null=True, editable=False)
    subject_name = models.CharField(
        "người, tập thể được giới thiệu", max_length=200, help_text="Họ tên, tên tập thể, hộ gia đình hoặc mô hình."
    )
    subject_kind = models.CharField("loại", max_length=20, choices=SubjectKind.choices)
    place = models.ForeignKey(
        Place,
        verbose_name="thôn, tổ dân phố",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        help_text="Địa bàn chọn trong danh mục (nếu người gửi chọn).",
    )
    place_text = models.CharField(
        "địa bàn (người gửi ghi)", max_length=200, blank=True, help_text="Thôn, tổ dân phố như người gửi ghi."
    )
    what = models.TextField("việc làm tốt", max_length=3000)
    when = models.CharField("thời gian", max_length=100, help_text="Khi nào, như người gửi ghi (ví dụ “tháng 3/2025”).")
    photo = models.ImageField("ảnh", upload_to="%Y/%m/", storage=nomination_storage, blank=True, max_length=200)
    nominator_name = models.CharField("người giới thiệu", max_length=120)
    nominator_phone = models.CharField("điện thoại người giới thiệu", max_length=20, blank=True)
    nominator_email = models.EmailField("thư điện tử người giới thiệu", blank=True)
    consent_statement = models.BooleanField("đã xác nhận cam kết", default=False)
    status = models.CharField(
        "tình trạng", max_length=20, choices=NominationStatus.choices, default=NominationStatus.NEW, db_index=True
    )
    rejection_reason = models.TextField("lý do từ chối", blank=True, max_length=1000)
    exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="hồ sơ điển hình đã tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    adopted_page = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="mô hình người dân báo đã làm theo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_reports",
        help_text="Khi người dân báo “Tôi đã làm theo mô hình này” (từ trang mô hình).",
    )
    decided_at = models.DateTimeField("thời điểm quyết định", null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        "auth.User",
        verbose_name="người quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    ip_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField("thời điểm gửi", default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = "giới thiệu của người dân"
        verbose_name_plural = "giới thiệu của người dân"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reference or 'GT-…'}: {self.subject_name}"

    @property
    def place_label(self) -> str:
        return self.place.path_label if self.place_id else self.place_text

    @property
    def contact(self) -> str:
        return " · ".join(part for part in (self.nominator_phone, self.nominator_email) if part)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            # Human-friendly and sequential: GT-<year>-<number>, e.g. GT-2026-000123.
            self.reference = f"GT-{timezone.localtime(self.created_at).year}-{self.pk:06d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)


# --------------------------------------------------------------------------------------------
# Validation
