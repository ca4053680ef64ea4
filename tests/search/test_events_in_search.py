"""Events (conferences, sơ kết and tổng kết meetings, talks) are found by site search like the
other public pages, and say no more than their public page does."""

import pytest

from django.utils import timezone

from exemplars.models import ConsentStatus
from tests import factories
from tests.events import builders

from .conftest import search, titles

pytestmark = pytest.mark.django_db


def test_a_published_event_is_found_typed_without_accents_and_filtered_by_type(client):
    builders.event(
        "Hội nghị biểu dương điển hình tiên tiến ngư dân vươn khơi",
        year=2023,
        location="Hội trường Ủy ban nhân dân huyện Lý Sơn",
        summary="Tuyên dương các tổ đoàn kết bám biển, giữ vững chủ quyền biển đảo.",
    )
    builders.event("Tọa đàm phụ nữ khởi nghiệp", kind="talk", year=2024, publish=False)

    answer = search(client, q="bieu duong ngu dan vuon khoi", facets="true")
    assert titles(answer) == ["Hội nghị biểu dương điển hình tiên tiến ngư dân vươn khơi"]
    item = answer["items"][0]
    assert item["type"] == "event" and item["url"].startswith("/su-kien/")
    assert {"value": "event", "label": "Sự kiện", "count": 1} in answer["facets"]["type"]

    # the summary and the place are searchable; the type filter keeps only events
    assert titles(search(client, q="to doan ket bam bien", type="event"))
    assert titles(search(client, q="hoi truong uy ban", type="event"))
    assert search(client, q="bieu duong ngu dan", type="story")["count"] == 0

    # a draft is never found, not even by its exact title
    assert search(client, q="toa dam phu nu khoi nghiep")["count"] == 0


def test_an_event_names_only_public_exemplars_it_honoured(client):
    honoured = factories.exemplar("Tổ đoàn kết tàu cá Ân Hải", kind="collective")
    builders.event("Hội nghị sơ kết phong trào bám biển", year=2022, honourees=[honoured])
    assert "Hội nghị sơ kết phong trào bám biển" in titles(search(client, q="an hai", type="event"))

    # unpublished, the collective's name leaves the event's document at once
    honoured.unpublish()
    assert search(client, q="an hai")["count"] == 0
    assert titles(search(client, q="so ket bam bien")) == ["Hội nghị sơ kết phong trào bám biển"]


def test_an_unknown_type_is_still_refused(client):
    response = client.get("/api/v1/search", {"q": "hoi nghi", "type": "meeting"})
    assert response.status_code == 400
    assert "meeting" in response.content.decode()


def test_an_honoured_person_who_withdraws_consent_leaves_the_event_document(client):
    person = factories.exemplar("Phạm Thị Thu Sương", kind="individual")
    builders.event("Hội nghị điển hình tiên tiến năm 2020", year=2020, honourees=[person])
    assert "Hội nghị điển hình tiên tiến năm 2020" in titles(search(client, q="pham thi thu suong"))

    consent = person.consent
    consent.status = ConsentStatus.WITHDRAWN
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert search(client, q="pham thi thu suong")["count"] == 0
    assert titles(search(client, q="dien hinh tien tien nam 2020", type="event")) == [
        "Hội nghị điển hình tiên tiến năm 2020"
    ]


def test_an_event_is_found_by_its_public_campaign_and_filtered_by_it(client):
    reviewed = factories.campaign("Phong trào Ngư dân bám biển vươn khơi")
    builders.event("Hội nghị sơ kết năm năm", year=2021, campaigns=[reviewed])
    assert titles(search(client, q="ngu dan bam bien", type="event")) == ["Hội nghị sơ kết năm năm"]
    assert titles(search(client, q="so ket", campaign=str(reviewed.pk))) == ["Hội nghị sơ kết năm năm"]
