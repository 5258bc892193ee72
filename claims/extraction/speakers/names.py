"""From a noun phrase to an entity: name, title (`role`), kind and gender.

Titles are split off into the role ("Prime Minister | Nikol Pashinyan"), a
bare surname maps to the full name introduced earlier, and definite common
nouns ("the spokesperson") are handed to the back-reference rules.
"""
from __future__ import annotations

import re

from .. import gazetteer, lexicons, pattern_cache
from .model import _Analysis, Entity
from .references import (
    _ANY_PERSON,
    _body_that_just_spoke,
    _gender_of_name,
    _gender_of_words,
    _COMPANY_NOUNS,
    _fuller_group_before,
    _GROUP_ANAPHORS,
    _holder_of_role,
    _issuer_of_statement,
    _monitored_outlet,
    _latest_named_bodies,
    _latest_named_body,
    _resolve,
    _resolve_pronoun,
)
from .nameparts import _and_inside_name, _is_acronym, _spelled_short_form
from .phrases import _AGENT_PARTICIPLES, _LOCATING_PARTICIPLES, _np_after, _np_before
from .tokens import _bare, _sentence_bounds, _text
from .vocabulary import (
    HEADLINE_VERBS,
    _AGREEMENT_VERBS,
    _CARE_VERBS,
    _ITEM_LABEL_WORDS,
    _STATE_FORCE_NOUNS,
    _PERSON_OR_TITLE,
    _PERSON_TITLE_OR_ORG,
    _PERSON_PEOPLE_OR_TITLE,
    _AGE_NOUN,
    _DOCUMENT_NOUNS,
    _HEAD_NOUNS,
    _INSTITUTION_NOUNS,
    _MEDIA_NOUNS,
    _NAME_INNER_TITLES,
    _PATRONYMIC_PARTICLES,
    _NATIONALITY_ENDINGS,
    _NUMBER_WORDS,
    _ORG_CONNECTORS,
    _ORG_NAME_WORDS,
    _ORG_NOUNS,
    _PEOPLE_NOUNS,
    _PERSON_NOUNS,
    _PLACE_NOUNS,
    _POSSESSIVE_PRONOUNS,
    _SPEAKING_DOCUMENTS,
    _PRONOUNS,
    _STATES,
    _SUBJECT_PRONOUNS,
    _TITLE_HEADS,
    _TITLE_PHRASES,
    _TITLE_WORDS,
)


def _body_taken_for_a_person(a: _Analysis, position: int, sentence: int) -> Entity | None:
    """"Exxon Mobil reported the leak. It said ...": "it" never speaks for a person, so a name of two or three
    words read as a person's (no title, no known given name or gender) is the body "it" stands for."""
    for mention in reversed(a.mentions):
        if mention.position >= position or mention.place:
            continue
        if sentence - mention.sentence > 1:
            return None
        entity = mention.entity
        words = entity.name.split()
        if entity.kind != "person" or entity.role or entity.gender or entity.plural or not 2 <= len(words) <= 3 \
                or _gender_of_name([w.lower() for w in words]) is not None:
            return None  # only the nearest mention: "it" does not reach past another name
        entity.kind = "organisation"
        return entity
    return None


def _role_subject(a: _Analysis, pronoun: str, position: int, sentence: int) -> Entity | None:
    """"The envoy briefed the council, and she said ...": with no named person to take it, "he"/"she" is the
    unnamed official or person who opens the same sentence or the one before it (same paragraph) and acts."""
    if not a.document.sentences:
        return None
    paragraph = a.document.sentences[sentence].paragraph
    for s in (sentence, sentence - 1):
        if s < 0 or a.document.sentences[s].paragraph != paragraph:
            return None
        first, end = _sentence_bounds(a, s)
        if first >= end or a.starts[first] >= position or a.lowers[first] != "the":
            continue
        head = next((k for k in range(first + 1, min(first + 4, end))
                     if not a.names[k] and _bare(a.lowers[k]) in _PERSON_OR_TITLE), None)
        if head is None or head + 1 >= end or any(not a.words[k].isalpha() for k in range(first + 1, head)):
            return None
        verb = a.words[head + 1]
        if not (verb.isalpha() and verb.islower()) or verb in _NOT_ACTING or verb in _ROLE_BREAKS:
            return None  # "the envoy, ..." / "the envoy of ..." / "the nurse was killed"
        if any(a.lowers[k] in _PATIENT_WORDS for k in range(first, end) if a.starts[k] < position):
            return None
        gender = _gender_of_words({_bare(a.lowers[head])})
        wanted = "female" if pronoun == "she" else "male"
        if gender is not None and gender != wanted:
            return None
        entity = _entity(a, (first, head, head), a.starts[first], s)
        if entity is None or entity.kind != "person" or entity.plural:
            return None
        if entity.gender is None:
            entity.gender = wanted
        return entity if entity.gender == wanted else None
    return None


_ROLE_BREAKS = frozenset({"of", "and", "or", "in", "at", "for", "from", "to", "with", "who", "whose", "that", "which"})
_NOT_ACTING = frozenset({"was", "were", "is", "are", "had", "has", "been", "being"})
_PATIENT_WORDS = frozenset(lexicons.words("speaker_patient_words"))
_NEGATIVE_SUBJECTS = frozenset(lexicons.words("speaker_negative_subjects"))


# "... with a statement from the armed forces general command. It said ...": a text named with its issuer
_DOCUMENT_FROM = pattern_cache.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé]|message|declaration|bulletin)"
                                       r"\s+(?:from|by|of|issued\s+by)\s+", re.IGNORECASE)


def _issuer_of_document_just_named(a: _Analysis, first: int, sentence: int) -> Entity | None:
    """ "Baghdad radio broke into its programme with a statement from the armed forces general command. It said":
    an "It" opening the sentence after one that ends by naming a statement and who issued it is that statement,
    so its issuer speaks (not the radio that carried it)."""
    if sentence == 0 or a.sentence_first_token[sentence] != first:
        return None
    before = a.document.sentences[sentence - 1]
    named = None
    for named in _DOCUMENT_FROM.finditer(a.document.text, before.start, before.end):
        pass
    if named is None or re.search(r"[,;:]", a.document.text[named.end():before.end].rstrip(" .")):
        return None  # the statement must close the sentence, its issuer last
    mentioned = next((m.entity for m in a.mentions if m.sentence == sentence - 1 and m.position >= named.end()
                      and not m.place and m.entity.kind != "person"), None)
    if mentioned is not None:
        return mentioned
    # an issuer written in lower case ("the armed forces general command") is no mention yet: name it as written
    words = a.document.text[named.end():before.end].strip().rstrip(".").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not 1 <= len(words) <= 6 or not all(w.isalpha() for w in words):
        return None
    return _canonical(a, Entity(name=" ".join(words), kind="organisation"))


def _entity(a: _Analysis, span: tuple[int, int, int], position: int, sentence: int) -> Entity | None:
    first, last, head = span
    low = a.lowers[last]
    if first == last and low in _SUBJECT_PRONOUNS:
        word = a.words[last]
        issuer = _issuer_of_document_just_named(a, first, sentence) if low == "it" else None
        if issuer is not None:
            return _noted(a, issuer, lambda: f"'{word}' is the statement just named, which {issuer.name} issued")
        found = _resolve_pronoun(a, low, position, sentence)
        if found is not None:
            return _noted(a, found, lambda: f"'{word}' is {found.name}: the most salient earlier {_wanted(low)}")
        if low in ("he", "she"):
            found = _role_subject(a, low, position, sentence)
            return _noted(a, found, lambda: f"'{word}' is the {found.name} who opens the sentence, no named person fitting")
        if low == "it":
            found = _body_taken_for_a_person(a, position, sentence)
            return _noted(a, found, lambda: f"'{word}' is {found.name}, the name just before it, read as a body")
        return None
    if first == last and low == "one" and "they" in _PRONOUNS:
        # '"…," said one, speaking on condition of anonymity' after "Western officials remain cautious": one
        # of the group just named speaks for it
        found = _resolve_pronoun(a, "they", position, sentence)
        return _noted(a, found, lambda: f"'one' is one of {found.name}, the group named just before")
    if any(a.lowers[k] in _NEGATIVE_SUBJECTS for k in range(first, last + 1)):
        return None  # "Nobody told the soldiers", "a figure neither government has confirmed": no one speaks
    if a.names[last] and _bare(a.lowers[last]) in _OCCASION_WORDS:
        return None  # "a march held for Mothers' Day": an occasion, no one who speaks or whom "she" means
    if first == last and _AGE_NOUN.fullmatch(low):
        found = _resolve(a, _ANY_PERSON, position, sentence)
        return _noted(a, found, lambda: f"'the {a.words[last]}' is {found.name}: the latest person named before")
    count_at = first + 1 if a.lowers[first] == "the" else first
    definite_count = count_at < last and a.lowers[count_at] in _NUMBER_WORDS \
        and (count_at > first or first > 0 and a.lowers[first - 1] == "the") \
        and not any(a.caps[k] for k in range(count_at, last + 1))
    while first < last and (a.lowers[first] == "the" or a.lowers[first] in _NUMBER_WORDS):
        if definite_count and a.lowers[first] != "the":
            break  # "the two governments" are a known pair: the count is part of how they are named
        first += 1  # "Two US officials" are US officials
    if first > last:
        return None
    possessor = None
    if first - 1 >= 0 and a.lowers[first - 1] in _POSSESSIVE_PRONOUNS and not a.quoted[first - 1] \
            and not a.names[last]:
        possessor = _subject_owning(a, first - 1, sentence) \
            or _resolve_pronoun(a, a.lowers[first - 1], a.starts[first - 1], sentence)
    head_low = _bare(a.lowers[head])
    if possessor is None and first - 2 >= 0 and a.lowers[first - 1] == "whose" and a.words[first - 2] == "," \
            and head_low in _DOCUMENT_NOUNS and not a.quoted[first - 1]:
        # "no figure for the rebels, whose own statements have acknowledged 20 dead": the texts are theirs
        owner = _np_before(a, first - 3, a.sentence_first_token[sentence])
        owned = _entity(a, owner, a.starts[owner[0]], sentence) if owner is not None else None
        if owned is not None:
            return _noted(a, owned, lambda: f"'whose {_text(a, first, last)}' are those of {owned.name}")
        return _noted(a, possessor, lambda: f"'{a.words[first - 1]} {_text(a, first, last)}' is {possessor.name}'s")
    if not a.names[head] and head_low in _DOCUMENT_NOUNS and head_low not in _SPEAKING_DOCUMENTS:
        if possessor is None and head == last and _owned_document(a, first, head):
            # "an army headquarters summary gave", "An Associated Press investigation put the toll at": the
            # document is named by who made it, and so named it speaks
            text = Entity(name=_text(a, first, last), role="", kind="organisation", gender=None, plural=False)
            return _noted(a, _canonical(a, text), lambda: f"the {a.words[head]} is named by who made it")
        return None       # "early reports put the dead at ..." is not a speaker
    if possessor is None and head == last and not a.names[head] and head_low in _SPEAKING_DOCUMENTS \
            and _nationality_of_text(a, first, head):
        # "the Finnish communique said", "a Peruvian army communique said": the adjective tells whose side
        # issued the text, not who did; the text, so named, speaks
        text = Entity(name=_text(a, first, last), role="", kind="organisation", gender=None, plural=False)
        return _noted(a, _canonical(a, text), lambda: f"the {a.words[head]} is named by the nationality "
                                                      f"'{a.words[first]}' that issued it, not by its issuer's name")
    if possessor is None and head == last and not a.names[head] and head_low in _SPEAKING_DOCUMENTS:
        issuer, how = _issuer_named_with(a, first, head, position, sentence)
        if issuer is not None:
            # "said a statement from the League", "a joint statement by the partners urged", "a Council
            # statement called on": a text speaks for whoever the phrase names as issuing it
            return _noted(a, issuer, lambda: f"the {a.words[head]} speaks for {issuer.name}, {how}")
    # Split off the title: everything up to the last title phrase followed by a name (not inside the name of a body
    # named after someone: "the Prince Léopold Hospital", "King Faisal Specialist Hospital")
    split = None
    # (or "the Prince Regent Charles hospital", its noun in lowercase; not "President Tomas Ekk's office")
    named_after = (a.names[last] or last > first and a.names[last - 1]
                   and not a.lowers[last - 1].endswith(("'s", "’s", "'", "’"))) and _bare(a.lowers[last]) in _ORG_NAME_WORDS
    for k in (range(last - 1, first - 1, -1) if not named_after else ()):
        if not a.names[k + 1]:
            continue
        if _bare(a.lowers[k]).rstrip(".") not in _TITLE_HEADS:
            continue  # every title ends in one of the title heads: no phrase ending at k is one
        for size in (4, 3, 2, 1):
            if k - size + 1 < first:
                continue
            phrase = tuple(_bare(w).rstrip(".") for w in a.lowers[k - size + 1:k + 1])
            if phrase in _TITLE_PHRASES and not _title_inside_name(a, k - size + 1, first) \
                    and not _title_inside_a_bodys_name(a, k - size + 1, first) \
                    and not _title_naming_a_body(a, k, last):
                split = k
                break
        if split is not None:
            break
    if split is None:
        # "the state railway company Ukrzaliznytsia": a describing noun before a bare name
        for k in range(last - 1, first - 1, -1):
            if not a.names[k + 1]:
                break
            if not a.caps[k] and _bare(a.lowers[k]) in _HEAD_NOUNS:
                split = k
                break
            if k == first == a.sentence_first_token[sentence] and a.lowers[k] in _PERSON_NOUNS \
                    and k + 2 <= last:
                split = k  # "Rescuer Tomas Lim said": a person noun capitalised only because it opens the sentence
                break
    # "the General Staff in Warsaw": the body's words up to its head, not the place after it
    body_end = head if split is not None and split < head < last else last
    if split is not None and all(_bare(a.lowers[k]) in _ORG_NAME_WORDS for k in range(split + 1, body_end + 1)):
        # "the FAA General Staff", "URNG General Command", "Libyan state TV": what follows the title or the
        # describing noun is only the word for a body, so the whole phrase is the body's name
        split = None
    words = {_bare(w) for w in a.lowers[first:last + 1]}
    if split is not None:
        role = _text(a, first, split)
        name = _text(a, split + 1, last)
        name_first = split + 1
    else:
        role, name, name_first = "", _text(a, first, last), first
    if name.endswith(("'s", "’s")) and len(name) > 3 and (a.names[last] or _bare(a.lowers[last]) in _ORG_NOUNS):
        name = name[:-2]  # "Bashir Adan's house was hit": the man, not his possessive; "the navy's own account"
    elif name.endswith(("s'", "s’")) and len(name) > 3:
        name = name[:-1]  # "the armed forces' latest list"
    if possessor is not None:
        name = f"{possessor.name}'s {name}"
    elif split is None and _located_person(a, first, last, head):
        # "a doctor at a hospital in Bahir Dar": the doctor speaks; where they are describes them
        opening = first + 1 if a.lowers[first] in ("a", "an") else first
        role, name, name_first = _text(a, opening, last), _text(a, opening, head), opening
        if _bare(a.lowers[head]) in _PEOPLE_NOUNS:
            name = role  # "Doctors at Keysaney hospital in the north": a group known only by where it works
    # "Officials said" / "Families of the hostages": a capital only because the sentence starts there
    head_is_name = a.names[head] and not (head == first and head_low in _HEAD_NOUNS
                                                   and a.sentence_first_token[sentence] == first)
    if head_is_name and first == last == head and first > 0 and a.lowers[first - 1] in _DEFINITE \
            and (head_low in _ORG_NOUNS or head_low in _TITLE_WORDS and head_low in _PERSON_NOUNS) \
            and not _is_acronym(a.words[head]) and (head + 1 >= len(a.lowers) or a.lowers[head + 1] != "of"):
        # "the Ministry said", "the Community said", "the Commissioner's figure": a formal capital on the body or the
        # office-holder named before
        head_is_name = False
    plural = False
    if not head_is_name:
        if head_low in _PEOPLE_NOUNS:
            kind, plural = "organisation", True
        elif head_low in _PERSON_NOUNS and head_low not in _ORG_NOUNS:
            kind = "person"
        else:
            kind = "organisation"
    else:
        name_words = [_bare(w) for w in a.lowers[name_first:last + 1]]
        joined = " ".join(name_words)
        if joined in _STATES or set(name_words) & _ORG_NAME_WORDS or set(name_words) & _ORG_CONNECTORS \
                or any(_is_acronym(a.words[k]) for k in range(name_first, last + 1)):
            kind = "organisation"
            plural = joined.endswith("s") and joined in _STATES and joined not in ("us", "u.s.", "united states")
        elif split is not None and not a.caps[split] and _bare(a.lowers[split]) in _ORG_NOUNS \
                and _bare(a.lowers[split]) not in _PERSON_NOUNS:
            kind = "organisation"  # "mining group Kavora", "the state railway company X": a body described
        elif split is not None or possessor is not None and head_low in _PERSON_NOUNS:
            kind = "person"
        elif last - name_first >= 1:
            kind = "person"
        else:
            kind = "unknown"
        if possessor is None and head != last:
            kind = "organisation" if _bare(a.lowers[head]) not in _PERSON_NOUNS else "person"
            plural = _bare(a.lowers[head]) in _PEOPLE_NOUNS
    if any(a.lowers[k] == "and" and not _and_inside_name(a, k, last + 1) for k in range(name_first, last)):
        plural = True  # "Havana and Caracas", "Smith and Jones": two, so never "he" or "she"
    gender = _gender_of_words(words) if not plural else None
    if kind in ("person", "unknown") and gender is None and head_is_name:
        gender = _gender_of_name(a.lowers[name_first:last + 1])
    if not head_is_name and possessor is None and first == last and first > 0 \
            and a.lowers[first - 1] in _DEFINITE and head_low in _PERSON_TITLE_OR_ORG:
        titled = _titled_speaker_before(a, sentence) if head_low in _GENERIC_ROLE_NOUNS else None
        if titled is not None:
            return _noted(a, titled, lambda: f"'the {a.words[head]}' is {titled.name}, the titled person who spoke just before")
        earlier = _holder_of_role(a, head_low, organisation=head_low in _ORG_NOUNS, before=a.starts[first])
        if earlier is not None and head_low in _MEDIA_NOUNS and _named_before_item(a, earlier, sentence, a.starts[first]):
            outlet = _monitored_outlet(a, sentence)
            # "[4] CLANDESTINE RADIO: ..." over "National Voice of Iran in Persian 1730 gmt": in the item's text "the
            # radio" is the outlet on its source line, not one the digest named over it
            return _noted(a, outlet, lambda: f"'the {a.words[head]}' is {outlet.name}, whose monitored item it is")
        if earlier is not None:
            # "the spokesperson said" after "a spokesperson for the ministry said"
            return _noted(a, earlier, lambda: f"'the {a.words[head]}' is {earlier.name}, who holds that role, named before")
    if not head_is_name and possessor is None and first < last and head == last and first > 0 \
            and a.lowers[first - 1] in _DEFINITE and head_low in _PERSON_OR_TITLE \
            and head_low not in _ORG_NOUNS and not any(a.caps[k] for k in range(first, last + 1)):
        # "the foreign minister said" after "Foreign Minister Leon Ruiz": every qualifier is in the title
        earlier = _holder_of_role(a, head_low, organisation=False,
                                  qualifiers=frozenset(a.lowers[first:last]), before=a.starts[first])
        if earlier is not None:
            return _noted(a, earlier, lambda: f"'the {_text(a, first, last)}' is {earlier.name}, who holds that title")
    if not head_is_name and possessor is None and first > 0 and a.lowers[first - 1] in _DEFINITE \
            and head_low in _SPEAKING_DOCUMENTS:
        issuer = _issuer_by_noun(a, position, sentence, a.words[head]) or _issuer_of_statement(a, position, sentence)
        if issuer is not None:
            # "the statement said" after "the ministry said in a statement"
            return _noted(a, issuer, lambda: f"'the {a.words[head]}' speaks for {issuer.name}, who issued it")
        introduced = _issuer_of_document_introduced(a, head, first)
        if introduced is not None:
            # "In a statement sent to Lusa, the general staff said ... \"...,\" the statement said": the statement
            # the article brought in earlier speaks for whoever gave it then
            return _noted(a, introduced, lambda: f"'the {a.words[head]}' speaks for {introduced.name}, who gave the "
                                                 f"{a.words[head]} the article brought in earlier")
        outlet = _monitored_outlet(a, sentence)
        if outlet is not None:
            # "Excerpts from commentary: ... The commentary said": a monitored item's text, read by its outlet
            return _noted(a, outlet, lambda: f"'the {a.words[head]}' is {outlet.name}'s, whose monitored item it is")
    if not head_is_name and possessor is None and first == last and first > 0 and a.lowers[first - 1] in ("a", "an") \
            and head_low in _ISSUED_TEXTS and (last + 1 >= len(a.lowers) or a.lowers[last + 1] not in _SOURCE_LINKS):
        issuer = _body_that_just_spoke(a, position, sentence)
        if issuer is not None:
            # "The Foreign Office said it regretted the delay. '...,' a statement said": a statement with no author
            # of its own is the body's that has just spoken
            return _noted(a, issuer, lambda: f"'a {a.words[head]}' with no author of its own is {issuer.name}'s, "
                                             f"the body that spoke just before")
    if not head_is_name and possessor is None and first == last and first > 0 and a.lowers[first - 1] in ("a", "an") \
            and head_low in _SPEAKING_DOCUMENTS and (last + 1 >= len(a.lowers) or a.lowers[last + 1] not in _SOURCE_LINKS):
        outlet = _monitored_outlet(a, sentence)
        if outlet is not None:
            # "A commentary said the attack showed ...": in a monitored item, a text with no author is the outlet's
            return _noted(a, outlet, lambda: f"'a {a.words[head]}' with no author of its own is {outlet.name}'s, "
                                             f"whose monitored item it is")
    if not head_is_name and possessor is None and first > 0 and a.lowers[first - 1] in _DEFINITE \
            and head_low in _DOCUMENT_PARTS:
        whole = _document_of_part(a, position, sentence)
        if whole is not None:
            # "read a statement of the Chinese Government. ... The central passage read:": the part speaks for the
            # text it is part of, and so for its issuer
            return _noted(a, whole, lambda: f"'the {a.words[head]}' is part of the text named just before, "
                                            f"{whole.name}'s")
    if not head_is_name and possessor is None and first == last and first > 0 and a.lowers[first - 1] in _DEFINITE \
            and head_low in _PEOPLE_NOUNS and not a.caps[first]:
        fuller = _fuller_group_before(a, head_low, sentence)
        if fuller is not None:
            # "the sources said" after "Citing Lebanese police sources": the group named in full just before
            return _noted(a, fuller, lambda: f"'the {a.words[head]}' are {fuller.name}, named in full just before")
    counted = _bodies_counted(a, first, last, head_low)
    if not head_is_name and possessor is None and counted:
        together = _latest_named_bodies(a, sentence, counted)
        if together is not None:
            # "the two bodies said in a joint statement" after "findings released by MONUSCO and the UN Joint Human
            # Rights Office": the bodies named before, together
            return _noted(a, together, lambda: f"'{_text(a, first, last)}' are the {counted} bodies named "
                                               f"before: {together.name}")
    if not head_is_name and possessor is None and first > 0 and a.lowers[first - 1] in _DEFINITE \
            and head_low in _GROUP_ANAPHORS and not any(a.caps[k] for k in range(first, last + 1)):
        earlier = _latest_named_body(a, sentence, company=head_low in _COMPANY_NOUNS,
                                     qualifiers=tuple(a.lowers[first:last]), head=head_low, before=a.starts[first])
        if earlier is not None:
            # "the rights group said" after "Amnesty International said"
            return _noted(a, earlier, lambda: f"'the {_text(a, first, last)}' is {earlier.name}, the body named before")
    member = _one_of(a, first)
    if member is not None and plural and not head_is_name:
        # "One of the sources said": one person from the group, whom "he" or "she" may refer back to
        name, kind, plural = _text(a, member, last), "person", False
    entity = Entity(name=name, role=role, kind=kind, gender=gender, plural=plural)
    return _canonical(a, entity)


_HOW_MANY = {"two": 2, "both": 2, "three": 3, "four": 4}


def _bodies_counted(a: _Analysis, first: int, last: int, head: str) -> int:
    """How many bodies "the two bodies", "the three agencies", "both organisations" point back to; 0 for any other
    phrase."""
    number = last - 1  # the word right before the noun, inside the phrase or just before it
    if number < max(0, first - 1) or number - first > 1 or a.caps[last] or not head.endswith("s") \
            or a.lowers[number] not in _HOW_MANY:
        return 0
    if a.lowers[number] != "both" and (number == 0 or a.lowers[number - 1] not in _DEFINITE):
        return 0  # ("two agencies said": two of many, not the ones named before)
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return _HOW_MANY[a.lowers[number]] if singular in _GROUP_ANAPHORS else 0


def _named_before_item(a: _Analysis, entity: Entity, sentence: int, position: int) -> bool:
    """Whether `entity` was last named, before this sentence, above the source line of the monitored item holding
    `position` in it (a mention the sentence itself makes, "The radio said", is the one being resolved)."""
    if _monitored_outlet(a, sentence) is None:
        return False
    latest = max((m.position for m in a.mentions if m.entity is entity and m.sentence < sentence), default=None)
    return latest is not None and a.items.opened_between(latest, position)


def _issuer_by_noun(a: _Analysis, position: int, sentence: int, noun: str) -> Entity | None:
    """Who issued "the communique" that says something: the subject of the latest of the last few sentences
    (three; six inside a monitored item, back to its source line: "Excerpts from communique of the Armed Forces
    of the North:" above four sentences of its text) naming the same text ("The militia, in a communique sent to journalists, rejected the accusation. ...
    the communique said"), or the latest who spoke in that sentence; None when no sentence names it."""
    text = a.document.text
    same = re.compile(r"\b%s\b" % re.escape(noun), re.IGNORECASE)
    in_item = _monitored_outlet(a, sentence) is not None
    for earlier in range(sentence - 1, max(-1, sentence - (7 if in_item else 4)), -1):
        bounds = a.document.sentences[earlier]
        if in_item and a.items.holds(bounds.start):
            return None  # a monitored item's text reaches back to its source line, no further
        if not same.search(text, bounds.start, bounds.end):
            continue
        first, end = _sentence_bounds(a, earlier)
        named = next((k for k in range(first, end) if _bare(a.lowers[k]) == noun.lower() and not a.quoted[k]), None)
        issuer = _issuer_named_with(a, named, named, position, earlier)[0] if named is not None else None
        if issuer is not None:
            return issuer  # "... with a statement from the armed forces general command. ... The statement said"
        spoke = [x.entity for x in a.by_sentence.get(earlier, ()) if x.entity is not None
                 and a.lowers[x.verb] not in _AGREEMENT_VERBS | _CARE_VERBS]
        if spoke:
            # the latest who spoke there: "..., according to a joint statement" itself; not parties said to
            # agree ("In their joint statement, the mediators said the two sides had agreed": the mediators')
            return spoke[-1]
        if named is not None and named > first and a.lowers[named - 1] == "the":
            # "Journalists were driven there, and the statement was read out": the text was named before, so the
            # subject of this sentence did not issue it; look further back
            continue
        span = _np_after(a, first, end) if first < end else None
        if span is None or span[0] != first + (1 if a.lowers[first] in ("the", "a", "an") else 0) \
                or _bare(a.lowers[span[2]]) in _ITEM_LABEL_WORDS:
            return None  # (a monitored item's label, "Excerpts from commentary:", names no issuer)
        subject = _entity(a, span, a.starts[first], earlier)
        return subject if subject is not None and subject.kind != "person" else None
    return None


# parts of a text, which speak for the text: "The key line says", "The central passage read"
_DOCUMENT_PARTS = frozenset({"passage", "line", "paragraph", "section", "clause", "sentence", "wording"})


def _document_of_part(a: _Analysis, position: int, sentence: int) -> Entity | None:
    """The issuer of the latest speaking text named in the last three sentences; else that text itself, in its
    fullest mention there ("a joint communique read there this afternoon. ... the communique was read out ...
    The key line says": the joint communique)."""
    unnamed: list[tuple[int, int]] = []  # (first, head) of each mention of the latest text, latest first
    for earlier in range(sentence - 1, max(-1, sentence - 4), -1):
        first, end = _sentence_bounds(a, earlier)
        for named in range(end - 1, first - 1, -1):
            if _bare(a.lowers[named]) not in _SPEAKING_DOCUMENTS or a.quoted[named]:
                continue
            if unnamed and a.lowers[named] != a.lowers[unnamed[0][1]]:
                continue  # another text: only mentions of the latest one count
            issuer = _issuer_named_with(a, named, named, position, earlier)[0]
            if issuer is not None:
                return issuer
            k = named
            while k - 1 >= first and (a.names[k - 1] or a.lowers[k - 1] in ("joint", "final", "official")):
                k -= 1
            unnamed.append((k, named))
    if not unnamed:
        return None
    k, named = max(unnamed, key=lambda mention: mention[1] - mention[0])
    return Entity(name=_text(a, k, named), kind="organisation")


def _subject_owning(a: _Analysis, pronoun: int, sentence: int) -> Entity | None:
    """The body opening the sentence that a later "its"/"their" belongs to: "The army took a different line:
    its commander in the province told units ..." (the subject of the same sentence is the most salient owner,
    even when the article names it with no capital)."""
    opening = a.sentence_first_token[sentence]
    if pronoun - opening < 3 or a.quoted[opening]:
        return None
    span = _np_after(a, opening, pronoun)
    if span is None or span[0] != opening + (1 if a.lowers[opening] in ("the", "a", "an") else 0) \
            or a.names[span[2]] or _bare(a.lowers[span[2]]) not in _ORG_NOUNS | _PEOPLE_NOUNS:
        return None
    plural = _bare(a.lowers[span[2]]) in _PEOPLE_NOUNS
    if plural != (a.lowers[pronoun] == "their"):
        return None
    return _entity(a, span, a.starts[span[0]], sentence)


# "the group said", "that group said", "this ministry": a noun that points back to a body or a text named before
_DEFINITE = frozenset({"the", "that", "this"})
# texts a body issues in its own name (a commentary or an editorial is an outlet's own voice)
_ISSUED_TEXTS = frozenset({"statement", "communique", "communiqué", "declaration", "bulletin", "release"})
_SOURCE_LINKS = frozenset({"from", "by", "of", "issued", "signed", "released", "published"})  # "a statement from X"
_DETERMINERS = _DEFINITE | {"a", "an"}

_ISSUING_PREPOSITIONS = frozenset({"from", "by", "of"})


def _owned_document(a: _Analysis, first: int, head: int) -> bool:
    """Whether the words before a document noun name a body that made it: a name that is no nationality, or a
    body's word ("army headquarters summary", "Associated Press investigation"; not "Western reports", "early
    reports")."""
    for k in range(first, head):
        if a.quoted[k]:
            return False
        if a.names[k] and k > a.sentence_first_token[a.sentence_of_token[k]]:
            place = gazetteer.lookup(a.words[k])
            if place is None or place.kind != "demonym":
                return True
        elif not a.caps[k] and _bare(a.lowers[k]) in _ORG_NOUNS:
            return True
    return False


def _nationality_of_text(a: _Analysis, first: int, head: int) -> bool:
    """Whether the words before a document noun are a nationality and the body words after it ("Finnish",
    "Peruvian army"): no name of an issuer, only the side it belongs to."""
    if not a.names[first] or first + 1 > head or any(a.names[k] or a.quoted[k] for k in range(first + 1, head)):
        return False
    place = gazetteer.lookup(a.words[first])
    return place is not None and place.kind == "demonym"


_TIME_ADVERBS = frozenset({"later", "earlier", "today", "tonight", "yesterday", "again", "overnight", "afterwards"})


def _issuer_named_with(a: _Analysis, first: int, head: int, position: int,
                       sentence: int) -> tuple[Entity | None, str]:
    """The body or person a statement's own noun phrase names as its issuer: a name before the document
    noun ("a Presidential Council statement"), or after it, by "from", "by" or "of", a participle such as
    "issued" allowed between ("a statement issued by the mission"). None when the phrase names nobody."""
    k = head - 1
    while k >= first and a.names[k]:
        k -= 1
    if k < head - 1 and not (k + 1 == first == a.sentence_first_token[sentence] and head - first == 1):
        return _entity(a, (k + 1, head - 1, head - 1), position, sentence), "named before it as its issuer"
    determiner = first if a.lowers[first] in _DETERMINERS else first - 1
    body = _bare(a.lowers[head - 1]) if head - 1 > determiner and not a.caps[head - 1] else ""
    if (body in _ORG_NOUNS or body in _STATE_FORCE_NOUNS) and body not in _PERSON_NOUNS and determiner >= 0 \
            and a.lowers[determiner] in _DETERMINERS:
        # "the ministry statement read", "quoted an army statement as saying": the body named before issued it
        issuer = next((e for e in reversed(list(a.entities.values())) if e.kind == "organisation"
                       and e.name.lower().split()[-1] == body), None) \
            or _holder_of_role(a, body, organisation=True) \
            or (_latest_named_body(a, sentence, head=body) if body in _GROUP_ANAPHORS else None)
        # (a body whose name ends in the noun first: "the Bosnian Serb army" for "an army statement")
        if issuer is not None:
            return issuer, f"the {body} named before, whose text it is"
    opening, end = _sentence_bounds(a, sentence)
    j = head + 1
    if j + 1 < end and a.lowers[j] in ("no", "number") and (a.lowers[j + 1] == "." or a.lowers[j + 1][:1].isdigit()):
        j += 2 if a.lowers[j + 1] == "." else 1  # "communique No. 4 of the military governorate": the text's number
        if j < end and a.lowers[j][:1].isdigit():
            j += 1
    if j < end and a.lowers[j] in _AGENT_PARTICIPLES and j + 1 < end and a.lowers[j + 1] == "by":
        j += 1
    elif j + 2 < end and a.lowers[j] in _AGENT_PARTICIPLES and a.lowers[j + 2] == "by" \
            and (a.lowers[j + 1].endswith("ly") or a.lowers[j + 1] in _TIME_ADVERBS):
        j += 2  # "a statement issued later by US Central Command", "a text released jointly by the two armies"
    if j < end and a.lowers[j] in _ISSUING_PREPOSITIONS:
        span = _np_after(a, j + 1, end)
        if span is None or _bare(a.lowers[span[2]]) in _DOCUMENT_NOUNS:
            return None, ""
        return _entity(a, span, position, sentence), f"named as its issuer after '{a.words[j]}'"
    k = first - 1
    while k >= opening and a.lowers[k] in ("a", "an", "its", "their", "joint", "new", "brief", "written"):
        k -= 1
    if k > opening and a.lowers[k] in _AGENT_PARTICIPLES and not a.quoted[k]:
        # "The Council met on Thursday and later issued a statement condemning ...": the text speaks for
        # the subject that issued it, the sentence's own subject: the one already read as the subject of that verb
        # ("Three days later the Ministry of Defence issued a statement describing ..."), else the phrase opening it
        issuer = next((x.entity for x in a.by_sentence.get(sentence, ()) if x.verb == k and x.entity is not None), None)
        if issuer is not None:
            return issuer, f"the subject that {a.words[k]} it"
        m = opening + (1 if a.lowers[opening] in ("the", "a", "an") else 0)
        while m + 1 < k and (a.names[m + 1] or _bare(a.lowers[m + 1]) in _HEAD_NOUNS):
            m += 1  # the name or noun phrase opening the sentence, up to its verb ("... Council met")
        span = _np_before(a, m, opening) if m < k else None
        if span is None:
            return None, ""
        return _entity(a, span, position, sentence), f"the subject that {a.words[k]} it"
    joint = any(a.lowers[m] == "joint" for m in range(max(opening, first - 2), head))
    if not joint and (a.lowers[first] in ("a", "an") or first > 0 and a.lowers[first - 1] in ("a", "an")):
        # (a joint statement is more than the one who spoke before it: it speaks for itself)
        # "X called for calm, according to a statement issued in Vienna": a statement no one is named
        # with speaks for whoever the sentence has already credited with speaking
        earlier = [x.entity for x in a.by_sentence.get(sentence, ()) if x.entity is not None
                   and a.starts[x.verb] < a.starts[first] and not x.inverted]
        if earlier:
            return earlier[-1], "who speaks earlier in the sentence (the text names no issuer)"
    return None, ""


_INTRODUCED_REACH = 5  # sentences


def _issuer_of_document_introduced(a: _Analysis, head: int, before: int) -> Entity | None:
    """Who spoke in the sentence that last brought in a text of this kind ("in a statement", "issued a
    communique"): one named speaker there, not itself a text."""
    noun = _bare(a.lowers[head])
    reach = a.sentence_of_token[head] - _INTRODUCED_REACH
    for k in range(before - 1, 0, -1):
        if a.sentence_of_token[k] < reach:
            return None  # brought in too long before: the story has moved on to other sources
        if _bare(a.lowers[k]) != noun or a.quoted[k]:
            continue
        if a.lowers[k - 1] not in ("a", "an"):
            return None  # the latest such text is another ("a government communique", "the statement"): not this one
        if k + 1 < len(a.lowers) and a.lowers[k + 1] in _ISSUING_PREPOSITIONS | _AGENT_PARTICIPLES:
            return None  # "a communique of the Central Committee": its issuer is named with it, read as such
        speakers = {id(x.entity): x.entity for x in a.by_sentence.get(a.sentence_of_token[k], ())
                    if x.entity is not None and _bare(x.entity.name.lower().split()[-1]) not in
                    _DOCUMENT_NOUNS | _SPEAKING_DOCUMENTS}
        return next(iter(speakers.values())) if len(speakers) == 1 else None
    return None


def _titled_speaker_before(a: _Analysis, sentence: int) -> Entity | None:
    """The one person with a title who spoke in the sentence before: "The Inspector-General of Police told
    reporters ... \"...,\" the officer said"."""
    spoken = [x.entity for x in a.by_sentence.get(sentence - 1, ()) if x.entity is not None]
    people = {id(e): e for e in spoken if e.kind == "person" and not e.plural}
    if len(people) != 1:
        return None
    person = next(iter(people.values()))
    words = {_bare(w).rstrip(".") for w in f"{person.role} {person.name}".lower().replace("-", " ").split()}
    return person if words & _TITLE_WORDS else None


_GENERIC_ROLE_NOUNS = frozenset(lexicons.words("speaker_generic_role_nouns"))


def _noted(a: _Analysis, entity: Entity | None, note) -> Entity | None:
    """Keep how a reference was resolved (`note()` says it), for the attribution that reads it to explain."""
    if entity is not None:
        a.note = note()
    return entity


def _wanted(pronoun: str) -> str:
    wanted = _PRONOUNS[pronoun]
    if wanted["number"] == "plural":
        return "group or body of people"
    return {"male": "man", "female": "woman"}.get(wanted["gender"]) or (
        "body" if wanted["kind"] == "organisation" else "person")


_OCCASION_WORDS = frozenset(lexicons.words("speaker_occasion_words"))
# "a doctor at", "a worker based in", "an envoy involved in the talks": what follows places the person
_PERSON_PLACE_LINKS = frozenset({"in", "at", "near", "from"}) | _LOCATING_PARTICIPLES


def _located_person(a: _Analysis, first: int, last: int, head: int) -> bool:
    """A person noun followed by where the person is, through a place of work ("at a hospital in X")
    or an administrative area ("in X district"); "officials in Nagorno-Karabakh" name whose officials
    they are and stay whole."""
    if head >= last or (a.caps[head] and head != first) or a.lowers[head + 1] not in _PERSON_PLACE_LINKS:
        return False
    head_low = _bare(a.lowers[head])
    if head_low in _ORG_NOUNS and head_low not in _PEOPLE_NOUNS or head_low not in _PERSON_PEOPLE_OR_TITLE:
        return False  # ("staff" is both: "the General Staff", "staff at the hospital")
    if _bare(a.lowers[last]) in _PLACE_NOUNS and not a.caps[last]:
        return True
    if _bare(a.lowers[last]) in _INSTITUTION_NOUNS and head_low in _PEOPLE_NOUNS:
        return True  # "Staff at the Gabriel Toure hospital", "Doctors at the Red Crescent clinic": where they work
    if _bare(a.lowers[last]) in _ORG_NOUNS and not a.caps[last]:
        return False  # "an official in the local health office": the body they work in, as "for" would say
    between = range(head + 2, last)  # "at a hospital in": a common noun between the person and the place
    return any(not a.names[k] and _bare(a.lowers[k]) not in ("a", "an", "the") for k in between) \
        and not a.names[head + 2]


def _title_inside_a_bodys_name(a: _Analysis, k: int, first: int) -> bool:
    """"the Syndicate of Private Hospitals", "the Association of General Practitioners": a title's word after "of" in
    a body's name names its members, not a person's rank."""
    return k - 2 >= first and a.lowers[k - 1] == "of" and _bare(a.lowers[k - 2]) in _ORG_NOUNS


def _title_naming_a_body(a: _Analysis, end: int, last: int) -> bool:
    """"a General Staff spokesman", "the General Command's statement": a title's word right before a body's noun is
    part of the body's name."""
    return end + 1 <= last and a.caps[end + 1] and _bare(a.lowers[end + 1]) in _ORG_NAME_WORDS


def _title_inside_name(a: _Analysis, k: int, first: int) -> bool:
    """"Fadumo Sheikh Ali", "Mohd Nor bin Haji Ismail": an honorific after a given name (or after the particle that
    names the father) is part of the name, not a title before it."""
    if a.lowers[k] not in _NAME_INNER_TITLES:
        return False
    before = k - 1
    if before - 1 >= first and a.lowers[before] in _PATRONYMIC_PARTICLES:
        before -= 1  # "bin Haji Ismail": the son of Haji Ismail
    if before < first or not a.names[before]:
        return False
    low = _bare(a.lowers[before]).rstrip(".")
    return low not in _TITLE_WORDS and low not in _STATES and not low.endswith(_NATIONALITY_ENDINGS)


def _one_of(a: _Analysis, first: int) -> int | None:
    """Where "one of the" / "one of its" starts, right before the noun phrase at `first`."""
    k = first - 1
    if k >= 0 and a.lowers[k] in ("the", "its", "their", "his", "her"):
        k -= 1
    if k - 1 >= 0 and a.lowers[k] == "of" and a.lowers[k - 1] == "one":
        return k - 1
    return None


def _note_short_form(a: _Analysis, entity: Entity, last: int) -> None:
    """"Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": a bracketed short form marks a body and is its alias."""
    if last + 3 >= len(a.words) or a.words[last + 1] != "(" or a.words[last + 3] != ")" \
            or not (_is_acronym(a.words[last + 2]) or _spelled_short_form(a, last + 3)):
        return
    if entity.plural and " and " in entity.name:
        # "the government and the Forces for the Defence of Democracy (FDD)": the short form names the last
        # of the bodies joined, not the pair
        conjunct = entity.name.rsplit(" and ", 1)[1]
        conjunct = conjunct[4:] if conjunct.lower().startswith("the ") else conjunct
        entity = _canonical(a, Entity(name=conjunct, kind="organisation"))
    if entity.kind in ("person", "unknown") and not entity.role:
        entity.kind, entity.gender = "organisation", None
    entity.short = entity.short or a.words[last + 2]
    a.entities.setdefault(a.lowers[last + 2], entity)


def _canonical(a: _Analysis, entity: Entity) -> Entity:
    """The registry's entity for this name: a surname alone maps to the full name seen earlier."""
    key = entity.name.lower().replace("’", "'")
    known = a.entities.get(key)
    if known is None and entity.kind in ("person", "unknown") and " " in key and not entity.role:
        # "Ortega de los Santos" after "Gen. Javier Ortega de los Santos": the surname with its particles
        known = next((c for c in reversed(list(a.entities.values())) if c.kind == "person" and not c.plural
                      and c.name.lower().replace("’", "'").endswith(" " + key)), None)
    if known is None and entity.kind in ("person", "unknown") and " " not in key and entity.name[:1].isupper():
        for candidate in reversed(list(a.entities.values())):
            if candidate.plural and " and " in candidate.name:
                # "Lopez" after "Ana Ruiz and Marta Lopez", "Hizbollah" after "Lebanon and Hizbollah": one of
                # the pair, never the pair itself
                conjunct = next((c for c in candidate.name.split(" and ")
                                 if key in c.lower().replace("’", "'").split()[-1:]), None)
                if conjunct is not None and " " in conjunct.strip():
                    known = _canonical(a, Entity(name=conjunct.strip(), kind="person"))
                    break
                continue
            if candidate.kind == "person" and " " in candidate.name and not any(c.isdigit() for c in candidate.name):
                # (never a title-case headline read as one long name: "Havana Claims 900 Captured")
                parts = candidate.name.lower().replace("’", "'").split()
                if key in (parts[-1], parts[0]) and parts[-1] not in HEADLINE_VERBS:
                    known = candidate
                    break
    if known is None:
        a.entities[key] = entity
        return entity
    if known.name != entity.name:
        a.note = f"'{entity.name}' is {known.name}, named in full before"
    if entity.role and not known.role:
        known.role = entity.role
    if known.gender is None:
        known.gender = entity.gender
    if known.kind == "unknown" and entity.kind != "unknown":
        known.kind = entity.kind
    return known
