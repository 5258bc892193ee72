"""What a reader sees at the top of a plain-text article: its headline, its byline and its date.

    read_text_metadata(text, today=…) → TextMetadata(title, authors, published, published_from)

A plain-text copy of an article usually keeps what the page printed above the
story: a headline (a Markdown "# …" line or a short first line), a "By …"
line, a line holding the date ("September 13, 2022", "Published 13 Sep 2022,
10:15 BST") and a dateline opening the first paragraph ("YEREVAN, Sept 13
(Reuters) -"). Only that head is read — never a date in the story itself.
The vocabulary (months, weekdays, date labels, byline credits) is in
lexicons/. Pure Python: no Django, no database, no clock except `today`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

_LEXICONS = Path(__file__).with_name("lexicons")
# A head is the lines above the lede: a headline, a byline, a date, a caption or two.
_HEAD_LINES = 8
_LEDE_WORDS = 30
_TITLE_MAX_CHARS = 200
_DATE_LINE_MAX_CHARS = 100
_DATELINE_MAX_CHARS = 160


def _lexicon(name: str) -> list[list[str]]:
    lines = (_LEXICONS / name).read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.lstrip().startswith("#")]


MONTHS: dict[str, int] = {word: int(row[0]) for row in _lexicon("months.txt") for word in row[1:]}
WEEKDAYS: frozenset[str] = frozenset(word for row in _lexicon("weekdays.txt") for word in row)
DATE_LABELS: dict[str, str] = {" ".join(row[:-1]): row[-1] for row in _lexicon("date_labels.txt")}
BYLINE_CREDITS: frozenset[str] = frozenset(" ".join(row) for row in _lexicon("byline_credits.txt"))


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?:(?:{_alternation(WEEKDAYS)})\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATES = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),           # September 13, 2022
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 13 September 2022
)
_ISO_DATE = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?(?:\.\d+)?(?P<zone>Z|[+-]\d\d:?\d\d)?)?(?![\w:])"
)
_YEARLESS_DATES = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)", re.IGNORECASE),  # Sept 13
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH}(?![\w.]*,?\s*(?:19|20)\d\d)", re.IGNORECASE),  # 13 Sept
)
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?|h)?(?=\W|$)", re.IGNORECASE)
_ZONE_OR_LINK_WORD = re.compile(r"^(?:at|on|[A-Z]{1,5})$")
_BYLINE = re.compile(r"^by\s+(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s+[|·•—–-]+\s+|\s*[|·•—–]\s*")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|(?:al|el|bin|ibn|de|da|di|du|van|von|der|la|le)-?[\w'’-]*)$")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_DATELINE_DASH = re.compile(r"\s[-—–]{1,2}\s|[—–]")
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z'’.]+(?:[ -][A-Z'’.]+)*\b")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class TextMetadata:
    title: str = ""
    authors: tuple[str, ...] = ()
    published: date | datetime | None = None  # a date alone when the text names no time of day
    published_from: str = ""  # where it was read: "date line", "byline" or "dateline"


def read_text_metadata(text: str, *, today: date) -> TextMetadata:
    """The headline, authors and publication date printed at the top of `text`, where it prints them.

    `today` bounds a dateline that names no year ("Sept 13 (Reuters)"): it is
    taken as the latest such day not after `today`, or not after a dated line
    of the same head.
    """
    head = _head_lines(text)
    title = _title(head, more=len([line for line in text.splitlines() if line.strip()]) > 1)
    authors: tuple[str, ...] = ()
    published: list[tuple[int, date | datetime, str]] = []  # (rank, value, where): lowest rank wins
    updated: list[date | datetime] = []
    for line in head:
        byline = _BYLINE.match(line)
        if byline:
            names, found = _byline(byline["rest"])
            authors = authors or names
            if found is not None:
                published.append((1, found, "byline"))
            continue
        found, kind = _date_line(line)
        if found is not None:
            if kind == "updated":
                updated.append(found)
            else:
                published.append((0, found, "date line"))
    lede = _lede(text, head)
    if lede:
        full, yearless = _dateline(lede)
        if full is not None:
            published.append((2, full, "dateline"))
        elif yearless is not None:
            bound = min([_day(value) for value in updated] + [today])
            day = _latest_on_or_before(yearless, bound)
            if day is not None:
                published.append((3, day, "dateline"))
    for value in updated:
        published.append((4, value, "date line"))
    if not published:
        return TextMetadata(title=title, authors=authors)
    _rank, value, where = min(published, key=lambda item: item[0])
    return TextMetadata(title=title, authors=authors, published=value, published_from=where)


def find_date(text: str) -> tuple[date | datetime | None, re.Match[str] | None]:
    """The first full date in `text` (with its year), as a date, or an aware datetime for an ISO 8601 time."""
    best: tuple[date | datetime, re.Match[str]] | None = None
    for pattern in (*_FULL_DATES, _ISO_DATE):
        for match in pattern.finditer(text):
            value = _match_value(match)
            if value is not None and (best is None or match.start() < best[1].start()):
                best = (value, match)
            if value is not None:
                break
    return (best[0], best[1]) if best else (None, None)


def _match_value(match: re.Match[str]) -> date | datetime | None:
    month = match["month"]
    number = int(month) if month.isdigit() else MONTHS[month.casefold()]
    try:
        day = date(int(match["year"]), number, int(match["day"]))
    except ValueError:
        return None  # "February 30": not a day
    if "hour" in match.re.groupindex and match["hour"] is not None:
        zone = match["zone"]
        offset = timezone.utc
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        try:
            return datetime(day.year, day.month, day.day, int(match["hour"]), int(match["minute"]),
                            int(match["second"] or 0), tzinfo=offset)
        except ValueError:
            return None
    return day


def _clean(line: str) -> str:
    line = _MARKDOWN_LINK.sub(r"\1", line)
    return " ".join(_MARKDOWN_EMPHASIS.sub("", line).split())


def _head_lines(text: str) -> list[str]:
    """The cleaned non-empty lines above the lede (the first long paragraph or the dateline's)."""
    head = []
    for raw in text.splitlines():
        line = _clean(raw)
        if not line:
            continue
        if len(line.split()) >= _LEDE_WORDS or len(head) >= _HEAD_LINES:
            break
        head.append(line)
    return head


def _lede(text: str, head: list[str]) -> str:
    """The first line of the story: the first non-empty line below the head."""
    seen = 0
    for raw in text.splitlines():
        line = _clean(raw)
        if not line:
            continue
        if seen >= len(head):
            return line
        seen += 1
    # A short story fits in the head: its dateline is the first head line that has one.
    return next((line for line in head if _dateline_prefix(line)), "")


def _title(head: list[str], *, more: bool) -> str:
    """A Markdown heading, or a short first line that is no sentence, byline or date, with a story after it."""
    if not head:
        return ""
    first = head[0]
    heading = _HEADING.match(first)
    if heading:
        return heading["title"][:500]
    if (not more or len(first) > _TITLE_MAX_CHARS or first.endswith((".", ":", ",", ";"))
            or _BYLINE.match(first) or _date_line(first)[0] is not None or _dateline_prefix(first)):
        return ""
    return first


def _byline(rest: str) -> tuple[tuple[str, ...], date | datetime | None]:
    """The author names in what follows "By", and a date printed on the same line."""
    found, match = find_date(rest)
    if match is not None:
        rest = rest[:match.start()]
    names_part = _BYLINE_SEPARATOR.split(rest, maxsplit=1)[0]
    names_part = _IN_PLACE.sub("", names_part.strip(" ,|"))
    names = []
    for part in _NAME_SEPARATOR.split(names_part):
        part = part.strip(" .")
        if _is_name(part):
            names.append(part)
    return tuple(names), found


def _is_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    if part.casefold() in BYLINE_CREDITS or any(word.casefold().strip(".,") in BYLINE_CREDITS for word in words):
        return False
    return all(_NAME_WORD.match(word) for word in words)


def _date_line(line: str) -> tuple[date | datetime | None, str]:
    """A line that holds a date and nothing else but a label, a clock time and a zone."""
    if len(line) > _DATE_LINE_MAX_CHARS:
        return None, ""
    found, match = find_date(line)
    if match is None:
        return None, ""
    before = " ".join(re.sub(r"[^\w\s-]", " ", line[:match.start()]).casefold().split())
    kind = "published"
    if before:
        if before not in DATE_LABELS:
            return None, ""
        kind = DATE_LABELS[before]
    after = _CLOCK.sub(" ", line[match.end():])
    leftover = re.sub(r"[^\w\s]", " ", after).split()
    if not all(_ZONE_OR_LINK_WORD.match(word) for word in leftover):
        return None, ""
    return found, kind


def _dateline_prefix(line: str) -> str:
    """"YEREVAN, Sept 13 (Reuters)" of "YEREVAN, Sept 13 (Reuters) - Russia said ..."; "" when none."""
    dash = _DATELINE_DASH.search(line[:_DATELINE_MAX_CHARS])
    if dash is None:
        return ""
    prefix = line[:dash.start()].strip()
    if not _DATELINE_PLACE.match(prefix) and not any(p.match(prefix) for p in (*_FULL_DATES, *_YEARLESS_DATES)):
        return ""
    return prefix


def _dateline(lede: str) -> tuple[date | datetime | None, tuple[int, int] | None]:
    """The full date in the lede's dateline, or else its (month, day) when it names no year."""
    prefix = _dateline_prefix(lede)
    if not prefix:
        return None, None
    found, _match = find_date(prefix)
    if found is not None:
        return found, None
    for pattern in _YEARLESS_DATES:
        match = pattern.search(prefix)
        if match:
            return None, (MONTHS[match["month"].casefold()], int(match["day"]))
    return None, None


def _latest_on_or_before(month_day: tuple[int, int], bound: date) -> date | None:
    month, day = month_day
    for year in range(bound.year, bound.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29 February outside a leap year
        if candidate <= bound:
            return candidate
    return None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
