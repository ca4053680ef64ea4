"""ISO weeks (W53, the year boundary) and broadcast timing on the spoken form."""

import datetime

import pytest

from radio.abbreviations import seed_normaliser
from radio.timing import clock, count_syllables, seconds_for, timeline
from radio.weeks import InvalidWeek, IsoWeek


def test_2026_has_a_week_53_spanning_the_new_year():
    week = IsoWeek.parse("2026-W53")
    assert week.monday == datetime.date(2026, 12, 28)
    assert week.sunday == datetime.date(2027, 1, 3)
    assert IsoWeek.of(datetime.date(2027, 1, 3)) == week
    assert IsoWeek.of(datetime.date(2027, 1, 4)) == IsoWeek.parse("2027-W01")
    assert IsoWeek.parse("2027-W01").monday == datetime.date(2027, 1, 4)


def test_2020_has_w53_and_2021_does_not():
    assert IsoWeek.parse("2020-W53").monday == datetime.date(2020, 12, 28)
    with pytest.raises(InvalidWeek, match="W01 đến W52"):
        IsoWeek.parse("2021-W53")


@pytest.mark.parametrize("label", ["2026-W54", "2026-W00", "2026-48", "2026-W4", "W48-2026", ""])
def test_invalid_weeks_say_what_a_valid_week_looks_like(label):
    with pytest.raises(InvalidWeek) as exc:
        IsoWeek.parse(label)
    assert "2026-W48" in str(exc.value)


def test_syllables_are_counted_on_the_spoken_form():
    printed = "UBND cấp 1.500.000đ ngày 07/4/2014."
    spoken = seed_normaliser().read(printed).text
    assert len(printed.split()) == 5
    # Ủy ban nhân dân (4) cấp (1) một triệu năm trăm nghìn đồng (6)
    # ngày mùng bảy tháng tư năm hai nghìn không trăm mười bốn (12)
    assert count_syllables(spoken) == 23


def test_hyphenated_loanwords_and_lone_dashes():
    assert count_syllables("mười ki-lô-mét vuông") == 5
    assert count_syllables("kinh tế - xã hội") == 4


def test_a_known_paragraph_at_a_known_rate():
    paragraph = " ".join(["tiếng"] * 210)
    assert seconds_for(count_syllables(paragraph), 210) == 60.0
    assert seconds_for(count_syllables(paragraph), 180) == 70.0
    assert seconds_for(35, 210) == 10.0


def test_cumulative_back_time_and_over_under():
    start = datetime.datetime(2026, 11, 28, 19, 30)
    line = timeline([("a", 30.0), ("b", 200.0), ("c", 400.0)], target=600, slot_start=start)
    assert [i.cumulative for i in line.items] == [30.0, 230.0, 630.0]
    # Slot ends 19:40:00; c (400 s) must start at 19:33:20, b at 19:30:00, a at 19:29:30.
    assert [i.back_time.strftime("%H:%M:%S") for i in line.items] == ["19:29:30", "19:30:00", "19:33:20"]
    assert line.over_under == 30.0
    assert line.over_under_label == "thừa 0:30"
    short = timeline([("a", 590.0)], target=600)
    assert short.over_under == -10.0
    assert short.over_under_label == "thiếu 0:10"


def test_clock():
    assert clock(65.4) == "1:05"
    assert clock(3725) == "1:02:05"
