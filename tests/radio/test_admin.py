"""Radio in the Wagtail admin: proposing from a page, assembling a week, editing items,
approving (blocked by open flags), calibration from aired lengths, the editors' group and demo."""

import pytest

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from radio.models import AiredRecording, RadioProposal, Rundown, RundownItem
from tests import factories

SLUG = "hoc-tap-va-lam-theo-bac"


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("quantri", "quantri@example.org", "x")
    client.force_login(user)
    client.user = user
    return client


def edit_url(rundown):
    return reverse("wagtailsnippets_radio_rundown:edit", args=[rundown.pk])


def test_story_and_exemplar_pages_offer_the_proposal_button(admin_client):
    story = factories.story("Bài có nút đề xuất")
    exemplar = factories.exemplar("Tổ đoàn kết số 5")
    for page in (story, exemplar):
        body = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Đề xuất phát thanh" in body
        assert reverse("radio_propose", args=[page.pk]) in body
    home = factories.home_page()
    assert (
        "Đề xuất phát thanh"
        not in admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    )
    assert admin_client.get(reverse("radio_propose", args=[home.pk])).status_code == 404


def test_proposing_with_a_week_and_a_radio_version(admin_client):
    story = factories.story("Cứu hộ trên biển")
    url = reverse("radio_propose", args=[story.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and "data-read-aloud" in page.content.decode()
    bad = admin_client.post(url, {"preferred_week": "2026-W54", "radio_text": "", "note": ""})
    assert bad.status_code == 200
    assert "không có W54" in bad.content.decode()
    response = admin_client.post(url, {"preferred_week": "2026-W48", "radio_text": "Bản đọc riêng.", "note": "Gấp"})
    assert response.status_code == 302
    proposal = RadioProposal.objects.get(page=story)
    assert (proposal.preferred_week, proposal.radio_text, proposal.proposed_by) == (
        "2026-W48",
        "Bản đọc riêng.",
        admin_client.user,
    )


def test_assembling_a_week_from_proposals(admin_client):
    programme = factories.programme()
    for_week = factories.story("Đề xuất cho tuần 48", lead="Ông Ba cứu 3 người.")
    unscheduled = factories.story("Đề xuất chưa xếp tuần")
    other_week = factories.story("Đề xuất cho tuần 49")
    unpublished = factories.story("Bài chưa xuất bản", publish=False)
    RadioProposal.objects.create(page=for_week, preferred_week="2026-W48")
    RadioProposal.objects.create(page=unscheduled, radio_text="Bản phát thanh của UBND.")
    RadioProposal.objects.create(page=other_week, preferred_week="2026-W49")
    RadioProposal.objects.create(page=unpublished, preferred_week="2026-W48")

    response = admin_client.post(reverse("radio_assemble"), {"programme": programme.pk, "week": "2026-W48"})
    rundown = Rundown.objects.get(programme=programme, week="2026-W48")
    assert response.status_code == 302 and response["Location"] == edit_url(rundown)
    items = list(rundown.items.order_by("sort_order"))
    assert [i.kind for i in items] == ["intro", "story", "story", "outro"]
    assert [i.source_page_id for i in items[1:3]] == [for_week.pk, unscheduled.pk]
    assert items[0].display_text.startswith("Hôm nay, thứ bảy ngày 28/11/2026")
    assert items[0].read_text.startswith("Hôm nay, thứ bảy ngày hai mươi tám tháng mười một năm")
    assert items[1].read_text.startswith("Ông Ba cứu ba người.")
    assert items[2].read_text == "Bản phát thanh của Ủy ban nhân dân."
    # The unscheduled proposal is now used: it is not offered again for the next week.
    next_week = factories.rundown("2026-W49")
    from radio.assembly import assemble
    from radio.weeks import IsoWeek

    assemble(programme, IsoWeek.parse("2026-W49"), rundown=next_week)
    assert [i.source_page_id for i in next_week.items.filter(kind="story")] == [other_week.pk]


def test_the_rundown_editor_shows_timing_expansions_and_flags(admin_client):
    rundown = factories.rundown(items=[{"slug": "MUC-CO-CO", "display_text": "Ông A1 nhận Giấy khen của UBND."}])
    body = admin_client.get(edit_url(rundown)).content.decode()
    assert "Thời lượng và duyệt" in body
    assert "UBND → Ủy ban nhân dân" in body
    assert "“A1”" in body and "Chưa đọc được" in body
    assert "radio/read_aloud.js" in body


def _form_data(rundown, items):
    data = {
        "programme": rundown.programme_id,
        "week": rundown.week,
        "presenter": "",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(sum(1 for i in items if i.get("id"))),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        for key, value in item.items():
            if value is True:
                value = "on"
            if value is False or value is None:
                continue
            data[f"items-{index}-{key}"] = value
    return data


def _item(obj, order, **changes):
    fields = {
        "id": obj.pk,
        "ORDER": str(order),
        "kind": obj.kind,
        "slug": obj.slug,
        "display_text": obj.display_text,
        "presenter_notes": obj.presenter_notes,
        "source_page": obj.source_page_id or "",
        "planned_seconds": obj.planned_seconds or "",
        "aired_seconds": obj.aired_seconds or "",
        "flags_acknowledged": obj.flags_acknowledged,
    }
    fields.update(changes)
    return fields


def test_editors_reorder_drop_add_and_edit_items(admin_client):
    rundown = factories.rundown(
        items=[
            {"slug": "A", "display_text": "Mục A."},
            {"slug": "B", "display_text": "Mục B."},
            {"slug": "C", "display_text": "Mục C."},
        ]
    )
    a, b, c = rundown.items.order_by("sort_order")
    # As the browser sends it: forms keep their places, the hidden ORDER fields carry the new order.
    data = _form_data(
        rundown,
        [
            _item(a, 2),
            _item(b, 3, DELETE="1"),
            _item(c, 1, display_text="Mục C có 23.000 người."),
            {"ORDER": "4", "kind": "cue", "slug": "NHAC", "display_text": "Nhạc hiệu", "planned_seconds": "15"},
        ],
    )
    response = admin_client.post(edit_url(rundown), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    items = list(rundown.items.order_by("sort_order"))
    assert [i.slug for i in items] == ["C", "A", "NHAC"]
    assert items[0].read_text == "Mục C có hai mươi ba nghìn người."
    assert items[2].syllables == 0 and items[2].estimated_seconds(210) == 15.0


def test_approval_is_blocked_while_an_item_has_open_flags(admin_client):
    rundown = factories.rundown(items=[{"slug": "CO-CO", "display_text": "Ông A1 cứu người."}])
    approve = reverse("radio_transition", args=[rundown.pk, "approve"])
    page = admin_client.get(approve).content.decode()
    assert "Chưa duyệt được" in page and "“A1”" in page
    admin_client.post(approve)
    rundown.refresh_from_db()
    assert rundown.status == "draft"

    item = rundown.items.get()
    item.flags_acknowledged = True
    item.save()
    assert item.acknowledged_tokens == ["A1"] and not item.open_flags
    admin_client.post(approve)
    rundown.refresh_from_db()
    assert (rundown.status, rundown.approved_by) == ("approved", admin_client.user)
    assert rundown.approved_at is not None

    # An approved rundown cannot be edited into one with unchecked flags.
    data = _form_data(rundown, [_item(item, 1, display_text="Ông B2 cứu người.", flags_acknowledged=False)])
    response = admin_client.post(edit_url(rundown), data)
    assert response.status_code == 200
    assert "“B2”" in response.content.decode()
    assert rundown.items.get().display_text == "Ông A1 cứu người."

    admin_client.post(reverse("radio_transition", args=[rundown.pk, "aired"]))
    rundown.refresh_from_db()
    assert (rundown.status, rundown.aired_by) == ("aired", admin_client.user)


@pytest.mark.django_db
def test_new_flags_after_acknowledgement_are_open_again():
    item_rundown = factories.rundown(items=[{"display_text": "Ông A1.", "flags_acknowledged": True}])
    item = item_rundown.items.get()
    assert not item.open_flags
    item.display_text = "Ông A1 và ông B2."
    item.save()  # the box stays ticked: A1 was checked, B2 was not
    assert [f["token"] for f in item.open_flags] == ["B2"]
    assert RundownItem.objects.get(pk=item.pk).flags_acknowledged is False
    item.flags_acknowledged = False
    item.save()
    assert [f["token"] for f in item.open_flags] == ["A1", "B2"]
    item.flags_acknowledged = True
    item.save()
    assert item.open_flags == [] and item.acknowledged_tokens == ["A1", "B2"]


@pytest.mark.django_db
def test_aired_lengths_calibrate_the_programme_rate():
    programme = factories.programme()
    assert programme.suggested_rate() is None
    rundown = factories.rundown(items=[{"display_text": " ".join(["tiếng"] * 180)}])
    item = rundown.items.get()
    item.aired_seconds = 60
    item.save()
    recording = AiredRecording.objects.get(item=item)
    assert (recording.syllables, recording.seconds, recording.measured_rate) == (180, 60, 180)
    AiredRecording.objects.create(programme=programme, syllables=240, seconds=60)
    assert programme.suggested_rate() == 210  # (180 + 240) syllables in 120 s


@pytest.mark.django_db
def test_the_radio_editors_group_can_use_the_admin_and_approve(client):
    group = Group.objects.get(name="Biên tập phát thanh")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"approve_rundown", "change_rundown", "add_abbreviation", "access_admin"} <= codenames
    user = User.objects.create_user("phatthanh", password="x")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("wagtailsnippets_radio_rundown:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_radio_abbreviation:list")).status_code == 200


@pytest.mark.django_db
def test_demo_command_makes_current_work(client):
    factories.story("Tin mẫu cho phát thanh", lead="Ngày 07/4/2014, UBND huyện khen thưởng 23 ngư dân.")
    factories.exemplar("Tổ đoàn kết mẫu", summary="Tổ đoàn kết có 06 tàu cá.")
    call_command("seed_radio_demo")
    call_command("seed_radio_demo")  # idempotent
    assert Rundown.objects.count() == 1
    slug = "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh"
    response = client.get(f"/api/v1/radio/{slug}/current", follow=True)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "approved"
    assert [i["kind"] for i in data["items"]] == ["intro", "story", "story", "outro"]
    assert RundownItem.objects.filter(rundown__programme__slug=slug).count() == 4
