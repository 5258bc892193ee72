"""Reading a claim's subject, place and period from its words, its speaker and its document.

Plain Python over a Vocabulary (the alias rows, loaded once per grouping run):
no query happens here, so regrouping thousands of claims costs only the reading.

    Vocabulary.load()     the parties, group categories and places with their aliases
    claim_features()      kind, outcome, party, category, place, reference period of one claim
    document_place()      the place a document reports from: a named place, or the two sides it names most
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from sources.models import normalize_name

LEXICONS = Path(__file__).resolve().parent / "lexicons"

_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘A-Z0-9])|\n")
_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2})\b")
_SINCE = re.compile(r"\bsince\b[^,.;]*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(its|their|our)\b", re.IGNORECASE)
# The place of a count in a passage: a figure or a number word starts the count.
_COUNT_START = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?|thousands?)\b",
    re.IGNORECASE,
)
# How far before a passage a party named with an owner verb still owns the toll.
OWNER_WINDOW_CHARS = 60


def read_list(name: str) -> list[str]:
    lines = (LEXICONS / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_table(name: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in read_list(name):
        key, _, rest = line.partition("\t")
        table[key.strip()] = [word.strip() for word in rest.split("|") if word.strip()]
    return table


class Matcher:
    """Finds whole-word mentions of many phrases in a text, longest first.

    A phrase written in capitals ("UN", "US", "IDF") matches only in capitals,
    so the pronoun "us" is never the United States; any other phrase matches
    whatever its case.
    """

    def __init__(self, phrases: dict[str, object]):
        self.by_key = {normalize_name(phrase): value for phrase, value in phrases.items() if normalize_name(phrase)}
        exact = [p for p in phrases if _is_acronym(p)]
        loose = [p for p in phrases if not _is_acronym(p) and normalize_name(p)]
        self._patterns = [re.compile(_alternation(exact)) if exact else None,
                          re.compile(_alternation(loose), re.IGNORECASE) if loose else None]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, object]]:
        """(start, end, value) of every mention in text[start:end], in order of position."""
        end = len(text) if end is None else end
        found = []
        for pattern in self._patterns:
            if pattern is None:
                continue
            for match in pattern.finditer(text, start, end):
                value = self.by_key.get(normalize_name(match.group(0)))
                if value is not None:
                    found.append((match.start(), match.end(), value))
        found.sort(key=lambda item: (item[0], -item[1]))
        return found

    def first(self, text: str) -> object | None:
        found = self.find(text)
        return found[0][2] if found else None

    def longest(self, text: str) -> object | None:
        found = self.find(text)
        return max(found, key=lambda item: item[1] - item[0])[2] if found else None


def _is_acronym(phrase: str) -> bool:
    letters = [ch for ch in phrase if ch.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(ch.isupper() for ch in letters)


def _alternation(phrases: Iterable[str]) -> str:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word) for word in re.split(r"[\s\-]+", phrase.strip()) if word]
        parts.append(r"[\s\-–]+".join(words))
    return r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"


@dataclass
class Vocabulary:
    """The normalisation data as lookup tables: alias → id, and id → name."""

    party_aliases: dict[str, int]
    category_aliases: dict[str, int]
    place_aliases: dict[str, int]
    party_names: dict[int, str]
    source_kinds: dict[str, list[str]] = field(default_factory=lambda: read_table("source_kinds.tsv"))
    owner_verbs: list[str] = field(default_factory=lambda: read_list("owner_verbs.txt"))

    @classmethod
    def load(cls) -> Vocabulary:
        from .models import GroupAlias, Party, PartyAlias, PlaceAlias

        return cls(
            party_aliases=dict(PartyAlias.objects.values_list("alias", "party_id")),
            category_aliases=dict(GroupAlias.objects.values_list("alias", "category_id")),
            place_aliases=dict(PlaceAlias.objects.values_list("alias", "place_id")),
            party_names=dict(Party.objects.values_list("id", "name")),
        )

    def names_a_party(self, name: str) -> bool:
        """The whole name is a side's name ("Armenia", "Azerbaijan's"), not a body of it."""
        folded = normalize_name(name)
        return folded.removesuffix(" s") in self.parties.by_key

    @cached_property
    def parties(self) -> Matcher:
        return Matcher(self.party_aliases)

    @cached_property
    def categories(self) -> Matcher:
        return Matcher(self.category_aliases)

    @cached_property
    def places(self) -> Matcher:
        return Matcher(self.place_aliases)

    @cached_property
    def kinds_of_source(self) -> Matcher:
        return Matcher({word: kind for kind, words in self.source_kinds.items() for word in words})

    @cached_property
    def owner_verb(self) -> re.Pattern:
        return re.compile(_alternation(self.owner_verbs), re.IGNORECASE)


# --- One claim ---------------------------------------------------------------

@dataclass(frozen=True)
class ClaimText:
    """What grouping reads of a claim (plain values, so the benchmark needs no model instances)."""

    kind: str
    outcome: str
    group: str
    start: int
    end: int
    text: str
    speaker: str  # the speaker's name, role, affiliation and aliases, joined
    published: date | None


@dataclass(frozen=True)
class Features:
    kind: str
    outcome: str
    party_id: int | None
    category_id: int | None
    group_text: str
    period_start: date | None
    period_end: date | None
    party_found_by: str  # how the party was read, shown to editors


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or at least the paragraph line) around text[start:end]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    sentence_start = line_start
    for match in _SENTENCE_END.finditer(text, line_start, start):
        sentence_start = match.end()
    match = _SENTENCE_END.search(text, end, line_end)
    return sentence_start, match.start() + 1 if match else line_end


def speaker_party(vocabulary: Vocabulary, speaker: str) -> int | None:
    """The one party a speaker's name, role and aliases name; None for none or several."""
    found = {value for _, _, value in vocabulary.parties.find(speaker)}
    return found.pop() if len(found) == 1 else None


def claim_features(vocabulary: Vocabulary, claim: ClaimText, document_text: str) -> Features:
    sentence_start, _ = sentence_bounds(document_text, claim.start, claim.end)
    period_start, period_end = _period(claim.published, document_text[sentence_start:claim.start])
    if claim.kind != "casualty":
        return Features(claim.kind, "", None, None, "", period_start, period_end, "")
    group = claim.group or ""
    category = vocabulary.categories.longest(group) if group else None
    implied_party = None
    if category is None and not group:
        category, implied_party = _implied_group(vocabulary, document_text, sentence_start, claim)
    group_text = "" if category is not None else _without_parties(vocabulary, group)
    if implied_party is not None:
        party, found_by = implied_party, "named with the group in the sentence"
    else:
        party, found_by = _party(vocabulary, claim, document_text, sentence_start)
    return Features(claim.kind, claim.outcome, party, category, group_text, period_start, period_end, found_by)


# How far before a group word a side's name still qualifies it ("Armenian  servicemen").
ADJACENT_CHARS = 2


def _implied_group(vocabulary: Vocabulary, text: str, sentence_start: int,
                   claim: ClaimText) -> tuple[int | None, int | None]:
    """The group of a claim that names none: a group word in its passage ("the number of Armenian
    servicemen killed has risen to 105"), or the last one before it in the sentence ("17 of its
    troops were killed and 43 wounded": the 43 are troops too); and the side named right before it.
    """
    mentions = vocabulary.categories.find(text, sentence_start, claim.end)
    inside = [mention for mention in mentions if mention[0] >= claim.start]
    before = [mention for mention in mentions if mention[0] < claim.start]
    chosen = inside[0] if inside else (before[-1] if before else None)
    if chosen is None:
        return None, None
    parties = vocabulary.parties.find(text, max(sentence_start, chosen[0] - 40), chosen[0])
    if parties and len(text[parties[-1][1]:chosen[0]]) <= ADJACENT_CHARS and not text[parties[-1][1]:chosen[0]].strip():
        return chosen[2], parties[-1][2]
    return chosen[2], None


def _party(vocabulary: Vocabulary, claim: ClaimText, text: str, sentence_start: int) -> tuple[int | None, str]:
    in_group = vocabulary.parties.first(claim.group or "")
    if in_group is not None:
        return in_group, "named in the group"
    count_at = _COUNT_START.search(claim.text)
    head_end = claim.start + (count_at.start() if count_at else 0)
    mentions = vocabulary.parties.find(text, sentence_start, head_end)
    if mentions:
        mention_start, mention_end, party = mentions[-1]
        between = text[mention_end:head_end]
        if len(between) <= OWNER_WINDOW_CHARS and vocabulary.owner_verb.search(between) and "," not in between:
            return party, "named before 'lost'"
    own = speaker_party(vocabulary, claim.speaker)
    if own is not None:
        return own, "the speaker's side" if _POSSESSIVE.search(claim.text) else "the speaker's side (assumed)"
    if mentions:
        return mentions[-1][2], "named earlier in the sentence"
    return None, ""


def _without_parties(vocabulary: Vocabulary, group: str) -> str:
    for start, end, _ in reversed(vocabulary.parties.find(group)):
        group = group[:start] + group[end:]
    return normalize_name(group)


def _period(published: date | None, lead: str) -> tuple[date | None, date | None]:
    """The day the claim was published, or the year its sentence sets it in when that is another year.

    Only a year named before the figure sets the scene ("In the 2020 war, some 3,800 …");
    one after it, or after "since", compares ("… the heaviest toll since the 2020 war").
    """
    if published is None:
        return None, None
    years = {int(match.group(1)) for match in _YEAR.finditer(lead)
             if not _SINCE.search(lead[max(0, match.start() - 30):match.start()])}
    if years and published.year not in years:
        year = min(years)
        return date(year, 1, 1), date(year, 12, 31)
    return published, published


# --- One document ------------------------------------------------------------

# A title names the event; its mentions weigh more than the body's.
TITLE_WEIGHT = 3


def document_place(vocabulary: Vocabulary, title: str, text: str) -> tuple[str, int | None]:
    """(name, place id) of where a document reports from; ('', None) when it names no place and no side.

    A named place from the gazetteer wins (most mentions, the title's counted
    thrice); otherwise the two parties it names most, in alphabetical order
    ("Armenia–Azerbaijan"), which outlets on either side share; otherwise the
    one party it names.
    """
    places = _mentions(vocabulary.places, title, text, title_weight=TITLE_WEIGHT)
    if places:
        place_id = places.most_common(1)[0][0]
        return "", place_id
    # A title often names the broker or the clock ("Moscow time"), so for the sides
    # it weighs no more than the body, and ties go to the side the body names first.
    parties = _mentions(vocabulary.parties, title, text, title_weight=1)
    top = [party for party, _ in parties.most_common(2)]
    if not top:
        return "", None
    return "–".join(sorted(vocabulary.party_names[party] for party in top)), None


def _mentions(matcher: Matcher, title: str, text: str, *, title_weight: int) -> Counter:
    counts: Counter = Counter()
    for _, _, value in matcher.find(text):
        counts[value] += 1
    for _, _, value in matcher.find(title):
        counts[value] += title_weight
    return counts


def source_kind(vocabulary: Vocabulary, speaker: str) -> str:
    """'international', 'official', 'monitor', or 'media' for no speaker or a speaker of no known kind."""
    if not speaker.strip():
        return "media"
    kind = vocabulary.kinds_of_source.longest(speaker)
    return str(kind) if kind else "media"
