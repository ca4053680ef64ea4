"""`POST /api/v1/nominations`: citizen nominations as JSON, answered with a reference number.

The body is read here (not by Ninja) so that its size is checked first: oversized → 413,
too many from one address → 429 with Retry-After, bad fields → 400 problem+json listing every
invalid field (`invalid_params`), an identical resubmission → 200 with the first reference. The photo, optional, is a base64 string (a `data:` URL is
accepted). Nothing about a nomination can be read back through the API.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Literal

from ninja import Router, Schema, Status
from pydantic import Field

from django.core.files.uploadedfile import SimpleUploadedFile

from core.problems import Problem

from .nominations import (
    RATE_LIMITED_MESSAGE,
    NominationForm,
    address_hash,
    body_too_large,
    check_rate,
    max_body_bytes,
    submit_nomination,
    too_large_message,
)

router = Router(tags=["Giới thiệu gương người tốt"])

ALREADY_RECEIVED_MESSAGE = (
    "Chúng tôi đã nhận giới thiệu này trước đó; đây là mã của lần gửi đầu. Bạn không cần gửi lại."
)

FIELDS = [
    "subject_name",
    "subject_kind",
    "place",
    "place_text",
    "what",
    "when",
    "nominator_name",
    "nominator_phone",
    "nominator_email",
    "consent_statement",
    "adopted_page",
    "website",
]


class NominationIn(Schema):
    subject_name: str = Field(description="Người, tập thể, hộ gia đình hoặc mô hình được giới thiệu.")
    subject_kind: Literal["individual", "collective", "household", "model"]
    place: int | None = Field(None, strict=True, description="Mã địa bàn (thôn) trong danh mục, nếu biết.")
    place_text: str = Field("", description="Hoặc ghi thôn, tổ dân phố.")
    what: str = Field(description="Việc làm tốt (20–3000 ký tự, văn bản thuần).")
    when: str = Field(description="Thời gian, ví dụ “tháng 3/2025”.")
    photo: str | None = Field(None, description="Ảnh JPEG/PNG/WebP mã hóa base64 (tối đa 5 MB).")
    nominator_name: str
    nominator_phone: str = ""
    nominator_email: str = ""
    consent_statement: bool = Field(strict=True, description="Phải là true: người gửi xác nhận cam kết.")
    adopted_page: int | None = Field(
        None,
        strict=True,
        description="Báo “Tôi đã làm theo mô hình này”: mã trang (id) của mô hình công khai đã làm theo.",
    )


class NominationOut(Schema):
    reference: str = Field(description="Mã giới thiệu, ví dụ GT-2026-000123.")
    message: str


def _photo_file(value) -> tuple[dict, str | None]:
    if value in (None, ""):
        return {}, None
    if not isinstance(value, str):
        return {}, "Ảnh phải là chuỗi base64."
    if value.startswith("data:"):
        value = value.partition(",")[2]
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return {}, "Ảnh không phải chuỗi base64 hợp lệ."
    return {"photo": SimpleUploadedFile("anh", raw)}, None


def _form_value(value):
    if isinstance(value, bool):
        return "on" if value else ""
    if value is None:
        return ""
    return str(value)


@router.post(
    "",
    response={201: NominationOut, 200: NominationOut},
    summary="Gửi giới thiệu gương người tốt, việc tốt",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": NominationIn.model_json_schema()}},
        },
        "responses": {
            "200": {
                "description": "Giới thiệu giống hệt đã được nhận trước đó: trả lại mã của lần gửi đầu.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NominationOut"}}},
            },
            "400": {"description": "Dữ liệu không hợp lệ (problem+json, có invalid_params)."},
            "413": {"description": "Dữ liệu gửi lên quá lớn."},
            "429": {"description": "Gửi quá nhiều lần; xem Retry-After."},
        },
    },
)
def create_nomination(request):
    if body_too_large(request):
        raise Problem(413, too_large_message())
    body = request.read(max_body_bytes() + 1)
    if len(body) > max_body_bytes():
        raise Problem(413, too_large_message())

    decision = check_rate(request)
    if not decision.allowed:
        raise Problem(
            429,
            RATE_LIMITED_MESSAGE.format(minutes=max(1, decision.retry_after // 60)),
            headers={"Retry-After": str(decision.retry_after)},
        )

    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested too deep
        raise Problem(400, "Nội dung gửi lên không phải JSON hợp lệ.") from exc
    if not isinstance(payload, dict):
        raise Problem(400, "Nội dung gửi lên phải là một đối tượng JSON.")

    if payload.get("website"):
        raise Problem(400, "Yêu cầu bị từ chối.", param="website")

    unknown = sorted(set(payload) - set(FIELDS) - {"photo"})
    files, photo_error = _photo_file(payload.get("photo"))
    form = NominationForm({key: _form_value(payload.get(key)) for key in FIELDS if key in payload}, files)
    invalid = []
    if not form.is_valid():
        for field, errors in form.errors.items():
            invalid.extend({"param": field, "message": str(message)} for message in errors)
    if photo_error:
        invalid.append({"param": "photo", "message": photo_error})
    invalid.extend({"param": key, "message": "Trường không được hỗ trợ."} for key in unknown)
    if invalid:
        first = invalid[0]["param"]
        raise Problem(400, f"Dữ liệu không hợp lệ: {first}.", param=first, invalid_params=invalid)

    submission = submit_nomination(form, address_hash(request))
    if not submission.created:
        return Status(200, {"reference": submission.reference, "message": ALREADY_RECEIVED_MESSAGE})
    return Status(
        201,
        {
            "reference": submission.reference,
            "message": "Cảm ơn bạn! Chúng tôi đã nhận được giới thiệu và sẽ xác minh trước khi viết bài.",
        },
    )
