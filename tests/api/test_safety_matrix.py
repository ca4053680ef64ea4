"""No draft, unpublished change, scheduled, expired, private or consent-less content on any door.

For each state, the test builds a small public corpus plus hidden content carrying a marker
("Bí mật …") in its title, then crawls every endpoint of both APIs — lists, details, related
lists, statistics, /api/v2/pages/find/, images and documents — and checks that the marker
never appears, that hidden detail URLs are 404, and that counts and statistics ignore it.
"""

import datetime
import json

import pytest

from exemplars.models import ExemplarPage
from tests import factories

STATES = [
    "draft",
    "unpublished_change",
    "scheduled",
    "expired",
    "private",
    "consent_withdrawn",
    "consent_missing",
]
MARKER = "Bí mật"
MARKER_SLUG = "bi-mat"


def _hide_page(page, state, *, secret_title):
    """Put an already published page into `state`; return the object whose slug must 404 (or None)."""
    if state == "draft":
        page.unpublish()
    elif state == "scheduled":
        page.unpublish()
        factories.schedule(page)
    elif state == "expired":
        factories.expire(page)
    elif state == "private":
        factories.make_private(page)
    elif state == "unpublished_change":
        draft = page.specific
        draft.title = secret_title
        if isinstance(draft, ExemplarPage):
            draft.summary = f"{MARKER} tóm tắt nháp"
        draft.save_revision()
        return None  # the page stays public, with its published content
    elif state == "consent_withdrawn":
        factories.withdraw_consent(page)
    elif state == "consent_missing":
        page.consent.delete()
    return page


@pytest.fixture
def corpus(request, db):
    state = request.param
    public_field, hidden_field = factories.field("Giáo dục"), factories.field("Y tế")
    award_type = factories.award_type()
    public_image, secret_image = factories.image("Ảnh công khai"), factories.image(f"{MARKER} ảnh")
    public = factories.exemplar(
        "Tập thể công khai",
        kind="collective",
        fields=[public_field],
        awards=[{"award_type": award_type, "decision_date": datetime.date(2020, 5, 1)}],
        portrait=public_image,
        portrait_alt="Ảnh",
    )
    consent_state = state.startswith("consent_")
    secret_title = f"{MARKER} {state}"
    hidden_exemplar = factories.exemplar(
        "Người thử nghiệm" if state == "unpublished_change" else secret_title,
        kind="individual",
        fields=[hidden_field],
        awards=[{"award_type": award_type, "decision_date": datetime.date(2019, 5, 1)}],
        portrait=None if state == "unpublished_change" else secret_image,
        portrait_alt="Ảnh",
        slug=f"{MARKER_SLUG}-exemplar" if state != "unpublished_change" else None,
    )
    if state == "unpublished_change":
        # the draft adds a secret portrait and a secret award: neither may show
        draft = hidden_exemplar.specific
        draft.portrait = secret_image
        draft.title = secret_title
        draft.save_revision()
        hidden_slug = None
    else:
        hidden_slug = hidden_exemplar.slug
    campaign = factories.campaign("Phong trào công khai", exemplars=[public, hidden_exemplar])
    # A story that links someone who withdraws consent is held back with them (one policy on
    # every surface, StoryPage.visibility_q): in that state the public story links only the
    # public exemplar, and a second story, linking both, must vanish like the person.
    story_links = [public] if state == "consent_withdrawn" else [public, hidden_exemplar]
    story = factories.story("Việc tốt công khai", exemplars=story_links, campaigns=[campaign])
    held_story = None
    if state == "consent_withdrawn":
        held_story = factories.story(
            f"{MARKER} bài nhắc người rút lại đồng ý",
            slug=f"{MARKER_SLUG}-story",
            exemplars=[public, hidden_exemplar],
            campaigns=[campaign],
        )
    hidden = {"exemplar": hidden_slug}
    if not consent_state:
        _hide_page(hidden_exemplar, state, secret_title=secret_title)
        secret_campaign = factories.campaign(
            secret_title if state != "unpublished_change" else "Phong trào sẽ đổi tên",
            slug=None if state == "unpublished_change" else f"{MARKER_SLUG}-campaign",
            exemplars=[public],
        )
        secret_story = factories.story(
            secret_title if state != "unpublished_change" else "Bài sẽ đổi tên",
            slug=None if state == "unpublished_change" else f"{MARKER_SLUG}-story",
            exemplars=[public],
            campaigns=[campaign],
        )
        hidden["campaign"] = _hide_page(secret_campaign, state, secret_title=secret_title) and secret_campaign.slug
        hidden["story"] = _hide_page(secret_story, state, secret_title=secret_title) and secret_story.slug
        hidden["page_ids"] = [p.pk for p in (hidden_exemplar, secret_campaign, secret_story)]
    else:
        _hide_page(hidden_exemplar, state, secret_title=secret_title)
        hidden["page_ids"] = [hidden_exemplar.pk]
        if held_story is not None:
            hidden["story"] = held_story.slug
            hidden["page_ids"].append(held_story.pk)
    if state == "unpublished_change":
        hidden["page_ids"] = []
    return {
        "state": state,
        "public": public,
        "campaign": campaign,
        "story": story,
        "hidden": hidden,
        "hidden_exemplar": hidden_exemplar,
        "hidden_field": hidden_field,
        "secret_image": secret_image,
        "public_image": public_image,
    }


def _text(response) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


def _crawl_urls(corpus) -> list[str]:
    public, campaign, story = corpus["public"], corpus["campaign"], corpus["story"]
    return [
        "/api/v1/exemplars",
        "/api/v1/exemplars?order=name",
        "/api/v1/exemplars?order=-awards",
        "/api/v1/exemplars?year=2019",
        f"/api/v1/exemplars/{public.slug}",
        "/api/v1/campaigns",
        f"/api/v1/campaigns/{campaign.slug}",
        "/api/v1/stories",
        f"/api/v1/stories/{story.slug}",
        f"/api/v1/stories?campaign={campaign.slug}",
        "/api/v1/fields",
        "/api/v1/stats/awards?from=2014&to=2024",
        "/api/v1/stats/propagation",
        "/api/v1/exemplars?replicated=false",
        "/api/v2/pages/",
        "/api/v2/pages/?type=exemplars.ExemplarPage&fields=*",
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=*",
        "/api/v2/pages/?type=campaigns.StoryPage&fields=*",
        f"/api/v2/pages/{public.pk}/",
        f"/api/v2/pages/{campaign.pk}/",
        f"/api/v2/pages/{story.pk}/",
        f"/api/v2/pages/?child_of={public.get_parent().pk}",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]


@pytest.mark.parametrize("corpus", STATES, indirect=True)
def test_hidden_content_never_appears(client, corpus):
    for url in _crawl_urls(corpus):
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        text = _text(response)
        assert MARKER not in text, f"{corpus['state']}: {url} leaks hidden content"
        assert MARKER_SLUG not in text, f"{corpus['state']}: {url} leaks a hidden slug"


@pytest.mark.parametrize("corpus", STATES, indirect=True)
def test_hidden_details_are_404_on_both_doors(client, corpus):
    hidden = corpus["hidden"]
    for kind in ("exemplar", "campaign", "story"):
        slug = hidden.get(kind)
        if slug:
            plural = {"exemplar": "exemplars", "campaign": "campaigns", "story": "stories"}[kind]
            response = client.get(f"/api/v1/{plural}/{slug}")
            assert response.status_code == 404, (kind, slug)
            assert response["Content-Type"] == "application/problem+json"
    for page_id in hidden["page_ids"]:
        assert client.get(f"/api/v2/pages/{page_id}/").status_code == 404
        page = ExemplarPage.objects.filter(pk=page_id).first() or None
        url_path = (page or __import__("wagtail.models", fromlist=["Page"]).Page.objects.get(pk=page_id)).url_path
        html_path = "/" + url_path.split("/", 2)[2]  # strip the root page's own slug
        assert client.get("/api/v2/pages/find/", {"html_path": html_path}).status_code == 404, html_path
    if hidden.get("exemplar"):
        response = client.get("/api/v1/stories", {"exemplar": hidden["exemplar"]})
        assert response.status_code == 400
        assert response.json()["param"] == "exemplar"


@pytest.mark.parametrize("corpus", STATES, indirect=True)
def test_hidden_content_is_not_counted(client, corpus):
    exemplars = client.get("/api/v1/exemplars").json()
    expected = 2 if corpus["state"] == "unpublished_change" else 1
    assert exemplars["count"] == expected
    assert client.get("/api/v2/pages/?type=exemplars.ExemplarPage").json()["meta"]["total_count"] == expected

    stats = client.get("/api/v1/stats/awards?from=2014&to=2024").json()
    by_year = {row["year"]: row["count"] for row in stats["by_year"]}
    assert by_year[2020] == 1
    # Award facts of a person who withdrew consent stay in the statistics, as counts without the
    # name (issue 4); every other hidden state keeps its awards out of the counts.
    assert by_year[2019] == (1 if corpus["state"] in ("unpublished_change", "consent_withdrawn") else 0)
    assert stats["total"] == sum(by_year.values())

    fields = {f["slug"]: f["exemplar_count"] for f in client.get("/api/v1/fields").json()}
    assert fields[corpus["hidden_field"].slug] == (1 if corpus["state"] == "unpublished_change" else 0)

    campaign = client.get(f"/api/v1/campaigns/{corpus['campaign'].slug}").json()
    assert len(campaign["exemplars"]) == expected


@pytest.mark.parametrize("corpus", STATES, indirect=True)
def test_images_of_hidden_content_are_not_listed(client, corpus):
    titles = [item["title"] for item in client.get("/api/v2/images/").json()["items"]]
    assert "Ảnh công khai" in titles
    assert corpus["secret_image"].title not in titles
    assert client.get(f"/api/v2/images/{corpus['secret_image'].pk}/").status_code == 404
