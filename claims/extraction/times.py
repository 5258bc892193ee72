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
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from . import clock, lexicons, speakers
from .clock import B as _B, E as _E, normal as _normal, phrases as _phrases
from .types import Document, ExtractedClaim, Sentence

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
_FUTURE = re.compile(
    rf"(?<![\w'])(?:{_phrases(_PHRASES['future_markers'])}){_E}"
    rf"|(?<!due )(?<!\w)(?:{_phrases(_PHRASES['future_infinitives'])}){_E}",  # "a truce to begin at 2 a.m."
    re.IGNORECASE,
)
_PAST = re.compile(rf"{_B}(?:{_phrases(_PHRASES['past_markers'])}){_E}", re.IGNORECASE)
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
    last_local: datetime | None = None
    last_moment: datetime | None = None
    local_zone: tzinfo | None = None  # what "local time" turned out to mean in an earlier claim
    _article_zone: ZoneInfo | None | bool = False

    @property
    def article_zone(self) -> ZoneInfo | None:
        if self._article_zone is False:  # read the places once, and only when a local time needs them
            self._article_zone = clock.dominant_zone(self.text, 0, len(self.text))
        return self._article_zone


def find_ceasefires(document: Document) -> list[ExtractedClaim]:
    """Ceasefire start times tied to a truce in the same sentence, with their evidence passage."""
    text = document.text
    context = _Context(text)
    claims = []
    previous_named_a_truce = False
    for sentence in document.sentences:
        lowered = text[sentence.start:sentence.end].lower()
        triggers = []
        if any(key in lowered for key in _TRIGGER_KEYS):
            triggers = list(_TRIGGER.finditer(text, sentence.start, sentence.end))
        named_a_truce = bool(triggers)
        if not triggers and previous_named_a_truce:
            # "A truce was agreed on Friday. It took effect at 0800 GMT."
            subject = _REFERRING_BACK.match(text, sentence.start, sentence.end)
            triggers = [subject] if subject else []
        previous_named_a_truce = named_a_truce
        if not triggers:
            continue
        found_before = len(claims)
        for match in clock.TIME.finditer(text, sentence.start, sentence.end):
            cue_start = _start_cue(text, match, sentence, triggers)
            if cue_start is None:
                continue
            resolved = _resolve(document, match, sentence, context)
            if resolved is None:
                continue
            moment, precision, local = resolved
            context.last_local, context.last_moment = local, moment
            if not _written_zone(match):
                context.local_zone = local.tzinfo
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
                explanation=(f"read {match.group().strip()!r} as the truce's start ({rule})",
                             f"local {local.isoformat()} = {moment.astimezone(timezone.utc).isoformat()} UTC"),
            ))
        if len(claims) == found_before:
            claims.extend(_day_only(document, sentence, triggers, context))
    return claims


def _written_zone(match: re.Match) -> bool:
    """Whether the time names its zone ("Moscow time", "GMT+3") rather than leaving it local."""
    return bool(match.group("offset") or clock.zone_name(match.group("zone") or match.group("zone3") or match.group("zone2") or ""))


def _rule_for(match: re.Match) -> str:
    """Which evidence fixed the moment: a bracketed UTC time, a zone written out, or the article's places."""
    if match.group("pzone"):
        return "ceasefire.utc_equivalent"
    if match.group("offset"):
        return "ceasefire.utc_offset"
    if clock.zone_name(match.group("zone") or match.group("zone3") or match.group("zone2") or ""):
        return "ceasefire.named_zone"
    return "ceasefire.local_time"


def _day_only(document: Document, sentence: Sentence, triggers: list[re.Match],
              context: _Context) -> list[ExtractedClaim]:
    """"The truce takes effect on Monday": a start named only by its day, at local midnight, precision day."""
    text = document.text
    claims = []
    for match in _DAY_START.finditer(text, sentence.start, sentence.end):
        around = text[sentence.start:match.start()] + " " + text[match.end():sentence.end]
        day = clock.parse_day(match.group("day"), document.published, _tense(text, sentence, match.start()), around)
        if day is None:
            continue
        zone = clock.place_set_in(text, match, sentence) or context.local_zone or context.article_zone or ZoneInfo("UTC")
        start, end = _evidence(match, match.start(), triggers)
        claims.append(ExtractedClaim(
            kind="ceasefire", start=start, end=end, text=text[start:end],
            speaker=speakers.statement_speaker(document, match.start()),
            confidence=0.6, rule="ceasefire.day_only",
            values={"effective_at": datetime.combine(day, time(0, 0), tzinfo=zone), "precision": "day"},
            explanation=(f"read {match.group().strip()!r} as the truce's start day, no clock time",
                         f"day {day.isoformat()}, from local midnight ({zone})"),
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
             context: _Context) -> tuple[datetime, str, datetime] | None:
    """(moment, precision, local moment) for a time expression, or None when it cannot be placed."""
    reading = clock.hour_and_minute(match)
    if reading is None:
        return None
    hour, minute, precision, certain = reading
    zone = _zone_for(document.text, match, sentence, context)
    day, day_named = _day_for(document, match, sentence)
    if not certain and context.last_local and context.last_local.hour % 12 == hour % 12:
        # "since eight o'clock" after "8 p.m. local time": the same moment, spoken of again
        return context.last_moment, precision, context.last_local
    if day is None:
        return None
    midnight = (match.group("named") or "").lower() == "midnight"
    if midnight and (_normal(match.group("day") or "") in clock.NIGHT_DAYS or (
            (not day_named or day == document.published)
            and _tense(document.text, sentence, match.start()) == "future")):
        # "a truce to take effect at midnight", "a truce from midnight tonight", or "at midnight on Saturday"
        # written on that Saturday: the midnight still to come ends the day. Otherwise "midnight on Saturday"
        # is 00:00 as Saturday begins.
        day += timedelta(days=1)
    local = datetime.combine(day, time(hour, minute), tzinfo=zone)
    moment = local
    if match.group("pzone"):
        moment = _utc_equivalent(match, local, document, sentence)
        if match.group("pm") or match.group("pnamed"):
            precision = "minute"  # "(0200 GMT)" gives the minute even when "4 a.m." did not
        # the bracket tells the true offset of "local time": later times in the article reuse it
        offset = local.replace(tzinfo=None) - moment.astimezone(timezone.utc).replace(tzinfo=None)
        if abs(offset) <= timedelta(hours=14):
            local = local.replace(tzinfo=timezone(offset))
    last = context.last_moment
    if (not day_named and last is not None and moment != last and abs(moment - last) <= timedelta(days=2)
            and moment.astimezone(timezone.utc).time() == last.astimezone(timezone.utc).time()):
        # "from 06:00 GMT on Sunday", then a quote's "at six in the morning, Greenwich time" with no day: the same
        # start spoken of again, not the same hour on the publication day
        return last, precision, context.last_local or local
    return moment, precision, local


def _zone_for(text: str, match: re.Match, sentence: Sentence, context: _Context) -> tzinfo:
    if match.group("offset"):
        sign = -1 if match.group("sign") in "-−" else 1
        offset = timedelta(hours=int(match.group("oh")), minutes=int(match.group("om") or 0))
        if offset <= timedelta(hours=14):
            return timezone(sign * offset)
    written = match.group("zone") or match.group("zone3") or match.group("zone2")
    if written:
        named = clock.zone_name(written)
        if named:
            return named
    # A place the sentence sets the truce in beats the one read before, which beats the article's
    # main place; a place merely named in the sentence ("Qatar's mediators said") comes last.
    return (clock.place_set_in(text, match, sentence)
            or context.local_zone
            or context.article_zone
            or clock.dominant_zone(text, sentence.start, sentence.end)
            or ZoneInfo("UTC"))


def _tense(text: str, sentence: Sentence, position: int) -> str | None:
    """"future" when the words before a time look ahead, "past" when the sentence says the start
    is behind us ("took effect", "was due to"), else None: the nearest such day is meant."""
    if _FUTURE.search(text, max(sentence.start, position - 120), position):
        return "future"
    if _PAST.search(text, sentence.start, sentence.end):
        return "past"
    return None


def _day_for(document: Document, match: re.Match, sentence: Sentence) -> tuple[date | None, bool]:
    """The local day of a time, and whether the article named it (not just the publication date)."""
    text, published = document.text, document.published
    tense = _tense(text, sentence, match.start())
    # the clock itself ("from 1900 local time") is no year
    around = text[sentence.start:match.start()] + " " + text[match.end():sentence.end]
    if match.group("day") or match.group("day0"):
        return clock.parse_day(match.group("day") or match.group("day0"), published, tense, around), True
    earlier = [d for d in clock.DAY_ALONE.finditer(text, sentence.start, match.start())]
    if earlier:
        # "on Thursday at 6am" names the start's day; "announced the deal on Tuesday, saying the
        # fighting would end at 4 a.m." names the announcement's, and the start comes after it.
        attached = match.start() - earlier[-1].end() <= 25
        if attached or tense != "future":
            return clock.parse_day(earlier[-1].group("day"), published, tense, around), True
    return published, False


def _utc_equivalent(match: re.Match, local: datetime, document: Document, sentence: Sentence) -> datetime:
    """The bracketed equivalent time in its own zone, on the day it names or else the one nearest the local moment."""
    zone = clock.zone_name(match.group("pzone")) or timezone.utc
    if match.group("pnamed"):
        hour, minute = clock.NAMED_TIMES[match.group("pnamed").lower()]
    else:
        hour = int(match.group("ph"))
        minute = int(match.group("pm") or 0)
        hour = clock.twenty_four(hour, match.group("pap")) if match.group("pap") else hour
    if hour is None or hour > 23:
        return local
    if match.group("pday"):
        day = clock.parse_day(match.group("pday"), document.published, _tense(document.text, sentence, match.start()),
                         document.text[sentence.start:sentence.end])
        if day:
            return datetime.combine(day, time(hour, minute), tzinfo=zone)
    anchor = local.astimezone(zone)
    candidates = [datetime.combine(anchor.date() + timedelta(days=shift), time(hour, minute), tzinfo=zone)
                  for shift in (-1, 0, 1)]
    return min(candidates, key=lambda candidate: abs(candidate - anchor))
