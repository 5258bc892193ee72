"""Back-references: pronouns, "the ministry", "the spokeswoman", "the statement", and the gender they need.

A pronoun resolves to the latest earlier mention that fits its person, gender
and number (most salient first within a sentence); a definite common noun
resolves to the latest entity whose name or role holds it. Gender comes from
gendered words, given names and surname endings (all in lexicons), or from a
lone "she"/"his" in a sentence with one person.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicons, pattern_cache
from ..source_lines import SourceLines
from ..text import is_byline, is_heading
from .model import _Analysis, Entity, _Mention
from .tokens import _bare
from .vocabulary import (
    is_outlet,
    _NUMBER_WORDS,
    _PLACES,
    _ABBREVIATED_TITLES,
    _COUNTRIES,
    _DISTINCT_QUALIFIERS,
    _NATIONALITY_ENDINGS,
    _SAME_ROLE,
    _SPEAKING_DOCUMENTS,
    _STATE_FORCE_NOUNS,
    _STATE_FORCE_WORDS,
    _TITLE_WORDS,
    _FEMALE_ENDINGS,
    _FEMALE_GIVEN,
    _FEMALE_WORDS,
    _MALE_ENDINGS,
    _MALE_GIVEN,
    _MALE_WORDS,
    _PRONOUNS,
    _WORDS,
)


def _gender_of_words(words) -> str | None:
    if words & _FEMALE_WORDS:
        return "female"
    if words & _MALE_WORDS:
        return "male"
    return None


def _gender_in(a: _Analysis, first: int, end: int) -> str | None:
    words = set(a.lowers[first:end])
    if words & {"she", "her", "herself"} and not words & {"he", "his", "him", "himself"}:
        return "female"
    if words & {"he", "his", "him", "himself"} and not words & {"she", "her", "herself"}:
        return "male"
    return None


def _gender_of_name(words: list[str]) -> str | None:
    if not words:
        return None
    given, surname = words[0], _bare(words[-1])
    if given in _FEMALE_GIVEN:
        return "female"
    if given in _MALE_GIVEN:
        return "male"
    if len(words) >= 2:
        if surname.endswith(_FEMALE_ENDINGS):
            return "female"
        if surname.endswith(_MALE_ENDINGS):
            return "male"
    return None


def _learn_gender(a: _Analysis, mentions: list[_Mention], first: int, end: int) -> None:
    """With one person in a sentence, a lone "she"/"his" there tells that person's gender."""
    people = {id(m.entity): m.entity for m in mentions if m.entity.kind == "person"}
    if len(people) != 1:
        return
    entity = next(iter(people.values()))
    if entity.gender is None:
        # "Her neighbour, Jorge Paz, lost two sons": a pronoun before the name points to someone else
        named_at = min(m.position for m in mentions if m.entity is entity)
        unquoted = [k for k in range(first, end) if not a.quoted[k] and a.starts[k] > named_at]
        entity.gender = _gender_in(a, unquoted[0], unquoted[-1] + 1) if unquoted else None
        if entity.gender:
            words = {a.lowers[k] for k in unquoted}
            if not words & {"she", "her", "herself", "he", "his", "him", "himself"}:
                entity.gender = None


def _resolve_pronoun(a: _Analysis, pronoun: str, position: int, sentence: int) -> Entity | None:
    return _resolve(a, _PRONOUNS[pronoun], position, sentence)


_ANY_PERSON = {"kind": "person", "gender": None, "number": "singular"}


def _resolve(a: _Analysis, wanted: dict, position: int, sentence: int) -> Entity | None:
    """The latest earlier mention that fits `wanted`, most salient first within a sentence."""
    best: dict[int, list[_Mention]] = {}
    for mention in reversed(a.mentions):
        if mention.position >= position or mention.place:
            continue
        if mention.bare and wanted["kind"] != "organisation" and not (
                mention.lone_name and wanted["kind"] == "person" and wanted["number"] == "singular"
                and _close_by(a, mention.position, position)):
            continue  # a lone name that acted ("Outside, Yonas waited ...") is "he" or "she" only close by
        if sentence - mention.sentence > 8:
            break
        if mention.sentence == sentence and wanted["number"] == "plural" and _counted(a, mention.position):
            continue  # "Two Pakistani soldiers were also hurt, they said": a group counted in the report is its news
        best.setdefault(mention.sentence, []).append(mention)
    for s in sorted(best, reverse=True):
        # within a sentence, a person known to be of the pronoun's gender before one whose gender is unknown
        # ("Our correspondent spoke to Umm Khaled, ... she said"), then the subject, then the nearest
        # (not one inside a relative clause on another: "Gianfranco Moretti, whose brother Paolo was among the dead,
        # has attended every session. '...,' he said" is Moretti)
        agrees = (lambda m: 0 if m.entity.gender == wanted["gender"] and not _in_relative_clause(a, m) else 1) \
            if wanted["gender"] else (lambda m: 0)
        # among speakers of the sentence (salience 2) the latest clause's is nearest: "Asmara has denied it, and
        # the ministry accused Djibouti of a quarrel it described as ..." is the ministry
        for mention in sorted(best[s], key=lambda m: (agrees(m), -m.salience,
                                                      m.position if m.salience == 1 else -m.position)):
            if _fits(mention.entity, wanted):
                entity = mention.entity
                if wanted["gender"] and entity.gender is None and entity.kind in ("person", "unknown"):
                    entity.gender = wanted["gender"]
                    entity.kind = "person"
                return entity
    return None


def _in_relative_clause(a: _Analysis, mention: _Mention) -> bool:
    """Whether the mention stands in a possessive relative clause set off by a comma: ", whose brother Paolo" (a
    kinsman of the subject; "whom it identified as Amir Khamzat" names the subject himself)."""
    return bool(_RELATIVE_OPENING.search(a.document.text, max(0, mention.position - 60), mention.position))


_RELATIVE_OPENING = pattern_cache.compile(r",\s+whose\b[^,.;:\"“”]*$")


def _counted(a: _Analysis, position: int) -> bool:
    """Whether the mention starting at this character opens with a number, or has one right before it: "Two
    Pakistani soldiers"."""
    k = bisect_left(a.starts, position)
    return any(0 <= j < len(a.lowers) and not a.punct[j]
               and (a.lowers[j].replace(",", "").isdigit() or a.lowers[j] in _NUMBER_WORDS) for j in (k - 1, k))


def _close_by(a: _Analysis, earlier: int, later: int) -> bool:
    paragraphs = a.document.paragraphs
    lo, hi = 0, len(paragraphs)
    while lo < hi:  # the paragraph of `later`
        mid = (lo + hi) // 2
        if paragraphs[mid].start <= later:
            lo = mid + 1
        else:
            hi = mid
    previous = paragraphs[lo - 2].start if lo >= 2 else 0
    return earlier >= previous


def _fits(entity: Entity, wanted: dict) -> bool:
    if wanted["number"] == "plural":
        return entity.plural
    if entity.plural:
        return False
    if wanted["kind"] == "person":
        if entity.kind == "organisation":
            return False
        return wanted["gender"] is None or entity.gender in (None, wanted["gender"])
    if wanted["kind"] == "organisation":
        return entity.kind == "organisation" or (entity.kind == "unknown" and entity.gender is None)
    return True


def _holder_of_role(a: _Analysis, noun: str, organisation: bool,
                    qualifiers: frozenset[str] = frozenset(), before: int | None = None) -> Entity | None:
    """The latest entity whose name or role holds `noun`: "the ministry" after "the Ministry of Health";
    for a person, the latest whose title is that role: "the minister" after "Foreign Minister X" (not
    after "Prime Minister Y"), "the spokeswoman" after "a spokesperson, Dana Kell", "the governor" after
    "Gov. X"; with `qualifiers`, the title holds them too ("the foreign minister"). With `before`, only one
    mentioned before that position: "the spokesman" is never a spokesman the story names only later."""
    later = _first_mentioned_after(a, before) if before is not None else set()
    for candidate in reversed(list(a.entities.values())):
        if id(candidate) in later:
            continue
        if organisation and (candidate.kind != "organisation" or candidate.name == noun):
            continue
        if candidate.plural or _is_document(candidate):
            continue
        if organisation and noun in _STATE_FORCE_NOUNS:
            if _is_state_force(candidate.name) and set(_WORDS.findall(candidate.name.lower())) & _FORCE_HEADS:
                return candidate  # "the military" after "the Sudanese Armed Forces (SAF)"
            continue  # "the army said" is not the National Liberation Army
        if not organisation and candidate.kind != "organisation" and candidate.role:
            # ("Professor, the pathologist who examined the bodies": each title the name was given counts)
            if any(_holds_title(title, noun) and qualifiers <= set(title.lower().split())
                   for title in {candidate.role, *candidate.role.split(",")}):
                return candidate
            continue
        words = set(_WORDS.findall((candidate.role + " " + candidate.name).lower()))
        if noun in words:
            return _named_holder(a, candidate) if not organisation else candidate
    return None


def _first_mentioned_after(a: _Analysis, position: int) -> set[int]:
    """The entities (by identity) whose first mention comes at or after `position`."""
    return {key for key, at in _first_mentions(a).items() if at >= position}


def _first_mentions(a: _Analysis) -> dict[int, int]:
    """Where each entity (by identity) is first mentioned."""
    first: dict[int, int] = {}
    for mention in a.mentions:
        key = id(mention.entity)
        if key not in first or mention.position < first[key]:
            first[key] = mention.position
    return first


def _named_holder(a: _Analysis, described: Entity) -> Entity:
    """The named person whose appositive an unnamed role is: "Dr Nabil Hakimi, director of the city hospital,"
    makes "director of the city hospital" Hakimi."""
    if described.kind == "organisation" or described.role:
        return described
    for candidate in a.entities.values():
        if candidate is not described and candidate.kind == "person" and described.name in candidate.role:
            return candidate
    return described


def _is_document(entity: Entity) -> bool:
    """"the group's video message", "the army's statement": a text a body issued is not the body a later "the
    group" or "the army" means."""
    return _bare(entity.name.split()[-1].lower()) in _SPEAKING_DOCUMENTS if entity.name else False


def _is_state_force(name: str) -> bool:
    """"Colombian army", "Sudanese Armed Forces", "Myanmar military": only a country and force words."""
    words = [w for w in _WORDS.findall(name.lower()) if w != "the"]
    return bool(words) and all(w in _STATE_FORCE_WORDS or _is_country_word(w) for w in words)


def _is_country_word(word: str) -> bool:
    """A country or its adjective: "sudan", "sudanese", "pakistani", "colombian"."""
    if word in _COUNTRIES:
        return True
    return word.endswith(_NATIONALITY_ENDINGS) and len(word) > 4 and word[:4] in _COUNTRY_STEMS


_FORCE_HEADS = frozenset({"army", "military", "forces"})
_COUNTRY_STEMS = frozenset(c[:4] for c in _COUNTRIES if len(c) >= 4 and " " not in c)


def _holds_title(role: str, noun: str) -> bool:
    """Whether a title ("Foreign Minister", "Minister of Health", "ministry spokesperson") is the role `noun`
    names: its head word is that noun or a synonym, and no qualifier makes it another office."""
    words = role.lower().replace("-", " ").split()
    if "of" in words:
        words = words[:words.index("of")]  # "Minister of Health": the head comes before "of"
    if "for" in words:
        words = words[:words.index("for")]
    # "Military spokesman Lt. Col.": a rank written after the office leaves the office the head
    # ("army spokesman, Colonel": the rank the name carried, after the office written before it)
    while len(words) > 1 and (words[-1].endswith(".") or words[-1].rstrip(",") in _TITLE_WORDS) \
            and not _heads(words[-1], noun) \
            and any(_heads(w, noun) for w in words[:-1]):
        words = words[:-1]
    if not words or not _heads(words[-1], noun):
        return False
    return not any(w in _DISTINCT_QUALIFIERS for w in words[:-1])


def _heads(word: str, noun: str) -> bool:
    """Whether a title's word is the role `noun` names, or a synonym of it ("Gov." is the governor)."""
    head = word.rstrip(".,")
    head = _ABBREVIATED_TITLES.get(head, head)
    return head == noun or head in _SAME_ROLE.get(noun, ())


def _issuer_of_statement(a: _Analysis, position: int, sentence: int) -> Entity | None:
    """Who, in the last few sentences, spoke "in a statement" or "issued a statement", else the latest body
    that spoke in the same paragraph ("The group said its aim was ... , the communiqué said"). (The subject
    of a sentence naming the same text comes first: names._issuer_by_noun.)"""
    text = a.document.text
    for attribution in reversed(a.attributions):
        if attribution.start >= position or attribution.entity is None:
            continue
        if sentence - attribution.sentence > 3 or _item_opened_between(a, attribution.start, position):
            break
        sentence_span = a.document.sentences[attribution.sentence]
        # "In a statement read on radio, the group's spokeswoman said ...": the statement may come first;
        # "The Political Bureau has announced that ... The statement said": a body's announcement is its statement
        if _STATEMENT_MENTION.search(text, sentence_span.start, sentence_span.end) or (
                a.lowers[attribution.verb] in _ANNOUNCING and attribution.entity.kind == "organisation"):
            return attribution.entity
    return _body_that_just_spoke(a, position, sentence)


def _body_that_just_spoke(a: _Analysis, position: int, sentence: int) -> Entity | None:
    """The latest single body that spoke before `position` in the same paragraph: the issuer a statement with no
    author of its own speaks for ("The Foreign Office said it regretted the delay. '...,' a statement said")."""
    paragraph = a.document.sentences[sentence].paragraph
    for attribution in reversed(a.attributions):
        if attribution.start >= position or attribution.entity is None:
            continue
        if a.document.sentences[attribution.sentence].paragraph != paragraph \
                or _item_opened_between(a, attribution.start, position):
            break
        if attribution.entity.kind == "organisation" and not attribution.entity.plural:
            return attribution.entity
    return None


def _item_opened_between(a: _Analysis, earlier: int, position: int) -> bool:
    """Whether a monitored item's source line stands between `earlier` and `position`: the item speaks for the
    outlet it names, not for a body that spoke over it (the digest's own heading "Radio recalls the agreement")."""
    if a.items is None:
        a.items = SourceLines(a.document.text, a.document.published)
    return bool(a.items.spans) and a.items.opened_between(earlier, position)


_ANNOUNCING = frozenset({"announced", "announces", "declared", "declares", "proclaimed", "proclaims"})
_STATEMENT_MENTION = pattern_cache.compile(r"\b(?:statement|communiqu[eé]|declaration|bulletin)\b", re.IGNORECASE)


def _body_described_as(a: _Analysis, sentence: int, head: str) -> Entity | None:
    """The latest body of the last few sentences whose own description ends in this noun: "the charity" after
    "Caritas, the Catholic charity, says", though another body spoke since."""
    for mention in reversed(a.mentions):
        if sentence - mention.sentence > 4:
            break
        entity = mention.entity
        if entity.kind == "organisation" and not mention.place and entity.described \
                and entity.described.lower().split()[-1] == head:
            return entity
    return None


def _latest_named_body(a: _Analysis, sentence: int, company: bool = False,
                       qualifiers: tuple[str, ...] = (), head: str = "", before: int | None = None) -> Entity | None:
    """The latest organisation named with capitals in the last few sentences, countries apart; for
    `company` ("the firm said"), also a lone name that acted ("Chevron halted production"). Words that
    qualify the noun must fit the name: "the rights group" is Human Rights Watch, "the civil protection
    agency" is not a newspaper named before it."""
    telling = [q for q in qualifiers if q not in _GENERIC_BODY_QUALIFIERS]
    if head:
        described = _body_described_as(a, sentence, head)
        if described is not None:
            return described
    if head == "agency" and set(telling) <= {"news", "state", "official"}:
        # "IRNA quoted the ICRC as saying ... The agency said": a news agency named before is the agency meant
        outlet = next((m.entity for m in reversed(a.mentions) if sentence - m.sentence <= 4 and not m.place
                       and is_outlet(m.entity)), None)
        if outlet is not None:
            return outlet
    for mention in reversed(a.mentions):
        if sentence - mention.sentence > 4:
            break
        if before is not None and mention.position >= before:
            continue  # "The front accused the Angolan Armed Forces": a body named after the reference is not it
        entity = mention.entity
        if mention.place or entity.plural and not _named_body(entity):
            continue  # a dateline or "in Cebu": the place is no body that speaks; "Workers" are no body
        if entity.name.lower() in _CLOCK_ZONES:
            continue  # "from 1800 GMT": a clock's zone is no body
        paragraph = a.document.sentences[mention.sentence].paragraph
        if is_heading(a.document, paragraph) and (mention.bare or entity.kind == "unknown"
                                                  or is_byline(a.document, paragraph)):
            continue  # "By JOHN DOE / Ledger Staff Writer": the reporter's credit names no body that speaks; nor
            # does a capital a headline gives every word ("Search called off")
        if _is_document(entity):
            continue
        if telling and not _names_fit(entity.name, telling):
            continue
        if entity.kind == "organisation" and (entity.name[:1].isupper() or entity.short) \
                and entity.name.lower() not in _COUNTRIES and entity.name.lower() not in _PLACES:
            return entity  # ("Bamako announced ...": a capital standing for its government is no group)
        if (company or sentence - mention.sentence <= 1 and _spoke_in(a, entity, mention.sentence)) \
                and (mention.bare or mention.salience == 2) and entity.kind == "unknown" and entity.gender is None \
                and entity.name.lower() not in _COUNTRIES and entity.name.lower() not in _PLACES:
            # "the company said" after "Chevron halted production"; "the group said" right after "Hizbollah
            # said in a statement": a lone name that just spoke, with no "he" or "she", is the body meant
            entity.kind = "organisation"
            return entity
    return None


def _latest_named_bodies(a: _Analysis, sentence: int, count: int) -> Entity | None:
    """The last `count` different bodies named with capitals in the last few sentences, as one speaker ("MONUSCO
    and the UN Joint Human Rights Office"), latest last; None when fewer were named."""
    found: list[Entity] = []
    for mention in reversed(a.mentions):
        if sentence - mention.sentence > 3 or sum(map(_bodies_in, found)) >= count:
            break
        entity = mention.entity
        if mention.place or _is_document(entity) or entity.kind != "organisation" or not entity.name[:1].isupper() \
                or entity.name.lower() in _COUNTRIES or entity.name.lower() in _PLACES \
                or entity.name.lower() in _CLOCK_ZONES \
                or any(entity.name in e.name or e.name in entity.name for e in found):
            continue  # ("MONUSCO" after "the UN mission MONUSCO": one body)
        found.append(entity)
    if sum(map(_bodies_in, found)) != count:
        return None
    if len(found) == 1:
        return found[0]
    return Entity(name=" and ".join(e.name for e in reversed(found)), role="", kind="organisation", plural=True)


def _bodies_in(entity: Entity) -> int:
    """How many bodies a name joins: two for "MONUSCO and the UN Joint Human Rights Office", one for "Doctors
    Without Borders" or "Committee for Peace and Justice" (whose words after "and" do not open a name)."""
    parts = re.split(r"\s+and\s+(?:the\s+)?", entity.name)
    return len(parts) if len(parts) > 1 and all(part[:1].isupper() and (len(part.split()) > 1 or part.isupper())
                                                for part in parts) else 1


def _fuller_group_before(a: _Analysis, head: str, sentence: int) -> Entity | None:
    """The people a bare definite plural points back to, named with more words in the last few sentences: "the
    sources" after "Lebanese police sources", "the witnesses" after "two witnesses in Ocosingo"."""
    for mention in reversed(a.mentions):
        if sentence - mention.sentence > 3:
            break
        words = mention.entity.name.lower().split()
        if mention.sentence <= sentence and mention.entity.plural and len(words) > 1 and words[-1] == head:
            return mention.entity
    return None


def _named_body(entity: Entity) -> bool:
    """ "the Rapid Support Forces (RSF)", "the Syrian Democratic Forces": a plural name that is one body's, known
    by its short form or written in capitals word by word (not "Health workers in Mekelle")."""
    words = [word for word in entity.name.split() if word not in ("of", "the", "and", "for")]
    return entity.kind == "organisation" and (bool(entity.short) or len(words) >= 2
                                              and all(word[:1].isupper() for word in words))


def _spoke_in(a: _Analysis, entity: Entity, sentence: int) -> bool:
    """The entity is the subject of a verb of lexicons/speaker_statement_verbs.txt in the sentence."""
    return any(x.entity is entity and a.lowers[x.verb] in _STATEMENT_VERBS for x in a.by_sentence.get(sentence, ()))


_STATEMENT_VERBS = frozenset(lexicons.words("speaker_statement_verbs"))


def _names_fit(name: str, qualifiers: list[str]) -> bool:
    """Every telling qualifier shares its stem with a word of the name ("rights" / "Human Rights Watch")."""
    stems = {w[:5] for w in _WORDS.findall(name.lower())}
    return all(q[:5] in stems for q in qualifiers)


_GENERIC_BODY_QUALIFIERS = frozenset(lexicons.table("speaker_role_references")["generic_body_qualifiers"])
_COMPANY_NOUNS = frozenset(lexicons.words("speaker_company_nouns"))
_CLOCK_ZONES = frozenset(k for k in lexicons.table("zone_names") if not k.startswith("_"))
_GROUP_ANAPHORS = frozenset(lexicons.words("speaker_body_anaphors")) | _COMPANY_NOUNS


def _name_office_holders(a: _Analysis) -> None:
    """"the security minister said" in the lead, "Security Minister Rosa Vidal" below: when the article
    names exactly one holder of that office, the unnamed mention is that person (earlier or later)."""
    holders = [e for e in a.entities.values() if e.kind == "person" and e.role and not e.plural
               and any(w[:1].isupper() for w in e.name.split())]
    if not holders:
        return
    for x in a.attributions:
        entity = x.entity
        if entity is None or entity.role or entity.plural or entity.kind != "person" or entity in holders:
            continue
        text = a.document.text
        definite = _DEFINITE_OFFICE.match(text, x.subject_start) \
            or _THE_BEFORE.search(text, max(0, x.subject_start - 6), x.subject_start)
        if x.subject_start == x.subject_end or not definite:
            continue
        words = entity.name.lower().replace("’", "'").split()
        if words and words[0].endswith("'s"):
            words = words[1:]  # "Mexico's / the country's security minister": the owner is no qualifier of the title
        if not words or any(w[:1].isupper() for w in entity.name.split()[-len(words):]):
            continue
        noun = next((n for n in (" ".join(words[-2:]), words[-1]) if n in _SINGLE_OFFICES), None)
        if noun is None:
            continue
        qualifiers = frozenset(words[:-len(noun.split())])
        matching = [h for h in holders if _holds_title(h.role, noun.split()[-1])
                    and qualifiers <= set(h.role.lower().split())]
        if len({h.name for h in matching}) == 1:
            holder = matching[0]
            entity.name, entity.role, entity.gender = holder.name, holder.role, entity.gender or holder.gender


def _name_described_people(a: _Analysis) -> None:
    """"Bhagaban Swain keeps the rope. ... 'The water was warm,' the 54-year-old farmer says": a feature names a
    person once, then by age and trade; "the block development officer, Niranjan Mohapatra, keeps the lists ... the
    official says": an office holder named once is "the official". A definite description of either kind that the
    article never brought in with "a" or "an" is the person named just before it (the latest named as a subject,
    not after a preposition), and every mention of it follows."""
    text = a.document.text
    first_at: dict[int, int] | None = None  # read only when a description qualifies: most articles have none
    for x in a.attributions:
        entity = x.entity
        if entity is None or entity.kind != "person" or entity.role or entity.plural \
                or any(w[:1].isupper() for w in entity.name.split()):
            continue
        definite = _THE_DESCRIPTION.search(text, max(0, x.subject_start - 30), x.subject_start)
        if definite is None:
            continue
        aged = bool(_AGED.search(text, definite.start(), x.subject_end))
        official = entity.name.lower().split()[-1] in _OFFICIAL_NOUNS
        if not (aged or official):
            named = _introduced_by_name(a, entity.name.lower().split()[-1], x.subject_start)
            if named is not None:
                entity.name, entity.role, entity.gender = named.name, named.role, entity.gender or named.gender
                x.resolved = (f"'the {text[x.subject_start:x.subject_end]}' is {named.name}, brought in before "
                              f"as the one so described and named")
            continue
        if first_at is None:
            first_at = _first_mentions(a)
        said_at = [y.subject_start for y in a.attributions if y.entity is entity]
        start = min(first_at.get(id(entity), x.subject_start), *said_at)
        if any(_INDEFINITE_BEFORE.search(text, max(0, at - 40), at) for at in (start, *said_at)):
            continue  # "a local official said ... the official added": brought in as someone new
        candidates = [m for m in a.mentions if start - _DESCRIBED_REACH <= m.position < start and m.salience
                      and m.entity is not entity and m.entity.kind == "person" and not m.entity.plural
                      and any(w[:1].isupper() for w in m.entity.name.split())
                      and (aged and not official or official and (
                          m.entity.role or _OFFICE_BEFORE.search(text, max(0, m.position - 40), m.position)))
                      and m.entity.gender in (None, entity.gender or m.entity.gender)]
        if not candidates:
            continue
        holder = max(candidates, key=lambda m: m.position).entity
        described = text[definite.start():x.subject_end]
        entity.name, entity.role, entity.gender = holder.name, holder.role, entity.gender or holder.gender
        x.resolved = x.resolved or (f"{described!r} is {holder.name}, named just before: a description the article "
                                    f"never brought in as someone new")


def _introduced_by_name(a: _Analysis, noun: str, before: int) -> Entity | None:
    """The person the article brought in by this noun and a name, close before: "a teacher from Wum named Daniel
    Kum", "a nurse called Ana Ruiz" (the latest such; none when the name is not a person named in the article)."""
    if not noun.isalpha():
        return None
    pattern = re.compile(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}(?:\s+(?:from|of|in|at)\s+"
                         rf"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)?,?\s+(?:named|called)\s+"
                         rf"(?P<name>(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’-]+){{0,2}})", re.IGNORECASE)
    found = None
    for found in pattern.finditer(a.document.text, max(0, before - _DESCRIBED_REACH), before):
        pass
    if found is None:
        return None
    return next((m.entity for m in a.mentions if m.position == found.start("name") and m.entity.kind == "person"
                 and not m.entity.plural), None)


# "the 54-year-old farmer", "the official": the article and what stands between it and the noun
_THE_DESCRIPTION = pattern_cache.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}$")
_AGED = pattern_cache.compile(r"\b\d{1,3}-year-old\b")
_OFFICIAL_NOUNS = frozenset({"official", "officer"})
# "the relief officer, Grace Atim,": an office written right before the name
_OFFICE_BEFORE = pattern_cache.compile(r"\b(?:officer|official|director|administrator|commissioner|chief|head)\W+$", re.IGNORECASE)
_INDEFINITE_BEFORE = pattern_cache.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,3}$")
_DESCRIBED_REACH = 900  # characters: the person must be named close before the description
_SINGLE_OFFICES = frozenset(lexicons.words("speaker_single_offices"))
# a definite mention: "the minister", "Mexico's security minister" (never "a minister")
_DEFINITE_OFFICE = pattern_cache.compile(r"(?:[Tt]he\s|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s\s)")
_THE_BEFORE = pattern_cache.compile(r"\b[Tt]he\s+$")


def _monitored_outlet(a: _Analysis, sentence: int) -> Entity | None:
    """The outlet whose monitored item holds the sentence ("Source: Radio Myanmar, Yangon, in Burmese 1330 gmt
    24 Feb 94" above "Text of report"): the item is its words, not the digest's; None outside any item."""
    if a.items is None:
        a.items = SourceLines(a.document.text, a.document.published)
    bounds = a.document.sentences[sentence]
    if not a.items.spans or a.items.holds(bounds.start) or is_heading(a.document, bounds.paragraph):
        return None
    name = a.items.source_at(bounds.start)
    return Entity(name=name, kind="organisation") if name else None
