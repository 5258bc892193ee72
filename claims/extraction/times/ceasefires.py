"""When a ceasefire starts: clock times tied to a truce's start, resolved to aware datetimes.

A claim is made only for a clock time that a sentence about a ceasefire ties
to its start ("a ceasefire from noon local time (0800 GMT) on Saturday",
"ordered its fronts to suspend offensive actions from 1800 GMT", "agreed to lay down
arms at 1400 GMT": a halt named by its own verb is a truce too, unless denied,
"the truce took effect at 0800 GMT", "it was 1 a.m. Tuesday when the guns were
to fall silent", "At 6 a.m., the guns fell silent", "From 6 a.m. on Friday, both sides will
observe a truce", a headline's "Truce begins midnight tonight"); end times ("until
midnight") and other events' times ("told reporters shortly after 3 a.m.") are
passed over. A sentence whose subject refers back to the truce just named
("It took effect at 0800 GMT.") counts as about it. A start named by its day
alone ("the truce takes effect on Monday") is claimed at local midnight with
precision "day". The rule names say what fixed the moment: ceasefire.utc_equivalent,
ceasefire.utc_offset, ceasefire.named_zone, ceasefire.local_time, ceasefire.day_only.

Resolution, in order of trust:
- a bracketed equivalent in a named zone, "(1600 GMT)", "(10am BST)", "[16:00 GMT]";
- a named zone, "Moscow time", "GMT";
- "local time" or no zone: the place the sentence sets it "in", else what "local
  time" meant for an earlier truce in the article (its bracketed equivalent
  tells the offset), else the place the article names most, else any place in
  the sentence (lexicons/place_zones.json), through the IANA database,
  daylight saving included.
Days come from the words attached to the time ("on Saturday", "on October 10"),
else a day named earlier in the sentence (not an announcement's day before a
start still to come), else the publication date; a bare "eight o'clock" after
"8 p.m." repeats that start. Weekdays mean the current week's: looking back when
the sentence puts the start behind us ("took effect", "was due to"), ahead when
it looks forward ("will", "is set to", "a truce to begin"), else the nearer one.
"Midnight on Saturday" is 00:00 as Saturday begins, save a midnight still to come
on the publication day itself, or "midnight tonight", which ends that day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from .. import lexicons, speakers
from . import calendar, clock, reference_day, zones
from .clock import B as _B, E as _E, phrases as _phrases
from ..types import Document, ExtractedClaim, Sentence

_PHRASES = lexicons.table("ceasefire_phrases")
_TRIGGER = re.compile(rf"{_B}(?:{_phrases(_PHRASES['triggers'], regex=True)}){_E}", re.IGNORECASE)
# "from noon", and "from Thursday 1800 GMT", "effective Thursday, 6 p.m.": the day may come between
_START_CUE = re.compile(
    rf"{_B}(?:{_phrases(_PHRASES['start_cues'])})\s+(?:(?:on\s+)?{clock.DAY},?\s+(?:at\s+)?)?$", re.IGNORECASE
)
_START_VERB_PATTERN = _phrases(_PHRASES["start_verbs"])
# "took effect at", "was due to begin on Monday at": the verb of starting stands just before the "at"
_AT_CUE = re.compile(
    rf"{_B}(?:{_START_VERB_PATTERN})(?:\s+[\w'-]+){{0,5}}?\s+(?:{_phrases(_PHRASES['at_cues'])})\s+$", re.IGNORECASE
)
# "the fighting would end at 4 a.m.": the end of the fighting is the truce's start
_FIGHTING_ENDS_AT = re.compile(
    rf"{_B}(?:{_PHRASES['fighting_ends'].replace(' ', chr(92) + 's+')})\s+(?:{_phrases(_PHRASES['at_cues'])})\s+$",
    re.IGNORECASE,
)
# "agreed to lay down arms at 1400 GMT": the halt's own verb, then the time; "would not halt ... at" is denied
# "Truce begins midnight tonight": a headline drops the "at", the verb of starting stands right before the time
_BARE_START = re.compile(rf"{_B}(?:{_START_VERB_PATTERN})\s+$", re.IGNORECASE)
# "From 6 a.m. on Friday, both sides will observe a truce": a start cue opening the sentence, its truce in the
# main clause after the comma (no other clause, count or denial between)
_FRONTED_START = re.compile(r"\W*$")
_MENTION = re.compile(rf"{_B}(?:{_phrases(_PHRASES['mention_prepositions'])})\s+(?:[\w'-]+\s+){{0,2}}$", re.IGNORECASE)
_UNTIL_CUE = re.compile(r"\s+(?:until|till|to|through)\s+", re.IGNORECASE)
_DENIAL = re.compile(rf"(?:{_B}|(?<=n))(?:{_phrases(_PHRASES['denials'])}){_E}", re.IGNORECASE)
_HALT_THEN_AT = re.compile(rf"\s+(?:{_phrases(_PHRASES['at_cues'])})\s+$", re.IGNORECASE)
_HALT_VERB = re.compile(rf"(?:{_phrases(_PHRASES['halt_verbs'])}){_E}", re.IGNORECASE)
_DENIED = re.compile(rf"(?:{_B}|(?<=n))(?:{_phrases(_PHRASES['denials'])})\s+(?:\w+\s+)?$", re.IGNORECASE)
_END_CUE = re.compile(rf"{_B}(?:{_phrases(_PHRASES['end_cues'])})\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_START_VERB = re.compile(rf"{_B}(?:{_START_VERB_PATTERN}){_E}", re.IGNORECASE)
# "since 9 a.m." dates a start only when the clause says the guns have stopped or the truce held
_SINCE = re.compile(rf"{_B}since\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_SINCE_STATE = re.compile(rf"{_B}(?:{_phrases(_PHRASES['since_states'])}){_E}", re.IGNORECASE)
_OPENING_AT = re.compile(r"(?:at|from|since)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_WHEN = re.compile(rf"\s*,?\s*{_PHRASES['when_link']}{_E}", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s|,\s+(?:but|while|whereas)\b")


# Plain words one of which every trigger contains: a cheap test before the trigger regex runs.
_TRIGGER_KEYS = tuple(_PHRASES["trigger_keys"])


# the truce of the sentence before, taken up by its subject: "It took effect at 0800 GMT."
_REFERRING_BACK = re.compile(
    rf"\W*(?:{_phrases(_PHRASES['referring_back'])})\s+(?:\w+\s+){{0,2}}?(?={_START_VERB_PATTERN})", re.IGNORECASE
)
# "a truce from Saturday", "will take effect on Monday": a start day with no clock time
_DAY_START = re.compile(
    rf"{_B}(?:(?:{_phrases(_PHRASES['start_cues'])})|(?:{_START_VERB_PATTERN})(?:\s+(?:on|from))?)\s+(?P<day>{clock.DAY})",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Context:
    """What earlier ceasefire times in the article tell later ones."""

    text: str
    places: zones.ArticlePlaces
    last_local: datetime | None = None
    last_moment: datetime | None = None
    local_zone: zones.ZoneChoice | None = None  # what "local time" turned out to mean in an earlier claim
    story_day: tuple[str, date] | None = None  # the day the story names for the start ("took effect on Friday")


def find_ceasefires(document: Document) -> list[ExtractedClaim]:
    """Ceasefire start times tied to a truce in the same sentence, with their evidence passage and reasons."""
    text = document.text
    about_truces = list(_sentences_about_truces(document))
    context = _Context(text, zones.ArticlePlaces(text, [(s.start, s.end) for s, _ in about_truces]),
                       story_day=_story_day(document, about_truces))
    claims = []
    for sentence, triggers in about_truces:
        found_before = len(claims)
        for match in clock.TIME.finditer(text, sentence.start, sentence.end):
            cue_start = _start_cue(text, match, sentence, triggers)
            if cue_start is None:
                continue
            resolved = _resolve(document, match, sentence, context)
            if resolved is None:
                continue
            moment, precision, local, steps = resolved
            context.last_local, context.last_moment = local, moment
            if not _written_zone(match):
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
                explanation=(f"read {match.group().strip()!r} as the truce's start", *steps,
                             f"start {moment.astimezone(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC"),
            ))
        if len(claims) == found_before:
            claims.extend(_day_only(document, sentence, triggers, context))
    return claims


def _story_day(document: Document, about_truces: list) -> tuple[str, date] | None:
    """The first day the story ties to a truce's start ("took effect on Friday", "a truce from Saturday"),
    for a later past-tense clock that names none ("It began at 6 p.m.")."""
    text = document.text
    for sentence, _ in about_truces:
        for match in _DAY_START.finditer(text, sentence.start, sentence.end):
            verb_tense = reference_day.tense(text, sentence.start, sentence.end, match.start())
            day = calendar.parse_day(match.group("day"), document.published, verb_tense,
                                     text[sentence.start:sentence.end])
            if day is not None:
                return match.group("day"), day
    return None


def _sentences_about_truces(document: Document):
    """(sentence, trigger matches) for each sentence that names a truce, or whose subject refers back to
    the truce the sentence before named ("A truce was agreed on Friday. It took effect at 0800 GMT.")."""
    text = document.text
    previous_named_a_truce = False
    for sentence in document.sentences:
        lowered = text[sentence.start:sentence.end].lower()
        triggers = []
        if any(key in lowered for key in _TRIGGER_KEYS):
            triggers = list(_TRIGGER.finditer(text, sentence.start, sentence.end))
        named_a_truce = bool(triggers)
        if not triggers and previous_named_a_truce:
            subject = _REFERRING_BACK.match(text, sentence.start, sentence.end)
            triggers = [subject] if subject else []
        previous_named_a_truce = named_a_truce
        if triggers:
            yield sentence, triggers


def _written_zone(match: re.Match) -> bool:
    """Whether the time names its zone ("Moscow time", "GMT+3") rather than leaving it local."""
    return zones.written(match) is not None


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
    for match in _DAY_START.finditer(text, sentence.start, sentence.end):
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


def _start_cue(text: str, match: re.Match, sentence: Sentence, triggers: list[re.Match]) -> int | None:
    """Where the words tying this time to a ceasefire's start begin, or None if it is not tied."""
    clause_start = sentence.start
    for brk in _CLAUSE_BREAK.finditer(text, sentence.start, match.start()):
        clause_start = brk.end()
    window_start = max(clause_start, match.start() - 60)
    before = text[window_start:match.start()]
    # a verb of starting right before ("took effect shortly after 8 p.m.") outranks an end word
    cue = _FIGHTING_ENDS_AT.search(before) or _AT_CUE.search(before) or _BARE_START.search(before)
    if cue:
        return window_start + cue.start()
    halt = _halt_just_before(text, match, triggers)
    if halt is not None:
        return halt
    if _END_CUE.search(before):
        return None
    cue = _START_CUE.search(before)
    if cue:
        cue_start = window_start + cue.start()
        # "a truce from noon", not "talks lasted from 10 a.m. to 6 p.m. before the truce"
        if any(t.start() < cue_start for t in triggers) or any(
                0 <= t.start() - match.end() <= 40 and not re.search(r"\d", text[match.end():t.start()])
                and "," not in text[match.end():t.start()].lstrip(" ,")  # "..., the talks resumed, where a truce"
                and not _DENIAL.search(text, match.end(), t.start())
                for t in triggers):
            return cue_start
        if _FRONTED_START.match(text[sentence.start:cue_start]) and any(
                _fronted_truce(text, match.end(), t.start()) for t in triggers):
            return cue_start
        return None
    clause_end = _clause_end(text, match.end(), sentence.end)
    cue = _SINCE.search(before)
    if cue and _SINCE_STATE.search(text, clause_start, clause_end):
        return window_start + cue.start()  # "since eight o'clock the shelling has stopped"
    opening = _OPENING_AT.search(text[max(sentence.start, match.start() - 12):match.start()])
    if opening and text[sentence.start:match.start()].strip().lower() == opening.group().strip().lower():
        # "At 6 a.m., the guns fell silent": the time leads, its verb of starting follows close by
        if _START_VERB.search(text, match.end(), min(clause_end, match.end() + 50)):
            return match.start() - len(opening.group())
    when = _WHEN.match(text, match.end(), sentence.end)
    if when and (_START_VERB.search(text, when.end(), clause_end) or _TRIGGER.search(text, when.end(), clause_end)):
        return match.start()
    return None


def _fronted_truce(text: str, time_end: int, trigger_start: int) -> bool:
    """Whether the words between a fronted start time and a truce are one main clause: ", both sides will observe a"."""
    until = _UNTIL_CUE.match(text, time_end, trigger_start)
    end_time = until and clock.TIME.match(text, until.end(), trigger_start)
    if end_time:  # "From 0600 GMT on Friday until 1800 GMT on Sunday, ...": the end comes with the start
        time_end = end_time.end()
    between = text[time_end:trigger_start]
    if not between.startswith(","):
        return False
    between = between[1:]
    return (0 < trigger_start - time_end <= 120 and not re.search(r"[\d,;:—–()]", between)
            and not _DENIAL.search(between) and not _MENTION.search(between))


def _halt_just_before(text: str, match: re.Match, triggers: list[re.Match]) -> int | None:
    """Where "stop shelling at 0600 GMT" begins: a trigger led by a verb of halting, only an "at" between."""
    for trigger in triggers:
        if (0 <= match.start() - trigger.end() <= 20 and _HALT_VERB.match(trigger.group())
                and _HALT_THEN_AT.fullmatch(text, trigger.end(), match.start())
                and not _DENIED.search(text, max(0, trigger.start() - 30), trigger.start())):
            return trigger.start()
    return None


def _clause_end(text: str, position: int, sentence_end: int) -> int:
    brk = _CLAUSE_BREAK.search(text, position, sentence_end)
    return brk.start() if brk else sentence_end


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


def _resolve(document: Document, match: re.Match, sentence: Sentence,
             context: _Context) -> tuple[datetime, str, datetime, list[str]] | None:
    """(moment, precision, local moment, reasons) for a time expression, or None when it cannot be placed."""
    reading = clock.hour_and_minute(match)
    if reading is None:
        return None
    hour, minute, precision, certain = reading
    text, published = document.text, document.published
    if not certain and context.last_local and context.last_local.hour % 12 == hour % 12:
        # "since eight o'clock" after "8 p.m. local time": the same moment, spoken of again
        return context.last_moment, precision, context.last_local, [
            "an hour with no half of the day: the start just read, spoken of again"]
    zone = _zone_for(match, sentence, context)
    choice = reference_day.day_for(text, published, match, sentence.start, sentence.end, context.story_day)
    if choice.day is None:
        return None
    steps = [choice.reason]
    day = choice.day
    verb_tense = reference_day.tense(text, sentence.start, sentence.end, match.start())
    if hour == 0 and minute == 0 and match.group("named"):
        day, why = reference_day.midnight(choice, match, published, verb_tense)
        steps.append(why)
    steps.append(zone.reason)
    local = datetime.combine(day, time(hour, minute), tzinfo=zone.zone)
    moment = local
    if match.group("pzone"):
        moment, why = reference_day.utc_equivalent(match, local, published, verb_tense,
                                                   text[sentence.start:sentence.end])
        steps.append(why)
        if match.group("pm") or match.group("pnamed"):
            precision = "minute"  # "(0200 GMT)" gives the minute even when "4 a.m." did not
        # the bracket tells the true offset of "local time": later times in the article reuse it
        offset = local.replace(tzinfo=None) - moment.astimezone(timezone.utc).replace(tzinfo=None)
        if abs(offset) <= timedelta(hours=14):
            local = local.replace(tzinfo=timezone(offset))
    else:
        steps.append(zones.offset_step(local))
    last = context.last_moment
    if (not choice.named and last is not None and moment != last and abs(moment - last) <= timedelta(days=2)
            and moment.astimezone(timezone.utc).time() == last.astimezone(timezone.utc).time()):
        # "from 06:00 GMT on Sunday", then a quote's "at six in the morning, Greenwich time" with no day: the same
        # start spoken of again, not the same hour on the publication day
        return last, precision, context.last_local or local, [
            "no day named, and the same hour as the start just read: that start, spoken of again"]
    return moment, precision, local, steps


def _zone_for(match: re.Match, sentence: Sentence, context: _Context) -> zones.ZoneChoice:
    return zones.written(match) or zones.for_local_time(match, sentence.start, sentence.end, context.places,
                                                        context.local_zone)
