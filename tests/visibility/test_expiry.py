"""A page past its expiry time leaves every public surface at once, though Wagtail keeps it
live until the `publish_scheduled` cron runs (54 of 289 public URLs were such pages in one crawl)."""

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

from search.indexing import rebuild
from tests import factories
from tests.moderation.helpers import team

from . import surfaces
from .content import corpus, hours_later, publish_with_expiry
from .surfaces import EXEMPLAR_SURFACES, STORY_SURFACES, assert_everywhere, assert_nowhere

pytestmark = pytest.mark.django_db

SEARCH_SURFACES = {surfaces.in_search_api, surfaces.in_search_facet_count, surfaces.in_suggest, surfaces.on_search_page}


@pytest.mark.parametrize(
    ("which", "walk", "others"),
    [("crew", EXEMPLAR_SURFACES, ("story",)), ("story", STORY_SURFACES, ("crew", "other_story"))],
    ids=["exemplar", "story"],
)
def test_a_page_past_its_expiry_time_is_on_no_public_surface(client, which, walk, others):
    pages = corpus()
    page = publish_with_expiry(pages[which], hours=1)
    assert_everywhere(client, page, walk)  # an expiry time ahead changes nothing yet

    with hours_later(2):
        assert Page.objects.get(pk=page.pk).live, "publish_scheduled has not run: still live"
        assert_nowhere(client, page, walk)
        for name in others:  # the pages linked to it stay public
            assert surfaces.page_url(client, pages[name]), name
            assert surfaces.in_search_api(client, pages[name]), name

        # When cron does run, nothing changes for the public.
        call_command("publish_scheduled")
        assert not Page.objects.get(pk=page.pk).live
        assert_nowhere(client, page, walk)


def test_an_expiry_stored_straight_into_the_page_row(client):
    """`Page.objects.filter(…).update(expire_at=…)`: every surface that reads the page row drops
    the page at once. The search index reads its own copy of `expire_at`, written whenever the
    page is published (the only way an editor changes it); a re-index takes the new value."""
    pages = corpus()
    story = pages["story"]
    assert_everywhere(client, story, STORY_SURFACES)
    factories.expire(story)
    assert Page.objects.get(pk=story.pk).live
    assert_nowhere(client, story, [(label, shows) for label, shows in STORY_SURFACES if shows not in SEARCH_SURFACES])
    rebuild()
    assert_nowhere(client, story, STORY_SURFACES)
    assert_everywhere(client, pages["other_story"], STORY_SURFACES)


def test_expired_pages_answer_404_to_signed_in_users_but_editors_can_preview(client):
    pages = corpus()
    users = team()
    story, crew = pages["story"], pages["crew"]
    factories.expire(story)
    factories.expire(crew)
    for user in (users["editor"], users["approver"], users["writer"]):
        client.force_login(user)
        assert client.get(story.url).status_code == 404, user
        assert client.get(crew.url).status_code == 404, user
    # An editor's preview of the page still shows it.
    client.force_login(users["editor"])
    for page in (story, crew):
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200
        assert page.title in response.content.decode()


def test_a_restricted_page_still_asks_for_its_password(client):
    """The serve check is "expired or hidden by the model's rule", not "public": Wagtail's own
    password form still answers for a page behind a view restriction."""
    pages = corpus()
    crew = pages["crew"]
    factories.make_private(crew, password="mat-khau-doi")
    response = client.get(crew.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="password"' in body and "Mười hai thuyền viên" not in body
    assert not surfaces.in_sitemap(client, crew)
    # and past its expiry time, not even the form: 404
    factories.expire(crew)
    assert client.get(crew.url).status_code == 404


def test_a_campaign_past_its_expiry_time_leaves_search_facets_and_filters(client):
    """Exemplar documents still carry the key of their campaign; once the campaign has expired
    its name is no longer offered as a facet, and filtering by it is an unknown value."""
    pages = corpus()
    campaign = publish_with_expiry(pages["campaign"], hours=1)

    def facet(answer):
        return {v["label"] for v in answer["facets"]["campaign"]}

    answer = surfaces._get(client, "/api/v1/search", {"q": "hai dang"}).json()
    assert campaign.title in facet(answer)
    assert surfaces._get(client, "/api/v1/search", {"q": "hai dang", "campaign": campaign.pk}).status_code == 200
    with hours_later(2):
        assert not surfaces.page_url(client, campaign)
        answer = surfaces._get(client, "/api/v1/search", {"q": "hai dang"}).json()
        assert answer["count"] >= 1 and campaign.title not in facet(answer)
        assert all(item["id"] != campaign.pk for item in answer["items"])
        response = surfaces._get(client, "/api/v1/search", {"q": "hai dang", "campaign": campaign.pk})
        assert response.status_code == 400 and response.json()["param"] == "campaign"
