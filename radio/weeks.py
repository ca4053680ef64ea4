"""ISO 8601 weeks (`2026-W48`, Monday–Sunday) in the station's time zone, Asia/Ho_Chi_Minh."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

STATION_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
VALID_WEEK_HINT = (
    "Tuần viết theo ISO 8601: năm-Wsố tuần, hai chữ số, ví dụ 2026-W48; "
    "tuần từ W01 đến W52 (W53 với những năm có 53 tuần, như 2026)."
)


class InvalidWeek(ValueError):
    """A week label that is not a real ISO week; `str()` says why, in Vietnamese."""


def weeks_in_year(year: int) -> int:
    # 28 December always lies in the last ISO week of its year.
    return datetime.date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, label: str) -> IsoWeek:
        match = WEEK_RE.match(label or "")
        if not match:
            raise InvalidWeek(f"“{label}” không phải là một tuần. {VALID_WEEK_HINT}")
        year, week = int(match.group(1)), int(match.group(2))
        if not 1900 <= year <= 2999:
            raise InvalidWeek(f"Năm {year} nằm ngoài phạm vi. {VALID_WEEK_HINT}")
        last = weeks_in_year(year)
        if not 1 <= week <= last:
            raise InvalidWeek(f"Năm {year} chỉ có tuần W01 đến W{last:02d}; không có W{week:02d}. {VALID_WEEK_HINT}")
        return cls(year, week)

    @classmethod
    def of(cls, date: datetime.date) -> IsoWeek:
        iso = date.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def current(cls) -> IsoWeek:
        return cls.of(timezone.now().astimezone(STATION_TZ).date())

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def __str__(self) -> str:
        return self.label

    @property
    def monday(self) -> datetime.date:
        return datetime.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> datetime.date:
        return datetime.date.fromisocalendar(self.year, self.week, 7)

    def day(self, weekday: int) -> datetime.date:
        """weekday: 0 = Monday … 6 = Sunday."""
        return self.monday + datetime.timedelta(days=weekday)

    @property
    def dates_label(self) -> str:
        return f"{self.monday:%d/%m/%Y} – {self.sunday:%d/%m/%Y}"
