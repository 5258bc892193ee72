"""Numbers as news writes them, in digits or words, with their spans.

"49", "6,500", "1.2 million", "$4bn"'s "4bn", "forty-nine", "two", "a dozen",
"one hundred and five" are precise; "dozens", "hundreds", "tens of thousands"
are vague and carry no value, because inventing one would fake precision.
The word grammar is data (lexicons/number_words.json); the regexes are built
once at import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicons, pattern_cache
from .regexes import WORD_END as _WORD_END, WORD_END_BEFORE_HYPHEN as _END, WORD_START as _WORD_START
from .regexes import alternation as _alternation

_WORDS = lexicons.table("number_words")
_UNITS: dict[str, int] = _WORDS["units"]
_TENS: dict[str, int] = _WORDS["tens"]
_MULTIPLIERS: dict[str, int] = _WORDS["multipliers"]
_DIGIT_SUFFIXES: dict[str, int] = _WORDS["digit_suffixes"]
_CONTEXT = lexicons.table("number_context")
MEASURE_WORDS = frozenset(word.lower() for word in lexicons.words("number_units"))
_MONTHS = frozenset(_CONTEXT["months"])
_NON_COUNT_PREFIXES = frozenset(_CONTEXT["words_before_a_non_count"])
_CURRENCY = tuple(_CONTEXT["currency_marks"])
_TIME_DETERMINERS = frozenset(_CONTEXT["determiners_before_a_time"])
_MODALS = frozenset(_CONTEXT["modals_before_a_verb"])
_TIMES_LATER = frozenset(_CONTEXT["times_later"])
_PREPOSITIONS_BEFORE_ONE = frozenset(_CONTEXT["prepositions_before_a_determiner"])
_VERBS_BEFORE_A_COUNTING_PREPOSITION = frozenset(_CONTEXT["verbs_before_a_counting_preposition"])


_ONE_OF_A_RANKING = pattern_cache.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|this|that|these|those)\s+"
    rf"(?:{_alternation(_CONTEXT['ranking_words_after_one_of'])}|[a-z]+iest){_WORD_END}",
    re.IGNORECASE,
)
_UNIT = _alternation(_UNITS)
_TEN = _alternation(_TENS)
_MULTIPLIER = _alternation(_MULTIPLIERS)
_AFTER_MULTIPLIER = "|".join(f"(?<={re.escape(word)})" for word in _MULTIPLIERS)


def _one_word_class_at_a_place(units, tens, multipliers) -> bool:
    """Whether no two kinds of number word can be read at one place: no unit, tens word, multiplier, "a" before a
    multiplier or "and" is another's word or opens another (word by word), and every one is plain ASCII letters.

    Then a number in words is one way of cutting it into words, and `_WORD_NUMBER` below may be written compactly.
    """
    entries = [tuple(entry.lower().split()) for entry in (*units, *tens, *multipliers)]
    if not all(entry and all(word.isascii() and word.isalpha() for word in entry) for entry in entries):
        return False
    kinds = [{tuple(e.lower().split()) for e in units}, {tuple(e.lower().split()) for e in tens},
             {tuple(e.lower().split()) for e in multipliers}, {("a", *m.lower().split()) for m in multipliers},
             {("and",)}]
    for i, one in enumerate(kinds):
        for other in kinds[i + 1:]:
            for a in one:
                for b in other:
                    if a[:len(b)] == b or b[:len(a)] == a:
                        return False
    return True


if _one_word_class_at_a_place(_UNITS, _TENS, _MULTIPLIERS):
    # A number in words is a run of words, each a unit or a tens word (with the unit after it: "forty-nine"), or a
    # multiplier after a word ("two hundred") or after "a" ("a dozen"); "and" only after a multiplier ("one hundred
    # and five"). Since no two kinds of word can be read at one place, each step has one way on (a tens word also
    # ends there without its unit, after the longer reading): the run is written as one loop with one ATOM and one
    # multiplier list, and it tries the same readings in the same order as the text it replaces,
    #     (?:ATOM|a\s+MULTIPLIER)(?:[-\s]+MULTIPLIER|(?:[-\s]+|(?<=MULTIPLIER)\s+and\s+)ATOM)*
    #     ATOM = TEN(?:[-\s]UNIT)?|UNIT
    # (tests/test_extraction_numbers.py checks both at every place in every way a number can end). The first word
    # has no separator before it, and later ones must have one: NUMBER_PATTERN opens it where a word starts, a word
    # ends where no letter follows, and every word opens with a letter. Every rule that embeds a number compiles this text again, up to seven times per rule.
    # A separator needs a word before it ((?<=\\w) once for both kinds, so that the first word pays for no look
    # behind), and the first word opens with one of a few letters, tested before the loop starts: the number search
    # tries this at every word of a sentence, and these keep it as fast as the longer form.
    _FIRST_LETTERS = sorted({entry[0].lower() for entry in (*_UNITS, *_TENS, "a", "half")})
    # (ATOM itself could be written with one unit list, (?:TEN[-\s])?UNIT|TEN, but then every word the number search
    # passes over is tried as a tens word twice: 1 % more instructions per article.)
    _ATOM = rf"(?:(?:{_TEN}){_END}(?:[-\s](?:{_UNIT}){_END})?|(?:{_UNIT}){_END})"
    _WORD_NUMBER = (
        rf"(?=[{''.join(_FIRST_LETTERS)}{''.join(_FIRST_LETTERS).upper()}])"
        rf"(?:(?:(?<=\w)(?:[-\s]+|(?:{_AFTER_MULTIPLIER})\s+and\s+))?{_ATOM}"
        rf"|(?:(?:half\s+)?a\s+|(?<=\w)[-\s]+)(?:{_MULTIPLIER}){_END})+"  # "a million", "half a million"
    )
else:
    _ATOM = rf"(?:(?:{_TEN}){_END}(?:[-\s](?:{_UNIT}){_END})?|(?:{_UNIT}){_END})"
    _WORD_NUMBER = (
        rf"(?:{_ATOM}|(?:half\s+)?a\s+(?:{_MULTIPLIER}){_END})"
        rf"(?:[-\s]+(?:{_MULTIPLIER}){_END}|(?:[-\s]+|(?:{_AFTER_MULTIPLIER})\s+and\s+){_ATOM})*"
    )
_DIGIT_NUMBER = (
    # "6,500", and "5 000" as official and European texts group thousands (a single space, never before a year)
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\d,]|[.,]\d))+|\d+)(?:\.\d+)?(?![\d])"
    rf"(?:\s+(?:{_MULTIPLIER}){_END}|(?:{_alternation(_DIGIT_SUFFIXES)}){_END})?"
)

# A precise number, digits or words, with no capturing groups: other stages embed it.
NUMBER_PATTERN = rf"(?:{_DIGIT_NUMBER}|{_WORD_START}{_WORD_NUMBER})"
# "aged 54 and| 61", "ages 5 to| 12", "at the age of| 12": the words before a number that make it an age
_AGE_BEFORE = pattern_cache.compile(
    rf"{_WORD_START}(?:{_alternation(_CONTEXT['age_words_before_numbers'])})\s+"
    rf"(?:{NUMBER_PATTERN}\s*(?:,\s*and|,\s*or|,|and|or|to|-|–)\s*){{0,5}}$",
    re.IGNORECASE,
)
_PERSON_OF_AN_AGE = pattern_cache.compile(
    rf"{_WORD_START}an?\s+(?:{_alternation(_CONTEXT['person_nouns_before_an_age'])})\s+of\s+$", re.IGNORECASE
)
VAGUE_PATTERN = rf"{_WORD_START}(?:{_alternation(_WORDS['vague'])}){_END}"

# every kind of number starts where no letter or digit stands before it: the one test first, for all of them
# (a quarter less time in a search that runs over every sentence with a casualty word)
# and the one character every kind opens with (a digit, or the first letter of a vague word, a unit, a tens word, "a"
# or "half"), tested before the alternatives are tried one by one: a tenth less time in that search
_NUMBER_OPENS = "".join(sorted({entry[0].lower() for entry in (*_WORDS["vague"], *_UNITS, *_TENS, "a", "half")}))
_NUMBER = pattern_cache.compile(rf"(?<!\w)(?=[\d{_NUMBER_OPENS}])(?:(?P<vague>{VAGUE_PATTERN})|(?P<precise>{NUMBER_PATTERN}))",
                                re.IGNORECASE)
_SPACED_THOUSANDS = pattern_cache.compile(r"(?<=\d)\s(?=\d{3}(?!\d))")
_TOKEN = pattern_cache.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.IGNORECASE)
_SPACES = pattern_cache.compile(r"\s+")
_NEXT_WORDS = pattern_cache.compile(r"\s*([^\s,;:()]+)(?:\s+([^\s,;:()]+))?")
_WORD_AFTER = pattern_cache.compile(r"\s+([a-z]+)")
_PREVIOUS_WORD = pattern_cache.compile(r"(?:(\S+)\s+)?(\S+)\s*$")
_YEAR = pattern_cache.compile(r"(?:1[89]|20)\d\d")
_YEAR_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that"})
_TRIM = ".,;:!?\"'”’)"
# "a dozen", "a couple of": units of more than one word, read before the word-by-word grammar
_MULTI_WORD_UNIT = pattern_cache.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted((p for p in _UNITS if " " in p), key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text; `value` is None when the amount is vague ("hundreds")."""

    start: int
    end: int
    text: str
    value: int | float | None

    @property
    def vague(self) -> bool:
        return self.value is None


def parse_number(text: str) -> int | float | None:
    """The value of a number written in digits or words, or None when it is not one.

    Decimals stay floats unless a multiplier makes them whole ("1.2 million").
    """
    cleaned = _SPACES.sub(" ", text.strip().lower())
    if not cleaned:
        return None
    if cleaned[0].isdigit():
        return _parse_digits(cleaned)
    return _parse_words(cleaned)


def _parse_digits(cleaned: str) -> int | float | None:
    cleaned = _SPACED_THOUSANDS.sub("", cleaned)
    match = re.match(r"([\d,]+(?:\.\d+)?)\s*([a-z]*)$", cleaned)
    if not match:
        return None
    amount = float(match.group(1).replace(",", ""))
    suffix = match.group(2)
    scale = _MULTIPLIERS.get(suffix) or _DIGIT_SUFFIXES.get(suffix) or (1 if not suffix else None)
    if scale is None:
        return None
    value = amount * scale
    return int(round(value)) if value == int(value) or scale > 1 else value


def _parse_words(cleaned: str) -> int | None:
    if cleaned.startswith("half a "):  # "half a million"
        whole = _parse_words(cleaned[len("half "):])
        return whole // 2 if whole and whole % 2 == 0 else None
    cleaned = _MULTI_WORD_UNIT.sub(lambda match: str(_UNITS[match.group()]), cleaned.replace("-", " "))
    total = current = 0
    seen = False
    for token in _TOKEN.findall(cleaned):
        if token in ("a", "and"):
            if token == "a":
                current = current or 1
            continue
        if token.isdigit():
            current += int(token)
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _MULTIPLIERS:
            scale = _MULTIPLIERS[token]
            current = current or 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in text[start:end], precise or vague, in order, with spans into `text`."""
    found = []
    for match in _NUMBER.finditer(text, start, len(text) if end is None else end):
        value = None if match.group("vague") else parse_number(match.group())
        if match.group("precise") and value is None:
            continue
        found.append(Number(match.start(), match.end(), match.group(), value))
    return found


def _could_be_a_day(written: str) -> bool:
    """Whether a number written after a month may be its day or year: "October 10", "May 1990"; not "813", nor
    "2,000" (a year is written without a comma)."""
    digits = written.replace(",", "")
    return not digits.isdigit() or int(digits) <= 31 or "," not in written and bool(_YEAR.fullmatch(digits))


def _span_of_time_then(text: str, position: int, limit: int) -> bool:
    """"(and 17) two days later", "(25) a week after the blast": a span of time that says when, not a measure."""
    found = _WORD_AFTER.match(text, position, limit)
    return bool(found) and found.group(1) in _TIMES_LATER


def is_count(text: str, start: int, end: int, limit: int | None = None, *,
             names_people: bool = False, person_words: frozenset[str] = frozenset()) -> bool:
    """Whether the number at text[start:end] can count things, judged by the words around it.

    False for an age ("a 49-year-old", "the man, 52,"), a year, a date ("10 October",
    "Jan. 6"), a clock time, a percentage, money, a measure or equipment ("15 km",
    "40 tanks", lexicons/number_units.txt). `names_people` says a group of people
    follows, which keeps "2020 soldiers" a count; `person_words` are nouns of people
    that may stand right after the number before a unit word ("18 fuel ships" is not
    people, "18 miners" is).
    """
    limit = len(text) if limit is None else limit
    after = text[end:end + 2]
    if after[:1] == "%" or (after[:1] in (":", "-", "‑") and after[1:2].isalnum()):
        return False  # "40%", "10:30", "49-year-old", "5-kilometer"
    if text[max(0, start - 2):start] == ", " and after[:1] == ",":
        return False  # "the man, 52, was wounded": an age in apposition
    if text[max(0, start - 4):start].rstrip().endswith(_CURRENCY):
        return False
    if _AGE_BEFORE.search(text, max(0, start - 80), start):
        return False  # "two teachers, aged 54 and 61,": ages, not counts
    if _PERSON_OF_AN_AGE.search(text, max(0, start - 40), start):
        return False  # "a boy of 12"
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous:
        word = previous.group(2)
        verb_use = (previous.group(1) or "").lower() in _MODALS  # "could number 18,000" is no "number 18"
        if (word.lower() in _NON_COUNT_PREFIXES and not verb_use) or (word[:1].isupper() and word.lower() in _MONTHS
                                                                      and _could_be_a_day(text[start:end])):
            return False  # "aged 52", "page 12", "October 10" (not "In January 813 people were killed")
        if (word.lower() in _PREPOSITIONS_BEFORE_ONE and text[start:end].lower() == "one"
                and (previous.group(1) or "").lower() not in _VERBS_BEFORE_A_COUNTING_PREPOSITION):
            return False  # "14 bodies at one camp", "in one village": a determiner, not a count
    if text[start:end].lower() == "one" and _ONE_OF_A_RANKING.match(text, end, limit):
        return False  # "the toll is one of the highest", "one of the deadliest attacks"
    following = _NEXT_WORDS.match(text, end, limit)
    if _YEAR.fullmatch(text[start:end]) and previous and previous.group(2).lower() in ("a", "an"):
        return False  # "an 1862 colliery accident that killed 204": "a" or "an" before a number of years is no count
    if _YEAR.fullmatch(text[start:end]) and previous and previous.group(2).lower() in _YEAR_DETERMINERS \
            and not names_people and not (following and following.group(1).lower().strip(_TRIM) in person_words):
        return False  # "who signed the 2016 peace agreement", "since the 1994 genocide": a year, whatever follows
    if following:
        raw_first = following.group(1)
        first = raw_first.lower().strip(_TRIM)
        if first in MEASURE_WORDS or raw_first.lower() in MEASURE_WORDS:
            return False
        if raw_first[:1].isupper() and first in _MONTHS:
            return False  # "10 October"
        second = (following.group(2) or "").lower().strip(_TRIM)
        if second in MEASURE_WORDS and first not in person_words and first not in _TIME_DETERMINERS \
                and not names_people and not _span_of_time_then(text, following.end(), limit):
            return False  # "18 fuel ships", but not "6,200 the year before"
    return names_people or not _YEAR.fullmatch(text[start:end])
