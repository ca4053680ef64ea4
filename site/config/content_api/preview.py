"""Headless preview: the draft an editor is previewing, in the shape of the detail endpoints.

wagtail-headless-preview stores the previewed (unsaved) page as JSON under a signed token and
sends the editor's browser to the frontend with `?content_type=app.model&token=…`; the frontend
calls this endpoint with the same two parameters. This is the only endpoint that shows drafts,
and only to someone holding a fresh token; its answers are never cached.
"""

from __future__ import annotations

from ninja import Query, Router
from wagtail_headless_preview.models import HeadlessPreviewMixin

from django.apps import apps
from django.core.signing import BadSignature, SignatureExpired
from django.http import HttpResponse

from campaigns import related
from campaigns.models import CampaignPage, StoryPage
from core.api import reject_unknown_params, request_site
from core.problems import Problem
from exemplars.models import ExemplarPage
from exemplars.related import related_campaigns, related_stories

from . import schemas, serializers
from .views import PROBLEM, _problem_responses, campaign_detail

router = Router(tags=["Xem trước"])

TOKEN_MAX_AGE = 60 * 60 * 24  # wagtail-headless-preview garbage-collects previews after a day


def _preview_model(content_type: str):
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, HeadlessPreviewMixin):
        raise Problem(400, f"Loại nội dung “{content_type}” không hỗ trợ xem trước.", param="content_type")
    return model


def _serialise(page, request) -> dict:
    site = request_site(request)
    if isinstance(page, ExemplarPage):
        return serializers.exemplar_detail(
            page, request, campaigns=related_campaigns(page, site), stories=related_stories(page, site)
        )
    if isinstance(page, CampaignPage):
        return campaign_detail(page, request, site)
    if isinstance(page, StoryPage):
        # The draft's links (in memory), shown as far as they are public, in the relations' order.
        exemplar_ids = [e.pk for e in page.exemplars.all()]
        campaign_ids = [c.pk for c in page.campaigns.all()]
        return serializers.story_detail(
            page,
            request,
            exemplars=related.story_exemplars.public(site).filter(pk__in=exemplar_ids),
            campaigns=related.story_campaigns.public(site).filter(pk__in=campaign_ids),
        )
    return serializers.simple_page_detail(page, request)


@router.get(
    "/preview",
    response={200: schemas.PreviewOut, **PROBLEM},
    summary="Xem trước bản nháp (headless preview)",
    description=(
        "Trả về bản nháp mà biên tập viên đang xem trước, cùng dạng với các endpoint chi tiết. "
        "Frontend nhận `content_type` và `token` trên địa chỉ xem trước và chuyển nguyên cho endpoint này. "
        "Token hết hạn sau một ngày; phản hồi không bao giờ được lưu đệm."
    ),
    openapi_extra=_problem_responses(400, 404),
)
def get_preview(
    request,
    response: HttpResponse,
    content_type: str = Query(..., max_length=100, description="Ví dụ “exemplars.exemplarpage”."),
    token: str = Query(..., max_length=255, description="Token xem trước do Wagtail cấp."),
):
    response["Cache-Control"] = "no-store, private"
    reject_unknown_params(request, {"content_type", "token"})
    model = _preview_model(content_type)
    try:
        model.get_preview_signer().unsign(token, max_age=TOKEN_MAX_AGE)
        page = model.get_page_from_preview_token(token)
    except SignatureExpired:
        raise Problem(404, "Token xem trước đã hết hạn; hãy bấm “Xem trước” lại.", param="token") from None
    except BadSignature:
        raise Problem(404, "Token xem trước không hợp lệ.", param="token") from None
    if page is None:
        raise Problem(404, "Không tìm thấy bản xem trước cho token này.", param="token")
    return {"content_type": content_type, "page": _serialise(page, request)}
