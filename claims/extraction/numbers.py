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

from . import lexicons

_WORDS = lexicons.table("number_words")
_UNITS: dict[str, int] = _WORDS["units"]
_TENS: dict[str, int] = _WORDS["tens"]
_MULTIPLIERS: dict[str, int] = _WORDS["multipliers"]
_DIGIT_SUFFIXES: dict[str, int] = _WORDS["digit_suffixes"]


def _alternation(phrases) -> str:
    """Longest first, so "a dozen" wins over "a", spaces matching any run of white space."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


_UNIT = _alternation(_UNITS)
_TEN = _alternation(_TENS)
_MULTIPLIER = _alternation(_MULTIPLIERS)
_END = r"(?![\w])"
_ATOM = rf"(?:(?:{_TEN}){_END}(?:[-\s](?:{_UNIT}){_END})?|(?:{_UNIT}){_END})"
_AFTER_MULTIPLIER = "|".join(f"(?<={re.escape(word)})" for word in _MULTIPLIERS)
_WORD_NUMBER = (
    rf"(?:{_ATOM}|a\s+(?:{_MULTIPLIER}){_END})"
    rf"(?:[-\s]+(?:{_MULTIPLIER}){_END}|[-\s]+{_ATOM}|(?:{_AFTER_MULTIPLIER})\s+and\s+{_ATOM})*"
)
_DIGIT_NUMBER = (
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
    rf"(?:\s+(?:{_MULTIPLIER}){_END}|(?:{_alternation(_DIGIT_SUFFIXES)}){_END})?"
)

# A precise number, digits or words, with no capturing groups: other stages embed it.
NUMBER_PATTERN = rf"(?:{_DIGIT_NUMBER}|(?<![\w-]){_WORD_NUMBER})"
VAGUE_PATTERN = rf"(?<![\w-])(?:{_alternation(_WORDS['vague'])}){_END}"

_NUMBER = re.compile(rf"(?P<vague>{VAGUE_PATTERN})|(?P<precise>{NUMBER_PATTERN})", re.IGNORECASE)
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# "a dozen", "a couple of": units of more than one word, read before the word-by-word grammar
_MULTI_WORD_UNIT = re.compile(
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
