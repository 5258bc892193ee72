"""Who said it: attribution of quotations and statements to people and bodies.

One pass over a document (cached per document) finds every reporting verb
("said", "told", "wrote", "according to", "put ... at") and its subject: the
noun phrase before it ("Armenian Prime Minister Nikol Pashinyan said"), after it
("..., said Nina, a Yerevan resident"), an elided one ("... and urged"), or a
pronoun resolved to the latest fitting earlier person or body. Names are
canonicalised so that a surname alone ("Pashinyan said") maps to the full name
introduced earlier, and titles are split off into `Speaker.role`.

`statement_speaker(document, position)` and `quote_attributions(document)` read
that pass; the word lists it applies live in `lexicons/`.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field

from . import lexicons
from .text import Quotation, is_heading, quotations
from .types import Document, Speaker

# --- lexicons, compiled once -------------------------------------------------

_SPEECH = frozenset(lexicons.words("speech_verbs"))
_REPORT = frozenset(lexicons.words("speech_report_verbs")) - _SPEECH
_VOICE_BREAKS = frozenset(lexicons.words("speaker_voice_breaks"))
_TITLE_PHRASES = frozenset(tuple(t.lower().split()) for t in lexicons.words("titles"))
_TITLE_WORDS = frozenset(w for phrase in _TITLE_PHRASES for w in phrase) - {"of", "the", "in"}
_TITLE_HEADS = frozenset(phrase[-1] for phrase in _TITLE_PHRASES)
_TITLE_ABBREVIATIONS = tuple(lexicons.words("titles_abbreviated"))
_NOUNS = lexicons.table("speaker_nouns")
_ORG_NOUNS = frozenset(_NOUNS["organisation"])
_PEOPLE_NOUNS = frozenset(w for entry in _NOUNS["people"] for w in entry.split()[-1:])
_PERSON_NOUNS = frozenset(_NOUNS["person"])
_DOCUMENT_NOUNS = frozenset(w for entry in _NOUNS["documents"] for w in entry.split()[-1:])
_SPEAKING_DOCUMENTS = frozenset(w for entry in _NOUNS["documents_speaking"] for w in entry.split()[-1:])
_HEAD_NOUNS = _ORG_NOUNS | _PEOPLE_NOUNS | _PERSON_NOUNS | _SPEAKING_DOCUMENTS
_ORG_NAME_WORDS = frozenset(lexicons.words("speaker_org_name_words")) | _ORG_NOUNS
_STATES = frozenset(s.lower() for s in lexicons.words("speaker_states") + lexicons.words("speaker_armed_groups"))
_COUNTRIES = _STATES - frozenset(s.lower() for s in lexicons.words("speaker_armed_groups"))
_GENDER = lexicons.table("speaker_gender")
_FEMALE_WORDS = frozenset(_GENDER["female_words"])
_MALE_WORDS = frozenset(_GENDER["male_words"])
_FEMALE_GIVEN = frozenset(_GENDER["female_given"])
_MALE_GIVEN = frozenset(_GENDER["male_given"])
_FEMALE_ENDINGS = tuple(_GENDER["female_surname_endings"])
_MALE_ENDINGS = tuple(_GENDER["male_surname_endings"])
_PRONOUNS = {k: v for k, v in lexicons.table("pronouns").items() if not k.startswith("_")}
_SUBJECT_PRONOUNS = frozenset(p for p in ("he", "she", "it", "they") if p in _PRONOUNS)
_POSSESSIVE_PRONOUNS = frozenset(p for p in ("his", "her", "its", "their") if p in _PRONOUNS)

# Grammar, not news vocabulary: words a name phrase never contains, words that
# may stand between a subject and its verb, and connectors inside names.
_FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet that this these those which who whom whose what where when while
as at by for from in into of on onto to with without within over under about after before since
until than then there here if because though although also not no never only just even still
is was were are be been being has have had do does did will would shall should can could may might must
it its he his she her they their them we our us i my me you your one ones
said says say told tell according however meanwhile moreover instead
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
january february march april june july august september october november december
earlier later last next this week month year morning evening night afternoon
several most many some both all few other others each every another such
""".split())
_BETWEEN_SUBJECT_AND_VERB = frozenset("""
also has have had would will could may might later earlier then again previously separately
reportedly repeatedly not never already only just further publicly officially initially first
now today yesterday tonight subsequently quickly immediately since once likewise too both all
""".split())
_WEEKDAY_OR_TIME = frozenset("""
monday tuesday wednesday thursday friday saturday sunday morning evening night afternoon
""".split())
_NAME_CONNECTORS = frozenset({"of", "the", "for", "de", "del", "della", "da", "do", "dos", "du", "van", "von",
                              "der", "den", "ter", "al", "el", "bin", "ibn", "bint", "la", "le", "y", "without"})
_ORG_CONNECTORS = frozenset({"of", "the", "for", "without"})
_PP_WORDS = frozenset({"in", "for", "of", "from", "at", "on"})
_MODALS = frozenset({"would", "will", "could", "can", "may", "might", "must", "should", "shall", "to"})
_NOUN_MARKERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                           "these", "those", "neither", "either", "each", "every", "no", "any", "some", "one",
                           "another", "such", "latest", "new", "official", "initial", "final"}) | _MODALS
_RELATIVES = frozenset({"who", "which", "whose", "whom", "where", "when"})
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "yet"})
_SUBORDINATORS = _CLAUSE_OPENERS | {"as", "after", "before", "because", "since", "although", "though", "if",
                                    "unless", "whereas", "so", "or", "nor", "then"}

_ABBREV_ALT = "|".join(re.escape(a) for a in sorted(_TITLE_ABBREVIATIONS, key=len, reverse=True))
_TOKEN = re.compile(
    rf"(?:{_ABBREV_ALT})(?!\w)"                  # Mr. Gen. Lt.
    r"|\d+-[A-Za-z][\w-]*"                      # 45-year-old, 36-hour
    r"|\d[\d,.]*\d|\d"                          # numbers with separators
    r"|(?:[A-Za-z]\.){2,}"                      # U.S. a.m.
    r"|[A-Z]\.(?=\s+[A-Z])"                     # an initial: George W. Harlan
    r"|\w+(?:[-'’.]\w+)*"                       # words, hyphenated or with apostrophes
    r"|[^\w\s]"                                 # one punctuation mark
)
_CAPITAL_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|an|bin|ibn|abu|abd|de|di|da|van|von|d|o|mc|mac)[-'][A-Z]")
_QUOTE_MARKS = frozenset("“”\"«»„")
_CACHE_SIZE = 16


# --- the values this module works with ---------------------------------------

@dataclass(eq=False, slots=True)
class Entity:
    """A person or body the article names, shared by all its mentions."""

    name: str
    role: str = ""
    kind: str = "person"          # person, organisation or unknown (a bare single name)
    gender: str | None = None     # male, female or None
    plural: bool = False

    def speaker(self) -> Speaker:
        kind = "person" if self.kind == "person" or (self.kind == "unknown" and self.gender) else "organisation"
        return Speaker(name=self.name, role=self.role, kind=kind)


@dataclass(slots=True)
class Attribution:
    """A reporting verb and who it attributes words to."""

    verb: int                      # token index of the verb ("said"; "according" for "according to")
    start: int                     # char span of the whole attribution clause (subject + verb + tail)
    end: int
    subject_start: int
    subject_end: int
    entity: Entity | None
    inverted: bool                 # subject after the verb: ", said Nina"
    strength: str                  # speech (quotes and statements) or report (statements only)
    sentence: int


@dataclass(slots=True)
class QuoteAttribution:
    quotation: Quotation
    entity: Entity | None
    rule: str
    start: int                     # the claim's span: quotation plus adjacent attribution
    end: int


@dataclass(slots=True)
class _Mention:
    entity: Entity
    position: int
    sentence: int
    salience: int


@dataclass(slots=True)
class _Analysis:
    document: Document
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)
    sentence_of_token: list[int] = field(default_factory=list)
    sentence_first_token: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    quotation_ends: list[int] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[_Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    by_sentence: dict[int, list[Attribution]] = field(default_factory=dict)
    quotes: list[QuoteAttribution] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)


_cache: OrderedDict[int, _Analysis] = OrderedDict()
_cache_lock = threading.Lock()


# --- public API -----------------------------------------------------------------

def statement_speaker(document: Document, position: int) -> Speaker | None:
    """The speaker a statement at `position` is attributed to in its sentence or context, or None."""
    analysis = _analyse(document)
    k = bisect_right(analysis.quote_starts, position) - 1
    if k >= 0 and position < analysis.quotes[k].quotation.inner_end:
        quote = analysis.quotes[k]
        return quote.entity.speaker() if quote.entity else None
    sentence = _sentence_index(analysis, position)
    if sentence is None:
        return None
    entity = _statement_entity(analysis, sentence, position)
    return entity.speaker() if entity else None


def quote_attributions(document: Document) -> list[QuoteAttribution]:
    """Every quotation in the document with its speaker, the rule that found it and its claim span."""
    return _analyse(document).quotes


def attributions(document: Document) -> list[Attribution]:
    """Every reporting verb with a resolved subject, in document order."""
    return [a for a in _analyse(document).attributions if a.entity]


# --- the per-document pass ------------------------------------------------------

def _analyse(document: Document) -> _Analysis:
    """The document's attribution pass, computed once and kept while the document is in use.

    The cache holds the document itself, so an id cannot be reused by another
    document while its entry lives; a lock keeps threaded workers safe.
    """
    key = id(document)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached.document is document:
            _cache.move_to_end(key)
            return cached
    analysis = _Analysis(document=document)
    _tokenise(analysis)
    _find_attributions(analysis)
    _attribute_quotations(analysis)
    _credit_headline_echoes(analysis)
    analysis.quote_starts = [q.quotation.inner_start for q in analysis.quotes]
    with _cache_lock:
        _cache[key] = analysis
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return analysis


def _tokenise(a: _Analysis) -> None:
    text = a.document.text.replace("’", "'")
    a.quotations = quotations(a.document)
    a.quotation_ends = sorted(q.end for q in a.quotations)
    inner = sorted((s, e) for q in a.quotations for s, e in q.parts)
    a.sentence_starts = [s.start for s in a.document.sentences]
    inner_starts = [s for s, _ in inner]
    for match in _TOKEN.finditer(text):
        start = match.start()
        word = match.group()
        a.starts.append(start)
        a.ends.append(match.end())
        a.words.append(word)
        lower = word.lower()
        a.lowers.append(lower)
        a.caps.append(word[0].isupper() or bool(_CAPITAL_PARTICLE.match(word)))
        k = bisect_right(inner_starts, start) - 1
        a.quoted.append(k >= 0 and start < inner[k][1])
        sentence = bisect_right(a.sentence_starts, start) - 1
        a.sentence_of_token.append(max(sentence, 0))
    # a sentence without tokens keeps the next sentence's first token, so its bounds come out empty
    a.sentence_first_token = [len(a.starts)] * len(a.sentence_starts)
    for index in range(len(a.starts) - 1, -1, -1):
        a.sentence_first_token[a.sentence_of_token[index]] = index
    for sentence in range(len(a.sentence_first_token) - 2, -1, -1):
        a.sentence_first_token[sentence] = min(a.sentence_first_token[sentence],
                                               a.sentence_first_token[sentence + 1])


def _sentence_index(a: _Analysis, position: int) -> int | None:
    """The sentence at `position`, or the one before it when `position` falls between sentences."""
    index = bisect_right(a.sentence_starts, position) - 1
    return index if index >= 0 else None


def _sentence_bounds(a: _Analysis, sentence: int) -> tuple[int, int]:
    """First and one-past-last token index of a sentence."""
    first = a.sentence_first_token[sentence]
    last = a.sentence_first_token[sentence + 1] if sentence + 1 < len(a.sentence_first_token) else len(a.starts)
    end = a.document.sentences[sentence].end
    while first < last and a.sentence_of_token[first] != sentence:
        first += 1
    while last > first and a.starts[last - 1] >= end:
        last -= 1
    return first, last


def _is_punct(a: _Analysis, i: int) -> bool:
    return not (a.words[i][0].isalnum() or a.words[i][0] == "_")


def _is_name_word(a: _Analysis, i: int) -> bool:
    return a.caps[i] and a.lowers[i] not in _FUNCTION_WORDS and not _is_punct(a, i)


def _bare(lower: str) -> str:
    return lower[:-2] if lower.endswith("'s") else lower


# --- noun phrases -----------------------------------------------------------------

def _np_before(a: _Analysis, i: int, floor: int) -> tuple[int, int, int] | None:
    """The noun phrase ending at token i, as (first, last, head) token indices, or None."""
    if i < floor or _is_punct(a, i) or a.quoted[i]:
        return None
    low = a.lowers[i]
    if low in _SUBJECT_PRONOUNS:
        return i, i, i
    if _AGE_NOUN.fullmatch(low) and i - 1 >= floor and a.lowers[i - 1] == "the":
        return i, i, i  # "the 45-year-old said": refers back to a person
    head_is_name = _is_name_word(a, i)
    if not head_is_name and _bare(low) not in _HEAD_NOUNS:
        return None
    first = i
    in_role = not head_is_name
    while first - 1 >= floor:
        k = first - 1
        if _is_punct(a, k) or a.quoted[k]:
            break
        low = a.lowers[k]
        bare = _bare(low)
        if _is_name_word(a, k):
            first = k
            in_role = in_role or bare.rstrip(".") in _TITLE_WORDS  # "county Sheriff Mark Delgado"
            continue
        if low in _NAME_CONNECTORS and k - 1 >= floor and _is_name_word(a, k - 1) and _is_name_word(a, first) \
                and a.lowers[k - 1] not in _WEEKDAY_OR_TIME:
            first = k
            continue
        if bare in _TITLE_WORDS or bare in _HEAD_NOUNS:
            first = k
            in_role = True
            continue
        if low.endswith("'s") and low not in _FUNCTION_WORDS:
            first = k
            continue
        if in_role and low not in _FUNCTION_WORDS and not low[0].isdigit() and low not in _SPEECH \
                and low not in _REPORT and not low.endswith("ly"):
            first = k
            continue
        break
    head = i
    # "officials in Nagorno-Karabakh", "the health ministry in Damascus", "a spokesperson for the ministry"
    joint = first - 1
    if joint >= floor and a.lowers[joint] == "the":
        joint -= 1
    if joint - 1 >= floor and a.lowers[joint] in _PP_WORDS and _bare(a.lowers[joint - 1]) in (_HEAD_NOUNS | _TITLE_WORDS) \
            and not a.quoted[joint - 1]:
        inner = _np_before(a, joint - 1, floor)
        if inner:
            first, head = inner[0], inner[2]
    # "police and residents said": a coordinated subject of two speakers
    if first - 2 >= floor and a.lowers[first - 1] == "and" and not a.quoted[first - 2] \
            and (_bare(a.lowers[first - 2]) in _HEAD_NOUNS or _is_name_word(a, first - 2)):
        other = _np_before(a, first - 2, floor)
        titled = any(a.caps[k] and _bare(a.lowers[k]).rstrip(".") in _TITLE_HEADS
                     for k in range(other[0] if other else first, i + 1))
        if other and other[1] == first - 2 and not titled:  # "President X and Prime Minister Y": two people
            first = other[0]
    return first, i, head


def _np_after(a: _Analysis, i: int, limit: int) -> tuple[int, int, int] | None:
    """The noun phrase starting at token i (after a verb or "according to")."""
    while i < limit and a.lowers[i] in ("the", "a", "an"):
        i += 1
    if i >= limit or _is_punct(a, i) or a.quoted[i]:
        return None
    if a.lowers[i] in _SUBJECT_PRONOUNS:
        return i, i, i
    j = i
    while j < limit:
        low = a.lowers[j]
        if _is_punct(a, j) or a.quoted[j]:
            break
        if _is_name_word(a, j) or _bare(low) in _TITLE_WORDS or _bare(low) in _HEAD_NOUNS or low.endswith("'s"):
            j += 1
            continue
        if low in _NAME_CONNECTORS | _PP_WORDS and j + 1 < limit and _is_name_word(a, j + 1) and j > i:
            j += 1
            continue
        if low not in _FUNCTION_WORDS and not low[0].isdigit() and low not in _SPEECH and low not in _REPORT \
                and j + 1 < limit and not _is_punct(a, j + 1) and not low.endswith("ly"):
            j += 1  # a modifier, kept only if a head follows
            continue
        break
    last = j - 1
    while last >= i and not (_is_name_word(a, last) or _bare(a.lowers[last]) in _HEAD_NOUNS):
        last -= 1
    if last < i:
        return None
    return _np_before(a, last, i)


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
        if closed and (end >= limit or a.words[end] != ","):
            break
        if first in ("a", "an", "the") or first in _TITLE_WORDS or first in _PERSON_NOUNS or \
                (not a.caps[k] and first not in _FUNCTION_WORDS and first not in _SPEECH and not first.endswith("ing")):
            start_role = k + 1 if first in ("a", "an", "the") else k
            stop = next((m for m in range(start_role, end) if _ends_role(a, m)), end)
            role = _text(a, start_role, stop - 1) if stop > start_role else ""
            end = stop if stop > start_role else end
            words = set(a.lowers[start_role:end])
            person = person or bool(words & (_PERSON_NOUNS | _TITLE_WORDS | _FEMALE_WORDS | _MALE_WORDS)) \
                or first in ("a", "an")
            gender = gender or _gender_of_words(words)
            last = end - 1
        break
    return role, person, gender, last


def _ends_role(a: _Analysis, m: int) -> bool:
    """A role stops before a relative clause or a participle: "a mother of five | sheltering in ..."."""
    low = a.lowers[m]
    return low in _RELATIVES or low == "that" or (
        low.isalpha() and len(low) > 5 and low.endswith(("ing", "ed")) and low not in _TITLE_WORDS)


def _text(a: _Analysis, first: int, last: int) -> str:
    return a.document.text[a.starts[first]:a.ends[last]]


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


def _entity(a: _Analysis, span: tuple[int, int, int], position: int, sentence: int) -> Entity | None:
    first, last, head = span
    low = a.lowers[last]
    if first == last and low in _SUBJECT_PRONOUNS:
        return _resolve_pronoun(a, low, position, sentence)
    if first == last and _AGE_NOUN.fullmatch(low):
        return _resolve(a, _ANY_PERSON, position, sentence)
    while first <= last and a.lowers[first] in ("the",):
        first += 1
    if first > last:
        return None
    possessor = None
    if first - 1 >= 0 and a.lowers[first - 1] in _POSSESSIVE_PRONOUNS and not a.quoted[first - 1] \
            and not _is_name_word(a, last):
        possessor = _resolve_pronoun(a, a.lowers[first - 1], a.starts[first - 1], sentence)
    head_low = _bare(a.lowers[head])
    if possessor is not None and head_low in _DOCUMENT_NOUNS and head_low not in _SPEAKING_DOCUMENTS:
        return possessor  # "their latest tally put the toll at ..."
    if not _is_name_word(a, head) and head_low in _DOCUMENT_NOUNS and head_low not in _SPEAKING_DOCUMENTS:
        return None       # "early reports put the dead at ..." is not a speaker
    # Split off the title: everything up to the last title phrase followed by a name.
    split = None
    for k in range(last - 1, first - 1, -1):
        if not _is_name_word(a, k + 1):
            continue
        for size in (4, 3, 2, 1):
            if k - size + 1 < first:
                continue
            phrase = tuple(_bare(w).rstrip(".") for w in a.lowers[k - size + 1:k + 1])
            if phrase in _TITLE_PHRASES:
                split = k
                break
        if split is not None:
            break
    if split is None:
        # "the state railway company Ukrzaliznytsia": a describing noun before a bare name
        for k in range(last - 1, first - 1, -1):
            if not _is_name_word(a, k + 1):
                break
            if not a.caps[k] and _bare(a.lowers[k]) in _HEAD_NOUNS:
                split = k
                break
    words = {_bare(w) for w in a.lowers[first:last + 1]}
    if split is not None:
        role = _text(a, first, split)
        name = _text(a, split + 1, last)
        name_first = split + 1
    else:
        role, name, name_first = "", _text(a, first, last), first
    if possessor is not None:
        name = f"{possessor.name}'s {name}"
    # "Officials said" / "Families of the hostages": a capital only because the sentence starts there
    head_is_name = _is_name_word(a, head) and not (head == first and head_low in _HEAD_NOUNS
                                                   and a.sentence_first_token[sentence] == first)
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
        elif split is not None or possessor is not None and head_low in _PERSON_NOUNS:
            kind = "person"
        elif last - name_first >= 1:
            kind = "person"
        else:
            kind = "unknown"
        if possessor is None and head != last:
            kind = "organisation" if _bare(a.lowers[head]) not in _PERSON_NOUNS else "person"
            plural = _bare(a.lowers[head]) in _PEOPLE_NOUNS
    gender = _gender_of_words(words)
    if kind in ("person", "unknown") and gender is None and head_is_name:
        gender = _gender_of_name(a.lowers[name_first:last + 1])
    if not head_is_name and possessor is None and first == last and first > 0 \
            and a.lowers[first - 1] == "the" and head_low in (_PERSON_NOUNS | _TITLE_WORDS | _ORG_NOUNS):
        earlier = _holder_of_role(a, head_low, organisation=head_low in _ORG_NOUNS)
        if earlier is not None:
            return earlier  # "the spokesperson said" after "a spokesperson for the ministry said"
    if not head_is_name and possessor is None and first > 0 and a.lowers[first - 1] == "the" \
            and head_low in _SPEAKING_DOCUMENTS:
        issuer = _issuer_of_statement(a, position, sentence)
        if issuer is not None:
            return issuer  # "the statement said" after "the ministry said in a statement"
    if not head_is_name and possessor is None and first > 0 and a.lowers[first - 1] == "the" \
            and head_low in _GROUP_ANAPHORS and not any(a.caps[k] for k in range(first, last + 1)):
        earlier = _latest_named_body(a, sentence)
        if earlier is not None:
            return earlier  # "the rights group said" after "Amnesty International said"
    entity = Entity(name=name, role=role, kind=kind, gender=gender, plural=plural)
    return _canonical(a, entity)


_GROUP_ANAPHORS = frozenset({"group", "organisation", "organization", "movement", "militia", "charity", "agency"})


def _issuer_of_statement(a: _Analysis, position: int, sentence: int) -> Entity | None:
    """Who, in the last few sentences, spoke "in a statement" or "issued a statement"."""
    text = a.document.text
    for attribution in reversed(a.attributions):
        if attribution.start >= position or attribution.entity is None:
            continue
        if sentence - attribution.sentence > 3:
            break
        end = a.document.sentences[attribution.sentence].end
        if _STATEMENT_MENTION.search(text, attribution.start, end):
            return attribution.entity
    return None


_STATEMENT_MENTION = re.compile(r"\b(?:statement|communiqu[eé]|declaration|bulletin)\b", re.IGNORECASE)


def _latest_named_body(a: _Analysis, sentence: int) -> Entity | None:
    """The latest organisation named with capitals in the last few sentences, countries apart."""
    for mention in reversed(a.mentions):
        if sentence - mention.sentence > 4:
            break
        entity = mention.entity
        if entity.kind == "organisation" and entity.name[:1].isupper() \
                and entity.name.lower() not in _COUNTRIES:
            return entity
    return None


def _holder_of_role(a: _Analysis, noun: str, organisation: bool) -> Entity | None:
    """The latest entity whose name or role holds `noun`: "the ministry" after "the Ministry of Health"."""
    for candidate in reversed(list(a.entities.values())):
        if organisation and (candidate.kind != "organisation" or candidate.name == noun):
            continue
        words = set(_WORDS.findall((candidate.role + " " + candidate.name).lower()))
        if noun in words and not candidate.plural:
            return candidate
    return None


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


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


def _canonical(a: _Analysis, entity: Entity) -> Entity:
    """The registry's entity for this name: a surname alone maps to the full name seen earlier."""
    key = entity.name.lower().replace("’", "'")
    known = a.entities.get(key)
    if known is None and entity.kind in ("person", "unknown") and " " not in key:
        for candidate in reversed(list(a.entities.values())):
            if candidate.kind == "person" and " " in candidate.name:
                parts = candidate.name.lower().replace("’", "'").split()
                if key in (parts[-1], parts[0]):
                    known = candidate
                    break
    if known is None:
        a.entities[key] = entity
        return entity
    if entity.role and not known.role:
        known.role = entity.role
    if known.gender is None:
        known.gender = entity.gender
    if known.kind == "unknown" and entity.kind != "unknown":
        known.kind = entity.kind
    return known


# --- pronouns ------------------------------------------------------------------------

def _resolve_pronoun(a: _Analysis, pronoun: str, position: int, sentence: int) -> Entity | None:
    return _resolve(a, _PRONOUNS[pronoun], position, sentence)


_ANY_PERSON = {"kind": "person", "gender": None, "number": "singular"}
_AGE_NOUN = re.compile(r"\d+-year-old")


def _resolve(a: _Analysis, wanted: dict, position: int, sentence: int) -> Entity | None:
    """The latest earlier mention that fits `wanted`, most salient first within a sentence."""
    best: dict[int, list[_Mention]] = {}
    for mention in reversed(a.mentions):
        if mention.position >= position:
            continue
        if sentence - mention.sentence > 8:
            break
        best.setdefault(mention.sentence, []).append(mention)
    for s in sorted(best, reverse=True):
        for mention in sorted(best[s], key=lambda m: (-m.salience, m.position if m.salience else -m.position)):
            if _fits(mention.entity, wanted):
                entity = mention.entity
                if wanted["gender"] and entity.gender is None and entity.kind in ("person", "unknown"):
                    entity.gender = wanted["gender"]
                    entity.kind = "person"
                return entity
    return None


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


# --- reporting verbs and their subjects ---------------------------------------------------

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


def _collect_mentions(a: _Analysis, sentence: int, first: int, end: int) -> None:
    """Names in a sentence (outside quotations), for pronouns to refer back to."""
    i = first
    seen_first = False
    while i < end:
        if a.quoted[i] or not _is_name_word(a, i):
            i += 1
            continue
        j = i
        while j + 1 < end and (_is_name_word(a, j + 1) or (a.lowers[j + 1] in _NAME_CONNECTORS and j + 2 < end
                                                            and _is_name_word(a, j + 2))) and not a.quoted[j + 1]:
            j += 1
        span = _np_before(a, j, first)
        if span and span[0] == span[1] == first and _bare(a.lowers[first]) in _HEAD_NOUNS:
            span = _with_following_pp(a, span, end)  # "Families of the hostages protested"
            j = span[1]
        if span:
            preceded_by_preposition = span[0] > first and a.lowers[span[0] - 1] in _FUNCTION_WORDS \
                and a.lowers[span[0] - 1] not in ("and", "but", "the")
            entity = _entity(a, span, a.starts[span[0]], sentence)
            if entity is not None:
                role, person, gender, _ = _appositive_after(a, j, end, closed=True)
                if j + 2 < end and a.words[j + 1] == "," and a.lowers[j + 2] == "which" and not entity.role:
                    entity.kind, entity.gender = "organisation", None  # people are "who", bodies "which"
                _note_evidence(entity, role, person, gender)
                _note_evidence_before(a, entity, span[0], first)
                if entity.kind != "unknown" or person:
                    salience = 1 if not seen_first and not preceded_by_preposition else 0
                    a.mentions.append(_Mention(entity, a.starts[span[0]], sentence, salience))
                seen_first = True
        i = j + 1


def _with_following_pp(a: _Analysis, span: tuple[int, int, int], end: int) -> tuple[int, int, int]:
    k = span[1] + 1
    if k >= end or a.lowers[k] not in _PP_WORDS:
        return span
    k += 1
    if k < end and a.lowers[k] == "the":
        k += 1
    if k >= end or _is_punct(a, k) or a.quoted[k] or a.lowers[k] in _FUNCTION_WORDS:
        return span
    last = k
    if _is_name_word(a, k):  # "of the Red Cross": a whole name
        while last + 1 < end and _is_name_word(a, last + 1):
            last += 1
    # a lowercase object is one word: "of the hostages" (what follows may be the verb)
    return span[0], last, span[2]


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


def _note_evidence(entity: Entity, role: str, person: bool, gender: str | None) -> None:
    if person and entity.kind == "unknown":
        entity.kind = "person"
    if role and not entity.role and entity.kind == "person":
        entity.role = role
    if gender and entity.gender is None and entity.kind == "person":
        entity.gender = gender


def _learn_gender(a: _Analysis, mentions: list[_Mention], first: int, end: int) -> None:
    """With one person in a sentence, a lone "she"/"his" there tells that person's gender."""
    people = {id(m.entity): m.entity for m in mentions if m.entity.kind == "person"}
    if len(people) != 1:
        return
    entity = next(iter(people.values()))
    if entity.gender is None:
        unquoted = [k for k in range(first, end) if not a.quoted[k]]
        entity.gender = _gender_in(a, unquoted[0], unquoted[-1] + 1) if unquoted else None
        if entity.gender:
            words = {a.lowers[k] for k in unquoted}
            if not words & {"she", "her", "herself", "he", "his", "him", "himself"}:
                entity.gender = None


def _according_to(a: _Analysis, i: int, end: int, sentence: int) -> Attribution | None:
    span = _np_after(a, i + 2, end)
    if span is None:
        return None
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
    strength = "speech" if low in _SPEECH else "report"
    before = v - 1
    if v > first and a.caps[v]:
        return None  # "the United States": a capitalised verb form mid-sentence is a name
    if before >= first and (a.lowers[before] in _NOUN_MARKERS or a.lowers[before].endswith("'s")):
        return None  # "by Moscow's estimate", "neither claim": a noun, not a verb
    if v + 1 < end and (a.lowers[v + 1] in _SPEECH or a.lowers[v + 1] in _REPORT) and not a.caps[v + 1]:
        return None  # "early reports put ...": the verb-shaped word is the subject noun
    # inverted: '..., said Nina' / '” said the ministry' / sentence-initial 'Said X'
    after_quote = _follows_quotation(a, a.starts[v])
    if strength == "speech" and after_quote:
        inverted = _inverted_attribution(a, v, end, sentence, strength)
        if inverted is not None:
            return inverted
    # "the paper quoted a survivor, Sita Tamang, as saying": the quoted person speaks
    if before >= first and a.lowers[before] == "as" and low.endswith("ing"):
        quoted = _quoted_as_saying(a, before, first, end, sentence, v, strength)
        if quoted is not None:
            return quoted
    # elided subject: '..., adding that', '... and urged', 'but says'
    if before >= first and (a.lowers[before] in _CLAUSE_OPENERS or
                            (a.words[before] == "," and low.endswith("ing"))):
        entity = previous.entity if previous else _sentence_subject(a, first, end, sentence)
        if entity is not None:
            return Attribution(verb=v, start=a.starts[v], end=_tail_end(a, v, end), subject_start=a.starts[v],
                               subject_end=a.starts[v], entity=entity, inverted=False, strength=strength,
                               sentence=sentence)
        return None
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
    while i >= first and a.words[i] == ",":
        j = i - 1
        while j >= first and a.words[j] not in (",", ";", ":") and a.words[j] not in _QUOTE_MARKS and not a.quoted[j]:
            j -= 1
        segment_first, segment_last = j + 1, i - 1
        if segment_last < segment_first:
            return None
        head = a.lowers[segment_first]
        if j < first or a.words[j] != "," or head in _SUBORDINATORS:
            i = segment_last  # the segment opens the clause ("while Azerbaijan"): it holds the subject
            break
        if head in _RELATIVES or head[0].isdigit() or not a.caps[segment_first] or head in ("a", "an", "the"):
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
                    organisation_evidence = organisation_evidence or (
                        bool(role_words & _ORG_NOUNS) and not role_words & (_PERSON_NOUNS | _TITLE_WORDS))
            age_or_role_seen = True
            i = j
            continue
        # "Its chief executive, Oleksandr Kamyshin, told ..." / "the agency, AFAD, said"
        if j >= first and a.words[j] == "," and all(_is_name_word(a, k) or a.lowers[k] in _NAME_CONNECTORS
                                                   for k in range(segment_first, segment_last + 1)):
            name_between = (segment_first, segment_last)
            i = j - 1
            break
        i = segment_last
        break
    if name_between:
        outer = _np_before(a, i, first)
        span = (name_between[0], name_between[1], name_between[1])
        entity = _entity(a, span, a.starts[v], sentence)
        if entity is not None and outer is None and not entity.role and i >= first:
            k = i
            while k - 1 >= first and not _is_punct(a, k - 1) and (a.lowers[k - 1] not in _FUNCTION_WORDS):
                k -= 1
            if not _is_punct(a, i) and k <= i:
                entity.role = _text(a, k, i)  # "Her neighbour, Abdul Karim, told ..."
                if entity.kind == "unknown":
                    entity.kind = "person"
                entity.gender = entity.gender or _gender_of_words(set(a.lowers[k:i + 1]))
            subject_first = k if not _is_punct(a, i) else name_between[0]
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
        span = _np_before(a, i, first) or _np_with_postmodifier(a, i, first)
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
    if entity is None:
        return None
    if organisation_evidence and entity.kind != "organisation" and not entity.role:
        entity.kind, entity.gender = "organisation", None
    else:
        _note_evidence(entity, role, person_evidence or age_or_role_seen and bool(role), gender)
    return Attribution(verb=v, start=a.starts[subject_first], end=_tail_end(a, v, end),
                       subject_start=a.starts[subject_first], subject_end=a.ends[i] if i >= first else a.starts[v],
                       entity=entity, inverted=False, strength=strength, sentence=sentence)


def _follows_quotation(a: _Analysis, position: int) -> bool:
    """Whether only commas and spaces separate `position` from the end of a quotation."""
    k = bisect_right(a.quotation_ends, position) - 1
    return k >= 0 and _ADJACENT_MARKS.fullmatch(a.document.text, a.quotation_ends[k], position) is not None


_ADJACENT_MARKS = re.compile(r"[\s,]*")


def _inverted_attribution(a: _Analysis, v: int, end: int, sentence: int, strength: str) -> Attribution | None:
    span = _np_after(a, v + 1, end)
    if span is None or a.lowers[span[0]] in _SUBJECT_PRONOUNS:
        return None
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
            and _is_name_word(a, name_first):
        name_last = name_first
        while name_last + 1 < as_index and _is_name_word(a, name_last + 1):
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


def _np_with_postmodifier(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """"An Egyptian official with knowledge of the talks said": the subject opens its clause, a
    prepositional phrase follows it."""
    start = i
    while start - 1 >= first and a.words[start - 1] not in (",", ";", ":") and a.words[start - 1] not in _QUOTE_MARKS \
            and a.lowers[start - 1] not in _SUBORDINATORS:
        start -= 1
    span = _np_after(a, start, i + 1)
    if span is None or span[1] >= i or a.lowers[span[1] + 1] not in _PP_WORDS | {"with", "close", "familiar"}:
        return None
    if span[0] > start + 1 or (span[0] == start + 1 and a.lowers[start] not in ("a", "an", "the", "one", "two")):
        return None
    if not (_bare(a.lowers[span[2]]) in _HEAD_NOUNS):
        return None
    return span


def _passive_agent(a: _Analysis, i: int, first: int) -> tuple[int, int, int] | None:
    """'The first figures, released by the railway company X, spoke of ...': the agent speaks."""
    for k in range(i, first, -1):
        if a.lowers[k] == "by" and k - 1 >= first and a.lowers[k - 1] in _AGENT_PARTICIPLES:
            return _np_after(a, k + 1, i + 1)
    return None


_AGENT_PARTICIPLES = frozenset({"released", "issued", "published", "compiled", "provided", "given", "reported",
                                "announced", "cited", "quoted"})


def _sentence_subject(a: _Analysis, first: int, end: int, sentence: int) -> Entity | None:
    span = _np_after(a, first, end)
    if span is None or span[0] != first + (1 if a.lowers[first] == "the" else 0):
        return None
    return _entity(a, span, a.starts[first], sentence)


def _tail_end(a: _Analysis, v: int, end: int) -> int:
    """End of an attribution's verb phrase: 'told The Moscow Times', 'said in a statement'."""
    j = v
    while j + 1 < end and not _is_punct(a, j + 1) and not a.quoted[j + 1] and a.lowers[j + 1] != "that" \
            and j - v < 8:
        j += 1
    return a.ends[j]


# --- statements ------------------------------------------------------------------------

def _statement_entity(a: _Analysis, sentence: int, position: int) -> Entity | None:
    candidates = [x for x in a.by_sentence.get(sentence, ()) if x.entity is not None]
    if not candidates:
        return None
    text = a.document.text
    before = [x for x in candidates if x.strength != "according" and a.ends[x.verb] <= position
              and not (x.inverted and x.subject_end > position)]
    if before:
        nearest = before[-1]
        gap = text[a.ends[nearest.verb]:position]
        if not _voice_breaks(gap):
            return nearest.entity
    for x in candidates:
        if x.strength == "according":
            return x.entity
    for x in candidates:
        if x.subject_start > position and not x.inverted:
            gap = text[position:x.subject_start]
            # ", police said" closes the sentence; "the 50 it reported" names its source right after
            if _TRAILING_SUBJECT_GAP.search(gap) or (len(gap) < 25 and not _CLAUSE_BREAK.search(gap)):
                return x.entity
    return None


_BREAK_PATTERN = re.compile(r";|,\s+(?:%s)\b" % "|".join(re.escape(w) for w in sorted(_VOICE_BREAKS)) if _VOICE_BREAKS
                            else r";")


_TRAILING_SUBJECT_GAP = re.compile(r"[,—–]\s*(?:(?:the|a|an|one|its|his|her|their|two|three|several)\s+)?$",
                                   re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[.;:!?,]|\b(?:and|but|when|while|after|as|because|before|since|until|if)\b")


def _voice_breaks(gap: str) -> bool:
    return bool(_BREAK_PATTERN.search(gap))


# --- quotations --------------------------------------------------------------------------

def _attribute_quotations(a: _Analysis) -> None:
    text = a.document.text
    speech = [x for x in a.attributions if x.strength in ("speech", "according") and x.entity is not None]
    starts = [x.start for x in speech]
    paragraph_of = {id(x): _paragraph_of(a.document, x.start) for x in speech}
    previous_paragraph_speaker: tuple[int, Entity | None] | None = None
    for quotation in a.quotations:
        paragraph = _paragraph_of(a.document, quotation.start)
        last_paragraph = _paragraph_of(a.document, max(quotation.end - 1, quotation.start))
        sentence = _sentence_index(a, quotation.start)
        end_sentence = _sentence_index(a, max(quotation.end - 1, quotation.start))
        found: tuple[Attribution, str] | None = None
        # 1. right after the closing mark: '“…,” said Nina' / '“…,” Peskov said'
        k = bisect_right(starts, quotation.end - 1)
        for x in speech[k:k + 3]:
            lead = min(x.subject_start, a.starts[x.verb])
            if lead >= quotation.end and _ADJACENT.fullmatch(text, quotation.end, lead) \
                    and _paragraph_of(a.document, lead) == last_paragraph:
                found = (x, "quote.said_after")
                break
        # 2. right before the opening mark: 'Lavrov told reporters: “…”'
        if found is None:
            for x in reversed(speech[:k]):
                if x.end > quotation.start:
                    continue
                gap = text[x.end:quotation.start]
                if _sentence_index(a, x.start) == sentence and not re.search(r"[.!?”\"]", gap) and len(gap) < 200:
                    found = (x, "quote.said_before" if re.search(r"[:,]\s*$|\bthat\s*$", gap) else "quote.in_sentence")
                break
        # 3. elsewhere in the same sentence (after): '“…” was how X described it'
        if found is None:
            for x in speech[k:]:
                if _sentence_index(a, x.start) != end_sentence:
                    break
                found = (x, "quote.in_sentence")
                break
        # 4. elsewhere in the paragraph
        if found is None:
            in_paragraph = [x for x in speech if paragraph_of[id(x)] in (paragraph, last_paragraph)]
            earlier = [x for x in in_paragraph if x.start < quotation.start]
            later = [x for x in in_paragraph if x.start >= quotation.end]
            if earlier:
                found = (earlier[-1], "quote.paragraph")
            elif later:
                found = (later[0], "quote.paragraph")
        entity = found[0].entity if found else None
        rule = found[1] if found else "quote.unattributed"
        # 5. a bare quote paragraph right after a quoted or introduced speaker
        if found is None and previous_paragraph_speaker and previous_paragraph_speaker[0] == paragraph - 1:
            entity = previous_paragraph_speaker[1]
            rule = "quote.continuation" if entity else rule
        elif found is None:
            previous = [x for x in speech if paragraph_of[id(x)] == paragraph - 1]
            if previous and quotation.start == a.document.paragraphs[paragraph].start:
                entity, rule = previous[-1].entity, "quote.continuation"
        start, end = quotation.start, quotation.end
        if found and rule == "quote.said_after":
            x = found[0]
            end = x.subject_end if x.inverted else x.end
        elif found and rule in ("quote.said_before", "quote.in_sentence") and found[0].end <= quotation.start:
            start = found[0].start
        a.quotes.append(QuoteAttribution(quotation, entity, rule, start, max(end, quotation.end)))
        if entity is not None:
            # a later paragraph's bare quote continues only from the paragraph just before it
            previous_paragraph_speaker = (last_paragraph, entity)


def _credit_headline_echoes(a: _Analysis) -> None:
    """A headline quoting words that the body attributes gets the body's speaker."""
    text = a.document.text
    for found in a.quotes:
        if found.entity is not None:
            continue
        paragraph = _paragraph_of(a.document, found.quotation.start)
        if not is_heading(a.document, paragraph):
            continue
        start = a.document.paragraphs[paragraph].start
        named = _HEADLINE_SPEAKER.match(text, start, found.quotation.start)
        if named:  # "Lavrov: 'We are ready to talk'"
            tokens = _tokens_between(a, named.start(1), named.end(1))
            if tokens:
                entity = _entity(a, (tokens[0], tokens[-1], tokens[-1]), found.quotation.start, 0)
                if entity is not None:
                    found.entity, found.rule = entity, "quote.headline_speaker"
                    continue
        words = _WORDS.findall(found.quotation.inner(text).lower())
        if not words:
            continue
        for later in a.quotes:
            if later.entity is None or later.quotation.start <= found.quotation.start:
                continue
            body = " ".join(_WORDS.findall(later.quotation.inner(text).lower()))
            if " ".join(words) in body:
                found.entity, found.rule = later.entity, "quote.headline_echo"
                break


_WORDS = re.compile(r"\w+")
_HEADLINE_SPEAKER = re.compile(r"[#*\s]*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)\s*:\s*$")


def _tokens_between(a: _Analysis, start: int, end: int) -> list[int]:
    first = bisect_right(a.starts, start - 1)
    last = bisect_right(a.starts, end - 1)
    return list(range(first, last))
_ADJACENT = re.compile(r"[\s,—–-]*(?:(?:the|a|an|one|another|two|three|several|some|his|her|its|their)\s+)?",
                       re.IGNORECASE)


def _paragraph_of(document: Document, position: int) -> int:
    lo, hi = 0, len(document.paragraphs)
    while lo < hi:  # the last paragraph starting at or before `position`
        mid = (lo + hi) // 2
        if document.paragraphs[mid].start <= position:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)
