"""Day phrases to dates, anchored on the publication date.

"yesterday", "tomorrow night" count from publication; a weekday is this week's,
looking back when the verb puts the event behind us, ahead when it is to come,
else whichever is nearer; a month-day without a year is the such date nearest
publication, backwards too ("December 30" in a story of 3 January is last
year's) among the dates the verb allows (a start reported as past is not after
publication), unless the sentence names a year or counts one ("last year"), or the paragraph before it dates
the same month ("the war of May 2021 ... on May 21"); a date given with its weekday falls in a year when it was
that weekday ("Friday, May 21" recalled in 2023 is 2021's); "the 30th" alone is the 30th nearest publication.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .. import pattern_cache
from .clock import FIXED_DAYS, MONTHS, NIGHT_JOIN, ORDINAL_DAYS, RELATIVE_DAYS, WEEKDAYS, normal

# a year, not a 24-hour clock that looks like one ("(2001 GMT on May 11)"), nor the year of a numbered text in
# brackets after its number ("as provided for under resolution 435 (1978)"): that dates the text, not the event
YEAR = pattern_cache.compile(r"(?<!\d)(?<!\d \()(?<!\d\()(?:19|20)\d\d(?!\d)(?!\s*(?:GMT|UTC|Z\b|hours\b|hrs\b|h\b|local\b))")
# "25", "25th", and "25-26" as in "the night of 25-26 November" (or "the midnight of 12/13 July"): the night's first day
_NIGHT_NUMBERS = pattern_cache.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?{NIGHT_JOIN}\d{{1,2}}")  # "25-26", "12/13"
_THAT_YEAR = pattern_cache.compile(r"\b(?:that|the same) year\b")
_DAY_NUMBER = pattern_cache.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?(?:{NIGHT_JOIN}\d{{1,2}})?")
# "October 10 last year": the year the sentence counts from publication
# (a season of this year: "An Easter truce this spring, meant to start at midnight on April 30"; not winter, which
# straddles two years)
_RELATIVE_YEARS = (("last year", -1), ("the previous year", -1), ("next year", 1), ("this year", 0),
                   ("this spring", 0), ("this summer", 0), ("this autumn", 0), ("this fall", 0))
_RELATIVE_SHIFT = dict(_RELATIVE_YEARS)
_RELATIVE_YEAR = pattern_cache.compile("|".join(re.escape(words) for words, _ in _RELATIVE_YEARS))


def parse_day(phrase: str, published: date | None, tense: str | None, sentence_text: str,
              earlier: str = "") -> date | None:
    """The date a day phrase names, or None when it cannot be placed. `earlier` is the paragraph's text
    before the sentence: a month it dates with a year ("the war of May 2021") gives that month's days
    their year ("That round ended on May 21")."""
    words = normal(phrase).replace(",", " ").replace(".", " ").split()
    if not words:
        return None
    first_day = _first_day_of_night(words)
    if first_day is not None:
        # "the night of Friday to Saturday", "between March 31 and April 1": the night's first day (a clock after
        # its midnight moves to the second: reference_day)
        return parse_day(first_day, published, tense, sentence_text, earlier)
    if " ".join(words) in RELATIVE_DAYS:
        return published + timedelta(days=RELATIVE_DAYS[" ".join(words)]) if published else None
    if " ".join(words) in FIXED_DAYS:
        # "on Christmas Eve": that date nearest the story, not after it for a start reported as past
        month, number = FIXED_DAYS[" ".join(words)]
        return nearest_month_day(month, number, published, tense) if published else None
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    month = next((MONTHS[w] for w in words if w in MONTHS and w not in WEEKDAYS), None)
    day_number = next((int(re.match(r"\d+", w).group()) for w in words if _DAY_NUMBER.fullmatch(w)), None)
    if day_number is None and month is not None:
        day_number = next((ORDINAL_DAYS[w] for w in words if w in ORDINAL_DAYS), None)  # "the fifth of September"
    relative = next((RELATIVE_DAYS[" ".join(words[:n])] for n in (2, 1) if " ".join(words[:n]) in RELATIVE_DAYS), None)
    if relative is not None and published is not None:
        # "tomorrow, Sunday, July 20th", "today, Saturday 22 August": the date written settles the day, in the year
        # of the day the relative word counts to
        counted = published + timedelta(days=relative)
        if month is None or day_number is None:
            return counted
        return nearest_month_day(month, day_number, counted) or counted
    if weekday is not None and month is None and day_number is not None and published is not None:
        # "from 6 a.m. on Thursday, the 19th": the 19th, of a month nearest publication, that falls on a Thursday
        return month_day_on_weekday(day_number, weekday, published, tense)
    if weekday is not None and (month is None or day_number is None):
        if published is None:
            return None
        before = sentence_text[:max(0, sentence_text.find(phrase.strip()))]
        if words[0] == "the" and (narrated := narrated_weekday(weekday, f"{earlier} {before}", published)):
            # "at midnight on Friday, 24th January ... from 6 a.m. on the Saturday": the Saturday of the week the
            # text narrates, the first after the last date it gave
            return narrated
        if "week" in words and ("last" in words or "next" in words):
            # "on Tuesday last week": that weekday in the week before the story's (or after it, for "next week")
            monday = published - timedelta(days=published.weekday())
            return monday + timedelta(days=weekday + (7 if "next" in words else -7))
        if "next" in words:
            tense = "future"
        elif "last" in words:
            tense = "last"
        return weekday_date(weekday, published, tense)
    if day_number is None:
        return None
    if month is None:
        return day_of_month(day_number, published) if published else None
    explicit_year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    if explicit_year is None and _THAT_YEAR.search(" ".join(words)):
        # "The last festive truce came in 1974. It began at midnight on December 22 of that year": the year named
        # before, not one the sentence goes on to name ("leading to the longer ceasefire of 1975")
        named_before = YEAR.findall(earlier)
        explicit_year = int(named_before[-1]) if named_before else None
    years_in_sentence = [y.group() for y in YEAR.finditer(sentence_text)
                         if _month_dated_by(sentence_text, y.start()) in (None, month)]
    # "fought in August 1999 and again in May this year; ... a truce that began on 8 May": the year the sentence
    # gives the same month comes before any other year it names
    same_month = month_year_before(sentence_text, month, published) if published is not None else None
    year = explicit_year or same_month or (int(years_in_sentence[-1]) if years_in_sentence else None)
    if year is not None and not explicit_year and not same_month and tense == "past" and published is not None \
            and _after(year, month, day_number, published):
        # "had taken effect at 00:00 on 21 December and would remain in force until 30 April 2019", in a story of
        # 22 December 2018: the year belongs to the other date; a start reported as past is not after publication
        year = None
    if year is not None and not explicit_year and not same_month and tense == "future" and published is not None \
            and year < published.year:
        # "would suspend all offensive actions beginning at 0000 hours on July 20, ... since the talks opened in
        # 2012": the year dates the other event; a start still to come is not in a year already over
        year = None
    if year is None and published is not None:
        shift = _relative_year(normal(phrase), normal(sentence_text))
        if shift is not None:
            year = published.year + shift
        else:
            year = month_year_before(earlier, month, published)
            if year is None and tense == "past":
                year = year_of_narrative(earlier, month, day_number)
            if year is None and tense == "past":
                # "Last year's truce was shorter. It took effect on December 16": the year the paragraph counts
                shift = _relative_year("", normal(earlier))
                year = published.year + shift if shift else None
        if year is None:
            return nearest_month_day(month, day_number, published, tense, weekday)
    if year is None:
        return None
    try:
        return date(year, month, day_number)
    except ValueError:
        return None


def _month_dated_by(text: str, year_start: int) -> int | None:
    """The month of the date a year completes ("January 29, 2024", "29 January 2024"), or None when the year
    stands alone: "sets the start at 00:00 on August 3 and the end at the close of January 29, 2024" gives the
    year to January 29 only."""
    written = _DATE_BEFORE_YEAR.search(text, max(0, year_start - 25), year_start)
    if written is None:
        return None
    return MONTHS.get((written.group("m1") or written.group("m2")).lower().rstrip("."))


_DATE_BEFORE_YEAR = pattern_cache.compile(
    r"(?:\b(?P<m1>[A-Za-z]{3,9}\.?)\s+\d{1,2}(?:st|nd|rd|th)?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Za-z]{3,9}\.?)),?\s*$")


def _after(year: int, month: int, day_number: int, published: date) -> bool:
    try:
        return date(year, month, day_number) > published + timedelta(days=1)
    except ValueError:
        return False


def _relative_year(phrase: str, sentence: str) -> int | None:
    """How many years from publication the sentence counts for the date in `phrase`: the count written right
    after the date ("December 29 last year, and ... March 8 this year"), else the sentence's only count."""
    # ("one day shorter than last year's": a comparison with another year's, which dates nothing here)
    counts = [(found.start(), _RELATIVE_SHIFT[found.group()]) for found in _RELATIVE_YEAR.finditer(sentence)
              if not sentence.endswith(("than ", "as "), 0, found.start())]
    if not counts:
        return None
    at = sentence.find(phrase)
    after = [shift for position, shift in counts if at >= 0 and 0 <= position - (at + len(phrase)) <= 3]
    if after:
        return after[0]
    return counts[0][1] if len({shift for _, shift in counts}) == 1 else None


# "May 2021", "May 10, 2021", "August last year", "in August of 2019": a month the text dates with a year
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_MONTH_WITH_YEAR = pattern_cache.compile(
    rf"(?<!\w)(?P<month>{_MONTH_NAMES})\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?"
    rf"(?P<year>(?:19|20)\d\d(?!\d)|{'|'.join(words_ for words_, _ in _RELATIVE_YEARS)})",
    re.IGNORECASE,
)


def month_year_before(earlier: str, month: int, published: date) -> int | None:
    """The year the paragraph so far gives this month, in its last mention of the month with a year."""
    year = None
    for found in _MONTH_WITH_YEAR.finditer(earlier):
        if MONTHS.get(found.group("month").lower()) != month:
            continue
        words_ = normal(found.group("year"))
        year = int(words_) if words_.isdigit() else published.year + dict(_RELATIVE_YEARS)[words_]
    return year


# "on July 22nd 1974", "22 July 1974": a full date with its year
_FULL_DATE = pattern_cache.compile(
    rf"(?<!\w)(?:(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\.?),?\s+(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def year_of_narrative(earlier: str, month: int, day_number: int) -> int | None:
    """A past event dated without a year in a paragraph that narrates an earlier year: the year of the last full
    date before it, when the day follows that date within the year ("took effect at 4pm on July 22nd 1974 ...
    Turkey's own ceasefire took effect at 6pm on August 16th")."""
    dated = None
    for dated in _FULL_DATE.finditer(earlier):
        pass
    if dated is None:
        return None
    year = int(dated.group("year"))
    try:
        then = date(year, MONTHS[(dated.group("month") or dated.group("month2")).lower()],
                    int(dated.group("day") or dated.group("day2")))
        this = date(year, month, day_number)
    except (KeyError, ValueError):
        return None
    return year if this >= then else None


def retrospective_year(text: str, published: date, before: int) -> int | None:
    """The year a retrospective is about: the year its headline (its first lines) names, or counts back to ("fifty
    years on"), when the text dates a day of that year in full ("Monday 12 January 1970"; before `before`, or
    anywhere when the headline names the year in figures). An anniversary piece's undated "July 1" is that year's,
    not the one of publication."""
    # a rubric, a masthead or a dated line may come first: "HALDEN INSTITUTE ... / Research Note 18/11 | 9 November
    # 2018 / 'Hostilities will cease': the four armistices of autumn 1918"
    lines = [line for line in text[:600].splitlines() if line.strip()]
    headline = " ".join(lines[:3])
    year = next((int(y) for y in YEAR.findall(headline) if int(y) < published.year - 1), None)
    reach = len(text) if year is not None else before
    confirming = _FULL_DATE
    if year is None:
        # "Fifty years ago this week" may stand in the standfirst under the headline; the year it counts back to,
        # written anywhere with its month ("in December 1971"), confirms it
        counted = _YEARS_ON.search(headline) or _YEARS_ON.search(" ".join(lines[3:5]))
        if counted:
            span = counted.group(1).lower()
            number = int(span) if span.isdigit() else _YEARS_WORDS.get(span)
            year = published.year - number if number else None
            reach, confirming = len(text), _MONTH_AND_YEAR
    if year is None or not any(int(found.group("year")) == year for found in confirming.finditer(text, 0, reach)):
        return None
    return year


_YEARS_WORDS = {"ten": 10, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90, "hundred": 100}
_YEARS_ON = pattern_cache.compile(r"\b(\d{1,3}|%s)\s+years\s+(?:on|later|after|ago)\b" % "|".join(_YEARS_WORDS), re.IGNORECASE)
# "December 1971", "16 December 1971": a month written with its year
_MONTH_AND_YEAR = pattern_cache.compile(rf"(?<!\w)(?:{_MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+"
                                        rf"(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def earlier_in_paragraph(text: str, sentence_start: int) -> str:
    """The text of the sentence's paragraph before it."""
    return text[text.rfind("\n", 0, sentence_start) + 1:sentence_start]


def weekday_named(phrase: str) -> bool:
    """Whether a day phrase is a weekday without a date ("Friday", "next Tuesday"; not "Thursday, the 19th"): only
    those move with tense."""
    words = normal(phrase).replace(",", " ").replace(".", " ").split()
    return any(w in WEEKDAYS for w in words) and not any(w in MONTHS and w not in WEEKDAYS for w in words) \
        and not any(_DAY_NUMBER.fullmatch(w) for w in words)


def nearest_month_day(month: int, day_number: int, published: date, tense: str | None = None,
                      weekday: int | None = None) -> date | None:
    """The date of that month and day nearest publication, this year, last year or next, among those
    the words allow: the year whose date falls on the weekday named with it, and not after publication
    for a start reported as past."""
    candidates = _same_date_in_years(month, day_number, published.year - 1, published.year + 1)
    if weekday is not None:  # "Thursday 29 December": the year whose 29 December is a Thursday
        matching = [day for day in candidates if day.weekday() == weekday]
        if not matching:  # "Friday, May 21" recalled in a story two years on: the last year it was a Friday
            matching = [day for day in _same_date_in_years(month, day_number, published.year - 11, published.year - 2)
                        if day.weekday() == weekday][-1:]
        candidates = matching or candidates
    allowed = [day for day in candidates if not (tense == "past" and day > published + timedelta(days=1))]
    pool = allowed or candidates
    return min(pool, key=lambda day: abs(day - published)) if pool else None


def _same_date_in_years(month: int, day_number: int, first: int, last: int) -> list[date]:
    days = []
    for year in range(first, last + 1):
        try:
            days.append(date(year, month, day_number))
        except ValueError:
            continue
    return days


def day_of_month(day_number: int, published: date) -> date | None:
    """"the 30th": that day of this month, the last or the next, whichever is nearest publication."""
    candidates = []
    for shift in (-1, 0, 1):
        month_index = published.year * 12 + published.month - 1 + shift
        try:
            candidates.append(date(month_index // 12, month_index % 12 + 1, day_number))
        except ValueError:
            continue
    return min(candidates, key=lambda day: abs(day - published)) if candidates else None


def month_day_on_weekday(day_number: int, weekday: int, published: date, tense: str | None) -> date | None:
    """"Thursday, the 19th": among this month, the months before and the one after, the 19th that is a Thursday,
    nearest publication (not after it for a start reported as past); None when none of them is."""
    candidates = []
    for shift in range(-6, 2):
        month_index = published.year * 12 + published.month - 1 + shift
        try:
            day = date(month_index // 12, month_index % 12 + 1, day_number)
        except ValueError:
            continue
        if day.weekday() == weekday and not (tense == "past" and day > published + timedelta(days=1)):
            candidates.append(day)
    return min(candidates, key=lambda day: abs(day - published)) if candidates else None


def narrated_weekday(weekday: int, text_before: str, published: date) -> date | None:
    """"the Saturday" after a text that gave a full date ("midnight on Friday, 24th January"): the first such
    weekday on or after the last date given, when that date has its month and day (the year from publication)."""
    last = None
    for last in _DATE_GIVEN.finditer(text_before):
        pass
    if last is None:
        return None
    month = MONTHS.get((last.group("month") or last.group("month2")).lower().rstrip("."))
    number = int(last.group("day") or last.group("day2"))
    given = nearest_month_day(month, number, published, "past") if month else None
    if given is None:
        return None
    return given + timedelta(days=(weekday - given.weekday()) % 7)


# a day of a month, with or without its year: "24th January", "Jan. 24", "January 24, 1964"
_DATE_GIVEN = pattern_cache.compile(
    rf"(?<!\w)(?:(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\b)",
    re.IGNORECASE,
)


def weekday_date(weekday: int, published: date, tense: str | None) -> date:
    """News weekdays mean this week's: the publication day itself, else looking back when the start is
    past, ahead when it is to come, and otherwise whichever is nearer (back up to three days)."""
    back = (published.weekday() - weekday) % 7
    if tense == "last":
        return published - timedelta(days=back or 7)
    if back == 0:
        return published
    if tense == "future" or (tense is None and back > 3):
        return published + timedelta(days=7 - back)
    return published - timedelta(days=back)


_NIGHT_OPENINGS = (("the", "night", "of"), ("the", "night", "from"), ("night", "of"), ("night", "from"), ("between",))
_NIGHT_JOINS = frozenset({"to", "into", "and", "on"})


def _first_day_of_night(words: list[str]) -> str | None:
    """The first of the two days a night is named by ("the night of Friday to Saturday" -> "Friday"), or None."""
    opening = next((o for o in _NIGHT_OPENINGS if tuple(words[:len(o)]) == o), None)
    if opening is None:
        return None
    rest = words[len(opening):]
    join = next((k for k, word in enumerate(rest) if word in _NIGHT_JOINS and k > 0), None)
    return " ".join(rest[:join]) if join is not None else None


def names_a_night(phrase: str) -> bool:
    """Whether a day phrase names a night by the two days it joins: "the night of Friday to Saturday",
    "between March 31 and April 1", "the night of 25-26 November", "the midnight of 12/13 July"."""
    words = normal(phrase).replace(",", " ").split()
    return _first_day_of_night(words) is not None or any(_NIGHT_NUMBERS.fullmatch(w)
                                                         for w in words)
