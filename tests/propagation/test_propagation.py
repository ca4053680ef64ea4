"""Propagation (nhân rộng) as the public and other systems see it: adoptions recorded on a
model's page reach /nhan-rong/, the profile, both APIs and radio only once the page revision that
holds them is published; the demo's four models carry their illustrative adoptions."""

from __future__ import annotations

import datetime
import io
import re

import pytest

from django.core.management import call_command
from django.test import TestCase

from demo import content
from exemplars.models import Adoption, ExemplarPage, Nomination
from radio.content import adoption_text, recent_adoptions
from radio.models import current_normaliser
from tests import factories
from tests.public import html_validator

MODEL_KEYS = [e["key"] for e in content.EXEMPLARS if e["kind"] == "model"]
MODEL_SLUGS = [e["slug"] for e in content.EXEMPLARS if e["kind"] == "model"]


def _adoption(place, **extra) -> Adoption:
    values = {
        "place": place,
        "adopter_name": "Chi hội Nông dân thôn Tây (thử nghiệm)",
        "since": datetime.date(2023, 5, 1),
        "source_kind": "field_visit",
        "source_citation": "Khảo sát ngày 12/6/2024 của phóng viên (thử nghiệm).",
    }
    values.update(extra)
    return Adoption(**values)


class DemoPropagationTests(TestCase):
    """The seeded demo, read as a visitor and an API client would."""

    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:300])
        return response.json()

    def test_the_four_models_carry_at_least_ten_adoptions_each_with_a_source(self):
        total = 0
        for slug in MODEL_SLUGS:
            with self.subTest(model=slug):
                detail = self.get_json(f"/api/v1/exemplars/{slug}")
                self.assertEqual(detail["kind"], "model")
                self.assertEqual(detail["adoption_count"], len(detail["adoptions"]))
                self.assertGreaterEqual(detail["adoption_count"], 2)
                for adoption in detail["adoptions"]:
                    self.assertTrue(adoption["place"]["full_name"] and adoption["who"]["name"])
                    self.assertRegex(adoption["since"], r"^\d{4}-\d{2}-\d{2}$")
                    self.assertIn(adoption["status"], {"active", "paused", "stopped"})
                    source = adoption["source"]
                    self.assertTrue(source["citation"])
                    # Nothing here is stated by the report: each says it is illustrative.
                    self.assertTrue(source["is_illustrative"])
                    self.assertIn("Minh họa", source["citation"])
                total += detail["adoption_count"]
        self.assertGreaterEqual(total, 10)

    def test_the_list_filters_to_replicated_exemplars(self):
        replicated = self.get_json("/api/v1/exemplars?replicated=true&limit=50")
        self.assertEqual(sorted(item["slug"] for item in replicated["results"]), sorted(MODEL_SLUGS))
        others = self.get_json("/api/v1/exemplars?replicated=false&limit=50")
        everyone = self.get_json("/api/v1/exemplars?limit=50")
        self.assertEqual(replicated["count"] + others["count"], everyone["count"])
        self.assertFalse({i["slug"] for i in others["results"]} & set(MODEL_SLUGS))
        both = self.get_json("/api/v1/exemplars?replicated=true&kind=individual")
        self.assertEqual(both["count"], 0)
        problem = self.client.get("/api/v1/exemplars?replicated=co-le")
        self.assertEqual(problem.status_code, 400)
        self.assertEqual(problem["Content-Type"], "application/problem+json")
        self.assertEqual(problem.json()["param"], "replicated")

    def test_search_filters_and_counts_replicated_exemplars(self):
        answer = self.get_json("/api/v1/search?q=mo+hinh&type=exemplar&replicated=true&limit=50")
        self.assertEqual(
            sorted(item["url"].rstrip("/").rsplit("/", 1)[1] for item in answer["items"]), sorted(MODEL_SLUGS)
        )
        everyone = self.get_json("/api/v1/search?q=mo+hinh&type=exemplar&limit=1")
        counts = {entry["label"]: entry["count"] for entry in everyone["facets"]["replicated"]}
        self.assertEqual(counts["Đã được nhân rộng"], 4)
        self.assertEqual(sum(counts.values()), everyone["count"])
        problem = self.client.get("/api/v1/search?q=mo+hinh&replicated=co-le")
        self.assertEqual(problem.status_code, 400)
        self.assertEqual(problem.json()["param"], "replicated")
        page = self.client.get("/tim-kiem/?q=mo+hinh&replicated=True").content.decode()
        self.assertIn("Đã được nhân rộng", page)

    def test_the_browse_page_offers_the_same_filter(self):
        body = self.client.get("/dien-hinh/?nhan_rong=true").content.decode()
        self.assertIn("Nhân rộng: Đã được nhân rộng", body)
        self.assertIn('Kết quả lọc <span class="count">(4)', body)
        bad = self.client.get("/dien-hinh/?nhan_rong=chac-chan")
        self.assertEqual(bad.status_code, 400)
        self.assertIn("không hợp lệ cho bộ lọc nhân rộng", bad.content.decode())

    def test_stats_count_adoptions_by_year_and_place(self):
        stats = self.get_json("/api/v1/stats/propagation")
        expected = sum(len(rows) for rows in content.ADOPTIONS.values())
        self.assertEqual(stats["total"], expected)
        self.assertEqual(stats["exemplar_count"], 4)
        self.assertEqual(sum(row["count"] for row in stats["by_year"]), expected)
        self.assertEqual(sum(row["count"] for row in stats["by_place"]), expected)
        years = sorted({row[3].year for rows in content.ADOPTIONS.values() for row in rows})
        self.assertEqual([row["year"] for row in stats["by_year"]], years)
        self.assertTrue(all(row["path_label"].startswith("Thôn ") for row in stats["by_place"]))
        self.assertEqual(self.client.get("/api/v1/stats/propagation?nam=2020").status_code, 400)

    def test_wagtail_v2_exposes_the_adoptions_too(self):
        page = ExemplarPage.objects.get(slug="mo-hinh-nuoi-heo-dat")
        data = self.get_json(f"/api/v2/pages/{page.pk}/")
        self.assertEqual(data["adoption_count"], 3)
        self.assertEqual(data["adoptions"][0]["since"], "2017-10-20")
        self.assertEqual(
            data["adoptions"][0]["results"]["figures"][0], {"value": 45, "unit": "con", "label": "heo đất năm 2024"}
        )

    def test_nhan_rong_is_linked_from_home_and_lists_every_model(self):
        home = self.client.get("/").content.decode()
        self.assertIn('href="/nhan-rong/"', home.split("<main", 1)[1])  # in the page, not only the menu
        self.assertIn('href="/nhan-rong/"', home.split("<main", 1)[0])  # and in the main menu
        response = self.client.get("/nhan-rong/")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        models = self.get_json("/api/v1/exemplars?kind=model&limit=50")["results"]
        self.assertEqual(len(models), 4)
        for item in models:
            with self.subTest(model=item["slug"]):
                section = body.split(f'href="/dien-hinh/{item["slug"]}/"', 1)[1].split("</article>", 1)[0]
                detail = self.get_json(f"/api/v1/exemplars/{item['slug']}")
                self.assertIn(f"{detail['adoption_count']} nơi làm theo", section)
                for adoption in detail["adoptions"]:
                    self.assertIn(adoption["place"]["full_name"], section)
                self.assertIn("<svg", section)
                self.assertIn(f"tổng cộng {detail['adoption_count']} nơi làm theo", section)  # the text alternative
                self.assertIn("<table>", section)
        # Coordinates and years are written as numbers, never in the Vietnamese number format
        # ("117,6", "2.019") that would draw every dot in a corner.
        self.assertIsNone(re.search(r'(?:c[xy]|x[12]?|y[12]?)="[^"]*[,.]\d{3}\b|(?:c[xy]|x|y)="\d+,\d', body))
        self.assertIn(">2017</text>", body)

    def test_the_profile_shows_where_the_model_was_replicated(self):
        body = self.client.get("/dien-hinh/mo-hinh-vuon-hoa-cay-xanh/").content.decode()
        section = body.split('id="h-adoptions"', 1)[1].split("</section>", 1)[0]
        self.assertIn("Nơi đã nhân rộng", body)
        self.assertIn("3 nơi đã làm theo", section)
        self.assertIn("Thôn Tây An Vĩnh", section)
        self.assertIn("Đã dừng", section)
        self.assertIn("Nguồn: Minh họa (dữ liệu mẫu).", section)
        page = ExemplarPage.objects.get(slug="mo-hinh-vuon-hoa-cay-xanh")
        self.assertIn(f'href="/gioi-thieu-guong/?lam-theo={page.pk}"', section)

    def test_pages_are_valid_html(self):
        reason = html_validator.available()
        if reason:
            pytest.skip(reason)
        page = ExemplarPage.objects.get(slug="mo-hinh-nuoi-heo-dat")
        documents = {
            "nhan-rong": self.client.get("/nhan-rong/").content.decode(),
            "model profile": self.client.get(page.url).content.decode(),
            "home": self.client.get("/").content.decode(),
            "report adoption": self.client.get(f"/gioi-thieu-guong/?lam-theo={page.pk}").content.decode(),
            "browse replicated": self.client.get("/dien-hinh/?nhan_rong=true").content.decode(),
        }
        self.assertEqual(html_validator.validate(documents), {})

    def test_radio_offers_recent_adoptions_with_a_read_aloud_text(self):
        candidates = list(recent_adoptions())
        self.assertGreaterEqual(len(candidates), 10)  # just published by the seed
        text = adoption_text(candidates[0])
        self.assertIn("làm theo từ tháng", text)
        self.assertIn("Đây là thông tin minh họa.", text)
        reading = current_normaliser().read(text)
        self.assertNotRegex(reading.text, r"\d")  # numbers are read as words, as for every item


@pytest.mark.django_db
def test_an_adoption_is_public_only_once_its_revision_is_published(client):
    places = factories.place_tree()
    model = factories.exemplar("Mô hình tủ sách nhà văn hóa", kind="model")
    api = f"/api/v1/exemplars/{model.slug}"
    assert client.get(api).json()["adoption_count"] == 0

    draft = model.get_latest_revision_as_object()
    draft.adoptions.add(_adoption(places["tay"], results_text="Tủ sách mở cửa mỗi tối thứ Bảy."))
    revision = draft.save_revision()
    # Draft only: nothing public changes.
    assert client.get(api).json()["adoption_count"] == 0
    assert "Chi hội Nông dân thôn Tây" not in client.get(model.url).content.decode()
    assert "0 nơi làm theo" in client.get("/nhan-rong/").content.decode()
    assert client.get("/api/v1/stats/propagation").json()["total"] == 0

    revision.publish()
    detail = client.get(api).json()
    assert detail["adoption_count"] == 1
    assert detail["adoptions"][0]["who"]["name"] == "Chi hội Nông dân thôn Tây (thử nghiệm)"
    assert detail["adoptions"][0]["source"] == {
        "kind": "field_visit",
        "kind_label": "Khảo sát thực tế",
        "citation": "Khảo sát ngày 12/6/2024 của phóng viên (thử nghiệm).",
        "is_illustrative": False,
    }
    assert "Chi hội Nông dân thôn Tây" in client.get(model.url).content.decode()
    assert "1 nơi làm theo" in client.get("/nhan-rong/").content.decode()  # the cached page moved on
    first = Adoption.objects.get(page=model).published_at
    assert first is not None
    # A later publication (which writes the rows anew) keeps the moment it was first published.
    model = ExemplarPage.objects.get(pk=model.pk)
    model.get_latest_revision_as_object().save_revision().publish()
    assert Adoption.objects.get(page=model).published_at == first

    # Unpublishing the model takes its adoptions off every public surface.
    model.unpublish()
    assert client.get("/api/v1/stats/propagation").json()["total"] == 0
    assert "Mô hình tủ sách nhà văn hóa" not in client.get("/nhan-rong/").content.decode()


@pytest.mark.django_db
def test_evidence_is_public_only_when_marked_shareable_with_consent_for_people(client):
    places = factories.place_tree()
    image = factories.image("Ảnh buổi ra quân")
    private = factories.image("Ảnh riêng tư")
    model = factories.exemplar("Mô hình ra quân nhặt rác", kind="model", publish=False)
    adoption = _adoption(
        places["dong"],
        evidence=[
            (
                "image",
                {"image": image, "alt_text": "Bãi biển sau buổi ra quân", "shows_people": False, "shareable": True},
            ),
            (
                "image",
                {"image": private, "alt_text": "Hội viên đang nhặt rác", "shows_people": True, "shareable": False},
            ),
        ],
    )
    model.adoptions.add(adoption)
    model.save_revision().publish()
    detail = client.get(f"/api/v1/exemplars/{model.slug}").json()
    evidence = detail["adoptions"][0]["evidence"]
    assert [e["alt"] for e in evidence] == ["Bãi biển sau buổi ra quân"]
    body = client.get(model.url).content.decode()
    assert 'alt="Bãi biển sau buổi ra quân"' in body and "Hội viên đang nhặt rác" not in body
    # Wagtail's image API does not list evidence images at all (shareable ones appear above).
    listed = {item["title"] for item in client.get("/api/v2/images/").json()["items"]}
    assert "Ảnh riêng tư" not in listed


def test_a_photo_of_people_cannot_be_shared_without_a_consent_note():
    from wagtail.blocks import StructBlockValidationError

    from exemplars.models.adoptions import EvidenceImageBlock

    block = EvidenceImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "Hội viên", "shows_people": True, "shareable": True}))


@pytest.mark.django_db
def test_adoption_rules_are_explained_in_vietnamese():
    from django.core.exceptions import ValidationError

    places = factories.place_tree()
    model = factories.exemplar("Mô hình thử", kind="model")
    wrong = _adoption(
        places["district"],
        page=model,
        adopter_name="",
        since=datetime.date(2026, 1, 1),
        until=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    messages = error.value.message_dict
    assert messages["adopter_name"] == ["Hãy ghi ai làm theo, hoặc chọn hồ sơ điển hình của họ."]
    assert "hết hiệu lực" not in " ".join(messages.get("since", []))
    assert "không còn (hoặc chưa có) hiệu lực" in messages["place"][0]  # huyện Lý Sơn ended on 1/7/2025
    assert "Ngày dừng phải sau ngày bắt đầu." in messages["until"]


@pytest.mark.django_db
def test_a_citizen_reports_having_taken_up_a_model_and_a_moderator_makes_it_a_draft(client, django_user_model):
    places = factories.place_tree()
    model = factories.exemplar("Mô hình nuôi heo đất (thử nghiệm)", kind="model")
    form = client.get(f"/gioi-thieu-guong/?lam-theo={model.pk}").content.decode()
    assert "Tôi đã làm theo mô hình này" in form and "Ai đã làm theo" in form
    response = client.post(
        f"/gioi-thieu-guong/?lam-theo={model.pk}",
        {
            "subject_name": "Tổ phụ nữ xóm Giữa",
            "subject_kind": "collective",
            "place": places["tay"].pk,
            "what": "Chúng tôi nuôi heo đất từ đầu năm, cuối năm tặng quà ba hộ khó khăn.",
            "when": "tháng 1/2025",
            "nominator_name": "Người dân thử nghiệm",
            "nominator_phone": "0912345678",
            "consent_statement": "on",
            "adopted_page": str(model.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    nomination = Nomination.objects.get()
    assert nomination.adopted_page_id == model.pk and nomination.status == "new"
    # Private: nothing public changed.
    assert client.get(f"/api/v1/exemplars/{model.slug}").json()["adoption_count"] == 0

    moderator = django_user_model.objects.create_superuser("kiemduyet", password="x")  # noqa: S106
    client.force_login(moderator)
    queue = client.get("/admin/snippets/exemplars/nomination/").content.decode()
    assert "Ghi nhận nơi nhân rộng (bản nháp)" in queue
    form_url = f"/admin/nominations/{nomination.pk}/adoption/"
    assert client.get(form_url).status_code == 200
    bad = client.post(form_url, {"place": places["tay"].pk, "since": "hôm qua"})
    assert "Ngày không hợp lệ (dd/mm/yyyy)." in bad.content.decode()
    response = client.post(form_url, {"place": places["tay"].pk, "since": "01/01/2025"})
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{model.pk}/edit/"
    client.logout()
    page = ExemplarPage.objects.get(pk=model.pk)
    draft = page.get_latest_revision_as_object()
    (adoption,) = draft.adoptions.all()
    assert adoption.source_kind == "citizen" and nomination.reference in adoption.source_citation
    assert adoption.since == datetime.date(2025, 1, 1) and adoption.adopter_name == "Tổ phụ nữ xóm Giữa"
    assert client.get(f"/api/v1/exemplars/{model.slug}").json()["adoption_count"] == 0  # a draft, awaiting approval
    nomination.refresh_from_db()
    assert nomination.status == "accepted"


@pytest.mark.django_db
def test_a_report_names_only_a_public_model(client):
    factories.place_tree()
    hidden = factories.exemplar("Mô hình chưa công bố", kind="model", publish=False)
    body = client.get(f"/gioi-thieu-guong/?lam-theo={hidden.pk}").content.decode()
    assert "Tôi đã làm theo mô hình này" not in body
    assert "Mô hình chưa công bố" not in body
    assert re.search(r"<h1>Giới thiệu gương người tốt", body)


@pytest.mark.django_db
def test_the_api_door_takes_the_same_report(client):
    places = factories.place_tree()
    model = factories.exemplar("Mô hình góp quỹ khuyến học (thử nghiệm)", kind="model")
    payload = {
        "subject_name": "Hội cha mẹ học sinh (thử nghiệm)",
        "subject_kind": "collective",
        "place": places["dong"].pk,
        "what": "Chúng tôi góp quỹ trao mười suất học bổng từ năm học 2024–2025.",
        "when": "tháng 9/2024",
        "nominator_name": "Người dân thử nghiệm",
        "nominator_email": "nguoidan@example.vn",
        "consent_statement": True,
        "adopted_page": model.pk,
    }
    response = client.post("/api/v1/nominations", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Nomination.objects.get().adopted_page_id == model.pk
    hidden = factories.exemplar("Mô hình nháp", kind="model", publish=False)
    payload.update(adopted_page=hidden.pk, what=payload["what"] + " Lần hai.")
    problem = client.post("/api/v1/nominations", payload, content_type="application/json")
    assert problem.status_code == 400 and problem.json()["param"] == "adopted_page"


@pytest.mark.django_db
def test_an_adopter_whose_consent_was_withdrawn_is_never_named(client):
    places = factories.place_tree()
    household = factories.exemplar("Hộ bà Lê Thị Hoa (thử nghiệm)", kind="household")
    model = factories.exemplar("Mô hình vườn rau sạch (thử nghiệm)", kind="model", publish=False)
    model.adoptions.add(_adoption(places["dong"], adopter_kind="household", adopter_name="", adopter_page=household))
    model.save_revision().publish()
    detail = client.get(f"/api/v1/exemplars/{model.slug}").json()
    assert detail["adoptions"][0]["who"]["exemplar"]["title"] == "Hộ bà Lê Thị Hoa (thử nghiệm)"
    assert "Hộ bà Lê Thị Hoa" in client.get(model.url).content.decode()

    factories.withdraw_consent(household)
    detail = client.get(f"/api/v1/exemplars/{model.slug}").json()
    assert detail["adoptions"][0]["who"] == {
        "kind": "household",
        "kind_label": "Hộ gia đình",
        "name": "Hộ gia đình",
        "exemplar": None,
    }
    assert "Lê Thị Hoa" not in client.get(model.url).content.decode()
    assert "Lê Thị Hoa" not in adoption_text(Adoption.objects.get(page=model))
