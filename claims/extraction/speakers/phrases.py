"""Noun phrases around a reporting verb: the subject before it, the one after it, appositives and tails.

Each finder returns token indices (first, last, head) or None; turning a phrase
into a speaker is `names._entity`'s job.
"""
from __future__ import annotations

from .. import gazetteer, lexicons
from .model import _Analysis
from .references import _gender_in, _gender_of_words
from .nameparts import _and_inside_name, _spelled_short_form
from .tokens import _bare, _text
from .vocabulary import (
    _INSTITUTION_NOUNS,
    _NUMBER_WORDS,
    _OUTLET_NAMES,
    _DOCUMENT_WORDINGS,
    _PERSON_OR_PEOPLE,
    _HEAD_OR_TITLE,
    _ORG_NAME_WORDS,
    _AGE_NOUN,
    _DOCUMENT_NOUNS,
    _FEMALE_WORDS,
    _FUNCTION_WORDS,
    _HEAD_NOUNS,
    _LOCATIVES,
    _ORG_NOUNS,
    _MALE_WORDS,
    _NAME_CONNECTORS,
    _NAME_LINKS,
    _NAME_PARTICLES,
    _PATRONYMIC_PARTICLES,
    _PEOPLE_NOUNS,
    _PERSON_NOUNS,
    _PLACE_NOUNS,
    _PLACES,
    _POSSESSIVE_PRONOUNS,
    _PP_WORDS,
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


def _name_before_describers(a: _Analysis, i: int, floor: int) -> int | None:
    """The last word of the name before an institution's lowercase noun at i, past a word or two describing the
    institution ("the Sperrin Lakeland health trust", "The Green Cross emergency hospital"), or None."""
    named = i - 1
    while named >= floor and i - named <= 2 and not a.names[named] and not a.caps[named] \
            and not a.quoted[named] and not a.punct[named] and a.lowers[named].isalpha() \
            and a.lowers[named] not in _FUNCTION_WORDS and not a.lowers[named].endswith("ly"):
        named -= 1
    return named if named >= floor and a.names[named] and not a.quoted[named] else None


def _np_before(a: _Analysis, i: int, floor: int) -> tuple[int, int, int] | None:
    """The noun phrase ending at token i, as (first, last, head) token indices, or None."""
    if i >= floor and _bracketed_qualifier(a, i, floor):
        span = _np_before(a, i - 3, floor)  # "CPN (Maoist)": the bracket is part of the party's name
        return (span[0], i, span[2]) if span is not None else None
    if i < floor or a.punct[i] or a.quoted[i]:
        return None
    low = a.lowers[i]
    if low in ("there", "here") and i - 1 >= floor and not a.quoted[i - 1] and not a.caps[i - 1] \
            and _bare(a.lowers[i - 1]) in _PERSON_OR_PEOPLE:
        return _np_before(a, i - 1, floor)  # "A surgeon there, who asked not to be named, said": the surgeon
    if low in _SUBJECT_PRONOUNS:
        return i, i, i
    if low.isdigit() and len(low) <= 3 and i - 1 >= floor and a.names[i - 1] and not a.quoted[i - 1]:
        named = _np_before(a, i - 1, floor)  # "Barrio 18 said": a name that ends in its number
        return (named[0], i, i) if named is not None and named[1] == i - 1 else None
    if _bare(low) in _PLACE_NOUNS and not a.caps[i] and i - 1 >= floor and a.names[i - 1]:
        # "An official in Palma district said": the district is where the speaker is, not who speaks
        place = i - 1
        while place - 1 >= floor and a.names[place - 1]:
            place -= 1
        holder = _speaker_before_locative(a, place, floor)
        return (holder[0], i, holder[2]) if holder else None
    if i - 1 >= floor and a.lowers[i - 1] == "the" and _AGE_NOUN.fullmatch(low):  # the regex last: every phrase asks
        return i, i, i  # "the 45-year-old said": refers back to a person
    head_is_name = a.names[i]
    named = _name_before_describers(a, i, floor) \
        if not head_is_name and _bare(low) not in _HEAD_NOUNS and low in _ORG_NAME_WORDS and i - 1 >= floor else None
    if named is not None:
        while named - 1 >= floor and a.names[named - 1] and not a.quoted[named - 1] and i - named < 4:
            named -= 1
        opening = named - 1
        if opening >= floor and a.lowers[opening] == "the":
            named, opening = opening, opening - 1
        if opening < floor or a.punct[opening] or named == a.sentence_first_token[a.sentence_of_token[named]]:
            return named, i, i  # "Al Thawra hospital said": a named institution, its noun written in lowercase
    if not head_is_name and _bare(low) not in _HEAD_NOUNS:
        # "A doctor at Dessie's main referral hospital told": the person before where they work
        start = i
        while start - 1 >= floor and i - start < 4 and not a.quoted[start - 1] and not a.punct[start - 1] \
                and (a.lowers[start - 1].endswith(("'s", "’s")) or a.lowers[start - 1] in ("the", "a", "an")
                     or not a.caps[start - 1] and a.lowers[start - 1] not in _FUNCTION_WORDS
                     or a.names[start - 1] and start - 2 >= floor and (a.lowers[start - 2].endswith(("'s", "’s"))
                                                                    or a.lowers[start - 2] in ("at", "in", "from", "of", "the")
                                                                    or a.names[start - 2]
                                                                    # "near the old Italian fort": an adjective
                                                                    or not a.caps[start - 2] and not a.punct[start - 2]
                                                                    and a.lowers[start - 2] not in _FUNCTION_WORDS)):
            start -= 1  # "Goma's Ndosho hospital", "at the Gabriel Toure hospital": a name inside the workplace
        holder = _speaker_before_locative(a, start, floor) if start < i and low.isalpha() else None
        if holder is None and _bare(low) in _INSTITUTION_NOUNS and _opens_clause_at(a, start, floor):
            return start, i, i  # "Nairobi's central morgue said": no one in it named, the institution speaks
        return (holder[0], i, holder[2]) if holder else None
    first = i
    in_role = not head_is_name
    while first - 1 >= floor:
        k = first - 1
        if a.words[k] == "&" and k - 1 >= floor and a.names[k - 1] and a.names[first] \
                and not a.quoted[k]:
            first = k  # "Armed Conflict Location & Event Data Project": one body's name
            continue
        if in_role and _short_form_at(a, k, floor) and not a.quoted[k]:
            first = k - 3  # "an Armed Forces of the Philippines (AFP) spokesman": the body with its short form
            continue
        if a.punct[k] or a.quoted[k]:
            break
        low = a.lowers[k]
        bare = _bare(low)
        if a.names[k]:
            first = k
            in_role = in_role or bare.rstrip(".") in _TITLE_WORDS  # "county Sheriff Mark Delgado"
            continue
        if low in _NAME_CONNECTORS and k - 1 >= floor and a.names[k - 1] \
                and (a.names[first] or low in _PATRONYMIC_PARTICLES and a.caps[first]) \
                and a.lowers[k - 1] not in _WEEKDAY_OR_TIME \
                and not (low == "the" and k - 2 >= floor and a.lowers[k - 2] in ("in", "at", "from")):
            first = k  # ("Save the Children"; but "In London the Foreign Office said": a place, then the body)
            continue
        if low in _NAME_PARTICLES and k - 2 >= floor and a.lowers[k - 1] in _NAME_PARTICLES \
                and not a.caps[k - 1] and a.names[k - 2] and a.names[first]:
            first = k - 1  # "Javier Ortega de los Santos", "Pieter van der Berg": two particles in a row
            continue
        if low == "the" and k - 2 >= floor and a.lowers[k - 1] in _NAME_LINKS and a.names[k - 2] \
                and a.names[first] and not a.caps[k - 1]:
            first = k - 1  # "Office for the Coordination of ...": the connector pair stays inside the name
            continue
        if bare in _TITLE_WORDS or bare in _HEAD_NOUNS:
            first = k
            in_role = True
            continue
        if low.endswith("'s") and low not in _FUNCTION_WORDS:
            first = k
            continue
        if low.isdigit() and len(low) <= 3 and k - 1 >= floor and a.names[k - 1] and a.names[first] \
                and not a.quoted[k - 1] and not in_role:
            first = k - 1  # "Rossiya 24 TV", "Channel 4 News": a number inside a name
            continue
        if low in _ORDINAL_SUFFIXES and k - 1 >= floor and a.lowers[k - 1].isdigit() \
                and a.ends[k - 1] == a.starts[k] and a.names[first] and not in_role:
            first = k - 1  # "the Army's 8th Infantry Division", "the 101st Airborne": the number is in the name
            continue
        if in_role and low not in _FUNCTION_WORDS and not low[0].isdigit() and low not in _SPEECH \
                and low not in _REPORT and not low.endswith("ly") and not _verb_between_names(a, k, floor):
            first = k
            continue
        break
    first = _with_leading_particles(a, first, i, floor)
    head = i
    if head_is_name and (person_end := _titled_person_of(a, first, i)) is not None:
        i = head = person_end  # "Governor Tomas Ekwueme of Plateau State said": the governor, not the state
    if head_is_name and (listed := _place_list_before(a, first, i, floor)) is not None:
        first = listed  # "Hospitals in Kisumu and Eldoret say": the places together, read as one below
    # "officials in Nagorno-Karabakh", "the health ministry in Damascus", "a spokesperson for the ministry"
    joint = first - 1
    if joint >= floor and (a.lowers[joint] in ("the", "a", "an") or a.lowers[joint] in _POSSESSIVE_PRONOUNS):
        joint -= 1  # "a spokesperson for the ministry", "a spokesman for its ministry", "an aid worker with a charity"
    with_person = joint - 1 >= floor and a.lowers[joint] == "with" and _lowercase(a, joint - 1) \
        and _bare(a.lowers[joint - 1]) in _PERSON_OR_PEOPLE  # "an official with the ministry"
    if joint - 1 >= floor and (a.lowers[joint] in _PP_WORDS or with_person) \
            and (_bare(a.lowers[joint - 1]) in _HEAD_OR_TITLE
                 or _bare(a.lowers[joint - 1]) in _INSTITUTION_NOUNS and not a.caps[joint - 1]
                 and _np_before(a, joint - 1, floor) is not None) \
            and _bare(a.lowers[joint - 1]) not in _DOCUMENT_NOUNS and not a.quoted[joint - 1]:
        inner = _np_before(a, joint - 1, floor)
        if inner:
            first, head = inner[0], inner[2]
    elif joint - 2 >= floor and a.lowers[joint] in _PP_WORDS | _LOCATIVES \
            and (a.lowers[joint - 1].endswith("ing") or a.lowers[joint - 1] in _LOCATING_PARTICIPLES) \
            and a.lowers[joint - 1] not in _SPEECH and a.lowers[joint - 1] not in _REPORT \
            and _bare(a.lowers[joint - 2]) in _HEAD_NOUNS and not a.quoted[joint - 2]:
        # "Church leaders working on the Weathercoast said", "The ARS wing led from Djibouti told": the people
        # or body before the participle speak, not the place after it
        inner = _np_before(a, joint - 2, floor)
        if inner:
            first, i, head = inner
    elif joint - 1 >= floor and a.lowers[joint].endswith("ing") and a.lowers[joint] not in _SPEECH \
            and _lowercase(a, joint - 1) and _bare(a.lowers[joint - 1]) in (_PERSON_NOUNS | _TITLE_WORDS) \
            and not a.quoted[joint - 1] and head_is_name:
        # "the senator representing Kalo North": the person whom the participle describes, with it
        inner = _np_before(a, joint - 1, floor)
        if inner:
            first, head = inner[0], inner[2]
    elif joint - 2 >= floor and a.lowers[joint] in _PART_OF_A_PLACE and a.lowers[joint - 1] in ("in", "at") \
            and not a.caps[joint] and a.names[joint - 2] and not a.quoted[joint - 2] \
            and (inner := _np_before(a, joint - 2, floor)) is not None:
        first, i, head = inner  # "Medina Hospital in south Mogadishu said": the hospital, not the part of the city
    elif joint - 1 >= floor and a.lowers[joint] == "of" and a.names[joint - 1] and not a.quoted[joint - 1] \
            and (inner := _np_before(a, joint - 1, floor)) is not None and inner[1] == joint - 1 \
            and _titled_person(a, inner):
        first, i, head = inner  # "Colonel Ines Barrow of the general staff said": the officer, not the staff
    elif joint - 1 >= floor and a.lowers[joint] in ("in", "at") and (a.names[joint - 1] or _short_form_at(a, joint - 1, floor)) \
            and not a.quoted[joint - 1]:
        # "Medics at Nasser Hospital in Khan Younis said": the speaker is before the place, which is dropped;
        # "the Government of National Accord (GNA) in Tripoli said": the body before its short form
        inner = _np_before(a, joint - 1 if a.names[joint - 1] else joint - 4, floor)
        if inner:
            first, i, head = inner
    elif head_is_name and joint == first - 1:
        holder = _speaker_before_locative(a, first, floor)
        if holder:
            first, head = holder[0], holder[2]  # "A doctor at a hospital in Bahir Dar told AFP": the doctor
    joint = first - 1
    if joint - 1 >= floor and a.lowers[joint] == "with" and _lowercase(a, joint - 1) and not a.quoted[joint - 1] \
            and _bare(a.lowers[joint - 1]) in _ORG_NOUNS and _bare(a.lowers[joint - 1]) not in _PERSON_NOUNS:
        # "a logging company with staff in Ruvo told": the company, whose staff are there, speaks
        inner = _np_before(a, joint - 1, floor)
        if inner:
            first, head = inner[0], inner[2]
    # "police and residents said", "two security sources and a local official said": two speakers
    joint = first - 1
    if joint - 1 >= floor and (a.lowers[joint] in ("a", "an", "the") or a.lowers[joint] in _POSSESSIVE_PRONOUNS) \
            and a.lowers[joint - 1] == "and":
        joint -= 1  # "the militants and their allies said": both
    if joint - 1 >= floor and a.lowers[joint] == "and" and not a.quoted[joint - 1] \
            and (_bare(a.lowers[joint - 1]) in _HEAD_NOUNS or a.names[joint - 1]):
        other = _np_before(a, joint - 1, floor)
        titled = any(a.caps[k] and _bare(a.lowers[k]).rstrip(".") in _TITLE_HEADS
                     for k in range(other[0] if other else first, i + 1))
        # "President X and Prime Minister Y": two people; but in "the Justice and Equality Movement" the
        # "and" is inside one body's name, whatever title word ("Justice") it joins
        if other and other[1] == joint - 1 and (not titled or _and_inside_name(a, joint, i + 1)):
            first = other[0]
            # "mediators Qatar, Egypt and the United States said": the rest of the list before the "and"
            while first - 2 >= floor and a.words[first - 1] == "," and a.names[first - 2]:
                item = _np_before(a, first - 2, floor)
                if item is None or item[1] != first - 2 or (item[0] > floor and a.lowers[item[0] - 1] in _LOCATIVES):
                    break
                first = item[0]
    return first, i, head


def _place_list_before(a: _Analysis, first: int, last: int, floor: int) -> int | None:
    """Where a list of places joined by commas and "and" starts when it ends with the names `first`..`last` and
    follows "in" or "at" right after a noun of people or bodies ("Clinics in Sittwe, Maungdaw and Buthidaung"):
    the places where the speakers are, which the caller reads together. The list needs its "and" ("A nurse in
    Kampala, Grace Achan, said" names the nurse) and a place the gazetteer knows among its items."""
    if (first - 1 < floor or a.lowers[first - 1] not in ("and", ",")) and "and" not in a.lowers[first:last + 1]:
        return None  # (most names: no list at all)
    items, k = [], first
    for j in range(first, last + 1):
        if a.lowers[j] == "and":
            items.append((k, j - 1))
            k = j + 1
    items.append((k, last))
    k = first
    while k - 2 >= floor and a.lowers[k - 1] in ("and", ",") and a.names[k - 2] and not a.quoted[k - 2]:
        item = k - 2
        while item - 1 >= floor and a.names[item - 1] and not a.quoted[item - 1] and a.lowers[item - 1] != "and":
            item -= 1
        items.append((item, k - 2))
        k = item
    joined = "and" in a.lowers[k:last + 1]
    if len(items) < 2 or not joined or k - 2 < floor or a.lowers[k - 1] not in ("in", "at") or a.quoted[k - 2] \
            or _bare(a.lowers[k - 2]) not in _HEAD_OR_TITLE | _INSTITUTION_NOUNS \
            or not all(i <= j for i, j in items) or not any(_a_place(a, i, j) for i, j in items):
        return None
    return k


def _titled_person_of(a: _Analysis, first: int, last: int) -> int | None:
    """Where the person's name ends in a run of names "Title Given Family of Place-or-Body" ("President Vladimir
    Putin of Russia"): the token before "of", when a title and a name open the run and the run goes on to a name
    after "of"; None for one body's name ("Bank of Tanzania", "Minister of Defence Ana Ruiz")."""
    of = next((k for k in range(first + 2, last) if a.lowers[k] == "of"), None)
    if of is None or not a.names[of - 1] or not a.names[of + 1] and a.lowers[of + 1] != "the":
        return None
    return of - 1 if _titled_person(a, (first, of - 1, of - 1)) else None


def _a_place(a: _Analysis, first: int, last: int) -> bool:
    words = _text(a, first, last)
    return words.lower() in _PLACES or gazetteer.lookup(words) is not None


def _titled_person(a: _Analysis, span: tuple[int, int, int]) -> bool:
    """Whether the noun phrase `span` is a title and a person's name ("Colonel Ines Barrow", "Governor Tomas
    Ekwueme"): a capitalised title word, then one to three names, none a body's word or a possessive ("General
    Headquarters", "Police Service", "Mr Taylor's National Patriotic Front" are bodies)."""
    title = next((k for k in range(span[0], span[1]) if a.caps[k] and _bare(a.lowers[k]).rstrip(".") in _TITLE_WORDS),
                 None)
    if title is None or not 1 <= span[1] - title <= 3:
        return False
    return all(a.names[k] and not a.lowers[k].endswith(("'s", "’s")) and _bare(a.lowers[k]) not in _ORG_NAME_WORDS
               and _bare(a.lowers[k]) not in _TITLE_WORDS for k in range(title + 1, span[1] + 1))


def _opens_clause_at(a: _Analysis, start: int, floor: int) -> bool:
    """Whether the phrase from `start` opens its clause: at the sentence's start, after punctuation or "that"."""
    opening = start - 1
    return opening < floor or a.punct[opening] or a.quoted[opening] or a.lowers[opening] == "that" \
        or start == a.sentence_first_token[a.sentence_of_token[start]]


def _is_month(low: str) -> bool:
    return low in _MONTHS


_MONTHS = frozenset(m.lower() for m in lexicons.table("time_words")["months"])
_LOCATING_PARTICIPLES = frozenset(lexicons.words("speaker_locating_participles"))
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _bracketed_qualifier(a: _Analysis, i: int, floor: int) -> bool:
    """"CPN (Maoist)", "Unity Party (Reform)": a bracketed capitalised word, not a short form or an outlet,
    right after a name that it belongs to; token i is the closing bracket."""
    if i - 3 < floor or a.words[i] != ")" or a.words[i - 2] != "(" or not a.names[i - 3] or a.quoted[i - 1]:
        return False
    word = a.words[i - 1]
    if a.starts[i - 2] == a.ends[i - 3] and word.isalpha() and word[:1].isupper():
        return True  # "NSCN(IM)": a bracket written onto the name, with no space, is part of it
    return word[:1].isupper() and word[1:].islower() and word.isalpha() and word not in _OUTLET_NAMES \
        and not _spelled_short_form(a, i)  # "Arakan Rohingya Salvation Army (Arsa)": a short form


def _short_form_at(a: _Analysis, i: int, floor: int) -> bool:
    """"(GNA)" closing at token i right after a name: a body's bracketed short form."""
    return i - 3 >= floor and a.words[i] == ")" and a.words[i - 2] == "(" and a.names[i - 3] \
        and (a.words[i - 1].isupper() and a.words[i - 1].isalpha() and len(a.words[i - 1]) >= 2
             or _spelled_short_form(a, i)) \
        and a.starts[i - 2] > a.ends[i - 3]




def _speaker_before_locative(a: _Analysis, place: int, floor: int) -> tuple[int, int, int] | None:
    """The person or people before a chain of locative phrases ending at the place name at `place`:
    "a doctor | at a hospital in | Bahir Dar", "an official | in | Palma district". The chain must
    reach back to a person noun opening its clause; a place after any other noun ("the strike in
    Gaza") gives nothing."""
    k = place - 1
    article = k
    while article >= floor and place - article <= 3 and not a.punct[article] and not a.quoted[article] \
            and not a.caps[article] and a.lowers[article] not in _FUNCTION_WORDS:
        article -= 1  # "near the old Portuguese harbour": the place's adjectives and article
    if article >= floor and a.lowers[article] == "the" and article - 1 >= floor \
            and a.lowers[article - 1] in _LOCATIVE_LINKS:
        k = article - 1
    elif article >= floor and article < k and a.lowers[article] in _LOCATIVE_LINKS:
        k = article  # "a cacao farmer from rural Tame", "a nurse in northern Tigray": adjectives with no article
    if k < floor or not (a.lowers[k] in _LOCATIVE_LINKS or a.lowers[k] == "of" and k - 1 >= floor and _bare(
            a.lowers[k - 1]) in (_PLACE_NOUNS | _PEOPLE_NOUNS | _PERSON_NOUNS | _TITLE_WORDS)):
        return None  # "in Bahir Dar", "in the town of Dessie", "residents of Uri town", "the director of Sinjar hospital"
    while k - 1 >= floor and place - k < 10:
        k -= 1
        low = a.lowers[k]
        if a.punct[k] or a.quoted[k] or low in _SPEECH or low in _REPORT:
            return None
        bare = _bare(low)
        if a.lowers[k + 1] in _HOLDER_LINKS and _lowercase(a, k) and bare not in _DOCUMENT_NOUNS \
                and (bare in _PERSON_NOUNS or bare in _PEOPLE_NOUNS or bare in _TITLE_WORDS or bare in _ORG_NOUNS):
            start = k
            while start - 1 >= floor and (_lowercase(a, start - 1) or a.names[start - 1]) and not a.punct[start - 1] \
                    and a.lowers[start - 1] not in _FUNCTION_WORDS and not a.quoted[start - 1] and k - start < 2:
                start -= 1  # "a local doctor", "religious leaders", "a Nordic envoy", "a UN official"
            if start - 1 >= floor and a.lowers[start - 1] in ("a", "an", "the", "one", "two", "three", "several"):
                start -= 1
            elif start - 1 >= floor and a.lowers[start - 1] in _POSSESSIVE_PRONOUNS and (
                    start - 2 < floor or a.punct[start - 2] or start - 1 == a.sentence_first_token[a.sentence_of_token[start]]):
                return start, k, k  # "...: its commander in the province told units": the body's commander
            opening = start - 1
            if opening >= floor and a.lowers[opening] == "the" and a.lowers[start] in _NUMBER_WORDS:
                opening -= 1  # "that the two Kurdish groups in northern Iraq agreed": the article before a number
            if opening < floor or a.punct[opening] or a.quoted[opening] or a.lowers[opening] == "that" \
                    or start == a.sentence_first_token[a.sentence_of_token[start]]:
                return (start + 1 if a.lowers[start] in ("a", "an") else start), k, k
            return None
        if low in _FUNCTION_WORDS and low not in _HOLDER_LINKS and low not in ("a", "an", "the"):
            return None
    return None


_LOCATIVE_LINKS = frozenset({"in", "at", "near", "from"})
_POINTS = lexicons.words("speaker_compass_points")
# "in south Mogadishu", "in northern Iraq", "at central Baghdad": the part of a place before its name
_PART_OF_A_PLACE = frozenset([*_POINTS, *(p + "ern" for p in _POINTS if p.endswith(("north", "south", "east", "west"))),
                      "central"])
# "a spokesman for the hospital in", "a worker based in", "an envoy involved in the talks"
_HOLDER_LINKS = _LOCATIVE_LINKS | {"for", "of"} | _LOCATING_PARTICIPLES


def _lowercase(a: _Analysis, k: int) -> bool:
    """Lowercase, or capitalised only because it opens the sentence."""
    return not a.caps[k] or k == a.sentence_first_token[a.sentence_of_token[k]]


def _with_leading_particles(a: _Analysis, first: int, last: int, floor: int) -> int:
    """"“…,” de los Reyes added": lowercase particles opening a surname already known in full
    ("Arturo de los Reyes") belong to it."""
    k = first
    while k - 1 >= floor and first - k < 2 and a.lowers[k - 1] in _NAME_PARTICLES and not a.caps[k - 1] \
            and not a.quoted[k - 1]:
        k -= 1
    if k == first or not a.names[first]:
        return first
    surname = " ".join(a.lowers[k:last + 1])
    known = any(e.kind == "person" and (" " + e.name.lower()).endswith(" " + surname) for e in a.entities.values())
    return k if known else first


def _verb_between_names(a: _Analysis, k: int, floor: int) -> bool:
    """"Minister Tom Akers met Prime Minister ...": a lowercase word between a name (not a title or a
    nationality) and a capitalised title is that name's verb, not a modifier of the title."""
    left = k - 1
    if not (a.caps[k + 1] and _bare(a.lowers[k + 1]).rstrip(".") in _TITLE_WORDS):
        return False  # "United Nations human rights office": lowercase modifiers of a lowercase head
    return left >= floor and a.names[left] and _bare(a.lowers[left]).rstrip(".") not in _TITLE_WORDS \
        and not a.lowers[left].endswith("'s") \
        and a.lowers[left] not in _STATES and not a.lowers[left].endswith(("an", "ese", "ish", "i"))


def _through_of_phrases(a: _Analysis, span: tuple[int, int, int], limit: int,
                        links: tuple[str, ...] = ("of",)) -> tuple[int, int, int]:
    """The noun phrase `span` with the "of"-phrases after it, up to `limit`, its head kept: "the Yemen office | of the
    Norwegian Refugee Council", "a spokesman | of the Palestine Liberation Organization"."""
    while span[1] + 2 < limit and a.lowers[span[1] + 1] in links:
        whole = _np_after(a, span[1] + 2, limit)
        if whole is None:
            break
        span = (span[0], whole[1], span[2])
    return span


def _np_after(a: _Analysis, i: int, limit: int) -> tuple[int, int, int] | None:
    """The noun phrase starting at token i (after a verb or "according to")."""
    while i < limit and a.lowers[i] in ("the", "a", "an"):
        i += 1
    if i + 1 < limit and a.lowers[i] == "one" and a.names[i + 1]:
        i += 1  # "said one Western diplomat": one of them, named as they all are
    if i >= limit or a.punct[i] or a.quoted[i]:
        return None
    if a.lowers[i] in _SUBJECT_PRONOUNS:
        return i, i, i
    j = i
    while j < limit:
        low = a.lowers[j]
        if low == "&" and j > i and a.names[j - 1] and j + 1 < limit and a.names[j + 1]:
            j += 1  # "Location & Event Data Project"
            continue
        if low == "(" and j > i and j + 2 < limit and _bracketed_qualifier(a, j + 2, i):
            j += 3  # "declared by the CPN (Maoist)": the bracket is part of the name
            continue
        if a.punct[j] or a.quoted[j]:
            break
        if a.names[j] or _bare(low) in _TITLE_WORDS or _bare(low) in _HEAD_NOUNS or low.endswith("'s"):
            j += 1
            continue
        if low in _NAME_CONNECTORS | _PP_WORDS and j + 1 < limit and a.names[j + 1] and j > i:
            j += 1
            continue
        if low in _NAME_PARTICLES and j + 2 < limit and a.lowers[j + 1] in _NAME_PARTICLES \
                and not a.caps[j + 1] and a.names[j + 2] and j > i and a.names[j - 1]:
            j += 2  # "de los", "van der" inside a name
            continue
        if low in _NAME_LINKS and j + 2 < limit and a.lowers[j + 1] == "the" and a.names[j + 2] \
                and j > i and a.names[j - 1]:
            j += 2  # "Office for the Coordination of Humanitarian Affairs"
            continue
        if low == "on" and j + 3 < limit and a.lowers[j + 1] == "the" and a.names[j + 2] and a.names[j + 3] \
                and j > i and a.names[j - 1] and _bare(a.lowers[j - 1]) in _ORG_NAME_WORDS | _TITLE_WORDS \
                and a.lowers[j + 2] not in _WEEKDAY_OR_TIME and not _is_month(a.lowers[j + 2]):
            j += 2  # "the Office of the Presidential Adviser on the Peace Process": the topic is in the name
            continue
        if low == "and" and j > i and _and_inside_name(a, j, limit):
            j += 1  # "Disaster Risk Reduction and Management Authority": one body, not two
            continue
        if low.endswith("ed") and j > i and _bare(a.lowers[j - 1]) in _HEAD_NOUNS and not a.caps[j - 1]:
            break  # "A Council statement thanked the mission": a verb after the phrase's head noun ends it
        if low not in _FUNCTION_WORDS and not low[0].isdigit() and low not in _SPEECH and low not in _REPORT \
                and j + 1 < limit and not a.punct[j + 1] and not low.endswith("ly"):
            j += 1  # a modifier, kept only if a head follows
            continue
        break
    last = j - 1
    while last >= i and not (a.names[last] or _bare(a.lowers[last]) in _HEAD_NOUNS or _bracketed_qualifier(a, last, i)):
        last -= 1
    if last < i:
        return None
    span = _np_before(a, last, i)
    if span is not None and span[0] > i and a.names[i]:
        # "said Marta Quiñones of the Frente Amplio por la Paz": the name the phrase opens with is the
        # speaker, the body after "of" only where she comes from (never the body's last word alone)
        k = i
        while k + 1 < limit and a.names[k + 1]:
            k += 1
        if i < k < span[0] and k + 1 < limit and a.lowers[k + 1] in ("of", "from", "with"):
            span = _np_before(a, k, i)
    return _with_affiliation(a, span, limit) if span is not None else None


def _with_affiliation(a: _Analysis, span: tuple[int, int, int], limit: int) -> tuple[int, int, int]:
    """"said a spokeswoman for the Sanaa office of an international relief agency": a person noun keeps the
    body it works for when a preposition names one (its head a common noun for a body); a place does not
    count ("a doctor in Goma" is read elsewhere)."""
    first, last, head = span
    if head != last or a.names[head] or _bare(a.lowers[head]) not in (_PERSON_NOUNS | _TITLE_WORDS) \
            or _bare(a.lowers[head]) in _ORG_NOUNS:
        return span
    while last + 2 < limit and a.lowers[last + 1] in _AFFILIATION_LINKS and not a.quoted[last + 1]:
        k = last + 2
        while k < limit and (a.lowers[k] in ("the", "a", "an") or a.lowers[k] in _POSSESSIVE_PRONOUNS):
            k += 1
        body = None
        for m in range(k, min(limit, k + 5)):
            if a.punct[m] or a.quoted[m] or a.lowers[m] in _FUNCTION_WORDS:
                break
            if _bare(a.lowers[m]) in _ORG_NOUNS and not a.caps[m]:
                body = m
        if body is None:
            break
        last = body
    return first, last, head


_AFFILIATION_LINKS = frozenset({"for", "of", "with", "in", "at"})


def _appositive_after(a: _Analysis, i: int, limit: int, closed: bool = False) -> tuple[str, bool, str | None, int]:
    """Role and person evidence from ", 34, a teacher," or ", who ..." after token i.

    With `closed`, a role must be closed by a comma (a name in subject position:
    "Farah Aziz, 34, lost her shop" has no role). Returns (role, is_person,
    gender, last token index consumed).
    """
    role, person, gender, last = "", False, None, i
    j = i + 1
    for _ in range(2):
        if j >= limit or a.words[j] != ",":
            break
        k = j + 1
        end = k
        while end < limit and a.words[end] not in (",", ".", ";", ":") and not a.quoted[end] \
                and a.words[end] not in _QUOTE_MARKS:
            end += 1
        if end == k:
            break
        first = a.lowers[k]
        if first[0].isdigit():
            person, last, j = True, end - 1, end
            continue
        if first in ("who", "whose"):
            person = True
            gender = gender or _gender_in(a, k, end)
            break
        if closed and (end >= limit or a.words[end] != ",") and not (
                end == limit - 1 and a.words[end] == "."
                and (first in ("a", "an", "the") or first in _TITLE_WORDS or first in _PERSON_NOUNS)
                and not any(a.lowers[m] in _SPEECH for m in range(k, end))):
            break  # (but "... led by Ivan Petrov, investigator for serious cases." ends its sentence on the role)
        if first in ("a", "an", "the") or first in _TITLE_WORDS or first in _PERSON_NOUNS or \
                (not a.caps[k] and first not in _FUNCTION_WORDS and first not in _SPEECH and not first.endswith("ing")):
            start_role = k + 1 if first in ("a", "an", "the") else k
            stop = next((m for m in range(start_role, end) if _ends_role(a, m)), end)
            role = _text(a, start_role, stop - 1) if stop > start_role else ""
            end = stop if stop > start_role else end
            words = set(a.lowers[start_role:end])
            role_head = _bare(a.lowers[end - 1])
            body = role_head in _ORG_NOUNS and role_head not in _PERSON_NOUNS | _TITLE_HEADS  # "the energy giant"
            person = person or not body and (bool(words & (_PERSON_NOUNS | _TITLE_WORDS | _FEMALE_WORDS | _MALE_WORDS))
                                             or first in ("a", "an"))
            gender = gender or _gender_of_words(words)
            last = end - 1
        break
    return role, person, gender, last


def _ends_role(a: _Analysis, m: int) -> bool:
    """A role stops before a relative clause or a participle: "a mother of five | sheltering in ..."."""
    low = a.lowers[m]
    if m + 1 < len(a.lowers) and _bare(a.lowers[m + 1]) in _HEAD_NOUNS and low.endswith("ing"):
        return False  # "the Canadian mining giant", "a fishing crew": the -ing word modifies the noun after it
    return low in _RELATIVES or low == "that" or low in ("named", "called") or (
        low.isalpha() and len(low) > 5 and low.endswith(("ing", "ed")) and low not in _TITLE_WORDS)


def _with_following_pp(a: _Analysis, span: tuple[int, int, int], end: int) -> tuple[int, int, int]:
    k = span[1] + 1
    if k >= end or a.lowers[k] not in _PP_WORDS:
        return span
    k += 1
    if k < end and a.lowers[k] == "the":
        k += 1
    if k >= end or a.punct[k] or a.quoted[k] or a.lowers[k] in _FUNCTION_WORDS:
        return span
    last = k
    if a.names[k]:  # "of the Red Cross": a whole name
        while last + 1 < end and a.names[last + 1]:
            last += 1
    # a lowercase object is one word: "of the hostages" (what follows may be the verb)
    return span[0], last, span[2]


def _np_with_postmodifier(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"An Egyptian official with knowledge of the talks said": the subject opens its clause, a
    prepositional phrase follows it."""
    start = i
    while start - 1 >= first and a.words[start - 1] not in (",", ";", ":") and a.words[start - 1] not in _QUOTE_MARKS \
            and a.lowers[start - 1] not in _SUBORDINATORS:
        start -= 1
    span = _np_after(a, start, i + 1)
    if span is None or span[1] >= i:
        return None
    after = a.lowers[span[1] + 1]
    # "with knowledge of the talks", "close to", "working in the south", "tracking the disappeared"
    if after not in _PP_WORDS | {"with", "close", "familiar"} and not (after.endswith("ing") and after.isalpha()
                                                                      and after not in _SPEECH):
        return None
    if span[0] > start + 1 or (span[0] == start + 1 and a.lowers[start] not in ("a", "an", "the", "one", "two")):
        return None
    if not (_bare(a.lowers[span[2]]) in _HEAD_NOUNS):
        return None
    return span


def _subject_before_relative(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"Two residents who fled the town told Reuters": the subject before a restrictive "who" clause."""
    for k in range(i - 1, first, -1):  # "who" right before the verb is the relative's own subject
        low = a.lowers[k]
        if a.punct[k] or a.quoted[k]:
            return None
        if low == "who":
            span = _np_before(a, k - 1, first)
            if span and (a.names[span[2]] or _bare(a.lowers[span[2]]) in _HEAD_NOUNS):
                return span
            return None
    return None


def _passive_agent(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """'The first figures, released by the railway company X, spoke of ...': the agent speaks."""
    for k in range(i, first, -1):
        if a.lowers[k] == "by" and k - 1 >= first and a.lowers[k - 1] in _AGENT_PARTICIPLES:
            return _relayed_speaker(a, i, first) or _np_after(a, k + 1, i + 1)
    return None


def _relayed_speaker(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"A district official quoted by local radio said", "a nurse interviewed by the BBC said": in the clause
    ending at token i, the person before a relay participle and its "by" speaks; the outlet only carries it."""
    for k in range(i, first + 1, -1):
        if a.punct[k] or a.quoted[k]:
            return None
        if a.lowers[k] == "by" and a.lowers[k - 1] in _RELAY_PARTICIPLES and k - 2 >= first \
                and not a.punct[k - 2] and _bare(a.lowers[k - 2]) not in _DOCUMENT_NOUNS:
            return _np_before(a, k - 2, first)
    return None


_RELAY_PARTICIPLES = frozenset(lexicons.words("speaker_relay_participles"))


def _past_source_document(a: _Analysis, i: int, limit: int) -> int:
    """Where the source begins in "figures from X", "a tally by X", "data compiled by X": after the
    document and its preposition; `i` itself when no such document opens the phrase. "the text of the accord":
    the accord's own words."""
    i = _past_wording(a, i, limit)
    k = i
    while k < limit and k - i < 3 and not a.caps[k] and a.lowers[k] not in _SOURCE_PREPOSITIONS \
            and _bare(a.lowers[k]) not in _DOCUMENT_NOUNS and not a.punct[k] and not a.quoted[k]:
        k += 1  # "the latest official", "a preliminary"
    if k >= limit or _bare(a.lowers[k]) not in _DOCUMENT_NOUNS:
        return i
    k += 1
    if k < limit and a.lowers[k] in _AGENT_PARTICIPLES:
        k += 1
    if k + 1 < limit and a.lowers[k] == "of":
        # "surveys of refugee families published on Thursday by the charity MSF": what the document is of
        # are its subjects; its publisher, after the participle and "by", is the source
        for m in range(k + 1, min(limit, k + 8)):
            if a.punct[m] or a.quoted[m]:
                break
            if a.lowers[m] in _AGENT_PARTICIPLES:
                by = next((n for n in range(m + 1, min(limit, m + 5)) if a.lowers[n] == "by"), None)
                if by is not None and by + 1 < limit and not any(a.punct[n] for n in range(m + 1, by)):
                    return by + 1
                break
    if k + 1 < limit and a.lowers[k] in _SOURCE_PREPOSITIONS:
        return k + 1
    return i


_SOURCE_PREPOSITIONS = frozenset({"from", "by", "of"})


def _past_wording(a: _Analysis, i: int, limit: int) -> int:
    """After "the text of", "a copy of" (lexicons: speaker_nouns.json, document_wordings): where the document
    whose words they are begins; `i` itself otherwise."""
    k = i + 1 if i < limit and a.lowers[i] in ("the", "a", "an") else i
    for wording in _DOCUMENT_WORDINGS:
        after = k + len(wording)
        if after + 1 < limit and tuple(a.lowers[k:after]) == wording and a.lowers[after] == "of":
            return after + 1
    return i

_AGENT_PARTICIPLES = frozenset({"released", "issued", "published", "compiled", "provided", "given", "reported",
                                "announced", "cited", "quoted", "gathered", "collected",
                                "kept", "shared", "received", "obtained"})


def _tail_end(a: _Analysis, v: int, end: int) -> int:
    """End of an attribution's verb phrase: 'told The Moscow Times', 'said in a statement'."""
    j = v
    while j + 1 < end and not a.punct[j + 1] and not a.quoted[j + 1] and a.lowers[j + 1] != "that" \
            and j - v < 8:
        j += 1
    return a.ends[j]
