"""Which day a clock falls on, and why.

In order:
1. a day written with the clock ("at 6 a.m. on Friday", "midnight Saturday",
   "zero hour of the 30th"), or just before it ("on Thursday at 6am");
2. a day named earlier in the sentence, unless it dates an announcement and the
   start is still to come ("announced the deal on Monday, saying the fighting
   would end at 4 a.m.") and the clock does not point back to it ("told reporters
   on Monday evening that the guns would fall silent at midnight that night");
3. unless the start is still to come, the day the story names elsewhere for the
   same start: the sentence before, when this one refers back to it ("Commanders
   agreed on Friday to a local truce. It began at 6 p.m.") or carries on from it
   ("then held fire from 3 p.m."; a past start right after a sentence that dates
   the truce by one day), else the day of the start read before ("began at 4:30pm
   on Saturday ... from 1700 hours IST");
4. else the publication date.
Midnight belongs to the day that is ending, as news writes it: "midnight
Saturday" and "Tuesday midnight" are 00:00 as the next day begins. A midnight
the verb puts behind us that would fall after publication is the one just past
("took effect at midnight" in a story dated that day); one still to come with no
day named is the coming one, seen from the statement when a day names it ("announced on Monday evening
that a truce would start at midnight": the midnight ending Monday). A bracketed UTC reading, "(2200 GMT)", pins the
moment, and so the day (see utc_equivalent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from .. import lexicons
from ..regexes import LazyPattern, opening
from . import calendar, clock
from .clock import E as _E, phrases as _phrases

_PHRASES = lexicons.table("ceasefire_phrases")
_FUTURE = LazyPattern(
    rf"(?<![\w']){opening(_PHRASES['future_markers'])}(?:{_phrases(_PHRASES['future_markers'])}){_E}"
    # "a truce to begin at 2 a.m." looks ahead; "was to take effect" and "was due to" report a past plan
    rf"|(?<!\w){opening(_PHRASES['future_infinitives'])}(?:{_phrases(_PHRASES['future_infinitives'])}){_E}",
    re.IGNORECASE,
)
# "was to take effect", "was due to begin", "was meant to take effect": a past plan, not a look ahead
_PAST_PLAN = LazyPattern(r"\b(?:(?:was|were)\s+(?:\w+\s+)?|due\s+)$", re.IGNORECASE)
_PAST = LazyPattern(rf"{clock.B}{opening(_PHRASES['past_markers'])}(?:{_phrases(_PHRASES['past_markers'])}){_E}",
                    re.IGNORECASE)
_TRUCE_OVER = LazyPattern(rf"{clock.B}{opening(_PHRASES['truce_over'])}(?:{_phrases(_PHRASES['truce_over'])}){_E}",
                          re.IGNORECASE)
_REPORTED_FUTURE = frozenset(clock.normal(words) for words in _PHRASES["reported_future_markers"])
_PAST_CUE = LazyPattern(rf"{clock.B}(?:{_phrases(_PHRASES['past_cues'])})\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_ZERO_HOUR = frozenset(clock.WORDS["zero_hours"])
_NEXT_DAY = LazyPattern(rf"\s*,?\s*(?:{_phrases(clock.WORDS['next_day_words'])}){_E}", re.IGNORECASE)
# "was supposed to take hold at noon the following Saturday": the first such weekday after the day named before
_FOLLOWING_WEEKDAY = LazyPattern(
    rf"\s*,?\s*(?:on\s+)?the\s+(?:following|next)\s+(?P<weekday>{_phrases(list(clock.WEEKDAYS))}){_E}", re.IGNORECASE)
_SAME_DAY = LazyPattern(rf"\s*,?\s*(?:{_phrases(clock.WORDS['same_day_words'])}){_E}", re.IGNORECASE)
# "..., agreed in Lomé last Tuesday, took effect at": a day that closes an aside before the verb of starting
_VERB_AFTER_ASIDE = LazyPattern(
    rf"\s*,\s+(?!which\b|that\b)(?:\w+\s+){{0,2}}?(?:{_phrases(_PHRASES['start_verbs'])}){_E}", re.IGNORECASE)
_START_VERB_RIGHT_AFTER = LazyPattern(rf"\s+(?:{_phrases(_PHRASES['start_verbs'])}){_E}", re.IGNORECASE)
_PARTICIPLE_BEFORE_DAY = LazyPattern(
    r"\b(?:agreed|signed|reached|brokered|negotiated|concluded|arranged|announced|declared)\s+(?:by|in|at|on)\b"
    r"(?:\s+[\w'’.-]+){0,9}?\s+(?:on\s+)?$", re.IGNORECASE)
# a past verb, then at most a few words ("by telephone"), then the day: "bargained with the gunmen by telephone on"
_PAST_DATED = LazyPattern(
    rf"(?:\b[a-z]+ed|{clock.B}(?:{_phrases(clock.WORDS['past_verbs'])}))(?:\s+[\w'’-]+){{0,5}}?\s+(?:on\s+)?$",
    re.IGNORECASE)
_PAST_VERB = LazyPattern(rf"(?:\b[a-z]+ed|{clock.B}(?:{_phrases(clock.WORDS['past_verbs'])})){_E}")
_STATEMENT_HOURS: dict[str, int] = clock.WORDS["statement_hours"]
# "said Monday that", "announced on Tuesday it": the day a statement was made, right after its verb
_SPEECH_VERB = LazyPattern(rf"{clock.B}(?:{_phrases(lexicons.words('speech_verbs'))}){_E}", re.IGNORECASE)
# "After talks in Donetsk on": the day dates an event the statement followed
_AFTER_EVENT = LazyPattern(r"\b(?:after|following)\s+(?:[\w'’-]+\s+){1,6}?(?:on\s+)?$", re.IGNORECASE)
# "starting on Sunday, 1 September", "beginning Monday": a start's day written after its clock
_STARTING_ON = LazyPattern(rf"{clock.B}(?:starting|beginning|from)\s+(?:on\s+)?(?P<day>{clock.DAY})", re.IGNORECASE)
_OPENS_A_SENTENCE = LazyPattern(r"(?:^|[.!?][\"”’]?\s+)(?:(?:late|early)\s+)?(?:on\s+)?$",
                                re.IGNORECASE | re.MULTILINE)
_FRONTED_DAY = LazyPattern(r"\W*(?:(?:late|early)\s+)?(?:on\s+)?", re.IGNORECASE)
_THAT_FOLLOWS = LazyPattern(r"\s*,?\s+that\b", re.IGNORECASE)
_SAID_ON = LazyPattern(rf"{clock.B}(?:{_phrases(lexicons.words('speech_verbs'))})\s+(?:on\s+)?$", re.IGNORECASE)
# "On Tuesday, after talks at MONUC headquarters, a presidency spokesman announced that ...": a day opening the
# sentence dates the statement its verb makes later
_SPEECH_VERB = LazyPattern(rf"{clock.B}(?:{_phrases(lexicons.words('speech_verbs'))}){clock.E}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DayChoice:
    day: date | None
    named: bool      # the article named the day; False when it is the publication date by default
    reason: str
    words: str = ""  # the day phrase read, when the article named one


def told_in_the_past(text: str, start: int, position: int) -> bool:
    """Whether a verb in the past ("brokered", "took") comes between `start` and the clock at `position`."""
    return _PAST_VERB.search(text, start, position) is not None


def tense(text: str, sentence_start: int, sentence_end: int, position: int) -> str | None:
    """"future" when the words before a time look ahead, "past" when the sentence says the start
    is behind us ("took effect", "was due to", a truce "to begin" that "did not survive"), else None: the
    nearest such day is meant."""
    window_start = max(sentence_start, position - 120)
    ahead = [found for found in _FUTURE.finditer(text, window_start, position)
             if not (found.group().lower().startswith("to ") and _PAST_PLAN.search(text, window_start, found.start()))]
    if ahead and all(found.group().lower().startswith("to ") for found in ahead) \
            and _TRUCE_OVER.search(text, position, sentence_end):
        # "An earlier truce, announced by Tripoli radio to begin at 1800 on Sunday, did not survive the night": the
        # sentence says the truce is behind us, so the start it was announced for is past
        return "past"
    if ahead:
        return "future"
    if _PAST.search(text, sentence_start, sentence_end):
        return "past"
    return None


def day_tense(text: str, sentence_start: int, position: int, verb_tense: str | None,
             sentence_end: int | None = None) -> str | None:
    """The tense a day phrase by this clock is read with: "past" right after "since" ("held their fire
    since 6 p.m. on Sunday"); "reported" when the only look ahead is a future seen from a statement already
    made ("said the militia would stop firing on Tuesday"), unless the sentence then says the truce is already over;
    else the verb's."""
    if _PAST_CUE.search(text, max(sentence_start, position - 20), position):
        return "past"
    if verb_tense == "future":
        ahead = [clock.normal(found.group()) for found in _FUTURE.finditer(text, max(sentence_start, position - 120),
                                                                            position)]
        if ahead and all(words in _REPORTED_FUTURE for words in ahead):
            # "the truce, which the sides promised would silence the guns from midnight on Wednesday, had all but
            # vanished by yesterday": the sentence says the truce is behind us, so its promised start is past
            if sentence_end is not None and _TRUCE_OVER.search(text, position, sentence_end):
                return "past"
            return "reported"
    return verb_tense


# a report verb in the present tense: the document speaks on the day of the story
_SPEAKS_NOW = LazyPattern(r"\b(?:says|say|states|reads|adds|insists|claims)\b", re.IGNORECASE)


def _quoted_relative_day(text: str, published: date | None, match: re.Match, sentence_start: int,
                         written: str | None) -> tuple[date, str] | None:
    """ "The joint statement ... said the suspension would begin 'from six o'clock this evening'" in a story dated
    the next day, whose lede says the groups announced it on Sunday: "this evening", "tonight", "today" inside a
    quotation count from the day the words were said, when the sentence names that day or, for a statement issued in
    writing, the story's lede does; not from the day of publication."""
    if published is None or not written or clock.normal(written) not in clock.RELATIVE_DAYS:
        return None
    if not inside_quotation(text, sentence_start, match.start()):
        return None
    said_on, why = statement_day(text, published, sentence_start, match.start(), fallback=False)
    if said_on is None:
        if not _ISSUED_DOCUMENT.search(text, sentence_start, match.start()):
            return None  # "the spokesman told reporters that the halt 'began at six o'clock yesterday'": said today
        if _SPEAKS_NOW.search(text, sentence_start, match.start()):
            return None  # "A communique from the palace says forces 'ceased fire at six p.m. yesterday'": it speaks today
        found = _LEDE_SAID_ON.search(text, 0, sentence_start)
        if found is None and _document_speaks(text, sentence_start, match.start()):
            found = _LEDE_PAST_DAY.search(text, 0, min(sentence_start, _LEDE_REACH))
        if found is None:
            return None
        words = next(day for day in found.groups() if day)
        said_on = calendar.parse_day(words, published, "past", "")
        why = f"the day the story gives the announcement, {words.strip()!r}"
    if said_on is None or said_on == published:
        return None
    return said_on, f"{why} ({said_on.isoformat()})"


def _document_speaks(text: str, sentence_start: int, position: int) -> bool:
    """ "A joint communique said ...": the text issued is what speaks, the subject of the sentence's first verb of
    saying; not in "Pakiri said the order went out ... and applied 'from midnight last night'", where a person
    speaks of it."""
    document = _ISSUED_DOCUMENT.search(text, sentence_start, position)
    said = _SPEECH_VERB.search(text, sentence_start, position)
    return document is not None and (said is None or said.start() > document.start())


def inside_quotation(text: str, start: int, position: int) -> bool:
    """Whether an opening quotation mark before `position` in the sentence is still open there."""
    before = text[start:position]
    curly_open, curly_close = before.count("“"), before.count("”")
    return curly_open > curly_close or (curly_open == 0 and before.count('"') % 2 == 1)


def statement_day(text: str, published: date | None, sentence_start: int, position: int,
                  fallback: bool = True) -> tuple[date | None, str]:
    """The day a statement reported with "would" was made: the day its verb names before the clock
    ("said Monday that it would observe a truce from 6 p.m. Friday"), else the day before publication, when
    a news story's statements are usually made."""
    if published is None:
        return None, ""
    named_days = list(clock.DAY_ALONE.finditer(text, sentence_start, position))
    for found in reversed(named_days):
        if _SAID_ON.search(text, max(sentence_start, found.start() - 30), found.start()) or (
                # "said in a statement carried by the Firat news agency on Saturday that ...": the day that
                # closes the reporting clause, right before its "that"
                _THAT_FOLLOWS.match(text, found.end())
                and _SPEECH_VERB.search(text, max(sentence_start, found.start() - 120), found.start())) or (
                # "In a statement on Monday evening, the group said", "A communique read on state radio at 5 p.m.
                # Saturday said": a day inside the words naming the statement, before the verb that reports it
                _STATEMENT_NAMED_BEFORE.search(text, max(sentence_start, found.start() - 60), found.start())
                and _SPEECH_VERB.search(text, found.end(), position)):
            day = calendar.parse_day(found.group("day"), published, "past", "")
            if day is not None:
                return day, f"the statement's day {found.group('day').strip()!r}"
    for found in reversed(named_days):
        # "On Saturday, according to officials, the ELN sent word that it would observe a pause from 6 pm on
        # Sunday": a day that opens the sentence dates what the sentence reports
        if _RELATIVE_CLAUSE_OPEN.search(text, sentence_start, found.start()):
            continue  # "The Viet Cong, who first proposed a truce on Dec. 7, said they would ...": the day of the aside
        if _FRONTED_DAY.fullmatch(text, sentence_start, found.start()) or _SPEECH_VERB.search(text, found.end(), position) and (
                _AFTER_EVENT.search(text, max(sentence_start, found.start() - 60), found.start())
                or _PAST_DATED.search(text, max(sentence_start, found.start() - 60), found.start())):
            # "After talks in Donetsk on Monday ..., the prime minister said his fighters would hold fire from 00:00
            # on Tuesday": a past day named before the verb of saying; the statement came that day or after
            day = calendar.parse_day(found.group("day"), published, "past", "")
            if day is not None:
                return day, f"the day {found.group('day').strip()!r} named before the statement"
    # "The accord was signed on Monday afternoon. In a statement, the community said the ceasefire would apply from
    # midnight on Monday": the statement belongs to the event the sentence before dated with a past verb
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    for found in reversed(list(clock.DAY_ALONE.finditer(text, paragraph_start, sentence_start))):
        # ("On Sunday, Jimmy Cherizier ... said in a video ... He said the truce would hold from 6 a.m. Monday": a day
        # that opens a sentence before, in the same paragraph, dates that sentence's statement)
        if _PAST_DATED.search(text, max(paragraph_start, found.start() - 60), found.start()) \
                or _OPENS_A_SENTENCE.search(text, paragraph_start, found.start()):
            day = calendar.parse_day(found.group("day"), published, "past", "")
            if day is not None:
                return day, f"the day of the event just before it, {found.group('day').strip()!r}"
    if not fallback:
        return None, ""
    return published - timedelta(days=1), "the day before publication, the usual day of a reported statement"


# a relative clause opened after a comma and not yet closed: "The Viet Cong, who first proposed a holiday truce on"
_RELATIVE_CLAUSE_OPEN = LazyPattern(r",\s+(?:who|which|whose)\b[^,;:()]*$")
# "in a statement on", "a communique read on state radio at 5 p.m.", "in a commentary broadcast": the noun of a
# statement, then at most a few words of the same clause (no comma), right before a day
_STATEMENT_NAMED_BEFORE = LazyPattern(
    r"\b(?:statement|communiqu[eé]|commentary|broadcast|address|message|bulletin|declaration|announcement|"
    r"interview|briefing|speech)s?(?:\s+[\w'’.-]+){0,8}?\s+$", re.IGNORECASE)
# "The joint statement of the two groups ... said": words issued in writing, dated by the story's announcement
_ISSUED_DOCUMENT = LazyPattern(r"\b(?:statement|declaration|communiqu[eé]|announcement|decree|order|text|"
                               r"letter|message|bulletin)s?\b", re.IGNORECASE)
# "Hamas and Islamic Jihad on Sunday announced", "the army said on Friday": the day a story's statement was made,
# next to its verb (the first such in the story: its lede)
_LEDE_SAID_ON = LazyPattern(
    rf"\bon\s+(?P<day1>{clock.WEEKDAY})\s+(?:{_phrases(lexicons.words('speech_verbs'))}){_E}"
    rf"|{clock.B}(?:{_phrases(lexicons.words('speech_verbs'))})\s+on\s+(?P<day2>{clock.WEEKDAY}){_E}",
    re.IGNORECASE)
# else the day the story's opening gives its news, after a verb in the past: "signed a ceasefire at State House,
# Nairobi, yesterday", "took effect at midnight (2100 GMT) on Saturday"
_LEDE_PAST_DAY = LazyPattern(
    rf"\b(?:[a-z]+ed|{_phrases(clock.WORDS['past_verbs'])})\b[^.!?\n]{{0,80}}?\b"
    rf"(?P<day3>{clock.WEEKDAY}|yesterday|last\s+night){_E}", re.IGNORECASE)
_LEDE_REACH = 1200  # the opening of a story: its headline, byline and first paragraph or two


_ASIDE_MARKS = {"(": ")", "\u2014": "\u2014", "\u2013": "\u2013", "--": "--"}
_ASIDE_OPENING = LazyPattern(r"\(|\s(?:\u2014|\u2013|--)\s")


def _in_closed_aside(text: str, day: re.Match, sentence_start: int, clock_start: int) -> bool:
    """Whether the day stands in an aside (brackets or a pair of dashes) that closes before the clock.

    "from 5 a.m. yesterday — 5:30 a.m. in Caracas, which since Dec. 9 has run half an hour ahead — and the air force
    halted its flights from 7:30 a.m.": the aside's day dates what the aside says, not the clock after it.
    """
    opened = None
    for mark in _ASIDE_OPENING.finditer(text, sentence_start, day.start()):
        opened = mark
    if opened is None:
        return False
    closing = _ASIDE_MARKS[opened.group().strip()]
    return text.find(closing, opened.end(), day.start()) == -1 and text.find(closing, day.end(), clock_start) != -1


def day_for(text: str, published: date | None, match: re.Match, sentence_start: int, sentence_end: int,
            story_day: tuple[str, date] | None = None, previous_day: tuple[str, date] | None = None,
            carried: tuple[str, date, str] | None = None, lede_day: tuple[str, date] | None = None) -> DayChoice:
    """The local day of a clock, with the reason it was chosen."""
    verb_tense = tense(text, sentence_start, sentence_end, match.start())
    read_as = day_tense(text, sentence_start, match.start(), verb_tense, sentence_end)
    # the clock itself ("from 1900 local time") is no year
    written = match.group("day") or match.group("day0")
    # (the day written with it stays, in its place: "December 29 last year" counts its year right after it)
    around = text[sentence_start:match.start()] + f" {written or ''} " + text[match.end():sentence_end]
    earlier_text = calendar.earlier_in_paragraph(text, sentence_start)
    quoted_from = _quoted_relative_day(text, published, match, sentence_start, written)
    if quoted_from is not None:
        said_on, why = quoted_from
        day = calendar.parse_day(written, said_on, read_as, around, earlier_text)
        if day is not None:
            return DayChoice(day, True, f"day {_iso(day)}: {written.strip()!r} in the quoted words counts from the "
                                        f"day they were said, {why}", written.strip())
    if written and read_as == "reported":
        said_on, why = statement_day(text, published, sentence_start, match.start())
        day = calendar.parse_day(written, said_on, "future", around, earlier_text) if said_on else None
        if day is not None and calendar.weekday_named(written):
            return DayChoice(day, True, f"day {_iso(day)}: {written.strip()!r} written with the clock (a future "
                                        f"reported from a statement: the first such day from {why}, {said_on.isoformat()})",
                             written.strip())
        read_as = "future"
    same_day = _same_weekday_dated_before(text, published, sentence_start, match, written, around, earlier_text) \
        if written else None
    if same_day is not None:
        return same_day
    if written:
        day = calendar.parse_day(written, published, read_as, around, earlier_text)
        looking_back = _retrospective_day(text, published, sentence_start, written, day)
        if looking_back is not None:
            return looking_back
        reading = clock.hour_and_minute(match)
        if day is not None and reading is not None and reading[0] < 12 and not is_midnight(match) \
                and calendar.names_a_night(written):
            # "at one minute past midnight on the night of Sunday to Monday": after the night's midnight, its second day
            day += timedelta(days=1)
            return DayChoice(day, True, f"day {_iso(day)}: {written.strip()!r} names a night, and "
                                        f"{match.group().split(' on ')[0].strip()!r} is after its midnight: its second "
                                        f"day", written.strip())
        return DayChoice(day, True, f"day {_iso(day)}: {written.strip()!r} written with the clock{_how(written, read_as)}",
                         written.strip())
    ranged = _range_end_day(text, match, sentence_end)
    if ranged is not None:
        # "from 10:00 to 21:00 on Sunday": the day written after the range's end dates its start too
        end, words = ranged
        day = calendar.parse_day(words, published, read_as, around, earlier_text)
        start_reading, end_reading = clock.hour_and_minute(match), clock.hour_and_minute(end)
        if day is not None and start_reading and end_reading and start_reading[:2] > end_reading[:2]:
            day -= timedelta(days=1)  # "from 22:00 to 06:00 on Friday": the evening before
            return DayChoice(day, True, f"day {_iso(day)}: {words.strip()!r} is written after the range's end, "
                                        f"{end.group().strip()!r}, in the morning after this evening's start",
                             words.strip())
        if day is not None:
            return DayChoice(day, True, f"day {_iso(day)}: {words.strip()!r} written after the range's end "
                                        f"{end.group().strip()!r} dates its start too{_how(words, read_as)}",
                             words.strip())
    reported = read_as == "reported"
    read_as = "future" if reported else read_as
    earlier = [day for day in clock.DAY_ALONE.finditer(text, sentence_start, match.start())
               if not _in_closed_aside(text, day, sentence_start, match.start())]
    starting_on = _STARTING_ON.search(text, match.end(), sentence_end) if not earlier and read_as == "future" else None
    if starting_on is not None and not any(
            not clock.RANGE_TO.fullmatch(text, match.end(), other.start())
            for other in clock.TIME.finditer(text, match.end(), starting_on.start())):  # (a range's end may stand between)
        # "the pauses will run from 6 a.m. to 3 p.m. local time ...: three days in central Gaza starting on Sunday,
        # 1 September": a clock still to come takes the day the sentence goes on to give the start
        words = starting_on.group("day")
        day = calendar.parse_day(words, published, "future", around, earlier_text)
        if day is not None:
            return DayChoice(day, True, f"day {_iso(day)}: the sentence goes on to give the start's day, "
                                        f"{starting_on.group().strip()!r}", words.strip())
    after = _range_end(text, match, sentence_end)  # "from 1400 to 1700 hours that afternoon": past the range's end
    next_day = _NEXT_DAY.match(text, after, sentence_end)
    if next_day and not earlier and previous_day is not None:
        # "... met local notables on Saturday 7 January. A truce would begin at 9am the following day"
        words, day = previous_day
        day += timedelta(days=1)
        return DayChoice(day, True, f"day {_iso(day)}: {next_day.group().strip()!r} after the clock counts on from "
                                    f"{words.strip()!r} in the sentence before", words.strip())
    same_day = _SAME_DAY.match(text, after, sentence_end)
    if same_day and not earlier and previous_day is not None:
        # "... set D-Day as 29 December 1996. The ceasefire will run from 00:00 hours on that day."
        words, day = previous_day
        return DayChoice(day, True, f"day {_iso(day)}: {same_day.group().strip()!r} after the clock points back to "
                                    f"{words.strip()!r} in the sentence before", words.strip())
    # "The truce, agreed in Lomé last Tuesday, took effect at midnight": the day dates the aside, not the start
    dates_an_aside = bool(earlier) and bool(
        _VERB_AFTER_ASIDE.match(text, earlier[-1].end(), match.start())
        # "the ceasefire agreed by the contact group in Minsk on Aug. 26 took effect at midnight": no commas, the
        # participle's day, then the verb of starting
        or _START_VERB_RIGHT_AFTER.match(text, earlier[-1].end(), match.start())
        and _PARTICIPLE_BEFORE_DAY.search(text, sentence_start, earlier[-1].start()))
    if earlier and reported and is_midnight(match) and not _FUTURE.search(text, sentence_start, earlier[-1].start()):
        # "announced on Monday evening, saying a truce would start at midnight": the first midnight after the
        # statement, the one that ends the day it was made
        words = earlier[-1].group("day")
        day = calendar.parse_day(words, published, "past", around, earlier_text)
        if day is not None:
            return DayChoice(day, True, f"day {_iso(day)}: a midnight in a statement made {words.strip()!r} is the "
                                        f"first after it", words.strip())
    if earlier and reported and not dates_an_aside and not _FUTURE.search(text, sentence_start, earlier[-1].start()):
        # "said on Tuesday night that a ceasefire would take effect at 10pm": the first such clock after the
        # statement, counted from the day (and part of the day) its verb names
        choice = _after_statement(text, published, sentence_start, sentence_end, earlier[-1], match, around,
                                  earlier_text)
        if choice is not None:
            return choice
    if earlier:
        attached = match.start() - earlier[-1].end() <= 25
        next_day = _NEXT_DAY.match(text, match.end(), sentence_end)
        # "who bargained with them by telephone on Sunday, ... from 1800 that evening": a past verb dates the day
        dated_tense = "past" if _PAST_DATED.search(text, max(sentence_start, earlier[-1].start() - 40),
                                                    earlier[-1].start()) else None
        following = _FOLLOWING_WEEKDAY.match(text, match.end(), sentence_end)
        if following:
            words = earlier[-1].group("day")
            named_day = calendar.parse_day(words, published, dated_tense, around, earlier_text)
            if named_day is not None:
                weekday = clock.WEEKDAYS[following.group("weekday").lower()]
                day = named_day + timedelta(days=(weekday - named_day.weekday() - 1) % 7 + 1)
                return DayChoice(day, True, f"day {_iso(day)}: {following.group().strip()!r} after the clock is the "
                                            f"first such day after {words.strip()!r} earlier in the sentence",
                                 words.strip())
        if next_day:  # "Under the accord of May 31, 1991, a ceasefire took effect at 1800 hours the following day"
            words = earlier[-1].group("day")
            day = calendar.parse_day(words, published, dated_tense, around, earlier_text)
            day = day + timedelta(days=1) if day else None
            return DayChoice(day, True, f"day {_iso(day)}: {next_day.group().strip()!r} after the clock counts on from "
                                        f"{words.strip()!r} earlier in the sentence", words.strip())
        same_day = _SAME_DAY.match(text, match.end(), sentence_end)
        if same_day:  # "told reporters on Monday evening that the guns would fall silent at midnight that night"
            words = earlier[-1].group("day")
            day = calendar.parse_day(words, published, dated_tense, around, earlier_text)
            return DayChoice(day, True, f"day {_iso(day)}: {same_day.group().strip()!r} after the clock points back "
                                        f"to {words.strip()!r} earlier in the sentence", words.strip())
        if (attached or verb_tense != "future") and not dates_an_aside:
            words = earlier[-1].group("day")
            day = calendar.parse_day(words, published, read_as, around, earlier_text)
            where = "just before the clock" if attached else "earlier in the sentence"
            announced = None if attached else _clock_of_day(text, sentence_start, earlier[-1], match)
            if day is not None and announced is not None:
                # "went on television at 10pm on Saturday to say ... a halt to fire from 2am": the start comes
                # after the hour it was announced, so an earlier hour is the next day's
                day += timedelta(days=1)
                return DayChoice(day, True, f"day {_iso(day)}: the day after {words.strip()!r}, since the start "
                                            f"comes after the {announced!r} it was announced at", words.strip())
            return DayChoice(day, True, f"day {_iso(day)}: {words.strip()!r} {where}{_how(words, read_as)}",
                             words.strip())
    if carried is not None and (verb_tense != "future" or reported and is_midnight(match)):
        # the day of the sentence right before, which this one carries on from (ceasefires.py says how)
        words, day, how = carried
        return DayChoice(day, True, f"day {day.isoformat()}: no day in this sentence; {how} "
                                    f"{words.strip()!r} in the sentence before", words.strip())
    if story_day is not None and verb_tense != "future" and (published is None or story_day[1] <= published):
        words, day = story_day
        return DayChoice(day, True, f"day {day.isoformat()}: no day in this sentence; the story names "
                                    f"{words.strip()!r} for the same start elsewhere", words.strip())
    if lede_day is not None and verb_tense != "future" and not clock.DAY_ALONE.search(text, sentence_start, sentence_end):
        words, day = lede_day
        return DayChoice(day, True, f"day {day.isoformat()}: no day in this sentence, and the start is not told as still "
                                    f"to come; the story's opening dates its news {words.strip()!r}", words.strip())
    if published is None:
        return DayChoice(None, False, "no day named and no publication date")
    return DayChoice(published, False, f"day {published.isoformat()}: no day named, the publication date")


def _range_end(text: str, match: re.Match, stop: int) -> int:
    """Where a range this clock opens ends ("1400 to 1700 hours"), or where the clock ends."""
    joined = clock.RANGE_TO.match(text, match.end(), stop)
    end = clock.TIME.match(text, joined.end(), stop) if joined else None
    return end.end() if end else match.end()


def _same_weekday_dated_before(text: str, published: date | None, sentence_start: int, match: re.Match,
                               written: str, around: str, earlier_text: str) -> DayChoice | None:
    """ "signed a framework agreement on Tuesday evening which includes a ceasefire to come into force at midnight
    on Tuesday": the weekday the sentence has already dated with a past verb is the same day, not the next one."""
    words = [w for w in clock.normal(written).replace(",", " ").split() if w != "on"]
    weekdays = [w for w in words if w in clock.WEEKDAYS]
    if len(weekdays) != 1 or len(words) != 1:
        return None  # only a bare weekday: "last Tuesday", "next Tuesday" name another
    for before in clock.DAY_ALONE.finditer(text, sentence_start, match.start()):
        words = clock.normal(before.group("day")).replace(",", " ").split()
        if weekdays[0] in words and _PAST_VERB.search(text, sentence_start, before.start()):
            day = calendar.parse_day(before.group("day"), published, "past", around, earlier_text)
            if day is not None:
                return DayChoice(day, True, f"day {_iso(day)}: {written.strip()!r} written with the clock is the "
                                            f"{before.group().strip()!r} the sentence dates earlier with a past verb",
                                 written.strip())
    return None


def _retrospective_day(text: str, published: date | None, sentence_start: int, written: str,
                       day: date | None) -> DayChoice | None:
    """ "Sixty years on: how the 1965 war ended" ... "a ceasefire took effect there at 0600 hours IST on July 1": a
    month and day written without a year, in a retrospective whose headline names its year (and whose text has
    dated a day of it in full), fall in that year, not near publication; a weekday written with them must agree."""
    words = clock.normal(written).replace(",", " ").replace(".", " ").split()
    weekday = next((clock.WEEKDAYS[w] for w in words if w in clock.WEEKDAYS), None)
    # (a weekday written with the date has already moved it to a recent year when it was that weekday)
    if published is None or day is None or weekday is None and abs(day.year - published.year) > 1:
        return None
    if not any(w in clock.MONTHS and w not in clock.WEEKDAYS for w in words) or calendar.YEAR.search(written):
        return None
    year = calendar.retrospective_year(text, published, sentence_start)
    if year is None:
        return None
    try:
        recalled = day.replace(year=year)
    except ValueError:
        return None
    if weekday is not None and recalled.weekday() != weekday:
        return None
    return DayChoice(recalled, True, f"day {recalled.isoformat()}: {written.strip()!r} written with the clock, in a "
                                     f"retrospective whose headline and dates are of {year}", written.strip())


def _range_end_day(text: str, match: re.Match, sentence_end: int) -> tuple[re.Match, str] | None:
    """The end of a range that starts at this clock, and the day written with it: "from 10:00 to 21:00 on Sunday"."""
    joined = clock.RANGE_TO.match(text, match.end(), sentence_end)
    if not joined:
        return None
    end = clock.TIME.match(text, joined.end(), sentence_end)
    if end is None or not end.group("day") or clock.hour_and_minute(end) is None:
        return None
    return end, end.group("day")


def _after_statement(text: str, published: date | None, sentence_start: int, sentence_end: int, day: re.Match,
                     match: re.Match, around: str, earlier_text: str) -> DayChoice | None:
    """The day of a clock still to come that a statement of a named day announced: that day when the clock is
    later than the hour such a statement is taken to be made at (see time_words.json), else the day after."""
    opens_the_sentence = not text[sentence_start:day.start()].strip() and text[day.end():day.end() + 1] == "," \
        and _SPEECH_VERB.search(text, day.end(), match.start())
    if not _SAID_ON.search(text, max(sentence_start, day.start() - 30), day.start()) and not opens_the_sentence:
        return None
    if clock.DAY_ALONE.search(text, match.end(), sentence_end):
        return None  # "said on Monday that the pause would run from 09:00, beginning on Tuesday": that day
    reading = clock.hour_and_minute(match)
    words = day.group("day")
    said_on = calendar.parse_day(words, published, "past", around, earlier_text)
    if said_on is None or reading is None or not reading[3]:
        return None
    part = next((part for part in _STATEMENT_HOURS if part and part in clock.normal(words).split()), "")
    if reading[:2] >= (_STATEMENT_HOURS[part], 0):
        return DayChoice(said_on, True, f"day {_iso(said_on)}: a start still to come, announced {words.strip()!r}: "
                                        f"the first such clock after the statement is that day's", words.strip())
    day_after = said_on + timedelta(days=1)
    return DayChoice(day_after, True, f"day {_iso(day_after)}: a start still to come, announced {words.strip()!r}: "
                                      f"that clock is earlier in the day than the statement, so the next day's",
                     words.strip())


def _clock_of_day(text: str, sentence_start: int, day: re.Match, match: re.Match) -> str | None:
    """The clock written with an earlier day of the sentence ("at 10pm on Saturday"), when it is later in the
    day than this clock: the hour the start was announced at."""
    for other in clock.TIME.finditer(text, sentence_start, match.start()):
        if other.start() < day.start() < other.end() and other.end() >= day.end():
            earlier_reading, reading = clock.hour_and_minute(other), clock.hour_and_minute(match)
            if earlier_reading and reading and earlier_reading[3] and earlier_reading[:2] > reading[:2]:
                return other.group().strip()
    return None


def is_midnight(match: re.Match) -> bool:
    """Whether the clock is a plain midnight (not "zero hour", which begins its day)."""
    reading = clock.hour_and_minute(match)
    return bool(match.group("named")) and reading is not None and reading[:2] == (0, 0) and (
        clock.normal(match.group("named")) not in _ZERO_HOUR)


def midnight(choice: DayChoice, match: re.Match, published: date | None, verb_tense: str | None) -> tuple[date, str]:
    """The calendar day whose 00:00 a "midnight" is, with the reason (news style: the day that is ending)."""
    day = choice.day
    words = clock.normal(match.group("named") or "")
    if words in _ZERO_HOUR:
        return day, f"{words!r} is 00:00 as {day.isoformat()} begins"
    if clock.normal(match.group("day") or "") in clock.NIGHT_DAYS:
        return day + timedelta(days=1), f"midnight {match.group('day').strip()!r} ends {day.isoformat()}"
    night_past = next((w for w in (match.group("day"), choice.words) if w and clock.normal(w) in clock.NIGHT_PAST_DAYS),
                      None)
    if night_past is not None:
        return day, f"midnight {night_past.strip()!r}: the night just past, 00:00 as {day.isoformat()} began"
    if not choice.named:
        if verb_tense == "past":
            return day, "midnight reported as past in a story of that day: the midnight just past"
        return day + timedelta(days=1), f"midnight still to come: the one that ends {day.isoformat()}"
    ending = day + timedelta(days=1)
    if verb_tense == "past" and published is not None and ending > published:
        return day, (f"midnight reported as past: 00:00 as {day.isoformat()} began, since the one ending it "
                     f"comes after publication")
    return ending, f"midnight belongs to the day that is ending: 00:00 on {ending.isoformat()}"


def utc_equivalent(match: re.Match, local: datetime, published: date | None, verb_tense: str | None,
                   sentence_text: str) -> tuple[datetime, str]:
    """The bracketed reading in its own zone ("(2200 GMT)"), on the day it names, else the one nearest
    the local moment: it pins the moment, and so the day."""
    from .zones import named  # zones imports this package's clock too; kept local to one direction

    found = named(match.group("pzone"))
    zone: tzinfo = found[0] if found else ZoneInfo("UTC")
    if match.group("pnamed"):
        hour, minute = clock.NAMED_TIMES[match.group("pnamed").lower()]
    else:
        hour = int(match.group("ph"))
        minute = int(match.group("pm") or 0)
        hour = clock.twenty_four(hour, match.group("pap")) if match.group("pap") else hour
    if hour is None or hour > 23:
        return local, "the bracketed reading is no clock time: kept the local one"
    written = match.group("pday")
    if written and calendar.weekday_named(written):
        # "2 a.m. on Friday, May 21 (2300 GMT Thursday)": the bracket's weekday is the one nearest the local day
        weekday = next(clock.WEEKDAYS[w] for w in clock.normal(written).replace(",", " ").split()
                       if w in clock.WEEKDAYS)
        shift = (weekday - local.date().weekday() + 3) % 7 - 3
        day = local.date() + timedelta(days=shift)
        moment = datetime.combine(day, time(hour, minute), tzinfo=zone)
        return moment, (f"the {_bracket(match)} names its own day, the {written.strip()} nearest the local "
                        f"day: {day.isoformat()}, and pins the moment")
    if written:
        day = calendar.parse_day(written, published, verb_tense, sentence_text)
        if day:
            moment = datetime.combine(day, time(hour, minute), tzinfo=zone)
            return moment, f"the {_bracket(match)} names its own day {day.isoformat()}, and pins the moment"
    anchor = local.astimezone(zone)
    candidates = [datetime.combine(anchor.date() + timedelta(days=shift), time(hour, minute), tzinfo=zone)
                  for shift in (-1, 0, 1)]
    moment = min(candidates, key=lambda candidate: abs(candidate - anchor))
    return moment, f"the {_bracket(match)} pins the moment: {moment.strftime('%Y-%m-%d %H:%M')} {_zone(zone)}"


def _how(words: str, verb_tense: str | None) -> str:
    """Why a weekday went back or ahead: the verb's tense, or the nearer one."""
    said = clock.normal(words).replace(",", " ").split()
    if not any(w in clock.WEEKDAYS for w in said):
        return ""
    if "week" in said:
        return " (in the week the words name)"
    if said[0] == "the" and said[1] in clock.WEEKDAYS:
        return " (of the week the text narrates, when it gave a date before)"
    if not calendar.weekday_named(words):
        return " (the day of the month falls on that weekday)"
    return {"future": " (the coming one: the start is still to come)",
            "past": " (looking back: the start is reported as past)"}.get(verb_tense, " (the nearer one)")


def _bracket(match: re.Match) -> str:
    """How the equivalent reading was written: "bracketed '2200 GMT'", "equivalent '1700 GMT' (after 'which is')"."""
    first = "pnamed" if match.group("pnamed") else "ph"
    reading = repr(match.string[match.start(first):match.end("pzone")])
    return f"bracketed {reading}" if match.group("pbracket") else f"equivalent {reading}"


def _zone(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "unknown"
