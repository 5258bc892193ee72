"""When a story was written, as its first lines say: the dateline's day and the web page's time stamp.

A morning paper prints on the 29th what its correspondent filed on the 28th:

    From Our Correspondent, Beirut, March 28
    BEIRUT, March 28 (Reuters) -

"Tonight", "tomorrow" and "today" in that story count from the 28th, not from the day of the
paper. A web page stamps the minute it went up ("21 Jul 2014 06:15 GMT"): a start the story
reports as past, with no day of its own, cannot be later than that minute.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from . import lexicons, pattern_cache

MONTHS: dict[str, int] = lexicons.table("time_words")["months"]
WEEKDAYS: dict[str, int] = {name: number for name, number in lexicons.table("time_words")["weekdays"].items()
                            if len(name) > 4}  # written out in a dateline: "ELISABETHVILLE, Tuesday."
_MONTH = "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True))
_FIRST_LINES = 8  # the headline, a standfirst, a byline, the dateline: a story's date is in its opening lines (blank
# lines between them do not count)
# "From Our Correspondent, Beirut, March 28", "BEIRUT, March 28 (Reuters) -", "NDOLA, Northern Rhodesia, Sept. 20 (UPI)
# -", "GANGTOK, Sept. 14.": places, then the month and day, then the agency, a dash, or the end of the line (a full
# stop before it, as older papers set a dateline on a line of its own)
_DATELINE = pattern_cache.compile(
    rf"^(?:From\s+[^,\n]{{2,60}},\s*)?(?-i:[A-Z])[^\n,]{{1,40}}(?:,\s*(?-i:[A-Z])[^\n,]{{1,30}}){{0,2}},\s*"
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?!\d)(?=\s*(?:\(|\.?[-—–:]|\.?[ \t]*$))",
    re.IGNORECASE | re.MULTILINE,
)
# "ELISABETHVILLE, Tuesday.", "From Our Own Correspondent, Aden, Sunday": a place in capitals (or after "From ..."),
# then only the weekday the correspondent filed on, as papers of the next morning print it
_WEEKDAY_DATELINE = pattern_cache.compile(
    rf"^(?:From\s+[^,\n]{{2,60}},\s*(?-i:[A-Z])[^\n,]{{1,40}}|(?-i:[A-Z][A-Z.'’ -]{{1,40}}))"
    rf"(?:,\s*(?-i:[A-Z])[^\n,]{{1,30}})?,\s*(?P<weekday>{'|'.join(WEEKDAYS)})\.?(?=\s*(?:\(|\.?[-—–:]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# "... arms itself. From Martin Ashby in Vlore, Saturday": a byline closing a standfirst, with the weekday filed on
_BYLINE_WEEKDAY = pattern_cache.compile(
    rf"(?:^|(?<=[.!?] ))From\s+[^,.\n]{{2,60}}?\s+in\s+(?-i:[A-Z])[^\n,.]{{1,40}},\s*(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "21 Jul 2014 06:15 GMT", "Published 06:15 GMT, 21 July 2014": the minute a page went up
_STAMP = pattern_cache.compile(
    rf"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?\s+"
    rf"(?P<year>\d{{4}}),?\s+(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})\s+(?:GMT|UTC)|(?P<hour2>\d{{1,2}}):(?P<minute2>\d{{2}})\s+"
    rf"(?:GMT|UTC),?\s+(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?\s+(?P<year2>\d{{4}}))\s*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Filed:
    day: date                    # the day the story counts "today" from
    at: datetime | None          # the minute it went up, in UTC, when a stamp says so
    reason: str                  # for the explanation; "" when the story's day is its publication day
    opens_at: int = 0            # where the dated story begins: a headline above its dateline is the paper's day's


def filed(text: str, published: date | None) -> Filed | None:
    """The day (and minute) the story was written, when its opening lines say so; None when they do not."""
    if published is None:
        return None
    opening = "\n".join([line for line in text.splitlines() if line.strip()][:_FIRST_LINES])
    stamp = _stamp(opening, published)
    found = _dateline_day(opening, published)
    if found is not None:
        dated, words = found
        days = (published - dated).days
        return Filed(dated, stamp, f"the dateline dates the story {dated.isoformat()}, {days} day"
                                   f"{'s' if days > 1 else ''} before its publication: its 'today' is that day",
                     max(0, text.find(words)))
    if stamp is not None:
        return Filed(published, stamp, "")
    return None


def _dateline_day(opening: str, published: date) -> tuple[date, str] | None:
    """The dateline's day (a month and day, or a weekday alone), when it is one to three days before publication
    (a paper of the next morning, a weekly), with the dateline's words; the same day changes nothing."""
    for found in _DATELINE.finditer(opening):
        month = MONTHS[found.group("month").lower()]
        year = published.year - (1 if month > published.month else 0)
        try:
            day = date(year, month, int(found.group("day")))
        except ValueError:
            continue
        if timedelta(days=1) <= published - day <= timedelta(days=3):
            return day, found.group()
    for found in [*_WEEKDAY_DATELINE.finditer(opening), *_BYLINE_WEEKDAY.finditer(opening)]:
        back = (published.weekday() - WEEKDAYS[found.group("weekday").lower()]) % 7
        if 1 <= back <= 3:  # the paper of the next morning, or of Monday for a story of Saturday
            return published - timedelta(days=back), found.group()
    return None


def _stamp(opening: str, published: date) -> datetime | None:
    """The minute of a time stamp in GMT on the day of publication."""
    for found in _STAMP.finditer(opening):
        day, month, year = found.group("day") or found.group("day2"), found.group("month") or found.group("month2"), \
            found.group("year") or found.group("year2")
        hour, minute = found.group("hour") or found.group("hour2"), found.group("minute") or found.group("minute2")
        try:
            moment = datetime(int(year), MONTHS[month.lower()], int(day), int(hour), int(minute), tzinfo=timezone.utc)
        except (KeyError, ValueError):
            continue
        if moment.date() == published:
            return moment
    return None
