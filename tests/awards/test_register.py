"""The award register: one table for every award, levels from signers, profile awards migrated,
the admin list the office works in."""

import csv
import datetime
import importlib
import io

import pytest
from openpyxl import load_workbook

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from exemplars.award_import import template_headers
from exemplars.models import Award, AwardSource, Occasion, RecipientGroup
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
HEADERS = [
    "Năm",
    "Hình thức khen thưởng",
    "Tên cá nhân/tập thể",
    "Loại đối tượng",
    "Nhóm",
    "Số quyết định",
    "Ngày quyết định",
    "Người ký",
]


def register_entry(**fields):
    values = {
        "recipient_name": "Trần Văn Sóng",
        "recipient_kind": "individual",
        "recipient_group": RecipientGroup.FISHER,
        "award_type": factories.award_type(),
        "decision_number": "12/QĐ-UBND",
        "decision_date": D(2019, 12, 20),
        "issuer_as_printed": "Chủ tịch UBND xã An Hải",
        **fields,
    }
    award = Award(**values)
    award.full_clean()
    award.save()
    return award


def test_an_award_without_a_profile_takes_its_level_from_the_signer():
    # The award type ("Giấy khen") is a huyện type: the signer, a xã chairman, decides.
    award = register_entry()
    assert award.award_type.level == "district"
    assert (award.resolved_level, award.year, award.page_id) == ("commune", 2019, None)
    award = register_entry(decision_number="9/QĐ-UBND", issuer_as_printed="Chủ tịch UBND huyện Lý Sơn")
    assert award.resolved_level == "district"
    assert register_entry(decision_number="1/QĐ-TTg", issuer_as_printed="Thủ tướng Chính phủ").resolved_level == (
        "national"
    )


def test_an_explicit_level_wins_and_a_silent_signer_falls_back_to_the_type():
    assert register_entry(level="province").resolved_level == "province"
    silent = register_entry(decision_number="3/QĐ", issuer_as_printed="Hiệu trưởng Trường THCS An Hải")
    assert silent.resolved_level == silent.award_type.level


def test_profile_awards_are_register_entries_named_after_the_profile():
    page = factories.exemplar(
        "Tổ đoàn kết thôn Tây", kind="model", awards=[{"issuer_as_printed": "Chủ tịch UBND xã An Vĩnh"}]
    )
    award = page.awards.get()
    assert (award.recipient_name, award.recipient_kind, award.source) == (
        "Tổ đoàn kết thôn Tây",
        "collective",
        AwardSource.PROFILE,
    )
    assert award.resolved_level == "commune"
    assert Award.objects.filter(pk=award.pk).exists()  # one table: the register


def test_occasion_follows_the_commendation_type():
    assert register_entry(commendation_type="ad_hoc").occasion == Occasion.AD_HOC
    assert register_entry(decision_number="2/QĐ", commendation_type="campaign").occasion == Occasion.THEMATIC


def test_the_data_migration_turns_profile_awards_into_register_entries():
    page = factories.exemplar(
        "Hộ ông Võ Văn Lưới", kind="household", awards=[{"issuer_as_printed": "Chủ tịch UBND xã An Vĩnh"}]
    )
    # As the table stood before 0006: no recipient, the old fallback level stored as explicit.
    Award.objects.update(recipient_name="", recipient_kind="individual", resolved_level="", level="district", year=None)
    migration = importlib.import_module("exemplars.migrations.0006_award_register")
    migration.profile_awards_into_register(apps, None)
    award = page.awards.get()
    assert (award.recipient_name, award.recipient_kind, award.source) == ("Hộ ông Võ Văn Lưới", "household", "profile")
    assert (award.level, award.resolved_level, award.year) == ("", "commune", 2020)


# -- the admin list ------------------------------------------------------------------------------


@pytest.fixture
def office(client):
    user = get_user_model().objects.create_user("thiduakhenthuong", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(user)
    return client


def test_the_office_keeps_the_register_in_the_admin(office):
    award_type = factories.award_type()
    response = office.post(
        "/admin/so-khen-thuong/new/",
        {
            "recipient_name": "Lê Thị Tỏi",
            "recipient_kind": "individual",
            "recipient_group": "farmer",
            "award_type": award_type.pk,
            "occasion": "regular",
            "decision_number": "77/QĐ-UBND",
            "decision_date": "2018-12-20",
            "issuer_as_printed": "Chủ tịch UBND xã An Bình",
            "source": "register",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    award = Award.objects.get(decision_number="77/QĐ-UBND")
    assert award.resolved_level == "commune"
    register_entry(
        decision_number="5/QĐ-UBND", issuer_as_printed="Chủ tịch UBND huyện Lý Sơn", decision_date=D(2021, 1, 5)
    )
    listing = office.get("/admin/so-khen-thuong/").content.decode()
    assert "Sổ khen thưởng" in listing and "Lê Thị Tỏi" in listing and "Trần Văn Sóng" in listing
    by_level = office.get("/admin/so-khen-thuong/?resolved_level=commune").content.decode()
    assert "Lê Thị Tỏi" in by_level and "Trần Văn Sóng" not in by_level
    by_year = office.get("/admin/so-khen-thuong/?year=2021").content.decode()
    assert "Trần Văn Sóng" in by_year and "Lê Thị Tỏi" not in by_year
    by_group = office.get("/admin/so-khen-thuong/?recipient_group=fisher").content.decode()
    assert "Trần Văn Sóng" in by_group and "Lê Thị Tỏi" not in by_group
    assert "Tải mẫu nhập (CSV)" in listing
    # An entry needs a recipient: a name or a profile.
    response = office.post(
        "/admin/so-khen-thuong/new/",
        {
            "recipient_name": " ",
            "recipient_kind": "individual",
            "award_type": award_type.pk,
            "occasion": "regular",
            "decision_number": "78/QĐ-UBND",
            "decision_date": "2018-12-20",
            "issuer_as_printed": "Chủ tịch UBND xã An Bình",
        },
    )
    assert response.status_code == 200
    assert "Ghi tên cá nhân, tập thể hoặc hộ được khen" in response.content.decode()
    assert not Award.objects.filter(decision_number="78/QĐ-UBND").exists()


def test_the_import_template_downloads_from_the_admin(office):
    response = office.get("/admin/so-khen-thuong/mau-nhap-khen-thuong.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:8] == HEADERS and rows[0][8:] == ["Cấp", "Địa bàn", "Khen thưởng đột xuất"]
    assert rows[0] == template_headers()
    response = office.get("/admin/so-khen-thuong/mau-nhap-khen-thuong.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:8] == HEADERS


def test_the_register_is_not_for_anonymous_visitors(client):
    assert client.get("/admin/so-khen-thuong/").status_code == 302
    assert client.get("/admin/so-khen-thuong/mau-nhap-khen-thuong.csv").status_code == 302


def _add_in_register(office, page) -> None:
    """The office adds a provincial award for `page`'s collective in the register's admin form."""
    award_type = factories.award_type("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", level="province")
    response = office.post(
        "/admin/so-khen-thuong/new/",
        {
            "recipient_name": "",
            "recipient_kind": "collective",
            "recipient_group": "official",
            "page": page.pk,
            "award_type": award_type.pk,
            "occasion": "regular",
            "decision_number": "2001/QĐ-UBND",
            "decision_date": "2024-09-01",
            "issuer_as_printed": "Chủ tịch UBND tỉnh Quảng Ngãi",
            "source": "register",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_award_added_in_the_register_survives_publishing_its_profile(office):
    page = factories.exemplar("Trạm y tế An Vĩnh", awards=[{}])
    _add_in_register(office, page)
    page.refresh_from_db()
    page.get_latest_revision().publish()
    assert sorted(page.awards.values_list("resolved_level", flat=True)) == ["district", "province"]
    assert Award.objects.get(decision_number="2001/QĐ-UBND").recipient_name == "Trạm y tế An Vĩnh"


def test_deleting_a_profile_award_in_the_register_keeps_it_deleted_after_publishing(office):
    page = factories.exemplar("Đội dân phòng thôn Đông", awards=[{}, {"decision_number": "8/QĐ-BCĐ"}])
    award = page.awards.get(decision_number="8/QĐ-BCĐ")
    response = office.post(f"/admin/so-khen-thuong/delete/{award.pk}/")
    assert response.status_code == 302
    page.refresh_from_db()
    page.get_latest_revision().publish()
    # Without taking it out of the revision too, publishing would have written it back.
    assert not Award.objects.filter(pk=award.pk).exists()
    assert page.awards.count() == 1


def test_reverting_a_profile_to_an_older_revision_keeps_the_awards_added_since(office):
    """An award added in the register after a revision is not in that revision. Reverting the
    profile to it in the editor and publishing keeps the award: the editor's form posts only the
    awards it shows, and Wagtail's inline formset removes only those marked for removal, so an
    award the form never showed stays. An award the editor sees and removes is removed."""
    from django.contrib.auth.models import User

    from tests.moderation.helpers import form_data

    page = factories.exemplar("Trạm y tế An Vĩnh", awards=[{}])
    first = page.get_latest_revision()
    page.summary = "Trạm y tế giữ vững chuẩn quốc gia về y tế xã."
    page.save_revision().publish()
    _add_in_register(office, page)
    added = Award.objects.get(decision_number="2001/QĐ-UBND")

    admin = User.objects.create_superuser("quantri", "quantri@example.vn", "matkhau-thu-nghiem")
    office.force_login(admin)
    data = form_data(office, f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert "2001/QĐ-UBND" not in str(dict(data))  # the older revision does not show it
    data["action-publish"] = "action-publish"
    response = office.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.summary != "Trạm y tế giữ vững chuẩn quốc gia về y tế xã."  # reverted
    assert Award.objects.filter(pk=added.pk, page=page).exists()
    assert page.awards.count() == 2
    assert "2001/QĐ-UBND" in str(page.get_latest_revision().content["awards"])

    # the editor sees both now, removes the new one: it goes
    data = form_data(office, f"/admin/pages/{page.pk}/edit/")
    prefix = next(
        k[: -len("-id")]
        for k, v in data.items()
        if k.startswith("awards-") and k.endswith("-id") and v == str(added.pk)
    )
    data[f"{prefix}-DELETE"] = "on"
    data["action-publish"] = "action-publish"
    response = office.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Award.objects.filter(pk=added.pk).exists()
    assert page.awards.count() == 1
