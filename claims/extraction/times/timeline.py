"""The dated entries of a timeline: each entry's own day.

A timeline (a tracker's chronology, a think tank's "key dates") sets out events one paragraph each, under
the day they happened:

    17 December - The army says the suspension will begin at one minute past midnight on Thursday.
    18 December - The suspension takes effect at 00:01.

"Thursday" in the first entry counts from the 17th, not from the day the timeline was posted, and a clock
with no day of its own in the second falls on the 18th. An entry opens its paragraph with a day and a month
(a year if it likes), then a dash or a colon, or a comma and the entry's clock ("24 December, 00:01: ..."). One
such line alone may be a dateline or a heading: a timeline has at least two.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from .calendar import nearest_month_day
from .clock import MONTH, MONTHS

_ENTRY = re.compile(
    rf"^[ \t]*(?:[-•*][ \t]+)?(?:(?P<day>\d{{1,2}})[ \t]+(?P<month>{MONTH})|(?P<month2>{MONTH})[ \t]+(?P<day2>\d{{1,2}}))"
    rf"(?:,?[ \t]+(?P<year>\d{{4}}))?(?:[ \t]*[-–—:][ \t]|,[ \t]+(?=\d{{1,2}}[:.]\d\d\b))",
    re.IGNORECASE | re.MULTILINE)


class TimelineEntries:
    """The entries of one article's timeline, read once; most articles have none."""

    def __init__(self, text: str, published: date | None):
        self._spans: list[tuple[int, int]] = []
        self._days: list[date] = []
        self._starts: list[int] = []
        if published is None:
            return  # (no day to place a month-day without a year by)
        for entry in _ENTRY.finditer(text):
            month = MONTHS.get((entry.group("month") or entry.group("month2")).lower().rstrip("."))
            number = int(entry.group("day") or entry.group("day2"))
            day = _day(month, number, entry.group("year"), published) if month else None
            if day is None:
                continue
            end = text.find("\n\n", entry.end())
            self._spans.append((entry.start(), len(text) if end < 0 else end))
            self._days.append(day)
        if len(self._days) < 2:
            self._spans, self._days = [], []
        self._starts = [start for start, _ in self._spans]

    def day_at(self, position: int) -> date | None:
        """The day of the entry holding `position`, or None outside any entry."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self._spans[index][1]:
            return self._days[index]
        return None


def _day(month: int, number: int, year: str | None, published: date) -> date | None:
    if year is None:
        return nearest_month_day(month, number, published)  # ("what to watch" entries may lie ahead)
    try:
        return date(int(year), month, number)
    except ValueError:
        return None
