"""Places news names, and the IANA zone each one keeps its clocks in.

Two tables, read once and only when a clock needs a zone from the text:
- lexicons/gazetteer.tsv, generated from GeoNames, ISO 3166-2, countryinfo and the
  tz database by gazetteer_build.py: countries, demonyms, capitals, cities of
  15,000 people or more, first-level regions (35,000 names);
- lexicons/place_zones.json, the overlay: the names of conflict areas those
  sources lack or place in the wrong zone ("Donbas", "Nagorno-Karabakh",
  "West Bank"). An overlay entry wins.

`places_in` finds them in text by looking capitalised runs of words up in the
index (longest first), never by running a pattern of every name over the text.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from . import lexicons, pattern_cache

# The words a place name may hold besides capitalised ones: "Deir ez-Zor", "Bosnia and Herzegovina".
_JOINERS = frozenset({"al", "el", "ad", "ar", "as", "ash", "az", "ez", "an", "de", "del", "da", "do", "of", "the",
                      "and", "es", "ul", "en", "la", "le"})
_WORD = pattern_cache.compile(r"[^\W\d_][\w'’.-]*")
_LONGEST = 5  # words in the longest name looked up


@dataclass(frozen=True, slots=True)
class Place:
    name: str      # as the table spells it
    kind: str      # country, demonym, capital, region, city, or area (the overlay)
    country: str   # ISO 3166-1 alpha-2, "" when the overlay does not say
    zone: str      # IANA zone name
    note: str      # why this zone, when the place's country has several


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    words: str     # as written in the text
    place: Place


def fold(name: str) -> str:
    """Lower case, no accents, straight apostrophes: the form the index is keyed by."""
    name = name.replace("’", "'").replace("‘", "'")
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(name.lower().split())


@cache
def _index() -> dict[str, tuple[str, str, str, str, str]]:
    """Folded name -> (name, kind, country, zone, note); the repeated fields shared, not copied per row."""
    shared: dict[str, str] = {}
    index: dict[str, tuple[str, str, str, str, str]] = {}
    share = shared.setdefault
    for line in lexicons.path("gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        name, kind, country, zone, note = line.split("\t")
        # 35,000 rows, read by one-shot runs too: an ASCII name has no accent or curly apostrophe to fold
        key = " ".join(name.lower().split()) if name.isascii() else fold(name)
        index[key] = (name, share(kind, kind), share(country, country), share(zone, zone), share(note, note))
    countries_of_zone: dict[str, Counter[str]] = {}
    for _, _, country, zone, _ in index.values():
        countries_of_zone.setdefault(zone, Counter())[country] += 1
    for name, zone in lexicons.table("place_zones").items():
        if name.startswith("_"):
            continue
        known = index.get(fold(name))
        if known is not None and known[3] == zone:
            index[fold(name)] = (name, known[1], known[2], zone, known[4])
        elif known is not None:
            # the overlay moves the name to another zone: of the same country ("Sarawak" on Kuching's clock, not the
            # capital's), or of another place of that name ("Sana", Yemen's capital as older reporting spells it,
            # not the town in Peru), whose country is the one that keeps that zone
            countries = countries_of_zone.get(zone, Counter())
            country = known[2] if known[2] in countries else countries.most_common(1)[0][0] if countries else ""
            index[fold(name)] = (name, known[1], country, zone, "")
        else:
            index[fold(name)] = (name, "area", "", zone, "")
    return index


@cache
def _first_words() -> frozenset[str]:
    """The first word of every name, and of every plural demonym: a cheap test before any lookup."""
    firsts = {key.split(" ", 1)[0] for key in _index()}
    return frozenset(firsts | {key + "s" for key, row in _index().items() if row[1] == "demonym"})


def lookup(name: str) -> Place | None:
    """The place a name means, or None: "Sudanese" -> Sudan's zone, "Goma" -> Africa/Lubumbashi."""
    index = _index()
    key = fold(name)
    row = index.get(key)
    if row is None and key.endswith("s"):  # "Israelis", "Palestinians": a plural demonym
        singular = index.get(key[:-1])
        if singular is not None and singular[1] == "demonym":
            row = singular
    return Place(*row) if row else None


def in_context(found: list[Found]) -> list[Found]:
    """An article's places, each name several places share ("Tripoli", "Salisbury", "Punjab") read as the one in
    the country the article's other places are in: Lebanon's Tripoli beside "Beirut" and "Lebanese", Rhodesia's
    Salisbury beside "Rhodesia"; the gazetteer's own when nothing tells them apart. A place with no country (a
    conflict area) agrees with a reading in its zone."""
    if not any(fold(item.words) in _homonyms() for item in found):
        return found
    countries = Counter(item.place.country for item in found
                        if item.place.country and fold(item.words) not in _homonyms())
    zones = Counter(item.place.zone for item in found if not item.place.country)

    def agreeing(place: Place) -> int:
        return countries[place.country] + zones[place.zone]

    read = []
    for item in found:
        others = _homonyms().get(fold(item.words))
        if others:
            best = max((item.place, *others), key=agreeing)  # on a tie the first, the gazetteer's own
            if best is not item.place:
                item = Found(item.start, item.end, item.words, best)
        read.append(item)
    return read


@cache
def _homonyms() -> dict[str, tuple[Place, ...]]:
    table = lexicons.table("place_homonyms")
    return {fold(name): tuple(Place(name=name, kind=other["kind"], country=other["country"], zone=other["zone"],
                                    note=f"the {name} in {other['country']}, where the article's other places are")
                              for other in others)
            for name, others in table.items() if not name.startswith("_")}


def places_in(text: str, start: int, end: int) -> Iterator[Found]:
    """The places named in text[start:end], left to right, each run of words read once, longest name first."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    firsts = _first_words()
    resume = 0  # the word after the last name found: names do not overlap
    # only a capitalised word can open a name: the others are passed over without a look at each
    for i in [k for k, (word_start, _) in enumerate(words) if text[word_start].isupper()]:
        if i < resume or fold(text[words[i][0]:_trimmed_end(text, words[i])]) not in firsts:
            continue
        for last in reversed(_name_ends(text, words, i)):
            span_start, span_end = words[i][0], _trimmed_end(text, words[last])
            place = lookup(text[span_start:span_end])
            if place is not None and last == i and _acronym(text, span_start, span_end, place):
                continue  # "BRA commander Sam Kauona": the Bougainville Revolutionary Army, not Bra in Italy
            if place is not None and _names_a_local_place(text, words, last):
                break  # "Jordan Downs", "the Palestine Hotel": a street, an estate or a building, not the place
            if place is not None and not (last == i and _inside_a_longer_name(text, words, i, place)):
                resume = last + 1
                yield Found(span_start, span_end, text[span_start:span_end], place)
                break


def _acronym(text: str, start: int, end: int, place: Place) -> bool:
    """A short word in capitals standing for a place spelled otherwise ("BRA" for Bra) is an organisation's
    initials, except as a dateline, which opens its paragraph in capitals ("GOMA, Congo -"), or in a headline
    set all in capitals."""
    word = text[start:end]
    if not (word.isupper() and len(word) <= 5) or place.name.isupper():
        return False
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not any(ch.islower() for ch in line) and len(line.split()) >= 4:
        return False  # a headline set in capitals: "EGYPT ORDERS HALT TO OPERATIONS AGAINST LIBYA" names places
    return not (start == 0 or text[start - 1] == "\n")


def _name_ends(text: str, words: list[tuple[int, int]], first: int) -> list[int]:
    """Each k (nearest first, up to _LONGEST words) where words[first..k] can be one name: single spaces or
    hyphens between, inner words capitalised or joiners ("Deir ez-Zor"), the last one capitalised.

    One walk over the run answers every length: testing each length from its first word again read the
    run's words up to five times over."""
    ends = []
    for k in range(first, min(first + _LONGEST, len(words))):
        if k > first and text[words[k - 1][1]:words[k][0]] not in (" ", "-"):
            break
        word = text[words[k][0]:words[k][1]]
        capitalised = word[0].isupper()
        if capitalised or _joined(word, last=True):
            ends.append(k)
        if not capitalised and not _joined(word, last=False):
            break  # no name reads on past this word
    return ends


def _joined(word: str, *, last: bool) -> bool:
    """A lower-case word inside a name: a joiner ("of", "al"), or one fused to the next name ("ez-Zor")."""
    head, _, tail = word.partition("-")
    if tail and tail[0].isupper() and fold(head) in _JOINERS:
        return True
    return not last and fold(word) in _JOINERS


def _trimmed_end(text: str, word: tuple[int, int]) -> int:
    """The end of a name's last word without a possessive or a full stop: "Sudan's" -> "Sudan"."""
    start, end = word
    token = text[start:end]
    for suffix in ("'s", "’s", "."):
        if token.endswith(suffix):
            return end - len(suffix)
    return end


def _inside_a_longer_name(text: str, words: list[tuple[int, int]], i: int, place: Place) -> bool:
    """A lone city or region word beside another capitalised word is part of a person's or body's
    name ("Victoria Nuland", "Jordan Bardella"): countries and demonyms are exempt ("Sudanese Army")."""
    if place.kind not in ("city", "region"):
        return False
    # "Cordillera del Condor", "Sierra de Perija": a joiner then a capitalised word carries the name on
    if i + 2 < len(words) and fold(text[words[i + 1][0]:words[i + 1][1]]) in _JOINERS - {"and", "the"} \
            and text[words[i][1]:words[i + 1][0]] == " " and text[words[i + 2][0]].isupper():
        return True
    neighbours = []
    if i + 1 < len(words) and text[words[i][1]:words[i + 1][0]] == " ":
        neighbours.append(text[words[i + 1][0]:words[i + 1][1]])
    if i > 0 and text[words[i - 1][1]:words[i][0]] == " ":
        neighbours.append(text[words[i - 1][0]:words[i - 1][1]])
    return any(word[0].isupper() and lookup(word) is None and fold(word) not in _SENTENCE_OPENERS
               for word in neighbours)


def _names_a_local_place(text: str, words: list[tuple[int, int]], last: int) -> bool:
    """The name ends in a capitalised noun for a street, an estate or a building right after it."""
    if last + 1 >= len(words) or text[words[last][1]:words[last + 1][0]] != " ":
        return False
    after = text[words[last + 1][0]:words[last + 1][1]]
    return after[0].isupper() and fold(after) in _LOCAL_PLACE_NOUNS


_LOCAL_PLACE_NOUNS = frozenset(fold(word) for word in lexicons.words("place_local_nouns"))


# Capitalised words beside a place that leave it a place: a sentence's or title's opening word
# ("In Goma"), or a noun for the kind of place ("Idlib Province", "Khartoum State").
_SENTENCE_OPENERS = frozenset(lexicons.words("place_neighbour_words"))
