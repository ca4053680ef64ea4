"""Place validity and matching across the 2020 and 2025 reforms; awards timeline with revocations."""

import datetime

import pytest

from exemplars.models import Place, PlaceKind
from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_validity_dates_bound_each_unit():
    places = factories.place_tree()
    district, zone = places["district"], places["zone"]
    assert district.is_valid_on(D(2024, 12, 31))
    assert not district.is_valid_on(D(2025, 7, 1))  # valid_to is the first day it no longer exists
    assert not zone.is_valid_on(D(2025, 6, 30))
    assert zone.is_valid_on(D(2025, 7, 1))
    assert zone.is_current and not district.is_current


@pytest.mark.django_db
def test_match_ignores_case_accents_and_type_word_and_prefers_the_current_place():
    places = factories.place_tree()
    for typed in ("Lý Sơn", "ly son", "LÝ SƠN"):
        assert Place.match(typed)[0] == places["zone"], typed
    assert Place.match("huyện Lý Sơn") == [places["district"]]
    assert Place.match("đặc khu ly son") == [places["zone"]]
    assert Place.match("thon dong") == [places["dong"]]
    assert Place.match("Nơi không có") == []


@pytest.mark.django_db
def test_pick_current_reports_a_tie_between_two_current_places():
    places = factories.place_tree()
    other = Place.objects.create(name="Đông", kind=PlaceKind.VILLAGE, parent=places["province"])
    chosen, tie = Place.pick_current(Place.match("Đông"))
    assert chosen is None
    assert set(tie) == {places["dong"], other}
    # A lone former place is accepted: a story may predate the reform.
    gone = Place.objects.create(name="An Hải", kind=PlaceKind.COMMUNE, valid_to=D(2020, 2, 1))
    assert Place.pick_current(Place.match("An Hải")) == (gone, [])


@pytest.mark.django_db
def test_successors_lead_from_former_units_to_today():
    places = factories.place_tree()
    commune = Place.objects.create(
        name="An Vĩnh", kind=PlaceKind.COMMUNE, parent=places["district"], valid_to=D(2020, 2, 1)
    )
    places["district"].predecessors.add(commune)
    assert places["district"].current_successors() == [places["zone"]]
    assert commune.current_successors() == [places["zone"]]
    assert places["zone"].current_successors() == []
    assert places["dong"].path_label == "Thôn Đông, Đặc khu Lý Sơn, Tỉnh Quảng Ngãi"


@pytest.mark.django_db
def test_exemplar_page_shows_awards_as_a_timeline_with_revoked_ones_marked(client):
    page = factories.exemplar(
        "Tổ hợp tác thử",
        awards=[
            {
                "decision_number": "2/QĐ-UBND",
                "decision_date": D(2021, 3, 1),
                "issuer_as_printed": "Chủ tịch UBND tỉnh Quảng Ngãi",
            },
            {
                "decision_number": "1/QĐ-UBND",
                "decision_date": D(2015, 4, 10),
                "issuer_as_printed": "Chủ tịch UBND xã An Hải",
                "revoked": True,
                "revoked_date": D(2016, 1, 5),
                "revoked_reason": "Kê khai thành tích không đúng",
            },
        ],
    )
    body = client.get(page.url).content.decode()
    first, second = body.index("10/04/2015"), body.index("01/03/2021")
    assert first < second, "awards are listed oldest first"
    assert "Chủ tịch UBND xã An Hải" in body  # issuer as printed, never rewritten
    assert "Đã thu hồi ngày 05/01/2016: Kê khai thành tích không đúng" in body
    assert body.count("Đã thu hồi") == 1
