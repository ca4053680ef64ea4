"""Citizen nominations through both doors (HTML form, JSON API) and the staff queue."""

import base64
import io

import pytest
from PIL import Image

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import ModelLogEntry

from exemplars.models import ExemplarPage
from exemplars.nominations import Nomination, NominationStatus
from tests import factories
from tests.moderation.helpers import assert_refused, team

pytestmark = pytest.mark.django_db

API = "/api/v1/nominations"
FORM = "/gioi-thieu-guong/"


@pytest.fixture(autouse=True)
def _fresh(settings, tmp_path):
    cache.clear()
    settings.NOMINATION_PHOTO_ROOT = tmp_path / "nominations"
    settings.NOMINATION_RATE_LIMIT = (100, 3600)
    yield
    cache.clear()


def _jpeg(size=(64, 48), exif=True, quality=90, noise=False) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    if noise:
        image = Image.frombytes("RGB", size, __import__("os").urandom(size[0] * size[1] * 3))
    out = io.BytesIO()
    kwargs = {"quality": quality}
    if exif:
        data = Image.Exif()
        data[0x010F] = "MayAnhBiMat"  # Make
        data[0x8825] = {2: (15.0, 22.0, 0.0)}  # GPS
        kwargs["exif"] = data.tobytes()
    image.save(out, format="JPEG", **kwargs)
    return out.getvalue()


def _payload(**changes):
    data = {
        "subject_name": "Bà Nguyễn Thị Lành",
        "subject_kind": "individual",
        "place_text": "thôn Đông",
        "what": "Bà tự nguyện nấu cơm miễn phí cho học sinh nghèo suốt ba năm học.",
        "when": "từ tháng 9/2022",
        "nominator_name": "Trần Văn An",
        "nominator_phone": "0912 345 678",
        "nominator_email": "",
        "consent_statement": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _post_api(client, payload, **extra):
    return client.post(API, payload, content_type="application/json", **extra)


def _form_data(**changes):
    data = {k: ("on" if v is True else v) for k, v in _payload(**changes).items()}
    return data


# -- valid -------------------------------------------------------------------------------------


def test_valid_nomination_via_api_returns_reference(client):
    response = _post_api(client, _payload(photo=base64.b64encode(_jpeg()).decode()))
    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    nomination = Nomination.objects.get()
    assert reference == nomination.reference
    assert reference.startswith("GT-") and reference.endswith(f"{nomination.pk:06d}")
    assert nomination.status == NominationStatus.NEW
    assert nomination.nominator_phone == "0912345678"
    assert nomination.ip_hash and "127.0.0.1" not in nomination.ip_hash

    # The photo was re-encoded: no EXIF (camera make, GPS) left.
    with nomination.photo.open("rb") as fh, Image.open(fh) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert b"MayAnhBiMat" not in nomination.photo.open("rb").read()


def test_valid_nomination_via_form_shows_reference(client):
    place = factories.place_tree()["tay"]
    data = _form_data(place=str(place.pk), place_text="")
    data["photo"] = SimpleUploadedFile("anh.png", _png(), content_type="image/png")
    response = client.post(FORM, data, follow=True)
    assert response.status_code == 200
    nomination = Nomination.objects.get()
    assert nomination.place == place
    assert nomination.reference in response.content.decode()
    assert nomination.photo.name.endswith(".png")
    # The reference is shown once; it is not in the URL.
    assert nomination.reference not in response.redirect_chain[-1][0]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 128, 255, 128)).save(out, format="PNG")
    return out.getvalue()


def test_form_page_renders_in_vietnamese(client):
    response = client.get(FORM)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giới thiệu gương người tốt, việc tốt" in html
    assert 'name="website"' in html  # honeypot present, hidden


# -- invalid fields ---------------------------------------------------------------------------

INVALID = [
    ("subject_name", {"subject_name": ""}),
    ("subject_name", {"subject_name": "x" * 201}),
    ("subject_kind", {"subject_kind": "alien"}),
    ("place_text", {"place_text": ""}),
    ("place", {"place": 999999, "place_text": ""}),
    ("what", {"what": "ngắn"}),
    ("what", {"what": "a" * 3001}),
    ("when", {"when": ""}),
    ("nominator_name", {"nominator_name": ""}),
    ("nominator_phone", {"nominator_phone": "abc"}),
    ("nominator_phone", {"nominator_phone": "", "nominator_email": ""}),
    ("nominator_email", {"nominator_email": "khong-phai-email"}),
    ("consent_statement", {"consent_statement": False}),
    ("photo", {"photo": "không-phải-base64!!"}),
]


@pytest.mark.parametrize(("field", "changes"), INVALID)
def test_api_reports_each_invalid_field(client, field, changes):
    response = _post_api(client, _payload(**changes))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    params = {item["param"] for item in body["invalid_params"]}
    assert field in params, body
    assert all(item["message"] for item in body["invalid_params"])
    assert Nomination.objects.count() == 0


@pytest.mark.parametrize(("field", "changes"), [c for c in INVALID if c[0] != "photo"])
def test_form_reports_each_invalid_field_in_vietnamese(client, field, changes):
    data = _form_data(**changes)
    if data.get("consent_statement") is False:
        data.pop("consent_statement")
    response = client.post(FORM, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert f'id="id_{field}-error"' in response.content.decode()
    assert Nomination.objects.count() == 0


def test_api_rejects_non_json_and_unknown_fields(client):
    response = client.post(API, "không phải json", content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    response = _post_api(client, _payload(is_admin=True))
    assert response.status_code == 400
    assert "is_admin" in {p["param"] for p in response.json()["invalid_params"]}


# -- inert HTML ------------------------------------------------------------------------------------


def test_html_and_script_are_stored_as_plain_text_and_shown_escaped(client):
    users = team()
    payload = "<script>alert('x')</script><b onmouseover=alert(1)>Nấu cơm</b> cho học sinh nghèo"
    response = _post_api(client, _payload(what=payload, subject_name="<img src=x onerror=alert(1)>"))
    assert response.status_code == 201
    nomination = Nomination.objects.get()
    assert nomination.what == payload  # kept as typed, never interpreted
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk])).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;" in html


# -- size, type, honeypot, rate ----------------------------------------------------------------------


def test_oversized_photo_is_refused(client, settings):
    settings.NOMINATION_MAX_PHOTO_BYTES = 50_000
    big = _jpeg(size=(600, 600), exif=False, quality=100, noise=True)
    assert len(big) > 50_000
    response = _post_api(client, _payload(photo=base64.b64encode(big).decode()))
    assert response.status_code == 400
    assert "photo" in {p["param"] for p in response.json()["invalid_params"]}
    data = _form_data()
    data["photo"] = SimpleUploadedFile("anh.jpg", big, content_type="image/jpeg")
    response = client.post(FORM, data)
    assert response.status_code == 400 and "photo" in response.context["form"].errors
    assert Nomination.objects.count() == 0


def test_oversized_body_is_413_for_api_and_form(client, settings):
    settings.NOMINATION_MAX_BODY_BYTES = 100_000
    blob = base64.b64encode(b"\0" * 120_000).decode()
    response = _post_api(client, _payload(photo=blob))
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    data = _form_data()
    data["photo"] = SimpleUploadedFile("anh.jpg", b"\xff" * 120_000, content_type="image/jpeg")
    response = client.post(FORM, data)
    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()
    assert Nomination.objects.count() == 0


def test_oversized_body_beyond_django_limit_is_still_413(client, settings):
    # Larger than Django's own DATA_UPLOAD_MAX_MEMORY_SIZE: must not become a 400 or a 500.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    settings.NOMINATION_MAX_BODY_BYTES = 60_000
    big_text = {"what": "Việc tốt " * 8000}
    assert _post_api(client, _payload(**big_text)).status_code == 413
    assert client.post(FORM, _form_data(**big_text)).status_code == 413


def test_non_image_named_jpg_is_refused(client):
    fake = b"%PDF-1.4 not an image at all" * 10
    response = _post_api(client, _payload(photo=base64.b64encode(fake).decode()))
    assert response.status_code == 400
    assert "photo" in {p["param"] for p in response.json()["invalid_params"]}
    data = _form_data()
    data["photo"] = SimpleUploadedFile("anh.jpg", fake, content_type="image/jpeg")
    response = client.post(FORM, data)
    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in str(response.context["form"].errors["photo"])
    # A real image in a format we do not take (GIF) is refused too.
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    response = _post_api(client, _payload(photo=base64.b64encode(out.getvalue()).decode()))
    assert response.status_code == 400
    assert Nomination.objects.count() == 0


def test_honeypot_stores_nothing(client):
    response = _post_api(client, _payload(website="http://spam.example"))
    assert response.status_code == 400
    response = client.post(FORM, _form_data(website="http://spam.example"), follow=True)
    assert response.status_code == 200  # bots are not told
    assert Nomination.objects.count() == 0


def test_rate_limit_per_address(client, settings):
    # Each submission differs (an identical resubmission is answered with the first reference
    # and stored once; see tests/hardening/test_nomination_limits.py).
    def what(n):
        return f"Bà tự nguyện nấu cơm miễn phí cho học sinh nghèo, lần thứ {n}."

    settings.NOMINATION_RATE_LIMIT = (2, 600)
    assert _post_api(client, _payload(what=what(1))).status_code == 201
    assert client.post(FORM, _form_data(what=what(2))).status_code == 302
    response = _post_api(client, _payload(what=what(3)))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert response["Content-Type"] == "application/problem+json"
    response = client.post(FORM, _form_data(what=what(4)))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    # Another address is not affected.
    assert _post_api(client, _payload(what=what(5)), REMOTE_ADDR="10.0.0.9").status_code == 201
    assert Nomination.objects.count() == 3


# -- never public ------------------------------------------------------------------------------------


def test_nothing_about_a_nomination_is_reachable_anonymously(client):
    response = _post_api(client, _payload(photo=base64.b64encode(_jpeg()).decode()))
    nomination = Nomination.objects.get(reference=response.json()["reference"])
    assert client.get(API).status_code in (404, 405)
    assert client.get(f"{API}/{nomination.pk}", follow=True).status_code in (404, 405)
    assert client.get(f"{API}/{nomination.reference}", follow=True).status_code in (404, 405)
    assert client.get("/gioi-thieu-guong/cam-on/").status_code == 302  # no reference to show
    for name in ("list", "inspect", "edit"):
        args = [] if name == "list" else [nomination.pk]
        url = reverse(f"wagtailsnippets_exemplars_nomination:{name}", args=args)
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    for name in ("check", "accept", "reject", "photo"):
        url = reverse(f"exemplars_nomination_{name}", args=[nomination.pk])
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    # The photo has no public URL, and the text appears in no public API or page.
    with pytest.raises(ValueError):
        nomination.photo.url  # noqa: B018
    for url in ("/api/v2/pages/?limit=50", "/", "/sitemap.xml", "/api/v1/openapi.json"):
        assert nomination.subject_name not in client.get(url).content.decode()
    assert "0912345678" not in client.get("/api/v2/pages/?limit=50").content.decode()


def test_only_staff_with_permission_see_the_queue(client):
    users = team()
    _post_api(client, _payload())
    nomination = Nomination.objects.get()
    index = reverse("wagtailsnippets_exemplars_nomination:list")
    client.force_login(users["writer"])
    assert_refused(client.get(index))
    client.force_login(users["radio"])
    assert_refused(client.get(reverse("exemplars_nomination_photo", args=[nomination.pk])))
    client.force_login(users["editor"])
    response = client.get(index)
    assert response.status_code == 200 and nomination.reference in response.content.decode()
    inspect = client.get(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk]))
    assert "0912345678" in inspect.content.decode()  # contact visible to staff
    filtered = client.get(index, {"status": "rejected"})
    assert nomination.reference not in filtered.content.decode()


# -- staff decisions -----------------------------------------------------------------------------


def test_editor_checks_then_accepts_creating_a_linked_draft(client):
    users = team()
    editor = users["editor"]
    place = factories.place_tree()["dong"]
    factories.exemplar_index()
    _post_api(client, _payload(subject_kind="collective", subject_name="Tổ nhặt rác thôn Đông"))
    nomination = Nomination.objects.get()
    client.force_login(editor)

    assert client.post(reverse("exemplars_nomination_check", args=[nomination.pk])).status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CHECKING

    accept = reverse("exemplars_nomination_accept", args=[nomination.pk])
    assert client.get(accept).status_code == 200
    response = client.post(accept, {"title": "Tổ nhặt rác thôn Đông", "place": place.pk})
    assert response.status_code == 302
    nomination.refresh_from_db()
    page = ExemplarPage.objects.get(pk=nomination.exemplar_id)
    assert nomination.status == NominationStatus.ACCEPTED and nomination.decided_by == editor
    assert page.kind == "collective" and page.place == place
    assert page.summary == nomination.what[:600]
    assert not page.live and page.current_workflow_state is None  # a draft, never published
    assert client.get(page.url or "/dien-hinh/").status_code in (200, 404)
    client.logout()
    assert "Tổ nhặt rác thôn Đông" not in client.get("/api/v2/pages/?limit=50").content.decode()

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(nomination.pk), content_type__model="nomination")
        .order_by("timestamp")
        .values_list("action", "user_id")
    )
    assert ("exemplars.nomination.checking", editor.pk) in actions
    assert ("exemplars.nomination.accepted", editor.pk) in actions

    # A decided nomination cannot be decided again.
    client.force_login(editor)
    client.post(reverse("exemplars_nomination_reject", args=[nomination.pk]), {"reason": "nhầm"})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ACCEPTED


def test_editor_rejects_with_reason(client):
    users = team()
    _post_api(client, _payload())
    nomination = Nomination.objects.get()
    client.force_login(users["editor"])
    url = reverse("exemplars_nomination_reject", args=[nomination.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "Hãy ghi lý do từ chối." in response.content.decode()
    assert client.post(url, {"reason": "Không xác minh được thông tin."}).status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.REJECTED
    assert nomination.rejection_reason == "Không xác minh được thông tin."
    entry = ModelLogEntry.objects.get(action="exemplars.nomination.rejected")
    assert entry.user == users["editor"] and entry.data["reason"] == "Không xác minh được thông tin."
    history = client.get(reverse("wagtailsnippets_exemplars_nomination:history", args=[nomination.pk]))
    assert "Giới thiệu: từ chối" in history.content.decode() or "Từ chối giới thiệu" in history.content.decode()


def test_form_still_checks_csrf():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(FORM, _form_data()).status_code == 403
    assert Nomination.objects.count() == 0
