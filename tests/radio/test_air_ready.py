"""A script a presenter can read as it stands: every exemplar item names its subject, no sentence is
read twice, a page's radio version is read instead of its printed text, headings keep their
diacritics, the admin names the approver, and the DOCX is an A4 document titled and authored."""

import datetime
import io

import pytest
from docx import Document
from docx.shared import Mm

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from exemplars.models import ConsentRecord
from radio.assembly import assemble
from radio.content import page_text, sentence_key, sentences
from radio.models import RadioProposal
from radio.weeks import IsoWeek
from tests import factories

pytestmark = pytest.mark.django_db

WEEK = "2026-W48"
SLUG = "hoc-tap-va-lam-theo-bac"


def assembled(*pages, radio_texts=None, week=WEEK):
    """Propose `pages` for `week` and assemble it; the story items in running order."""
    programme = factories.programme()
    for page in pages:
        RadioProposal.objects.create(page=page, preferred_week=week, radio_text=(radio_texts or {}).get(page.pk, ""))
    rundown = assemble(programme, IsoWeek.parse(week))
    return list(rundown.items.filter(kind="story").order_by("sort_order"))


def repeated_sentences(text: str) -> list[str]:
    seen, repeats = set(), []
    for paragraph in text.split("\n"):
        for sentence in sentences(paragraph):
            key = sentence_key(sentence)
            if len(key.split()) >= 4 and key in seen:
                repeats.append(sentence)
            seen.add(key)
    return repeats


def first_sentence(text: str) -> str:
    return sentences(text.split("\n\n")[0])[0]


# -- every exemplar item opens by naming its subject ------------------------------------------


def test_each_kind_of_exemplar_opens_by_naming_its_subject():
    age_60 = timezone.localdate().year - 60
    age_30 = timezone.localdate().year - 30
    elder = factories.exemplar(
        "Nguyễn Văn Mẫu",
        kind="individual",
        gender="male",
        birth_year=age_60,
        occupation="Ngư dân",
        summary="Hơn hai mươi năm đi biển, ông cứu sáu người gặp nạn.",
    )
    young = factories.exemplar(
        "Trần Thị Thử", kind="individual", gender="female", birth_year=age_30, summary="Chị dạy bơi cho trẻ em."
    )
    household = factories.exemplar("Hộ ông Lê Văn Mẫu", kind="household", summary="Gia đình ba thế hệ làm biển.")
    collective = factories.exemplar("Tổ đoàn kết số 5", kind="collective", summary="Tổ có sáu tàu cá.")
    model = factories.exemplar(
        "Mô hình “Nuôi heo đất, gửi yêu thương”", kind="model", summary="Mỗi hội viên nuôi một con heo đất."
    )
    items = assembled(elder, young, household, collective, model)
    openings = [first_sentence(item.display_text) for item in items]
    place = f"ở thôn {factories.place_tree()['dong'].name}"
    assert openings == [
        f"Mời quý vị cùng làm quen với tấm gương ông Nguyễn Văn Mẫu, ngư dân {place}.",
        f"Mời quý vị cùng làm quen với tấm gương chị Trần Thị Thử {place}.",
        f"Tấm gương gia đình mà chuyên mục giới thiệu hôm nay là hộ ông Lê Văn Mẫu {place}.",
        f"Mời quý vị cùng tìm hiểu về tập thể Tổ đoàn kết số 5 {place}.",
        f"Mời quý vị cùng tìm hiểu mô hình “Nuôi heo đất, gửi yêu thương” {place}, "
        "một cách làm hay có thể học tập và nhân rộng.",
    ]
    names = [
        "Nguyễn Văn Mẫu",
        "Trần Thị Thử",
        "hộ ông Lê Văn Mẫu",
        "Tổ đoàn kết số năm",
        "Nuôi heo đất, gửi yêu thương",
    ]
    for item, name in zip(items, names, strict=True):
        assert name in item.read_text, item.read_text
    # The printed title is a heading for the presenter, with its diacritics, never an ASCII code.
    assert [item.slug for item in items] == [p.title for p in (elder, young, household, collective, model)]


def test_no_honorific_is_guessed_without_consent_to_the_birth_year():
    person = factories.exemplar(
        "Đặng Thị Mẫu",
        kind="individual",
        gender="female",
        birth_year=1988,
        summary="Chị số hóa hai nghìn hồ sơ khen thưởng.",
        consent=False,
    )
    ConsentRecord.objects.create(
        page=person, covers_birth_year=False, given_on=datetime.date(2024, 1, 1), evidence_note="Phiếu thử nghiệm."
    )
    person.save_revision().publish()
    assert first_sentence(page_text(person)) == "Mời quý vị cùng làm quen với tấm gương Đặng Thị Mẫu ở thôn Đông."


def test_a_text_that_already_names_the_subject_gets_no_second_introduction():
    person = factories.exemplar("Võ Văn Mẫu", kind="individual", gender="male", birth_year=1970)
    radio = "Ông Võ Văn Mẫu năm nay đã ngoài năm mươi tuổi.\n\nÔng vẫn ra khơi mỗi tháng."
    (item,) = assembled(person, radio_texts={person.pk: radio})
    assert item.display_text == radio
    assert "Mời quý vị" not in item.display_text


# -- no sentence twice -------------------------------------------------------------------------


def test_no_sentence_is_read_twice_when_summary_story_and_quote_overlap():
    summary = "Ông Năm cứu mười hai ngư dân gặp nạn trên biển. Ông là thuyền trưởng giỏi."
    person = factories.exemplar(
        "Phạm Văn Năm",
        kind="individual",
        summary=summary,
        body=[
            (
                "paragraph",
                f"<p>{summary}</p><p>Tàu của ông có bảy thuyền viên. Ông Năm cứu mười hai ngư dân gặp nạn trên biển.</p>",
            ),
            ("quote", {"text": "Ông là thuyền trưởng giỏi.", "speaker": "Bà con trong thôn"}),
            ("quote", {"text": "Biển là nhà, bạn thuyền là anh em.", "speaker": "Ông Phạm Văn Năm"}),
        ],
    )
    story = factories.story(
        "Thuyền trưởng cứu người",
        lead="Đêm qua, tàu cá của ông Năm đã cứu năm người.",
        body=[("paragraph", "<p>Đêm qua, tàu cá của ông Năm đã cứu năm người.</p><p>Cả năm người đều an toàn.</p>")],
    )
    exemplar_item, story_item = assembled(person, story)
    assert repeated_sentences(exemplar_item.display_text) == []
    assert repeated_sentences(story_item.display_text) == []
    assert exemplar_item.display_text.count("cứu mười hai ngư dân") == 1
    assert "Tàu của ông có bảy thuyền viên." in exemplar_item.display_text
    assert "Ông Phạm Văn Năm chia sẻ: “Biển là nhà, bạn thuyền là anh em.”" in exemplar_item.display_text
    assert "Bà con trong thôn" not in exemplar_item.display_text  # the quote only repeated the summary
    assert story_item.display_text == "Đêm qua, tàu cá của ông Năm đã cứu năm người.\n\nCả năm người đều an toàn."


def test_abbreviations_with_a_dot_do_not_end_a_sentence():
    assert sentences("Ông sống ở TP. Quảng Ngãi. Ông đi biển.") == ["Ông sống ở TP. Quảng Ngãi.", "Ông đi biển."]


# -- the page's radio version -----------------------------------------------------------------


def test_the_radio_version_of_a_page_is_read_instead_of_its_printed_text():
    person = factories.exemplar(
        "Lê Thị Mẫu",
        kind="individual",
        summary="Tóm tắt in trên trang.",
        radio_text="Chị Lê Thị Mẫu dạy bơi cho trẻ em làng biển.\n\nMỗi mùa hè, hơn năm mươi em biết bơi.",
    )
    story = factories.story("Bài có bản đọc", lead="Sapo in.", radio_text="Bản đọc của bài, viết cho tai nghe.")
    exemplar_item, story_item = assembled(person, story)
    assert exemplar_item.display_text == person.radio_text
    assert "Tóm tắt in trên trang" not in exemplar_item.display_text
    assert story_item.display_text == "Bản đọc của bài, viết cho tai nghe."
    # A version written with the proposal still wins over the page's own.
    other = factories.story("Bài khác", radio_text="Bản của trang.")
    (item,) = assembled(other, radio_texts={other.pk: "Bản viết kèm đề xuất."}, week="2026-W49")
    assert item.display_text == "Bản viết kèm đề xuất."


def test_the_radio_version_of_a_person_is_not_read_without_consent_to_the_story():
    person = factories.exemplar(
        "Hồ Thị Mẫu",
        kind="individual",
        summary="Chị nấu cơm cho ngư dân.",
        radio_text="Chuyện riêng của chị.",
        consent=False,
    )
    ConsentRecord.objects.create(
        page=person, covers_story=False, given_on=datetime.date(2024, 1, 1), evidence_note="Phiếu thử nghiệm."
    )
    person.save_revision().publish()
    text = page_text(person)
    assert "Chuyện riêng" not in text and "Chị nấu cơm cho ngư dân." in text


def test_story_and_exemplar_editors_see_the_radio_version_field(client):
    client.force_login(User.objects.create_superuser("quantri", "q@example.org", "x"))
    for page in (factories.story("Bài mẫu"), factories.exemplar("Tổ mẫu")):
        body = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Bản đọc phát thanh" in body and 'name="radio_text"' in body


# -- the approver in the admin ----------------------------------------------------------------


def test_the_rundown_editor_names_who_approved(client):
    approver = User.objects.create_user("phatthanh", password="x", first_name="Hồng", last_name="Nhung")
    editor = User.objects.create_superuser("quantri", "q@example.org", "x")
    client.force_login(editor)
    rundown = factories.rundown(status="approved", user=approver, items=[{"display_text": "Xin chào."}])
    body = client.get(reverse("wagtailsnippets_radio_rundown:edit", args=[rundown.pk])).content.decode()
    assert "duyệt bởi Hồng Nhung (phatthanh)" in body
    nobody = factories.rundown("2026-W49", status="approved", items=[{"display_text": "Xin chào."}])
    body = client.get(reverse("wagtailsnippets_radio_rundown:edit", args=[nobody.pk])).content.decode()
    assert "duyệt bởi None" not in body and "duyệt bởi không rõ" in body


# -- DOCX: A4, titled, authored by the centre -------------------------------------------------


def test_docx_is_a4_titled_with_programme_and_week_and_authored_by_the_centre(client, settings):
    settings.CENTRE_NAME = "Trung tâm Thử nghiệm - Văn hóa"
    factories.rundown(status="approved", items=[{"slug": "Ông Năm cứu người", "display_text": "Ông Năm cứu người."}])
    document = Document(io.BytesIO(client.get(f"/api/v1/radio/{SLUG}/weeks/{WEEK}.docx").content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for margin in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin):
        assert Mm(15) <= margin <= Mm(30)
    title = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh — tuần 2026-W48"
    properties = document.core_properties
    assert properties.title == title
    assert properties.author == properties.last_modified_by == "Trung tâm Thử nghiệm - Văn hóa"
    assert "python-docx" not in (properties.author, properties.last_modified_by, properties.title)
    first = document.paragraphs[0]
    assert (first.style.name, first.text) == ("Heading 1", title)
    assert "1. Ông Năm cứu người" in [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Trung tâm Thử nghiệm - Văn hóa" in section.footer.paragraphs[0].text


def test_the_intro_names_the_centre_from_the_setting(settings):
    settings.CENTRE_NAME = "Trung tâm Thử nghiệm - Văn hóa"
    programme = factories.programme(intro_template="Hôm nay, {trung_tam} giới thiệu chuyên mục {chuong_trinh}.")
    rundown = assemble(programme, IsoWeek.parse(WEEK))
    intro = rundown.items.get(kind="intro")
    assert intro.slug == "Lời mở đầu"
    assert intro.display_text.startswith("Hôm nay, Trung tâm Thử nghiệm - Văn hóa giới thiệu")
