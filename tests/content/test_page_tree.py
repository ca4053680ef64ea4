"""Page tree rules, and creating every page type through the Wagtail admin's forms."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, StoryIndexPage, StoryPage
from exemplars.models import ExemplarIndexPage, ExemplarPage
from home.models import AboutPage, HomePage
from tests import factories


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {ExemplarIndexPage, CampaignIndexPage, StoryIndexPage, EventIndexPage, AboutPage}
        )

    def test_each_index_lives_under_home_and_holds_only_its_own_pages(self):
        for index, child in (
            (ExemplarIndexPage, ExemplarPage),
            (CampaignIndexPage, CampaignPage),
            (StoryIndexPage, StoryPage),
            (EventIndexPage, EventPage),
        ):
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, {child})
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())

    def test_pages_cannot_be_put_in_the_wrong_place(self):
        self.assertCanNotCreateAt(HomePage, ExemplarPage)
        self.assertCanNotCreateAt(CampaignIndexPage, ExemplarPage)
        self.assertCanNotCreateAt(ExemplarIndexPage, StoryPage)
        self.assertCanNotCreateAt(ExemplarPage, ExemplarPage)
        self.assertAllowedParentPageTypes(AboutPage, {HomePage})

    def test_only_one_index_of_each_kind(self):
        factories.exemplar_index()
        home = factories.home_page()
        self.assertFalse(ExemplarIndexPage.can_create_at(home))
        self.assertTrue(CampaignIndexPage.can_create_at(home))


def _comments():
    return {"comments": inline_formset([])}


class CreateThroughAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.places = factories.place_tree()
        cls.field = factories.field()
        cls.award_type = factories.award_type()
        cls.org = factories.organisation()

    def setUp(self):
        self.login()

    def test_create_index_and_about_pages(self):
        home = factories.home_page()
        for model, title in (
            (ExemplarIndexPage, "Điển hình tiên tiến"),
            (CampaignIndexPage, "Phong trào thi đua"),
            (StoryIndexPage, "Việc tốt"),
            (EventIndexPage, "Sự kiện"),
        ):
            with self.subTest(model=model.__name__):
                data = nested_form_data(
                    {
                        "title": title,
                        "slug": model.__name__.lower(),
                        "intro": rich_text("<p>Giới thiệu.</p>"),
                        **_comments(),
                    }
                )
                self.assertCanCreate(home, model, data)
        data = nested_form_data(
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "lead": rich_text("<p>Về trang.</p>"),
                "body": streamfield([("paragraph", rich_text("<p>Nội dung có dấu: Lý Sơn.</p>"))]),
                **_comments(),
            }
        )
        self.assertCanCreate(home, AboutPage, data)
        self.assertEqual(AboutPage.objects.get().title, "Giới thiệu")

    def test_create_exemplar_with_fields_and_awards(self):
        index = factories.exemplar_index()
        data = nested_form_data(
            {
                "title": "Tổ đoàn kết thử nghiệm",
                "slug": "to-doan-ket-thu-nghiem",
                "kind": "collective",
                "summary": "Tám tàu cá cùng ra khơi.",
                "place": str(self.places["dong"].pk),
                "body": streamfield([("paragraph", rich_text("<p>Câu chuyện.</p>"))]),
                "achievements": rich_text("<p>Cứu 5 ngư dân.</p>"),
                "replication_guide": rich_text(""),
                "adoptions": inline_formset([]),
                "awards": inline_formset(
                    [
                        {
                            "award_type": str(self.award_type.pk),
                            "decision_number": "12/QĐ-UBND",
                            "decision_date": "2019-04-03",
                            "issuer_as_printed": "Chủ tịch UBND huyện Lý Sơn",
                            "issuer": str(self.org.pk),
                        }
                    ]
                ),
                **_comments(),
            }
        )
        data["fields"] = [str(self.field.pk)]  # nested_form_data would number list items
        self.assertCanCreate(index, ExemplarPage, data)
        page = ExemplarPage.objects.get(slug="to-doan-ket-thu-nghiem")
        self.assertTrue(page.live)
        self.assertEqual([a.issuer_as_printed for a in page.awards.all()], ["Chủ tịch UBND huyện Lý Sơn"])
        self.assertEqual(list(page.fields.all()), [self.field])

    def test_create_campaign_with_milestones_and_parent(self):
        index = factories.campaign_index()
        parent = factories.campaign("Cả nước chung sức xây dựng nông thôn mới")
        data = nested_form_data(
            {
                "title": "Lý Sơn chung sức xây dựng nông thôn mới",
                "slug": "ly-son-ntm",
                "form": "thematic",
                "scope": "locality",
                "launcher": str(self.org.pk),
                "parent_campaign": str(parent.pk),
                "start_date": "2021-01-01",
                "end_date": "2025-12-31",
                "goals": rich_text("<p>Mục tiêu.</p>"),
                "criteria": rich_text(""),
                "results": rich_text(""),
                "body": streamfield([]),
                "milestones": inline_formset(
                    [
                        {"kind": "launch", "date": "2021-04-02", "note": "Phát động"},
                        {"kind": "interim", "date": "2023-06-20"},
                    ]
                ),
                "exemplar_links": inline_formset([]),
                **_comments(),
            }
        )
        self.assertCanCreate(index, CampaignPage, data)
        page = CampaignPage.objects.get(slug="ly-son-ntm")
        self.assertEqual(page.parent_campaign, parent)
        self.assertEqual(page.milestones.count(), 2)
        self.assertEqual(page.period_label, "2021–2025")

    def test_create_story_linked_to_exemplar_and_campaign(self):
        index = factories.story_index()
        exemplar = factories.exemplar("Hộ ông Thử", kind="household")
        campaign = factories.campaign()
        data = nested_form_data(
            {
                "title": "Mổ heo đất cuối năm",
                "slug": "mo-heo-dat",
                "lead": "35 hộ nghèo có Tết ấm.",
                "author": "Phóng viên",
                "date": "2024-01-28",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
                **_comments(),
            }
        )
        data.update(exemplars=[str(exemplar.pk)], campaigns=[str(campaign.pk)])
        self.assertCanCreate(index, StoryPage, data)
        page = StoryPage.objects.get(slug="mo-heo-dat")
        self.assertEqual(list(page.exemplars.all()), [exemplar])
        response = self.client.get(page.url)
        self.assertContains(response, "Hộ ông Thử")

    def test_create_event_with_documents_honourees_and_campaign(self):
        home = factories.home_page()
        index = EventIndexPage(title="Sự kiện", slug="su-kien")
        home.add_child(instance=index)
        exemplar = factories.exemplar("Tổ đoàn kết được biểu dương")
        campaign = factories.campaign()
        milestone = campaign.milestones.get()
        data = nested_form_data(
            {
                "title": "Hội nghị điển hình tiên tiến năm 2015",
                "slug": "hoi-nghi-2015",
                "kind": "conference",
                "year": "2015",
                "date": "",
                "location": "",
                "organiser": str(self.org.pk),
                "summary": "Hội nghị theo kế hoạch.",
                "milestone": str(milestone.pk),
                "honoured_count": "",
                "results": rich_text(""),
                "documents": inline_formset(
                    [
                        {
                            "kind": "plan",
                            "number": "94/KH-UBND",
                            "date": "2014-12-10",
                            "as_printed": "Kế hoạch số 94/KH-UBND ngày 10/12/2014",
                            "title": "Tổ chức Hội nghị điển hình tiên tiến",
                        }
                    ]
                ),
                "honourees": inline_formset([{"exemplar": str(exemplar.pk)}]),
                "figures": inline_formset([{"value": "12", "label": "tập thể được biểu dương"}]),
                **_comments(),
            }
        )
        data.update(campaigns=[str(campaign.pk)])
        self.assertCanCreate(index, EventPage, data)
        page = EventPage.objects.get(slug="hoi-nghi-2015")
        self.assertEqual(page.milestone, milestone)
        self.assertEqual([d.label for d in page.documents.all()], ["Kế hoạch số 94/KH-UBND ngày 10/12/2014"])
        self.assertEqual(list(page.campaigns.all()), [campaign])
        response = self.client.get(page.url)
        self.assertContains(response, "Tổ đoàn kết được biểu dương")
        self.assertContains(response, "Kế hoạch số 94/KH-UBND ngày 10/12/2014")

    def test_invalid_exemplar_is_refused_with_a_vietnamese_error(self):
        index = factories.exemplar_index()
        data = nested_form_data(
            {
                "title": "Mô hình thử",
                "slug": "mo-hinh-thu",
                "kind": "model",
                "summary": "Tóm tắt.",
                "place": str(self.places["dong"].pk),
                "birth_year": "1980",
                "body": streamfield([]),
                "achievements": rich_text(""),
                "replication_guide": rich_text(""),
                "adoptions": inline_formset([]),
                "awards": inline_formset([]),
                "action-publish": "action-publish",
                **_comments(),
            }
        )
        url = f"/admin/pages/add/exemplars/exemplarpage/{index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Năm sinh chỉ dành cho điển hình cá nhân.")
        self.assertFalse(ExemplarPage.objects.filter(slug="mo-hinh-thu").exists())
