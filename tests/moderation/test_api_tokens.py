"""API tokens (Wagtail v3 bearer tokens) only for accounts that cannot publish."""

import pytest

from django.core.exceptions import PermissionDenied

from wagtail.models import APIToken

from tests.moderation.helpers import team

pytestmark = pytest.mark.django_db


def test_tokens_refused_for_publishers_allowed_for_others():
    users = team()
    with pytest.raises(PermissionDenied):
        APIToken.create_token(user=users["approver"], name="tích hợp")
    token, plaintext = APIToken.create_token(user=users["radio"], name="phát thanh")
    assert token.pk and plaintext.startswith("wagtail_")
    assert not APIToken.objects.filter(user=users["approver"]).exists()
