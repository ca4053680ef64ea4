"""The read-aloud normaliser against a golden file of real government prose, and its rules."""

from pathlib import Path

import pytest

from radio.abbreviations import seed_normaliser
from radio.models import Abbreviation, current_normaliser
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


class CountingPattern:
    """Wraps a compiled pattern and counts the characters its findall calls look at."""

    def __init__(self, pattern):
        self.pattern, self.calls, self.scanned = pattern, 0, 0

    def findall(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        self.calls += 1
        self.scanned += endpos - pos
        return self.pattern.findall(text, pos, endpos)


@pytest.mark.parametrize(
    "text",
    ["a" * 4000 + " 1" * 8000, "ngày 1. " * 2500, "thứ " + "a " * 9000 + "5/63", "Hôm qua 15/8, " * 1400],
    ids=["crafted", "many-dates", "far-context", "repeated-news"],
)
def test_context_lookups_look_at_a_bounded_window_so_one_read_is_linear(monkeypatch, text):
    """The old scanner ran a regex over all the text before every match (quadratic: a crafted
    20,000-character body held a worker for 30 s). Context is now looked up in a bounded window:
    the characters scanned grow with the number of matches, not with their square."""
    import radio.normalise as module

    counting = CountingPattern(module._CONTEXT_TOKEN)
    monkeypatch.setattr(module, "_CONTEXT_TOKEN", counting)
    reading = seed_normaliser().read(text)
    assert reading.text
    assert counting.scanned <= module.CONTEXT_WINDOW * max(counting.calls, 1)
    assert counting.calls <= 4 * len(text) // 2


def test_crafted_worst_case_is_read():
    reading = seed_normaliser().read("a" * 4000 + " 1" * 8000)
    assert reading.text == "a" * 4000 + " một" * 8000
    assert not reading.flags
