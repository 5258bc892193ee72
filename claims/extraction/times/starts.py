"""Whether a clock in a ceasefire sentence is the truce's start: the words that tie it, as data.

Passes, in order (lexicons/ceasefire_phrases.json holds every word list):
1. which sentences are about a truce: a trigger ("ceasefire", "guns fell silent",
   "suspend offensive actions", "its forces would stop at"), or a subject referring back
   to the truce just named ("It took effect at 0800 GMT.", "The first, brokered by
   Moscow, was due to begin at noon"), or, in a story that has named a truce, an
   agreement taking effect ("The first Minsk agreement ... took effect at 1800");
2. which clocks in them are tied to its start: a verb of starting before ("took
   effect at"), a start cue ("from", "effective"), a halt's own verb ("lay down
   arms at"), a fronted "From 6 a.m., both sides will observe a truce", "since"
   with a quiet front, "At 6 a.m., the guns fell silent", a clock in apposition
   ("began at sunset on 12 September – 7pm local time");
3. what is never a start, whatever the cue: an end or a deadline ("until",
   "expires at", "by 6 p.m."), a proposal the sentence says was rejected, a first
   plan the sentence says was moved ("had initially spoken of 10 a.m."), a time
   of another event (an attack, a violation, a statement) that has no start cue.
"""
from __future__ import annotations

import re

from .. import lexicons, pattern_cache
from ..regexes import LazyPattern, containing, opening
from ..types import Document, Sentence
from . import clock
from .clock import B as _B, E as _E, phrases as _phrases

_PHRASES = lexicons.table("ceasefire_phrases")
# a trigger's words may stand in scare quotes: said it was suspending "all military operations"
_TRIGGER_SPACE = r'["”]?\s+["“]?'


_LOOK_BEHIND = pattern_cache.compile(r"^\(\?<[!=][^()]*\)")
_OPTIONAL_MARK = pattern_cache.compile(r"^(?:\?|\*|\{0,?\d*\})\??")


def _opening_letters(fragment: str) -> set[str]:
    """The letters a trigger's regex can open with (lower case), or a set holding "" when it could open otherwise.

    Its first letter; or, where it opens with a group (after a look behind, which reads nothing), the letters of the
    group's alternatives, and of what follows the group when the group may be left out ("(?:military )?operations")."""
    fragment = _LOOK_BEHIND.sub("", fragment)
    if fragment[:1].isalpha():
        return {fragment[0].lower()} if fragment[1:2] not in ("?", "*", "{") else {""}
    if not fragment.startswith("(?:"):
        return {""}
    depth, branches, branch, end = 0, [], "", None
    for k in range(3, len(fragment)):
        char = fragment[k]
        if char == ")" and depth == 0:
            end = k + 1
            break
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            branches.append(branch)
            branch = ""
        else:
            branch += char
    if end is None or any(mark in fragment[:end] for mark in ("[", "\\(", "\\)", "\\|")):
        return {""}  # a bracket or a class inside the group could hide its bounds: no test
    letters = set().union(*map(_opening_letters, [*branches, branch]))
    rest = fragment[end:]
    if rest[:1] in ("?", "*") or rest.startswith("{0"):
        rest = _OPTIONAL_MARK.sub("", rest)
        letters |= _opening_letters(rest) if rest else {""}
    return letters


# Each trigger opens with a word: its first letter is tested once at each word start before the ~40 triggers are
# tried one by one (a seventh less time in that search); the test is left out if one could open otherwise.
_TRIGGER_OPENS = set().union(*map(_opening_letters, _PHRASES["triggers"]))
TRIGGER = LazyPattern(
    rf"{_B}{'' if '' in _TRIGGER_OPENS else '(?=[' + ''.join(sorted(_TRIGGER_OPENS)) + '])'}"
    rf"(?:{_phrases(_PHRASES['triggers'], regex=True).replace(chr(92) + 's+', _TRIGGER_SPACE)}){_E}",
    re.IGNORECASE)
# "from noon", and "from Thursday 1800 GMT", "effective Thursday, 6 p.m.": the day may come between
_START_CUE = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['start_cues'])})\s+(?:(?:on\s+)?{clock.DAY},?\s+(?:at\s+)?)?$", re.IGNORECASE
)
# "with effect from the midnight of 12/13 July": a named time may take "the" after the cue (a clock in figures may
# not: "from the 6 p.m. curfew" names the curfew)
_START_CUE_THE = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['start_cues'])})\s+the\s+$", re.IGNORECASE)
_NAMED_TIME = LazyPattern(rf"(?:{_phrases(clock.NAMED_TIMES)}){_E}", re.IGNORECASE)
_START_VERB_PATTERN = (f'{_phrases(_PHRASES["start_verbs"])}|'
                       f'{_phrases(_PHRASES["opening_windows"], regex=True)}')
# "ended with a truce at 5.30am": a truce introduced with "a", its time right after it
_TRUCE_AT = LazyPattern(rf"{_B}(?:{_PHRASES['truce_at'].replace(' ', chr(92) + 's+')})\s+$", re.IGNORECASE)
# "The army fixed the start at noon", "gave its own start as 0001 hours", "put the start of the truce at midnight":
# the start named as a noun, then the time
_START_NOUN_AT = LazyPattern(
    rf"{_B}(?:the|its|their)\s+(?:own\s+)?(?:{_phrases(_PHRASES['start_nouns'])})"
    rf"(?:\s+of\s+(?:the|its|their)\s+(?:[\w'-]+\s+)?(?:cease-?fire|truce|pause|halt|armistice))?\s+(?:at|as|for|from)\s+$",
    re.IGNORECASE)
_START_NOUN = LazyPattern(
    rf"{_B}(?:the|its|their)\s+(?:own\s+)?(?:{_phrases(_PHRASES['start_nouns'])})\s+(?:at|as|for|from)\b", re.IGNORECASE)
_FUTURE_START_CUE = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['future_start_cues'])})\s+$", re.IGNORECASE)
# "will observe the truce as of midnight", "ordered the army to suspend operations as of 18:00 hours today": a clause
# that looks ahead, by its auxiliary or by the infinitive of a verb of halting
_LOOKING_AHEAD = LazyPattern(rf"\b(?:will|would|shall|is\s+to|are\s+to|to\s+(?:{_phrases(_PHRASES['halt_verbs'])}))\b|'ll\b",
                             re.IGNORECASE)
# "took effect at", "was due to begin on Monday at": the verb of starting stands just before the "at"
# "took effect at Tuesday midnight", "began Tuesday midnight": a day may stand between the cue and the clock
_DAY_BEFORE_CLOCK = rf"(?:{clock.WEEKDAY}\s+)?"
# "took effect, according to the African Union, at noon": an aside between commas may stand after the verb
# "began on January 29, 2003, at 11 am", "will come into effect tomorrow, 2 April 2022, at 19:00": the day may stand
# between the verb and the "at"
_AT_CUE = LazyPattern(
    rf"{_B}(?:{_START_VERB_PATTERN})(?:\s*,[^,;:]{{1,60}},|\s+(?:on\s+)?{clock.DAY}(?:,\s+{clock.DATE})?,)?(?:\s+[\w'-]+){{0,7}}?,?\s+"
    rf"(?:{_phrases(_PHRASES['at_cues'])})\s+{_DAY_BEFORE_CLOCK}$",
    re.IGNORECASE,
)
# "began at sunset on 12 September – 7pm local time –", "begins at sundown, 7 p.m. local time,": a clock in
# apposition to a start named in words
# ("the shooting would stop at dawn on Saturday, 6 a.m.": the end of the fighting named in words, likewise)
_APPOSED = LazyPattern(
    rf"{_B}(?:{_START_VERB_PATTERN}|{_PHRASES['fighting_ends'].replace(' ', chr(92) + 's+')})"
    rf"\s+(?:at|from|on)\s+[^–—(),]{{1,40}}?\s*[–—(,]\s*$", re.IGNORECASE
)
# "takes effect 72 hours after the signing, i.e. at 0040 on Sunday": a start put in other words, then its clock
_RESTATED = LazyPattern(
    rf"{_B}(?:{_START_VERB_PATTERN})\s+[^–—(),.;]{{1,60}}?,?\s+(?:i\.\s?e\.,?|that\s+is,|namely)\s+(?:(?:at|from|on)\s+)?$",
    re.IGNORECASE)
# "the fighting would end at 4 a.m.": the end of the fighting is the truce's start
_FIGHTING_ENDS_AT = LazyPattern(
    rf"{_B}(?:{_PHRASES['fighting_ends'].replace(' ', chr(92) + 's+')})\s+(?:{_phrases(_PHRASES['at_cues'])})\s+$",
    re.IGNORECASE,
)
# "agreed to lay down arms at 1400 GMT": the halt's own verb, then the time; "would not halt ... at" is denied
# "Truce begins midnight tonight": a headline drops the "at", the verb of starting stands right before the time
_BARE_START = LazyPattern(rf"{_B}(?:{_START_VERB_PATTERN})\s+{_DAY_BEFORE_CLOCK}$", re.IGNORECASE)
# "From 6 a.m. on Friday, both sides will observe a truce": a start cue opening the sentence, its truce in the
# main clause after the comma (no other clause, count or denial between)
_FRONTED_START = LazyPattern(r"\W*$")
_MENTION = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['mention_prepositions'])})\s+(?:[\w'-]+\s+){{0,2}}$", re.IGNORECASE)
# ", which was seven o'clock here in New York,": the same moment on another clock, an aside after a fronted start
_EQUIVALENT_ASIDE = LazyPattern(r",\s*(?:which|that)\s+(?:was|is|would\s+be)\s+[^,;:()—–]{1,70}?,", re.IGNORECASE)
_UNTIL_CUE = LazyPattern(r"\s+(?:until|till|to|through)\s+", re.IGNORECASE)
_DENIAL = LazyPattern(rf"(?:{_B}|(?<=n))(?:{_phrases(_PHRASES['denials'])}){_E}", re.IGNORECASE)
# "an end to military operations in Georgia at noon": a place may stand between the halt and its time
# "stop shooting six hours earlier, at noon": how long before or after may stand between the halt and its time
_HALT_THEN_AT = LazyPattern(
    # ("along the whole front", "across the northern sector": a stretch of the front by its common noun)
    rf"(?:\s+(?:in|across|along|on|against)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:[A-Z][\w'-]+|(?:{_phrases(_PHRASES['front_nouns'])}){_E}))?"
    rf"(?:\s+[\w-]+\s+(?:hours?|minutes?|days?)\s+(?:earlier|later|before|after),?)?"
    # "hold fire from the end of the Eid prayers at 7am": an occasion whose end or start the clock then gives
    rf"(?:\s+(?:from|after)\s+(?:the\s+)?(?:end|close|start|beginning)\s+of(?:\s+[\w'-]+){{1,4}}?)?"
    rf"\s+(?:{_phrases(_PHRASES['at_cues'])})\s+$"
)
# "were to begin pulling their troops out ... at 0600 hours": the verb of starting starts another action
_BEGUN_ACTION = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['begin_verbs'])})\s+(?!(?:{_phrases(_PHRASES['halt_verbs'] + _PHRASES['truce_keeping_actions'])}){_E})"
    r"[a-z]+ing\b", re.IGNORECASE)
# "a clash near the bridge began at": a hostile event, with at most a few words after it, right before the verb of
# starting: its subject, unless a truce is named before it in the clause
_HOSTILE_SUBJECT = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['hostile_events'])})(?:\s+(?!and\b|or\b)[\w'’-]+){{0,3}}\s+"
    rf"(?:{_phrases(_PHRASES['begin_verbs'])})\b", re.IGNORECASE)
_HALT_VERB = LazyPattern(rf"(?:{_phrases(_PHRASES['halt_verbs'])}){_E}", re.IGNORECASE)
# "told them by radio to stop": an order whose infinitive is a verb of halting
_ORDERED_TO_HALT = LazyPattern(rf"\bto\s+(?:{_phrases(_PHRASES['halt_verbs'])})$", re.IGNORECASE)
_DENIED = LazyPattern(rf"(?:{_B}|(?<=n))(?:{_phrases(_PHRASES['denials'])})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
_END_CUE = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['end_cues'])})\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_START_VERB = LazyPattern(rf"{_B}(?:{_START_VERB_PATTERN}){_E}", re.IGNORECASE)
# "since 9 a.m." dates a start only when the clause says the guns have stopped or the truce held
_SINCE = LazyPattern(rf"{_B}since\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_SINCE_STATE = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['since_states'])}){_E}", re.IGNORECASE)
_OPENING_AT = LazyPattern(r"(?:at|from|since)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_WHEN = LazyPattern(rf"\s*,?\s*{_PHRASES['when_link']}{_E}", re.IGNORECASE)
# A break between clauses: ";", ":", a dash, " - ", ", but". The three kinds open with different characters, so the
# pattern opens with the class of all of them, which `re` scans for in C, and the character read says which kind goes
# on: the matches of "[;:—–]|\s-\s|,\s+(?:but|while|whereas)\b", which `re` would try at every character.
_CLAUSE_BREAK = LazyPattern(r"[;:—–\s,](?:(?<=[;:—–])|(?<=\s)-\s|(?<=,)\s+(?:but|while|whereas)\b)")


# Plain words one of which every trigger contains: a cheap test before the trigger regex runs.
# the words one of the triggers must hold, found in one scan of a sentence (regexes.containing)
_TRIGGER_KEYS = containing(_PHRASES["trigger_keys"])


# "Kyrgyz officials said it had taken effect", "The Kremlin said the order took effect": a short reporting clause
# may stand before the subject that takes the truce up
_SAID_BEFORE = rf".{{0,60}}?\b(?:{_phrases(_PHRASES['reporting_clause_verbs'])})\s+(?:that\s+)?"
# "The deal, brokered by Moscow, took effect": an aside between commas may stand between a subject and its verb,
# itself holding one apposition ("agreed through the committee chaired by the mayor, Bernard Kolelas,")
_ASIDE = r"(?:\s*,[^,;:]{1,140}(?:,[^,;:]{1,60})?,)?"
# the truce of the sentence before, taken up by its subject: "It took effect at 0800 GMT."; or one of the
# truces it named: "Two truces collapsed. The first, brokered by Moscow, was due to begin at noon."
# "The first, brokered by Moscow, was due to begin": an ordinal subject, an aside or a relative clause, its verb
_ORDINAL_SUBJECT = (
    rf"(?:{_phrases(_PHRASES['referring_ordinals'])})(?:{_ASIDE}\s+|\s*,\s*(?:which|that)\s+)"
    rf"(?:(?:was|were|is|are|had|has|would|will)\s+(?:\w+\s+){{0,2}}?)?"
    # "The second covered the first round on May 29 and ran from 00:00": a first verb of its own, then "and"
    rf"(?:(?:[\w'’-]+\s+){{1,8}}?and\s+)?"
)
REFERRING_BACK = LazyPattern(
    rf"(?:\W*|{_SAID_BEFORE})"
    rf"(?:(?:(?:{_phrases(_PHRASES['referring_back'])}){_ASIDE}\s+(?:\w+\s+){{0,2}}?"
    rf"|{_ORDINAL_SUBJECT})(?={_START_VERB_PATTERN})"
    # "the only pauses were local ones. The first held for three hours from 3 p.m.": an ordinal that held or lasted
    rf"|(?:{_phrases(_PHRASES['referring_ordinals'])})\s+(?=(?:held|lasted|ran)\s+for\b))",
    re.IGNORECASE,
)
# "Two truces were agreed. The latest offer was the second in four days. The first, agreed in the capital, was meant
# to take effect at 1900": an ordinal counts among the truces named up to two sentences before
REFERRING_ORDINAL = LazyPattern(rf"\W*{_ORDINAL_SUBJECT}(?={_START_VERB_PATTERN})", re.IGNORECASE)
# "The first Minsk agreement, signed on September 5, took effect at 1800": in a story that has named a truce,
# an agreement that is the subject of a verb of starting is that truce (or an earlier one) taking effect
AGREEMENT_STARTING = LazyPattern(
    rf"(?:\W*(?:the|this|that|a|an|its|their)|{_SAID_BEFORE}"
    rf"(?:the|this|its|their))\s+"  # after "X said", only a definite agreement: the one the story named
    rf"(?:[\w'-]+\s+){{0,3}}?(?:{_phrases(_PHRASES['anaphoric_nouns'] + _PHRASES['starting_subjects'])})"
    rf"{_ASIDE}\s+(?:\w+\s+){{0,2}}?(?={_START_VERB_PATTERN})",
    re.IGNORECASE,
)
# "a truce from Saturday", "will take effect on Monday": a start day with no clock time
DAY_START = LazyPattern(
    rf"{_B}{opening(_PHRASES['start_cues'], _PHRASES['start_verbs'], _PHRASES['opening_windows'])}"
    rf"(?:(?:{_phrases(_PHRASES['start_cues'])})|(?:{_START_VERB_PATTERN})(?:\s+(?:on|from))?)\s+(?P<day>{clock.DAY})",
    re.IGNORECASE,
)



# "commanders had been instructed to enforce the freeze from noon on Wednesday", "saying their order took effect
# at 6 a.m.": in a story that has named a truce, a definite agreement or order right before a start cue, or as the
# subject of a verb of starting, is that truce (or its order), wherever it stands in the sentence
_DEFINITE_AGREEMENT_FROM = LazyPattern(
    rf"{_B}(?:the|this|that|its|their)\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:{_phrases(_PHRASES['anaphoric_nouns'] + _PHRASES['starting_subjects'])})"
    # "its order of “zero violence” against the public took effect": what the order is of may stand between
    # ("its own order to all commands therefore takes effect": or whom it is addressed to)
    rf"(?:\s+(?:of|to)\s+[^,.;:()]{{1,60}}?)?"
    rf"\s+(?:(?:only|just|therefore|thus|now|also)\s+)?(?=(?:{_phrases(_PHRASES['start_cues'])})\s|(?:(?:had|has|have|would|will|was|were)\s+)?(?:be(?:en)?\s+)?"
    rf"(?:{_START_VERB_PATTERN}){_E})",
    re.IGNORECASE)
# "A second deal was brokered by the governor's envoy. It took effect at 8am": in a story that has named a truce,
# a subject that counts on from it ("a second", "another", "a new") names the next one
_NEXT_AGREEMENT = LazyPattern(
    rf"\W*(?:a|another|the)\s+(?:(?:{_phrases(_PHRASES['next_agreement_words'])})\s+)(?:[\w'-]+\s+){{0,2}}?"
    rf"(?:{_phrases(_PHRASES['anaphoric_nouns'])}){_E}",
    re.IGNORECASE)
_ANAPHORIC_NOUN = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['anaphoric_nouns'])}|{_phrases(_PHRASES['referring_extensions'], regex=True)}){_E}",
    re.IGNORECASE)


# a truce given a short form in brackets right after its name: "a cessation of hostilities agreement (CoHA)"
_SHORT_FORM = pattern_cache.compile(r"(?:\s+(?:agreement|accord|deal|arrangement))?\s*\((?P<short>[A-Z][A-Za-z]{1,9})\)")


def sentences_about_truces(document: Document):
    """(sentence, trigger matches) for each sentence that names a truce, or whose subject refers back to
    the truce the sentence before named ("A truce was agreed on Friday. It took effect at 0800 GMT.")."""
    text = document.text
    previous_named_a_truce = story_named_a_truce = False
    sentences_since_truce = None  # how many sentences back the last one naming a truce stands
    short_names: set[str] = set()  # "non-initiation of combat operations (NICO)": "the NICO" names it after
    short_forms: re.Pattern | None = None
    for sentence in document.sentences:
        lowered = text[sentence.start:sentence.end].lower()
        triggers = []
        if _TRIGGER_KEYS.search(lowered):
            triggers = list(TRIGGER.finditer(text, sentence.start, sentence.end))
            named = [found.group("short") for t in triggers
                     if (found := _SHORT_FORM.match(text, t.end(), sentence.end))]
            if set(named) - short_names:
                short_names.update(named)
                short_forms = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(short_names)))})\b")
        if short_forms is not None:
            triggers = sorted([*triggers, *(found for found in short_forms.finditer(text, sentence.start, sentence.end)
                                            if not any(t.start() <= found.start() < t.end() for t in triggers)
                                            and text[found.start() - 1:found.start()] != "(")],
                              key=lambda t: t.start())
        named_a_truce = bool(triggers)
        if not triggers and previous_named_a_truce:
            subject = REFERRING_BACK.match(text, sentence.start, sentence.end)
            noun = (subject or _ANAPHORIC_NOUN.search(text, sentence.start, sentence.end)
                    or AGREEMENT_STARTING.match(text, sentence.start, sentence.end)
                    or _DEFINITE_AGREEMENT_FROM.search(text, sentence.start, sentence.end)
                    or _START_NOUN.search(text, sentence.start, sentence.end))
            triggers = [noun] if noun else []
            named_a_truce = bool(noun)  # "A second deal ... collapsed. A third one held." keeps the thread
        elif not triggers and story_named_a_truce:
            agreement = (AGREEMENT_STARTING.match(text, sentence.start, sentence.end)
                         or _NEXT_AGREEMENT.match(text, sentence.start, sentence.end)
                         or (sentences_since_truce == 2 and REFERRING_ORDINAL.match(text, sentence.start, sentence.end))
                         or _DEFINITE_AGREEMENT_FROM.search(text, sentence.start, sentence.end)
                         or _START_NOUN.search(text, sentence.start, sentence.end)
                         or None)
            triggers = [agreement] if agreement else []
            named_a_truce = bool(agreement)
        previous_named_a_truce = named_a_truce
        sentences_since_truce = 1 if named_a_truce else (sentences_since_truce or 0) + 1 if story_named_a_truce else None
        story_named_a_truce = story_named_a_truce or named_a_truce
        if triggers:
            yield sentence, triggers


_PROPOSAL = LazyPattern(rf"{_B}{opening(_PHRASES['proposals'])}(?:{_phrases(_PHRASES['proposals'])}){_E}", re.IGNORECASE)
# "his fighters would observe a ceasefire from 6 am on Sunday if the government agreed to talks": an offer on a condition
_CONDITIONAL_OFFER = LazyPattern(
    rf"\bwould\b[^.;:]{{0,150}}?{_B}(?:{_phrases(_PHRASES['conditional_offers'])}){_E}", re.IGNORECASE)
_REJECTION = LazyPattern(rf"{_B}{opening(_PHRASES['rejections'])}(?:{_phrases(_PHRASES['rejections'], regex=True)}){_E}",
                         re.IGNORECASE)


_FIRST_PLAN = LazyPattern(rf"{_B}{opening(_PHRASES['first_plan_words'])}(?:{_phrases(_PHRASES['first_plan_words'])}){_E}", re.IGNORECASE)
_FAILED_START = LazyPattern(rf"{_B}{opening(_PHRASES['failed_starts'])}(?:{_phrases(_PHRASES['failed_starts'])}){_E}",
                            re.IGNORECASE)
_PLAN_MOVED = LazyPattern(rf"{_B}{opening(_PHRASES['plan_moved_words'])}(?:{_phrases(_PHRASES['plan_moved_words'])}){_E}", re.IGNORECASE)


_ENDING_VERB = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['ending_verbs'])}){_E}", re.IGNORECASE)
# "a local truce had been agreed for 7 a.m.", "the pause announced by the army for 1 p.m.": the time fixed for it
_SET_FOR = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['set_for_participles'])})(?:\s+by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+for\s+$",
    re.IGNORECASE)
_EVENT_NOUN = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['event_nouns'])}){_E}", re.IGNORECASE)
_EVENT_CLAUSE = LazyPattern(
    rf"{_B}(?:{_phrases(_PHRASES['event_nouns'])}){_E}(?:\s+[\w'’-]+){{0,10}}?,?\s+(?:that|which)\s+$", re.IGNORECASE)
_UPON_ENDING = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['upon_ending'])}){_E}", re.IGNORECASE)
# "Tivoli and Arnett Gardens join at noon the next day": a later stage of a truce; "talks on prisoners follow at
# 10 a.m." is an event's time
_STAGED = LazyPattern(r"\b(?:join|follow)(?:s|ed)?\s+(?:at|from)\s+$", re.IGNORECASE)
_DENIED_REPORT = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['denied_reports'], regex=True)}){_E}", re.IGNORECASE)


def _event_began(text: str, start: int, cue_start: int) -> bool:
    """Whether the verb of starting at `cue_start` opens a relative clause on an event ("a meeting of the chiefs
    of staff in Moscow that began at"), not on a truce named between them ("a round that ended with a ceasefire
    that came into force at")."""
    event = _EVENT_CLAUSE.search(text, start, cue_start)
    return event is not None and TRIGGER.search(text, event.start(), cue_start) is None


def denied_report(text: str, match: re.Match, sentence: Sentence, following: Sentence | None = None) -> bool:
    """Whether the clock is in a report the sentence says someone denied: "an official denied a report that a
    truce would begin at 6am"; or in a report of a start the next sentence calls wrong ("al-Arabiya had reported
    that the truce would start at noon on Thursday. The envoy's office said that report was wrong.")."""
    if _DENIED_REPORT.search(text, sentence.start, match.start()):
        return True
    return following is not None and bool(_REPORTED_THAT.search(text, sentence.start, match.start())) \
        and bool(_DENIED_AFTER.search(text, following.start, following.end))


_REPORTED_THAT = LazyPattern(r"\breport(?:s|ed)?\s+that\b", re.IGNORECASE)
_DENIED_AFTER = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['denied_after'], regex=True)}){_E}", re.IGNORECASE)


def superseded_plan(text: str, match: re.Match, sentence: Sentence) -> bool:
    """Whether the clock is the first plan of a start the sentence says was moved: "officials had initially
    spoken of a start at 10 a.m., before disagreements pushed it back"."""
    clause_start = _clause_start(text, sentence.start, match.start())
    return bool(_FIRST_PLAN.search(text, clause_start, match.start())
                and _PLAN_MOVED.search(text, sentence.start, sentence.end))


def failed_start(text: str, sentence: Sentence) -> bool:
    """Whether the sentence tells of a start that never held ("which was meant to take effect at noon on Wednesday
    but never took hold"): the day it names is that truce's, not the one the story is about."""
    return bool(_FAILED_START.search(text, sentence.start, sentence.end))


def rejected_proposal(text: str, sentence: Sentence, following: Sentence | None = None) -> bool:
    """Whether the sentence is about a proposal (or an offer on a condition) that was turned down, in it or by the
    next sentence's short answer ("negotiators had discussed a truce from 6 a.m. on Saturday. The deputies rejected
    it."): its times start no truce."""
    if not _PROPOSAL.search(text, sentence.start, sentence.end) \
            and not _CONDITIONAL_OFFER.search(text, sentence.start, sentence.end):
        return False
    return bool(_REJECTION.search(text, sentence.start, sentence.end)
                or following is not None and _REJECTED_IT.match(text, following.start, following.end))


# "The deputies rejected it.", "Kyiv turned the offer down": a short sentence whose verb refuses what came before
_REJECTED_IT = LazyPattern(
    rf"\W*(?:[\w'’-]+\s+){{0,6}}?(?:{_phrases(_PHRASES['rejections'], regex=True)})"
    rf"(?:\s+(?:it|this|that|them|the\s+(?:offer|plan|proposal|idea|truce|deal|terms|conditions?|demands?)))?"
    rf"(?:\s+(?:the\s+same\s+day|at\s+once|immediately|within\s+hours|later|on\s+\w+day))?"  # "... the same day"
    rf"(?:\W*$|,\s+(?:calling|saying|describing|dismissing|arguing|branding|terming)\s)",  # "…, calling it a trick"
    re.IGNORECASE)


def start_cue(text: str, match: re.Match, sentence: Sentence, triggers: list[re.Match]) -> int | None:
    """Where the words tying this time to a ceasefire's start begin, or None if it is not tied."""
    apposed = _APPOSED.search(text, max(sentence.start, match.start() - 90), match.start())
    if apposed and not clock.TIME.search(text, apposed.start(), match.start() - 1):
        return apposed.start()
    restated = _RESTATED.search(text, max(sentence.start, match.start() - 100), match.start())
    if restated and not clock.TIME.search(text, restated.start(), match.start() - 1):
        return restated.start()
    clause_start = _clause_start(text, sentence.start, match.start())
    window_start = max(clause_start, match.start() - 60)
    # a partial quotation ('would halt only "from 1200 GMT') is read through: its marks count as spaces
    before = text[window_start:match.start()].translate(_QUOTE_MARKS)
    # a verb of starting right before ("took effect shortly after 8 p.m.") outranks an end word, unless a verb of
    # ending comes between them ("the extended truce expires at 23:59")
    cue = (_FIGHTING_ENDS_AT.search(before) or _AT_CUE.search(before) or _BARE_START.search(before)
           or _TRUCE_AT.search(before) or _START_NOUN_AT.search(before))
    if cue and not _FIGHTING_ENDS_AT.made(cue) and _event_began(text, max(clause_start, window_start + cue.start() - 90),
                                                               window_start + cue.start()):
        return None  # "a meeting in Moscow that began at 10 a.m.": the event began then, not the truce
    if cue and _STAGED.search(cue.group()) and _EVENT_NOUN.search(text, clause_start, window_start + cue.start()):
        return None  # a stage of something else: "talks on prisoners follow at 10 a.m."
    if cue and _COUNTERFACTUAL.search(text, max(clause_start, window_start + cue.start() - 25),
                                      window_start + cue.start()):
        return None  # "under the first draft the truce would have started at 1500 GMT": it never did
    if cue and _AT_CUE.made(cue) and _BEGUN_ACTION.search(cue.group()):
        return None  # "to begin pulling their troops out of the city at 0600 hours"
    hostile = None
    if cue and (_AT_CUE.made(cue) or _BARE_START.made(cue)):
        hostile = _HOSTILE_SUBJECT.search(text, max(clause_start, window_start + cue.start() - 40),
                                          window_start + cue.end())
    if hostile and not any(clause_start <= t.start() < hostile.start() for t in triggers):
        # "a clash near the bridge began at about 14:30": the fighting began then, not the truce ("a pause in the
        # fighting began at 7 a.m." names its truce first)
        return None
    if cue and _AT_CUE.made(cue):
        ending = _ENDING_VERB.search(cue.group())
        if ending and not _UPON_ENDING.search(cue.group(), 0, ending.start()):
            return None
    if cue:
        return window_start + cue.start()
    halt = _halt_just_before(text, match, triggers)
    if halt is not None:
        return halt
    set_for = _set_for(text, window_start, before, clause_start, triggers)
    if set_for is not None:
        return set_for
    if _END_CUE.search(before):
        return None
    cue = _START_CUE.search(before) or (_NAMED_TIME.match(match.group()) and _START_CUE_THE.search(before)) \
        or (_LOOKING_AHEAD.search(text, clause_start, match.start()) and _FUTURE_START_CUE.search(before))
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
        # "At 6 a.m., the guns fell silent": the time leads, its verb of starting follows close by (after the same
        # moment on another clock, if an aside gives it: "At six, which was seven in New York, a truce took effect")
        after = _equivalent_aside_end(text, match.end(), sentence.end)
        if after != match.end():
            clause_end = _clause_end(text, after, sentence.end)
        if _START_VERB.search(text, after, min(clause_end, after + 50)):
            return match.start() - len(opening.group())
        # "At 6 a.m., a ceasefire brokered by the US, Argentina and Brazil took effect": the truce right after the
        # time, its verb of starting later in the sentence
        if any(_fronted_truce(text, after, t.start()) and _START_VERB.search(text, t.end(), sentence.end)
               for t in triggers):
            return match.start() - len(opening.group())
    when = _WHEN.match(text, match.end(), sentence.end)
    if when and not _REPORTED_AFTER_WHEN.search(text, when.end(), clause_end) and (
            _START_VERB.search(text, when.end(), clause_end) or TRIGGER.search(text, when.end(), clause_end)):
        return match.start()
    return None


# "came at 1530H, when the minister told reporters that both sides had agreed to stop fighting": the clock dates
# a statement of the truce, not its start
_COUNTERFACTUAL = LazyPattern(rf"{_B}(?:{_phrases(_PHRASES['counterfactuals'])})\s+$", re.IGNORECASE)
_REPORTED_AFTER_WHEN = LazyPattern(rf"{_B}(?:{_phrases(lexicons.words('speech_verbs'))}){_E}", re.IGNORECASE)
_QUOTE_MARKS = str.maketrans({mark: " " for mark in "\"“”‘’"})


def _fronted_truce(text: str, time_end: int, trigger_start: int) -> bool:
    """Whether the words between a fronted start time and a truce are one main clause: ", both sides will observe a"."""
    until = _UNTIL_CUE.match(text, time_end, trigger_start)
    end_time = until and clock.TIME.match(text, until.end(), trigger_start)
    if end_time:  # "From 0600 GMT on Friday until 1800 GMT on Sunday, ...": the end comes with the start
        time_end = end_time.end()
    time_end = _equivalent_aside_end(text, time_end, trigger_start)  # "At six, which was seven in New York, a truce"
    between = text[time_end:trigger_start]
    if not between.startswith(","):
        return False
    between = between[1:]
    return (0 < trigger_start - time_end <= 120 and not re.search(r"[\d,;:—–()]", between)
            and not _DENIAL.search(between) and not _MENTION.search(between))


def _equivalent_aside_end(text: str, time_end: int, stop: int) -> int:
    """Where the words after a clock go on past an aside giving the same moment on another clock (", which was seven
    o'clock here in New York,"): at the aside's closing comma; else at the clock's end."""
    aside = _EQUIVALENT_ASIDE.match(text, time_end, stop)
    if aside and clock.TIME.search(text, aside.start(), aside.end()):
        return aside.end() - 1
    return time_end


def _halt_just_before(text: str, match: re.Match, triggers: list[re.Match]) -> int | None:
    """Where "stop shelling at 0600 GMT" begins: a trigger led by a verb of halting, only an "at" between."""
    for trigger in triggers:
        if (0 <= match.start() - trigger.end() <= 45
                and (_HALT_VERB.match(trigger.group()) or _ORDERED_TO_HALT.search(trigger.group()))
                and _HALT_THEN_AT.fullmatch(text, trigger.end(), match.start())
                and not _DENIED.search(text, max(0, trigger.start() - 30), trigger.start())):
            return trigger.start()
    return None


def _set_for(text: str, window_start: int, before: str, clause_start: int, triggers: list[re.Match]) -> int | None:
    """Where "agreed for" begins when the truce it fixes the time of is named just before it (no event noun, such
    as "talks", owning the time in between or before the truce)."""
    found = _SET_FOR.search(before)
    if found is None:
        return None
    cue_start = window_start + found.start()
    truce = next((t for t in reversed(triggers) if t.end() <= cue_start), None)
    if truce is None or _EVENT_NOUN.search(text, clause_start, cue_start):
        return None
    gap = text[truce.end():cue_start]
    # "a local ceasefire between Croat and Muslim commanders, which United Nations officers had arranged for noon":
    # a relative clause on the truce may reach further than the truce's own qualifier
    reach = 100 if _RELATIVE_ON_TRUCE.match(gap) else 30
    if len(gap) > reach:
        return None
    return truce.start()


# ", which United Nations officers had arranged for": a relative clause, the words before it qualifying the truce
_RELATIVE_ON_TRUCE = pattern_cache.compile(r"[^,;:.()]{0,60},\s+(?:which|that)\s+[^,;:.()]+$")


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding `position` begins: after the last clause break before it."""
    clause_start = sentence_start
    for brk in _CLAUSE_BREAK.finditer(text, sentence_start, position):
        clause_start = brk.end()
    return clause_start


def _clause_end(text: str, position: int, sentence_end: int) -> int:
    brk = _CLAUSE_BREAK.search(text, position, sentence_end)
    return brk.start() if brk else sentence_end
