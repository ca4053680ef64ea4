"""`seed_demo`: idempotent, refuses to write beside real content, and every public page renders."""

import io

import pytest

from django.core.management import CommandError, call_command
from django.test import TestCase

from wagtail.models import Page

from campaigns.models import CampaignPage, StoryPage
from core.visibility import public_pages
from demo.models import DemoRecord
from exemplars.models import Award, ExemplarPage, Field, Place
from tests import factories


def _counts():
    return {
        "pages": Page.objects.count(),
        "places": Place.objects.count(),
        "awards": Award.objects.count(),
        "records": DemoRecord.objects.count(),
    }


class SeededDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = io.StringIO()
        call_command("seed_demo", stdout=cls.first_output)

    def test_builds_the_site_described_by_the_report(self):
        exemplars = ExemplarPage.objects.all()
        self.assertGreaterEqual(exemplars.count(), 20)
        self.assertEqual(
            set(exemplars.values_list("kind", flat=True)), {"individual", "collective", "household", "model"}
        )
        self.assertEqual(exemplars.filter(kind="model").count(), 4)
        self.assertTrue(all(e.is_fictional for e in exemplars))
        self.assertGreaterEqual(StoryPage.objects.live().count(), 10)
        self.assertTrue(StoryPage.objects.filter(exemplars__isnull=False, campaigns__isnull=False).exists())
        years = {a.decision_date.year for a in Award.objects.all()}
        self.assertEqual((min(years), max(years)), (2014, 2024))
        self.assertTrue(Award.objects.filter(revoked=True).exists())
        issuers = set(Award.objects.values_list("issuer_as_printed", flat=True))
        self.assertIn("Chủ tịch UBND huyện Lý Sơn", issuers)
        self.assertIn("Chủ tịch UBND tỉnh Quảng Ngãi", issuers)
        local = CampaignPage.objects.get(slug="ly-son-chung-suc-xay-dung-nong-thon-moi-2021-2025")
        self.assertEqual(local.parent_campaign.title, "Cả nước chung sức xây dựng nông thôn mới")
        zone = Place.objects.get(kind="special_zone", name="Lý Sơn")
        self.assertEqual([p.kind for p in zone.predecessors.all()], ["district"])
        for slug in ("dien-hinh", "phong-trao", "viec-tot", "su-kien", "gioi-thieu"):
            self.assertTrue(Page.objects.filter(slug=slug, depth=3, live=True).exists(), slug)
        self.assertIn("[11/11]", self.first_output.getvalue())  # progress is shown

    def test_second_run_changes_nothing_and_says_so(self):
        before = _counts()
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        self.assertEqual(_counts(), before)
        self.assertIn("không thay đổi gì", output.getvalue())
        self.assertIn("Tên đăng nhập:  admin", output.getvalue())

    def test_says_how_to_reset_every_accounts_password(self):
        """Passwords are printed once; both runs name the command that sets a new one, per account."""
        again = io.StringIO()
        call_command("seed_demo", stdout=again)
        for output in (self.first_output.getvalue(), again.getvalue()):
            for username in ("admin", "phongvien", "bientap", "lanhdao", "phatthanh", "thiduakt", "hoidong"):
                self.assertIn(f"python manage.py changepassword {username}\n", output)

    def test_second_run_leaves_an_editors_own_page_alone(self):
        factories.exemplar("Hồ sơ của biên tập viên", place=Place.objects.get(kind="village", name="An Bình"))
        before = _counts()
        call_command("seed_demo", stdout=io.StringIO())
        self.assertEqual(_counts(), before)

    def test_admin_login_is_printed_and_works(self):
        output = self.first_output.getvalue()
        self.assertIn("http://testserver/admin/", output)
        password = output.split("Mật khẩu:")[1].split()[0]
        self.assertTrue(self.client.login(username="admin", password=password))
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_every_public_page_renders_in_vietnamese(self):
        pages = public_pages(Page).exclude(depth=1).specific()  # the one visibility rule
        self.assertGreater(len(pages), 45)
        for page in pages:
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("charset=utf-8", response["Content-Type"])
                body = response.content.decode("utf-8")
                self.assertIn('<html lang="vi">', body)
                self.assertIn(page.title.replace("&", "&amp;"), body)
                self.assertNotIn("Ã", body)  # mojibake of UTF-8 read as Latin-1
        body = self.client.get("/dien-hinh/vo-van-bien/").content.decode()
        self.assertIn("Võ Văn Biển", body)
        self.assertIn("hư cấu", body)
        self.assertIn("Đặc khu Lý Sơn", body)

    def test_the_radio_week_fills_its_slot_and_reads_as_written_for_air(self):
        from django.conf import settings

        from radio.content import sentence_key, sentences
        from radio.models import Rundown

        slug = "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh"
        data = self.client.get(f"/api/v1/radio/{slug}/current", follow=True).json()
        timing = data["timing"]
        self.assertEqual(timing["target_seconds"], 600)
        self.assertLessEqual(abs(timing["total_seconds"] - 600), 60, timing)  # 9:00–11:00 at 210/min
        self.assertEqual(data["rate"], 210)
        slugs = [item["slug"] for item in data["items"]]
        self.assertEqual(slugs[0], "Lời mở đầu")
        self.assertIn("Võ Văn Biển", slugs)  # headings keep their diacritics
        self.assertIn(settings.CENTRE_NAME, data["items"][0]["read_text"])
        rundown = Rundown.objects.get(programme__slug=slug, week=data["week"])
        self.assertEqual(rundown.approved_by.username, "phatthanh")
        items = list(rundown.items.select_related("source_page").order_by("sort_order"))
        sources = [item.source_page.specific for item in items if item.source_page_id]
        kinds = {getattr(page, "kind", "story") for page in sources}
        self.assertLessEqual({"individual", "model", "story"}, kinds)  # exemplar of the week, a model, stories
        self.assertTrue(any("phong trào" in page.title.lower() for page in sources))  # a campaign update
        for item in items:
            with self.subTest(item=item.slug):
                page = item.source_page.specific if item.source_page_id else None
                if isinstance(page, ExemplarPage):
                    name = page.title.removeprefix("Mô hình ").strip("“”")
                    self.assertIn(name, sentences(item.read_text.split("\n")[0])[0])
                if page is not None:
                    self.assertTrue(page.is_fictional)
                    self.assertRegex(item.presenter_notes, "mẫu|minh họa")  # the presenter sees it is invented
                keys = [sentence_key(s) for p in item.read_text.split("\n") for s in sentences(p)]
                keys = [k for k in keys if len(k.split()) >= 4]
                self.assertEqual(len(keys), len(set(keys)), item.read_text)
                self.assertEqual(item.open_flags, [])

    def test_withdrawn_consent_keeps_the_household_off_the_site(self):
        page = ExemplarPage.objects.get(slug="ho-le-van-tao")
        self.assertFalse(page.live)
        self.assertNotContains(self.client.get("/dien-hinh/"), "Hộ ông Lê Văn Tảo")
        # The story that links the household stays live but is held back, for editors to revise.
        story = StoryPage.objects.get(exemplars=page)
        self.assertTrue(story.live)
        self.assertEqual(self.client.get(story.url).status_code, 404)
        self.assertNotContains(self.client.get("/viec-tot/"), story.title)


@pytest.mark.django_db
def test_refuses_a_database_with_non_demo_content():
    factories.exemplar("Một điển hình thật")
    before = _counts()
    with pytest.raises(CommandError, match="không phải dữ liệu mẫu"):
        call_command("seed_demo", stdout=io.StringIO())
    assert _counts() == before
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_force_adds_demo_content_without_adopting_existing_objects():
    own = factories.field("Khai thác hải sản")
    call_command("seed_demo", "--force", stdout=io.StringIO())
    assert Field.objects.filter(name="Khai thác hải sản").count() == 1
    assert not DemoRecord.objects.filter(object_id=own.pk, key__startswith="field:").exists()
    assert ExemplarPage.objects.filter(fields=own).exists()
