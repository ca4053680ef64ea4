"""The event editor in the Wagtail admin: a milestone must belong to one of the event's campaigns."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campaigns.models import EventPage
from tests import factories
from tests.events import builders


class EventEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def _data(self, campaign, milestone):
        data = nested_form_data(
            {
                "title": "Hội nghị sơ kết thử nghiệm",
                "slug": "hoi-nghi-so-ket-thu-nghiem",
                "kind": "interim",
                "year": "2021",
                "date": "",
                "location": "",
                "summary": "",
                "milestone": str(milestone.pk),
                "honoured_count": "",
                "results": rich_text(""),
                "documents": inline_formset([]),
                "honourees": inline_formset([]),
                "figures": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        data["campaigns"] = [str(campaign.pk)]
        return data

    def test_a_milestone_of_another_campaign_is_refused_in_vietnamese(self):
        index = builders.event_index()
        first, second = factories.campaign("Phong trào thứ nhất"), factories.campaign("Phong trào thứ hai")
        url = f"/admin/pages/add/campaigns/eventpage/{index.pk}/"
        response = self.client.post(url, self._data(second, first.milestones.get()))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mốc này thuộc phong trào “Phong trào thứ nhất”")
        self.assertFalse(EventPage.objects.exists())
        # With the milestone's own campaign the event is saved, linked to both.
        self.assertCanCreate(index, EventPage, self._data(first, first.milestones.get()))
        event = EventPage.objects.get()
        self.assertEqual((event.milestone.page_id, [c.pk for c in event.campaigns.all()]), (first.pk, [first.pk]))
