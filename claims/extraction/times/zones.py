"""Which zone a clock is read in, and where that came from.

In order of trust:
1. the zone written with the clock: an offset ("GMT+3"), a zone's name ("GMT",
   "Moscow time", "EAT"), or any place the gazetteer knows followed by "time"
   ("Eritrean time", "Kinshasa time");
2. for "local time" or no zone at all, the place where the ceasefire applies:
   the place the sentence sets it "in"; else what "local time" meant for an
   earlier start in the article; else the place the article names most (places
   in ceasefire sentences weigh double); else any place in the sentence;
3. nothing named anywhere: UTC, and the explanation says so.
Every choice comes with its reason, and the offset is the zone's on that date
(the IANA database's history through zoneinfo, daylight saving included).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from .. import gazetteer, lexicons, pattern_cache
from ..gazetteer import Found
from ..regexes import LazyPattern
from . import clock

UTC = ZoneInfo("UTC")
# zones that are no place's clock: a start written in one says nothing of what a bare clock near it means
UNIVERSAL_KEYS = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/UCT", "UCT", "Etc/Greenwich", "Greenwich",
                            "Etc/Zulu", "Zulu"})
# "in Sudan", "across the Gaza Strip", "in eastern Ukraine": where the fighting is
_IN = pattern_cache.compile(r"(?:\b[Ii]n|\b[Ii]nside|\b[Aa]cross|\b[Tt]hroughout)\s+(?:the\s+)?(?:neighbou?ring\s+)?"
                            r"(?:(?:[Nn]orth|[Ss]outh)?-?(?:[Ee]ast|[Ww]est|[Nn]orth|[Ss]outh)(?:ern)?\s+|[Cc]entral\s+|[Uu]pper\s+"
                            r"|[Ll]ower\s+)?$")
# "on the Baluchistan border", "along the Kashmir front": a front line named by its place is where the fighting is
_ON_FRONT_BEFORE = pattern_cache.compile(r"\b(?:[Oo]n|[Aa]long|[Aa]cross)\s+the\s+$")
_FRONT_AFTER = pattern_cache.compile(r"\s+(?:border|frontier|front|front\s+line|line\s+of\s+control)\b", re.IGNORECASE)
# "the Sudanese army", "Sudan's paramilitary forces": a side of the fighting (lexicons/ceasefire_party_nouns.txt)
_FORCES = pattern_cache.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{clock.phrases(lexicons.words('ceasefire_party_nouns'))})\b",
                                re.IGNORECASE)
# "negotiators in Havana": a venue (lexicons/ceasefire_venue_words.txt), within a few words before "in"
_VENUE = pattern_cache.compile(rf"\b(?:{clock.phrases(lexicons.words('ceasefire_venue_words'))})\b(?:\s+[\w'’-]+){{0,7}}\s*$",
                               re.IGNORECASE)
_VENUE_WORD = pattern_cache.compile(rf"\b(?:{clock.phrases(lexicons.words('ceasefire_venue_words'))})\b", re.IGNORECASE)
# "said in Ankara", "a Western diplomat in Ankara": where a speaker spoke or is posted (lexicons/ceasefire_speaker_places.txt)
_SPEAKER_PLACE = pattern_cache.compile(rf"\b(?:{clock.phrases(lexicons.words('ceasefire_speaker_places'))})\s+(?:in|at)\s+(?:the\s+)?$",
                                       re.IGNORECASE)
# "KHARTOUM (Reuters) -", "GOMA, Congo —": where the reporter filed from
_DATELINE = pattern_cache.compile(r"\s{0,2}(?-i:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s*[\w .]{1,30})?\s*(?=\(|—|–|-\s|:)")
# a transcript's speaker label opening a paragraph: "PRESENTER:", "HALE:", "DR. OKAFOR:"
_SPEAKER_LABEL = pattern_cache.compile(r"^(?-i:([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}))(?:\s*\([^)\n]{1,40}\))?:", re.MULTILINE)
# "Turkey said", "Moscow has announced": a place as the subject of a verb of speech
_SPEAKS = pattern_cache.compile(rf"\s+(?:(?:has|have|had)\s+)?(?:{clock.phrases(lexicons.words('speech_verbs'))})\b", re.IGNORECASE)
# "a U.S.-brokered truce in Iraq": the last venue word before the place qualifying the truce right after it sets
# the truce in the place ("signed a ceasefire agreement in Dar es Salaam" still names where it was signed)
_TRUCE_NOUN = pattern_cache.compile(r"\s+(?:cease-?fires?|truces?|armistice)\b", re.IGNORECASE)
_TRUCE_IN = pattern_cache.compile(r"\b(?:cease-?fires?|truces?|armistice|pauses?|windows?)\s+(?:in|across|throughout)\s+(?:the\s+)?$",
                                  re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    zone: tzinfo
    reason: str
    written: bool = False  # the text named the zone; "local time" did not


def named(words: str) -> tuple[ZoneInfo, str] | None:
    """The zone a name of a zone means: "GMT", "Moscow time", "Eritrean time"; None for anything else."""
    key = clock.normal(words)
    if key in clock.ZONE_NAMES:
        return ZoneInfo(clock.ZONE_NAMES[key]), ""
    if key.endswith(" time"):
        # "Eritrean time", and "Pakistan Standard Time", "Israel Summer Time": the place's own clock
        place_words = re.sub(r"(?:\s+(?:standard|summer|daylight))?\s+time\s*$", "", words.strip(), flags=re.IGNORECASE)
        first, _, second = place_words.partition(" and ")
        place = gazetteer.lookup(first)
        if place is not None and second:
            # "Quito and Lima time": one clock for both, so both must be places whose zones agree
            other = gazetteer.lookup(second)
            if other is None or other.zone != place.zone and not _same_standard_offset(place.zone, other.zone):
                return None
            return ZoneInfo(place.zone), f"{place.name} and {other.name}, one clock"
        if place is not None:
            return ZoneInfo(place.zone), f"{place.name}, a {place.kind}{_note(place)}"
    return None


def _same_standard_offset(one: str, other: str) -> bool:
    """Whether two zones keep the same offset from UTC in January and in July."""
    return all(datetime(2001, month, 1, tzinfo=ZoneInfo(one)).utcoffset()
               == datetime(2001, month, 1, tzinfo=ZoneInfo(other)).utcoffset() for month in (1, 7))


# "at 00:00 on Sunday 4 August (Luanda time)": the zone in brackets after the clock's day
# a clock's day seldom has a bracket after it: the zone grammar is compiled only for one that has
_BRACKETED_AFTER = LazyPattern(rf"\s*\(\s*(?P<zone>{clock.ZONE})\s*\)", re.IGNORECASE, needs=r"\s*\(", opens=True)


# "stop firing 'from eight o'clock on Friday morning', Libyan time": the zone after the quotation that holds the clock
_ZONE_AFTER_QUOTE = LazyPattern(rf"[\"”’]\s*,\s*(?P<zone>{clock.ZONE})(?=\s*[,.;]|\s+(?:which|and|when)\b)",
                                re.IGNORECASE, needs=r"[\"”’]\s*,", opens=True)


def written(match: re.Match) -> ZoneChoice | None:
    """The zone written with the clock, or in brackets right after its day, if any."""
    zone = offset_zone(match)
    if zone is not None:
        return ZoneChoice(zone, f"zone written as an offset: {match.group('offset')!r}", True)
    words = match.group("zone") or match.group("zone3") or match.group("zone2")
    if words:
        choice = _named_choice(words, "written with the clock")
        if choice is not None:
            return choice
    after = _BRACKETED_AFTER.match(match.string, match.end()) if match.group("day") or match.group("day0") else None
    if after is not None:
        choice = _named_choice(after.group("zone"), "in brackets after the clock's day")
        if choice is not None:
            return choice
    after = _ZONE_AFTER_QUOTE.match(match.string, match.end())
    if after is not None:
        return _named_choice(after.group("zone"), "written after the quotation that holds the clock")
    return _written_at_range_end(match)


def offset_zone(match: re.Match) -> timezone | None:
    """The fixed zone a match of clock.OFFSET names ("GMT+3", "UTC-05:00"), or None when it has none or it is more than
    fourteen hours."""
    if not match.group("offset"):
        return None
    sign = -1 if match.group("sign") in "-−" else 1
    offset = timedelta(hours=int(match.group("oh")), minutes=int(match.group("om") or 0))
    return timezone(sign * offset) if offset <= timedelta(hours=14) else None


def _written_at_range_end(match: re.Match) -> ZoneChoice | None:
    """ "from 0100 hours on 30 December to 0100 hours on 2 January, Hanoi time": a zone written once, after the
    range's end, is the clock of both ends."""
    joined = clock.RANGE_TO.match(match.string, match.end())
    end = clock.TIME.match(match.string, joined.end()) if joined is not None else None
    if end is None or clock.hour_and_minute(end) is None:
        return None
    if end.group("offset"):
        choice = written(end)
        return ZoneChoice(choice.zone, f"{choice.reason}, after the range's end", True) if choice else None
    words = end.group("zone") or end.group("zone3") or end.group("zone2")
    return _named_choice(words, "written after the range's end") if words else None


def _named_choice(words: str, how: str) -> ZoneChoice | None:
    """The zone a name of a zone means, as a written choice saying how it was written, or None."""
    found = named(words)
    if found is None:
        return None
    zone, source = found
    where = f" ({source})" if source else ""
    return ZoneChoice(zone, f"zone {zone.key} {how}: {words.strip()!r}{where}", True)


class ArticlePlaces:
    """The places one article names, read once, and only when a local time needs them."""

    def __init__(self, text: str, ceasefire_sentences: list[tuple[int, int]],
                 source_lines: list[tuple[int, int]] = ()):
        self.text = text
        self._ceasefire_sentences = ceasefire_sentences
        self._source_lines = source_lines
        self._found: list[Found] | None = None
        self._dominant: tuple[tuple[Found, float] | None] | None = None
        self._labels: set[str] | None = None

    @property
    def found(self) -> list[Found]:
        if self._found is None:
            self._found = gazetteer.in_context(list(gazetteer.places_in(self.text, 0, len(self.text))))
        return self._found

    def dominant(self) -> tuple[Found, float] | None:
        """The place whose zone the article names most where the fighting is, with its weight.

        A mention weighs 1, twice in a sentence about a truce, twice again where it places the
        fighting ("in Sudan") or names a side's forces ("the Sudanese army"); a dateline
        ("DOHA (Reuters) -") or a monitored item's source line says where the reporter or broadcaster was and weighs
        least, as does a place that speaks for its government ("Turkey said it would watch the border"). A country
        of several zones ("Indonesia", "Indonesian") weighs for the zone of the places named in it, else its
        capital's.
        """
        if self._dominant is None:
            self._dominant = (self._weigh(),)
        return self._dominant[0]

    def _weigh(self) -> tuple[Found, float] | None:
        weights: Counter[str] = Counter()
        first: dict[str, Found] = {}
        countrywide: Counter[str] = Counter()
        named_country: dict[str, Found] = {}
        within: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for found in self.found:
            if self.venue(found) or self.speaker_label(found) \
                    or _in_brackets_after_clock(self.text, found, self.text.rfind("\n", 0, found.start) + 1):
                continue
            weight = 2.0 if any(s <= found.start < e for s, e in self._ceasefire_sentences) else 1.0
            if self._locative(found) or self._a_sides_forces(found):
                weight *= 2
            if self._dateline(found) or self._speaking(found) or self._on_source_line(found):
                weight = 0.5
            if found.place.kind in ("country", "demonym") and found.place.note.startswith("country spans"):
                countrywide[found.place.country] += weight  # "Indonesia": the country, not yet which of its zones
                named_country.setdefault(found.place.country, found)
                continue
            weights[found.place.zone] += weight
            within[found.place.country][found.place.zone] += weight
            first.setdefault(found.place.zone, found)
        for country, weight in countrywide.items():
            # a country of several zones is where the places named in it are: "Indonesia" in a story of Poso counts
            # for Poso's zone, not Jakarta's; with none of its places named, for its capital's
            zones = within.get(country)
            zone = zones.most_common(1)[0][0] if zones else named_country[country].place.zone
            weights[zone] += weight
            first.setdefault(zone, named_country[country])
        if not weights:
            return None
        zone, weight = weights.most_common(1)[0]
        return first[zone], weight

    def _on_source_line(self, found: Found) -> bool:
        """ "Interfax news agency, Moscow, in English 2210 gmt 27 Jul 92": where a monitored item was broadcast."""
        return any(start <= found.start < end for start, end in self._source_lines)

    def _locative(self, found: Found) -> bool:
        return sets_fighting(self.text, found, 0)

    def _speaking(self, found: Found) -> bool:
        """ "Turkey said", "Moscow announced": a place named as a speaker stands for its government."""
        return bool(_SPEAKS.match(self.text, found.end))

    def _a_sides_forces(self, found: Found) -> bool:
        after = _FORCES.match(self.text, found.end)
        return bool(after)

    def _dateline(self, found: Found) -> bool:
        """Whether the place is in the dateline: "KHARTOUM (Reuters) -", and the country of "ANKARA, Turkey (AP)";
        not a transcript's speaker label ("HALE: No. The first ceasefire ..." among "PRESENTER:" lines)."""
        line_start = self.text.rfind("\n", 0, found.start) + 1
        dateline = _DATELINE.match(self.text, line_start)
        return dateline is not None and found.end <= dateline.end() and not self.speaker_label(found)

    def speaker_label(self, found: Found) -> bool:
        """A transcript's label naming who speaks ("NUR: Largely, Hodan." among "PRESENTER:" lines): a person,
        not a place, however the gazetteer spells it."""
        line_start = self.text.rfind("\n", 0, found.start) + 1
        label = _SPEAKER_LABEL.match(self.text, line_start)
        return label is not None and found.end <= label.end() and self._transcript()

    def _transcript(self) -> bool:
        """Whether paragraphs open with two or more different speaker labels in capitals ("PRESENTER:", "HALE:")."""
        if self._labels is None:
            self._labels = {found.group(1) for found in _SPEAKER_LABEL.finditer(self.text)}
        return len(self._labels) >= 2

    def venue(self, found: Found) -> bool:
        """Where a truce was negotiated or announced ("negotiators in Havana", "said in Ankara"), not where it
        applies; but a venue word qualifying the truce right after it does not make one ("a U.S.-brokered truce in
        Iraq" applies in Iraq)."""
        before = self.text[max(0, found.start - 60):found.start]
        if not _IN.search(before):
            return False
        if _SPEAKER_PLACE.search(before):
            return True
        if _TRUCE_IN.search(before) and found.place.kind != "capital":
            # "agreed a ceasefire in Yemen": the place qualifies the truce, whatever verb made it; not a capital, where
            # truces are announced ("announced a ceasefire in Damascus on Sunday night" for the fighting in Lebanon)
            return False
        last = None
        for last in _VENUE_WORD.finditer(before):
            pass
        return last is not None and bool(_VENUE.match(before, last.start())) and not _TRUCE_NOUN.match(before, last.end())

    def reporters_side(self, in_sentence: list[Found]) -> ZoneChoice | None:
        """A truce between sides in different zones, read by a reporter filing from one of them: a bare clock
        is the dateline's ("ISLAMABAD: A ceasefire between Pakistan and India that began at 4:30pm")."""
        dateline = next((found for found in self.found if self._dateline(found)), None)
        zones_named = {found.place.zone for found in in_sentence}
        if dateline is None or len(zones_named) < 2 or dateline.place.zone not in zones_named:
            return None
        return ZoneChoice(ZoneInfo(dateline.place.zone),
                          f"zone {dateline.place.zone}: the sentence names sides in {len(zones_named)} zones, and "
                          f"the dateline {dateline.words!r} files from one of them")

    def namesake(self, found: Found) -> bool:
        """A town of a country the article names nowhere else, in a story whose fighting is in another country:
        "a pause in Leer County" in a story about South Sudan is not Leer in Germany. A country, a capital or a
        people names its country by itself; a town is trusted when something else in the article is in its country."""
        if found.place.kind in ("country", "capital", "demonym") or not found.place.country \
                or self.names_country_of(found):
            return False
        dominant = self.dominant()
        return dominant is not None and dominant[0].place.country not in ("", found.place.country)

    def names_country_of(self, place: Found) -> bool:
        """Whether the article names something else in the place's country: "Sana radio" on a source line is
        Yemen's Sana'a only in a story that names Yemen, not Sana in Peru."""
        return any(found.place.country == place.place.country and found.words.lower() != place.words.lower()
                   for found in self.found)

    def zone_at_offset(self, wall: datetime, offset: timedelta) -> ZoneInfo | None:
        """The zone of a place the article names (the most named first) whose clock stood at `offset` at this
        wall-clock time, if any."""
        named = Counter(found.place.zone for found in self.found if not self.speaker_label(found))
        for zone_name, _ in named.most_common():
            zone = ZoneInfo(zone_name)
            if wall.replace(tzinfo=zone).utcoffset() == offset:
                return zone
        return None

    def in_span(self, start: int, end: int) -> list[Found]:
        return [found for found in self.found if start <= found.start and found.end <= end
                and not self.speaker_label(found)]




def sets_fighting(text: str, found: Found, floor: int) -> bool:
    """Whether the words round a place set the fighting there: "in Sudan", "across the Gaza Strip", "on the
    Baluchistan border"; `floor` is where the words may start (the sentence's start)."""
    window = max(floor, found.start - 30)
    if _IN.search(text, window, found.start):
        return True
    # (a region's front, not a country's: "along the Venezuelan border" may be either side of it)
    return found.place.kind not in ("country", "demonym") and bool(_ON_FRONT_BEFORE.search(text, window, found.start)) \
        and bool(_FRONT_AFTER.match(text, found.end))


def for_local_time(match: re.Match, sentence_start: int, sentence_end: int, places: ArticlePlaces,
                   earlier: ZoneChoice | None, speaker: Callable[[], str | None] | None = None,
                   outlet: str | None = None, paragraph: ZoneChoice | None = None) -> ZoneChoice:
    """The zone of "local time", or of a clock with no zone: the place where the ceasefire applies; in a monitored
    item, the broadcaster's own (its source line names its city); when the sentence places it nowhere and no
    earlier start said what local time means, the clock of a government that
    speaks by its place's name in its own words ("Baghdad replied ... 'Our forces will hold their fire at seven in
    the morning'"): a side's own statement keeps its own time."""
    text = places.text
    in_sentence = [found for found in places.in_span(sentence_start, sentence_end)
                   if not places.venue(found) and not _in_brackets_after_clock(text, found, sentence_start)]
    set_in = [found for found in in_sentence if sets_fighting(text, found, sentence_start) and not places.namesake(found)]
    before = [found for found in set_in if found.end <= match.start()]
    # after the clock, only a place in its own clause: "from 6 p.m. on March 16, days after a bomb fell in Lincang"
    # names where the bomb fell
    after = [found for found in set_in if found.start >= match.end()
             and not re.search(r"[,;:—–()]", text[match.end():found.start])]
    chosen = before[-1] if before else after[0] if after else None
    if chosen is not None:
        return ZoneChoice(ZoneInfo(chosen.place.zone),
                          f"zone {chosen.place.zone} from {chosen.words!r} ({_kind(chosen)}), where the sentence "
                          f"sets the truce{_note(chosen.place)}")
    sides = places.reporters_side(in_sentence)
    if sides is not None:
        return sides
    broadcaster = next(iter(gazetteer.places_in(outlet, 0, len(outlet))), None) if outlet else None
    if broadcaster is not None and places.names_country_of(broadcaster):
        # a monitored item's bare clock is its broadcaster's: "Jerusalem home service ... at 1830 today"
        return ZoneChoice(ZoneInfo(broadcaster.place.zone),
                          f"zone {broadcaster.place.zone} from {broadcaster.words!r} in the item's source line "
                          f"({outlet!r}): a broadcaster's bare clock is its own{_note(broadcaster.place)}")
    if paragraph is not None:
        # "The ceasefire took effect at 6pm Bangui time ... its commanders had been told to halt from midnight on
        # Saturday": a bare clock in the paragraph of a start written in a place's zone keeps that zone
        return ZoneChoice(paragraph.zone, f"zone {name_of(paragraph.zone)}: the zone written with the start read "
                                          f"before in the same paragraph")
    if earlier is not None:
        what = "the offset" if getattr(earlier.zone, "key", None) is None else "zone"
        return ZoneChoice(earlier.zone, f"{what} {name_of(earlier.zone)}: what local time meant for the start read "
                                        f"before in this article")
    speaker = speaker() if speaker is not None else None  # asked only here: reading the speaker costs a parse
    spoken_for = gazetteer.lookup(speaker) if speaker else None
    if spoken_for is not None and spoken_for.kind in ("country", "capital", "demonym"):
        return ZoneChoice(ZoneInfo(spoken_for.zone),
                          f"zone {spoken_for.zone} from the speaker {speaker!r} ({spoken_for.kind}), a government "
                          f"stating its own clock{_note(spoken_for)}")
    dominant = places.dominant()
    if dominant is not None:
        found, weight = dominant
        return ZoneChoice(ZoneInfo(found.place.zone),
                          f"zone {found.place.zone} from {found.words!r} ({_kind(found)}), the place the article "
                          f"names most where the fighting is (weight {weight:g}){_note(found.place)}")
    if in_sentence:
        found = in_sentence[0]
        return ZoneChoice(ZoneInfo(found.place.zone),
                          f"zone {found.place.zone} from {found.words!r} ({_kind(found)}) in the same sentence"
                          f"{_note(found.place)}")
    return ZoneChoice(UTC, "no place named in the article: local time read as UTC")


def _in_brackets_after_clock(text: str, found: Found, sentence_start: int) -> bool:
    """ "came into force at 00:00 today (same time in Lisbon GMT)": a place in brackets after a clock compares
    another place's clock, it does not say where the truce applies."""
    opening = text.rfind("(", sentence_start, found.start)
    return (opening >= 0 and ")" not in text[opening:found.start]
            and clock.TIME.search(text, max(sentence_start, opening - 40), opening) is not None)


def offset_step(local: datetime) -> str:
    """ "offset +02:00 on 2023-06-09": what the zone's clock stood at against UTC that day."""
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"offset {sign}{minutes // 60:02d}:{minutes % 60:02d} on {local.date().isoformat()}"


def _kind(found: Found) -> str:
    return {"area": "a conflict area"}.get(found.place.kind, f"a {found.place.kind}")


def _note(place: gazetteer.Place) -> str:
    return f"; {place.note}" if place.note else ""


def name_of(zone: tzinfo) -> str:
    """A zone's IANA name, or its offset when it has none."""
    return getattr(zone, "key", None) or str(zone)
