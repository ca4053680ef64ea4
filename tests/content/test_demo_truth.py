"""The demo tells the truth about its source: every claim it credits to the 2024 report is in it.

The report is read here straight from the repository copy (site/demo/report/bao-cao-2024.txt), not
through the demo's own helpers, and every demo record that claims the report is checked against it:
campaign titles word for word, launchers, periods, documents and dates as printed, the four
models' names, the 2015 and 2020 conferences and their plan documents, the island's 06 thôn. What
the report does not give must be empty and say “báo cáo không nêu”, or be marked “minh họa”/“hư
cấu”. The second half seeds the demo and checks what an editor and a reader actually see.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from campaigns.models import BlocRanking, CampaignPage, EmulationBloc, EventPage, StoryPage
from demo import content, content_events
from demo.models import DemoRecord
from exemplars.models import ExemplarPage, Organisation

REPORT_FILE = Path(__file__).resolve().parents[2] / "site" / "demo" / "report" / "bao-cao-2024.txt"
SEED_ORIGINAL = Path("/work/shared/seed/000_76946429fbf007d8.txt")
# The report's Markdown emphasis (*…*) is typography, not words.
REPORT = REPORT_FILE.read_text(encoding="utf-8").replace("*", "")
NOT_GIVEN = "báo cáo không nêu"

REPORT_CAMPAIGNS = [c for c in content.CAMPAIGNS if "report" in c]
OUTSIDE_CAMPAIGNS = [c for c in content.CAMPAIGNS if "report" not in c]
MODELS = [e for e in content.EXEMPLARS if e["kind"] == "model"]
PEOPLE = [e for e in content.EXEMPLARS if e["kind"] != "model"]
CONFERENCES = [s for s in content.STORIES if "report" in s]
ORGS = {key: (name, short) for key, name, short, *_rest in content.ORGANISATIONS}


def in_report(text: str) -> bool:
    """Word for word in the report; a title may capitalise the first letter of a phrase in a sentence."""
    return text in REPORT or (text[:1].lower() + text[1:]) in REPORT


def printed_dates(date: datetime.date) -> set[str]:
    """The ways the report prints a date: 06/8/2021, 6/8/2021, 24/02/2020, 16/7/2021."""
    days = {str(date.day), f"{date.day:02d}"}
    months = {str(date.month), f"{date.month:02d}"}
    return {f"{d}/{m}/{date.year}" for d in days for m in months}


def years(period: str) -> tuple[int, int]:
    match = re.fullmatch(r"\(?(\d{4})\s*-\s*(\d{4})\)?", period.strip())
    assert match, period
    return int(match[1]), int(match[2])


def in_some_quote(text: str, spec: dict) -> bool:
    return any(text in quote for quote in spec["report"]["quotes"])


def test_the_report_in_the_repository_is_the_seed_report():
    assert REPORT_FILE.read_text(encoding="utf-8").startswith(
        "\n\nBÁO CÁO\nTổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW"
    )
    assert "Phạm Thị Hương" in REPORT
    if SEED_ORIGINAL.exists():  # only on the machine the demo was built on
        assert REPORT_FILE.read_bytes() == SEED_ORIGINAL.read_bytes()
    assert (REPORT_FILE.parent / "README.md").exists()
    assert content.REPORT_PATH == REPORT_FILE


# -- campaigns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", REPORT_CAMPAIGNS, ids=lambda s: s["key"])
def test_a_campaign_that_cites_the_report_says_only_what_the_report_says(spec):
    evidence = spec["report"]
    for quote in evidence["quotes"]:
        assert quote in REPORT, f"not in the report: {quote!r}"
    # The title is the report's wording, and a quotation shows it.
    assert in_report(spec["title"]), f"title not in the report: {spec['title']!r}"
    assert any(spec["title"].lower() in q.lower() for q in evidence["quotes"]), spec["title"]
    assert not spec.get("slogan") or in_report(spec["slogan"]), spec["slogan"]
    # Launcher: as printed in a quotation, and the organisation is the one printed.
    if evidence["launcher"] is None:
        assert spec["launcher"] is None
    else:
        org_key, printed = evidence["launcher"]
        assert in_some_quote(printed, spec), printed
        assert spec["launcher"] == org_key
        name, short = ORGS[org_key]
        holder = printed.removeprefix("Chủ tịch ")
        assert holder in (name, short) or name.startswith(holder), (printed, name)
    # Period: the years printed in a quotation, or nothing at all.
    if evidence["period"] is None:
        assert (spec["start"], spec["end"]) == (None, None)
    else:
        assert in_some_quote(evidence["period"], spec), evidence["period"]
        assert (spec["start"].year, spec["end"].year) == years(evidence["period"])
    # A launching document: number and date as printed in a quotation.
    if spec.get("document_number") or spec.get("document_date"):
        printed = evidence["document"]
        assert in_some_quote(printed, spec), printed
        assert spec["document_number"] in printed
        assert any(d in printed for d in printed_dates(spec["document_date"])), printed
    # Milestones: a date the report prints, or marked illustrative.
    for _kind, date, note, as_printed in spec["milestones"]:
        if as_printed:
            assert in_some_quote(as_printed, spec) and as_printed in printed_dates(date), (date, as_printed)
        else:
            assert "minh họa" in note, note


@pytest.mark.parametrize("spec", OUTSIDE_CAMPAIGNS, ids=lambda s: s["key"])
def test_a_campaign_outside_the_report_says_so_and_invents_no_period(spec):
    assert not in_report(spec["title"])
    assert "không có trong báo cáo" in spec["outside"] and "minh họa" in spec["outside"]
    assert "minh họa" in spec["summary"]
    assert (spec["start"], spec["end"], spec["milestones"]) == (None, None, [])


def test_dan_van_kheo_is_launched_by_the_district_committee_with_no_date():
    spec = next(c for c in content.CAMPAIGNS if c["title"] == "Dân vận khéo")
    assert "do UBND huyện Lý Sơn phát động" in REPORT
    assert spec["launcher"] == "org:ubnd-huyen"
    assert (spec["start"], spec["end"], spec["milestones"]) == (None, None, [])
    assert "Ban Dân vận" not in str(content.CAMPAIGNS) + str(content.ORGANISATIONS)


def test_every_campaign_the_report_names_is_in_the_demo():
    titles = {c["title"] for c in REPORT_CAMPAIGNS}
    for name in (
        "Lý Sơn chung sức xây dựng nông thôn mới",
        "Lý Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "Dân vận khéo",
        "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
    ):
        assert f"“{name}”" in REPORT and name in titles, name


# -- models, conferences, places, people ---------------------------------------------------------


@pytest.mark.parametrize("spec", MODELS, ids=lambda s: s["key"])
def test_a_model_is_named_as_the_report_names_it(spec):
    (name,) = spec["report"]["quotes"]
    assert name in REPORT
    assert name.casefold() in spec["title"].casefold()


def test_the_two_conferences_are_the_reports_with_their_plan_documents():
    assert [c["title"] for c in CONFERENCES] == [
        "Hội nghị điển hình tiên tiến năm 2015",
        "Hội nghị điển hình tiên tiến năm 2020",
    ]
    expected = {
        2015: {("94/KH-UBND", datetime.date(2014, 12, 10)), ("717/UBND", datetime.date(2015, 5, 20))},
        2020: {("164/KH-UBND", datetime.date(2019, 12, 13)), ("25/KH-UBND", datetime.date(2020, 2, 24))},
    }
    for spec in CONFERENCES:
        assert in_report(spec["title"])
        for quote in spec["report"]["quotes"]:
            assert quote in REPORT, quote
        found = set()
        for printed in spec["report"]["documents"]:
            assert in_some_quote(printed, spec), printed
            match = re.fullmatch(r"(?:Kế hoạch|Công văn) số (\S+) ngày (\d+)/(\d+)/(\d{4})", printed)
            assert match, printed
            found.add((match[1], datetime.date(int(match[4]), int(match[3]), int(match[2]))))
        year = int(spec["title"][-4:])
        assert found == expected[year]
        # The story is dated on its latest plan document (the report gives no day), and says so.
        assert spec["date"] == max(date for _n, date in found)
        assert NOT_GIVEN in " ".join(spec["paragraphs"]).lower() and "minh họa" in spec["report"]["illustrative"]
        assert (spec["exemplars"], spec["campaigns"]) == ([], [])


REPORT_EVENTS = [e for e in content_events.EVENTS if "report" in e]
OUTSIDE_EVENTS = [e for e in content_events.EVENTS if "report" not in e]


def test_the_two_conference_events_carry_the_reports_documents_and_nothing_more():
    expected = {
        2015: {("94/KH-UBND", datetime.date(2014, 12, 10)), ("717/UBND", datetime.date(2015, 5, 20))},
        2020: {("164/KH-UBND", datetime.date(2019, 12, 13)), ("25/KH-UBND", datetime.date(2020, 2, 24))},
    }
    assert {e["year"] for e in REPORT_EVENTS} == set(expected)
    for spec in REPORT_EVENTS:
        evidence = spec["report"]
        for quote in evidence["quotes"]:
            assert quote in REPORT, quote
        assert in_report(spec["title"]) and in_report(evidence["year"]) and str(spec["year"]) in evidence["year"]
        # Each document: kind, number and date as printed in a quotation; the excerpt follows them there.
        found = set()
        for document in spec["documents"]:
            printed = document["as_printed"]
            assert f"{printed} {document['title']}" == document["quote"] and document["quote"] in evidence["quotes"]
            word = {"plan": "Kế hoạch", "letter": "Công văn"}[document["kind"]]
            assert printed.startswith(f"{word} số {document['number']} ngày ")
            assert any(printed.endswith(d) for d in printed_dates(document["date"])), printed
            found.add((document["number"], document["date"]))
        assert found == expected[spec["year"]]
        # The organiser: the words of a document, naming the district committee.
        assert in_some_quote(evidence["organiser"], spec) and "UBND huyện" in evidence["organiser"]
        assert spec["organiser"] == "org:ubnd-huyen"
        # What the report does not give stays empty, and the source says so.
        assert (spec["date"], spec["honoured_count"], spec["honourees"], spec["figures"], spec["results"]) == (
            None,
            None,
            [],
            [],
            "",
        )
        assert NOT_GIVEN in evidence["gaps"] and NOT_GIVEN in content_events.event_source(spec)
        assert (spec["campaigns"], spec["milestone"], spec["is_illustrative"]) == ([], None, False)
        assert spec["stories"] == [f"story:hoi-nghi-dien-hinh-{spec['year']}"]


def test_an_event_outside_the_report_says_it_is_illustrative():
    assert OUTSIDE_EVENTS
    for spec in OUTSIDE_EVENTS:
        assert spec["is_illustrative"] and "minh họa" in spec["title"] and "minh họa" in spec["summary"]
        assert "không có trong báo cáo" in spec["outside"] and "minh họa" in spec["outside"]
        assert not in_report(spec["title"].removesuffix(" (minh họa)"))
        for _value, label in spec["figures"]:
            assert "minh họa" in label
        milestone = spec["milestone"]
        campaign = next(c for c in content.CAMPAIGNS if c["key"] == milestone[0])
        (note,) = [m[2] for m in campaign["milestones"] if (m[0], m[1]) == milestone[1:]]
        assert "minh họa" in note  # the date it borrows is itself illustrative


def test_the_seven_blocs_are_the_reports_count_with_illustrative_names():
    assert content_events.Q_BLOCS in REPORT and "thành 7 khối thi đua" in content_events.Q_BLOCS
    for quote in (content_events.Q_PLEDGES, content_events.Q_SCORES):
        assert quote in REPORT
    for quote in re.findall(r"“([^”]+)”", content_events.BLOC_SOURCE):
        assert quote in REPORT, quote
    assert len(content_events.BLOCS) == 7
    for _key, _slug, name, _members, _scores in content_events.BLOCS:
        assert "minh họa" in name and not in_report(name.split(" (")[0])
    for _key, name, _short, _kind in content_events.MEMBER_ORGANISATIONS:
        assert name.endswith("(minh họa)")
    assert "minh họa" in content_events.PLEDGE_TARGETS and "minh họa" in content_events.RANKING_NOTE


def test_adoptions_claim_from_the_report_only_what_it_says():
    """The report names the four models and says they “tạo lan tỏa trong cộng đồng”; it names
    no place, unit or date of a replication. So every demo adoption is illustrative and says so,
    and its adopter is an invented collective in an illustrative thôn."""
    assert content.Q_SPREAD in REPORT
    assert f"“{content.Q_SPREAD}”" in content.ADOPTION_SOURCE and "Minh họa" in content.ADOPTION_SOURCE
    assert "hư cấu" in content.ADOPTION_SOURCE
    assert set(content.ADOPTIONS) == {spec["key"] for spec in MODELS}
    assert sum(len(rows) for rows in content.ADOPTIONS.values()) >= 10
    villages = {key for key, _n, kind, *_rest in content.PLACES if kind == "village"}
    for rows in content.ADOPTIONS.values():
        for place, _kind, who, since, *_rest in rows:
            assert place in villages, place  # illustrative thôn names (ILLUSTRATIVE_THON says so)
            assert "hư cấu" in who, who  # invented, and named so
            assert not in_report(who)
            assert since.year >= 2014  # within the report's ten years, and never in the future
            assert since <= datetime.date(2024, 12, 31)


def test_places_quote_the_report_or_a_public_text_or_say_they_are_illustrative():
    for quote in content.PLACE_QUOTES.values():
        assert quote in REPORT
    for key, _name, kind, *_rest, basis, note in content.PLACES:
        assert "Nghị quyết" in note or "minh họa" in note, key
        if "Báo cáo 2024:" in note or "Báo cáo 2024 chỉ nói" in note:
            assert any(f"“{q}”" in note for q in content.PLACE_QUOTES.values()), key
        if kind == "village":
            assert basis == "Tên minh họa" and "hư cấu" in note  # invented people in named thôn


def test_people_are_fictional_and_never_credited_to_the_report():
    for spec in PEOPLE:
        source = content.exemplar_source(spec)
        assert "hư cấu" in source and "báo cáo" not in source.lower(), spec["key"]
    for spec in MODELS:
        source = content.exemplar_source(spec)
        assert len(source) <= 250 and "hư cấu" in source


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def test_the_centre_is_named_only_by_the_setting():
    data = [content.ORGANISATIONS, content.EXEMPLARS, content.STORIES, content.ABOUT, content.AUTHOR]
    for text in _strings(data):
        for match in re.finditer(r"Trung tâm", text):
            assert text[match.start() :].startswith(settings.CENTRE_NAME), text
    assert "Trung tâm Truyền thông - Văn hóa - Thể thao" in REPORT


def test_the_about_page_credits_the_report_only_with_what_it_gives():
    from_report = content.ABOUT_DEMO_FROM_REPORT
    assert "Lấy từ báo cáo" in from_report
    for word in ("địa bàn", "lịch sử", "đặc khu", "nhân vật", *[name for _k, name in content.THON]):
        assert word not in from_report, word
    backing = {
        "campaigns": len(REPORT_CAMPAIGNS) > 0,
        "models": len(MODELS) == 4 and all("report" in m for m in MODELS),
        "conferences": len(CONFERENCES) == 2,
        "places": content.PLACE_QUOTES["thon"] in REPORT,
    }
    assert set(content.ABOUT_FROM_REPORT) == set(backing) and all(backing.values()), backing
    assert "1677/NQ-UBTVQH15" in content.ABOUT_DEMO_NOT_FROM_REPORT
    assert "lịch sử" not in REPORT.lower()


# -- what the seeded site shows ---------------------------------------------------------------


class SeededDemoTruthTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())

    def test_each_campaign_page_carries_its_evidence(self):
        for spec in content.CAMPAIGNS:
            with self.subTest(campaign=spec["key"]):
                page = CampaignPage.objects.get(slug=spec["slug"])
                self.assertEqual(page.title, spec["title"])
                if "report" not in spec:
                    self.assertEqual(page.source, spec["outside"])
                    continue
                for quote in spec["report"]["quotes"]:
                    self.assertIn(quote, page.source)
                claims = spec["report"]
                if claims["launcher"] is None:
                    self.assertIsNone(page.launcher)
                    self.assertIn(f"Cơ quan phát động: {NOT_GIVEN}.", page.source)
                else:
                    self.assertEqual(page.launcher, Organisation.objects.get(name=ORGS[claims["launcher"][0]][0]))
                if claims["period"] is None:
                    self.assertEqual((page.start_date, page.end_date), (None, None))
                    self.assertIn(f"Giai đoạn: {NOT_GIVEN}.", page.source)
                else:
                    self.assertEqual((page.start_date.year, page.end_date.year), years(claims["period"]))
                for milestone in page.milestones.all():
                    printed = {m[3] for m in spec["milestones"] if m[1] == milestone.date} - {None}
                    self.assertTrue(printed or "minh họa" in milestone.note, milestone.note)

    def test_a_reader_sees_dan_van_kheo_as_the_report_gives_it(self):
        body = self.client.get("/phong-trao/dan-van-kheo/").content.decode()
        self.assertIn("Ủy ban nhân dân huyện Lý Sơn", body)
        self.assertIn("Nguồn tư liệu:", body)
        self.assertIn(f"Giai đoạn: {NOT_GIVEN}.", body)
        self.assertNotIn("Ban Dân vận", body)
        self.assertNotIn("Đang triển khai", body)  # nobody knows when it started or ends
        self.assertNotIn("Giai đoạn</dt>", body)
        listing = self.client.get("/phong-trao/").content.decode()
        self.assertNotIn("Ban Dân vận", listing)

    def test_profiles_and_stories_say_what_is_invented(self):
        for page in ExemplarPage.objects.all():
            with self.subTest(page=page.slug):
                self.assertTrue(page.is_fictional)
                if page.kind == "model":
                    self.assertRegex(page.source, r"^Báo cáo 2024 .*hư cấu")
                else:
                    self.assertIn("hư cấu", page.source)
                    self.assertNotIn("báo cáo", page.source.lower())
        conferences = {c["key"]: c for c in CONFERENCES}
        for story in StoryPage.objects.all():
            key = DemoRecord.objects.get(object_id=story.pk, key__startswith="story:").key
            with self.subTest(story=key):
                if key in conferences:
                    self.assertFalse(story.is_fictional)
                    self.assertEqual(story.date, conferences[key]["date"])
                    for printed in conferences[key]["report"]["documents"]:
                        self.assertIn(printed, story.source)
                else:
                    self.assertTrue(story.is_fictional)
                    self.assertEqual(story.source, content.FICTIONAL_STORY_SOURCE)
        body = self.client.get("/viec-tot/hoi-nghi-dien-hinh-2015/").content.decode()
        self.assertIn("Kế hoạch số 94/KH-UBND ngày 10/12/2014", body)
        self.assertIn("Công văn số 717/UBND ngày 20/5/2015", body)
        self.assertNotIn("hư cấu", body.split("<main", 1)[-1].split("</main>")[0])

    def test_events_and_blocs_show_their_evidence(self):
        for spec in content_events.EVENTS:
            with self.subTest(event=spec["key"]):
                page = EventPage.objects.get(slug=spec["slug"])
                self.assertEqual((page.title, page.year, page.date), (spec["title"], spec["year"], spec["date"]))
                self.assertEqual(page.is_illustrative, "report" not in spec)
                body = self.client.get(page.url).content.decode()
                if "report" in spec:
                    for quote in spec["report"]["quotes"]:
                        self.assertIn(quote, page.source)
                    for document in spec["documents"]:
                        self.assertIn(document["quote"], body)
                    self.assertIn(f"Năm {spec['year']} ({NOT_GIVEN} ngày)", body)
                else:
                    self.assertIn("Sự kiện minh họa", body)
        blocs = EmulationBloc.objects.all()
        self.assertEqual(blocs.count(), 7)
        self.assertTrue(all(b.is_illustrative and "minh họa" in b.name for b in blocs))
        self.assertTrue(all(r.is_illustrative for r in BlocRanking.objects.all()))
        body = self.client.get("/khoi-thi-dua/").content.decode()
        self.assertIn("Tên khối mang tính minh họa; báo cáo không nêu tên các khối.", body)

    def test_every_adoption_shown_says_it_is_illustrative(self):
        from exemplars.models import Adoption

        adoptions = Adoption.objects.all()
        self.assertGreaterEqual(adoptions.count(), 10)
        for adoption in adoptions:
            self.assertEqual((adoption.source_kind, adoption.is_illustrative), ("illustrative", True))
            self.assertEqual(adoption.source_citation, content.ADOPTION_SOURCE)
        body = self.client.get("/dien-hinh/mo-hinh-nuoi-heo-dat/").content.decode()
        self.assertIn("Nguồn: Minh họa (dữ liệu mẫu). Báo cáo 2024, mục II.2.b", body)

    def test_the_about_page_names_its_sources(self):
        body = self.client.get("/gioi-thieu/").content.decode()
        self.assertIn("Lấy từ báo cáo", body)
        self.assertIn("1677/NQ-UBTVQH15", body)
        self.assertNotIn("địa bàn, phong trào và mô hình lấy từ", body)
