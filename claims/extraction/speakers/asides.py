"""Asides between a subject and its reporting verb, and names given in passing.

", who runs clinics in A, B and C,", ", as the army is known,", "Separately,",
", the Inter-Services Public Relations (ISPR),", ", who asked to be identified
only as Ko Thura,", ", said Kamal Thapa, an official", "a driver named Omar Sy"
and "a relative, Amina Yusuf,": the verb rules ask these helpers what such a
stretch of tokens is.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicons

from .model import _Analysis
from .names import _is_acronym
from .phrases import _bracketed_qualifier, _ends_role, _np_after, _np_before
from .references import _gender_in, _gender_of_words
from .tokens import _bare, _text
from .vocabulary import (
    _COUNTRIES,
    _DOCUMENT_NOUNS,
    _PARTICIPLE_PHRASE_OPENERS,
    _SPEAKING_DOCUMENTS,
    _PERSON_OR_TITLE,
    _BETWEEN_SUBJECT_AND_VERB,
    _TWO_WORD_ADVERBS,
    _HEAD_NOUNS,
    _LOCATIVES,
    _ORG_NOUNS,
    _SUBORDINATORS,
    _TITLE_HEADS,
    _WEEKDAY_OR_TIME,
    _CONNECTIVES,
    _NAME_CONNECTORS,
    _ORG_NAME_WORDS,
    _PERSON_NOUNS,
    _PLACE_NOUNS,
    _PLACES,
    _QUOTE_MARKS,
    _RELATIVES,
    _STATES,
    _SUBJECT_PRONOUNS,
    _TITLE_WORDS,
)


def _relative_before_list(a: _Analysis, first: int, j: int, segment_first: int, segment_last: int) -> int | None:
    """The comma opening ", who ... in Carrefour, Delmas and Petion-Ville," when the segment at
    segment_first..segment_last is the tail of a list that clause holds; else None."""
    if not _is_list_segment(a, segment_first, segment_last) or not any(
            a.lowers[k] in ("and", "or") for k in range(segment_first, segment_last)):
        return None  # a list ends "... and Petion-Ville"; a lone name is an appositive ("..., Idris, said")
    while j >= first and a.words[j] == ",":
        k = j - 1
        while k >= first and a.words[k] not in (",", ";", ":") and a.words[k] not in _QUOTE_MARKS and not a.quoted[k]:
            k -= 1
        if k < first or a.words[k] != ",":
            return None
        if a.lowers[k + 1] in _RELATIVES:
            return j
        if not _is_list_segment(a, k + 1, j - 1):
            return None
        j = k
    return None


def _is_list_segment(a: _Analysis, first: int, last: int) -> bool:
    return first <= last and a.names[last] and all(
        a.names[k] or a.lowers[k] in ("and", "or") or a.lowers[k] in _NAME_CONNECTORS
        for k in range(first, last + 1))


def _named_body(a: _Analysis, first: int, last: int) -> tuple[int, int] | None:
    """A body's proper name filling an appositive: "the Inter-Services Public Relations (ISPR)"."""
    short_form = last - 3 >= first and a.words[last] == ")" and a.words[last - 2] == "(" \
        and _is_acronym(a.words[last - 1])
    if short_form:
        last -= 3
    if first <= last and a.lowers[first] == "the":
        first += 1
    if first > last or not a.names[first] or not a.names[last]:
        return None
    if not all(a.names[k] or a.lowers[k] in _NAME_CONNECTORS
               or a.lowers[k] == "and" and first < k < last and a.names[k - 1] and a.names[k + 1]
               for k in range(first, last + 1)):
        return None  # "the Union for Justice and Democracy (UJD)": an "and" between names stays inside
    if (_bare(a.lowers[last]) in _TITLE_WORDS or _bare(a.lowers[last]) in _PERSON_NOUNS) \
            and not (last - 1 > first and a.lowers[last - 1] in ("for", "of")):
        return None  # "the Deputy Governor" is a person; "the Collective for Justice" a body
    # "the Artibonite Collective for Justice": a body's word may head the name before its complement
    return (first, last) if short_form or any(_bare(a.lowers[k]) in _ORG_NAME_WORDS and a.names[k]
                                              for k in range(first, last + 1)) else None


def _name_given_in(a: _Analysis, first: int, last: int) -> tuple[int, int] | None:
    """The name in "who asked to be identified only as Ko Thura" / "identified only as Sergeant Tun" /
    "who gave her name as Sita Rai": the name words after "as", when a naming word comes before it."""
    for k in range(first, last):
        if (a.lowers[k] == "as" and any(a.lowers[m] in _NAMING_WORDS for m in range(max(first, k - 4), k))) \
                or _names_directly(a, k):
            name_first = k + 1
            name_last = name_first - 1
            while name_last + 1 <= last and (a.names[name_last + 1] or (
                    a.lowers[name_last + 1] in _NAME_CONNECTORS and name_last + 2 <= last)):
                name_last += 1
            return (name_first, name_last) if name_last == last and name_last >= name_first else None
    return None


def _given_name_after(a: _Analysis, start: int, end: int) -> tuple[int, int] | None:
    """A name given right after an unnamed speaker: ", who gave only his first name, Ahmed" or
    ", who asked to be identified only as Ahmed"."""
    for k in range(start, min(end, start + 14)):
        if a.words[k] in (".", ";", ":") or a.words[k] in _QUOTE_MARKS or a.quoted[k]:
            return None
        if (a.lowers[k] == "as" and any(a.lowers[m] in _NAMING_WORDS for m in range(max(start, k - 4), k))) \
                or _names_directly(a, k):
            name_first = k + 1
        elif a.lowers[k] in ("name", "names") and k + 2 < end and a.words[k + 1] == ",":
            name_first = k + 2
        else:
            continue
        name_last = name_first - 1
        while name_last + 1 < end and (a.names[name_last + 1] or (
                a.lowers[name_last + 1] in _NAME_CONNECTORS and name_last + 2 < end
                and a.names[name_last + 2])):
            name_last += 1
        return (name_first, name_last) if name_last >= name_first else None
    return None


def _names_directly(a: _Analysis, k: int) -> bool:
    """"a retired teacher named Ali Bouzid", "a fisherman called Samir": the name follows the naming word."""
    return a.lowers[k] in _DIRECT_NAMING_WORDS and k + 1 < len(a.words) and a.names[k + 1] \
        and not a.quoted[k + 1]


_NAMING_WORDS = frozenset({"identified", "named", "name", "names", "referred", "known"})  # "... known as X"
# "a driver named X", "a commander who goes by the alias X" / "by the name X"
_DIRECT_NAMING_WORDS = frozenset(lexicons.words("speaker_direct_naming_words"))


def _only_connectives(a: _Analysis, first: int, stop: int) -> bool:
    """"Separately," / "In a separate statement," before the comma at `stop`: the clause's subject follows it."""
    return stop > first and all(a.lowers[k] in _CONNECTIVES for k in range(first, stop))


def _closes_clause(a: _Analysis, v: int, end: int) -> bool:
    """Whether a noun phrase right after the verb runs to the end of the clause: ", said Nina, a nurse"."""
    span = _np_after(a, v + 1, end)
    if span is None or a.lowers[span[0]] in _SUBJECT_PRONOUNS:
        return False
    if any(a.lowers[k] not in ("the", "a", "an") for k in range(v + 1, span[0])):
        return False
    after = span[1] + 1
    return after >= end or a.words[after] in (",", ".", ";", ":", "—", "–") or a.words[after] in _QUOTE_MARKS


def _finite_after_person(a: _Analysis, before: int, v: int) -> bool:
    """"a local official said": a marker that is also a person noun, then a past or finite speech verb."""
    return a.lowers[before] in _PERSON_NOUNS and (a.lowers[v] in _FINITE_SPEECH or a.lowers[v].endswith("ed"))


# verbs with no object, so the noun phrase after them is their subject ("told Al Jazeera" has an object)
_INTRANSITIVE_SPEECH = frozenset({"said", "says", "added", "adds", "stated", "noted", "explained", "continued"})
_FINITE_SPEECH = frozenset({"said", "says", "told", "tells", "wrote", "writes", "spoke", "speaks"})


def _description_before_name(a: _Analysis, name_first: int, first: int) -> tuple[int, int] | None:
    """"a taxi driver | named | Jesús Ortiz": the person described right before "named"/"called" and a name."""
    k = name_first - 1
    if k - 1 < first or a.lowers[k] not in ("named", "called") or not a.names[name_first]:
        return None
    span = _np_before(a, k - 1, first)
    if span is None or a.names[span[2]] or _bare(a.lowers[span[2]]) not in _PERSON_NOUNS:
        return None
    start = span[0]
    if start - 1 >= first and a.lowers[start - 1] in ("a", "an", "the", "one"):
        start -= 1
    return start, span[1]


def _name_in_apposition(a: _Analysis, span: tuple[int, int, int], end: int) -> tuple[int, int] | None:
    """"a relative, Fadumo Sheikh Ali," after a common person noun, "A Budapest-based group, the Transylvanian
    Refugees' Committee," after a body's: the name that closes the appositive."""
    head = span[2]
    body = not a.names[head] and _bare(a.lowers[head]) in _ORG_NOUNS and _bare(a.lowers[head]) not in _PERSON_OR_TITLE
    if a.names[head] or _bare(a.lowers[head]) not in _PERSON_OR_TITLE and not body:
        return None
    k = span[1] + 1
    if k < end and not a.caps[k] and _bare(a.lowers[k]) in _PLACE_NOUNS and a.names[k - 1]:
        k += 1  # "the commissioner of Pibor county, Lual Deng"
    if k < end and a.lowers[k] == "of":  # "a relative of one victim, ..."
        k = next((m for m in range(k + 1, min(end, k + 6)) if a.punct[m] or a.names[m]), end)
    if body and k + 2 < end and a.words[k] == "," and a.lowers[k + 1] == "the" and a.names[k + 2]:
        k += 1  # (a body's name may take "the")
    if k + 1 >= end or a.words[k] not in (",", "the") or not a.names[k + 1]:
        return None
    last = k + 1
    while last + 1 < end and (a.names[last + 1] or (
            a.lowers[last + 1] in _NAME_CONNECTORS and last + 2 < end and a.names[last + 2])):
        last += 1
    closes = last + 1 >= end or a.words[last + 1] in (",", ".", ";", ":", "—", "–") or a.words[last + 1] in _QUOTE_MARKS
    # one word is a name only after a kinship or everyday person noun ("his wife, Mona"), not a title
    one_word_ok = _bare(a.lowers[head]) in _PERSON_NOUNS and _bare(a.lowers[head]) not in _TITLE_WORDS \
        and not _is_acronym(a.words[k + 1]) and a.lowers[k + 1] not in _PLACES and a.lowers[k + 1] not in _STATES
    if body and (last == k + 1 or a.lowers[k + 1] in _PLACES or a.lowers[k + 1] in _STATES):
        return None  # a body's name of one word may be a place ("the army, Kabul,"): only a name of several words
    return (k + 1, last) if closes and (last > k + 1 or one_word_ok) else None


@dataclass(slots=True)
class _SubjectEvidence:
    """What the stretch before a reporting verb says about its subject.

    `i` is the last token of the subject proper (the asides stepped over lie after it); the rest is
    evidence the asides gave: a role (", a senior official,"), gender, whether a person ("who",
    an age) or a body ("which") speaks, and a name given between commas or in passing."""

    i: int
    role: str = ""
    gender: str | None = None
    person_evidence: bool = False
    organisation_evidence: bool = False
    age_or_role_seen: bool = False
    name_between: tuple[int, int] | None = None


_COMPASS = frozenset(lexicons.words("speaker_compass_points"))
_HOME_REGIONS = frozenset(w.lower() for w in lexicons.words("speaker_home_regions"))


def _before_reader_phrase(a: _Analysis, i: int, first: int) -> int:
    """"A statement issued by the rebels and seen by Reuters said": whoever saw or obtained a text only read it;
    the subject ends before "(and) seen by" and its agent. Returns the index the subject ends at."""
    if i < first or a.punct[i] or a.quoted[i]:
        return i
    for b in range(i - 1, max(first, i - 7), -1):
        if a.punct[b] or a.quoted[b]:
            return i
        if a.lowers[b] == "by" and a.lowers[b - 1] in _READER_PARTICIPLES:
            k = b - 2
            if k >= first and (a.lowers[k] == "and" or a.words[k] == ","):
                k -= 1
            return k if k >= first and not a.punct[k] else i
    return i


# participles of reading a text: their agent saw the words, never said them
_READER_PARTICIPLES = frozenset({"seen", "obtained", "reviewed", "viewed", "read", "received", "examined"})


def _before_participle_phrase(a: _Analysis, i: int, first: int) -> int:
    """ "A MONUC statement issued on Monday afternoon said": a short participle phrase right after a document
    noun describes the document; the subject ends at the noun. Returns the index the subject ends at."""
    if i < first or a.punct[i] or a.quoted[i]:
        return i
    for k in range(i - 2, max(first, i - 9) - 1, -1):
        if a.punct[k + 1] or a.quoted[k + 1]:
            return i
        if a.lowers[k + 1].endswith("ed") and a.lowers[k + 2] in _PARTICIPLE_PHRASE_OPENERS \
                and _bare(a.lowers[k]) in _DOCUMENT_NOUNS | _SPEAKING_DOCUMENTS:
            return k
    return i


def _part_of_a_named_day(a: _Analysis, i: int, first: int) -> bool:
    """"(on) Saturday evening", "(late on) Monday night": a part of the day after a weekday and its preposition."""
    return i - 2 >= first and a.lowers[i] in _PARTS_OF_DAY and a.lowers[i - 1] in _WEEKDAY_OR_TIME \
        and a.lowers[i - 1] not in _PARTS_OF_DAY and a.lowers[i - 2] in ("on", "late", "early", "last") \
        and not (i - 3 >= first and a.lowers[i - 3].endswith("ed"))  # "a statement issued on Monday afternoon said"


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def _read_asides(a: _Analysis, v: int, first: int) -> _SubjectEvidence | None:
    """Step back from the verb at `v` over what may stand between a subject and its verb: adverbs and
    times ("also", "on Monday"), a bracketed short form, and comma-closed asides (appositives,
    relative and participle clauses, "as X is known", connectives); None when an empty aside
    (", ,") leaves no subject to read."""
    before = v - 1
    i = before
    while i >= first:
        day_and_part = _part_of_a_named_day(a, i, first)
        two_words = i - 2 >= first and (a.lowers[i - 1], a.lowers[i]) in _TWO_WORD_ADVERBS
        # "the ministry was (still) giving a toll of 40": the progressive's auxiliary
        progressive = a.lowers[i] in ("was", "were", "is", "are") and a.lowers[v].endswith("ing") \
            and all(a.lowers[k] in _BETWEEN_SUBJECT_AND_VERB for k in range(i + 1, v))
        if not (day_and_part or two_words or progressive or a.lowers[i] in _BETWEEN_SUBJECT_AND_VERB
                or a.lowers[i] == "not" or
                (a.lowers[i] in _WEEKDAY_OR_TIME and i - 1 >= first and a.lowers[i - 1] in ("on", "late", "early", "last"))):
            break
        if day_and_part:
            i -= 2  # "had on Saturday evening put": the day and its part
        elif two_words:
            i -= 1  # "have so far confirmed"
        elif a.lowers[i] in _WEEKDAY_OR_TIME:
            i -= 1
        i -= 1
    # "the World Food Programme (WFP) said": step over a bracketed short form
    i = _before_short_form(a, i, first)
    i = _before_participle_phrase(a, i, first)
    i = _before_reader_phrase(a, i, first)
    role, age_or_role_seen = "", False
    gender = None
    person_evidence = False
    organisation_evidence = False
    name_between: tuple[int, int] | None = None
    given_name: tuple[int, int] | None = None  # "..., who asked to be identified only as Mariam, said"
    # the last ", a senior official," stepped over, and the evidence gathered before it
    described: tuple[int, tuple] | None = None
    named_after_role: tuple[int, tuple] | None = None  # the last ", banana farmer Rodel Sumagaysay," stepped over
    while i >= first and a.words[i] == ",":
        j = i - 1
        # a dash closes the segment too: "Marsa, 3 May - The Network, a group of aid agencies, welcomes":
        # the dateline before it holds no subject
        while j >= first and a.words[j] not in (",", ";", ":", "-", "–", "—") and a.words[j] not in _QUOTE_MARKS \
                and not a.quoted[j]:
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
        if (j < first or a.words[j] != ",") and (described or named_after_role) is not None \
                and _fronted_place(a, segment_first, segment_last):
            # "In Ankara, a senior official, speaking on condition of anonymity, said": the fronted place
            # opens the sentence, the description after it is the subject ("In Compostela Valley, banana farmer
            # Rodel Sumagaysay, 47, said": the role and the name after it)
            i, (role, gender, person_evidence, organisation_evidence, age_or_role_seen) = described or named_after_role
            break
        if not a.caps[segment_first] and a.names[segment_last] and segment_last > segment_first:
            named_after_role = (segment_last, (role, gender, person_evidence, organisation_evidence, age_or_role_seen))
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
        # ", Southcom deputy commander,": a role opening with its body's name, after a person's name
        role_after_name = segment_last > segment_first and not a.caps[segment_last] and j - 1 >= first \
            and a.names[j - 1] and _bare(a.lowers[segment_last]) in _PERSON_OR_TITLE
        if head in _RELATIVES or head[0].isdigit() or not a.caps[segment_first] or head in ("a", "an", "the") \
                or (head.endswith("'s") and not a.names[segment_last]) or role_after_name:  # ", Colombia's largest group,"
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
        if j - 1 >= first and a.words[j] == "," and not a.caps[j - 1] and _bare(a.lowers[j - 1]) in _PLACE_NOUNS \
                and a.lowers[j - 1] not in _COMPASS \
                and not _person_named_after_role(a, first, j, segment_first, segment_last) \
                and _bare(a.lowers[segment_first]) not in _TITLE_WORDS:  # ("The UN force in the south, Unifil, said":
            # no place's name; "an officer in the north of the city, Colonel Ali Farah, said": a title names a person)
            i = j - 1  # "a farmer who fled to the district capital, Ruvo, told": the name is the place's
            continue
        place = j - 1
        while place - 1 >= first and a.names[place - 1] and j - place < 3:
            place -= 1  # "in Mae Sot, Thailand,": a place of two or three names
        if place - 1 >= first and a.words[j] == "," and a.names[j - 1] and a.lowers[place - 1] in ("in", "at", "from") \
                and _text(a, segment_first, segment_last).lower() in _PLACES | _COUNTRIES:
            i = j - 1  # "a spokesman for the Tigers in Madras, India, said": the country of the place before it
            continue
        if place - 1 >= first and a.words[j] == "," and a.names[j - 1] \
                and a.lowers[place - 1] in ("in", "at", "from", "of") \
                and _text(a, segment_first, segment_last).lower().replace(" .", ".") in _HOME_REGIONS:
            # "Cpl. Dale Rennick of Emporia, Kan., said": the state of the town before it; a hometown after "of"
            # is no part of the person's name
            # ("Sgt. Ramon Ortiz, 24, of Tucson, Ariz., told": after an age, the hometown is an aside of its own)
            i = place - 2 if a.lowers[place - 1] == "of" and (a.names[place - 2] or a.words[place - 2] == ",") \
                else j - 1
            continue
        # "Its chief executive, Oleksandr Kamyshin, told ..." / "the agency, AFAD, said"
        if j >= first and a.words[j] == "," and all(a.names[k] or a.lowers[k] in _NAME_CONNECTORS
                                                   for k in range(segment_first, segment_last + 1)):
            name_between = (segment_first, segment_last)
            i = j - 1
            break
        i = segment_last
        break
    i = _before_short_form(a, i, first)  # "The Unity Front (UF), led by ..., said"
    if given_name and not name_between and not (i >= first and a.names[i] and not _role_headed(a, i, first)):
        name_between = given_name
        person_evidence = True
    elif name_between and i >= first and a.lowers[i] in ("name", "names"):
        while i >= first and a.words[i] != ",":
            i -= 1  # "A fisherman, who gave only his first name, Ahmed, said": the fisherman is Ahmed
        i -= 1
    return _SubjectEvidence(i, role, gender, person_evidence, organisation_evidence, age_or_role_seen,
                            name_between)


def _person_named_after_role(a: _Analysis, first: int, j: int, segment_first: int, segment_last: int) -> bool:
    """ "A teacher in the north of the city, Rojin Ali, told us": a person's role placed by prepositions alone (no
    verb, no relative clause between) names the person in the aside after it, not the place the role ends on (as
    in "a farmer who fled to the district capital, Ruvo, told"); the name has two words or more."""
    if segment_last <= segment_first or not all(a.names[k] for k in range(segment_first, segment_last + 1)):
        return False
    start = j - 1
    while start - 1 >= first and a.words[start - 1] not in (",", ";", ":"):
        start -= 1
    head = start + 1 if a.lowers[start] in ("a", "an", "the", "one", "another") else start  # "One woman in ..."
    if head >= j - 1 or _bare(a.lowers[head]) not in _PERSON_OR_TITLE:
        return False
    return a.lowers[head + 1] in _LOCATIVES | {"from", "of"} and not any(
        a.lowers[k] in _RELATIVES or a.lowers[k].endswith("ed") for k in range(head + 1, j))


def _role_headed(a: _Analysis, i: int, first: int) -> bool:
    """"A regional commander of the NLA": the noun phrase ending at i is headed by a person's role, the name
    after "of" only saying whose; such a person may still be named in an aside."""
    span = _np_before(a, i, first)
    return span is not None and not a.names[span[2]] and _bare(a.lowers[span[2]]) in _PERSON_OR_TITLE


def _before_short_form(a: _Analysis, i: int, first: int) -> int:
    """"the World Food Programme (WFP) said": the token before a bracket closing at i, stepping over it
    (a bracketed qualifier such as "CPN (Maoist)" is part of the name and stays); else i."""
    if i >= first and a.words[i] == ")" and not _bracketed_qualifier(a, i, first):
        opening = next((k for k in range(i - 1, max(first, i - 6) - 1, -1) if a.words[k] == "("), None)
        if opening is not None:
            return opening - 1
    return i


def _fronted_place(a: _Analysis, first: int, last: int) -> bool:
    """"In Ankara", "From Kyiv", "Back in Mogadishu": a place phrase opening the sentence before its subject."""
    k = first + 1 if a.lowers[first] in _PLACE_ADVERBS and first < last else first
    return a.lowers[k] in _LOCATIVES or a.lowers[k] == "from"


_PLACE_ADVERBS = frozenset({"back", "here", "there", "elsewhere", "over", "further", "farther", "closer", "meanwhile"})
