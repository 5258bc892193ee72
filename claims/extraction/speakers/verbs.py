"""Reporting verbs and their subjects, sentence by sentence.

Finds every "said", "told", "according to", "put ... at" (speech and report
verbs from lexicons) outside quotations, and its subject: before the verb, after
it (", said Nina"), elided ("... and urged"), quoted ("quoted X as saying") or a
passive agent ("released by the ministry").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .. import lexicons
from .asides import (
    _description_before_name,
    _name_in_apposition,
    _INTRANSITIVE_SPEECH,
    _closes_clause,
    _finite_after_person,
    _given_name_after,
    _name_given_in,
    _named_body,
    _only_connectives,
    _relative_before_list,
)
from .mentions import _collect_mentions, _note_evidence
from .model import _Analysis, Attribution, Entity, _Mention
from .names import _entity, _is_acronym
from .phrases import (
    _AGENT_PARTICIPLES,
    _appositive_after,
    _ends_role,
    _np_after,
    _np_before,
    _np_with_postmodifier,
    _passive_agent,
    _past_source_document,
    _subject_before_relative,
    _tail_end,
)
from .references import _gender_in, _gender_of_words, _learn_gender
from .tokens import _bare, _sentence_bounds, _text
from .vocabulary import (
    _BETWEEN_SUBJECT_AND_VERB,
    _CLAUSE_OPENERS,
    _DOCUMENT_NOUNS,
    _FUNCTION_WORDS,
    _HEAD_NOUNS,
    _LOCATIVES,
    _NAME_CONNECTORS,
    _NOUN_MARKERS,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _PLACE_NOUNS,
    _PLACES,
    _POSSESSIVE_PRONOUNS,
    _QUOTE_MARKS,
    _RELATIVES,
    _REPORT,
    _SPEECH,
    _STATES,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _TITLE_HEADS,
    _TITLE_WORDS,
    _WEEKDAY_OR_TIME,
)


def _find_attributions(a: _Analysis) -> None:
    for sentence in range(len(a.sentence_starts)):
        first, end = _sentence_bounds(a, sentence)
        mentions_from = len(a.mentions)
        _collect_mentions(a, sentence, first, end)
        previous: Attribution | None = None
        i = first
        while i < end:
            low = a.lowers[i]
            if a.quoted[i]:
                i += 1
                continue
            attribution = None
            if low == "according" and i + 1 < end and a.lowers[i + 1] == "to":
                attribution = _according_to(a, i, end, sentence)
            elif low in _SPEECH or low in _REPORT:
                attribution = _verb_attribution(a, i, first, end, sentence, previous)
            if attribution is not None:
                a.attributions.append(attribution)
                a.by_sentence.setdefault(sentence, []).append(attribution)
                if attribution.entity is not None:
                    previous = attribution
                    a.mentions.append(_Mention(attribution.entity, a.starts[i], sentence, 2))
            i += 1
        _learn_gender(a, a.mentions[mentions_from:], first, end)


def _according_to(a: _Analysis, i: int, end: int, sentence: int) -> Attribution | None:
    opening = _past_source_document(a, i + 2, end)
    if opening + 1 < end and a.lowers[opening] in _POSSESSIVE_PRONOUNS and not a.caps[opening + 1]:
        opening += 1  # "according to her brother, ..."
    span = _np_after(a, opening, end)
    if span is None:
        return None
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


def _verb_attribution(a: _Analysis, v: int, first: int, end: int, sentence: int,
                      previous: Attribution | None) -> Attribution | None:
    low = a.lowers[v]
    if low in _AGENT_PARTICIPLES and v + 1 < end and a.lowers[v + 1] == "by":
        framed = _announced_terms(a, v, first, end, sentence)
        if framed is not None:
            return framed
    strength = "speech" if low in _SPEECH else "report"
    before = v - 1
    if v > first and a.caps[v]:
        return None  # "the United States": a capitalised verb form mid-sentence is a name
    if before >= first and (a.lowers[before] in _NOUN_MARKERS or a.lowers[before].endswith("'s")) \
            and not _finite_after_person(a, before, v):
        return None  # "by Moscow's estimate", "neither claim": a noun, not a verb
    if v + 1 < end and (a.lowers[v + 1] in _SPEECH or a.lowers[v + 1] in _REPORT) and not a.caps[v + 1]:
        return None  # "early reports put ...": the verb-shaped word is the subject noun
    if not low.endswith(("s", "d")) and v + 1 < end and not a.caps[v + 1] and before >= first \
            and a.names[before] and _bare(a.lowers[v + 1]) in (_HEAD_NOUNS | _TITLE_WORDS):
        return None  # "Kaduna state police spokesman ...": a noun naming the state, not the verb "state"
    if low == "called" and before >= first and v + 1 < end and a.names[v + 1] and (
            a.words[before] == "," and not _follows_quotation(a, a.starts[v])
            or not a.caps[before] and _bare(a.lowers[before]) in _HEAD_NOUNS):
        return None  # "a fisherman called Samir Haddad", "the operation, called Iron Shield,": naming, not speaking
    if strength == "report" and any(a.lowers[k] in ("name", "names") for k in range(v + 1, min(end, v + 5))):
        return None  # "who gave only one name", "gave her name as": naming oneself, not reporting
    # inverted: '..., said Nina' / '” said the ministry' / sentence-initial 'Said X'
    after_quote = _follows_quotation(a, a.starts[v])
    if strength == "speech" and after_quote:
        inverted = _inverted_attribution(a, v, end, sentence, strength)
        if inverted is not None:
            return inverted
    # "So said the mayor.": a fronted "so" points back to what was just quoted, the subject follows
    if strength == "speech" and before == first and a.lowers[before] in ("so", "thus"):
        return _inverted_attribution(a, v, end, sentence, strength)
    # "the paper quoted a survivor, Sita Tamang, as saying": the quoted person speaks
    if before >= first and a.lowers[before] == "as" and low.endswith("ing"):
        quoted = _quoted_as_saying(a, before, first, end, sentence, v, strength)
        if quoted is not None:
            return quoted
    # "..., joined by a fisherman called Samir Haddad, who said": the relative's antecedent speaks
    if before - 1 >= first and a.lowers[before] == "who" and a.words[before - 1] == ",":
        return _relative_antecedent(a, v, before - 2, first, end, sentence, strength)
    # elided subject: '..., adding that', '... and urged', 'but says'
    if before >= first and (a.lowers[before] in _CLAUSE_OPENERS or
                            (a.words[before] == "," and low.endswith("ing"))):
        entity = previous.entity if previous else _sentence_subject(a, first, end, sentence)
        if entity is not None:
            return Attribution(verb=v, start=a.starts[v], end=_tail_end(a, v, end), subject_start=a.starts[v],
                               subject_end=a.starts[v], entity=entity, inverted=False, strength=strength,
                               sentence=sentence)
        return None
    # "... spread across three districts, said Kamal Thapa, an official": the name after the verb closes it
    if low in _INTRANSITIVE_SPEECH and before >= first and a.words[before] == "," and _closes_clause(a, v, end):
        inverted = _inverted_attribution(a, v, end, sentence, strength)
        if inverted is not None:
            return inverted
    i = before
    while i >= first and (a.lowers[i] in _BETWEEN_SUBJECT_AND_VERB or a.lowers[i] == "not" or
                          (a.lowers[i] in _WEEKDAY_OR_TIME and i - 1 >= first and a.lowers[i - 1] in ("on", "late", "early", "last"))):
        if a.lowers[i] in _WEEKDAY_OR_TIME:
            i -= 1
        i -= 1
    # "the World Food Programme (WFP) said": step over a bracketed short form
    if i >= first and a.words[i] == ")":
        opening = next((k for k in range(i - 1, max(first, i - 6) - 1, -1) if a.words[k] == "("), None)
        if opening is not None:
            i = opening - 1
    role, age_or_role_seen = "", False
    gender = None
    person_evidence = False
    organisation_evidence = False
    name_between: tuple[int, int] | None = None
    given_name: tuple[int, int] | None = None  # "..., who asked to be identified only as Mariam, said"
    # the last ", a senior official," stepped over, and the evidence gathered before it
    described: tuple[int, tuple] | None = None
    while i >= first and a.words[i] == ",":
        j = i - 1
        while j >= first and a.words[j] not in (",", ";", ":") and a.words[j] not in _QUOTE_MARKS and not a.quoted[j]:
            j -= 1
        segment_first, segment_last = j + 1, i - 1
        if segment_last < segment_first:
            return None
        head = a.lowers[segment_first]
        if j >= first and a.words[j] == "," and head == "as" and a.lowers[segment_last] in ("known", "called"):
            i = j  # "The Tatmadaw, as Myanmar's military is known, said"
            continue
        if j >= first and a.words[j] == "," and _only_connectives(a, segment_first, segment_last + 1):
            i = j  # "The governor, however, said": a connective aside is no role
            continue
        opening = _relative_before_list(a, first, j, segment_first, segment_last)
        if opening is not None:
            i = opening  # "who runs clinics in Carrefour, Delmas and Petion-Ville,": the list is inside the clause
            continue
        if (j < first or a.words[j] != ",") and described is not None \
                and _fronted_place(a, segment_first, segment_last):
            # "In Ankara, a senior official, speaking on condition of anonymity, said": the fronted place
            # opens the sentence, the description after it is the subject
            i, (role, gender, person_evidence, organisation_evidence, age_or_role_seen) = described
            break
        if j < first or a.words[j] != "," or head in _SUBORDINATORS or _only_connectives(a, first, j):
            i = segment_last  # the segment opens the clause ("while Azerbaijan"): it holds the subject
            break
        if head in ("a", "an", "the") or (head.endswith("'s") and not a.names[segment_last]) \
                or (not a.caps[segment_first] and _bare(a.lowers[segment_last]) in _HEAD_NOUNS):
            described = (segment_last, (role, gender, person_evidence, organisation_evidence, age_or_role_seen))
        named = _named_body(a, segment_first, segment_last)
        if named and j - 1 >= first and a.words[j] == "," and not a.names[j - 1]:
            name_between = named  # "Pakistan's military media wing, the Inter-Services Public Relations (ISPR), said"
            i = j - 1
            break
        if head in _RELATIVES or head[0].isdigit() or not a.caps[segment_first] or head in ("a", "an", "the") \
                or (head.endswith("'s") and not a.names[segment_last]):  # ", Colombia's largest group,"
            given_name = given_name or _name_given_in(a, segment_first, segment_last)
            if head in _RELATIVES:
                person_evidence = person_evidence or head in ("who", "whose")
                organisation_evidence = organisation_evidence or head == "which"  # "MSF, which runs ..."
                gender = gender or _gender_in(a, segment_first, segment_last + 1)
            elif head[0].isdigit():
                person_evidence = True
            elif not head.endswith(("ing", "ed")) or head in _TITLE_WORDS:
                start_role = segment_first + 1 if head in ("a", "an", "the") else segment_first
                segment_last = next((m - 1 for m in range(start_role, segment_last + 1) if _ends_role(a, m)),
                                    segment_last)
                if start_role <= segment_last:
                    role = role or _text(a, start_role, segment_last)
                    role_words = set(a.lowers[start_role:segment_last + 1])
                    gender = gender or _gender_of_words(role_words)
                    role_head = _bare(a.lowers[segment_last])
                    organisation_evidence = organisation_evidence or (
                        bool(role_words & _ORG_NOUNS) and not role_words & (_PERSON_NOUNS | _TITLE_WORDS)) or (
                        role_head in _ORG_NOUNS and role_head not in _PERSON_NOUNS | _TITLE_HEADS)  # "the energy giant"
            age_or_role_seen = True
            i = j
            continue
        # "Its chief executive, Oleksandr Kamyshin, told ..." / "the agency, AFAD, said"
        if j >= first and a.words[j] == "," and all(a.names[k] or a.lowers[k] in _NAME_CONNECTORS
                                                   for k in range(segment_first, segment_last + 1)):
            name_between = (segment_first, segment_last)
            i = j - 1
            break
        i = segment_last
        break
    if given_name and not name_between and not (i >= first and a.names[i]):
        name_between = given_name
        person_evidence = True
    elif name_between and i >= first and a.lowers[i] in ("name", "names"):
        while i >= first and a.words[i] != ",":
            i -= 1  # "A fisherman, who gave only his first name, Ahmed, said": the fisherman is Ahmed
        i -= 1
    if name_between:
        outer = _np_before(a, i, first) or _np_with_postmodifier(a, i, first)
        span = (name_between[0], name_between[1], name_between[1])
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
            if _bare(a.lowers[outer[2]]) in _PERSON_NOUNS | _TITLE_WORDS and entity.kind == "unknown":
                entity.kind = "person"
            elif _bare(a.lowers[outer[2]]) in _ORG_NOUNS and entity.kind == "unknown":
                entity.kind = "organisation"
            subject_first = outer[0]
        else:
            subject_first = name_between[0]
    else:
        span = _np_before(a, i, first) or _np_with_postmodifier(a, i, first) or _subject_before_relative(a, i, first)
        if span is None:
            span = _passive_agent(a, v - 1, first)
            if span is None:
                if strength == "speech" and before >= first and a.words[before] == ",":
                    return _inverted_attribution(a, v, end, sentence, strength)  # "..., said the minister"
                return None
        if span[0] == span[1] == first and _looks_like_common_noun(a, first, strength):
            return None
        entity = _entity(a, span, a.starts[v], sentence)
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


def _announced_terms(a: _Analysis, v: int, first: int, end: int, sentence: int) -> Attribution | None:
    """"Under the deal, announced by Oman's foreign minister, both sides will ...": the sentence states the
    terms of an agreement whose announcer is named in the aside, so the announcer is its source."""
    text = a.document.text
    if not _TERMS_FRAME.fullmatch(text, a.starts[first], a.starts[v]):
        return None
    span = _np_after(a, v + 2, end)
    if span is None or span[1] + 1 >= end or a.words[span[1] + 1] != ",":
        return None  # the aside closes with a comma before the statement goes on
    entity = _entity(a, span, a.starts[v], sentence)
    if entity is None:
        return None
    return Attribution(verb=v, start=a.starts[v], end=a.ends[span[1]], subject_start=a.starts[span[0]],
                       subject_end=a.ends[span[1]], entity=entity, inverted=True, strength="report",
                       sentence=sentence)


_TERMS_FRAME = re.compile(
    r"(?:Under|Per)\s+(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}(?:%s)\s*,\s*"
    % "|".join(r"\s+".join(re.escape(w) for w in phrase.split())
               for phrase in sorted(lexicons.words("speaker_announced_terms"), key=len, reverse=True)),
    re.IGNORECASE)


def _fronted_phrase(a: _Analysis, first: int, last: int) -> bool:
    """"In a statement", "On Monday", "In a separate move": a prepositional phrase opening the sentence."""
    return a.lowers[first] in _FRONTING_PREPOSITIONS and not any(a.punct[k] for k in range(first, last + 1))


_FRONTING_PREPOSITIONS = frozenset({"in", "on", "at", "after", "before", "during", "with", "under", "amid",
                                    "despite", "following", "for", "by", "from", "over", "within"})


def _fronted_place(a: _Analysis, first: int, last: int) -> bool:
    """"In Ankara", "From Kyiv", "Back in Mogadishu": a place phrase opening the sentence before its subject."""
    k = first + 1 if a.lowers[first] in _PLACE_ADVERBS and first < last else first
    return a.lowers[k] in _LOCATIVES or a.lowers[k] == "from"


_PLACE_ADVERBS = frozenset({"back", "here", "there", "elsewhere", "over", "further", "farther", "closer", "meanwhile"})


def _relative_antecedent(a: _Analysis, v: int, k: int, first: int, end: int, sentence: int,
                         strength: str) -> Attribution | None:
    """The named person before ", who said": "Samir Haddad, a fisherman, who said" / "a fisherman called
    Samir Haddad, who said". Only a name: "the village, who said" is no person."""
    if k >= first and not a.names[k]:  # step back over one appositive: ", a fisherman,"
        comma = next((m for m in range(k, max(first, k - 8) - 1, -1) if a.words[m] == ","), None)
        if comma is None or comma - 1 < first or not a.names[comma - 1]:
            return None
        k = comma - 1
    span = _np_before(a, k, first) if k >= first else None
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


_ADJACENT_MARKS = re.compile(r"[\s,]*")


def _inverted_attribution(a: _Analysis, v: int, end: int, sentence: int, strength: str) -> Attribution | None:
    opening = v + 1
    if opening + 1 < end and a.lowers[opening] in _POSSESSIVE_PRONOUNS | {"one"} and not a.caps[opening + 1]:
        opening += 1  # "said her neighbour, ...", "said one driver, ..."
    span = _np_after(a, opening, end)
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
    if span is None or span[0] != first + (1 if a.lowers[first] == "the" else 0):
        return None
    return _entity(a, span, a.starts[first], sentence)
