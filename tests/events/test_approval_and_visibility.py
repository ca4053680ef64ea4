"""Events and bloc scores reach the public only through the rules: the one visibility rule for
pages and for the exemplars an event honours, and the two-step approval for year-end scores.

Rankings are driven through the real Wagtail admin as the demo's roles would: a writer drafts
and submits, an editor approves step 1, an approver step 2; the public page and both APIs are
read at each step, with the response cache on (an answer cached before the approval must not
outlive it).
"""

from __future__ import annotations

import datetime

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from campaigns.models import BlocRanking, EventPage
from home.editorial import APPROVERS, EDITORS, WRITERS
from tests import factories
from tests.events import builders
from tests.moderation.helpers import role_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _titles(client, url="/api/v1/events"):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


# -- events ------------------------------------------------------------------------------------


def test_only_visible_events_are_listed_anywhere(client):
    public = builders.event("Hội nghị công khai", year=2021)
    builders.event("Hội nghị còn nháp", year=2021, publish=False)
    expired = builders.event("Hội nghị đã hết hạn", year=2021)
    factories.expire(expired)
    private = builders.event("Hội nghị nội bộ", year=2021)
    factories.make_private(private)
    assert _titles(client) == ["Hội nghị công khai"]
    listing = client.get("/su-kien/").content.decode()
    assert "Hội nghị công khai" in listing
    for hidden in ("Hội nghị còn nháp", "Hội nghị đã hết hạn", "Hội nghị nội bộ"):
        assert hidden not in listing
    assert client.get("/api/v1/events/" + private.slug).status_code == 404
    assert client.get(public.url).status_code == 200
    v2 = client.get("/api/v2/pages/?type=campaigns.EventPage&fields=year").json()
    assert [item["title"] for item in v2["items"]] == ["Hội nghị công khai"]


def test_honoured_exemplars_are_named_only_while_public_and_otherwise_counted(client):
    places = factories.place_tree()
    shown = factories.exemplar("Ông Trần Văn Hiện", kind="individual", place=places["dong"])
    withdrawn = factories.exemplar("Bà Nguyễn Thị Rút", kind="individual", place=places["dong"])
    draft = factories.exemplar("Ông Lê Văn Nháp", kind="individual", place=places["dong"], publish=False)
    factories.withdraw_consent(withdrawn)
    event = builders.event("Hội nghị biểu dương", honourees=[shown, withdrawn, draft], honoured_count=3)
    body = client.get(event.url).content.decode()
    assert "Ông Trần Văn Hiện" in body
    assert "Và 2 điển hình khác không công bố tên trên trang." in body
    for name in ("Bà Nguyễn Thị Rút", "Ông Lê Văn Nháp"):
        assert name not in body
    detail = client.get(f"/api/v1/events/{event.slug}").json()
    assert [e["title"] for e in detail["honoured"]] == ["Ông Trần Văn Hiện"]
    assert (detail["honoured_unnamed"], detail["honoured_count"]) == (2, 3)
    v2 = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert [e["title"] for e in v2["honoured"]] == ["Ông Trần Văn Hiện"]
    assert "Rút" not in str(v2) and "Nháp" not in str(v2)


def test_events_api_filters_and_answers_bad_input_with_problems(client):
    campaign = factories.campaign("Phong trào có sự kiện", slug="phong-trao-co-su-kien")
    builders.event("Sơ kết 2019", kind="interim", year=2019, campaigns=[campaign])
    builders.event("Tổng kết 2020", kind="final", year=2020)
    builders.event("Tọa đàm 2020", kind="talk", year=2020)
    assert _titles(client, "/api/v1/events?type=final") == ["Tổng kết 2020"]
    assert sorted(_titles(client, "/api/v1/events?year=2020")) == ["Tọa đàm 2020", "Tổng kết 2020"]
    assert _titles(client, "/api/v1/events?campaign=phong-trao-co-su-kien") == ["Sơ kết 2019"]
    page = client.get("/api/v1/events?limit=1").json()
    assert page["count"] == 3 and len(page["results"]) == 1 and "offset=1" in page["next"]
    for url, param in (
        ("/api/v1/events?type=hop-mat", "type"),
        ("/api/v1/events?year=20x0", "year"),
        ("/api/v1/events?year=1800", "year"),
        ("/api/v1/events?campaign=khong-co", "campaign"),
        ("/api/v1/events?nam=2020", "nam"),
        ("/api/v1/events?limit=500", "limit"),
        ("/api/v1/blocs?year=2020", "year"),
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response["Content-Type"] == "application/problem+json", url
        assert response.json()["param"] == param, url
    for url in ("/api/v1/events/khong-co", "/api/v1/blocs/khong-co"):
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"


def test_event_page_refuses_a_date_outside_its_year():
    event = EventPage(title="Hội nghị", slug="hoi-nghi", year=2015, date=datetime.date(2016, 1, 1))
    with pytest.raises(Exception, match="Ngày tổ chức phải thuộc năm đã ghi"):
        event.clean()


# -- bloc scores ---------------------------------------------------------------------------------


def _public_scores(client, bloc):
    """What the public sees of the bloc's scores: (API detail rankings, page HTML)."""
    api = client.get(f"/api/v1/blocs/{bloc.slug}").json()
    listing = client.get("/api/v1/blocs").json()
    page = client.get("/khoi-thi-dua/").content.decode()
    latest = next(b for b in listing["results"] if b["slug"] == bloc.slug)["latest_ranking"]
    return api["rankings"], latest, page


def test_draft_scores_are_never_public_and_edits_wait_for_approval(client):
    a, b = builders.organisations(2)
    bloc = builders.bloc("Khối thử nghiệm điểm", members=[a, b])
    builders.ranking(bloc, 2025, [(a, 88.25), (b, 91.5)], publish=False)
    rankings, latest, page = _public_scores(client, bloc)
    assert (rankings, latest) == ([], None)
    assert "88,25" not in page and "91,50" not in page
    assert "Chưa có kết quả chấm điểm đã được duyệt." in page

    published = builders.ranking(bloc, 2024, [(a, 90), (b, 80)], publish=True)
    rankings, latest, page = _public_scores(client, bloc)
    assert [r["year"] for r in rankings] == [2024] and latest["year"] == 2024
    assert [(s["organisation"]["name"], s["score"]) for s in latest["scores"]] == [(a.name, 90.0), (b.name, 80.0)]
    assert "Kết quả chấm điểm năm 2024" in page and "2025" not in page.split("<main", 1)[1]

    # An unapproved change to the published ranking is a draft revision: the public keeps 90/80.
    draft = BlocRanking.objects.get(pk=published.pk)
    score = draft.scores.get(organisation=b)
    score.score = 99
    draft.save_revision()  # what "Lưu nháp" does: the row keeps the approved content
    rankings, latest, _page = _public_scores(client, bloc)
    assert [s["score"] for s in latest["scores"]] == [90.0, 80.0]


def _ranking_form(client, bloc, org_a, org_b, year: int):
    url = reverse("wagtailsnippets_campaigns_blocranking:add")
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data.update({"bloc": str(bloc.pk), "year": str(year), "note": "Thang điểm 100."})
    for i, (org, score) in enumerate(((org_a, "95.5"), (org_b, "90"))):
        data.update(
            {
                f"scores-{i}-organisation": str(org.pk),
                f"scores-{i}-score": score,
                f"scores-{i}-rank": str(i + 1),
                f"scores-{i}-title": "",
                f"scores-{i}-ORDER": str(i + 1),
                f"scores-{i}-id": "",
                f"scores-{i}-DELETE": "",
            }
        )
    data.update({"scores-TOTAL_FORMS": "2", "scores-INITIAL_FORMS": "0"})
    return url, data


def _act(client, ranking, action):
    ranking.refresh_from_db()
    task_state = ranking.current_workflow_task_state
    assert task_state is not None, "not in moderation"
    url = reverse("wagtailsnippets_campaigns_blocranking:workflow_action", args=[ranking.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


def test_scores_go_public_only_after_both_approval_steps(client):
    org_a, org_b = builders.organisations(2)
    bloc = builders.bloc("Khối duyệt hai bước", members=[org_a, org_b])
    writer, editor, approver = role_user(WRITERS), role_user(EDITORS), role_user(APPROVERS)
    client.get("/api/v1/blocs")  # an answer cached before anything is approved

    # Nobody publishes scores directly, not even an approver (who holds the publish right, for
    # taking wrong scores down): the button is not offered and a posted "publish" is refused.
    client.force_login(writer)
    url, data = _ranking_form(client, bloc, org_a, org_b, 2023)
    response = client.post(url, {**data.dict(), "action-publish": "action-publish"}, follow=True)
    assert "Không thể xuất bản trực tiếp" in response.content.decode()
    assert not BlocRanking.objects.filter(bloc=bloc).exists()

    # The writer saves and submits for approval.
    client.force_login(writer)
    url, data = _ranking_form(client, bloc, org_a, org_b, 2024)
    response = client.post(url, {**data.dict(), "action-submit": "action-submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    ranking = BlocRanking.objects.get(bloc=bloc, year=2024)
    assert not ranking.live and ranking.current_workflow_task.name == "Biên tập viên duyệt"
    client.logout()
    assert _public_scores(client, bloc)[0] == []
    assert client.get(f"/api/v1/blocs/{bloc.slug}")["X-Cache"] == "hit"  # cached: approval must retire it

    client.force_login(editor)
    assert _act(client, ranking, "approve").status_code == 302
    ranking.refresh_from_db()
    assert not ranking.live and ranking.current_workflow_task.name == "Lãnh đạo duyệt"
    client.logout()
    rankings, latest, page = _public_scores(client, bloc)
    assert (rankings, latest) == ([], None) and "95,50" not in page

    client.force_login(approver)
    edit = reverse("wagtailsnippets_campaigns_blocranking:edit", args=[ranking.pk])
    page = client.get(edit).content.decode()
    assert 'name="action-publish"' not in page
    data = querydict_from_html(page, form_id="w-editor-form")
    response = client.post(edit, {**data.dict(), "action-publish": "action-publish"}, follow=True)
    assert "Không thể xuất bản trực tiếp" in response.content.decode()
    ranking.refresh_from_db()
    assert not ranking.live
    assert _act(client, ranking, "approve").status_code == 302
    ranking.refresh_from_db()
    assert ranking.live
    client.logout()
    rankings, latest, page = _public_scores(client, bloc)
    assert latest["year"] == 2024
    assert [(s["rank"], s["score"]) for s in latest["scores"]] == [(1, 95.5), (2, 90.0)]
    assert "95,50" in page


def test_the_admin_shows_blocs_and_rankings_in_vietnamese(client):
    org_a, org_b = builders.organisations(2)
    bloc = builders.bloc("Khối xem trong quản trị", members=[org_a, org_b])
    client.force_login(role_user(EDITORS))
    listing = client.get(reverse("wagtailsnippets_campaigns_emulationbloc:list")).content.decode()
    assert "Khối xem trong quản trị" in listing
    edit = client.get(reverse("wagtailsnippets_campaigns_emulationbloc:edit", args=[bloc.pk])).content.decode()
    for label in ("Thành viên", "Đăng ký, ký kết giao ước thi đua hằng năm", "tên khối, cụm"):
        assert label.lower() in edit.lower(), label
    add = client.get(reverse("wagtailsnippets_campaigns_blocranking:add")).content.decode()
    assert "Điểm và xếp hạng" in add
    assert Page.objects.filter(depth=2).exists()


def test_lists_cost_the_same_number_of_queries_for_few_or_many_rows(client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost(url):
        client.get(url)  # warm per-process memos (site, content types)
        cache.clear()  # …but compute the answer itself, not read it from the response cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200 and response["X-Cache"] != "hit"
        return len(queries)

    orgs = builders.organisations(3)
    builders.event(documents=[("plan", "1/KH-UBND", datetime.date(2020, 1, 2))])
    first_bloc = builders.bloc(members=orgs)
    builders.ranking(first_bloc, 2024, [(o, 90 + i) for i, o in enumerate(orgs)], publish=True)
    few = {url: cost(url) for url in ("/api/v1/events", "/api/v1/blocs", "/su-kien/", "/khoi-thi-dua/")}
    for n in range(4):
        builders.event(documents=[("plan", f"{n}/KH-UBND", datetime.date(2020, 1, 2))] * 2)
        bloc = builders.bloc(members=orgs)
        builders.ranking(bloc, 2024, [(o, 80 + i) for i, o in enumerate(orgs)], publish=True)
    many = {url: cost(url) for url in few}
    assert many == few
    assert min(few.values()) > 3  # the answers were computed, not served from the cache
