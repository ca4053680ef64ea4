"""Citizen nominations (giới thiệu gương người tốt việc tốt): model, validation, intake rules.

The public proposes; staff decide. A nomination is never public: it has no page, its photo is
stored outside MEDIA_ROOT (no public URL) and the nominator's contact is shown only in the
admin. Both doors — the HTML form (`nominations_views.py`) and `POST /api/v1/nominations`
(`nominations_api.py`) — go through `NominationForm`, `check_rate()` and `submit_nomination()`,
so the rules (field checks, photo re-encoding, honeypot, per-address rate limit on atomic cache
counters, one copy of an identical resubmission, body size) are the same.
Staff decisions (check, accept → draft exemplar, reject with reason) live in
`nominations_admin.py` and are written to Wagtail's history.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import time
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction

from core import throttle
from core.client_address import client_ip

from .models import Place, SubjectKind
from .models.nominations import (  # noqa: F401
    Nomination,
    NominationStatus,
    duplicate_window,
    max_body_bytes,
    max_photo_bytes,
    nomination_storage,
    rate_limit,
)

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------

PHONE_RE = re.compile(r"^\+?[0-9]{9,15}$")
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

KIND_CHOICES = [
    (SubjectKind.INDIVIDUAL, "Một người"),
    (SubjectKind.COLLECTIVE, "Một tập thể (tổ, hội, đội, cơ quan…)"),
    (SubjectKind.HOUSEHOLD, "Một hộ gia đình"),
    (SubjectKind.MODEL, "Một mô hình, cách làm hay"),
]


def plain_text(value: str) -> str:
    """Plain text as typed: no control characters, trimmed. Never interpreted as HTML."""
    return _CONTROL_CHARS.sub("", value or "").strip()


def reencode_photo(upload) -> ContentFile:
    """Verify an uploaded photo with Pillow and re-encode it without metadata (EXIF, GPS…)."""
    if upload.size > max_photo_bytes():
        raise forms.ValidationError(f"Ảnh quá lớn: tối đa {max_photo_bytes() // (1024 * 1024)} MB.", code="too_large")
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            probe.verify()
        if image_format not in ALLOWED_FORMATS:
            raise forms.ValidationError("Ảnh phải là tệp JPEG, PNG hoặc WebP.", code="format")
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise forms.ValidationError("Ảnh có kích thước điểm ảnh quá lớn.", code="too_many_pixels")
            image = ImageOps.exif_transpose(image)  # keep the orientation, then drop EXIF
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            clean = Image.new(image.mode, image.size)
            clean.paste(image)
            out = io.BytesIO()
            options = {"quality": 88} if image_format in ("JPEG", "WEBP") else {}
            clean.save(out, format=image_format, **options)
    except forms.ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise forms.ValidationError(
            "Tệp gửi lên không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP).", code="invalid_image"
        ) from exc
    return ContentFile(out.getvalue(), name=f"anh.{ALLOWED_FORMATS[image_format]}")


class NominationForm(forms.Form):
    """The fields a citizen fills in, with Vietnamese messages field by field."""

    subject_name = forms.CharField(
        label="Người, tập thể hoặc mô hình bạn muốn giới thiệu",
        max_length=200,
        error_messages={
            "required": "Hãy ghi tên người, tập thể hoặc mô hình.",
            "max_length": "Tên quá dài (tối đa 200 ký tự).",
        },
    )
    subject_kind = forms.ChoiceField(
        label="Đây là",
        choices=KIND_CHOICES,
        error_messages={"required": "Hãy chọn loại.", "invalid_choice": "Loại không hợp lệ."},
    )
    place = forms.ModelChoiceField(
        label="Thôn, tổ dân phố",
        queryset=Place.objects.filter(kind__in=["village", "residential_group", "special_zone", "commune", "ward"]),
        required=False,
        error_messages={"invalid_choice": "Địa bàn không có trong danh mục."},
    )
    place_text = forms.CharField(
        label="Hoặc ghi địa bàn",
        max_length=200,
        required=False,
        error_messages={"max_length": "Địa bàn quá dài (tối đa 200 ký tự)."},
    )
    what = forms.CharField(
        label="Họ đã làm việc tốt gì?",
        max_length=3000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Hãy kể việc làm tốt.",
            "min_length": "Hãy kể rõ hơn (ít nhất 20 ký tự).",
            "max_length": "Nội dung quá dài (tối đa 3000 ký tự).",
        },
    )
    when = forms.CharField(
        label="Khi nào?",
        max_length=100,
        error_messages={"required": "Hãy ghi thời gian (ví dụ “tháng 3/2025”).", "max_length": "Thời gian quá dài."},
    )
    photo = forms.FileField(
        label="Ảnh (không bắt buộc; JPEG, PNG hoặc WebP, tối đa 5 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    nominator_name = forms.CharField(
        label="Họ tên của bạn",
        max_length=120,
        error_messages={"required": "Hãy ghi họ tên của bạn.", "max_length": "Họ tên quá dài."},
    )
    nominator_phone = forms.CharField(label="Số điện thoại", max_length=20, required=False)
    nominator_email = forms.CharField(label="Thư điện tử", max_length=254, required=False)
    consent_statement = forms.BooleanField(
        label=(
            "Tôi xác nhận thông tin là đúng sự thật, và đồng ý để Trung tâm liên hệ với tôi và với người được "
            "giới thiệu để xác minh. Thông tin liên hệ của tôi không được công bố."
        ),
        error_messages={"required": "Hãy đánh dấu xác nhận để gửi."},
    )
    # "Tôi đã làm theo mô hình này": the model's profile links here with ?lam-theo=<page id>.
    adopted_page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people by CSS; bots fill it in.
    website = forms.CharField(label="Trang web (để trống)", required=False)

    ADOPTION_LABELS = {
        "subject_name": "Ai đã làm theo (tập thể, hộ gia đình, đơn vị)",
        "subject_kind": "Người làm theo là",
        "what": "Bạn đã làm theo thế nào, kết quả ra sao?",
        "when": "Bắt đầu làm theo từ khi nào?",
    }

    def for_adoption(self, page) -> None:
        """Word the form as a report of having taken up `page` (a public model)."""
        self.adopted = page
        for name, label in self.ADOPTION_LABELS.items():
            self.fields[name].label = label
        self.initial["adopted_page"] = page.pk

    def clean_adopted_page(self):
        page_id = self.cleaned_data.get("adopted_page")
        if not page_id:
            return None
        from core.visibility import public_pages

        from .models import ExemplarPage

        page = public_pages(ExemplarPage).filter(pk=page_id).first()
        if page is None:
            raise forms.ValidationError("Không tìm thấy mô hình bạn đã làm theo; hãy mở lại từ trang mô hình.")
        return page

    def clean_subject_name(self):
        return plain_text(self.cleaned_data["subject_name"])

    def clean_place_text(self):
        return plain_text(self.cleaned_data["place_text"])

    def clean_what(self):
        return plain_text(self.cleaned_data["what"])

    def clean_when(self):
        return plain_text(self.cleaned_data["when"])

    def clean_nominator_name(self):
        return plain_text(self.cleaned_data["nominator_name"])

    def clean_nominator_phone(self):
        phone = re.sub(r"[\s.\-()]", "", self.cleaned_data["nominator_phone"] or "")
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError("Số điện thoại không hợp lệ (9–15 chữ số).")
        return phone

    def clean_nominator_email(self):
        email = (self.cleaned_data["nominator_email"] or "").strip()
        if email:
            try:
                validate_email(email)
            except forms.ValidationError as exc:
                raise forms.ValidationError("Địa chỉ thư điện tử không hợp lệ.") from exc
        return email

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return reencode_photo(upload) if upload else None

    def clean(self):
        data = super().clean()
        contact_errors = self.errors.get("nominator_phone") or self.errors.get("nominator_email")
        if not contact_errors and not data.get("nominator_phone") and not data.get("nominator_email"):
            self.add_error("nominator_phone", "Hãy ghi số điện thoại hoặc thư điện tử để chúng tôi liên hệ.")
        if not data.get("place") and not data.get("place_text") and "place" not in self.errors:
            self.add_error("place_text", "Hãy chọn hoặc ghi thôn, tổ dân phố.")
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


# --------------------------------------------------------------------------------------------
# Intake: rate limit and saving
# --------------------------------------------------------------------------------------------


def address_hash(request) -> str:
    """A keyed hash of the client address: enough for rate limiting, useless to anyone else."""
    address = client_ip(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:nomination:{address}".encode()).hexdigest()


RateDecision = throttle.Decision


def check_rate(request) -> RateDecision:
    """Count one submission from the client's address (behind the trusted proxies); refuse
    beyond the limit. Both doors call this, so they share one counter per address."""
    limit, window = rate_limit()
    return throttle.hit(request, "nominations", limit, window)


RATE_LIMITED_MESSAGE = "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút."
TOO_LARGE_MESSAGE = "Dữ liệu gửi lên quá lớn: tối đa {mb} MB (ảnh tối đa {photo_mb} MB)."


def too_large_message() -> str:
    return TOO_LARGE_MESSAGE.format(mb=max_body_bytes() // (1024 * 1024), photo_mb=max_photo_bytes() // (1024 * 1024))


def body_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_body_bytes()


@transaction.atomic
def save_nomination(form: NominationForm, ip_hash: str) -> Nomination:
    data = form.cleaned_data
    nomination = Nomination(
        subject_name=data["subject_name"],
        subject_kind=data["subject_kind"],
        place=data.get("place"),
        place_text=data.get("place_text", ""),
        what=data["what"],
        when=data["when"],
        nominator_name=data["nominator_name"],
        nominator_phone=data.get("nominator_phone", ""),
        nominator_email=data.get("nominator_email", ""),
        consent_statement=True,
        adopted_page=data.get("adopted_page"),
        ip_hash=ip_hash,
    )
    if data.get("photo"):
        nomination.photo.save(data["photo"].name, data["photo"], save=False)
    nomination.save()
    return nomination


# --------------------------------------------------------------------------------------------
# Identical resubmissions
# --------------------------------------------------------------------------------------------

_PENDING = "pending"
_WAIT_SECONDS = 10.0


def fingerprint(form: NominationForm) -> str:
    """What makes two submissions "the same": every field as cleaned (case and spacing aside)
    and the photo's bytes after re-encoding."""
    data = form.cleaned_data
    parts = []
    for name in ("subject_name", "subject_kind", "place_text", "what", "when", "nominator_name",
                 "nominator_phone", "nominator_email"):  # fmt: skip
        parts.append(" ".join(str(data.get(name) or "").split()).casefold())
    adopted = data.get("adopted_page")
    parts.append(str(adopted.pk if adopted else ""))
    place = data.get("place")
    parts.append(str(place.pk if place else ""))
    photo = data.get("photo")
    if photo:
        photo.seek(0)
        parts.append(hashlib.sha256(photo.read()).hexdigest())
        photo.seek(0)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Submission:
    reference: str
    created: bool  # False: an identical submission was already stored; this is its reference


def submit_nomination(form: NominationForm, ip_hash: str) -> Submission:
    """Store a valid nomination once: an identical one within NOMINATION_DUPLICATE_SECONDS
    answers with the first one's reference instead of storing a second copy.

    The first submission claims the fingerprint with the cache's atomic `add`, so two identical
    requests arriving together cannot both store; the second waits for the first's reference.
    Without a reachable cache, every valid submission is stored (duplicates are possible, losses
    are not).
    """
    key = f"nominations:fingerprint:{fingerprint(form)}"
    deadline = time.monotonic() + _WAIT_SECONDS
    while True:
        try:
            claimed = cache.add(key, _PENDING, timeout=int(_WAIT_SECONDS) + 5)
            existing = None if claimed else cache.get(key)
        except (throttle.RedisError, OSError) as exc:
            logger.warning("Nomination stored without the duplicate check: cache unreachable (%s)", exc)
            return Submission(save_nomination(form, ip_hash).reference, True)
        if claimed:
            break
        if existing and existing != _PENDING:
            return Submission(existing, False)
        if time.monotonic() > deadline:
            break  # the first one never finished: store this one rather than lose it
        time.sleep(0.05)
    try:
        nomination = save_nomination(form, ip_hash)
    except BaseException:
        cache.delete(key)
        raise
    cache.set(key, nomination.reference, timeout=duplicate_window())
    return Submission(nomination.reference, True)
