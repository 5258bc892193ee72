"""Tokens of a document and the sentence, paragraph and quotation each falls in.

`_tokenise` fills an `_Analysis` with parallel token lists (start, end, word,
lowercase, capitalised, inside a quotation); the small helpers here answer
questions about one token or map character offsets to tokens and sentences.
"""
from __future__ import annotations

from bisect import bisect_right

from ..text import quotations
from ..types import Document
from .model import _Analysis
from .vocabulary import _CAPITAL_PARTICLE, _FUNCTION_WORDS, _TOKEN


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
    if not a.caps[i] or _is_punct(a, i):
        return False
    return a.lowers[i] not in _FUNCTION_WORDS or _is_short_acronym(a, i)


def _is_short_acronym(a: _Analysis, i: int) -> bool:
    """"US officials": an all-capital short form spelled like a grammar word, in running (not all-capital) text."""
    word = a.words[i]
    if not (2 <= len(word) <= 4 and word.isupper() and word.isalpha()):
        return False
    return not any(0 <= k < len(a.words) and len(a.words[k]) > 1 and a.words[k].isupper()
                   for k in (i - 1, i + 1))


def _bare(lower: str) -> str:
    return lower[:-2] if lower.endswith("'s") else lower


def _text(a: _Analysis, first: int, last: int) -> str:
    return a.document.text[a.starts[first]:a.ends[last]]


def _tokens_between(a: _Analysis, start: int, end: int) -> list[int]:
    first = bisect_right(a.starts, start - 1)
    last = bisect_right(a.starts, end - 1)
    return list(range(first, last))


def _paragraph_of(document: Document, position: int) -> int:
    lo, hi = 0, len(document.paragraphs)
    while lo < hi:  # the last paragraph starting at or before `position`
        mid = (lo + hi) // 2
        if document.paragraphs[mid].start <= position:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)
