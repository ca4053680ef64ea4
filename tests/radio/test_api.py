"""Radio API through real HTTP: read-aloud preview, weekly scripts in every format, feeds,
conditional GETs, bad weeks, and the rule that drafts and withdrawn content never go public."""

import datetime
import io

import feedparser
import pytest
from docx import Document

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone

from radio.models import RundownItem
from radio.weeks import STATION_TZ, IsoWeek
from tests import factories

BASE = "/api/v1/radio"
SLUG = "hoc-tap-va-lam-theo-bac"
JSON_FEED_TOP_FIELDS = {
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "authors",
    "language",
    "expired",
    "hubs",
    "items",
}
JSON_FEED_ITEM_FIELDS = {
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "language",
    "attachments",
}
STORY_TEXT = "Ông Nguyễn Văn Thử cứu 12 ngư dân ngày 07/4/2014 tại vùng biển Hoàng Sa."


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def approved_week(week="2026-W48", **kwargs):
    story = factories.story("Cứu ngư dân gặp nạn", lead=STORY_TEXT)
    rundown = factories.rundown(
        week,
        status=kwargs.pop("status", "approved"),
        items=[
            {"kind": "intro", "slug": "MO-DAU", "display_text": "Kính chào quý vị."},
            {"slug": "CUU-NGU-DAN", "display_text": STORY_TEXT, "source_page": story, "presenter_notes": "Đọc chậm."},
            {"kind": "cue", "slug": "NHAC", "display_text": "Nhạc cắt", "planned_seconds": 10},
            {"kind": "outro", "slug": "KET", "display_text": "Xin chào và hẹn gặp lại."},
        ],
    )
    return rundown, story


def radio_editor():
    user = User.objects.create_user("bientap", password="x")
    user.groups.add(Group.objects.get(name="Biên tập phát thanh"))
    return user


# -- read-aloud -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_read_aloud_returns_text_expansions_flags_and_timing(client):
    response = client.post(
        f"{BASE}/read-aloud", {"text": "UBND cấp 1.500.000đ cho ông A1.", "rate": 180}, content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["read_text"] == "Ủy ban nhân dân cấp một triệu năm trăm nghìn đồng cho ông A1."
    assert {"original": "UBND", "spoken": "Ủy ban nhân dân", "rule": "abbreviation", "rule_label": "viết tắt"} in data[
        "expansions"
    ]
    assert data["flags"][0]["token"] == "A1"
    assert data["syllables"] == 14
    assert data["seconds"] == round(14 / 180 * 60, 1)


@pytest.mark.django_db
def test_read_aloud_length_cap_and_bad_input(client):
    too_long = client.post(f"{BASE}/read-aloud", {"text": "a " * 10_001}, content_type="application/json")
    assert too_long.status_code == 413
    assert too_long["Content-Type"] == "application/problem+json"
    assert "20000" in too_long.json()["detail"]
    assert client.post(f"{BASE}/read-aloud", {"text": "  "}, content_type="application/json").status_code == 400
    bad_rate = client.post(f"{BASE}/read-aloud", {"text": "chào", "rate": 5}, content_type="application/json")
    assert bad_rate.status_code == 400 and bad_rate.json()["param"] == "rate"
    assert client.post(f"{BASE}/read-aloud", {}, content_type="application/json").status_code == 400


@pytest.mark.django_db
def test_read_aloud_refuses_an_oversized_body_with_413_and_says_so_in_the_schema(client):
    from radio.api import MAX_BODY_BYTES

    body = '{"text": "chào"' + " " * MAX_BODY_BYTES + "}"  # a short text in a padded body
    response = client.post(f"{BASE}/read-aloud", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert str(MAX_BODY_BYTES) in response.json()["detail"]
    assert "quá lớn" in response.json()["detail"]
    limit = client.post(f"{BASE}/read-aloud", {"text": "x" * 20_001}, content_type="application/json")
    assert limit.status_code == 413 and limit.json()["param"] == "text"
    schema = client.get("/api/v1/openapi.json").json()
    operation = next(p["post"] for path, p in schema["paths"].items() if path.endswith("/radio/read-aloud"))
    assert "20000 ký tự" in operation["description"] and "413" in operation["responses"]


@pytest.mark.django_db
def test_read_aloud_is_rate_limited(client, settings):
    settings.RADIO_READ_ALOUD_LIMIT = (3, 60)
    codes = [
        client.post(f"{BASE}/read-aloud", {"text": "chào"}, content_type="application/json").status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    limited = client.post(f"{BASE}/read-aloud", {"text": "chào"}, content_type="application/json")
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429


# -- weekly script ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_week_json_has_items_and_honest_timing(client):
    rundown, story = approved_week()
    response = client.get(f"{BASE}/{SLUG}/weeks/2026-W48")
    assert response.status_code == 200
    data = response.json()
    assert data["week"] == "2026-W48"
    assert (data["week_start"], data["week_end"], data["air_date"]) == ("2026-11-23", "2026-11-29", "2026-11-28")
    assert [i["slug"] for i in data["items"]] == ["MO-DAU", "CUU-NGU-DAN", "NHAC", "KET"]
    story_item = data["items"][1]
    assert story_item["read_text"].startswith("Ông Nguyễn Văn Thử cứu mười hai ngư dân ngày mùng bảy tháng tư")
    assert story_item["presenter_notes"] == "Đọc chậm."
    assert story_item["source_url"].endswith(story.url)
    # Notes are not timed; the cue has no read text and takes its planned ten seconds.
    expected = [round(RundownItem.objects.get(slug=i["slug"]).syllables / 210 * 60, 1) for i in data["items"]]
    expected[2] = 10.0
    assert [i["seconds"] for i in data["items"]] == expected
    running = 0.0
    for item in data["items"]:
        running = round(running + item["seconds"], 1)
        assert item["cumulative_seconds"] == running
    assert data["timing"]["total_seconds"] == running
    assert data["timing"]["over_under_seconds"] == round(running - 600, 1)
    # Back-time: the last item starts at slot end (19:40:00) minus its own length.
    last = data["items"][-1]
    end = datetime.datetime(2026, 11, 28, 19, 40, tzinfo=STATION_TZ)
    assert last["back_time"] == (end - datetime.timedelta(seconds=last["seconds"])).strftime("%H:%M:%S")


@pytest.mark.django_db
def test_txt_and_docx_carry_every_item_in_order(client):
    approved_week()
    txt = client.get(f"{BASE}/{SLUG}/weeks/2026-W48.txt")
    assert txt["Content-Type"] == "text/plain; charset=utf-8"
    body = txt.content.decode("utf-8")
    positions = [body.index(slug) for slug in ["MO-DAU", "CUU-NGU-DAN", "NHAC", "KET"]]
    assert positions == sorted(positions)
    assert "mùng bảy tháng tư" in body and "Đọc chậm." in body

    docx = client.get(f"{BASE}/{SLUG}/weeks/2026-W48.docx")
    assert docx.status_code == 200
    document = Document(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h.split(" — ")[0] for h in headings] == ["1. MO-DAU", "2. CUU-NGU-DAN", "3. NHAC", "4. KET"]
    assert any("mười hai ngư dân" in p.text for p in document.paragraphs)
    read_sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if "ngư dân" in r.text}
    assert min(read_sizes) >= 16


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", ".txt", ".docx"])
def test_conditional_get_answers_304(client, suffix):
    approved_week()
    url = f"{BASE}/{SLUG}/weeks/2026-W48{suffix}"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


@pytest.mark.django_db
def test_editing_changes_the_etag(client):
    rundown, _ = approved_week()
    url = f"{BASE}/{SLUG}/weeks/2026-W48"
    etag = client.get(url)["ETag"]
    item = rundown.items.get(slug="KET")
    item.display_text = "Xin chào quý vị."
    item.save()
    rundown.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


@pytest.mark.django_db
@pytest.mark.parametrize("week", ["2026-W54", "2026-W00", "2026-48", "2021-W53"])
def test_bad_weeks_are_400_problems_that_show_a_valid_week(client, week):
    factories.programme()
    response = client.get(f"{BASE}/{SLUG}/weeks/{week}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "2026-W48" in response.json()["detail"]


@pytest.mark.django_db
def test_unknown_programme_is_a_404_problem(client):
    factories.programme()
    response = client.get(f"{BASE}/khong-co/weeks/2026-W48")
    assert response.status_code == 404
    assert SLUG in response.json()["detail"]


@pytest.mark.django_db
def test_week_53_of_2026_crosses_the_year(client):
    factories.rundown("2026-W53", status="approved", items=[{"display_text": "Chúc mừng năm mới."}])
    data = client.get(f"{BASE}/{SLUG}/weeks/2026-W53").json()
    assert (data["week_start"], data["week_end"]) == ("2026-12-28", "2027-01-03")
    assert data["air_date"] == "2027-01-02"


@pytest.mark.django_db
def test_current_redirects_to_this_week_in_vietnam(client):
    factories.programme()
    response = client.get(f"{BASE}/{SLUG}/current")
    assert response.status_code == 302
    this_week = IsoWeek.of(timezone.now().astimezone(STATION_TZ).date())
    assert response["Location"] == f"{BASE}/{SLUG}/weeks/{this_week.label}"


# -- drafts and withdrawn content -------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_is_visible_only_to_signed_in_radio_editors(client):
    approved_week(status="draft")
    url = f"{BASE}/{SLUG}/weeks/2026-W48"
    assert client.get(url).status_code == 404
    assert client.get(url + ".txt").status_code == 404
    assert client.get(f"/phat-thanh/{SLUG}/2026-W48/").status_code == 404
    assert "CUU-NGU-DAN" not in client.get(f"{BASE}/{SLUG}/feed.json").content.decode()
    assert "CUU-NGU-DAN" not in client.get(f"{BASE}/{SLUG}/feed.xml").content.decode()

    client.force_login(User.objects.create_user("khac", password="x", is_staff=True))
    assert client.get(url).status_code == 404

    client.force_login(radio_editor())
    response = client.get(url)
    assert response.status_code == 200 and response.json()["status"] == "draft"
    assert "private" in response["Cache-Control"]
    assert "BẢN NHÁP" in client.get(f"/phat-thanh/{SLUG}/2026-W48/").content.decode()
    # Drafts stay out of feeds, even for editors.
    assert "CUU-NGU-DAN" not in client.get(f"{BASE}/{SLUG}/feed.json").content.decode()


def _everything(client):
    urls = [
        f"{BASE}/{SLUG}/weeks/2026-W48",
        f"{BASE}/{SLUG}/weeks/2026-W48.txt",
        f"{BASE}/{SLUG}/feed.json",
        f"{BASE}/{SLUG}/feed.xml",
        f"/phat-thanh/{SLUG}/2026-W48/",
    ]
    texts = [client.get(url).content.decode("utf-8") for url in urls]
    docx = Document(io.BytesIO(client.get(f"{BASE}/{SLUG}/weeks/2026-W48.docx").content))
    texts.append("\n".join(p.text for p in docx.paragraphs))
    return texts


@pytest.mark.django_db
def test_an_unpublished_story_disappears_from_every_public_format(client):
    rundown, story = approved_week()
    assert all("CUU-NGU-DAN" in text for text in _everything(client))
    story.unpublish()
    assert RundownItem.objects.get(slug="CUU-NGU-DAN").withdrawn
    for text in _everything(client):
        assert "CUU-NGU-DAN" not in text
        assert "ngư dân" not in text
    assert "KET" in _everything(client)[0]


@pytest.mark.django_db
def test_withdrawn_consent_takes_an_exemplar_off_air(client):
    person = factories.exemplar("Bà Trần Thị Mẫu", kind="individual", summary="Bà Mẫu nấu cơm cho 30 ngư dân.")
    factories.rundown(
        status="approved",
        items=[
            {"slug": "BA-MAU", "display_text": person.summary, "source_page": person},
            {"kind": "outro", "slug": "KET", "display_text": "Xin chào."},
        ],
    )
    assert "BA-MAU" in client.get(f"{BASE}/{SLUG}/weeks/2026-W48").content.decode()
    consent = person.consent
    consent.status = "withdrawn"
    consent.save()
    for text in _everything(client):
        assert "BA-MAU" not in text and "Bà Mẫu" not in text


@pytest.mark.django_db
def test_a_story_about_someone_who_withdrew_consent_is_kept_off_air(client):
    person = factories.exemplar("Ông Lê Văn Mẫu", kind="individual")
    rundown, story = approved_week()
    story.exemplars.set([person])
    story.save_revision().publish()
    assert "CUU-NGU-DAN" in client.get(f"{BASE}/{SLUG}/weeks/2026-W48").content.decode()
    person.consent.status = "withdrawn"
    person.consent.save()
    assert "CUU-NGU-DAN" not in client.get(f"{BASE}/{SLUG}/weeks/2026-W48").content.decode()


# -- feeds ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_json_feed_has_the_required_fields_of_version_1_1(client):
    approved_week("2026-W47")
    factories.rundown("2026-W48", status="draft", items=[{"slug": "NHAP", "display_text": "Bản nháp."}])
    response = client.get(f"{BASE}/{SLUG}/feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert isinstance(feed["items"], list) and len(feed["items"]) == 1
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_text") or item.get("content_html")
        assert item["_broadcast"]["week"] == "2026-W47"
        assert [i["slug"] for i in item["_broadcast"]["items"]] == ["MO-DAU", "CUU-NGU-DAN", "NHAC", "KET"]
        datetime.datetime.fromisoformat(item["date_published"])
        # Anything beyond the spec's item fields is an extension, and extensions start with "_".
        assert all(key in JSON_FEED_ITEM_FIELDS or key.startswith("_") for key in item)
    assert all(key in JSON_FEED_TOP_FIELDS or key.startswith("_") for key in feed)
    assert "NHAP" not in response.content.decode()


@pytest.mark.django_db
def test_rss_parses_with_feedparser_and_carries_the_script(client):
    approved_week()
    response = client.get(f"{BASE}/{SLUG}/feed.xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert len(parsed.entries) == 1
    entry = parsed.entries[0]
    assert entry.id.startswith(f"{SLUG}/2026-W48/v")
    assert "mười hai ngư dân" in entry.content[0].value
    assert entry.published_parsed
    assert "<ttl>60</ttl>" in response.content.decode()
    etag = response["ETag"]
    assert client.get(f"{BASE}/{SLUG}/feed.xml", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_prompter_has_large_type_and_an_optional_mirror(client):
    approved_week()
    page = client.get(f"/phat-thanh/{SLUG}/2026-W48/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "font-size: 40px" in body and "scaleX(-1)" not in body
    assert body.index("MO-DAU") < body.index("CUU-NGU-DAN") < body.index("KET")
    mirrored = client.get(f"/phat-thanh/{SLUG}/2026-W48/?mirror=1&co=64").content.decode()
    assert "scaleX(-1)" in mirrored and "font-size: 64px" in mirrored
    assert client.get(f"/phat-thanh/{SLUG}/2026-W54/").status_code == 400


@pytest.mark.django_db
def test_the_consent_withdrawal_action_takes_the_item_off_every_format(client):
    from exemplars.consent import withdraw_consent

    person = factories.exemplar("Ông Phạm Văn Rút", kind="individual", summary="Ông Rút cứu 5 người.")
    factories.rundown(
        status="approved", items=[{"slug": "ONG-RUT", "display_text": person.summary, "source_page": person}]
    )
    withdraw_consent(person.consent, None, note="Gọi điện báo rút lại.")
    assert RundownItem.objects.get(slug="ONG-RUT").withdrawn
    for text in _everything(client):
        assert "ONG-RUT" not in text and "Ông Rút" not in text
