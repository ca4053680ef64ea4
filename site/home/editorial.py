"""Editorial roles and the rules that keep publishing inside the two-step workflow.

The groups and the workflow themselves are created by migration 0003; this module holds their
names for code and tests, and two policies:
- Publishing happens only when the workflow's last step ("Lãnh đạo duyệt") is approved; the
  admin's direct "Xuất bản" action is refused for everyone but superusers (see wagtail_hooks.py).
- API tokens (Wagtail's v3 bearer tokens) may only belong to accounts that cannot publish, so
  that nothing goes around the workflow through the API.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.models import APIToken, GroupPagePermission

WRITERS = "Phóng viên"
EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt"
RADIO_EDITORS = "Biên tập phát thanh"
EMULATION_OFFICERS = "Cán bộ thi đua"  # award proposals, decisions and the register (migration 0007)
COUNCIL_MEMBERS = "Thành viên Hội đồng TĐKT"  # the council's result on proposals (migration 0007)
NOMINATION_HANDLERS = EDITORS  # editors also handle citizen nominations
ROLES = (WRITERS, EDITORS, APPROVERS, RADIO_EDITORS, EMULATION_OFFICERS, COUNCIL_MEMBERS)

WORKFLOW_NAME = "Duyệt hai bước"

DIRECT_PUBLISH_REFUSED = (
    "Không thể xuất bản trực tiếp: mọi trang phải qua hai bước duyệt (Biên tập viên duyệt, rồi Lãnh đạo "
    "duyệt). Hãy bấm “Gửi duyệt”; trang sẽ được xuất bản khi lãnh đạo phê duyệt."
)
API_ACCESS_REFUSED_FOR_PUBLISHERS = (
    "Không cấp mã API cho tài khoản có quyền xuất bản: mã API chỉ dành cho tài khoản không thể xuất bản, "
    "để không nội dung nào đi vòng qua quy trình duyệt."
)


def may_publish_directly(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def can_publish_anything(user) -> bool:
    """Whether `user` holds publish rights on any page (superusers always do)."""
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page", permission__content_type__app_label="wagtailcore"
    ).exists()


@receiver(pre_save, sender=APIToken, dispatch_uid="guongsang_api_token_policy")
def refuse_tokens_for_publishers(sender, instance, **kwargs):
    if instance.pk is None and can_publish_anything(instance.user):
        raise PermissionDenied(API_ACCESS_REFUSED_FOR_PUBLISHERS)
