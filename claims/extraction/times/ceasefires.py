"""Ceasefire claims: the passes over a document that put clock, day, zone and start together.

For each sentence about a truce (starts.py), each clock tied to its start is read
(clock.py), given a day (reference_day.py) and a zone (zones.py), and becomes a
claim with its evidence passage and its explanation, one step per decision. A
start named by its day alone ("the truce takes effect on Monday") is claimed at
local midnight with precision "day". What one start tells a later one is carried
in a context: what "local time" meant, the last start read (a bare "eight
o'clock" or the same hour without a day repeats it), the day the story ties to
the start. The rule names say what fixed the moment: ceasefire.utc_equivalent,
ceasefire.utc_offset, ceasefire.named_zone, ceasefire.local_time, ceasefire.day_only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone

from .. import datelines, numbers, pattern_cache, source_lines, speakers
from ..text import is_heading
from ..types import Document, ExtractedClaim, Sentence
from . import calendar, clock, reference_day, starts, timeline, zones


_ON_BEFORE_DAY = pattern_cache.compile(r"\bon\s+$", re.IGNORECASE)
# the part of the day a day phrase names settles an hour written without its half: "yesterday evening"
_LATER_PART = pattern_cache.compile(r"\s*\b(?:afternoon|evening)\b")
# "nine o'clock last night", "at eight tonight": an hour from six on, written without its half, at night is p.m.
_NIGHT = pattern_cache.compile(r"\s*\b(?:night|tonight)\b")


@dataclass(slots=True)
class _Context:
    """What earlier ceasefire times in the article tell later ones."""

    text: str
    places: zones.ArticlePlaces
    read: list[tuple[datetime, datetime]] = field(default_factory=list)  # (local, moment) of every start read so far
    local_zone: zones.ZoneChoice | None = None  # what "local time" turned out to mean in an earlier claim
    story_day: tuple[str, date] | None = None  # the day the story names for the start ("took effect on Friday")
    story_midnight: bool = False  # that day came from a midnight ("midnight on Sunday" is 00:00 as Monday begins)
    lede_day: tuple[str, date] | None = None  # the day the story's opening paragraph dates its news by ("on Thursday")
    lede_end: int = 0  # where that paragraph ends: only a start after it takes that day
    items: source_lines.SourceLines | None = None  # a monitoring digest's source lines (most articles have none)
    filed_at: datetime | None = None  # the minute the page went up, when it is stamped
    written: list[tuple[datetime, datetime]] = field(default_factory=list)  # (local, moment) of starts in a named zone
    # the paragraph (its start) of the last start written in a place's zone ("6pm Bangui time"), and that zone: a bare
    # clock after it in the same paragraph keeps it ("local time" still means the place where the truce applies)
    paragraph_zone: tuple[int, zones.ZoneChoice] | None = None
    entry_day: date | None = None  # the day of the timeline entry being read, if the sentence is in one
    posted: datetime | None = None  # the minute the live page's entry being read went up, when its stamp says

    @property
    def last_local(self) -> datetime | None:
        return self.read[-1][0] if self.read else None

    @property
    def last_moment(self) -> datetime | None:
        return self.read[-1][1] if self.read else None


def find_ceasefires(document: Document) -> list[ExtractedClaim]:
    """Ceasefire start times tied to a truce in the same sentence, with their evidence passage and reasons."""
    text = document.text
    about_truces = list(starts.sentences_about_truces(document))
    items = source_lines.SourceLines(text, document.published)
    entries = timeline.TimelineEntries(text, document.published)
    filing = datelines.filed(text, document.published)
    dated_by_dateline: tuple[str, ...] = ()
    paper = document  # the paper's own day: a headline above the dateline is written for it
    if filing is not None and filing.day != document.published:
        # "From Our Correspondent, Beirut, March 28" in the paper of the 29th: the story's days count from the 28th
        document = replace(document, published=filing.day)
        dated_by_dateline = (filing.reason,)
    context = _Context(text, zones.ArticlePlaces(text, [(s.start, s.end) for s, _ in about_truces], items.spans),
                       story_day=_story_day(document, about_truces), items=items,
                       filed_at=filing.at if filing is not None else None)
    context.lede_day, context.lede_end = _lede_day(document) or (None, 0)
    whole = document
    claims = []
    undated_headlines: list[ExtractedClaim] = []  # starts read in a headline with no day written by their clock
    clock_of: dict[int, re.Match] = {}  # the clock each timed start was read from
    previous: Sentence | None = None
    for sentence, triggers in about_truces:
        referred_to, previous = previous, sentence
        # a monitoring digest's item is read from the day its source line gives, not the digest's; a timeline's
        # entry from the day it is set under
        item_day, dated = items.day_at(sentence.start), entries.at(sentence.start)
        entry_day = context.entry_day = dated.day if dated is not None else None
        context.posted = dated.posted if dated is not None else None
        day = item_day or entry_day
        above_dateline = paper is not whole and day is None and sentence.end <= filing.opens_at
        document = paper if above_dateline else \
            whole if day is None or day == whole.published else replace(whole, published=day)
        if above_dateline:
            dated_by_item = ("above the dateline: the headline speaks of the paper's own day",)
        elif document is whole:
            dated_by_item = dated_by_dateline
        elif item_day is not None:
            dated_by_item = (f"the item's source line dates what it says: {item_day.isoformat()}, not the digest's "
                             f"{whole.published.isoformat() if whole.published else 'date'}",)
        else:
            dated_by_item = (dated.reason(whole.published),)
        if starts.rejected_proposal(text, sentence, _neighbour(document, sentence, +1)):
            continue
        found_before = len(claims)
        # "Commanders agreed on Friday to a local truce. It began at 6 p.m.": the day of the sentence referred to
        referred_day = (_day_named_in(document, referred_to, reference_day.tense(text, sentence.start, sentence.end,
                                                                                 sentence.end))
                        if starts.REFERRING_BACK.made(triggers[0]) else None)
        # for "... on that day" with no day of its own, read with the tense of the sentence that named it ("An earlier
        # pause came on Saturday. ... took effect at 10 a.m. that day": the Saturday past)
        referred_past = referred_to is not None and reference_day.tense(
            text, referred_to.start, referred_to.end, referred_to.end) == "past"
        previous_day = _day_named_in(document, referred_to, "past" if referred_past else None)
        just_before = _neighbour(document, sentence, -1)
        if just_before is not None and just_before is not referred_to and (referred_to is None
                                                                           or just_before.start > referred_to.start):
            # "JUNE 29, 1966 - The premier offers a peace plan. The army was ordered to cease fire from midnight that
            # night": 'that night' is the day of the sentence right before, when it names one, even if it names no truce
            past_before = reference_day.tense(text, just_before.start, just_before.end, just_before.end) == "past"
            previous_day = _day_named_in(document, just_before, "past" if past_before else None) or previous_day
        dated_before = _dated_in_paragraph_before(document, sentence)
        if dated_before is not None and dated_before is not just_before \
                and (referred_to is None or referred_to.start < dated_before.start):
            # "On Sunday the authorities gave the militia until noon to leave. The deadline passed. Both sides then
            # observed a pause from 1400 hours that afternoon": the paragraph's last day named
            past_before = reference_day.tense(text, dated_before.start, dated_before.end, dated_before.end) == "past"
            previous_day = _day_named_in(document, dated_before, "past" if past_before else None)
        if just_before is not None and starts.failed_start(text, just_before):
            just_before = None  # "... which was meant to take effect on Wednesday but never took hold": dates nothing
        for match in clock.TIME.finditer(text, sentence.start, sentence.end):
            cue_start = starts.start_cue(text, match, sentence, triggers)
            if (cue_start is None or starts.superseded_plan(text, match, sentence)
                    or starts.denied_report(text, match, sentence, _neighbour(document, sentence, +1))
                    or _recurring(text, sentence, match)):
                continue  # (a daily pause "which runs from 8 a.m. to 7 p.m." has hours, not a start)
            carried = None
            if referred_day is None and _THEN.search(text, sentence.start, match.start()):
                # "Tanks opened fire at 9:45 a.m. on Monday. The ministry said the troops then held fire from 3 p.m.":
                # "then" carries on from the day of the sentence before
                found = _day_named_in(document, dated_before or just_before, "past")
                carried = (*found, "its 'then' carries on from") if found else None
            elif referred_day is None and referred_to is not None and referred_to is just_before \
                    and _days_named(document, just_before) == 1 \
                    and not clock.TIME.search(text, just_before.start, just_before.end) \
                    and reference_day.tense(text, sentence.start, sentence.end, match.start()) == "past":
                # "On Tuesday, soldiers held their fire for two hours. The council said the pause it arranged took
                # effect at 3.30 p.m.": a past start with no day of its own, right after a sentence dating the truce
                # by one day and no clock (a clock there is a start of its own, whose day the story keeps)
                found = _day_named_in(document, just_before, "past")
                carried = (*found, "the truce is dated") if found else None
            elif referred_day is None and _earlier_that_day(document, just_before, match) \
                    and reference_day.tense(text, sentence.start, sentence.end, match.start()) != "future" \
                    and not clock.DAY_ALONE.search(text, sentence.start, sentence.end):
                # "The two sides fired rockets from shortly after 2.20pm on Wednesday. Field commanders agreed to
                # stop firing at 4.30pm": the story runs on through the day the sentence before dated, a later hour
                found = _day_named_in(document, just_before, "past")
                carried = (*found, "the fighting before it, earlier that day, is dated") if found else None
            elif referred_day is None and just_before is not None and reference_day.is_midnight(match) \
                    and _REPORTS_ON.match(text, sentence.start) and _days_named(document, just_before) == 1 \
                    and _ANNOUNCED.search(text, just_before.start, just_before.end) \
                    and not clock.TIME.search(text, just_before.start, just_before.end) \
                    and not clock.DAY_ALONE.search(text, sentence.start, sentence.end):
                # "The commander announced his ceasefire on his radio station on Monday night. He said his fighters
                # would stop attacks from midnight": the midnight promised is the first after the statement
                found = _day_named_in(document, just_before, "past")
                carried = (*found, "the statement it reports is dated") if found else None
            elif referred_day is None and just_before is not None and just_before.paragraph == sentence.paragraph \
                    and _days_named(document, just_before) == 1 \
                    and not clock.TIME.search(text, just_before.start, just_before.end) \
                    and not clock.DAY_ALONE.search(text, sentence.start, match.start()) \
                    and reference_day.tense(text, sentence.start, sentence.end, match.start()) != "future" \
                    and reference_day.told_in_the_past(text, just_before.start, just_before.end):
                # "The government tried once more on its own account today. The War Ministry ordered its units to
                # stop firing at noon": the paragraph's sentence before dates the news this one goes on with
                found = _day_named_in(document, just_before, "past")
                carried = (*found, "the paragraph goes on from") if found else None
            resolved = _resolve(document, match, sentence, context, referred_day, previous_day, carried)
            if resolved is None:
                continue
            moment, precision, local, steps = resolved
            spoken_again = any(local is earlier_local for earlier_local, _ in context.read)
            context.read.append((local, moment))
            written = zones.written(match)
            if written is not None:
                context.written.append((local, moment))
                if getattr(written.zone, "key", "UTC") not in zones.UNIVERSAL_KEYS:
                    context.paragraph_zone = (_paragraph_start(text, match.start()), written)
            elif not spoken_again:
                # (a start taken for one read before keeps that one's zone, which says nothing of "local time")
                context.local_zone = zones.ZoneChoice(local.tzinfo, "")  # zones.for_local_time words the reason
            start, end = _evidence(match, cue_start, triggers)
            rule = _rule_for(match)
            claims.append(ExtractedClaim(
                kind="ceasefire",
                start=start,
                end=end,
                text=text[start:end],
                speaker=speakers.statement_speaker(document, match.start()),
                confidence=0.7 if rule == "ceasefire.local_time" else 0.85,
                rule=rule,
                values={"effective_at": moment, "precision": precision},
                explanation=(f"read {match.group().strip()!r} as the truce's start", *dated_by_item, *steps,
                             f"start {moment.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC"),
            ))
            clock_of[id(claims[-1])] = match
        if len(claims) == found_before:
            pointed = _clock_pointed_back_to(document, sentence, triggers, context, dated_by_item)
            if pointed is not None:
                claims.append(pointed)
        if len(claims) == found_before:
            after_signing = _hours_after_signing(document, sentence, triggers, context, items, dated_by_item)
            if after_signing is not None:
                claims.append(after_signing)
        if len(claims) == found_before:
            claims.extend(_day_only(document, sentence, triggers, context))
        elif is_heading(document, sentence.paragraph):
            undated_headlines.extend(claim for claim in claims[found_before:]
                                     if not any(clock_of[id(claim)].group(g) for g in ("day", "day0", "pday")))
    _date_headlines_by_the_body(claims, undated_headlines)
    return _without_days_given_a_clock(claims)


def _without_days_given_a_clock(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """"Iraq offered to stop fighting for four days from Sunday", then "its forces would cease fire from 0400 local
    time on Sunday": a start named only by its day is the start the story times on that day elsewhere, not a second
    one at midnight."""
    timed = {(claim.values["effective_at"].date(), claim.values["effective_at"].utcoffset()) for claim in claims
             if claim.values["precision"] != "day"}
    return [claim for claim in claims if claim.values["precision"] != "day"
            or (claim.values["effective_at"].date(), claim.values["effective_at"].utcoffset()) not in timed]


def _date_headlines_by_the_body(claims: list[ExtractedClaim], undated: list[ExtractedClaim]) -> None:
    """"Govt says troops to hold fire from midnight" over a story dated the next morning: a headline's clock with
    no day is the start the body gives at the same local hour with its day ("from midnight Sunday"), when the
    body names one, not a midnight counted from the day of publication."""
    headlines = {id(claim) for claim in undated}  # by identity: two claims may hold equal values
    for headline in undated:
        local = headline.values["effective_at"]
        # (the body's start seen on the headline's clock: one pinned by "(21:00 GMT)" is kept in UTC)
        body = next((claim for claim in claims if claim.start > headline.end and id(claim) not in headlines
                     and claim.values["precision"] != "day"
                     and _hour_and_minute(claim.values["effective_at"].astimezone(local.tzinfo)) == _hour_and_minute(local)),
                    None)
        if body is None or body.values["effective_at"] == local:
            continue
        moment = body.values["effective_at"]
        headline.values["effective_at"] = moment
        headline.explain(f"the headline gives no day: its {local.strftime('%H:%M')} is the start the story dates "
                         f"{moment.date().isoformat()} ({body.text!r}); start "
                         f"{moment.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC")


def _hour_and_minute(moment: datetime) -> tuple[int, int]:
    return moment.hour, moment.minute


# "the daily tactical pause ... which runs from 8 a.m.", "a nightly window": a truce that recurs has no one start
_RECURRING = pattern_cache.compile(r"\b(?:daily|nightly)\s+(?:[\w-]+\s+){0,2}(?:pause|window|truce|ceasefire|halt|lull)s?\b",
                                   re.IGNORECASE)
def _recurring(text: str, sentence: Sentence, match: re.Match) -> bool:
    """Whether the truce the clock belongs to recurs ("the daily tactical pause ..., which runs from 8 a.m. to
    7 p.m."), with no other truce named between it and the clock ("Unlike the daily pause, the truce begins ...")."""
    last = None
    for last in _RECURRING.finditer(text, sentence.start, match.start()):
        pass
    return last is not None and starts.TRIGGER.search(text, last.end(), match.start()) is None


# "He said ...", "The commander added ...": a sentence reporting more of a statement told just before
_REPORTS_ON = pattern_cache.compile(r"\W*(?:he|she|they|it|the\s+[\w-]+)\s+(?:said|added|told|announced|declared|promised|pledged)\b",
                                    re.IGNORECASE)
_ANNOUNCED = pattern_cache.compile(r"\b(?:announced|declared|proclaimed|broadcast|said)\b", re.IGNORECASE)
_THEN = pattern_cache.compile(r"(?<!since )(?<!until )(?<!till )(?<!by )(?<!and )\bthen\b", re.IGNORECASE)


# "ordered his troops to cease fire from that hour": a start that points back to a clock named just before
_THAT_HOUR = pattern_cache.compile(r"\b(?:from|as\s+of|at|with\s+effect\s+from)\s+(?:that|the\s+same)\s+(?:hour|moment|minute|time)\b",
                                   re.IGNORECASE)


def _clock_pointed_back_to(document: Document, sentence: Sentence, triggers: list[re.Match], context: _Context,
                           dated_by: tuple[str, ...]) -> ExtractedClaim | None:
    """"Diu surrendered at noon, and the commander ordered a cease-fire from that hour", "... at noon local time.
    The spokesman said the cease-fire applied from that hour": the last clock before it, in the sentence or the one
    before, is the start; only right after the truce's words in the same clause (not "From that moment the truce was
    dead")."""
    text = document.text
    anaphor = _THAT_HOUR.search(text, sentence.start, sentence.end)
    if anaphor is None or not any(t.end() <= anaphor.start() and anaphor.start() - t.end() <= 60
                                  and not re.search(r"[.;:]", text[t.end():anaphor.start()]) for t in triggers):
        return None
    just_before = _neighbour(document, sentence, -1)
    for where in (sentence, just_before):
        if where is None:
            continue
        clocks = list(clock.TIME.finditer(text, where.start, min(where.end, anaphor.start())))
        if not clocks:
            continue
        earlier = clocks[-1]
        resolved = _resolve(document, earlier, where, context)
        if resolved is None:
            return None
        moment, precision, local, steps = resolved
        context.read.append((local, moment))
        start = max((t.start() for t in triggers if t.end() <= anaphor.start()), default=anaphor.start())
        return ExtractedClaim(
            kind="ceasefire", start=start, end=anaphor.end(), text=text[start:anaphor.end()],
            speaker=speakers.statement_speaker(document, anaphor.start()), confidence=0.6,
            rule=_rule_for(earlier), values={"effective_at": moment, "precision": precision},
            explanation=(f"read {anaphor.group().strip()!r} as the truce's start: it points back to "
                         f"{earlier.group().strip()!r}, the clock named just before it", *dated_by, *steps,
                         f"start {moment.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC"))
    return None


# "The ceasefire comes into force 48 hours after the signing", "a general ceasefire 72 hours after signature"
_AFTER_SIGNING = pattern_cache.compile(
    r"\b(?P<hours>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+hours\s+after\s+(?:the\s+)?(?:signing|signature)\b(?!\s+of\s+(?!the\s+"
    r"(?:accord|agreement|deal|truce|ceasefire)))", re.IGNORECASE)
# "The document was signed at 1130 Rome time", "The signing took place at 11.35 local time this morning"
_SIGNED_AT = pattern_cache.compile(r"\b(?:signed|signing|signature)\b[^.;]{0,80}?\bat\s+$", re.IGNORECASE)


def _hours_after_signing(document: Document, sentence: Sentence, triggers: list[re.Match], context: _Context,
                         items: source_lines.SourceLines, dated_by: tuple[str, ...]) -> ExtractedClaim | None:
    """"The ceasefire comes into force 48 hours after the signing": the clock the story gives for the signing,
    earlier in the same item (a digest's) or in the last ten sentences, plus those hours."""
    text = document.text
    after = _AFTER_SIGNING.search(text, sentence.start, sentence.end)
    if after is None or not any(t.end() <= after.start() and after.start() - t.end() <= 60 for t in triggers):
        return None
    hours = numbers.parse_number(after.group("hours"))
    if not isinstance(hours, int) or not 0 < hours <= 240:
        return None
    index = document.sentences.index(sentence)
    item = items.source_at(sentence.start)
    for where in reversed(document.sentences[max(0, index - 10):index]):
        if items.source_at(where.start) != item:
            break  # a digest's item reaches back to its own source line, no further
        signed = next((found for found in clock.TIME.finditer(text, where.start, where.end)
                       if _SIGNED_AT.search(text, max(where.start, found.start() - 90), found.start())), None)
        if signed is None:
            continue
        # (the signing's own day: not a day the story gives some other start)
        resolved = _resolve(document, signed, where, replace(context, story_day=None))
        if resolved is None or resolved[1] == "day":
            return None
        moment, precision, local, steps = resolved
        start = moment + timedelta(hours=hours)
        begin = max((t.start() for t in triggers if t.end() <= after.start()), default=after.start())
        return ExtractedClaim(
            kind="ceasefire", start=begin, end=after.end(), text=text[begin:after.end()],
            speaker=speakers.statement_speaker(document, after.start()), confidence=0.6,
            rule="ceasefire.after_signing", values={"effective_at": start.astimezone(local.tzinfo), "precision": precision},
            explanation=(f"read {after.group().strip()!r} as the truce's start: {hours} hours after the signing, which "
                         f"the story puts at {signed.group().strip()!r}", *dated_by, *steps,
                         f"signing {moment.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC",
                         f"start {start.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC"))
    return None


def _neighbour(document: Document, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence right before (step -1) or after (+1) this one in its paragraph, if any."""
    index = document.sentences.index(sentence) + step
    other = document.sentences[index] if 0 <= index < len(document.sentences) else None
    return other if other is not None and other.paragraph == sentence.paragraph else None


def _zero_hour_before(text: str, start: int, end: int, day_words: str) -> str | None:
    """A clock written as 00:00 ("00:00 on March 5", "0000 hours on July 20") with these day words, before `end`."""
    for found in clock.TIME.finditer(text, start, end):
        written = (found.group("day") or found.group("day0") or "").strip()
        reading = clock.hour_and_minute(found)
        if written and written == day_words.strip() and not found.group("named") and reading \
                and reading[:2] == (0, 0):
            return found.group().strip()
    return None


def _earlier_that_day(document: Document, before: Sentence | None, match: re.Match) -> bool:
    """Whether the sentence before names one day and one clock, earlier in the day than this clock."""
    if before is None or _days_named(document, before) != 1:
        return False
    clocks = list(clock.TIME.finditer(document.text, before.start, before.end))
    if len(clocks) != 1:
        return False
    earlier, this = clock.hour_and_minute(clocks[0]), clock.hour_and_minute(match)
    return earlier is not None and this is not None and earlier[:2] < this[:2]


def _dated_in_paragraph_before(document: Document, sentence: Sentence, reach: int = 2) -> Sentence | None:
    """The nearest of the few sentences before this one in its paragraph that names a day, if any."""
    index = document.sentences.index(sentence)
    for earlier in reversed(document.sentences[max(0, index - reach):index]):
        if earlier.paragraph != sentence.paragraph:
            return None
        if clock.DAY_ALONE.search(document.text, earlier.start, earlier.end):
            return earlier
    return None


def _days_named(document: Document, sentence: Sentence) -> int:
    """How many days a sentence names: one dates it; with two ("from Thursday until May 10") which is the truce's
    start is not known."""
    return sum(1 for _ in clock.DAY_ALONE.finditer(document.text, sentence.start, sentence.end))


def _day_named_in(document: Document, sentence: Sentence | None, verb_tense: str | None) -> tuple[str, date] | None:
    """The last day a sentence names, read with the tense of the sentence that refers back to it."""
    if sentence is None:
        return None
    text = document.text
    days = list(clock.DAY_ALONE.finditer(text, sentence.start, sentence.end))
    if not days:
        return None
    words = days[-1].group("day")
    day = calendar.parse_day(words, document.published, verb_tense, text[sentence.start:sentence.end])
    return (words, day) if day else None


def _story_day(document: Document, about_truces: list) -> tuple[str, date] | None:
    """The first day the story ties to a truce's start ("took effect on Friday", "a truce from Saturday"),
    for a later past-tense clock that names none ("It began at 6 p.m."); not the day of a start that never held."""
    text = document.text
    for sentence, _ in about_truces:
        if starts.failed_start(text, sentence):
            continue
        for match in starts.DAY_START.finditer(text, sentence.start, sentence.end):
            verb_tense = reference_day.tense(text, sentence.start, sentence.end, match.start())
            day = calendar.parse_day(match.group("day"), document.published, verb_tense,
                                     text[sentence.start:sentence.end])
            if day is not None:
                return match.group("day"), day
    return None


def _lede_day(document: Document) -> tuple[tuple[str, date], int] | None:
    """The day a story's opening paragraph dates its news by, when it is a day before the publication date ("Kyrgyz
    and Tajik border guards have agreed to stop shooting after a gunfight ... on Thursday" in Friday's story), with
    where that paragraph ends: a past start later in the story that names no day of its own happened then, not on
    the day the story went out. An opening that names two different days ("a grenade thrown on Aug. 31, the
    ministry said on Tuesday") or a day still to come dates nothing."""
    text, published = document.text, document.published
    if published is None:
        return None
    lede = next((paragraph for index, paragraph in enumerate(document.paragraphs[:4])
                 if not is_heading(document, index)), None)
    if lede is None:
        return None
    found: list[tuple[str, date]] = []
    for match in clock.DAY_ALONE.finditer(text, lede.start, lede.end):
        sentence_start = max((sentence.start for sentence in document.sentences if sentence.start <= match.start()),
                             default=lede.start)
        if not reference_day.told_in_the_past(text, sentence_start, match.start()):
            return None  # "A 72-hour window now runs until noon on Monday": a day still to come dates no news
        day = calendar.parse_day(match.group("day"), published, "past", text[lede.start:lede.end])
        if day is None:
            return None
        found.append((match.group("day"), day))
    if len({day for _, day in found}) != 1:
        return None
    words, day = found[0]
    if not timedelta(days=1) <= published - day <= timedelta(days=6):
        return None
    return (words, day), lede.end


def _rule_for(match: re.Match) -> str:
    """Which evidence fixed the moment: a bracketed UTC time, a zone written out, or the article's places."""
    if match.group("pzone"):
        return "ceasefire.utc_equivalent"
    if match.group("offset"):
        return "ceasefire.utc_offset"
    if zones.written(match) is not None:
        return "ceasefire.named_zone"
    return "ceasefire.local_time"


def _day_only(document: Document, sentence: Sentence, triggers: list[re.Match],
              context: _Context) -> list[ExtractedClaim]:
    """"The truce takes effect on Monday": a start named only by its day, at local midnight, precision day."""
    text = document.text
    claims = []
    for match in starts.DAY_START.finditer(text, sentence.start, sentence.end):
        around = text[sentence.start:match.start()] + " " + text[match.end():sentence.end]
        day = calendar.parse_day(match.group("day"), document.published,
                                 reference_day.tense(text, sentence.start, sentence.end, match.start()), around)
        if day is None:
            continue
        zone_choice = zones.for_local_time(match, sentence.start, sentence.end, context.places, context.local_zone)
        zone = zone_choice.zone
        start, end = _evidence(match, match.start(), triggers)
        claims.append(ExtractedClaim(
            kind="ceasefire", start=start, end=end, text=text[start:end],
            speaker=speakers.statement_speaker(document, match.start()),
            confidence=0.6, rule="ceasefire.day_only",
            values={"effective_at": datetime.combine(day, time(0, 0), tzinfo=zone), "precision": "day"},
            explanation=(f"read {match.group().strip()!r} as the truce's start day, no clock time",
                         zone_choice.reason, f"day {day.isoformat()} from local midnight (precision day)"),
        ))
    return claims


def _evidence(match: re.Match, cue_start: int, triggers: list[re.Match]) -> tuple[int, int]:
    """The passage from the truce's name to the time, whichever comes first, kept to one clause's reach."""
    start, end = cue_start, match.end()
    before = [t for t in triggers if t.start() < cue_start and cue_start - t.start() <= 120]
    after = [t for t in triggers if t.start() >= match.end() and t.start() - match.end() <= 80]
    if before:
        start = before[-1].start()
    elif after:
        end = after[0].end()
    return start, end


def _resolve(document: Document, match: re.Match, sentence: Sentence, context: _Context,
             referred_day: tuple[str, date] | None = None,
             previous_day: tuple[str, date] | None = None,
             carried: tuple[str, date, str] | None = None) -> tuple[datetime, str, datetime, list[str]] | None:
    """(moment, precision, local moment, reasons) for a time expression, or None when it cannot be placed."""
    reading = clock.hour_and_minute(match)
    if reading is None:
        return None
    hour, minute, precision, certain = reading
    text, published = document.text, document.published
    day_words = clock.normal(match.group("day") or match.group("day0") or "")
    if not certain and hour < 12 and (_LATER_PART.search(day_words)
                                      or _LATER_PART.match(text, match.end(), min(len(text), match.end() + 12))):
        hour, certain = hour + 12, True  # "six o'clock yesterday evening", "at seven on Sunday evening"
    if not certain and 6 <= hour < 12 and (_NIGHT.search(day_words)
                                           or _NIGHT.match(text, match.end(), min(len(text), match.end() + 12))):
        hour, certain = hour + 12, True  # "since nine o'clock last night"
    if not certain and context.last_local and context.last_local.hour % 12 == hour % 12:
        # "since eight o'clock" after "8 p.m. local time": the same moment, spoken of again
        return context.last_moment, precision, context.last_local, [
            "an hour with no half of the day: the start just read, spoken of again"]
    if not certain:
        # "stopped firing at six o'clock" after "from 1800 hours" and another side's "from midnight": the latest
        # start read at that hour and minute, spoken of again
        for local, moment in reversed(context.read):
            if local.hour % 12 == hour % 12 and local.minute == minute:
                return moment, precision, local, [
                    f"an hour with no half of the day: the start read before at {local.strftime('%H:%M')} on "
                    f"{local.date().isoformat()}, spoken of again"]
    zone = _zone_for(match, sentence, context, document)
    # "took effect at midnight (21:00 GMT on Wednesday)": a bracket that names its own day dates the clock
    # itself, so no day is borrowed from another start the story told of
    borrowed = None if match.group("pday") else context.story_day
    if borrowed is not None and context.story_midnight and hour >= 12:
        # "from midnight on Sunday", then "told to stop at 1500 GMT": the afternoon before that midnight, on the
        # Sunday it ends, is nearer to it than the afternoon after
        borrowed = (borrowed[0], borrowed[1] - timedelta(days=1))
    choice = reference_day.day_for(text, published, match, sentence.start, sentence.end,
                                   referred_day or borrowed, previous_day, carried,
                                   context.lede_day if sentence.start >= context.lede_end else None)
    if choice.day is None:
        return None
    steps = [choice.reason]
    day = choice.day
    verb_tense = reference_day.tense(text, sentence.start, sentence.end, match.start())
    counted = clock.minutes_from_named(match)
    from_midnight = counted is not None and clock.NAMED_TIMES[counted[0]] == [0, 0]
    # "one minute past midnight on Sunday": a minute past a midnight placed "on" a day is in that day
    day_group = "day" if match.group("day") else "day0" if match.group("day0") else None
    within_day = from_midnight and counted[1] > 0 and day_group is not None and bool(
        _ON_BEFORE_DAY.search(text, match.start(), match.start(day_group)))
    if within_day:
        steps.append(f"a minute past midnight 'on' {match.group(day_group).strip()!r} falls in that day")
    elif (hour == 0 and minute == 0 and match.group("named")) or from_midnight:
        zero = _zero_hour_before(text, sentence.start, match.start(), choice.words) if choice.named else None
        if zero is not None:
            # "due to begin at 00:00 on March 5, ... ordered its units to stop firing at midnight Moscow time":
            # the day came with a 00:00 earlier in the sentence, so this midnight is that one, as the day begins
            steps.append(f"the midnight of {zero!r} earlier in the sentence: 00:00 as {day.isoformat()} begins")
        elif borrowed is not None and context.story_midnight and (choice.words, choice.day) == borrowed \
                and not match.group("day") and not match.group("day0"):
            # "began at 00:00 Kyiv time on Monday", then "told their fighters to stop firing at midnight Moscow
            # time": the story's start already fell as that day began; this midnight is the same one
            steps.append(f"the midnight the story dated before: 00:00 as {day.isoformat()} begins")
        else:
            day, why = reference_day.midnight(choice, match, published, verb_tense)
            steps.append(why)
    steps.append(zone.reason)
    local = datetime.combine(day, time(hour, minute), tzinfo=zone.zone)
    if borrowed is not None and (choice.words, choice.day) == borrowed and not match.group("pzone"):
        # "ceased fire at 01:00 Baku time on 10 November", then "in force since 21:00 GMT": the day came from
        # that start, which in this clock's own zone fell at this very hour on the day before (or after): one instant
        for _, earlier in reversed(context.read):
            seen = earlier.astimezone(zone.zone)
            if (seen.hour, seen.minute) == (hour, minute) and abs((seen.date() - day).days) == 1:
                return seen, precision, seen, [
                    *steps, f"in {zones.name_of(zone.zone)} time the start the story dated fell at "
                    f"{seen.strftime('%H:%M')} on {seen.date().isoformat()}: that start, told again in another zone"]
    if not zone.written and not match.group("zone") and not match.group("pzone"):
        # "ceased fire at midnight last night, Greenwich time", then "Eden told the Commons the forces would stop firing
        # at midnight": a bare clock that reads as the start named before in a zone of its own is that start again
        for earlier_local, earlier in reversed(context.written):
            if earlier_local.replace(tzinfo=None) == local.replace(tzinfo=None) and earlier_local.tzinfo != zone.zone:
                return earlier, precision, earlier_local, [
                    *steps[:-1], f"the same clock and day as the start read before in {zones.name_of(earlier_local.tzinfo)}"
                    f" time, with no zone of its own: that start, spoken of again"]
    if from_midnight:  # "one minute before midnight Sunday": counted from the midnight that ends Sunday
        local = (datetime.combine(day, time(0, 0)) + timedelta(minutes=counted[1])).replace(tzinfo=zone.zone)
        steps.append(f"{match.group('h9')} {'minute' if abs(counted[1]) == 1 else 'minutes'} "
                     f"{'after' if counted[1] > 0 else 'before'} that midnight: {local.strftime('%Y-%m-%d %H:%M')}")
    if choice.named and not starts.failed_start(text, sentence):
        # the day the start falls on: "midnight Sunday" tells a later "0001 hours" it is Monday (a start that never
        # held dates nothing else)
        context.story_day = (choice.words, local.date())
        context.story_midnight = local.time() == time(0, 0) and from_midnight or (hour, minute) == (0, 0)
    moment = local
    if match.group("pzone"):
        moment, why = reference_day.utc_equivalent(match, local, published, verb_tense,
                                                   text[sentence.start:sentence.end])
        if not certain and not match.group("pday"):
            # "seven o'clock local time, which is 1700 GMT": a clock with no half of the day takes the half its
            # equivalent reading falls nearest
            evening = local + timedelta(hours=12)
            later, later_why = reference_day.utc_equivalent(match, evening, published, verb_tense,
                                                            text[sentence.start:sentence.end])
            if abs(later - evening) < abs(moment - local):
                local, moment = evening, later
                why = f"{later_why}; the hour had no half of the day, and the equivalent puts it at " \
                      f"{evening.strftime('%H:%M')} local"
        steps.append(why)
        if match.group("pm") or match.group("pnamed"):
            precision = "minute"  # "(0200 GMT)" gives the minute even when "4 a.m." did not
        # the bracket tells the true offset of "local time": later times in the article reuse it
        # (a fixed offset only when it differs from the zone's own that day: later dates keep daylight saving)
        offset = local.replace(tzinfo=None) - moment.astimezone(timezone.utc).replace(tzinfo=None)
        if abs(offset) <= timedelta(hours=14) and local.utcoffset() != offset:
            # the zone read was not the place's: a place the article names whose clock stood at that offset that
            # day is ("ceased fire in Java at midnight (1600 GMT)": Java's +08 in 1949), so a start in another year
            # keeps that place's history; else the offset alone
            keeper = context.places.zone_at_offset(local.replace(tzinfo=None), offset)
            local = local.replace(tzinfo=keeper or timezone(offset))
            if keeper is not None:
                steps.append(f"the bracket's offset is the clock of {keeper.key}, a zone the article names")
    else:
        steps.append(zones.offset_step(local))
    if not choice.named and not match.group("pday") and context.filed_at is not None and moment > context.filed_at \
            and (verb_tense == "past" or verb_tense is None
                 and reference_day.told_in_the_past(text, sentence.start, match.start())):
        # a page stamped 06:15 GMT reports a pause that began at 1:30pm: not yet that day, so the day before
        local, moment = local - timedelta(days=1), moment - timedelta(days=1)
        steps.append(f"the page went up at {context.filed_at.strftime('%H:%M')} GMT that day, before this start: "
                     f"the day before, {local.date().isoformat()}")
    posted = context.posted
    if not choice.named and not match.group("pday") and posted is not None and (
            verb_tense == "past" or verb_tense is None and reference_day.told_in_the_past(text, sentence.start,
                                                                                          match.start())):
        # a start the entry reports as begun is the last such clock before the entry went up: "21:05 GMT - the
        # truce entered into force at midnight local time" is the midnight that had just struck in Yemen
        shift = timedelta(days=(posted - moment) // timedelta(days=1))
        if shift:
            local, moment = local + shift, moment + shift
            steps.append(f"the entry went up at {posted.strftime('%H:%M')} ({zones.name_of(posted.tzinfo)}) on "
                         f"{posted.date().isoformat()}: the last such clock before then, {local.date().isoformat()}")
    if not choice.named and not match.group("pday") and context.entry_day is None:
        # ("(22:00 GMT on Monday)" names its own day, and a timeline's entry is set under its own)
        # "from 06:00 GMT on Sunday", then a quote's "at six in the morning, Greenwich time" with no day: the same
        # start spoken of again, not the same hour on the publication day; the latest start read at that moment, which
        # need not be the last one ("begins at one minute past midnight tonight ... the rebels from 6 a.m. ... the
        # decree sets the start at 00:01")
        for earlier_local, earlier in reversed(context.read):
            if earlier != moment and abs(moment - earlier) <= timedelta(days=2) \
                    and moment.astimezone(timezone.utc).time() == earlier.astimezone(timezone.utc).time():
                last_words = "just read" if earlier == context.last_moment else "read before"
                return earlier, precision, earlier_local, [
                    f"no day named, and the same hour as the start {last_words}: that start, spoken of again"]
    return moment, precision, local, steps


def _zone_for(match: re.Match, sentence: Sentence, context: _Context, document: Document) -> zones.ZoneChoice:
    written = zones.written(match)
    if written is not None:
        return written
    def own_clock_speaker() -> str | None:
        """A side's own words: a clock quoted from it ("'Our forces will hold their fire at seven'"), or its
        declaration ("Iraq declared a halt ... from midnight"); not a broker's ("brokered by Russia ... was due to take
        effect"). Asked only when nothing before it in zones.for_local_time placed the clock."""
        speaker = speakers.statement_speaker(document, match.start())
        own_words = speaker is not None and (
            reference_day.inside_quotation(document.text, sentence.start, match.start())
            or re.search(rf"\b{re.escape(speaker.name)}\s+(?:(?:has|had)\s+)?(?:{_DECLARING})\b",
                         document.text[sentence.start:match.start()]))
        return speaker.name if own_words else None

    outlet = context.items.source_at(match.start()) if context.items is not None else None
    paragraph = context.paragraph_zone[1] if context.paragraph_zone is not None and not match.group("zone") \
        and not _ZONE_AT_RANGE_END.match(document.text, match.end(), sentence.end) \
        and context.paragraph_zone[0] == _paragraph_start(document.text, match.start()) else None
    return zones.for_local_time(match, sentence.start, sentence.end, context.places, context.local_zone,
                                own_clock_speaker, outlet, paragraph)


# "from 09:00 to 21:00 local time", "from 09:00 to 21:00 Kyiv time": the range's end says which clock it is
_ZONE_AT_RANGE_END = pattern_cache.compile(r"\s*(?:-|–|—|to|until|till)\s+[^,;.()]{1,30}?\s(?:local|time|GMT|UTC)\b", re.IGNORECASE)


def _paragraph_start(text: str, position: int) -> int:
    """Where the line (a paragraph, in the copy we read) holding `position` starts."""
    return text.rfind("\n", 0, position) + 1


_DECLARING = "declared|declares|announced|announces|ordered|orders|said|says|replied|stated|promised"
