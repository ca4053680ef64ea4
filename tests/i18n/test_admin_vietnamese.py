"""Issue #2: "the admin is in Vietnamese" — what editors see, page by page, through real requests.

Each test signs in (or stays anonymous for the login screens), fetches an admin page with the test
client and checks both that the expected Vietnamese is there and that the most visible English
labels of Wagtail are not.
"""

from __future__ import annotations

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from tests import factories
from tests.i18n.visible import visible_texts

# Wagtail's most visible English labels. A visible text chunk equal to one of these means a
# catalogue entry is missing. ("Actions" and "Search" are left out: Wagtail 8 hard-codes them in
# an aria-label and a screen-reader-only button, outside any catalogue.)
VISIBLE_ENGLISH = {
    "Sign in", "Sign in to Wagtail", "Password", "Forgotten password?", "Remember me", "Log out",
    "Dashboard", "Pages", "Images", "Documents", "Snippets", "Reports", "Settings", "Help",
    "Users", "Groups", "Account", "Workflows", "Collections", "Redirects", "Sites",
    "Save draft", "Publish", "Unpublish", "Preview", "Submit for moderation", "Schedule to publish",
    "Draft", "Live", "Status", "Status:", "History", "Edit", "Delete", "Copy", "Move", "Add child page",
    "Content", "Promote", "Comments", "Filter", "Sort", "Title", "Updated", "Type", "Select all",
    "Choose an image", "Choose a page", "Bulk actions", "Privacy", "Locking:", "Unlocked", "Usage",
    "Your most recent edits", "Your locked pages", "Awaiting your review", "Site summary",
    "Add", "Cancel", "Close", "Yes", "No", "Previous", "Next", "Page 1 of 1.", "just now",
}  # fmt: skip


def english_left(html: str) -> set[str]:
    return {text for text in visible_texts(html) if text in VISIBLE_ENGLISH}


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("bientap", "bientap@lyson.gov.vn", "mat-khau-thu")
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.django_db
def test_login_page_is_vietnamese(client):
    html = client.get("/admin/login/").content.decode()
    assert "Đăng nhập trang quản trị" in html
    assert "Mật khẩu" in visible_texts(html)
    assert "Quên mật khẩu?" in html
    assert "Ghi nhớ đăng nhập" in html
    assert english_left(html) == set()


@pytest.mark.django_db
def test_wrong_password_error_is_vietnamese(client):
    get_user_model().objects.create_user("bientap", "bientap@lyson.gov.vn", "dung-mat-khau")
    response = client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "hoặc mật khẩu. Vui lòng thử lại." in html
    assert "didn't match" not in html


@pytest.mark.django_db
def test_password_reset_page_is_vietnamese(client):
    html = client.get("/admin/password_reset/").content.decode()
    assert "Đặt lại mật khẩu" in html
    assert "Nhập địa chỉ email của bạn để đặt lại mật khẩu" in html
    assert english_left(html) == set()


@pytest.mark.django_db
def test_dashboard_and_sidebar_are_vietnamese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Bảng điều khiển" in html
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    labels = set(re.findall(r'"label": "((?:[^"\\]|\\.)*)"', props.group(1)))
    labels = {json.loads(f'"{label}"') for label in labels}
    assert {"Trang", "Ảnh", "Tài liệu", "Báo cáo", "Cài đặt", "Trợ giúp", "Đăng xuất"} <= labels
    assert labels & VISIBLE_ENGLISH == set()
    assert english_left(html) == set()


@pytest.mark.django_db
def test_page_explorer_shows_vietnamese_statuses_and_actions(admin_client):
    draft = factories.exemplar("Nguyễn Văn Thử", kind="individual", publish=False)
    factories.exemplar("Tổ đoàn kết Thôn Đông", kind="collective")
    html = admin_client.get(f"/admin/pages/{draft.get_parent().id}/").content.decode()
    texts = visible_texts(html)
    assert "bản nháp" in texts  # the draft child's status tag
    assert "đang xuất bản" in texts
    assert "Thêm trang con" in texts
    assert "Thao tác hàng loạt" in texts
    assert english_left(html) == set()


@pytest.mark.django_db
def test_page_edit_form_is_vietnamese(admin_client):
    page = factories.exemplar("Nguyễn Văn Thử", kind="individual", publish=False)
    html = admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    texts = visible_texts(html)
    for label in ("Lưu bản nháp", "Xuất bản", "Nội dung", "Quảng bá", "Bản nháp", "Xem trước", "Lịch sử", "Đặt lịch"):
        assert label in texts, label
    assert english_left(html) == set()


@pytest.mark.django_db
def test_page_create_form_is_vietnamese(admin_client):
    index = factories.exemplar_index()
    html = admin_client.get(f"/admin/pages/add/exemplars/exemplarpage/{index.id}/").content.decode()
    texts = visible_texts(html)
    assert "Lưu bản nháp" in texts
    assert "Xuất bản" in texts
    assert english_left(html) == set()


@pytest.mark.django_db
def test_form_validation_errors_are_vietnamese(admin_client):
    response = admin_client.post("/admin/redirects/add/", {"old_path": "", "site": "", "is_permanent": "on"})
    texts = visible_texts(response.content.decode())
    assert "Không thể tạo chuyển hướng do có lỗi." in texts
    assert "Trường này là bắt buộc." in texts
    assert "Đến lỗi đầu tiên" in texts
    assert "This field is required." not in texts


@pytest.mark.django_db
def test_snippet_listing_is_vietnamese(admin_client):
    factories.place_tree()
    html = admin_client.get("/admin/snippets/exemplars/place/").content.decode()
    texts = visible_texts(html)
    assert "Tùy chọn khác cho 'Thôn Đông'" in texts
    assert any(text.startswith("Thêm ") for text in texts)
    assert english_left(html) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/admin/images/", "Thêm ảnh"),
        ("/admin/documents/", "Thêm tài liệu"),
        ("/admin/users/", "Thêm người dùng"),
        ("/admin/groups/", "Thêm nhóm"),
        ("/admin/reports/locked/", "Trang đang bị khóa"),
        ("/admin/reports/site-history/", "Lịch sử trang web"),
        ("/admin/workflows/list/", "Quy trình duyệt"),
        ("/admin/account/", "Tùy chọn giao diện"),
    ],
)
def test_other_admin_screens_are_vietnamese(admin_client, url, expected):
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert english_left(html) == set()


@pytest.mark.django_db
def test_page_history_is_vietnamese(admin_client):
    page = factories.exemplar("Nguyễn Văn Thử", kind="individual")
    html = admin_client.get(f"/admin/pages/{page.id}/history/").content.decode()
    assert "Đã xuất bản" in visible_texts(html) or "Xuất bản" in visible_texts(html)
    assert english_left(html) == set()


@pytest.mark.django_db
def test_javascript_catalogue_is_vietnamese(admin_client):
    script = admin_client.get("/admin/jsi18n/").content.decode()
    catalogue = {
        json.loads(f'"{k}"'): json.loads(f'"{v}"')
        for k, v in re.findall(r'"((?:[^"\\]|\\.)*)": "((?:[^"\\]|\\.)*)"', script)
    }
    assert catalogue["Save"] == "Lưu"
    assert catalogue["Page explorer"] == "Duyệt trang"
    assert catalogue["Insert a block"] == "Chèn khối"
    assert "django.pluralidx" in script and "const v = 0;" in script


@pytest.mark.django_db
def test_moderation_notification_email_is_vietnamese(admin_client):
    moderator = get_user_model().objects.create_user("kiemduyet", "kiemduyet@lyson.gov.vn", "mat-khau-thu")
    moderator.groups.add(Group.objects.get(name="Biên tập viên"))  # step 1 of "Duyệt hai bước"
    page = factories.exemplar("Nguyễn Văn Thử", kind="individual", publish=False)
    workflow = page.get_workflow()
    assert workflow is not None, "Wagtail's default workflow should apply to every page"
    page.save_revision(user=admin_client.user)
    workflow.start(page, admin_client.user)
    to_moderator = [m for m in mail.outbox if "kiemduyet@lyson.gov.vn" in m.to]
    assert to_moderator, "the moderator should be told a page awaits review"
    message = to_moderator[0]
    assert "đã được gửi duyệt" in message.subject
    assert "Nguyễn Văn Thử" in message.subject
    assert "Xin chào kiemduyet," in message.body
    assert "has been submitted" not in message.body
