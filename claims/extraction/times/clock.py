"""Moments as news writes them: clock times, days and zones, read from the lexicons once at import.

"0800 GMT", "9:00 a.m. Moscow time", "noon local time (0930 GMT) on Sunday", "midnight",
"eight o'clock in the evening", "six in the morning, Greenwich time"; "on Saturday", "Thursday, 28 March", "Jan. 6", "tomorrow";
"Moscow time", "GMT+3", "Eritrean time" (lexicons/time_words.json, zone_names.json,
place_zones.json). Which day, which zone and whether a clock starts a truce are
decided elsewhere in this package; this module only reads the words.
"""
from __future__ import annotations

import re

from .. import lexicons, pattern_cache
from ..regexes import LazyPattern, alternation

WORDS = lexicons.table("time_words")
ZONE_NAMES: dict[str, str] = {k: v for k, v in lexicons.table("zone_names").items() if not k.startswith("_")}
PLACES: dict[str, str] = {k: v for k, v in lexicons.table("place_zones").items() if not k.startswith("_")}
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
MONTHS: dict[str, int] = WORDS["months"]
ORDINAL_DAYS: dict[str, int] = WORDS["ordinal_days"]
RELATIVE_DAYS: dict[str, int] = WORDS["relative_days"]
FIXED_DAYS: dict[str, list[int]] = WORDS["fixed_days"]
HOUR_WORDS: dict[str, int] = WORDS["hour_words"]
NAMED_TIMES: dict[str, list[int]] = WORDS["named_times"]
LOCAL_WORDS = frozenset(WORDS["local_words"])
NIGHT_DAYS = frozenset(WORDS["night_days"])
NIGHT_PAST_DAYS = frozenset(WORDS["night_past_days"])
MINUTE_OFFSETS: dict[str, int] = WORDS["minute_offsets"]


def phrases(entries, *, regex: bool = False) -> str:
    """An alternation of phrases, longest first; in plain phrases a space matches any run of white space."""
    # longest first, and equal lengths alphabetically: a set's order changes with PYTHONHASHSEED, and the pattern's
    # text (which alternative is tried first) must be the same in every process
    ordered = sorted(set(entries), key=lambda entry: (-len(entry), entry))
    if regex:
        return "|".join(entry.replace(" ", r"\s+") for entry in ordered)
    if "" not in ordered:
        return alternation(sorted(ordered))  # the same phrases as a prefix tree (regexes.alternation), one text in every process
    return "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in ordered)


def normal(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form the lexicons are keyed by."""
    return " ".join(text.lower().replace("’", "'").split())


# any place news names, then "time", names that place's zone: "Khartoum time", "Myanmar time"
ZONE_NAMES = {**{f"{normal(place)} time": zone for place, zone in PLACES.items()}, **ZONE_NAMES}

B = r"(?<![\w-])"
E = r"(?![\w])"
AMPM = r"(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
# Any capitalised place then "time" ("Eritrean time", "Kinshasa time"): zones.named() asks the gazetteer,
# so the pattern does not list the 35,000 names it knows.
# "Quito and Lima time": two capitals that keep one clock
PLACE_TIME = r"(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?:\s+and\s+(?-i:[A-Z][\w'’-]+))?\s+time"
ZONE_BASE = rf"(?:{phrases(ZONE_NAMES)}|{phrases(LOCAL_WORDS)}){E}"


def names_then_abbreviations(table: dict[str, int]) -> str:
    """Full names, or abbreviations with their optional full stop ("Jan.", never "October."); an abbreviation only
    capitalised or in capitals ("Sat", "SAT": "sat down", "the sun" and "to mar" name no day)."""
    full = [name for name in table if len(name) > 4 or name in ("may", "june", "july")]
    short = sorted((name for name in table if name not in full), key=len, reverse=True)
    cased = "|".join(re.escape(form) for name in short for form in (name.capitalize(), name.upper()))
    return rf"(?:(?:{phrases(full)}){E}|(?-i:{cased}){E}\.?)"


WEEKDAY = names_then_abbreviations(WEEKDAYS)
MONTH = names_then_abbreviations(MONTHS)
ZONE = rf"(?:{ZONE_BASE}|(?!{WEEKDAY}|{MONTH}){PLACE_TIME}{E})"
# what joins the two days a night is named by: "the night of 25-26 November", "the midnight of 12/13 July"
NIGHT_JOIN = "[-–/]"
# "May 12, 1994", "May 12 of that year": the year written or pointed back to
_DATE_YEAR = rf"(?:,?\s+\d{{4}}{E}|\s+of\s+(?:that|the\s+same)\s+year{E})?"
DATE = (
    rf"(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:{NIGHT_JOIN}\d{{1,2}})?{E}{_DATE_YEAR}"  # "Nov. 25-26": a night's two days
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:{NIGHT_JOIN}\d{{1,2}})?\s+(?:of\s+)?{MONTH}{_DATE_YEAR}"  # "the 3rd of April"
    rf"|the\s+(?:{phrases(ORDINAL_DAYS)})\s+of\s+{MONTH}{_DATE_YEAR}"  # "the fifth of September", as it is spoken
    # "zero hour of the 30th": a day of the month nearest publication; not "the 7th Brigade", a unit's name
    # (nor "the 14th day of the air campaign", a count of days)
    rf"|the\s+\d{{1,2}}(?:st|nd|rd|th){E}(?!\s+(?-i:[A-Z])|\s+(?:day|week|month|year|time|anniversary|round|hour|minute"
    rf"|session|birthday|consecutive|straight|successive){E}))"
)
# "the night of Friday to Saturday", "midnight between March 31 and April 1": a night named by the two days it joins
_NIGHT_DAY = rf"(?:{WEEKDAY}|{DATE})"
NIGHT = (rf"(?:(?:the\s+)?night\s+(?:of|from)\s+|between\s+)(?:the\s+)?{_NIGHT_DAY}\s+(?:to|into|and|on)\s+"
         rf"(?:the\s+)?{_NIGHT_DAY}")
DAY = (
    rf"(?:{NIGHT}"
    rf"|(?:(?:this|last|next|early|late|on|the)\s+)*{WEEKDAY}"
    rf"(?:\s+(?:last|next|this)\s+week{E})?(?:\s+(?:morning|afternoon|evening|night))?"  # "Tuesday last week"
    rf"(?:,?\s+(?:the\s+)?{DATE})?"  # "Thursday, 30 November": the date settles the week
    rf"|(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?{DATE}"  # "on the morning of 15 October"
    # "from 12 noon today, Saturday 22 August": a statement's "today" with the date it was written on
    rf"|(?:{phrases(RELATIVE_DAYS)}){E}(?:,\s+(?:{WEEKDAY},?\s+)?(?:the\s+)?{DATE})?"
    # "on Christmas Eve", "New Year's Day": a fixed feast names its date
    rf"|(?:{phrases(FIXED_DAYS)}){E})"
)
# a day written right after a four-figure clock, which makes it one: "0700 on Monday", "1800 12 May"
_DAY_AFTER_CLOCK = rf"(?:{WEEKDAY}|{MONTH}\s*\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|today|tomorrow|tonight)"
CLOCK = (
    # "12:00 noon": the word only confirms the half of the day
    # "18:00", and "18h00" as French- and Portuguese-speaking outlets write it
    rf"(?:(?!24:00)(?P<h1>\d{{1,2}})(?::|h(?=[0-5]\d\b))(?P<m1>[0-5]\d)(?:\s*(?P<ap1>{AMPM})|\s*(?:hours|hrs|h){E}|(?<=12:00)\s+(?:noon|midday){E})?"
    rf"|(?P<h2>\d{{1,2}})\.(?P<m2>[0-5]\d)(?:\s*(?P<ap2>{AMPM})|\s*(?:hours|hrs){E}|(?=\s*(?:{ZONE}|\(|\[\s*\d)))"
    rf"|(?P<h3>\d{{1,2}})\s*(?P<ap3>{AMPM})"
    rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?:\s*(?:hours|hrs|h){E}|(?=\s*(?:{ZONE}|\(|\[\s*\d))"
    rf"|(?=\s+(?:on\s+)?{_DAY_AFTER_CLOCK})"
    # "from 0700 to 1700 on Monday 18 June", "from 1400 to 1700 hours", "0600-0900 GMT": a range of four-figure clocks
    # whose end is written as a clock, by "hours", a zone or a day after it (not "from 1945 to 1950")
    rf"|(?=\s*(?:to|until|till|[-–])\s*(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:hours|hrs|h){E}|\s*(?:{ZONE}){E}"
    rf"|(?:\s+(?:{ZONE}))?,?\s+(?:on\s+)?{_DAY_AFTER_CLOCK}{E})))"
    # "one minute past midnight", "a minute before midnight": minutes counted from a named time
    rf"|(?P<h9>{phrases(HOUR_WORDS)}|an?|\d{{1,2}})\s+minutes?\s+(?P<dir9>{phrases(MINUTE_OFFSETS)})\s+"
    rf"(?P<named9>{phrases(NAMED_TIMES)}){E}"
    rf"|(?:12\s+)?(?P<named>{phrases(NAMED_TIMES)}){E}"
    rf"|(?P<h6>{phrases(HOUR_WORDS)}|\d{{1,2}})\s+o['’]clock(?:\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night))?"
    rf"|(?P<h7>{phrases(HOUR_WORDS)})\s+(?P<ap7>{AMPM})"
    # "six in the morning", "10 in the evening": the part of the day settles the half
    rf"|(?P<h8>{phrases(HOUR_WORDS)}|\d{{1,2}})\s+in\s+the\s+(?P<part8>morning|afternoon|evening){E}"
    # "at six this morning", "at ten tonight": the day's part that follows settles the half (and is read as the day)
    rf"|(?P<h10>{phrases(HOUR_WORDS)}|\d{{1,2}})(?=\s+(?:(?:this|yesterday|tomorrow)\s+(?P<part10>morning|afternoon|evening|night)"
    rf"|(?P<night10>tonight|last\s+night)){E})"
    # "from 22 hours of Monday", "at 18 hours on Sunday, Luanda time": agencies translating "22 horas", "18 heures";
    # only after "at" or "from" and before a day or a zone ("lasted 22 hours on Monday" counts a duration)
    rf"|(?:(?<=\bat\s)|(?<=\bfrom\s))(?P<h11>[01]?\d|2[0-3])\s+hours(?=\s+(?:of|on)\s+(?:(?:this|next|last)\s+)?"
    rf"(?:{WEEKDAY}|today|tomorrow|yesterday|\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d){E}|\s*,\s+(?:{ZONE}){E}))"
)
# Every branch of CLOCK opens with a digit, an hour word, a named time or "a"/"an" ("a minute before midnight"):
# that first letter is tested once at each word start before the branches are tried one by one (a quarter less
# time over a sentence). A new kind of opening added to CLOCK must be added here too.
CLOCK_OPENS = "(?=[\\d" + "".join(re.escape(first) for first in sorted(
    {word[0] for word in [*HOUR_WORDS, *NAMED_TIMES, "a"]} - set("0123456789"))) + "])"
# the bracketed equivalent: "(0800 GMT)", "(16:00 GMT)", "(10am BST)", "(midnight UK time)", "[16:00 GMT]"
UTC_CLOCK = (
    rf"(?:(?P<ph>\d{{1,2}})(?::|\.)?(?P<pm>[0-5]\d)?\s*(?P<pap>{AMPM})?|(?P<pnamed>{phrases(NAMED_TIMES)}))"
    rf"\s*(?P<pzone>{phrases(ZONE_NAMES)}){E}"
)
# "12:00 GMT (15:00 local time) on 3 April": the local reading in brackets adds nothing, the day after it still counts
LOCAL_EQUIVALENT = (
    rf"\s*[(\[]\s*(?:\d{{1,2}}(?:[:.]?[0-5]\d)?\s*(?:{AMPM})?|{phrases(NAMED_TIMES)})\s*(?:{phrases(LOCAL_WORDS)}){E}"
    r"\s*[)\]]"
)
# "6am Khartoum time (8am UAE) yesterday": the same moment on another place's clock adds nothing either
OTHER_PLACE_EQUIVALENT = (
    rf"\s*[(\[]\s*\d{{1,2}}(?:[:.]?[0-5]\d)?\s*(?:{AMPM})?\s+(?-i:[A-Z])[\w.’'-]+(?:\s+(?-i:[A-Z])[\w.’'-]+)?"
    r"(?:\s+time)?\s*[)\]]"
)
# what joins a range's start to its end: "from 10:00 to 21:00", "0600-1800"
RANGE_TO = LazyPattern(r"\s*(?:to|until|till|through|-|–|—)\s*", re.IGNORECASE)
# "GMT+3", "UTC-05:00": a zone written as its offset
OFFSET = r"(?:GMT|UTC)\s*(?P<sign>[+−-])\s*(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?(?![\d])"
TIME = LazyPattern(  # compiled when an article about a truce is read: the largest of the engine's patterns
    rf"{B}{CLOCK_OPENS}{CLOCK}(?:\s*\(?(?P<offset>{OFFSET})\)?|(?:\s+(?:by\s+)?|\s*,\s+(?=(?:{phrases(ZONE_NAMES)}|local\s+time){E}))(?P<zone>{ZONE})|\s*\(\s*(?P<zone3>{ZONE})\s*\))?"
    rf"(?:\s*,?\s+(?:on\s+)?(?P<day0>{DAY})(?=\s*[(\[]|,\s*(?:that|which)\s+is\s))?"
    # the equivalent in brackets, or after "that is" / "which is": "seven o'clock local time, which is 1700 GMT"
    rf"(?:\s*(?:(?P<pbracket>[(\[])|,\s*(?:that|which)\s+is\s+)\s*{UTC_CLOCK}(?:\s*,?\s*(?:on\s+)?(?P<pday>{DAY}))?"
    rf"(?(pbracket)\s*[)\]]))?"
    rf"(?:{LOCAL_EQUIVALENT}|{OTHER_PLACE_EQUIVALENT})?"
    rf"(?:\s*,?\s+(?:(?:on|of)\s+)?(?P<day>{DAY})(?:\s*,?\s+(?:by\s+)?(?P<zone2>{ZONE}))?)?",
    re.IGNORECASE,
)
# Every branch of DAY opens with a digit, "the", a word before a weekday, a weekday, a month or a relative day: that
# first letter is tested once at each word start before the branches are tried (a fifth less time in the search for
# a day in a sentence). A new kind of opening added to DAY must be added here too.
DAY_OPENS = "(?=[\\d" + "".join(sorted({word[0] for word in [
    "the", "this", "last", "next", "early", "late", "on", "night", "between", *WEEKDAYS, *MONTHS, *RELATIVE_DAYS,
    *FIXED_DAYS]}
    - set("0123456789"))) + "])"
DAY_ALONE = LazyPattern(rf"{B}{DAY_OPENS}(?P<day>{DAY})", re.IGNORECASE)
YEAR = pattern_cache.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def hour_and_minute(match: re.Match) -> tuple[int, int, str, bool] | None:
    """(hour 0-23, minute, precision, whether the half of the day is certain)."""
    groups = match.groupdict()
    if groups["named"]:
        hour, minute = NAMED_TIMES[groups["named"].lower()]
        return hour, minute, "minute", True
    if groups["h9"]:  # "one minute before noon": 11:59; from midnight, see minutes_from_named
        named, shift = minutes_from_named(match)
        hour, minute = NAMED_TIMES[named]
        total = (hour * 60 + minute + shift) % (24 * 60)
        return total // 60, total % 60, "minute", True
    for hour_key, minute_key, ampm_key in (("h1", "m1", "ap1"), ("h2", "m2", "ap2"), ("h3", None, "ap3"),
                                           ("h4", "m4", None), ("h7", None, "ap7"), ("h6", None, None),
                                           ("h8", None, None), ("h10", None, None), ("h11", None, None)):
        if groups.get(hour_key):
            raw = groups[hour_key].lower()
            hour = int(raw) if raw.isdigit() else HOUR_WORDS[raw]
            minute = int(groups[minute_key]) if minute_key and groups.get(minute_key) else 0
            ampm = groups.get(ampm_key) if ampm_key else None
            if hour_key == "h6" and groups.get("part"):
                ampm = "am" if groups["part"].lower() == "morning" else "pm"
            if hour_key == "h8":
                ampm = "am" if groups["part8"].lower() == "morning" else "pm"
            if hour_key == "h10":
                part = (groups["part10"] or "night").lower()
                if hour == 12 or part == "night" and hour < 6:
                    return None  # "twelve tonight", "two tonight": which midnight or which night is not said
                ampm = "am" if part == "morning" else "pm"
            if ampm is None and hour_key in ("h1", "h2") and 1 <= hour <= 11:
                ampm = _half_from_day_part(groups.get("day") or groups.get("day0") or "", hour)
            hour = twenty_four(hour, ampm)
            if hour is None or minute > 59:
                return None
            precision = "minute" if minute_key and groups.get(minute_key) else "hour"
            certain = hour_key != "h6" or bool(ampm)  # a bare "eight o'clock" could be either half
            return hour, minute, precision, certain
    return None


def _half_from_day_part(day: str, hour: int) -> str | None:
    """ "2:30 this afternoon", "7:30 tonight": the part of the day written after a clock with no a.m. or p.m.
    settles its half (a small hour "tonight" stays as written: "1:30 tonight" may be after midnight)."""
    words = normal(day).split()
    if "afternoon" in words or "evening" in words or (("tonight" in words or "night" in words) and hour >= 6):
        return "pm"
    return None


def minutes_from_named(match: re.Match) -> tuple[str, int] | None:
    """("midnight", -1) for "one minute before midnight": the named time and the minutes counted from it."""
    if not match.group("h9"):
        return None
    raw = match.group("h9").lower()
    count = int(raw) if raw.isdigit() else HOUR_WORDS.get(raw, 1)  # "a minute", "an"
    return normal(match.group("named9")), MINUTE_OFFSETS[match.group("dir9").lower()] * count


def twenty_four(hour: int, ampm: str | None) -> int | None:
    if ampm is None:
        return hour if 0 <= hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    pm = ampm.lower().startswith("p")
    return (hour % 12) + (12 if pm else 0)
