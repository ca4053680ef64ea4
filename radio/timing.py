"""Broadcast timing: spoken syllables ÷ the presenter's rate, running time, back-time, over/under.

Vietnamese writes one syllable per space-separated token, so the syllables of the *read* text
(after normalisation) are counted; hyphenated loanwords ("ki-lô-mét") count one per part.
Presenter notes are never timed; cues have no read text and take their planned length.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_RATE = 210  # spoken syllables per minute, a loudspeaker column's sensible default
_HAS_ALNUM = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]")


def count_syllables(read_text: str) -> int:
    count = 0
    for token in (read_text or "").split():
        count += sum(1 for part in token.split("-") if _HAS_ALNUM.search(part))
    return count


def seconds_for(syllables: int, rate: float) -> float:
    """Estimated seconds at `rate` syllables per minute, to a tenth of a second."""
    if rate <= 0:
        raise ValueError("rate must be positive")
    return round(syllables / rate * 60, 1)


def clock(seconds: float) -> str:
    """Duration as m:ss (or h:mm:ss), rounded to the second; negative durations keep their sign."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


@dataclass
class TimedItem:
    key: object
    seconds: float
    cumulative: float = 0.0
    back_time: datetime.datetime | None = None  # clock time the item must start to end on time
    back_time_seconds: float = 0.0  # seconds from the item's start to the slot's end


@dataclass
class Timeline:
    items: list[TimedItem]
    total: float
    target: float
    slot_start: datetime.datetime | None

    @property
    def over_under(self) -> float:
        """Positive: the script is longer than the slot (over); negative: under."""
        return round(self.total - self.target, 1)

    @property
    def over_under_label(self) -> str:
        diff = self.over_under
        if abs(diff) < 0.5:
            return "vừa khít"
        return f"thừa {clock(diff)}" if diff > 0 else f"thiếu {clock(-diff)}"


def timeline(durations: Iterable[tuple[object, float]], target: float, slot_start=None) -> Timeline:
    """Running total and back-time (newsroom style: when each item must start to end on time)."""
    items = [TimedItem(key, seconds) for key, seconds in durations]
    running = 0.0
    for item in items:
        running = round(running + item.seconds, 1)
        item.cumulative = running
    total = running
    remaining = total
    slot_end = slot_start + datetime.timedelta(seconds=target) if slot_start else None
    for item in items:
        item.back_time_seconds = round(remaining, 1)
        if slot_end:
            item.back_time = slot_end - datetime.timedelta(seconds=remaining)
        remaining = round(remaining - item.seconds, 1)
    return Timeline(items=items, total=total, target=target, slot_start=slot_start)
