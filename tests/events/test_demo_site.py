"""What a reader and a machine see of the seeded demo's events and blocs.

The demo is built once (`seed_demo`) and read through the public pages and /api/v1/: the report's
2015 and 2020 conferences with their plan documents as printed, the illustrative sơ kết meeting
that counts (never names) an exemplar who withdrew consent, the seven blocs marked illustrative
with only approved scores, the links from home and the menu, and valid HTML.
"""

from __future__ import annotations

import io
import re

import pytest

from django.core.management import call_command
from django.test import TestCase

from tests.public import html_validator

CONFERENCE_DOCUMENTS = {
    2015: ["Kế hoạch số 94/KH-UBND ngày 10/12/2014", "Công văn số 717/UBND ngày 20/5/2015"],
    2020: ["Kế hoạch số 164/KH-UBND ngày 13/12/2019", "Kế hoạch số 25/KH-UBND ngày 24/02/2020"],
}


def main_text(body: str) -> str:
    return body.split("<main", 1)[-1].split("</main>", 1)[0]


class DemoEventsAndBlocsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())

    def get(self, url: str, status: int = 200) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    # -- /su-kien/ ------------------------------------------------------------------------------

    def test_the_event_list_shows_both_conferences_with_their_documents_by_year(self):
        body = main_text(self.get("/su-kien/"))
        for year, documents in CONFERENCE_DOCUMENTS.items():
            self.assertIn(f"Hội nghị điển hình tiên tiến năm {year}", body)
            self.assertIn(f'id="h-year-{year}"', body)
            for printed in documents:
                self.assertIn(printed, body)
            self.assertIn(f"năm {year} (chưa rõ ngày)", body)  # the report gives no day
        # Newest year first.
        self.assertLess(body.index("h-year-2023"), body.index("h-year-2020"))
        self.assertLess(body.index("h-year-2020"), body.index("h-year-2015"))

    def test_the_list_filters_by_kind_and_year_and_explains_a_bad_filter(self):
        body = main_text(self.get("/su-kien/?loai=conference&nam=2015"))
        self.assertIn("Hội nghị điển hình tiên tiến năm 2015", body)
        self.assertNotIn("Hội nghị điển hình tiên tiến năm 2020", body)
        self.assertNotIn("sơ kết phong trào", body)
        body = main_text(self.get("/su-kien/?loai=interim"))
        self.assertIn("Hội nghị sơ kết phong trào", body)
        self.assertNotIn("Hội nghị điển hình tiên tiến năm 2015", body)
        body = main_text(self.get("/su-kien/?nam=hai-nghin&loai=khong-co"))
        self.assertIn("Năm “hai-nghin” không hợp lệ", body)
        self.assertIn("Không có loại sự kiện “khong-co”", body)
        self.assertIn("Hội nghị điển hình tiên tiến năm 2015", body)  # everything, instead of nothing

    def test_a_conference_page_gives_its_documents_and_says_what_the_report_does_not(self):
        body = main_text(self.get("/su-kien/hoi-nghi-dien-hinh-tien-tien-2015/"))
        self.assertIn("Kế hoạch số 94/KH-UBND ngày 10/12/2014 của UBND huyện Lý Sơn Tổ chức Hội nghị", body)
        self.assertIn("Công văn số 717/UBND ngày 20/5/2015 của UBND huyện về việc khen thưởng", body)
        self.assertIn("Năm 2015 (báo cáo không nêu ngày)", body)
        self.assertIn("Số tập thể, cá nhân được biểu dương: báo cáo không nêu.", body)
        self.assertIn("Nguồn tư liệu:", body)
        self.assertNotIn("minh họa", body.split("Nguồn tư liệu", 1)[0].lower())
        # The conference story (already in the demo) is linked both ways.
        self.assertIn('href="/viec-tot/hoi-nghi-dien-hinh-2015/"', body)
        story = main_text(self.get("/viec-tot/hoi-nghi-dien-hinh-2015/"))
        self.assertIn('href="/su-kien/hoi-nghi-dien-hinh-tien-tien-2015/"', story)
        body = main_text(self.get("/su-kien/hoi-nghi-dien-hinh-tien-tien-2020/"))
        self.assertIn("Kế hoạch số 25/KH-UBND ngày 24/02/2020", body)
        self.assertIn("Tổ chức Hội nghị điển hình tiên tiến lần thứ IV huyện, giai đoạn 2020-2025", body)

    def test_an_event_page_describes_itself_as_an_event_without_inventing_a_day(self):
        import json

        body = self.get("/su-kien/hoi-nghi-dien-hinh-tien-tien-2015/")
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        graph = json.loads(found[1])["@graph"]
        event = graph[0]
        self.assertEqual((event["@type"], event["name"]), ("Event", "Hội nghị điển hình tiên tiến năm 2015"))
        self.assertEqual(event["organizer"]["name"], "Ủy ban nhân dân huyện Lý Sơn")
        self.assertNotIn("startDate", event)
        self.assertNotIn("location", event)
        dated = self.get("/su-kien/so-ket-chung-tay-vi-nguoi-ngheo-2023/")
        self.assertIn('"startDate":"2023-10-17"', dated)

    def test_the_illustrative_meeting_names_only_public_exemplars_and_counts_the_rest(self):
        body = main_text(self.get("/su-kien/so-ket-chung-tay-vi-nguoi-ngheo-2023/"))
        self.assertIn("Sự kiện minh họa (dữ liệu mẫu), không phải sự kiện có thật.", body)
        self.assertIn("Nuôi heo đất, gửi yêu thương", body)
        self.assertIn("Góp quỹ cho học sinh nghèo hiếu học", body)
        self.assertIn("Và 1 điển hình khác không công bố tên trên trang.", body)
        self.assertNotIn("Lê Văn Tảo", body)  # consent withdrawn: counted, never named
        self.assertIn("Mốc phong trào", body)
        campaign = main_text(self.get("/phong-trao/ly-son-chung-tay-vi-nguoi-ngheo-2021-2025/"))
        self.assertIn("Sự kiện của phong trào", campaign)
        self.assertIn('href="/su-kien/so-ket-chung-tay-vi-nguoi-ngheo-2023/"', campaign)
        api = self.client.get("/api/v1/events/so-ket-chung-tay-vi-nguoi-ngheo-2023").json()
        self.assertEqual(api["honoured_unnamed"], 1)
        self.assertEqual(len(api["honoured"]), 2)
        self.assertNotIn("Lê Văn Tảo", str(api))

    # -- /api/v1/events -------------------------------------------------------------------------

    def test_the_events_api_lists_the_conferences_with_documents_as_printed(self):
        data = self.client.get("/api/v1/events?type=conference").json()
        self.assertEqual(data["count"], 2)
        by_year = {item["year"]: item for item in data["results"]}
        self.assertEqual(set(by_year), {2015, 2020})
        for year, documents in CONFERENCE_DOCUMENTS.items():
            item = by_year[year]
            self.assertEqual([d["as_printed"] for d in item["documents"]], documents)
            self.assertIsNone(item["date"])
            self.assertIsNone(item["honoured_count"])
            self.assertFalse(item["is_illustrative"])
        kh94 = by_year[2015]["documents"][0]
        self.assertEqual((kh94["kind"], kh94["number"], kh94["date"]), ("plan", "94/KH-UBND", "2014-12-10"))
        detail = self.client.get("/api/v1/events/hoi-nghi-dien-hinh-tien-tien-2020").json()
        self.assertEqual([s["title"] for s in detail["stories"]], ["Hội nghị điển hình tiên tiến năm 2020"])
        self.assertIn("báo cáo không nêu", detail["source"])

    def test_the_events_api_filters_by_year_and_campaign(self):
        data = self.client.get("/api/v1/events?year=2020").json()
        self.assertEqual([i["title"] for i in data["results"]], ["Hội nghị điển hình tiên tiến năm 2020"])
        data = self.client.get("/api/v1/events?campaign=ly-son-chung-tay-vi-nguoi-ngheo-2021-2025").json()
        self.assertEqual([i["type"] for i in data["results"]], ["interim"])
        data = self.client.get("/api/v1/events?type=talk").json()
        self.assertEqual(data["count"], 0)

    # -- blocs -----------------------------------------------------------------------------------

    def test_the_blocs_api_lists_the_seven_blocs_marked_illustrative(self):
        data = self.client.get("/api/v1/blocs").json()
        self.assertEqual(data["count"], 7)
        self.assertEqual(len(data["results"]), 7)
        for bloc in data["results"]:
            self.assertTrue(bloc["illustrative"], bloc["name"])
            self.assertEqual(bloc["illustrative_note"], "Tên khối mang tính minh họa; báo cáo không nêu tên các khối.")
            self.assertGreaterEqual(len(bloc["members"]), 2)
            self.assertEqual(bloc["pledges"][0]["year"], 2024)
            self.assertEqual(bloc["latest_ranking"]["year"], 2023)  # the 2024 draft is not public
            ranks = [s["rank"] for s in bloc["latest_ranking"]["scores"]]
            self.assertEqual(ranks, list(range(1, len(ranks) + 1)))
        detail = self.client.get("/api/v1/blocs/khoi-1").json()
        self.assertEqual([r["year"] for r in detail["rankings"]], [2023])
        self.assertNotIn("97.0", self.client.get("/api/v1/blocs/khoi-1").content.decode())

    def test_the_bloc_page_says_the_names_are_illustrative_and_hides_the_draft(self):
        body = main_text(self.get("/khoi-thi-dua/"))
        self.assertIn("Tên khối mang tính minh họa; báo cáo không nêu tên các khối.", body)
        self.assertEqual(len(re.findall(r'<section class="bloc"', body)), 7)
        self.assertIn("Kết quả chấm điểm năm 2023", body)
        self.assertNotIn("năm 2024 —", body)
        self.assertNotIn("97,00", body)  # the draft's score

    # -- links and validity -----------------------------------------------------------------------

    def test_home_and_menu_link_to_events_and_blocs(self):
        home = self.get("/")
        self.assertIn('href="/su-kien/"', main_text(home))
        self.assertIn('href="/khoi-thi-dua/"', main_text(home))
        nav = home.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
        self.assertIn('href="/su-kien/"', nav)
        self.assertIn('aria-current="page"', self.get("/su-kien/").split('class="main-nav"', 1)[1].split("</nav>")[0])

    def test_the_new_pages_are_valid_html(self):
        reason = html_validator.available()
        if reason:
            pytest.skip(reason)
        pages = {
            "events": "/su-kien/",
            "events filtered": "/su-kien/?loai=conference&nam=2015",
            "events bad filter": "/su-kien/?nam=abc",
            "conference 2015": "/su-kien/hoi-nghi-dien-hinh-tien-tien-2015/",
            "illustrative meeting": "/su-kien/so-ket-chung-tay-vi-nguoi-ngheo-2023/",
            "blocs": "/khoi-thi-dua/",
            "campaign with events": "/phong-trao/ly-son-chung-tay-vi-nguoi-ngheo-2021-2025/",
            "story with event": "/viec-tot/hoi-nghi-dien-hinh-2015/",
            "home": "/",
        }
        documents = {name: self.get(url) for name, url in pages.items()}
        self.assertEqual(html_validator.validate(documents), {})
