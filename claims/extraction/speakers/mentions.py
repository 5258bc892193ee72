"""Names mentioned in a sentence, kept for pronouns to refer back to, and the evidence around them.

Appositives (", 34, a teacher,"), "who"/"which" and kinship or role words
before a name tell whether a name is a person or a body, and its role and
gender.
"""
from __future__ import annotations

from itertools import compress

from .. import pattern_cache
from .model import _Analysis, Entity, _Mention
from .names import _entity, _note_short_form
from .phrases import _appositive_after, _np_before, _with_following_pp
from .references import _GROUP_ANAPHORS, _gender_in, _gender_of_words, _holder_of_role
from .tokens import _bare
from .vocabulary import (
    _PERSON_OR_TITLE,
    _PEOPLE_NOUNS,
    _REPORT,
    _SPEECH,
    _FEMALE_WORDS,
    _GENDER,
    _PLACE_NOUNS,
    _FUNCTION_WORDS,
    _HEAD_NOUNS,
    _INSTITUTION_NOUNS,
    _LOCATIVES,
    _MALE_WORDS,
    _NAME_CONNECTORS,
    _NAME_LINKS,
    _ORG_NAME_WORDS,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _PLACES,
    _STATE_FORCE_NOUNS,
    _STATES,
    _SUBORDINATORS,
    _TITLE_HEADS,
    _TITLE_WORDS,
)


def _collect_mentions(a: _Analysis, sentence: int, first: int, end: int) -> None:
    """Names in a sentence (outside quotations), for pronouns to refer back to."""
    resume = first  # the token after the last name read: names do not overlap
    seen_first = False
    last_place = -1  # last token of the latest place named in this sentence
    body = _definite_body_subject(a, first, end)
    if body is not None:
        a.mentions.append(_Mention(body, a.starts[first], sentence, 1))
        seen_first = True
    # only a name opens a mention: the other tokens are passed over by built-ins, not a Python step each
    for i in compress(range(first, end), a.names[first:end]):
        if i < resume or a.quoted[i]:
            continue
        j = i
        while j + 1 < end and (a.names[j + 1] or (a.lowers[j + 1] in _NAME_CONNECTORS and j + 2 < end
                                                            and a.names[j + 2])) and not a.quoted[j + 1]:
            j += 1
            if j + 3 < end and not a.names[j + 1] and a.lowers[j + 1] in _NAME_LINKS and a.lowers[j + 2] == "the" \
                    and a.names[j + 3] and not a.quoted[j + 2] and _bare(a.lowers[j]) in _ORG_NAME_WORDS:
                # "the International Committee of the Red Cross": "of the" inside a body's name (after a person's,
                # "Marwan Khalil of the Lebanese University", it says where the person works)
                j += 2
        if j + 3 < end and a.words[j + 1] == "(" and a.starts[j + 1] == a.ends[j] and a.words[j + 3] == ")" \
                and a.names[j + 2]:
            j += 3  # "NSCN(IM)": a qualifier in brackets written onto the name is part of it
        forces = j + 1 < end and not a.quoted[j + 1] and not a.caps[j + 1] and a.lowers[j + 1] in _STATE_FORCE_NOUNS
        if forces:
            j += 1  # "the Colombian army": a country's forces, for "the army" to refer back to
        after = j + 1
        # "the Murray Town camp", "a Naga Hoho leader": a name describing the noun after it is no subject
        attributive = not forces and after < end and not a.quoted[after] and not a.caps[after] \
            and _bare(a.lowers[after]) in _DESCRIBED_NOUNS \
            and a.lowers[after] not in _FUNCTION_WORDS
        if attributive and a.lowers[after] in _DESCRIBED_PEOPLE \
                and not (after + 2 < end and a.words[after + 1] == "," and a.names[after + 2]):
            # "a Kokang man who returned home": the man the name describes is the person, unnamed
            j, attributive = after, False
        elif attributive and a.lowers[after] in _GROUP_ANAPHORS and not a.names[after]:
            # "the Islamic State-linked Maute group": a name with the word for its kind of body names the body,
            # which "the group" refers back to
            j, attributive = after, False
        elif attributive and _bare(a.lowers[after]) in _PEOPLE_NOUNS and i == first \
                and not (after + 1 < end and (a.lowers[after + 1] in _SPEECH or a.lowers[after + 1] in _REPORT)):
            # "Western officials remain cautious.": a group the name describes opens the sentence, for "one"
            # or "they" to refer back to (when it speaks, its frame names it already)
            j, attributive = after, False
        span = _np_before(a, j, first)
        if forces and span and span[0] < i:
            span = (i, j, j)  # the name and its forces, not the words before them
        if span and span[0] == span[1] == first and _bare(a.lowers[first]) in _HEAD_NOUNS:
            span = _with_following_pp(a, span, end)  # "Families of the hostages protested"
            j = max(j, span[1])  # the phrase may end before the name it was found from: always move on
        if span and _describes_name_before(a, span, first):
            span = None  # "UNRWA, the UN agency for Palestinian refugees, said": the description is UNRWA's
        if span:
            k = span[0] - 1
            while k > first and a.lowers[k] in ("the", "a", "an"):
                k -= 1  # "At the Murray Town camp": the preposition before the article
            preceded_by_preposition = span[0] > first and a.lowers[k] in _FUNCTION_WORDS \
                and a.lowers[k] not in ("and", "but", "the", "a", "an")
            entity = _entity(a, span, a.starts[span[0]], sentence)
            if entity is not None:
                _note_short_form(a, entity, span[1])
                role, person, gender, _ = _appositive_after(a, j, end, closed=True)
                if j + 2 < end and a.words[j + 1] == "," and a.lowers[j + 2] == "which" and not entity.role:
                    entity.kind, entity.gender = "organisation", None  # people are "who", bodies "which"
                _note_evidence(entity, role, person, gender)
                _note_evidence_before(a, entity, span[0], first)
                place = _is_place(a, span, first, end, last_place, entity)
                if place:
                    last_place = span[1]
                possessive = a.lowers[span[1]].endswith(("'s", "’s"))
                if _named_after_role(a, span, j, end) or _addressed(a, span, j, end):
                    pass  # "a brigade spokesman in Tula, Major Juan Ortiz, told": the name after the role is the person
                elif entity.kind != "unknown" or person or place:
                    # "Mansour's neighbour, Abdullah Nasser, lost his boat": the possessor is not the subject
                    salience = 1 if not seen_first and not preceded_by_preposition and not possessive \
                        and not attributive else 0
                    a.mentions.append(_Mention(entity, a.starts[span[0]], sentence, salience, place))
                elif span[0] == span[1] and _opens_clause(a, span[0], first) and _acts(a, j, end, span[0] == first):
                    # "Fighting erupted": a capital opening the sentence may be a common noun, never a person
                    a.mentions.append(_Mention(entity, a.starts[span[0]], sentence, 1, bare=True,
                                               lone_name=span[0] != first))
                seen_first = seen_first or not (possessive or attributive)
        resume = j + 1
    _collect_introduced_people(a, sentence, first, end)


def _describes_name_before(a: _Analysis, span: tuple[int, int, int], first: int) -> bool:
    """A noun phrase in apposition after a body's name ("UNRWA, the UN agency for ..."): a description of that body,
    not a body of its own for "the agency" to refer back to."""
    k = span[0] - 1
    return (k - 2 >= first and a.lowers[k] in ("the", "a", "an") and a.words[k - 1] == ","
            and a.names[k - 2] and not a.names[span[2]] and _bare(a.lowers[span[2]]) in _ORG_NOUNS)


def _definite_body_subject(a: _Analysis, first: int, end: int) -> Entity | None:
    """"The ministry itself was sharper.": a body that opens the sentence by its common noun is its subject, the
    body of that kind named before, for a later "it" to refer back to."""
    head = first + 1
    if head + 1 >= end or a.lowers[first] != "the" or a.quoted[first] or a.quoted[head] or a.caps[head]:
        return None
    noun = _bare(a.lowers[head])
    if noun not in _ORG_NOUNS or a.lowers[head + 1] == "of" or a.names[head + 1] or _bare(a.lowers[head + 1]) in _HEAD_NOUNS:
        return None  # "the ministry of ...", "the army unit", "the group Hamas": not the bare body
    return _holder_of_role(a, noun, organisation=True)


def _named_after_role(a: _Analysis, span: tuple[int, int, int], j: int, end: int) -> bool:
    """An unnamed person ("a brigade spokesman in Tula") whose name follows between commas (", Major Juan
    Ortiz,"): the named mention after it is the person, and the role alone is no second one."""
    head = span[2]
    if a.names[head] or _bare(a.lowers[head]) not in _PERSON_OR_TITLE:
        return False
    while j + 1 < end and not a.caps[j + 1] and a.lowers[j + 1] in _PLACE_NOUNS:
        j += 1  # "their spokesman in the Qandil mountains, Rebaz Shirzad,": the place's own noun closes the role
    if j + 2 >= end or a.words[j + 1] != ",":
        return False
    k = j + 2
    while k < end and (a.names[k] or a.lowers[k] in _NAME_CONNECTORS) and not a.quoted[k]:
        k += 1
    return k > j + 2 and k < end and a.words[k] == ","


def _addressed(a: _Analysis, span: tuple[int, int, int], j: int, end: int) -> bool:
    """"Marta, a brigade spokesman in Tula, Major Juan Ortiz, told us": a name opening the sentence before a
    role that is named again right after it is the person spoken to, not the one the role describes."""
    if span[0] != span[1] or not a.names[span[0]] or j + 2 >= end or a.words[j + 1] != "," \
            or a.lowers[j + 2] not in ("a", "an", "the"):
        return False
    k = j + 2
    while k < end and a.words[k] != "," and not a.quoted[k] and not a.punct[k]:
        k += 1
    if k >= end or a.words[k] != "," or _bare(a.lowers[k - 1]) in _PLACE_NOUNS:
        return False
    m = k + 1
    while m < end and (a.names[m] or a.lowers[m] in _NAME_CONNECTORS) and not a.quoted[m]:
        m += 1
    return m > k + 1 and m < end and a.words[m] == ","


def _collect_introduced_people(a: _Analysis, sentence: int, first: int, end: int) -> None:
    """"Among them was a woman whose son was shot": a person the sentence introduces, unnamed, with a
    copula and a relative clause, for a later "she" to refer back to ("…," she told us)."""
    for k in range(first + 2, end - 1):
        if a.quoted[k] or a.caps[k] or a.lowers[k] not in _DESCRIBED_PEOPLE \
                or a.lowers[k - 1] not in ("a", "an") or a.lowers[k - 2] not in _INTRODUCING_COPULAS \
                or a.lowers[k + 1] not in ("who", "whose"):
            continue
        _introduce(a, k, sentence)
    # "Another trader shook her head. '…,' she said", "Outside the gate, a woman in a black burqa held up a
    # photograph", "A woman who runs a bakery, and who did not want her name used, spent the day in a cellar":
    # an unnamed person opening the clause as the subject of an act, the way a feature brings in a new voice
    # before a pronoun quotes it
    # "Hours after the prime minister met them, a spokesman for the mutineers spoke to reporters": after a clause
    # the sentence opens with, too
    fronted_clause = a.lowers[first] in _SUBORDINATORS or a.lowers[first] in _DURATIONS and first + 1 < end \
        and a.lowers[first + 1] in _SUBORDINATORS
    for opening in (first, *(k + 1 for k in range(first + 1, min(end - 2, first + 40 if fronted_clause else first + 8))
                             if a.words[k] == "," and not a.quoted[k])):
        if a.lowers[opening] in _INDEFINITES and (fronted_clause or _opens_clause(a, opening, first)):
            _introduce_acting(a, opening, sentence, end)
            break


def _introduce_acting(a: _Analysis, opening: int, sentence: int, end: int) -> None:
    """The person an indefinite at `opening` brings in, when the clause goes on to a past act (its modifiers, a
    place or a relative clause, stepped over) rather than to a copula, a passive or a verb of saying."""
    k = opening + 1
    while k < end and k - opening <= 3 and not a.quoted[k] and (not a.caps[k] or _acronym(a.words[k])) \
            and a.lowers[k] not in _PERSON_HEADS and a.lowers[k] not in _FUNCTION_WORDS:
        k += 1  # "an elderly woman", "a young shop owner", "a retired CRPF inspector"
    if k + 1 >= end or a.quoted[k] or a.caps[k] or a.lowers[k] not in _PERSON_HEADS:
        return
    if k + 2 < end and not a.caps[k + 1] and _bare(a.lowers[k + 1]) in _PERSON_HEADS and a.lowers[k + 1] != "who":
        k += 1  # "a retired inspector general": a two-word office
    verb = k + 1
    comparing = _main_verb_after(a, k, end) if a.lowers[k + 1] in ("who", "whose") else verb
    if comparing is not None and a.lowers[comparing] in _INTRODUCING_COPULAS and comparing + 1 < end \
            and _COMPARING.fullmatch(a.lowers[comparing + 1]):
        # "A retired inspector general who once commanded there was blunter.": a new voice, set against the last
        _introduce(a, k, sentence, first=opening + 1, evidence_end=comparing)
        return
    if not _past_act(a.lowers[verb]):
        # past a place ("in a black burqa") or a relative clause set off or not ("who runs a bakery, and who
        # did not want her name used,"): the first past act of the clause, with no copula or quotation before it
        verb = _main_verb_after(a, k, end)
        if verb is None or a.quoted[verb] or a.lowers[verb] in _INTRODUCING_COPULAS or a.lowers[verb] in _SPEECH \
                or a.lowers[k + 1] not in _MODIFIER_OPENERS:
            return  # a verb of saying is an attribution: the frame reads its subject, with its name if it has one
        if a.lowers[k + 1] in ("for", "of") and any(a.caps[m] for m in range(k + 2, min(verb, k + 6))):
            return  # "a spokesman for the Baghdad Operations Command": the body speaks through them
    _introduce(a, k, sentence, first=opening + 1, evidence_end=verb)


# "was blunter", "was more cautious", "was less sure": a copula that sets a new voice against the one before
_COMPARING = pattern_cache.compile(r"more|less|blunter|franker|harsher|gloomier|sharper|angrier|plainer|warier|firmer|calmer")


def _acronym(word: str) -> bool:
    """ "CRPF", "UN": a body's short form, read as a modifier of the person noun after it."""
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _main_verb_after(a: _Analysis, k: int, end: int) -> int | None:
    """The first verb of the clause whose subject's noun stands at k, past its relative clauses: "a woman who hid
    beneath the bodies went back" (the act after the relative's own verb), "a woman who runs a bakery, and who did
    not want her name used, spent the day" (after the comma that closes them); a quotation stops the search."""
    in_relative = a.lowers[k + 1] in ("who", "whose")
    relative_verb_seen = False
    for m in range(k + 2, min(end, k + 25)):
        low = a.lowers[m]
        if a.quoted[m]:
            return m
        if low in ("who", "whose"):
            in_relative, relative_verb_seen = True, False
            continue
        if a.words[m] == ",":
            in_relative = False
            continue
        if not (low in _INTRODUCING_COPULAS or low in _SPEECH or _past_act(low)):
            continue
        if in_relative and not relative_verb_seen:
            relative_verb_seen = True  # the relative clause's own verb
            continue
        if a.words[k + 1] == "," and a.words[m - 1] != ",":
            continue  # ", a mother of three, wept": only after the aside closes
        return m
    return None


_PERSON_HEADS = _PERSON_NOUNS | _TITLE_HEADS  # "a woman", "a spokesman"
_DURATIONS = frozenset({"minutes", "hours", "days", "weeks", "moments", "shortly", "soon", "months", "years"})
# what may follow an unnamed person's noun before the verb of its clause: a place, a relative clause, an aside
_RELATIVE_OPENERS = frozenset({"who", "whose", ","})
_MODIFIER_OPENERS = _RELATIVE_OPENERS | frozenset({"in", "near", "at", "from", "outside", "inside", "off", "on",
                                                   "with", "by", "behind", "for", "of"})


def _introduce(a: _Analysis, k: int, sentence: int, first: int | None = None, evidence_end: int | None = None) -> None:
    """The unnamed person whose noun stands at token k (its phrase opening at `first`), as a mention a later
    pronoun may mean; "her" or "his" up to `evidence_end` tells the gender the noun does not."""
    first = k if first is None else first
    entity = _entity(a, (first, k, k), a.starts[k], sentence)
    if entity is None or entity.kind == "organisation":
        return
    gender = _gender_of_words({a.lowers[k]})
    if gender is None and evidence_end is not None:
        gender = _gender_in(a, k + 1, evidence_end)
    _note_evidence(entity, "", True, gender)
    a.mentions.append(_Mention(entity, a.starts[k], sentence, 0))



def _past_act(low: str) -> bool:
    """A verb of acting in the past, not of being or saying: "shook", "waited", "pointed"."""
    return low in _PAST_ACTS or (low.isalpha() and low.endswith("ed") and low not in _NOT_ACTING)


_INDEFINITES = frozenset({"a", "an", "another"})
_PAST_ACTS = frozenset({"shook", "nodded", "wept", "sat", "stood", "held", "came", "ran", "fled", "knelt", "shrugged",
                        "took", "pointed", "began", "kept", "lost", "sent", "walked", "waited", "showed", "carried",
                        "spoke", "spent", "wore", "hid", "slept", "lay", "sold", "bought", "brought", "drove", "wrote",
                        "ate", "left", "gave", "met", "led", "rode", "sang", "swept", "dug", "threw", "went", "got", "made", "found",
                        "heard", "returned"})


_INTRODUCING_COPULAS = frozenset({"was", "is", "were", "are"})
_GENDERED_WORDS = _FEMALE_WORDS | _MALE_WORDS
# the nouns a name may describe ("the Murray Town camp", "a Naga Hoho leader"), built once, not per name
_DESCRIBED_NOUNS = _HEAD_NOUNS | _PLACE_NOUNS | _GENDERED_WORDS | _INSTITUTION_NOUNS  # "the Carlos Monge Medrano hospital"
_DESCRIBED_PEOPLE = frozenset(_GENDER["described_people"])


def _opens_clause(a: _Analysis, k: int, first: int) -> bool:
    """At the start of the sentence, or right after a fronted phrase: "Outside the clinic, Yonas ..."."""
    if k == first:
        return True
    return k - 1 > first and a.words[k - 1] == "," and not any(a.caps[m] or a.quoted[m] or a.punct[m]
                                                              for m in range(first + 1, k - 1))


def _acts(a: _Analysis, j: int, end: int, sentence_first: bool) -> bool:
    """"Chevron halted production", "Outside the clinic, Yonas waited": a lone name opening its clause
    with an active verb after it (not "was", "said" or a bare noun), the way a body is introduced before
    "it said", or a person known by one name before "he said"."""
    k = j + 1
    if k >= end or a.caps[k] or a.quoted[k] or (sentence_first and a.lowers[j].endswith(("s", "ing"))
                                                 and a.words[j][1:].islower()):
        return False  # "Bandits attacked": a plural common noun opening the sentence ("TotalEnergies" is a name)
    if sentence_first and a.lowers[j] in a.written_lowercase:
        return False  # "Gunfire echoed ..." where "gunfire" is written lowercase elsewhere: a common noun
    low = a.lowers[k]
    return low in _IRREGULAR_ACTS or low.isalpha() and low.endswith("ed") and low not in _NOT_ACTING


_IRREGULAR_ACTS = frozenset({"cut", "shut", "put", "set", "sent", "kept", "took", "made", "began", "sold", "built",
                             "paid", "quit", "withdrew", "froze", "halted", "spent", "told"})


_NOT_ACTING = frozenset({"was", "were", "is", "has", "had", "says", "said", "remains", "remained", "seemed",
                         "seems", "appeared", "appears", "became", "lies", "lay", "sits", "stands", "looked",
                         "suffered", "faced", "faces", "experienced", "endured", "witnessed", "saw", "sees"})


# the last word of a name that makes it a place ("Bushrod Island", "Swat Valley"); not "Centre" or "Center", which end
# the names of bodies that speak ("the Carter Center said")
_PLACE_NAME_ENDINGS = frozenset({"island", "islands", "province", "district", "county", "valley", "river", "bridge",
                                 "street", "square", "road", "avenue", "peninsula", "strait", "mountains", "hills"})


def _is_place(a: _Analysis, span: tuple[int, int, int], first: int, end: int, last_place: int,
              entity: Entity) -> bool:
    """A name used as a place: after "in"/"between"/"north of", listed after such a place, a known
    place name, or an all-capital dateline ("KHARTOUM, Sudan —")."""
    start, stop = span[0], span[1]
    if start <= last_place:
        return True  # "Lusaka and Cape Town" joined after "Lusaka" was a place
    k = start - 1
    if k >= first and (a.lowers[k] in _LOCATIVES
                       or a.lowers[k] == "of" and k - 1 >= first and a.lowers[k - 1] in _PLACE_NOUNS):
        return True
    while k >= first and (a.words[k] == "," or a.lowers[k] in ("and", "or")):
        k -= 1
    if k < start - 1 and k == last_place and not entity.role and _in_list(a, k + 1, start, stop, end):
        return True  # "between Harare, Lusaka and Cape Town"
    if k == last_place and k == first and a.words[k].isupper() and stop + 1 < end \
            and a.words[stop + 1] in (":", "—", "–", "-", "("):
        return True  # the country of a dateline: "BAMAKO, Mali:"
    if entity.name.lower() in _PLACES and entity.name.lower() not in _STATES and not entity.role:
        return True  # a known town or region; a country may still speak as "it"
    if a.caps[stop] and a.lowers[stop] in _PLACE_NAME_ENDINGS and stop > start:
        return True  # "a patrol on Bushrod Island", "Helmand Province": the name's last word says it is a place
    after = stop + 1
    return start == first and all(a.words[m].isupper() for m in range(start, stop + 1)) \
        and after < end and a.words[after] in (",", ":", "—", "–", "-")


def _in_list(a: _Analysis, gap_first: int, start: int, stop: int, end: int) -> bool:
    """Whether the name at start..stop continues a list: "and" before it, or "and" / ", Name" after it
    ("in Geneva, Tawanda Moyo, who ..." is a place then a person, not a list)."""
    if any(a.lowers[m] in ("and", "or") for m in range(gap_first, stop)):
        return True
    after = stop + 1
    if after < end and a.lowers[after] in ("and", "or"):
        return True
    return after + 1 < end and a.words[after] == "," and a.names[after + 1] \
        and not a.lowers[after + 1].endswith("'s")


def _note_evidence_before(a: _Analysis, entity: Entity, i: int, first: int) -> None:
    """"Her son, Viktor," / "her son Viktor": a kinship or role word right before a bare name."""
    k = i - 1
    if k >= first and a.words[k] == ",":
        k -= 1
    if k < first or entity.kind == "organisation":
        return
    word = _bare(a.lowers[k])
    if word in _FEMALE_WORDS or word in _MALE_WORDS or word in _PERSON_NOUNS or word in _TITLE_WORDS:
        _note_evidence(entity, a.words[k] if word not in _TITLE_WORDS else "", True, _gender_of_words({word}))


_HONORIFICS = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.", "professor"})


def _note_evidence(entity: Entity, role: str, person: bool, gender: str | None) -> None:
    if person and entity.kind == "unknown":
        entity.kind = "person"
    head = _bare(role.split()[-1].lower()) if role else ""
    if not person and entity.kind == "unknown" and head in _ORG_NOUNS and head not in _PERSON_NOUNS:
        entity.kind = "organisation"  # "B'Tselem, the Israeli rights group": described as a body, so one
    if role and entity.kind == "person" and (not entity.role or entity.role.lower() in _HONORIFICS
                                             and role.lower() not in _HONORIFICS):
        # "Dr Nabil Hakimi, director of the city hospital,": the office, after an honorific that names none
        entity.role = f"{entity.role}, {role}" if entity.role else role
    elif role and not entity.described and entity.kind == "organisation" and head in _ORG_NOUNS:
        entity.described = role  # "Caritas, the Catholic charity,": what "the charity" will mean
    if gender and entity.gender is None and entity.kind == "person":
        entity.gender = gender
