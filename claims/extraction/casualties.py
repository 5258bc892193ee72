"""Casualty counts: how many were killed, wounded, missing or captured, as the article states it.

Each rule is one way news phrases a count, read from the lexicons:

- ``casualty.count_then_outcome``: "at least 49 Armenian soldiers were killed", "30 dead",
  "two civilians were among the dead", "about 60 people are dead or still missing"
- ``casualty.count_noun``: "an estimated 377,000 deaths", "213 civilian fatalities"
- ``casualty.verb_then_count``: "killing at least 50 people", "injuring one", "the abduction of 80 pupils"
- ``casualty.lives_lost``: "claimed some 30,000 lives", "had lost as many as 2,300 men"
- ``casualty.left_outcome``: "left around 110 people dead"
- ``casualty.held_captive``: "is still holding at least 38 hostages", "still holds 30 people hostage"
- ``casualty.toll``: "the death toll had risen to 9,057", "put the dead at between 70 and 91",
  "the confirmed death count stands at 37", "the dead could number 18,000 to 20,000",
  "bringing to 250 the number of soldiers killed"
- ``casualty.continued``: a count that carries on the claim before it in the sentence:
  "..., including five children", "roughly 150,000 of them", "and then to 50", "up from the 50"
- ``casualty.coordinated``: further groups joined by "and" or listed with commas: "killing five soldiers and
  two civilians", "among them 18 women, 11 children and 3 men"; a group added after a finished clause, "... were
  killed in the operations, along with 13 soldiers"; a toll broken down after a colon, "puts the dead at 107:
  14 police officers, nine soldiers, 24 civilians and 60 rebels"
- ``casualty.running_total``: "bringing the total to 2,662", taking the outcome of the counts it can sum
- ``casualty.share_of_toll``: part of a toll counted apart, "62 of the dead were in the hills"
- ``casualty.elided``: a second count with its outcome left out, "ten died in Cuba and two in Jamaica"
- ``casualty.listed_as``: the outcome after the count and "as", "listed 239 people as injured and 52 as missing"
- ``casualty.ordinal_one``: one more of the people just counted, "... were shot dead and a fifth was captured alive"
- ``casualty.treated_for``: an injury stated as its treatment, "had treated 17 people for gunshot wounds",
  "14 of them for shrapnel wounds" ("were being treated for burns" is read by the count-first rule); a disease
  or a check-up is never an injury
- ``casualty.tally_reference``: a tally named again by a bare noun and given a value, "the figure could be as
  many as 80,000", "later put the number at about 800": it counts what the claim before it counted (in its
  sentence or the one before), or else what the last outcome word of its sentence names

A bare count joined by "and" to the count just before it counts the same people ("17 of its troops were
killed and 43 wounded": 43 troops), as a reader fills in the noun the sentence leaves out.

A toll that lists its people ("the dead included one civilian, two guards and a nurse, as well as five of
the attackers") gives each counted item; "a lower figure of 58" after a claim counts what that claim counts,
in the same sentence or, when the figure is indeed lower (or higher), in the next one.

The subject may carry its own "of" phrase, places, a bracketed short name, an
appositive or a relative clause before its verb ("16 members of the Volunteers for the
Defence (VDP), the militia that fights beside the army, had also died", "eleven soldiers
who rushed to the scene were also killed"); a number inside that phrase ("nine members
of one family") is part of who died, never a count of its own.

A count is only a casualty when it is a whole number of people: ages, years,
dates, clock times, distances, money and equipment around a number rule it out
(numbers.is_count).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from . import casualty_patterns as patterns, casualty_tables, numbers, pattern_cache, speakers
from .regexes import KeyScan
from .types import Document, ExtractedClaim

_VERB_FIRST = (
    (patterns.LEFT_OUTCOME, "casualty.left_outcome", patterns.plain_keys(patterns.OUTCOMES["left_verbs"])),
    (patterns.VERB_THEN_COUNT, "casualty.verb_then_count", patterns.plain_keys(patterns.VERBS_BEFORE)),
    (patterns.HELD_CAPTIVE, "casualty.held_captive", patterns.plain_keys(patterns.OUTCOMES["held_captive"]["verbs"])),
    (patterns.LIVES_LOST, "casualty.lives_lost", patterns.plain_keys(patterns.LIVES_VERBS)),
    (patterns.TOLL, "casualty.toll", patterns.plain_keys(p for ps in patterns.TOLL_NOUNS.values() for p in ps)),
    (patterns.LISTED_AS, "casualty.listed_as", patterns.plain_keys(patterns.OUTCOMES["listed_as"]["verbs"])),
    (patterns.TOLL_AFTER_COUNT, "casualty.toll", patterns.plain_keys(p for ps in patterns.TOLL_NOUNS.values() for p in ps)),
    (patterns.TREATED_FOR, "casualty.treated_for", patterns.TREATED_KEYS),
    (patterns.LABELLED, "casualty.labelled", patterns.plain_keys(patterns.LABELS)),
    (patterns.NAMED_AND_OTHERS, "casualty.named_and_others", patterns.plain_keys(patterns.VERBS_BEFORE)),
    (patterns.HELD_PEOPLE, "casualty.held_people", patterns.plain_keys(patterns.OUTCOMES["held_people"]["verbs"])),
    (patterns.SET_AT, "casualty.set_at", patterns.plain_keys(patterns.GRAMMAR["toll_setters"])),
)

# The key tests of a sentence that holds an anchor, answered by one scan of it (regexes.KeyScan)
_SENTENCE_KEYS = KeyScan([
    *(keys for _, _, keys in _VERB_FIRST), *patterns.CONTINUED_KEYS, patterns.SHARE_OF_KEYS,
    patterns.OUTCOME_AFTER_A_COUNT, patterns.COUNT_NOUN_AFTER_A_COUNT, patterns.TREATED_KEYS,
    patterns.RUNNING_TOTAL_KEYS, patterns.TALLY_REFERENCE_KEYS, patterns.PRONOUN_TALLY_KEYS, patterns.OF_THEM_KEYS,
    patterns.BREAKDOWN_KEYS,
])


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    outcome: str
    count: int
    count_high: int | None
    qualifier: str
    group: str | None
    rule: str
    confidence: float
    number_start: int
    numbers_end: int  # end of the count, or of the range's upper end
    group_from: str = ""  # the count whose people a bare count counts too ("17 of its troops were killed")
    outcome_from: str = ""  # the words a tally named again takes its outcome from ("the figure could be 80,000")
    refers_to: "_Found | None" = None  # the claim a tally named again counts again, whose source it shares
    part_of_toll: bool = False  # a further part of a toll told as "N were <people>" ("15 were children")
    breakdown_of: str = ""  # the count whose parts follow it ("170 people, 140 guests and 30 employees")


def find_casualties(document: Document) -> list[ExtractedClaim]:
    """Every stated casualty count in the document, each with its clause as evidence."""
    found: list[_Found] = []
    previous: list[_Found] = []
    paragraph, skipped = None, False
    for sentence in document.sentences:
        current = _in_sentence(document.text, sentence.start, sentence.end, previous)
        found.extend(current)
        if current or skipped or sentence.paragraph != paragraph:
            previous, skipped = current, False
        else:
            # "The government said 150 had died. Students dismissed that. AFP put the total at more than 300": a
            # figure may answer the claim of its paragraph's sentence before the one that passes judgement on it
            skipped = True
        paragraph = sentence.paragraph
    if any(item.outcome in ("killed", "wounded") for item in found):
        found = _with_hospital_care(document, found)
    found = _with_breakdowns(document.text, found)
    claims = []
    speaker_of: dict[int, str | None] = {}
    for item in found:
        speaker = speakers.statement_speaker(document, item.number_start)
        if speaker is None and item.refers_to is not None:
            speaker = speaker_of.get(id(item.refers_to))  # "the figure ... includes 730 children": the same source
        speaker_of[id(item)] = speaker
        claims.append(ExtractedClaim(
            kind="casualty",
            start=item.start,
            end=item.end,
            text=document.text[item.start:item.end],
            speaker=speaker,
            confidence=item.confidence,
            rule=item.rule,
            values={
                "outcome": item.outcome,
                "count": item.count,
                "count_high": item.count_high,
                "qualifier": item.qualifier,
                "group": item.group,
            },
            explanation=_explanation(item),
        ))
    # a table's cells carry no outcome in their own words: read apart, leaving rows prose has read already
    claims.extend(casualty_tables.find_table_casualties(document, [(c.start, c.end) for c in claims]))
    return claims


# ", 140 guests and 30 employees", ", 12 soldiers, three police and five civilians": the parts a count is made of,
# set right after it
def _part(k: int) -> str:
    return rf"(?P<n{k}>{patterns.NUM})\s+(?P<g{k}>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"


_BREAKDOWN = pattern_cache.compile(rf",\s+{_part(0)}(?:,\s+{_part(1)})?(?:,\s+{_part(2)})?,?\s+and\s+{_part(3)}(?=\s*[,.;:)\n]|\s*$)",
                        re.IGNORECASE)
# "All 259 people aboard - 243 passengers and 16 crew - died", "90 people aboard the bus (61 pilgrims and 29 others)":
# the parts set between dashes or in brackets inside the count's own clause
_ENCLOSED_BREAKDOWN = pattern_cache.compile(
    rf"(?:\(|\s[-–—]\s)\s*{_part(0)}(?:,\s+{_part(1)})?(?:,\s+{_part(2)})?,?\s+and\s+{_part(3)}\s*(?:\)|\s[-–—]\s)",
    re.IGNORECASE)


def _with_breakdowns(text: str, found: list[_Found]) -> list[_Found]:
    """ "holding 170 people, 140 guests and 30 employees", "All 259 people aboard - 243 passengers and 16 crew - died":
    the parts set right after a count with its people, or between dashes or in brackets inside its clause, when they
    add up to it, are counts of the same outcome, each with its own people."""
    parts: list[_Found] = []
    for item in found:
        if item.count_high is not None or not item.group:
            continue
        match = _BREAKDOWN.match(text, item.end) or _ENCLOSED_BREAKDOWN.search(text, item.numbers_end, item.end)
        if match is None:
            continue
        found_parts = [(match.start(f"n{k}"), match.end(f"n{k}"), match.end(f"g{k}"), numbers.parse_number(match[f"n{k}"]),
                        match[f"g{k}"]) for k in range(4) if match[f"n{k}"]]
        counts = [count for _, _, _, count, _ in found_parts]
        if not all(isinstance(count, int) and count > 0 for count in counts) or sum(counts) != item.count:
            continue  # parts that do not make up the whole are something else ("170 people, 40 cars and 3 buses")
        for start, number_end, end, count, group in found_parts:
            if any(other.number_start == start for other in found):
                continue
            parts.append(_Found(start, end, item.outcome, count, None, "exact", group.lower(), "casualty.breakdown",
                                0.7, start, number_end, breakdown_of=text[item.number_start:item.end]))
    return sorted([*found, *parts], key=lambda item: item.number_start) if parts else found


def _with_hospital_care(document: Document, found: list[_Found]) -> list[_Found]:
    """In a story of violence, people counted as taken into care ("52 people were being treated") were hurt: each
    such count no rule has claimed, in a sentence that names no illness, is a count of the wounded."""
    text = document.text
    claimed = {item.number_start for item in found}
    cared: list[_Found] = []
    starts = [sentence.start for sentence in document.sentences]
    holding = sorted({bisect_right(starts, word.start()) - 1 for word in patterns.CARE_WORD.finditer(text.lower())})
    for index in holding:  # only the sentences that name care at all: one scan of the text finds them
        if index < 0:
            continue
        sentence = document.sentences[index]
        if patterns.ILLNESS.search(text, sentence.start, sentence.end):
            continue
        for pattern in (patterns.HOSPITAL_CARE, patterns.HOSPITAL_CARE_BEFORE):
            for match in pattern.finditer(text, sentence.start, sentence.end):
                if pattern is patterns.HOSPITAL_CARE_BEFORE and _SHARE_TREATED_FOR.search(text, match.end(), sentence.end):
                    continue  # "Medics treated 60 people, 14 of them for shrapnel wounds": only the 14 were hurt
                item = _found(text, match, "wounded", "casualty.hospital_care", 0.6, sentence.end)
                if item is not None and item.number_start not in claimed:
                    claimed.add(item.number_start)
                    cared.append(item)
    return sorted([*found, *cared], key=lambda item: item.start) if cared else found


_SHARE_TREATED_FOR = pattern_cache.compile(r"\b(?:of\s+them|of\s+whom|including|among\s+them)\b[^.;]*?\bfor\b", re.IGNORECASE)


def _explanation(item: _Found) -> tuple[str, ...]:
    reasons = []
    if item.group_from:
        reasons.append(f"group '{item.group}' from '{item.group_from}' just before: the count names no people "
                       f"of its own")
    if item.outcome_from:
        reasons.append(f"outcome '{item.outcome}' from '{item.outcome_from}': the tally is named again by a bare noun")
    if item.breakdown_of:
        reasons.append(f"a part of '{item.breakdown_of}', set right after it with the other parts that add up to it: "
                       f"{item.outcome} too")
    return tuple(reasons)


def _in_sentence(text: str, start: int, end: int, previous: list[_Found]) -> list[_Found]:
    """The claims of one sentence, one per count: count-first rules, then verb-first and toll rules,
    then the counts that lean on a claim before them (coordinated, continued, running totals).
    `previous` are the claims of the sentence before, which "a lower figure of 58" may answer."""
    taken: dict[int, _Found] = {}
    lowered = text[start:end].lower()
    answers_before = bool(previous) and (patterns.FIGURE_COMPARED_KEYS.search(lowered)
                                         or patterns.TALLY_REFERENCE_KEYS.search(lowered)
                                         or patterns.PRONOUN_TALLY_KEYS.search(lowered)
                                         or patterns.BREAKDOWN_KEYS.search(lowered)
                                         and (patterns.OPENS_WITH_COUNT.match(text, start, end)
                                              or patterns.OPENS_WITH_AMONG.match(text, start, end)))
    if not answers_before and not patterns.ANCHOR_KEYS.search(lowered):
        return []
    counts = [number for number in numbers.find_numbers(text, start, end) if not number.vague]
    if not counts:
        return _one_person(text, start, end)

    def keep(item: _Found | None) -> None:
        if item is None or item.number_start in taken:
            return
        if any(other.number_start <= item.number_start < other.numbers_end for other in taken.values()):
            return  # "200 to 250 people": the 250 belongs to the range already read
        if any(other.numbers_end <= item.number_start < other.end and other.start <= item.start
               and not patterns.ASIDE_MARK.search(text, other.numbers_end, item.number_start)
               and not patterns.PARTITIVE.match(text, other.numbers_end, item.number_start)
               for other in taken.values()):
            return  # "nine members of one family died": the "one" is part of the group, not a count
            # (but in "two of the three people who were killed" the three is the toll the two are part of)
        taken[item.number_start] = item

    keys = _SENTENCE_KEYS.scan(lowered)
    share_of = keys.search(patterns.SHARE_OF_KEYS)  # "of the", "of those"
    aligned = len(lowered) == end - start  # lower() keeps offsets, save for a few letters such as 'İ'
    for number in counts:
        after = number.start - start
        outcome_after = not aligned or keys.search(patterns.OUTCOME_AFTER_A_COUNT, after)
        noun_after = not aligned or keys.search(patterns.COUNT_NOUN_AFTER_A_COUNT, after)
        for begin in _starts_for(text, number.start, start):
            if outcome_after:
                keep(_count_then_outcome(text, begin, end))
            if noun_after:
                keep(_count_noun(text, begin, end))
            if share_of:
                keep(_share_of_toll(text, begin, end))
    if share_of or "among" in lowered:  # "Of the 128 dead, 52 ...", "Among those killed, 15 ..."
        for match in patterns.SHARE_AFTER_TOLL.finditer(text, start, end):
            keep(_share_of_toll(text, match.start(), end, match))
    for pattern, rule, rule_keys in _VERB_FIRST:
        if keys.search(rule_keys):
            at = start
            while (match := pattern.search(text, at, end)) is not None:
                item = _from_verb_first(text, match, rule, end)
                keep(item)
                # a tally that reads no claim leaves the words after its noun to another: in "One of the wounded
                # died, bringing the toll to three" the toll after "the wounded" is read from "bringing" (a verb
                # of mixed outcomes, "killing or wounding 60", keeps its count: read again, it would be one)
                at = match.end("toll") if item is None and match.groupdict().get("toll") else match.end()
    for item in sorted(taken.values(), key=lambda item: item.start):
        share = _share_of_group(text, item, start, end)
        if share is not None:  # the group's count yields to the share its verb is about
            del taken[item.number_start]
            keep(share)
    ordered = sorted(taken.values(), key=lambda item: item.start)
    for item in ordered:
        _keep_chain(item, lambda item: _coordinated(text, item, start, end), keep, taken)
    ordered = sorted(taken.values(), key=lambda item: item.start)
    for pattern, rule_keys in zip(patterns.CONTINUED, patterns.CONTINUED_KEYS):
        if keys.search(rule_keys):
            for match in pattern.finditer(text, start, end):
                keep(_continued(text, match, ordered, end, previous))
    for item in sorted(taken.values(), key=lambda item: item.start):
        if item.rule == "casualty.continued":  # "among them 65 children, 12 women and 39 men"
            _keep_chain(item, lambda item: _coordinated(text, item, start, end), keep, taken)
    for item in sorted(taken.values(), key=lambda item: item.start):
        # "five in Kampala, three in Jinja and two in Mbale": each leans on the last
        _keep_chain(item, lambda item: _elided(text, item, end), keep, taken)
        # "listed 239 people as injured and 52 as missing": each count with its own outcome
        _keep_chain(item, lambda item: _listed_more(text, item, end), keep, taken)
        keep(_ordinal_one(text, item, end))
    if keys.search(patterns.TREATED_KEYS):
        # "had treated 40 people, 23 of them for gunshot wounds": a share of those treated, after the verb
        for number in counts:
            if patterns.TREATED_WORD.search(text, start, number.start):
                for begin in _starts_for(text, number.start, start):
                    match = patterns.TREATED_SHARE.match(text, begin, end)
                    if match:
                        keep(_found(text, match, "wounded", "casualty.treated_for", 0.7, end, group=None))
    # "11 people with gunshot wounds had been brought in overnight": people counted with their wounds
    for match in patterns.PEOPLE_WITH_INJURY.finditer(text, start, end):
        keep(_found(text, match, "wounded", "casualty.with_injury", 0.7, end))
    if keys.search(patterns.RUNNING_TOTAL_KEYS):
        for match in patterns.RUNNING_TOTAL.finditer(text, start, end):
            keep(_running_total(text, match, ordered, end))
    if keys.search(patterns.TALLY_REFERENCE_KEYS):
        ordered = sorted(taken.values(), key=lambda item: item.start)
        for match in patterns.TALLY_REFERENCE.finditer(text, start, end):
            keep(_tally_reference(text, match, ordered, start, end, previous))
    if keys.search(patterns.PRONOUN_TALLY_KEYS):
        ordered = sorted(taken.values(), key=lambda item: item.start)
        for match in patterns.PRONOUN_TALLY.finditer(text, start, end):
            item = _pronoun_tally(text, match, ordered, end, previous)
            keep(item)
            if item is not None and taken.get(item.number_start) is item:
                ordered.append(item)  # "by midnight it had risen to 26, and by Friday it had settled at 31"
    if keys.search(patterns.OF_THEM_KEYS):
        # "one of them" singles a person out ("five were hurt, one of them seriously"): not a new count
        for number in (number for number in counts if number.value != 1):
            for begin in _starts_for(text, number.start, start):
                match = patterns.OF_THEM.match(text, begin, end)
                share = _share_of_them(text, match, ordered, end) if match else None
                keep(share)
                if share is not None and taken.get(share.number_start) is share:
                    # "39 of them special police officers and 16 from the regular force": the next share
                    _keep_chain(share, lambda item: _coordinated(text, item, start, end), keep, taken)
    opens_among = bool(previous) and patterns.OPENS_WITH_AMONG.match(text, start, end)
    if keys.search(patterns.BREAKDOWN_KEYS) and (
            taken or previous and patterns.OPENS_WITH_COUNT.match(text, start, end) or opens_among):
        # "killed 150 people, and at least 20 were children", "... killed. Two of them were messengers." (a part
        # needs a toll before it: in its sentence, or in the last when the part opens this one)
        ordered = sorted(taken.values(), key=lambda item: item.start)
        for number in counts:
            if number.start in taken:
                continue
            for begin in _starts_for(text, number.start, start):
                match = patterns.BREAKDOWN_PART.match(text, begin, end)
                if match:
                    keep(_breakdown_part(text, match, ordered, previous, start, end))
                    break
        if opens_among:  # "... killed 44 people. Among them were four children."
            match = patterns.BREAKDOWN_AMONG.match(text, opens_among.start("among"), end)
            if match:
                keep(_breakdown_part(text, match, ordered, previous, start, end))
    for item in _one_person(text, start, end):
        keep(item)
    found = sorted(taken.values(), key=lambda item: item.start)
    for item in found:
        if item.outcome == "captured" and _STILL_MISSING.match(text, item.end, end):
            # "Nine persons abducted in the Timbuktu region remain missing": the sentence's own verb says what is
            # known of them now; who took them is the story of how
            item.outcome = "missing"
    _carry_groups(text, found)
    return found


# after a capture in its clause, the clause's verb of state: "remain missing", "are still unaccounted for", "have not
# been seen since" (not a share's or another group's: "abducted 12 passengers, two of whom remain missing")
_STILL_MISSING = pattern_cache.compile(
    r"(?:(?!\b(?:whom|them|others?|another|while|but|whereas)\b)[^.;:!?()\d]){0,80}?"
    r"\b(?:and\s+)?(?:(?:remain|remains|remained|are\s+still|were\s+still|is\s+still|was\s+still)"
    r"\s+(?:missing|unaccounted\s+for)|(?:have|has|had)\s+(?:still\s+)?not\s+been\s+(?:seen|heard\s+from))\b",
    re.IGNORECASE)


_COUNTED_GROUP = pattern_cache.compile(rf"(?:{numbers.NUMBER_PATTERN})\s", re.IGNORECASE)
_NOT_BEFORE = pattern_cache.compile(r"\b(?:not|no|never|without|hardly)\s+$", re.IGNORECASE)


def _one_person(text: str, start: int, end: int) -> list[_Found]:
    """"A Malaysian soldier was killed", "Another man died": one person, counted by the article "a" or by
    "another" (not after "not": "not a single soldier was hurt")."""
    lowered = text[start:end].lower()
    if "a " not in lowered and "another " not in lowered:
        return []  # (so "an " too)
    found = []
    for match in patterns.ONE_PERSON.finditer(text, start, end):
        if patterns.NEGATED.search(text, max(0, match.start() - 30), match.start()) \
                or _NOT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        outcome = "killed" if match.group("died") else patterns.after_count_outcome(match.group("outcome"))
        if not outcome or not _names_people(match.group("group")) or _COUNTED_GROUP.match(match.group("group")):
            continue  # ("another two soldiers died": a count of its own, read as one)
        found.append(_Found(match.start(), match.end(), outcome, 1, None, "exact", _clean_group(match.group("group")),
                            "casualty.one_person", 0.7, match.start(), match.end("n")))
    return found


def _held_by_fighters(text: str, sentence_start: int, claim_start: int) -> bool:
    """"The militia said it was holding 38 villagers": fighters named before the verb of holding, and no police or
    court after them, make the people held captives of a side (police who speak before the fighters do not hold
    anyone: "Police said the gunmen were holding between 20 and 35 people")."""
    fighters = [found.start() for found in patterns.FIGHTING_DETAINER.finditer(text, sentence_start, claim_start)]
    if not fighters:
        return False
    custody = [found.start() for found in patterns.CUSTODY_CUE.finditer(text, sentence_start, claim_start)]
    return not custody or custody[-1] < fighters[-1]


def _held_by_a_side(text: str, match: re.Match) -> bool:
    """Whether the people a clause says are held ("... is holding at least 20 people") are held by a side: fighters
    or a named body before the verb in its sentence, and no place, building or event ("the stadium holds 50,000
    people", "the party held 12 meetings"), no police or court, and nothing after the group that makes it a place
    ("holds 500 men in camps" is still a side's camps: only the holder is checked)."""
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    places = [found.end() for found in patterns.HOLDING_PLACE.finditer(text, start, match.start())]
    if places:
        # "the stadium holds 50,000 people"; but "The hotel's owners said the attackers were holding 170 people":
        # fighters named after the building are the holders
        return _held_by_fighters(text, places[-1], match.start())
    if _held_by_fighters(text, start, match.start()):
        return True
    if patterns.CUSTODY_CUE.search(text, start, match.start()):
        return False
    first_word = re.match(r"\W*\w+", text[start:match.start()])
    after_first = start + (first_word.end() if first_word else 0)  # a sentence's first word is capitalised anyway
    return bool(patterns.A_NAMED_SIDE.search(text, after_first, match.start()))


_GROUP_GIVERS = ("casualty.count_then_outcome", "casualty.verb_then_count")


def _carry_groups(text: str, found: list[_Found]) -> None:
    """"17 of its troops were killed and 43 wounded", "killed 12 soldiers and wounded 30": a bare count joined by
    "and" to the count before it counts the same people, as a reader fills in the noun the sentence leaves out.

    Only when nothing but the joining word stands between them, the count before names a group of more than one
    and is the only group with its outcome (not "five soldiers and two civilians were killed and 30 wounded"),
    and no aside after the bare count says who they were ("30 were wounded, most of them civilians").
    """
    for before, item in zip(found, found[1:]):
        if item.group or item.rule not in _GROUP_GIVERS or before.rule not in _GROUP_GIVERS:
            continue
        if not before.group or (before.count == 1 and before.count_high is None) or before.end > item.start:
            continue
        if any(other.rule == "casualty.coordinated" and other.outcome == before.outcome for other in found):
            continue
        if not patterns.GROUP_CARRIED_GAP.fullmatch(text, before.end, item.start):
            continue
        if patterns.WHO_THEY_WERE.match(text, item.end):
            continue
        item.group = before.group
        item.group_from = text[before.start:before.end]


def _keep_chain(item: _Found | None, step: Callable[[_Found], _Found | None],
                keep: Callable[[_Found | None], None], taken: dict[int, _Found]) -> None:
    """Keep what `step` reads after an item, then what it reads after that, while each is kept."""
    while item is not None:
        following = step(item)
        keep(following)
        item = following if following is not None and taken.get(following.number_start) is following else None


def _starts_for(text: str, number_start: int, sentence_start: int) -> list[int]:
    """Where a count-first pattern may begin: at a qualifier just before the number, or at the number."""
    before = patterns.QUALIFIER_BEFORE.search(text, max(sentence_start, number_start - 30), number_start)
    return [before.start(), number_start] if before else [number_start]


def _count_then_outcome(text: str, begin: int, end: int) -> _Found | None:
    match = patterns.COUNT_THEN_OUTCOME.match(text, begin, end)
    if not match:
        return None
    found = _judged_count_then_outcome(text, match, end)
    if found is None and match.group("relative"):
        shorter = patterns.COUNT_THEN_OUTCOME_NEAR.match(text, begin, end)
        if shorter and shorter.span("relative") != match.span("relative"):
            return _judged_count_then_outcome(text, shorter, end)
    return found


def _judged_count_then_outcome(text: str, match: re.Match, end: int) -> _Found | None:
    outcome = patterns.after_count_outcome(match.group("outcome"))
    outcome_words = patterns.normal(match.group("outcome"))
    relative = match.group("relative")
    if relative and (not match.group("group") or any(
            numbers.is_count(text, number.start, number.end)
            for number in numbers.find_numbers(text, match.start("relative"), match.end("relative")))):
        return None  # "two men who said five were killed": the clause holds a count of its own (a year is none)
    if ((outcome == "captured" or outcome_words in patterns.PEOPLE_ONLY_OUTCOMES)
            and not _names_people(match.group("group"))):
        return None  # "20 tanks were captured", "300 jobs were eliminated"
    linking = patterns.normal(match.group("linking")).replace(",", " ").split()
    if patterns.PROJECTION_WORDS & set(linking) and not patterns.PERFECT_WORDS & set(linking):
        return None  # "as many as 20,000 could die": a forecast, not a count ("may have died" is one)
    bare = not linking
    if bare and outcome_words.startswith("in ") and outcome_words.endswith(" condition"):
        return None  # "Three were on its wards, one of them in a serious condition": a state needs its verb ("are in")
    active_verb = outcome_words in patterns.VERBS_BEFORE
    if relative and bare and active_verb and relative.rstrip(", ").split()[-1].lower() not in patterns.LINKING_WORDS:
        return None  # "three men who were held after the raid that killed civilians": the verb is the clause's
    if bare and (patterns.A_COUNT_FOLLOWS.match(text, match.end(), end) or (
            active_verb and patterns.AN_OBJECT_FOLLOWS.match(text, match.end(), end))):
        return None  # "five soldiers killed 12 civilians", "two gunmen killed a policeman": the count acted
    if patterns.PERFECT_WORDS & set(linking) and "been" not in linking and active_verb:
        return None  # "two gunmen had killed five people": the count did the killing
    if outcome == "missing" and match.group("outcome").lower().endswith("found") \
            and _VERDICT_AFTER.match(text, match.end(), end):
        return None  # "12 soldiers had not been found guilty": a verdict, not people still to be found
    return _found(text, match, outcome, "casualty.count_then_outcome", 0.9, end)


_VERDICT_AFTER = pattern_cache.compile(r"\s+(?:guilty|innocent|responsible|liable|culpable)\b", re.IGNORECASE)


def _share_of_group(text: str, item: _Found, start: int, end: int) -> _Found | None:
    """"Eleven of the tanker's 13 crewmen were missing": the verb tells what befell the share, not the whole group
    (but "two of the three people who were killed": the relative clause counts the three)."""
    if item.rule != "casualty.count_then_outcome" or item.number_start != item.start or not item.group \
            or patterns.normal(item.group) in patterns.TOLL_OF \
            or patterns.RELATIVE_AFTER_GROUP.search(text, item.numbers_end, item.end):
        return None  # ("27 of the 35 victims had died": the victims are a toll of their own, both counts stand)
    match = patterns.SHARE_BEFORE_GROUP.search(text, max(start, item.start - 60), item.start)
    if match is None:
        return None
    share = _found(text, match, item.outcome, "casualty.share_of_group", 0.7, end, group=None)
    if share is None or share.count >= item.count:
        return None
    share.end, share.group, share.group_from = item.end, item.group, text[item.number_start:item.end]
    return share


def _share_of_toll(text: str, begin: int, end: int, match: re.Match | None = None) -> _Found | None:
    """"62 of the dead were in the hills", "at least 150 of the dead were militants", "Of the 128 dead, 52 were"."""
    match = match or patterns.SHARE_OF_TOLL.match(text, begin, end) \
        or patterns.SHARE_OF_COUNTED_TOLL.match(text, begin, end)  # "31 of the 39 victims"
    if not match or numbers.parse_number(match.group("n") or "") == 1:
        return None  # "one of the dead was a nurse" singles a person out: no count
    outcome = patterns.SHARE_OF.get(patterns.normal(match.group("outcome"))) or patterns.TOLL_OF[
        patterns.normal(match.group("outcome"))]
    if patterns.IDENTIFIED_SHARE.match(text, match.end(), end):
        return None  # "only 36 of the bodies had been identified": part of a toll told before, no count of its own
    own = patterns.OWN_OUTCOME.match(text, match.end(), end)
    if own is None and outcome == "wounded" and (carried := patterns.CARRIED_IN.match(text, match.end(), end)):
        own = patterns.OWN_OUTCOME.match(text, carried.end(), end)  # "40 of the injured brought in had died"
    own_outcome = patterns.after_count_outcome(own.group("outcome")) if own is not None else None
    if own_outcome not in (None, "", outcome):
        # "three of the injured had died in hospital": a share of a toll with an outcome of its own
        linking = set(patterns.normal(own.group("linking")).replace(",", " ").split())
        if patterns.PROJECTION_WORDS & linking and not patterns.PERFECT_WORDS & linking:
            return None  # "half of the injured could die": a forecast
        found = _found(text, match, own_outcome, "casualty.share_of_toll", 0.75, end, group=None)
        if found:
            found.end = own.end()
        return found
    return _found(text, match, outcome, "casualty.share_of_toll", 0.75, end,
                  group=None)


def _elided(text: str, item: _Found, end: int) -> _Found | None:
    """"Ten died in Cuba and two in Jamaica": a second count with the outcome left out, then where or when ("and
    17 two days later"); a toll set at a figure, given again with its link ("and at 52 by nightfall")."""
    if item.rule not in _ELIDED_AFTER:
        return None
    match = patterns.ELIDED.match(text, item.end, end)
    if not match or match.group("link") and item.rule not in _TOLL_RULES:
        return None  # "killed six, and at 40 ...": only a toll is set "at" a figure
    where = "where" if match.group("where") else "later"
    if where == "where" and numbers.find_numbers(text, match.start(where), match.end(where)):
        return None  # "and one in five homes": a ratio, not a count ("two days later" says when)
    last_word = match.group(where).split()[-1]
    if last_word.islower() and last_word.endswith("ed"):
        return None  # "and 5 in the crowd fainted": a verb of its own, not a place
    found = _found(text, match, item.outcome, "casualty.elided", 0.65, end, group=None)
    if found:  # the evidence is the elided clause itself, "two in Jamaica"
        found.start = match.start("qual") if match.group("qual") else found.number_start
        found.end = match.end(where) - match.group(where).endswith(".")
    return found


_TOLL_RULES = frozenset({"casualty.toll", "casualty.set_at", "casualty.tally_reference"})
_ELIDED_AFTER = frozenset({"casualty.count_then_outcome", "casualty.share_of_toll", "casualty.verb_then_count",
                           "casualty.elided", *_TOLL_RULES})


def _listed_more(text: str, item: _Found, end: int) -> _Found | None:
    if item.rule != "casualty.listed_as":
        return None
    match = patterns.LISTED_AS_MORE.match(text, item.end, end)
    if not match:
        return None
    found = _found(text, match, patterns.LISTED_AS_OUTCOMES[patterns.normal(match.group("outcome"))],
                   "casualty.listed_as", 0.75, end)
    if found:
        found.start = match.start("qual") if match.group("qual") else found.number_start
    return found


def _ordinal_one(text: str, item: _Found, end: int) -> _Found | None:
    """"Four of the attackers were shot dead and a fifth was captured alive": the fifth is one more of them."""
    if item.rule != "casualty.count_then_outcome":
        return None
    match = patterns.ORDINAL_OPENING.match(text, item.end, end) and patterns.ORDINAL_ONE.match(text, item.end, end)
    if not match:
        return None
    outcome = patterns.AFTER_COUNT[patterns.normal(match.group("outcome"))]
    linking = set(patterns.normal(match.group("linking")).replace(",", " ").split())
    if not outcome or patterns.PROJECTION_WORDS & linking:
        return None
    start = match.start("n")
    return _Found(start, match.end(), outcome, 1, None, "exact", item.group, "casualty.ordinal_one", 0.65,
                  start, match.end("n"))


def _count_noun(text: str, begin: int, end: int) -> _Found | None:
    match = patterns.COUNT_NOUN.match(text, begin, end)
    if not match or patterns.MIXED_TAIL.match(text, match.end(), end):
        return None  # "50 dead or wounded civilians": no outcome the contract can hold
    outcome = patterns.COUNT_NOUNS[patterns.normal(match.group("outcome"))]
    if patterns.normal(match.group("n") or "") in _SINGLED_OUT and _OF_A_SHARE.search(match.group()):
        return None  # "one of these deaths" singles one out of a toll, it counts none
    return _found(text, match, outcome, "casualty.count_noun", 0.8, end, group=None)


_SINGLED_OUT = frozenset(patterns.GRAMMAR["singled_out_of_a_toll"])
_OF_A_SHARE = pattern_cache.compile(r"\sof\s+(?:the|those|these)\s", re.IGNORECASE)


def _captives_without_a_noun(text: str, match: re.Match) -> bool:
    """A capture counted with no noun of its own that still counts people: "killed at least 11 soldiers and
    captured four others" ("others" after a count of people just before are more of those people), "captured 12
    in clashes near Talodi" (a bare count, no noun of things after it)."""
    if not _OTHERS_AT_END.search(match.group()):
        return bool(_BARE_COUNT_CLOSES.match(text, match.end()))
    before = _PEOPLE_JUST_COUNTED.search(text, max(0, match.start() - 80), match.start())
    return before is not None and patterns.normal(before.group("noun")) in patterns.PERSON_NOUNS


# what may follow a bare count of captives, which names no thing captured: "captured 12 in clashes near Talodi"
_BARE_COUNT_CLOSES = pattern_cache.compile(r"\s*(?:[,.;:)—–]|$)|\s+(?:in|near|during|on|at|after|when|while|last|and)\s",
                                re.IGNORECASE)
_OTHERS_AT_END = pattern_cache.compile(r"\b(?:others|more)$", re.IGNORECASE)
# the noun that closes the clause before "and <verb>": "... 11 soldiers and " (not "... 18 ships and ")
_PEOPLE_JUST_COUNTED = pattern_cache.compile(r"(?P<noun>[A-Za-z][\w'-]*),?\s+and\s+$")


# "the dead were under 18", "the injured are aged over 60": what those counted were, an age, no figure
_AGE_OF_THE_TOLL = pattern_cache.compile(r"\s+(?:were|was|are|is)\s+(?:all\s+)?(?:aged\s+)?(?:under|over|below|above|younger\s+than|"
                                         r"older\s+than)\s+\d{1,2}(?!\d|,\d)(?!\s*(?:per\s*cent|%))(?!\s+[a-z]*(?:people|persons|men|women|"
                                         r"children|civilians|soldiers))", re.IGNORECASE)


def _from_verb_first(text: str, match: re.Match, rule: str, end: int) -> _Found | None:
    groups = match.groupdict()
    if rule == "casualty.verb_then_count":
        outcome = patterns.VERBS_BEFORE[patterns.normal(groups["verb"])]
        if outcome == "captured" and not groups.get("group") and not _captives_without_a_noun(text, match):
            return None  # "seized 18 ships" is no capture of people
        return _found(text, match, outcome, rule, 0.85, end)
    if rule == "casualty.lives_lost":
        verb = patterns.normal(groups["verb"])
        if not groups.get("lives") and verb not in patterns.LOSS_VERBS:
            return None
        return _found(text, match, "killed", rule, 0.75, end, group=groups.get("group"))
    if rule == "casualty.treated_for":
        return _found(text, match, "wounded", rule, 0.8, end)
    if rule == "casualty.held_captive":
        return _found(text, match, "captured", rule, 0.75, end)
    if rule == "casualty.listed_as":
        return _found(text, match, patterns.LISTED_AS_OUTCOMES[patterns.normal(groups["outcome"])], rule, 0.8, end)
    if rule == "casualty.set_at":
        return _found(text, match, patterns.SET_AT_OUTCOMES[patterns.normal(groups["noun"])], rule, 0.8, end, group=None)
    if rule == "casualty.held_people":
        return _found(text, match, "captured", rule, 0.65, end) if _held_by_a_side(text, match) else None
    if rule == "casualty.named_and_others":
        return _found(text, match, patterns.VERBS_BEFORE[patterns.normal(groups["verb"])], rule, 0.7, end, group=None)
    if rule == "casualty.labelled":
        return _found(text, match, patterns.LABELS[patterns.normal(groups["label"])], rule, 0.75, end)
    if rule == "casualty.left_outcome":
        return _found(text, match, patterns.LEFT_OUTCOMES[patterns.normal(groups["outcome"])], rule, 0.85, end)
    toll = groups["toll"]
    outcome = next(outcome for pattern, outcome in patterns.TOLL_NOUN_RULES if pattern.fullmatch(toll))
    if patterns.normal(toll) == "losses" and patterns.MONEY.search(text, max(0, match.start() - 150), end):
        return None  # "losses rose to 5 billion": money, not lives
    if patterns.PROJECTION.search(groups.get("gap") or ""):
        return None  # "the toll is expected to rise to 1,000": a forecast, not a count
    if patterns.AGE_SUPERLATIVE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return None  # "the youngest of the injured is 20": an age
    if _AGE_OF_THE_TOLL.match(text, match.end("toll")):
        return None  # "two-thirds of the dead were under 18": the age of those counted, not their count
    if patterns.NOUN_AFTER_THE_TOLL.match(text, match.end("toll")):
        return None  # "the dead man's family included 4 brothers": "the dead" is no toll there
    if (groups.get("link") and patterns.normal(groups["link"]) in patterns.BARE_LINKS and match.start() == match.start("toll")
            and (groups.get("gap") or "").strip() and not groups.get("group")
            and not patterns.CLAUSE_GOES_ON.match(text, match.end())):
        return None  # "deaths occurred at 6 sites": a verb, a bare "at", no setter, and the count counts something else
    if "link" in groups and not groups["link"] and not groups.get("put") and not (groups.get("gap") or "").strip():
        return None  # "the toll between 1990 and 1995": with no verb to set it or to carry it, a span of years
    implied = patterns.TOLL_LINK_QUALIFIER[patterns.normal(groups["link"])] if groups.get("link") else "exact"
    return _found(text, match, outcome, rule, 0.8, end,
                  implied=None if implied == "exact" else implied)


def _continued(text: str, match: re.Match, earlier: list[_Found], end: int,
               previous: list[_Found] = ()) -> _Found | None:
    before = [item for item in earlier if item.numbers_end <= match.start() and item.outcome]
    including = patterns.CONTINUED[0].made(match)
    outcome = before[-1].outcome if before else _outcome_just_before(text, match.start()) if including else None
    if not before and patterns.FIGURE_OF.made(match) and previous:
        outcome = _figure_answering(text, match, previous[-1])
    if not outcome:
        return None
    if "group" in match.re.groupindex and not match.group("group"):
        following = text[match.end():match.end() + 2].lstrip()
        if following and following[0] not in ",;.)—–-\"”" and not patterns.WHOSE_PEOPLE.match(text, match.end()):
            return None  # "including 3 on hospitals": a bare count that runs on counts something else
    return _found(text, match, outcome, "casualty.continued", 0.7, end)


def _breakdown_part(text: str, match: re.Match, earlier: list[_Found], previous: list[_Found], sentence_start: int,
                    end: int) -> _Found | None:
    """A part of the toll just given, told by who they were: after the toll in its sentence, in a clause of its own
    ("killed 150 people, and at least 20 were children"), or opening the next sentence ("Two of them were
    messengers."). It has the toll's outcome, and is smaller than the toll ("of the 73" names that toll)."""
    before = [item for item in earlier if item.end <= match.start()]
    if before:
        toll = before[-1]
        if not patterns.CLAUSE_JOIN.match(text, toll.end, match.start()):
            return None
    elif previous and not text[sentence_start:match.start()].strip(" \t\n\"“'‘"):
        toll = previous[-1]
    else:
        return None
    found = _found(text, match, toll.outcome, "casualty.breakdown", 0.65, end, group=match.group("group"))
    if found is None or found.count >= toll.count or found.count_high is not None:
        return None
    whole = match.groupdict().get("whole")
    if whole and numbers.parse_number(whole) != toll.count:
        return None
    found.refers_to = toll  # a part of the toll is told by the toll's source, unless its own sentence names one
    return found


def _share_of_them(text: str, match: re.Match, earlier: list[_Found], end: int) -> _Found | None:
    """"killing 50, 20 of them children" shares the claim before; "45 were hurt, 6 of whom later died" has its own
    outcome."""
    if patterns.UNDONE_OUTCOME.match(text, match.end(), end) \
            or patterns.UNDOING_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        return None  # "detained 30 men, 12 of whom were later released", "held 30 people, freeing 14 of them"
    own = patterns.OWN_OUTCOME.match(text, match.end(), end)
    condition = None if own else patterns.CONDITION_AFTER_A_SHARE.match(text, match.end(), end)
    if condition is not None:
        # "420 injured, 61 of them in serious condition": the seriously hurt among them, a figure of its own
        found = _found(text, match, "wounded", "casualty.condition_share", 0.6, end)
        if found:
            found.end = condition.end()
        return found
    if not own:
        return _continued(text, match, earlier, end)
    linking = set(patterns.normal(own.group("linking")).replace(",", " ").split())
    outcome = patterns.after_count_outcome(own.group("outcome"))
    if patterns.PROJECTION_WORDS & linking and not patterns.PERFECT_WORDS & linking:
        return None  # "half of whom could die": a forecast
    found = _found(text, match, outcome, "casualty.continued", 0.7, end)
    if found:
        found.end = own.end()
    return found


def _tally_reference(text: str, match: re.Match, earlier: list[_Found], sentence_start: int, end: int,
                     previous: list[_Found]) -> _Found | None:
    """"The war has killed at least 30,000. Others say the figure could be as many as 80,000": a tally named again by
    a bare noun counts what the claim before it counted; with no claim before it in this sentence or the last, what
    the last outcome word before it in the sentence names ("reported the killing of hundreds; officials later put the
    number at about 800")."""
    link = patterns.normal(match.group("link"))
    if link in patterns.BARE_LINKS and not match.group("setter"):
        return None  # "the number at the camp": a bare "at" needs a verb that sets the tally
    gap_words = set(re.findall(r"\b[a-z]+\b", match.group("gap") or ""))  # lower case: "9 May" is no "may"
    if gap_words & patterns.PROJECTION_WORDS or patterns.MONEY.search(text, sentence_start, end):
        return None  # "the number may now reach 1,000", "the total cost was 3 billion"
    before = [item for item in earlier if item.end <= match.start()] or list(previous)
    referred = None
    if before:
        referred = before[-1]
        outcome, source = referred.outcome, text[referred.start:referred.end]
    else:
        words = list(patterns.OUTCOME_WORD.finditer(text, sentence_start, match.start()))
        if not words:
            return None
        outcome, source = patterns.OUTCOME_OF_WORD.get(patterns.normal(words[-1].group())), words[-1].group()
    implied = patterns.TALLY_LINK_QUALIFIER[link]
    found = _found(text, match, outcome or "", "casualty.tally_reference", 0.6, end,
                   implied=None if implied == "exact" else implied)
    if found:
        found.outcome_from, found.refers_to = source, referred
    return found


def _pronoun_tally(text: str, match: re.Match, earlier: list[_Found], end: int,
                   previous: list[_Found]) -> _Found | None:
    """"The council reported 11 dead. By Tuesday evening it was 19.": "it" takes up the claim just before (in its
    sentence, else the last of the sentence before) and gives the tally a later value; never a year ("It was
    1987")."""
    before = [item for item in earlier if item.end <= match.start()] or list(previous)
    if not before:
        return None  # (a year, "It was 1987", is no count: _found asks numbers.is_count)
    referred = before[-1]
    implied = patterns.TOLL_LINK_QUALIFIER[patterns.normal(match.group("link"))]
    found = _found(text, match, referred.outcome, "casualty.tally_reference", 0.6, end,
                   implied=None if implied == "exact" else implied)
    if found:
        found.outcome_from, found.refers_to = text[referred.start:referred.end], referred
    return found



def _figure_answering(text: str, match: re.Match, claim: _Found) -> str | None:
    """"Officials said 70 people died. Medics gave a lower figure of 58.": the outcome of the claim the figure
    answers, when the figure says it is lower (or higher) than that claim and is so."""
    cue = patterns.FIGURE_COMPARED_CUE.match(text, match.start())
    written = next((match.group(name) for name in ("n", "lo", "lo2", "lo3") if match.group(name)), "")
    figure = numbers.parse_number(written)
    if not cue or not isinstance(figure, int):
        return None
    side = patterns.FIGURE_COMPARED[patterns.normal(cue.group())]
    answers = figure < claim.count if side == "lower" else figure > (claim.count_high or claim.count)
    return claim.outcome if answers else None


def _outcome_just_before(text: str, position: int) -> str | None:
    """"Dozens were killed, including 12 children": the outcome of a vague count, for the count it includes."""
    found = list(patterns.OUTCOME_WORD.finditer(text, max(0, position - 40), position))
    return patterns.OUTCOME_OF_WORD.get(patterns.normal(found[-1].group())) if found else None


def _running_total(text: str, match: re.Match, earlier: list[_Found], end: int) -> _Found | None:
    """A total adds up counts of one outcome: the latest earlier count it could contain names the outcome."""
    written = next((match.group(name) for name in ("n", "lo", "lo2", "lo3") if match.group(name)), "")
    total = numbers.parse_number(written)
    before = [item for item in earlier if item.end <= match.start() and item.outcome]
    fitting = [item for item in before if isinstance(total, int) and item.count <= total]
    if not fitting:
        return None
    return _found(text, match, fitting[-1].outcome, "casualty.running_total", 0.6, end)


# a toll or a count with its outcome that a breakdown after a colon may follow (casualty_patterns.COLON_LIST)
_COLON_LISTED = ("casualty.toll", "casualty.count_then_outcome", "casualty.verb_then_count", "casualty.left_outcome",
                 "casualty.lives_lost", "casualty.count_noun")


def _coordinated(text: str, item: _Found, sentence_start: int, end: int) -> _Found | None:
    """A further count of people joined by "and", or listed after a comma, shares the claim's outcome."""
    listing = item.rule == "casualty.toll" and (
        patterns.LISTING_LINK.search(text, item.start, item.number_start)
        or item.group and patterns.LISTING_SET_AT.search(text, item.start, item.number_start))
    if listing or item.rule in ("casualty.verb_then_count", "casualty.left_outcome", "casualty.lives_lost",
                                "casualty.continued", "casualty.held_captive", "casualty.coordinated"):
        match = patterns.AND_MORE_AFTER.match(text, item.end, end)
        found = match and _found(text, match, item.outcome, "casualty.coordinated", 0.75, end)
        if found:
            found.start = (match.start("joiner") if match.group("joiner")
                           else match.start("qual") if match.group("qual") else found.number_start)
            return found
    if item.rule == "casualty.share_of_toll" or item.rule == "casualty.coordinated" and item.part_of_toll:
        match = patterns.MORE_PARTS.match(text, item.end, end)
        found = match and _found(text, match, item.outcome, "casualty.coordinated", 0.7, end)
        if found:
            found.start, found.end, found.part_of_toll = found.number_start, match.end(), True
            return found
    if item.rule == "casualty.continued" and patterns.SHARE_OF_THEM_END.search(text, item.start, item.end):
        match = patterns.MORE_SHARES_AFTER.match(text, item.end, end)
        found = match and _found(text, match, item.outcome, "casualty.coordinated", 0.7, end, group=None)
        if found:
            found.start = match.start("joiner")
            return found
    if item.rule in _COLON_LISTED:
        match = patterns.COLON_OPENING.match(text, item.end, end) and patterns.COLON_LIST.match(text, item.end, end)
        found = match and _found(text, match, item.outcome, "casualty.coordinated", 0.7, end)
        if found:
            found.start = match.start("qual") if match.group("qual") else found.number_start
            return found
    if item.rule in ("casualty.count_then_outcome", "casualty.toll"):
        match = patterns.COMPANION_JOINER.search(text, item.end, end) \
            and patterns.COMPANION_AFTER.match(text, item.end, end)
        found = match and _found(text, match, item.outcome, "casualty.coordinated", 0.7, end)
        if found:
            found.start = match.start("joiner")
            return found
    if item.rule == "casualty.count_then_outcome":
        for number in numbers.find_numbers(text, max(sentence_start, item.start - 60), item.start):
            for begin in _starts_for(text, number.start, sentence_start):
                match = patterns.AND_MORE_BEFORE.match(text, begin, item.start)
                found = match and match.end() == item.start and _found(
                    text, match, item.outcome, "casualty.coordinated", 0.75, end)
                if found:
                    found.end = match.end("group")
                    return found
    return None


# "twenty people a day", "40 a week" (not "a day after the truce", "a week later": when, not how often)
_RATE_AFTER = pattern_cache.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|night|hour)\b"
                                    r"(?!\s+(?:after|before|later|earlier|ago|into|of|or|and)\b)", re.IGNORECASE)


def _found(text: str, match: re.Match, outcome: str, rule: str, confidence: float, sentence_end: int,
           group: str | None | bool = True, implied: str | None = None) -> _Found | None:
    """A claim from a match, or None when the outcome is mixed or the number counts no people."""
    if not outcome:
        return None
    groups = match.groupdict()
    low_name, high_name = next(((low, high) for low, high in (("lo", "hi"), ("lo2", "hi2"), ("lo3", "hi3"))
                                if groups.get(low)), ("n", None))
    low_text = groups[low_name]
    count = numbers.parse_number(low_text)
    count_high = numbers.parse_number(groups[high_name]) if high_name else None
    if not isinstance(count, int) or count <= 0:
        return None
    if count_high is not None and (not isinstance(count_high, int) or count_high <= count):
        return None
    number_start, number_end = match.span(low_name)
    last_end = match.end(high_name) if high_name else number_end
    if not numbers.is_count(text, number_start, last_end, sentence_end,
                            names_people=bool(groups.get("group")), person_words=patterns.PERSON_NOUNS):
        return None
    count_start = match.start("qual") if groups.get("qual") else number_start
    if patterns.NEGATED.search(text, max(0, count_start - 30), count_start):
        return None  # "none of the 30 passengers were hurt"
    if count == 1 and count_high is None and patterns.ONE_OF_A_COUNT.match(text, number_end):
        return None  # "one of two farmers wounded": the two are the count
    if patterns.PROVISIONED.search(text, max(0, number_start - 40), number_start):
        return None  # "surgical kits for 300 wounded"
    if _RATE_AFTER.match(text, match.end()):
        return None  # "we were burying twenty people a day": a rate, not a toll
    if outcome != "killed" and patterns.BODIES_OF.search(text, max(0, count_start - 30), count_start):
        outcome = "killed"  # "the bodies of eight soldiers abducted last week": dead, whatever befell them before
    qualifier = patterns.QUALIFIER_OF[patterns.normal(groups["qual"])] if groups.get("qual") else "exact"
    if groups.get("qual_after") and qualifier == "exact":
        qualifier = patterns.QUALIFIER_AFTER_OF[patterns.normal(groups["qual_after"])]
    if count_high is not None:
        qualifier = "range"
    elif implied and qualifier == "exact":
        qualifier = implied
    if group is True:
        group = _clean_group(groups.get("group"))
    start, stop = match.span()
    return _Found(start, stop, outcome, count, count_high, qualifier, group or None, rule, confidence, number_start,
                  last_end)


_QUOTE_MARKS = str.maketrans({mark: " " for mark in "\"“”‘’'"})


def _names_people(group: str | None) -> bool:
    if not group:
        return True
    words = patterns.normal(group).translate(_QUOTE_MARKS).split()  # '26 "armed criminals"': the marks are no word
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]  # "engineers of the mining firm": the head comes before "of"
    return any(" ".join(words[i:]) in patterns.PERSON_NOUNS or patterns.PERSON_FORM.fullmatch(" ".join(words[i:]))
               for i in range(len(words)))


def _clean_group(group: str | None) -> str | None:
    if not group:
        return None
    words = group.split()
    if words and words[0].lower() == "of":
        words = words[2:]
        if words and words[0].lower() == "own":
            words = words[1:]
    return " ".join(words) or None
