"""The read-aloud normaliser against a golden file of real government prose, and its rules."""

from pathlib import Path

import pytest

from radio.abbreviations import current_normaliser, seed_normaliser
from radio.models import Abbreviation
from radio.normalise import normalise, read_int

GOLDEN = Path(__file__).with_name("golden_normalise.tsv")


def golden_cases():
    cases = []
    for number, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        text, spoken, flags = (line.split("\t") + [""])[:3]
        cases.append(pytest.param(text, spoken, [f for f in flags.split("|") if f], id=f"line{number}"))
    return cases


def test_golden_file_has_at_least_sixty_cases_with_some_flagged():
    cases = golden_cases()
    assert len(cases) >= 60
    assert sum(1 for c in cases if c.values[2]) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "spoken", "flags"), golden_cases())
def test_golden(text, spoken, flags):
    # The list as the radio editors have it after migration (seeded by the data migration).
    reading = current_normaliser().read(text)
    assert reading.text == spoken
    assert [f.token for f in reading.flags] == flags
    for token in flags:
        assert token in reading.text, "a flagged token must be left exactly as printed"


def test_the_seed_list_in_code_matches_what_the_migration_loads():
    assert seed_normaliser().read("UBND, HĐND, 05-CT/TW").text == (
        "Ủy ban nhân dân, Hội đồng nhân dân, năm, chỉ thị Trung ương"
    )


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        (0, "không"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (105, "một trăm linh năm"),
        (1_000_000, "một triệu"),
        (2014, "hai nghìn không trăm mười bốn"),
        (1_500_000, "một triệu năm trăm nghìn"),
        (3_000_000_000, "ba tỷ"),
    ],
)
def test_numbers_the_vietnamese_way(number, spoken):
    assert read_int(number) == spoken


def test_every_expansion_is_reported_with_its_rule():
    reading = normalise("UBND cấp 1.500.000đ ngày 07/4/2014", {"UBND": "Ủy ban nhân dân"})
    assert [(e.original, e.rule) for e in reading.expansions] == [
        ("UBND", "abbreviation"),
        ("1.500.000đ", "money"),
        ("07/4/2014", "date"),
    ]


def test_without_a_list_abbreviations_are_flagged_not_guessed():
    reading = normalise("UBND huyện")
    assert reading.text == "UBND huyện"
    assert [f.token for f in reading.flags] == ["UBND"]


@pytest.mark.django_db
def test_an_abbreviation_added_by_an_editor_is_used_at_once():
    assert [f.token for f in current_normaliser().read("Đài TTVH đặc khu").flags] == ["TTVH"]
    Abbreviation.objects.create(abbreviation="TTVH", expansion="Truyền thanh - Văn hóa")
    assert current_normaliser().read("Đài TTVH đặc khu").text == "Đài Truyền thanh - Văn hóa đặc khu"


@pytest.mark.django_db
def test_code_only_entries_do_not_change_prose():
    reader = current_normaliser()
    assert reader.read("CT UBND").text == "Chủ tịch Ủy ban nhân dân"
    assert reader.read("05-CT/TW").text == "năm, chỉ thị Trung ương"


@pytest.mark.django_db
def test_the_seed_list_in_code_is_exactly_what_the_migrations_load():
    from radio.abbreviations import SEED

    loaded = set(Abbreviation.objects.values_list("abbreviation", "expansion", "scope"))
    assert loaded == set(SEED)
