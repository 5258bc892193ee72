"""The source lines of a monitoring digest: each item's own day, and where it was broadcast from.

A digest of monitored media (the BBC's Summary of World Broadcasts and its heirs, the
agencies' monitoring services) prints several items under one date, each after a line
naming its source and when it went out:

    Interfax news agency, Moscow, in English 2210 gmt 27 Jul 92

"Today" and "tonight" in that item are the 27th, not the digest's day, Moscow is
where the agency sits, not where the fighting is, and what the item says in no one
else's name is the agency's.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime

from . import lexicons

MONTHS: dict[str, int] = lexicons.table("time_words")["months"]

# "<source>, <place>, in <language> 2210 gmt 27 Jul 92": the language, the clock in GMT and the day, alone on a line
# (the FBIS's Daily Report writes it with no comma and a desk's two-letter code after it: "Cairo Domestic Service
# in Arabic 1315 GMT 22 Oct 73 NC"); the early Summary of World Broadcasts names no language: "Cairo home service
# 1745 gmt 22 Oct 73"
_SOURCE_LINE = re.compile(
    r"^(?P<source>[^\n]{2,120}?)(?:,?\s+in\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)?\s+"
    r"(?P<clock>\d{4})\s+(?:gmt|GMT|UTC|utc)\s+(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<year>\d{2}|\d{4})(?:\s+[A-Z]{2})?\s*$",
    re.MULTILINE,
)


class SourceLines:
    """The source lines of one article, read once; most articles have none."""

    def __init__(self, text: str):
        self.spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._days: list[date] = []
        self._sources: list[str] = []
        if " gmt " not in text.lower() and " utc " not in text.lower():
            return
        for line in _SOURCE_LINE.finditer(text):
            day = _day(line)
            if day is not None:
                self.spans.append((line.start(), line.end()))
                self._starts.append(line.start())
                self._days.append(day)
                self._sources.append(_outlet(line.group("source")))

    def day_at(self, position: int) -> date | None:
        """The day the item holding `position` was broadcast, or None outside any item."""
        index = bisect_right(self._starts, position) - 1
        return self._days[index] if index >= 0 else None

    def source_at(self, position: int) -> str | None:
        """The outlet whose item holds `position` ("Radio Myanmar" for "Source: Radio Myanmar, Yangon, in
        Burmese ..."), or None outside any item."""
        index = bisect_right(self._starts, position) - 1
        return self._sources[index] or None if index >= 0 else None

    def holds(self, position: int) -> bool:
        """Whether `position` is on a source line ("Interfax news agency, Moscow, in English ...")."""
        return any(start <= position < end for start, end in self.spans)


def _day(line: re.Match) -> date | None:
    month = MONTHS.get(line.group("month").lower())
    if month is None:
        return None
    year = int(line.group("year"))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    try:
        return datetime(year, month, int(line.group("day"))).date()
    except ValueError:
        return None


def _outlet(source: str) -> str:
    """ "Source: Voice of Iraqi Kurdistan, Salah al-Din" -> "Voice of Iraqi Kurdistan": the name before its city."""
    name = source.split(":", 1)[1] if source.lower().startswith("source:") else source
    return name.split(",", 1)[0].strip()
