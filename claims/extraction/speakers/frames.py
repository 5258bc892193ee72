"""Reporting frames: the constructions that say who gave a statement or a quotation.

The frames are data, in lexicons/speaker_frames.json: "X said", "said X" after a
quotation or a comma, "So said X", "X quoted Y as saying", ", who said", an
elided subject ("... and urged", ", adding that"), "according to [figures from]
X", a passive agent ("figures released by X", but "an official quoted by radio" is the speaker),
"announced by X", a purpose infinitive ("X went on television to say"). At every
trigger word (a speech or report verb outside quotations, "according to") the
frames are tried in the lexicon's order; each recognises its shape with one small
matcher below, and the first to read a speaker wins. A frame marked final
decides alone once its shape is present. What stands between a subject and its
verb is read by asides.py; turning a noun phrase into a speaker is names.py's.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import compress

from .. import lexicons, pattern_cache
from ..regexes import alternation
from ..text import is_heading
from .asides import (
    _SubjectEvidence,
    _read_asides,
    _description_before_name,
    _name_in_apposition,
    _INTRANSITIVE_SPEECH,
    _closes_clause,
    _finite_after_person,
    _given_name_after,
)
from .mentions import _collect_mentions, _note_evidence
from .model import _Analysis, Attribution, Entity, _Mention
from .names import _entity, _is_acronym
from .phrases import (
    _AGENT_PARTICIPLES,
    _SOURCE_PREPOSITIONS,
    _a_place,
    _appositive_after,
    _np_after,
    _np_before,
    _np_with_postmodifier,
    _passive_agent,
    _relayed_speaker,
    _past_source_document,
    _subject_before_relative,
    _tail_end,
    _through_of_phrases,
)
from .references import _gender_of_words, _learn_gender
from .tokens import _bare, _sentence_bounds, _text, past_turn_label
from .vocabulary import (
    HEADLINE_VERBS,
    _NUMBER_WORDS,
    _PERSON_OR_TITLE,
    _PERSON_OR_PEOPLE,
    _HEAD_OR_TITLE,
    _NATIONALITY_ENDINGS,
    _CLAUSE_OPENERS,
    _DOCUMENT_NOUNS,
    _SPEAKING_DOCUMENTS,
    _OWNED_STAFF,
    _CARE_VERBS,
    _FUNCTION_WORDS,
    _HEAD_NOUNS,
    _INSTITUTION_NOUNS,
    _NAME_CONNECTORS,
    _NOUN_MARKERS,
    _ORG_NOUNS,
    _PARTICIPLE_PHRASE_OPENERS,
    _PEOPLE_NOUNS,
    _PERSON_NOUNS,
    _PLACE_NOUNS,
    _PLACES,
    _POSSESSIVE_PRONOUNS,
    _REPORT,
    _SPEECH,
    _STATES,
    _SUBJECT_PRONOUNS,
    _TITLE_WORDS,
)


def _find_attributions(a: _Analysis) -> None:
    """Every reporting frame of the document, sentence by sentence, with the names seen so far
    (a pronoun in a frame refers back only to what came before it)."""
    for sentence in range(len(a.sentence_starts)):
        first, end = _sentence_bounds(a, sentence)
        mentions_from = len(a.mentions)
        _collect_mentions(a, sentence, first, end)
        previous: Attribution | None = None
        # only a trigger word can open a frame: the others are passed over by built-ins, not a Python step each
        for i in compress(range(first, end), map(_TRIGGER_WORDS.__contains__, a.lowers[first:end])):
            if a.quoted[i]:
                continue
            low = a.lowers[i]
            if low == "according" and i + 1 < end and a.lowers[i + 1] == "to":
                trigger = "according"
            elif low in _BY_THE_COUNT_OF and i - 2 >= first and a.lowers[i - 1] == "the" and a.lowers[i - 2] == "by" \
                    and i + 1 < end and a.lowers[i + 1] == "of":
                trigger = "according"  # "by the count of the Lebanese police, more than 600 people have died"
            elif low in _CITING:
                trigger = "citing"
            elif low in _SPEECH:
                trigger = "speech"
            elif low == "put" and _puts_it_as(a, i, first, end):
                # "As one minister put it to me:": a way of saying, in an "as" clause ("put" is a report verb
                # otherwise: "put the toll at 40")
                trigger = "speech"
            elif low in _FINDING and i + 1 < end and a.lowers[i + 1] == "that":
                trigger = "report"  # "It found that 1,133 people were killed": what an inquiry found is its figure
            elif low in _FINDING and _document_finds(a, i, first) and _figure_follows(a, i, end):
                trigger = "report"  # "A CNN survey of funeral homes found 499 deaths": the survey's figure
            elif low in _REPORT:
                if low in _CARE_VERBS and not _figure_follows(a, i, end):
                    continue  # "The delegation flew back": a verb of care reports only the casualties it cared for
                trigger = "report"
            elif low in _NOMINAL:
                trigger = "nominal"  # "the announcement by the MNLA that it would end its operations"
            elif low in _TERMS_ONLY:
                trigger = "terms"  # "a truce brokered by Russia": a participle that only names a truce's author
            else:
                continue
            attribution = _frame_at(a, _Site(i, first, end, sentence, trigger, previous))
            if attribution is not None:
                a.attributions.append(attribution)
                a.by_sentence.setdefault(sentence, []).append(attribution)
                if attribution.entity is not None:
                    previous = attribution
                    a.mentions.append(_Mention(attribution.entity, a.starts[i], sentence, 2))
        _learn_gender(a, a.mentions[mentions_from:], first, end)


def _puts_it_as(a: _Analysis, i: int, first: int, end: int) -> bool:
    """ "as one minister put it", "As he put it to reporters": "put it" speaks in a clause opened by "as" (not "put
    it at 40", an estimate, nor "to put it mildly")."""
    if i + 1 >= end or a.lowers[i + 1] != "it":
        return False
    for k in range(i - 1, max(first, i - 8) - 1, -1):
        if a.punct[k] or a.quoted[k]:
            return False
        if a.lowers[k] == "as":
            return k < i - 1
    return False


def _document_finds(a: _Analysis, i: int, first: int) -> bool:
    """Whether a study, survey or other document opens the clause of the finding verb at `i`, a few words before it
    with no punctuation between ("A CNN survey of funeral homes found", "A study by the state university found"):
    "Patrols found the bodies of 30" is no one's figure."""
    for k in range(i - 1, max(first, i - 7) - 1, -1):
        if a.punct[k] or a.quoted[k]:
            return False
        if _bare(a.lowers[k]) in _DOCUMENT_NOUNS and not a.caps[k]:
            return True
    return False


def _figure_follows(a: _Analysis, i: int, end: int) -> bool:
    """A count within a few words after the verb, in the same clause ("treated 37", "received the bodies of 29",
    "operated on 64")."""
    for k in range(i + 1, min(end, i + 6)):
        if a.punct[k]:
            return False
        if a.lowers[k][:1].isdigit() or a.lowers[k] in _NUMBER_WORDS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a frame is tried: the trigger token `v` in the sentence first..end."""

    v: int
    first: int
    end: int
    sentence: int
    trigger: str                     # speech, report or according
    previous: Attribution | None     # the last attribution with a speaker earlier in the sentence

    @property
    def strength(self) -> str:
        return "according" if self.trigger == "citing" else "report" if self.trigger in ("terms", "nominal") \
            else self.trigger


_ABSENT = object()  # a frame's shape is not at this site: the next frame may try


def _frame_at(a: _Analysis, site: _Site) -> Attribution | None:
    """The first frame of lexicons/speaker_frames.json that recognises its shape at the site.

    A matcher answers _ABSENT when its shape is not there, else the attribution it read (or None
    when the shape is there but names nobody); a frame marked final then decides alone."""
    guarded = False
    for frame in _FRAMES_BY_TRIGGER[site.trigger]:
        if frame["guarded"] and not guarded:
            if not _reads_as_verb(a, site):
                return None
            guarded = True
        a.note = None
        found = _MATCHERS[frame["name"]](a, site)
        if found is _ABSENT:
            continue
        if found is not None:
            found.frame = frame["name"]
            found.resolved = a.note or ""
            found.verb_word = a.words[site.v]
            return found
        if frame["final"]:
            return None
    return None


# verbs that, right after a verb-shaped word, show that word to be the subject's noun: "the order took effect"
_FINITE_AFTER_A_NOUN = frozenset({"took", "takes", "was", "is", "came", "comes", "went", "began", "begins", "had",
                                  "has", "would", "will", "remains", "remained", "expired", "expires"})


def _headline_verb(a: _Analysis, site: _Site) -> bool:
    """Whether a capitalised verb form is a verb of a heading set in title case (most of its words capitalised),
    after the name of its subject: "Army Says 40 Killed in Ambush"."""
    v, first, end = site.v, site.first, site.end
    if a.lowers[v] not in HEADLINE_VERBS or not a.names[v - 1] or a.punct[v - 1]:
        return False
    if not is_heading(a.document, a.document.sentences[site.sentence].paragraph):
        return False
    words = [k for k in range(first, end) if a.words[k][:1].isalpha()]
    return len(words) >= 3 and sum(a.caps[k] for k in words) * 10 >= len(words) * 6


def _reads_as_verb(a: _Analysis, site: _Site) -> bool:
    """Whether the verb-shaped word at the site is a reporting verb at all, not a noun or a name."""
    v, first, end = site.v, site.first, site.end
    low = a.lowers[v]
    before = v - 1
    if v > first and a.caps[v] and not _headline_verb(a, site):
        return False  # "the United States": a capitalised verb form mid-sentence is a name
    if before >= first and (a.lowers[before] in _NOUN_MARKERS or a.lowers[before].endswith("'s")) \
            and not _finite_after_person(a, before, v):
        return False  # "by Moscow's estimate", "neither claim": a noun, not a verb
    if v + 1 < end and (a.lowers[v + 1] in _SPEECH or a.lowers[v + 1] in _REPORT) and not a.caps[v + 1]:
        return False  # "early reports put ...": the verb-shaped word is the subject noun
    if low.endswith("s") and before > first and a.names[before] and not a.names[before - 1] \
            and a.lowers[before].endswith(_NATIONALITY_ENDINGS) and a.lowers[before] not in _STATES \
            and not a.lowers[before - 1] in ("the", "a", "an") and a.lowers[before - 1].isalpha():
        return False  # "forces attacked Pakistani posts at 4am": a plural noun after a nationality, not a verb
    if not low.endswith(("s", "d")) and v + 1 < end and not a.caps[v + 1] and before >= first \
            and a.names[before] and _bare(a.lowers[v + 1]) in _HEAD_OR_TITLE \
            and _bare(a.lowers[before]) not in _HEAD_OR_TITLE:
        # "Kaduna state police spokesman ...": a noun naming the state, not the verb "state" (after a place's name,
        # not a speaker's noun: "Officials put military deaths at 300")
        return False
    if low in _PLURAL_PLACE_NOUNS and before >= first and a.names[before] and (
            v + 1 >= end or a.punct[v + 1] and a.words[v + 1] != ":" or a.lowers[v + 1] in _FUNCTION_WORDS
            and a.lowers[v + 1] != "that"):
        return False  # "in South Kordofan and Blue Nile states until the end of 2016": the plural noun, not "states"
    if low in _ADJECTIVES_BEFORE_A_NOUN and v + 1 < end and not a.caps[v + 1] and a.lowers[v + 1].isalpha() \
            and a.lowers[v + 1] not in _FUNCTION_WORDS:
        return False  # "..., state television said": an adjective before its noun
    if low == "called" and before >= first and v + 1 < end and a.names[v + 1] and (
            a.words[before] == "," and not _follows_quotation(a, a.starts[v])
            or not a.caps[before] and _bare(a.lowers[before]) in _HEAD_NOUNS):
        return False  # "a fisherman called Samir Haddad", "the operation, called Iron Shield,": naming, not speaking
    if not low.endswith(("s", "d")) and v + 1 < end and a.lowers[v + 1] in _FINITE_AFTER_A_NOUN \
            and before >= first and not a.lowers[before].endswith("s"):
        # "before the rebel order took effect": a finite verb right after it makes it the subject noun (not after a
        # plural subject: "a war that aid agencies estimate has killed 150,000")
        return False
    if (low in _ORDER_VERBS or site.trigger == "report" and low.endswith("ed")) and before >= first \
            and a.lowers[before] in _PASSIVE_AUXILIARIES:
        return False  # "the PUK's fighters were ordered to stop at midnight": ordered, by no one named here
    if site.trigger == "report" and low.endswith("ed") and before - 1 >= first and a.words[before] == "," \
            and not a.caps[before - 1] and _bare(a.lowers[before - 1]) not in _HEAD_NOUNS \
            and a.lowers[before - 1].isalpha() and v + 1 < end and a.lowers[v + 1] in _PARTICIPLE_PHRASE_OPENERS:
        return False  # "the truce, agreed at a summit in Abuja on Saturday, took effect": a participle describing
        # the noun before the comma, not a verb with a subject
    if site.trigger == "report" and low.endswith("ed") and before >= first \
            and _bare(a.lowers[before]) in _DOCUMENT_NOUNS | _SPEAKING_DOCUMENTS \
            and v + 1 < end and a.lowers[v + 1] in _PARTICIPLE_PHRASE_OPENERS and _speech_verb_follows(a, v, end):
        return False  # "A MONUC statement issued on Monday afternoon said": a participle describing the statement,
        # whose own verb comes later
    if low.endswith("ed") and v + 1 < end and a.lowers[v + 1] == "by" and before >= first and not a.caps[before] \
            and a.lowers[before].isalpha() and _bare(a.lowers[before]) not in _HEAD_NOUNS \
            and a.lowers[before] not in _SUBJECT_PRONOUNS and a.lowers[before] not in _FUNCTION_WORDS:
        return False  # "an hour after the time announced by the Hashd side": a participle describing the time,
        # whose announcer comes after "by"
    if site.trigger == "report" and any(a.lowers[k] in ("name", "names") for k in range(v + 1, min(end, v + 5))):
        return False  # "who gave only one name", "gave her name as": naming oneself, not reporting
    if site.trigger in ("speech", "report") and _takes_a_life(a, v, end):
        return False  # "the insurgency has claimed more than 9,000 lives": taking lives, not reporting
    if low in _SAME_AS_PARTICIPLE and (v + 1 < end and a.lowers[v + 1] in ("by", "on", "over", "in", "at", "live")
                                       or v - 1 >= first and _bare(a.lowers[v - 1]) in _DOCUMENT_NOUNS | _SPEAKING_DOCUMENTS):
        return False  # "In a statement broadcast by Knin radio, it said": a participle describing the statement
    if low in ("reported", "feared", "believed", "presumed", "confirmed") and v + 1 < end \
            and a.lowers[v + 1] in _OUTCOME_ADJECTIVES and before >= first and not a.caps[before] \
            and _bare(a.lowers[before]) in _PEOPLE_NOUNS:
        return False  # "a list of 991 people reported missing": the people counted, not a report they make
    if low in _ADMITTING and _counted_object(a, v, end) and "according" in a.lowers[v:end]:
        # "the hospital has admitted more than 350 wounded people ..., according to its director": patients taken
        # in, whose count the source named after them gives
        return False
    return True


def _speech_verb_follows(a: _Analysis, v: int, end: int) -> bool:
    """A speech verb ("said", "announced") comes after `v` in the same clause, within a few words."""
    for k in range(v + 1, min(end, v + 10)):
        if a.punct[k] or a.quoted[k]:
            return False
        if a.lowers[k] in _SPEECH:
            return True
    return False


_ADMITTING = frozenset({"admitted", "admits", "admit", "admitting"})
_OUTCOME_ADJECTIVES = frozenset({"missing", "dead", "killed", "wounded", "injured", "captured", "kidnapped",
                                 "abducted", "detained", "drowned"})
_SAME_AS_PARTICIPLE = frozenset({"broadcast"})  # a verb whose past tense is its participle, and which a text takes


def _counted_object(a: _Analysis, v: int, end: int) -> bool:
    """The verb's object is a count: "admitted 40 wounded", "admitted more than 350 wounded people"."""
    k = v + 1
    while k < end and k < v + 4 and a.lowers[k] in ("more", "than", "over", "about", "nearly", "some", "at", "least"):
        k += 1
    return k < end and (a.lowers[k].replace(",", "").isdigit() or a.lowers[k] in _COUNT_WORDS)


_COUNT_WORDS = _NUMBER_WORDS | frozenset(lexicons.table("number_words")["vague"])  # "admitted dozens of wounded"


_ORDER_VERBS = frozenset(lexicons.words("speaker_order_verbs"))
_PLURAL_PLACE_NOUNS = frozenset({"states"})  # the plural of a kind of place spelled as a reporting verb
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being", "be", "is", "are"})


def _takes_a_life(a: _Analysis, v: int, end: int) -> bool:
    """The verb's own object is one of lexicons/speaker_taken_objects.txt: only its quantity stands between
    ("claimed more than 9,000 lives", "claimed the lives of"); a clause of its own ("said 31 civilians had lost
    their lives") is what the verb reports."""
    for k in range(v + 1, min(end, v + 6)):
        if a.punct[k] or a.quoted[k] or a.lowers[k] in _CLAUSE_VERBS or a.lowers[k] in _POSSESSIVE_PRONOUNS:
            return False
        if a.lowers[k] in _TAKEN_OBJECTS:
            return True
    return False


_TAKEN_OBJECTS = frozenset(lexicons.words("speaker_taken_objects"))
_CLAUSE_VERBS = frozenset({"had", "has", "have", "was", "were", "is", "are", "been", "would", "will"})


# --- the frames, in the order lexicons/speaker_frames.json tries them --------------------------

def _frame_announced_terms(a: _Analysis, site: _Site):
    if (a.lowers[site.v] not in _AGENT_PARTICIPLES | _TERMS_PARTICIPLES or site.v + 1 >= site.end
            or a.lowers[site.v + 1] != "by"):
        return _ABSENT
    found = _announced_terms(a, site.v, site.first, site.end, site.sentence)
    return _ABSENT if found is None else found


def _frame_after_quotation(a: _Analysis, site: _Site):
    """'“…,” said Nina' / '” said the ministry' / sentence-initial 'Said X'."""
    if not _follows_quotation(a, a.starts[site.v]):
        return _ABSENT
    return _inverted_attribution(a, site.v, site.end, site.sentence, site.strength)


def _frame_so_said(a: _Analysis, site: _Site):
    """"So said the mayor.": a fronted "so" points back to what was just quoted, the subject follows."""
    before = site.v - 1
    if before != site.first or a.lowers[before] not in ("so", "thus"):
        return _ABSENT
    return _inverted_attribution(a, site.v, site.end, site.sentence, site.strength)


def _frame_quoted_as_saying(a: _Analysis, site: _Site):
    """"the paper quoted a survivor, Sita Tamang, as saying": the quoted person speaks."""
    before = site.v - 1
    if before < site.first or a.lowers[before] != "as" or not a.lowers[site.v].endswith("ing"):
        return _ABSENT
    return _quoted_as_saying(a, before, site.first, site.end, site.sentence, site.v, site.strength)


def _frame_relative_who(a: _Analysis, site: _Site):
    """"..., joined by a fisherman called Samir Haddad, who said": the relative's antecedent speaks (also with a
    tense's auxiliary between: ", which has put the number at", ", who had said")."""
    before = site.v - 1
    if before - 1 >= site.first and a.lowers[before] in _PERFECT_AUXILIARIES:
        before -= 1
    if before - 1 >= site.first and a.lowers[before] == "which" and a.words[before - 1] == ",":
        return _relative_body(a, site.v, before - 2, site.first, site.end, site.sentence, site.strength)
    if before - 1 < site.first or a.lowers[before] != "who" or a.words[before - 1] != ",":
        return _ABSENT
    return _relative_antecedent(a, site.v, before - 2, site.first, site.end, site.sentence, site.strength)


def _relative_body(a: _Analysis, v: int, k: int, first: int, end: int, sentence: int, strength: str):
    """The body before ", which said": "the group claimed the attack through its Amaq agency, which said its
    fighters had killed 55 people" (bodies take "which" as people take "who"); a place or a person never."""
    span = _np_before(a, k, first) if k >= first else None
    if span is None or span[1] != k:
        return None
    entity = _entity(a, span, a.starts[v], sentence)
    if entity is None or entity.kind == "person" or entity.name.lower() in _PLACES \
            or _bare(a.lowers[span[2]]) in _PLACE_NOUNS | _DOCUMENT_NOUNS:
        return None
    return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, end), subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=False, strength=strength,
                       sentence=sentence)


def _frame_purpose_infinitive(a: _Analysis, site: _Site):
    """'SOURCE went on national television to say', 'took to social media to announce': the subject of the
    verb of going or appearing (lexicons/speaker_purpose_verbs.txt) whose purpose the infinitive names."""
    v, first = site.v, site.first
    if v - 1 < first or a.lowers[v - 1] != "to":
        return _ABSENT
    for k in range(v - 2, max(first, v - 10) - 1, -1):
        if a.punct[k] or a.quoted[k]:
            return _ABSENT
        if a.lowers[k] in _PURPOSE_VERBS and k - 1 >= first:
            subject_end = k - 1
            if a.lowers[subject_end] in _PASSIVE_AUXILIARIES and subject_end - 1 >= first:
                subject_end -= 1  # "The Secretary-General is pleased to confirm": past the copula
            span = _np_before(a, subject_end, first)
            entity = _entity(a, span, a.starts[k], site.sentence) if span is not None else None
            if entity is None:
                return _ABSENT
            return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, site.end),
                               subject_start=a.starts[span[0]], subject_end=a.ends[span[1]], entity=entity,
                               inverted=False, strength=site.strength, sentence=site.sentence)
    return _ABSENT


_PURPOSE_VERBS = frozenset(lexicons.words("speaker_purpose_verbs"))


def _frame_elided_subject(a: _Analysis, site: _Site):
    """'..., adding that', '... and urged', 'but says': the subject of the clause before speaks."""
    v, before = site.v, site.v - 1
    if before < site.first or not (a.lowers[before] in _CLAUSE_OPENERS
                                   or a.words[before] == "," and a.lowers[v].endswith("ing")):
        return _ABSENT
    entity = site.previous.entity if site.previous else _sentence_subject(
        a, _past_dateline(a, past_turn_label(a, site.first, site.end), v), site.end, site.sentence)
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[v], end=_tail_end(a, v, site.end), subject_start=a.starts[v],
                       subject_end=a.starts[v], entity=entity, inverted=False, strength=site.strength,
                       sentence=site.sentence)


def _past_dateline(a: _Analysis, first: int, v: int) -> int:
    """The first token after a dateline that opens the sentence ("JUBA, Sudan (AP) -- A truce ... took effect"): a
    place in capitals, then a dash before the verb; else `first`."""
    if not (a.words[first].isupper() and a.words[first].isalpha() and len(a.words[first]) > 1):
        return first
    dash = next((k for k in range(first + 1, min(v, first + 12)) if a.words[k] in ("-", "--", "–", "—", "_")), None)
    if dash is None:
        return first
    while dash + 1 < v and a.words[dash + 1] in ("-", "--", "–", "—", "_"):
        dash += 1
    return dash + 1


def _frame_closing_inverted(a: _Analysis, site: _Site):
    """"... spread across three districts, said Kamal Thapa, an official": the name after the verb closes it."""
    v, before = site.v, site.v - 1
    if a.lowers[v] not in _INTRANSITIVE_SPEECH or before < site.first or a.words[before] != "," \
            or not _closes_clause(a, v, site.end):
        return _ABSENT
    return _inverted_attribution(a, v, site.end, site.sentence, site.strength)


def _frame_passive_agent(a: _Analysis, site: _Site):
    """'The first figures, released by the railway company X, spoke of ...': the agent speaks."""
    span = _passive_agent(a, site.v - 1, site.first)
    evidence = _read_asides(a, site.v, site.first) if span is not None else None
    if evidence is None:
        return _ABSENT
    return _subject_from_evidence(a, site, evidence, agent=span)


def _frame_agent_after(a: _Analysis, site: _Site):
    """"Deaths: 3,958 recorded by the World Health Organization", "the figure was confirmed by the ministry": a
    participle of record with its agent after "by" gives what stands before it to the agent; so does an estimate's,
    with the figure between ("the toll was put at 40 by the army": what stands before the "by")."""
    v, end = site.v, site.end
    by = _figure_then_by(a, v, end) if a.lowers[v] in _BY_AGENT_ESTIMATES else None
    passive_estimate = False
    if by is None:
        # ("losses were given by the Soviet command as 236 killed": an estimate's agent before its figure)
        passive_estimate = a.lowers[v] in _BY_AGENT_ESTIMATES and v >= 1 and a.lowers[v - 1] in _PASSIVE_AUXILIARIES
        if passive_estimate and v + 1 < end and a.lowers[v + 1] in ("as", "at"):
            return _own_losses_owner(a, site)  # "The army's own losses are given as 13 soldiers killed"
        if a.lowers[v] not in _BY_AGENT_PARTICIPLES and not passive_estimate or v + 2 >= end \
                or a.lowers[v + 1] != "by" or a.quoted[v + 1]:
            return _ABSENT
        by = v + 1
    means = by + 2 if by + 2 < end and a.lowers[by + 1] in ("a", "an", "the") else by + 1
    if a.lowers[means] in _BY_MEANS:
        return _ABSENT  # "reported by radio on Friday": how it came, not who gave it
    span = _np_after(a, by + 1, end)
    if span is None:
        return _ABSENT
    verb = v if by == v + 1 else by  # (after an estimate's figure, the frame opens at its "by")
    entity = _entity(a, span, a.starts[verb], site.sentence)
    if entity is None:
        return None
    if passive_estimate:  # the figure follows the agent ("... by the command as 236 killed"): the frame runs on to it
        return Attribution(verb=verb, start=a.starts[verb], end=_tail_end(a, v, end), subject_start=a.starts[span[0]],
                           subject_end=a.ends[span[1]], entity=entity, inverted=False, strength="report",
                           sentence=site.sentence)
    return Attribution(verb=verb, start=a.starts[verb], end=a.ends[span[1]], subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=True, strength="report",
                       sentence=site.sentence)


def _own_losses_owner(a: _Analysis, site: _Site):
    """"The army's own losses are given as 13 soldiers killed", "Egypt's own dead were put at 46": an estimate with
    no agent, of a side's own losses, is that side's."""
    v, first = site.v, site.first
    noun = v - 2
    if noun - 2 < first or a.lowers[noun - 1] != "own" or not a.lowers[noun - 2].endswith(("'s", "’s")) \
            or a.quoted[noun - 2]:
        return _ABSENT
    span = _np_before(a, noun - 2, first)
    if span is None:
        return _ABSENT
    entity = _entity(a, span, a.starts[v], site.sentence)
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, site.end), subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=False, strength="report",
                       sentence=site.sentence)


def _figure_then_by(a: _Analysis, v: int, end: int) -> int | None:
    """The "by" after an estimate's figure: "was put at about 40 killed by X", "were given as 1,013 by X" (a form of
    "be", the participle, "at" or "as", a few words of the figure, then "by"); None otherwise."""
    if v < 1 or v + 3 >= end or a.lowers[v + 1] not in ("at", "as") or a.lowers[v - 1] not in _PASSIVE_AUXILIARIES:
        return None
    for k in range(v + 2, min(end - 1, v + 10)):
        if a.quoted[k] or a.punct[k] and a.words[k] not in (",", "-") or a.lowers[k] in _SPEECH:
            return None
        if a.lowers[k] == "by":
            return k
    return None


def _frame_nominal_by(a: _Analysis, site: _Site):
    """"the announcement by the MNLA that it would end its military operations": the body after "by" gives the
    content of the "that" clause after it."""
    v, end = site.v, site.end
    if v + 2 >= end or a.lowers[v + 1] != "by" or a.quoted[v + 1]:
        return _ABSENT
    that = next((k for k in range(v + 3, min(end, v + 16)) if a.lowers[k] == "that" or a.punct[k] and a.words[k] not in ("(", ")")
                 or a.quoted[k]), None)
    if that is None or a.lowers[that] != "that":
        return _ABSENT
    span = _np_after(a, v + 2, that)
    if span is None:
        return _ABSENT
    if span[1] < that - 1:
        if not _name_goes_on(a, span[1] + 1, that):
            return _ABSENT  # "the announcement by the army on Monday that": not a body's name up to "that"
        if a.words[span[1] + 1] != "(":
            span = (span[0], that - 1, that - 1)  # the whole name: "the Coalition to Restore Legitimacy in Yemen"
    entity = _entity(a, span, a.starts[v], site.sentence)
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[v], end=a.ends[that], subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=True, strength="report",
                       sentence=site.sentence)


def _name_goes_on(a: _Analysis, first: int, end: int) -> bool:
    """Whether tokens first..end-1 go on with a body's name: its short form in brackets ("(MNLA)"), or capitalised
    words and their connectors ("to Restore Legitimacy in Yemen")."""
    if a.words[first] == "(" and end - first == 3 and a.words[first + 2] == ")":
        return True
    return all(a.caps[k] or a.lowers[k] in ("to", "of", "for", "in", "the", "and") for k in range(first, end)) \
        and a.caps[end - 1]


def _frame_inverted(a: _Analysis, site: _Site):
    """"..., said the minister": the subject after the verb."""
    before = site.v - 1
    if before < site.first or a.words[before] != "," or a.lowers[site.v] in _OBJECT_VERBS:
        return _ABSENT  # "..., told reporters": the people told are no subject
    return _inverted_attribution(a, site.v, site.end, site.sentence, site.strength)


_OBJECT_VERBS = frozenset(lexicons.words("speaker_object_verbs"))


def _subject_from_evidence(a: _Analysis, site: _Site, evidence: _SubjectEvidence,
                           agent: tuple[int, int, int] | None = None):
    """The subject before the verb (or the passive `agent` given), read with what the asides said about it."""
    v, first, end, sentence, strength = site.v, site.first, site.end, site.sentence, site.strength
    i, name_between = evidence.i, evidence.name_between
    role, gender = evidence.role, evidence.gender
    person_evidence, organisation_evidence = evidence.person_evidence, evidence.organisation_evidence
    age_or_role_seen = evidence.age_or_role_seen
    if name_between:
        outer = _np_before(a, i, first) or _np_with_postmodifier(a, i, first)
        span = (name_between[0], name_between[1], name_between[1])
        if outer is not None and _place_beside_a_body(a, span, outer):
            name_between = None  # "Baragwanath Hospital, Johannesburg, said": the place only says where the body is
    if name_between:
        entity = _entity(a, span, a.starts[v], sentence)
        if entity is not None and i >= first and _fronted_phrase(a, first, i):
            subject_first = name_between[0]  # "In a statement, the Western Front, ..., said": no role
        elif entity is not None and outer is None and not entity.role and i >= first:
            k = i
            while k - 1 >= first and not a.punct[k - 1] and (a.lowers[k - 1] not in _FUNCTION_WORDS):
                k -= 1
            if not a.punct[i] and k <= i:
                entity.role = _text(a, k, i)  # "Her neighbour, Abdul Karim, told ..."
                if entity.kind == "unknown":
                    entity.kind = "person"
                entity.gender = entity.gender or _gender_of_words(set(a.lowers[k:i + 1]))
            subject_first = k if not a.punct[i] else name_between[0]
        elif entity is not None and outer is not None:
            outer_first = outer[0]
            if a.lowers[outer_first] == "the":
                outer_first += 1
            if not entity.role:
                entity.role = _text(a, outer_first, outer[1])
            elif " " not in entity.role and entity.role[:1].isupper() and _bare(a.lowers[outer[2]]) in _PERSON_OR_TITLE \
                    and entity.role.lower() not in _text(a, outer_first, outer[1]).lower():
                # "The army spokesman, Colonel Ibrahim al-Tayeb,": the office before the name, then the rank it bore
                entity.role = f"{_text(a, outer_first, outer[1])}, {entity.role}"
            if _bare(a.lowers[outer[2]]) in _PERSON_OR_TITLE and entity.kind == "unknown":
                entity.kind = "person"
            elif _bare(a.lowers[outer[2]]) in _ORG_NOUNS and entity.kind == "unknown":
                entity.kind = "organisation"
            subject_first = outer[0]
        else:
            subject_first = name_between[0]
    else:
        # (the people a body sent count or care for casualties in its name; when they speak, they speak for themselves)
        owned = _staff_owner(a, i, first) if a.lowers[v] not in _SPEECH else None
        span = agent or owned or _np_before(a, i, first) or _np_with_postmodifier(a, i, first) \
            or _subject_before_relative(a, i, first) or _author_of_document(a, i, first) \
            or (_definite_noun_before(a, i, first) if not any(a.punct[k] for k in range(i + 1, v)) else None)
        estimator = _estimator_before(a, i, first, v, end) if span is None or span[0] == span[1] == first else None
        if estimator is not None:
            span = estimator
        elif span is None:
            return _ABSENT  # no subject before the verb: a passive agent or an inverted subject may follow
        elif span[0] == span[1] == first and _looks_like_common_noun(a, first, strength):
            return None
        entity = _entity(a, span, a.starts[v], sentence)
        if entity is not None and entity.kind == "unknown" and agent is None and span[0] - 1 >= first \
                and a.lowers[span[0] - 1] in _LOCATIVE_PREPOSITIONS:
            return None  # "a paper read at its meeting in Dalian reported": a name after "in" says where, not who
        subject_first = span[0]
        described = _description_before_name(a, span[0], first)
        if described is not None and entity is not None:
            # "a taxi driver named Jesús Ortiz told Reuters": the description belongs to the subject
            subject_first = described[0]
            role_first = described[0] + (1 if a.lowers[described[0]] in ("a", "an", "the", "one") else 0)
            role = role or _text(a, role_first, described[1])
            person_evidence = True
    if entity is None:
        return None
    if organisation_evidence and entity.kind != "organisation" and not entity.role:
        entity.kind, entity.gender = "organisation", None
    else:
        _note_evidence(entity, role, person_evidence or age_or_role_seen and bool(role), gender)
    return Attribution(verb=v, start=a.starts[subject_first], end=_tail_end(a, v, end),
                       subject_start=a.starts[subject_first], subject_end=a.ends[i] if i >= first else a.starts[v],
                       entity=entity, inverted=False, strength=strength, sentence=sentence)


_LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})


def _place_beside_a_body(a: _Analysis, name: tuple[int, int, int], outer: tuple[int, int, int]) -> bool:
    """Whether the name set off by commas after a body's noun phrase is only where the body is ("Baragwanath
    Hospital, Johannesburg, said"; not "The army spokesman, Colonel Ibrahim al-Tayeb, said", a person named)."""
    if _bare(a.lowers[outer[2]]) not in _BODY_NOUNS and _bare(a.lowers[outer[1]]) not in _BODY_NOUNS \
            or a.lowers[name[0]] in _STATES:  # ("Doctors at the General Hospital, Kaduna, said": where it is too)
        return False
    return _a_place(a, name[0], name[1])


def _author_of_document(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"The Interior Ministry's official count puts the dead at 107", "MSF surveys put the toll at 6,700":
    a document's author, named before it, is the source of what the document says; so is the owner of the
    people who counted or cared for the casualties ("The Forum's teams have recorded", "the charity's surgical
    team operated on"), or a body named by its common noun before its own account ("the navy's own account")."""
    if i >= first and _bare(a.lowers[i]) not in _DOCUMENT_NOUNS | _OWNED_STAFF:
        # "A CNN survey of funeral homes (found)": the document before what it covers
        of = next((k for k in range(i - 1, max(first, i - 4) - 1, -1) if a.lowers[k] == "of"), None)
        if of is not None and of - 1 >= first and _bare(a.lowers[of - 1]) in _DOCUMENT_NOUNS \
                and not any(a.punct[k] or a.quoted[k] for k in range(of - 1, i + 1)):
            i = of - 1
    if i < first or a.caps[i] or _bare(a.lowers[i]) not in _DOCUMENT_NOUNS | _OWNED_STAFF:
        return None
    k = i - 1
    while k >= first and not a.caps[k] and a.lowers[k].isalpha() and a.lowers[k] not in _FUNCTION_WORDS \
            and i - k < 3:
        k -= 1  # "official", "latest"
    if k < first:
        return None
    if not a.names[k]:
        return _common_owner(a, k, first)
    last = k
    while k - 1 >= first and (a.names[k - 1] or a.lowers[k - 1] in _NAME_CONNECTORS and k - 2 >= first
                              and a.names[k - 2]):
        k -= 1
    if a.lowers[last].endswith("'s"):
        return k, last, last
    return (k, last, last) if last == i - 1 else None  # "MSF surveys": the name right before the document


def _staff_owner(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"The charity's surgical team operated on", "MSF's doctors treated": the body whose people counted or cared
    for the casualties, named in the possessive before them."""
    if i < first or _bare(a.lowers[i]) not in _OWNED_STAFF:
        return None
    owner = _author_of_document(a, i, first)
    if owner is None or not a.lowers[owner[1]].endswith(("'s", "’s", "s'", "s’")):
        return None  # ("MSF doctors said": the doctors, not a possessive owner)
    opening = owner[0] - 1
    if opening >= first and a.lowers[opening] == "the":
        opening -= 1
    if opening >= first and a.lowers[opening] in _NOT_AFTER:
        return None  # "An officer of the Tatmadaw's information team told": the team is not the subject
    return owner


def _common_owner(a: _Analysis, k: int, first: int) -> tuple[int, int, int] | None:
    """"the navy's (own account)", "the armed forces' (latest list)": a body or group named by its common noun in
    the possessive, after "the" and at most one modifier."""
    low = a.lowers[k]
    if low.endswith(("'s", "’s")):
        noun = low[:-2]
    elif low.endswith(("s'", "s’")):
        noun = low[:-1]
    else:
        return None
    if noun not in _ORG_NOUNS and noun not in _PEOPLE_NOUNS:
        return None
    j = k - 1
    if j >= first and not a.caps[j] and a.lowers[j].isalpha() and a.lowers[j] not in _FUNCTION_WORDS:
        j -= 1  # "the armed forces'"
    if j < first or a.lowers[j] != "the":
        return None
    return j + 1, k, k


def _definite_noun_before(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"the opposition said", "the main opposition bloc said", "the hospital said": a definite noun
    phrase the vocabulary does not list is still the subject of the verb right after it, or after its
    auxiliary and adverbs ("the coastguard has so far counted"); never across a comma: in "The truce,
    announced by ..., collapsed" the participle has no subject."""
    if i < first or a.caps[i] or a.quoted[i] or not a.lowers[i].isalpha():
        return None
    low = a.lowers[i]
    if low in _FUNCTION_WORDS or low in _SPEECH or low in _REPORT or low.endswith("ly") or low in _DOCUMENT_NOUNS:
        return None
    k = i - 1
    if k >= first and not a.caps[k] and a.lowers[k].isalpha() and a.lowers[k] not in _FUNCTION_WORDS:
        k -= 1  # one modifier: "the main opposition"
        if k >= first and a.lowers[k] in _SMALL_COUNTS:
            k -= 1  # and a count before it: "the three warring sides"
    if k < first or a.lowers[k] != "the" or (k > first and (a.lowers[k - 1] in _NOT_AFTER
                                                          or a.lowers[k - 1].endswith("ing"))):
        return None  # "the death of the boy said", "a group monitoring the camps said": an object, no subject
    return k + 1, i, i


def _estimator_before(a: _Analysis, i: int, first: int, v: int, end: int) -> tuple[int, int, int] | None:
    """"Dissidents have put the toll at 200", "Republican publicity puts the number of prisoners at 13,000", "the
    army's return placed the losses at 600": whoever sets a toll at a figure gives it, so the noun phrase opening
    the clause before such a verb is its source even when the vocabulary lists no such noun (a few words, nothing
    but the verb's auxiliaries after them)."""
    if a.lowers[v] not in _SETTING_A_TOLL or i < first or a.quoted[i] or not a.lowers[i].isalpha() \
            or a.lowers[i] in _FUNCTION_WORDS:
        return None
    k = v + 1
    while k < end and k < v + 4 and a.lowers[k] in _TOLL_OPENERS:
        k += 1
    described = k
    while described < end and described < k + 2 and not a.caps[described] and a.lowers[described].isalpha() \
            and a.lowers[described] not in _FUNCTION_WORDS and a.lowers[described] not in _TOLL_NOUNS:
        described += 1  # "puts its civilian dead at": a word or two saying whose dead
    if described > k and described < end and a.lowers[described] in _TOLL_NOUNS:
        k = described
    if k >= end or a.lowers[k] not in _TOLL_NOUNS:
        return None  # "gave birth", "put pressure on": no toll set
    start = i
    while start - 1 >= first and i - start < 4 and not a.punct[start - 1] and not a.quoted[start - 1] \
            and (a.lowers[start - 1] not in _FUNCTION_WORDS or a.lowers[start - 1] == "and") \
            and (a.lowers[start - 1].isalpha() or a.lowers[start - 1].endswith(("'s", "’s"))):
        start -= 1
    if start - 1 >= first and a.lowers[start - 1] in ("the", "a", "an"):
        start -= 1
    if start != first or a.lowers[start] == "and":
        return None  # only a subject that opens its clause: "..., and 40 more in Gao, the army put the toll at"
    start += 1 if a.lowers[start] in ("the", "a", "an") else 0
    if _bare(a.lowers[i]) in _DOCUMENT_NOUNS:
        # "Lebanese police estimates put": the police, whose estimates they are ("Early reports put the dead at":
        # estimates no one is named as making)
        if i == start or _bare(a.lowers[i - 1]) not in _HEAD_OR_TITLE:
            return None
        i -= 1
    return start, i, i


_SMALL_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"})
_NOT_AFTER = frozenset({"of", "by", "in", "at", "on", "to", "from", "with", "for", "that", "than"})  # "the death of the boy said"


def _frame_according_to(a: _Analysis, site: _Site):
    return _according_to(a, site.v, site.end, site.sentence)


def _frame_citing(a: _Analysis, site: _Site):
    """"Xinhua, citing local officials, said": the source the reporter relays, read like "according to"."""
    return _according_to(a, site.v, site.end, site.sentence, opening=site.v + 1)


def _frame_subject_verb(a: _Analysis, site: _Site):
    """'SOURCE [, aside,] said': the noun phrase before the verb, past what may stand between them; not a participle
    set off after a noun with its agent ("the town of Gisenyi, agreed by local commanders"), which qualifies it."""
    if site.v - 1 >= site.first and a.words[site.v - 1] == "," and site.v + 1 < site.end \
            and a.lowers[site.v + 1] == "by" and a.lowers[site.v] in _TERMS_PARTICIPLES:
        return None  # (but "Peter Lual, reported by radio:" is Lual reporting)
    evidence = _read_asides(a, site.v, site.first)
    if evidence is None:
        return None  # an empty segment between commas: no subject can be read
    relayed = _relayed_speaker(a, site.v - 1, site.first)
    if relayed is not None:
        return _subject_from_evidence(a, site, evidence, agent=relayed)
    return _subject_from_evidence(a, site, evidence)


def _according_to(a: _Analysis, i: int, end: int, sentence: int, opening: int | None = None) -> Attribution | None:
    bare_opening = i + 2 if opening is None else opening
    opening = _past_source_document(a, bare_opening, end)
    if opening + 1 < end and a.lowers[opening] in _POSSESSIVE_PRONOUNS | {"our"} and not a.caps[opening + 1]:
        opening += 1  # "according to her brother, ...", "according to our correspondent"
    span = _np_after(a, opening, end)
    if span is None:
        return None
    document = _authorless_document(a, span, end) if opening == bare_opening else None
    if document is not None:
        # "according to official figures", "according to Israeli tallies": no author is named, so the
        # figures themselves are the source, named with the words that describe them
        first = span[0] + (1 if a.lowers[span[0]] in ("a", "an", "the") else 0)
        entity = Entity(name=_text(a, first, document), kind="organisation",
                        plural=a.lowers[document].endswith("s"))
        return Attribution(verb=i, start=a.starts[i], end=a.ends[document], subject_start=a.starts[first],
                           subject_end=a.ends[document], entity=entity, inverted=True, strength="according",
                           sentence=sentence)
    span = _with_coordinated_source(a, span, end)
    named = _name_in_apposition(a, span, end)
    entity = _entity(a, (named[0], named[1], named[1]), a.starts[i], sentence) if named else None
    if entity is not None and entity.kind != "organisation" and not entity.plural:
        # "according to a relative, Fadumo Sheikh Ali,": the relative is named
        role_first = span[0] + (1 if a.lowers[span[0]] in ("a", "an", "the") else 0)
        _note_evidence(entity, _text(a, role_first, span[1]), True,
                       _gender_of_words(set(a.lowers[role_first:span[1] + 1])))
        span = (named[0], named[1], named[1])
    else:
        entity = _entity(a, span, a.starts[i], sentence)
        role, person, gender, _ = _appositive_after(a, span[1], end)
        if entity is not None:
            _note_evidence(entity, role, person, gender)
    return Attribution(verb=i, start=a.starts[i], end=a.ends[span[1]], subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=True, strength="according",
                       sentence=sentence)


def _authorless_document(a: _Analysis, span: tuple[int, int, int], end: int) -> int | None:
    """The document noun right after the noun phrase read as a source ("official | figures", "Israeli | tallies")
    when no author follows it ("figures from the ministry" names one): its token index, else None."""
    k = span[1] + 1
    if k >= end or a.caps[k] or a.quoted[k] or _bare(a.lowers[k]) not in _DOCUMENT_NOUNS \
            or _bare(a.lowers[k]) in _SPEAKING_DOCUMENTS:
        return None
    if k + 1 < end and (a.lowers[k + 1] in _SOURCE_PREPOSITIONS or a.lowers[k + 1] in _AGENT_PARTICIPLES):
        return None
    return k


def _with_coordinated_source(a: _Analysis, span: tuple[int, int, int], end: int) -> tuple[int, int, int]:
    """"according to witnesses and medics": two groups of common nouns joined by "and" are one source
    (two named bodies, "the Ministry of Health and the Red Cross", stay apart: the first is named)."""
    k = span[1] + 1
    if k + 1 >= end or a.lowers[k] != "and" or a.names[span[2]] or _bare(a.lowers[span[2]]) not in _PEOPLE_NOUNS:
        return span
    other = _np_after(a, k + 1, end)
    if other is None or a.names[other[2]] or _bare(a.lowers[other[2]]) not in _PERSON_OR_PEOPLE:
        return span
    return span[0], other[1], other[2]


def _announced_terms(a: _Analysis, v: int, first: int, end: int, sentence: int) -> Attribution | None:
    """"Under the deal, announced by Oman's foreign minister, both sides will ...": the sentence states the
    terms of an agreement whose announcer is named in the aside, so the announcer is its source."""
    text = a.document.text
    fronted = _TERMS_FRAME.fullmatch(text, a.starts[first], a.starts[v])
    # "The ceasefire declared by the Maoists took effect", "under terms announced by the peacekeepers":
    # the agent of a truce's own participle is its source, wherever the truce stands in the sentence
    if not fronted and not _TERMS_NOUN_BEFORE.search(text, a.starts[first], a.starts[v]):
        return None
    span = _np_after(a, v + 2, end)
    if span is None or span[1] + 1 >= end and fronted or fronted and a.words[span[1] + 1] != ",":
        return None  # a fronted aside closes with a comma before the statement goes on
    trailing = not fronted and _UNDER_TERMS_BEFORE.search(text, a.starts[first], a.starts[v]) \
        and _TRUCE_START_VERB.search(text, a.starts[first], a.starts[v])
    if not fronted and not trailing and not _TRUCE_STARTS_AFTER.match(text, a.ends[span[1]]):
        return None  # "The truce, announced by X, collapsed after ...": X is the source of its start only
    entity = _entity(a, span, a.starts[v], sentence)
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[v], end=a.ends[span[1]], subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=True, strength="report",
                       sentence=sentence)


# nouns for an agreement or plan whose terms a sentence states ("the deal", "the truce")
_TERMS_NOUNS = alternation(lexicons.words("speaker_announced_terms"))
_TERMS_FRAME = pattern_cache.compile(
    r"(?:Under|Per)\s+(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}(?:%s)\s*,\s*" % _TERMS_NOUNS,
    re.IGNORECASE)


_TERMS_NOUN_BEFORE = pattern_cache.compile(
    r"\b(?:(?:the|a|an|this|that|its|their|under)\s+(?:[\w'’()-]+\s+){0,4}?(?:%s)"
    r"|the\s+(?:first|second|third|latest|last|earlier|later|new)(?:\s+one)?)\s*,?\s*$" % _TERMS_NOUNS,
    re.IGNORECASE)  # "Two truces failed. The first, brokered by Russia, was due to begin": an ordinal takes one up
# "... declared by the army for the festival took effect": the truce's start follows its author
# (or after the aside the author closes: "The first, brokered by Russia after talks in Moscow lasting more than ten
# hours, was due to begin"; "A local pause negotiated by elders, from 7 a.m. on Monday")
_TRUCE_STARTS_AFTER = pattern_cache.compile(
    r"(?:[^.;:!?]{0,60}?|[^.;:!?,]{0,100},[^.;:!?,]{0,30}?)\b(?:%s)\b|[^.;:!?,]{0,40}?,\s+(?:from|starting|beginning|effective)\s"
    r"|[^.;:!?,]{0,40}?\sfor\s+(?:\d|noon|midnight|midday)"  # "announced by the presidency for 7pm on Friday"
    % alternation(lexicons.table("ceasefire_phrases")["start_verbs"]), re.IGNORECASE)
# "... took effect at 13:00 on 20 September, under terms announced by the peacekeepers": a trailing "under"
# aside names the author of the start the sentence has already stated
_UNDER_TERMS_BEFORE = pattern_cache.compile(r",?\s*\bunder\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?:%s)\s*$"
                                            % _TERMS_NOUNS, re.IGNORECASE)
_TRUCE_START_VERB = pattern_cache.compile(r"\b(?:%s)\b" % alternation(lexicons.table("ceasefire_phrases")["start_verbs"]),
                                          re.IGNORECASE)
# participles that make a truce's author its agent, beside the agent participles of reports ("announced")
_AUTHOR_PARTICIPLES = frozenset(lexicons.words("speaker_author_participles"))
_TERMS_PARTICIPLES = frozenset(lexicons.words("speaker_terms_participles")) | _AUTHOR_PARTICIPLES


def _fronted_phrase(a: _Analysis, first: int, last: int) -> bool:
    """"In a statement", "On Monday", "In a separate move": a prepositional phrase opening the sentence."""
    return a.lowers[first] in _FRONTING_PREPOSITIONS and not any(a.punct[k] for k in range(first, last + 1))


_FRONTING_PREPOSITIONS = frozenset({"in", "on", "at", "after", "before", "during", "with", "under", "amid",
                                    "despite", "following", "for", "by", "from", "over", "within"})


def _relative_antecedent(a: _Analysis, v: int, k: int, first: int, end: int, sentence: int,
                         strength: str) -> Attribution | None:
    """The named person before ", who said": "Samir Haddad, a fisherman, who said" / "a fisherman called
    Samir Haddad, who said". Only a name: "the village, who said" is no person."""
    people = k >= first and not a.caps[k] and _bare(a.lowers[k]) in _PEOPLE_NOUNS
    if k >= first and not a.names[k] and not people:  # step back over one appositive: ", a fisherman,"
        comma = next((m for m in range(k, max(first, k - 8) - 1, -1) if a.words[m] == ","), None)
        if comma is None or comma - 1 < first or not a.names[comma - 1]:
            return None
        k = comma - 1
    span = _np_before(a, k, first) if k >= first else None
    if people and span is not None and span[2] == k:
        # "Loyalist paramilitaries, who declared their own ceasefire from midnight, said ...": a group of people
        entity = _entity(a, span, a.starts[v], sentence)
        if entity is None or not entity.plural:
            return None
        return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, end),
                           subject_start=a.starts[span[0]], subject_end=a.ends[span[1]], entity=entity,
                           inverted=False, strength=strength, sentence=sentence)
    if span is None or not a.names[span[2]] or span[2] != k:
        return None
    entity = _entity(a, span, a.starts[v], sentence)
    if entity is None or entity.plural or entity.kind == "organisation" or " " not in entity.name \
            or _bare(a.lowers[span[1]]) in _PLACE_NOUNS or entity.name.lower() in _PLACES:
        return None  # "Kidal, who said": a lone word may be a place; a surname seen before maps to the full name
    return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, end), subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=False, strength=strength,
                       sentence=sentence)


def _follows_quotation(a: _Analysis, position: int) -> bool:
    """Whether only commas and spaces separate `position` from the end of a quotation."""
    k = bisect_right(a.quotation_ends, position) - 1
    return k >= 0 and _ADJACENT_MARKS.fullmatch(a.document.text, a.quotation_ends[k], position) is not None


_ADJACENT_MARKS = pattern_cache.compile(r"[\s,]*")


def _inverted_attribution(a: _Analysis, v: int, end: int, sentence: int, strength: str) -> Attribution | None:
    opening = v + 1
    alone = opening < end and a.lowers[opening] == "one" and (opening + 1 >= end or a.punct[opening + 1])
    if opening + 1 < end and a.lowers[opening] in _POSSESSIVE_PRONOUNS | {"one", "our"} and not a.caps[opening + 1] \
            and not alone:
        opening += 1  # "said her neighbour, ...", "said one driver, ...", "said our correspondent ..." (the outlet's)
    span = _np_after(a, opening, end)
    if span is None and alone:
        span = (opening, opening, opening)  # '“…,” said one, speaking on condition of anonymity': one of a group
    if span is None or a.lowers[span[0]] in _SUBJECT_PRONOUNS:
        return None
    named = _name_in_apposition(a, span, end)
    entity = _entity(a, (named[0], named[1], named[1]), a.starts[v], sentence) if named else None
    if entity is not None and entity.kind != "organisation" and not entity.plural:
        # "said his neighbour, Ana Lim": the neighbour is named
        role_first = span[0] + (1 if a.lowers[span[0]] in ("a", "an", "the") else 0)
        _note_evidence(entity, _text(a, role_first, span[1]), True, None)
        return Attribution(verb=v, start=a.starts[v], end=a.ends[named[1]],
                           subject_start=a.starts[span[0]], subject_end=a.ends[named[1]],
                           entity=entity, inverted=True, strength=strength, sentence=sentence)
    given = _given_name_after(a, span[1] + 1, end)
    if given is not None:  # "said a fisherman, who gave only his first name, Ahmed"
        entity = _entity(a, (given[0], given[1], given[1]), a.starts[v], sentence)
        if entity is not None:
            role_first = span[0] + (1 if a.lowers[span[0]] in ("a", "an", "the", "one") else 0)
            _note_evidence(entity, _text(a, role_first, span[1]) if role_first <= span[1] else "", True, None)
            return Attribution(verb=v, start=a.starts[v], end=a.ends[given[1]],
                               subject_start=a.starts[given[0]], subject_end=a.ends[given[1]],
                               entity=entity, inverted=True, strength=strength, sentence=sentence)
    entity = _entity(a, span, a.starts[v], sentence)
    if entity is None:
        return None
    role, person, gender, _ = _appositive_after(a, span[1], end)
    _note_evidence(entity, role, person, gender)
    return Attribution(verb=v, start=a.starts[v], end=a.ends[span[1]],
                       subject_start=a.starts[span[0]], subject_end=a.ends[span[1]],
                       entity=entity, inverted=True, strength=strength, sentence=sentence)


def _looks_like_common_noun(a: _Analysis, i: int, strength: str) -> bool:
    """A lone capitalised word opening a sentence that nothing marks as a name: "Photographs showed ..."."""
    low = _bare(a.lowers[i])
    if low in _STATES or low in _HEAD_NOUNS or low in _SUBJECT_PRONOUNS or _is_acronym(a.words[i]):
        return False
    if any(e.kind != "unknown" and low in e.name.lower().split() for e in a.entities.values()):
        return False
    return strength != "speech" or low in _DOCUMENT_NOUNS or low[:-1] in _DOCUMENT_NOUNS


def _quoted_as_saying(a: _Analysis, as_index: int, first: int, end: int, sentence: int, v: int,
                      strength: str) -> Attribution | None:
    k = as_index - 1
    while k >= first and a.lowers[k] not in ("quoted", "quotes", "quoting", "cited", "cites", "citing"):
        k -= 1
    if k < first:
        return None
    span = _np_after(a, k + 1, as_index)
    if span is None and k - 2 >= first and a.lowers[k - 1] in ("was", "were", "is", "are", "been"):
        span = _np_before(a, k - 2, first)  # "the minister was quoted as saying"
        if span is not None:
            entity = _entity(a, span, a.starts[v], sentence)
            if entity is None:
                return None
            return Attribution(verb=v, start=a.starts[span[0]], end=_tail_end(a, v, end),
                               subject_start=a.starts[span[0]], subject_end=a.ends[span[1]], entity=entity,
                               inverted=False, strength=strength, sentence=sentence)
    if span is None:
        return None
    if _bare(a.lowers[span[2]]) in _PERSON_OR_TITLE:
        # "quoted a spokesman of the Palestine Liberation Organization as saying": whom he speaks for
        span = _through_of_phrases(a, span, as_index, links=("of", "for"))
    name_first = span[1] + 2
    if span[1] + 1 < as_index and a.words[span[1] + 1] == "," and name_first < as_index \
            and a.names[name_first]:
        name_last = name_first
        while name_last + 1 < as_index and a.names[name_last + 1]:
            name_last += 1
        entity = _entity(a, (name_first, name_last, name_last), a.starts[v], sentence)
        if entity is not None and not entity.role:
            start_role = span[0] + (1 if a.lowers[span[0]] in ("a", "an", "the") else 0)
            entity.role = _text(a, start_role, span[1])
            if entity.kind == "unknown":
                entity.kind = "person"
        subject = (name_first, name_last)
    else:
        entity = _entity(a, span, a.starts[v], sentence)
        subject = (span[0], span[1])
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[k], end=_tail_end(a, v, end), subject_start=a.starts[subject[0]],
                       subject_end=a.ends[subject[1]], entity=entity, inverted=False, strength=strength,
                       sentence=sentence)


def _sentence_subject(a: _Analysis, first: int, end: int, sentence: int) -> Entity | None:
    span = _np_after(a, first, end)
    if span is None or span[0] != first + (1 if a.lowers[first] in ("the", "a", "an") else 0):
        return None  # "A Ruvanian army spokesman in Tula went further, saying ...": the spokesman
    named = _name_in_apposition(a, span, end)
    if named is not None:
        # "A Budapest-based group, the Transylvanian Refugees' Committee, went further, saying": the name given
        return _entity(a, (named[0], named[1], named[1]), a.starts[named[0]], sentence)
    return _entity(a, span, a.starts[first], sentence)


_MATCHERS = {
    "announced_terms": _frame_announced_terms,
    "after_quotation": _frame_after_quotation,
    "so_said": _frame_so_said,
    "quoted_as_saying": _frame_quoted_as_saying,
    "relative_who": _frame_relative_who,
    "purpose_infinitive": _frame_purpose_infinitive,
    "elided_subject": _frame_elided_subject,
    "closing_inverted": _frame_closing_inverted,
    "subject_verb": _frame_subject_verb,
    "passive_agent": _frame_passive_agent,
    "inverted": _frame_inverted,
    "according_to": _frame_according_to,
    "citing": _frame_citing,
    "nominal_by": _frame_nominal_by,
    "agent_after": _frame_agent_after,
}
FRAMES = tuple({"guarded": True, "final": True, **frame} for frame in lexicons.table("speaker_frames")["frames"])
_FRAMES_BY_TRIGGER = {trigger: tuple(f for f in FRAMES if trigger in f["triggers"])
                      for trigger in ("speech", "report", "according", "citing", "terms", "nominal")}
_ADJECTIVES_BEFORE_A_NOUN = frozenset(lexicons.table("speaker_frames")["adjectives_before_a_noun"])
_CITING = frozenset(lexicons.table("speaker_frames")["trigger_words"]["citing"])
_NOMINAL = frozenset(lexicons.table("speaker_frames")["trigger_words"]["nominal"])
_TERMS_ONLY = _TERMS_PARTICIPLES - _SPEECH - _REPORT
_BY_MEANS = frozenset(lexicons.table("speaker_frames")["trigger_words"]["by_means"])
_BY_AGENT_PARTICIPLES = frozenset(lexicons.table("speaker_frames")["trigger_words"]["by_agent_participles"])
_BY_AGENT_ESTIMATES = frozenset(lexicons.table("speaker_frames")["trigger_words"]["by_agent_estimates"])
_BODY_NOUNS = _ORG_NOUNS | _INSTITUTION_NOUNS  # "the Red Cross office", "Baragwanath Hospital"
_SETTING_A_TOLL = frozenset(lexicons.table("speaker_frames")["trigger_words"]["setting_a_toll"])
_TOLL_OPENERS = frozenset(lexicons.table("speaker_frames")["trigger_words"]["toll_openers"])  # "its own", "the death"
_TOLL_NOUNS = frozenset(lexicons.table("speaker_frames")["trigger_words"]["toll_nouns"])
_PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
_BY_THE_COUNT_OF = frozenset(lexicons.table("speaker_frames")["trigger_words"]["by_the_count_of"])
_FINDING = frozenset(lexicons.words("speaker_finding_verbs")) - _SPEECH - _REPORT
_TRIGGER_WORDS = _CITING | _SPEECH | _REPORT | _FINDING | _TERMS_ONLY | _NOMINAL | _BY_THE_COUNT_OF | {"according"}  # every word _find_attributions tries a frame at
assert set(_MATCHERS) == {frame["name"] for frame in FRAMES}, "every frame in the lexicon needs its matcher"
