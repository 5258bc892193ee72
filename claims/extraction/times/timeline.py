"""The dated entries of a timeline, and the days of a live page: each entry's own day.

A timeline (a tracker's chronology, a think tank's "key dates") sets out events one paragraph each, under
the day they happened:

    17 December - The army says the suspension will begin at one minute past midnight on Thursday.
    18 December - The suspension takes effect at 00:01.

"Thursday" in the first entry counts from the 17th, not from the day the timeline was posted, and a clock
with no day of its own in the second falls on the 18th. An entry opens its paragraph with a day and a month
(a year if it likes), then a dash, a colon or a full stop, or a comma and the entry's clock ("24 December, 00:01:
..."), or stands alone on the line over its paragraph ("1 October 2022 (Saturday)"). One such line alone may be a
dateline or a heading: a timeline has at least two.

A live page, newest first, divides its entries by day: a line with the day alone, then the entries under it, each
opening with the clock it was posted at:

    Tuesday 5 March

    22:40
    Both commands say their units were ordered to hold fire from 21:00.

What is posted under the divider happened on that day, down to the next divider; one divider is enough, since
the clock stamps that follow it show the page for what it is. A stamp in a zone ("21:05 GMT", or any stamp on a
page whose note says "All times GMT" or "All times Erbil (GMT+3)") is the minute the entry went up: a truce
it reports as begun began before then, and "took effect at midnight" is the last midnight before it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from .. import pattern_cache
from .calendar import nearest_month_day
from .clock import MONTH, MONTHS, OFFSET, WEEKDAY, twenty_four
from .zones import named, offset_zone

# "17 December", "December 17, 2024": the day an entry or a divider names, on one line
_DAY_AND_MONTH = (rf"(?:(?P<day>\d{{1,2}})[ \t]+(?P<month>{MONTH})|(?P<month2>{MONTH})[ \t]+(?P<day2>\d{{1,2}}))"
                  rf"(?:,?[ \t]+(?P<year>\d{{4}}))?")
_ENTRY = pattern_cache.compile(
    rf"^[ \t]*(?:[-•*][ \t]+)?{_DAY_AND_MONTH}(?:[ \t]*[-–—:][ \t]|,[ \t]+(?=\d{{1,2}}[:.]\d\d\b)"
    # or closed by a full stop, the entry's sentence after it: "1 May 2018. Seoul dates the cessation from 00:00."
    rf"|\.[ \t]+(?=[A-Z])"
    # or the day alone on its line, its weekday in brackets if it likes, heading the paragraph right under it
    rf"|(?:[ \t]*\([A-Za-z]+\))?[ \t]*\n(?=[ \t]*\S))",
    re.IGNORECASE | re.MULTILINE)

# a dispatch's own dateline in a story that joins two, as wire copy did: "TOKYO, Thursday, Aug. 11 (UP)--" under
# "MOSCOW, Aug. 10 (UP)--": a place in capitals, a weekday if it likes, the month and day, the agency, then a dash
_DISPATCH = pattern_cache.compile(
    rf"^[ \t]*(?P<words>(?-i:[A-Z][A-Z.'’ -]{{1,40}})(?:,[ \t]*(?-i:[A-Z])[\w.'’ -]{{1,30}}?)?,[ \t]*(?:{WEEKDAY},?[ \t]*)?"
    rf"(?P<month>{MONTH})\.?[ \t]+(?P<day>\d{{1,2}})(?!\d)(?:,?[ \t]+(?P<year>\d{{4}}))?)\.?[ \t]*(?:\([^)\n]{{1,30}}\))?[ \t]*"
    rf"(?:--|[-—–:])",
    re.IGNORECASE | re.MULTILINE)

_DIVIDER = pattern_cache.compile(
    rf"^[ \t]*(?P<words>(?:{WEEKDAY},?[ \t]+)?{_DAY_AND_MONTH})[ \t]*\n(?:[ \t]*\n)*(?=[ \t]*\d{{1,2}}[:.]\d\d\b)",
    re.IGNORECASE | re.MULTILINE)

# an entry's stamp opens its line: "21:50", "11:40 GMT - UN: calm holding", "11.58pm BST"
_STAMP = pattern_cache.compile(r"^[ \t]*(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)(?:[ \t]*(?P<ap>[ap])\.?m\.?)?(?:[ \t]+(?P<zone>[A-Z]{2,4})\b)?",
                               re.IGNORECASE | re.MULTILINE)
# the page's note on its clock: "All times GMT", "All times Erbil (GMT+3)", "All times are Kyiv time (GMT+2)"
_ALL_TIMES = pattern_cache.compile(rf"\ball\s+times\s+(?:are\s+)?(?:in\s+)?(?P<words>[^.(\n]{{1,40}}?)\s*(?:\(\s*(?P<offset>{OFFSET})\s*\))?"
                                   rf"\s*(?:[.,;(]|$)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Dated:
    """The day a stretch of the page is set under, and how the page says so."""
    day: date
    under: str  # the words of the divider, or "" for a timeline's entry
    posted: datetime | None = None  # the minute a live page's entry went up, when its stamp's zone is known
    dispatch: bool = False  # a later dispatch's own dateline in a story that joins two

    def reason(self, published: date | None) -> str:
        page = published.isoformat() if published else "date"
        if self.dispatch:
            return (f"the dispatch datelined {self.under!r} counts its days from {self.day.isoformat()}, not from "
                    f"the story's {page}")
        if self.under:
            return (f"the live page's entries under {self.under!r} are of {self.day.isoformat()}, not of the "
                    f"page's {page}")
        return f"the timeline entry is set under {self.day.isoformat()}: its days count from it, not from the page's {page}"


class TimelineEntries:
    """The dated stretches of one article, read once: a timeline's entries, else a live page's days, else the
    days of the later dispatches a wire story joins; most articles have none."""

    def __init__(self, text: str, published: date | None):
        self._spans: list[tuple[int, int]] = []
        self._dated: list[Dated] = []
        self._starts: list[int] = []
        self._stamps: list[re.Match] = []
        self._stamp_starts: list[int] = []
        self._page_zone: tzinfo | None = None
        if published is None:
            return  # (no day to place a month-day without a year by)
        for entry in _ENTRY.finditer(text):
            day = _day(entry, published)
            if day is not None:
                end = text.find("\n\n", entry.end())
                self._spans.append((entry.start(), len(text) if end < 0 else end))
                self._dated.append(Dated(day, ""))
        if len(self._dated) < 2:
            self._spans, self._dated = [], []
        if not self._spans:
            dividers = [(divider, _day(divider, published)) for divider in _DIVIDER.finditer(text)]
            dividers = [(divider, day) for divider, day in dividers if day is not None]
            for (divider, day), following in zip(dividers, [*dividers[1:], None]):
                self._spans.append((divider.start(), following[0].start() if following else len(text)))
                self._dated.append(Dated(day, divider.group("words")))
            if self._spans:
                self._stamps = list(_STAMP.finditer(text, self._spans[0][0]))
                self._stamp_starts = [stamp.start() for stamp in self._stamps]
                self._page_zone = _page_zone(text)
        if not self._spans:
            self._read_dispatches(text, published)
        self._starts = [start for start, _ in self._spans]

    def _read_dispatches(self, text: str, published: date) -> None:
        """A story joining dispatches from several places sets each after its own dateline: the second and later
        ones, within three days of the story's, date what follows them (the first is the story's own)."""
        datelines = list(_DISPATCH.finditer(text))[1:]
        for dateline, following in zip(datelines, [*datelines[1:], None]):
            day = _day(dateline, published)
            if day is None or abs((day - published).days) > 3:
                continue
            self._spans.append((dateline.start(), following.start() if following else len(text)))
            self._dated.append(Dated(day, dateline.group("words").strip(), dispatch=True))

    def at(self, position: int) -> Dated | None:
        """The day the stretch holding `position` is set under, or None outside any."""
        index = bisect_right(self._starts, position) - 1
        if index < 0 or position >= self._spans[index][1]:
            return None
        dated = self._dated[index]
        stamp_index = bisect_right(self._stamp_starts, position) - 1
        if stamp_index < 0 or self._stamps[stamp_index].start() < self._spans[index][0]:
            return dated
        posted = _posted(self._stamps[stamp_index], dated.day, self._page_zone)
        return Dated(dated.day, dated.under, posted) if posted is not None else dated


def _page_zone(text: str) -> tzinfo | None:
    """The zone the page's note says its stamps are in, if it says so."""
    note = _ALL_TIMES.search(text)
    if note is None:
        return None
    if note.group("offset"):
        return offset_zone(note)
    found = named(note.group("words"))
    return found[0] if found else None


def _posted(stamp: re.Match, day: date, page_zone: tzinfo | None) -> datetime | None:
    """The minute an entry went up, from its stamp and the day it is set under, in the stamp's zone or the page's."""
    found = named(stamp.group("zone")) if stamp.group("zone") else None
    zone = found[0] if found else page_zone
    hour = twenty_four(int(stamp.group("h")), stamp.group("ap"))
    if zone is None or hour is None:
        return None
    return datetime.combine(day, time(hour, int(stamp.group("m"))), tzinfo=zone)


def _day(line: re.Match, published: date) -> date | None:
    groups = line.groupdict()
    month = MONTHS.get((groups["month"] or groups.get("month2")).lower().rstrip("."))
    number, year = int(groups["day"] or groups.get("day2")), groups["year"]
    if month is None:
        return None
    if year is None:
        return nearest_month_day(month, number, published)  # ("what to watch" entries may lie ahead)
    try:
        return date(int(year), month, number)
    except ValueError:
        return None
