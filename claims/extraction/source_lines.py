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

from . import gazetteer, lexicons, pattern_cache

MONTHS: dict[str, int] = lexicons.table("time_words")["months"]

# "<source>, <place>, in <language> 2210 gmt 27 Jul 92": the language, the clock in GMT and the day, alone on a line
# (a digest of one season may leave out the year, "in Vietnamese, 0400 GMT 30 Dec": the date nearest its own day)
# (the FBIS's Daily Report writes it with no comma and a desk's two-letter code after it: "Cairo Domestic Service
# in Arabic 1315 GMT 22 Oct 73 NC"); the early Summary of World Broadcasts names no language: "Cairo home service
# 1745 gmt 22 Oct 73", writes the day in figures ("1700 GMT 10.6.67"), or puts the line in brackets after the
# item's text: "(Nicosia home service in Greek 0430 gmt 10 Aug 64)"
_SOURCE_LINE = pattern_cache.compile(
    r"^(?P<open>\()?(?P<source>(?:(?(open)[^\n()]|[^\n])){2,120}?)(?:,?\s+in\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?,?)?\s+"
    r"(?P<clock>\d{4})\s+(?:gmt|GMT|UTC|utc)\s+"
    r"(?:(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?(?:\s+(?P<year>\d{2}|\d{4}))?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{2}|\d{4}))"
    r"(?:\s+[A-Z]{2})?(?(open)\)|)\s*$",
    re.MULTILINE,
)


class SourceLines:
    """The source lines of one article, read once; most articles have none.

    A line heads the item after it; a line in brackets closes the item before it (the text back to the
    previous source line)."""

    def __init__(self, text: str, published: date | None = None):
        self.spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._days: list[date] = []
        self._sources: list[str] = []
        self._trailing: list[bool] = []
        self._titled_from: list[int] = []  # where the title right over each source line starts, else the line's start
        if " gmt " not in text.lower() and " utc " not in text.lower():
            return
        for line in _SOURCE_LINE.finditer(text):
            day = _day(line, published)
            if day is not None:
                self.spans.append((line.start(), line.end()))
                self._starts.append(line.start())
                self._days.append(day)
                self._sources.append(_outlet(line.group("source")))
                self._trailing.append(bool(line.group("open")))
                self._titled_from.append(_title_over(text, line.start()))

    def _item(self, position: int) -> int | None:
        """The index of the source line of the item holding `position`: a bracketed line after it, else the
        line heading it."""
        index = bisect_right(self._starts, position)
        if index < len(self._starts) and (self._trailing[index] or self._titled_from[index] <= position):
            return index  # (the item's own title, "[2] PARS: DEATH TOLL RISES TO 86", stands right over its line)
        index -= 1
        return index if index >= 0 and not self._trailing[index] else None

    def day_at(self, position: int) -> date | None:
        """The day the item holding `position` was broadcast, or None outside any item."""
        index = self._item(position)
        return self._days[index] if index is not None else None

    def source_at(self, position: int) -> str | None:
        """The outlet whose item holds `position` ("Radio Myanmar" for "Source: Radio Myanmar, Yangon, in
        Burmese ..."), or None outside any item."""
        index = self._item(position)
        return self._sources[index] or None if index is not None else None

    def opened_between(self, earlier: int, position: int) -> bool:
        """Whether the item holding `position` opens on a source line after `earlier`: what was said before that
        line ("2. Radio recalls Kokang agreement" over it) is not the item's voice."""
        index = self._item(position)
        return index is not None and not self._trailing[index] and earlier < self._starts[index]

    def holds(self, position: int) -> bool:
        """Whether `position` is on a source line ("Interfax news agency, Moscow, in English ...")."""
        return any(start <= position < end for start, end in self.spans)


def _title_over(text: str, start: int) -> int:
    """Where the title set over a source line starts ("[2] PARS: DEATH TOLL RISES TO 86" right over it, or a
    paragraph of its own a blank line above it): a short line that ends no sentence; else the line's own start."""
    if start < 2 or text[start - 1] != "\n":
        return start
    end = start - 1
    alone = text[end - 1] == "\n"  # a blank line between: the title must be a paragraph of its own
    if alone:
        end -= 1
    above = text.rfind("\n", 0, end) + 1
    title = text[above:end].strip()
    if not title or len(title) > 120 or _ENDS_A_SENTENCE.search(title):
        return start
    if alone and above > 0 and text[above - 2:above] != "\n\n":
        return start  # (the last line of the item before, not a title)
    return above


_ENDS_A_SENTENCE = pattern_cache.compile(r"[.!?:,;][\"”’)]?$")


def _day(line: re.Match, published: date | None) -> date | None:
    if line.group("nday"):
        month, day_number, year = int(line.group("nmonth")), int(line.group("nday")), int(line.group("nyear"))
    else:
        month = MONTHS.get(line.group("month").lower())
        if month is None:
            return None
        day_number = int(line.group("day"))
        if line.group("year") is None:
            return _nearest(published, month, day_number)
        year = int(line.group("year"))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    try:
        return datetime(year, month, day_number).date()
    except ValueError:
        return None


def _nearest(published: date | None, month: int, day_number: int) -> date | None:
    """The month-day written without a year that falls nearest the digest's own day (30 Dec in a digest of
    2 January is last year's)."""
    if published is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day_number))
        except ValueError:
            continue
    return min(candidates, key=lambda day: abs(day - published), default=None)


def _outlet(source: str) -> str:
    """ "Source: Voice of Iraqi Kurdistan, Salah al-Din" -> "Voice of Iraqi Kurdistan": the name before its city (or
    after it: "Cairo, Voice of the Arabs")."""
    name = source.split(":", 1)[1] if source.lower().startswith("source:") else source
    first, _, rest = name.partition(",")
    outlet = rest.split(",", 1)[0].strip()
    if outlet and gazetteer.lookup(first.strip()) is not None and gazetteer.lookup(outlet) is None:
        return outlet  # "Cairo, Voice of the Arabs 1500 GMT 11.6.67": the city first, then the outlet
    return first.strip()
