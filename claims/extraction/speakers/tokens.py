"""Tokens of a document and the sentence, paragraph and quotation each falls in.

`_tokenise` fills an `_Analysis` with parallel token lists (start, end, word,
lowercase, capitalised, inside a quotation); the small helpers here answer
questions about one token or map character offsets to tokens and sentences.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, compress
from operator import not_

from .. import pattern_cache
from ..text import quotations
from ..types import Document
from .model import _Analysis
from .vocabulary import _CAPITAL_PARTICLE, _CLOCK_ZONE, _FUNCTION_WORDS, _TOKEN


def _tokenise(a: _Analysis) -> None:
    """Fill the parallel token lists in one pass over the text; sentences and quotations are
    mapped onto tokens by walking their boundaries, not by a search per token.

    Every token is looked at once per list, by built-ins where one says it (`map`, slices): this runs
    on every word of every article, and a Python loop per token was a tenth of the engine's time."""
    # a monitoring digest's editor writes "[KDP]" and "[passage omitted]" where a newspaper writes round brackets
    text = a.document.text.replace("’", "'").replace("[", "(").replace("]", ")")
    a.quotations = quotations(a.document)
    a.quotation_ends = sorted(q.end for q in a.quotations)
    a.sentence_starts = [s.start for s in a.document.sentences]
    # each token with the white space before it (only white space lies between tokens: every other
    # character is some token's), so the offsets are running sums of lengths, with no match object made
    spaced = _SPACED_TOKEN.findall(text)
    offsets = list(accumulate(map(len, chain.from_iterable(spaced))))
    a.starts = starts = offsets[0::2]
    a.ends = ends = offsets[1::2]
    a.words = words = [word for _, word in spaced]
    bare_possessives = _join_bare_possessives(starts, ends, words)
    a.lowers = lowers = list(map(str.lower, words))
    for i in bare_possessives:  # "Abbas' office" reads as "Abbas's office" wherever a possessive is looked for
        lowers[i] += "s"
    a.caps = caps = [w[0].isupper() or (("-" in w or "'" in w) and bool(_CAPITAL_PARTICLE.match(w))) for w in words]
    a.punct = punct = [not (w[0].isalnum() or w[0] == "_") for w in words]
    count = len(words)
    a.written_lowercase = frozenset(compress(lowers, map(not_, caps)))
    a.names = [cap and not mark and (lower not in _FUNCTION_WORDS or _short_acronym(words, i))
               for i, (cap, mark, lower) in enumerate(zip(caps, punct, lowers))]
    names = a.names
    for clock_zone in _CLOCK_ZONE.finditer(text):
        i = bisect_left(starts, clock_zone.start("zone"))
        if i < count and starts[i] == clock_zone.start("zone"):
            names[i] = False
    a.quoted = quoted = [False] * count
    for q in a.quotations:
        for inner_start, inner_end in q.parts:
            first, stop = bisect_left(starts, inner_start), bisect_left(starts, inner_end)
            if first < stop:
                quoted[first:stop] = [True] * (stop - first)
    # every token belongs to the last sentence starting at or before it; a sentence without
    # tokens keeps the next sentence's first token, so its bounds come out empty
    a.sentence_of_token = sentence_of = [0] * count
    a.sentence_first_token = firsts = [bisect_left(starts, s) for s in a.sentence_starts]
    for sentence, first in enumerate(firsts):
        stop = firsts[sentence + 1] if sentence + 1 < len(firsts) else count
        if first < stop:
            sentence_of[first:stop] = [sentence] * (stop - first)


def _join_bare_possessives(starts: list[int], ends: list[int], words: list[str]) -> list[int]:
    """"Abbas’ office", "the armed forces’ information office": a plural or s-final name's possessive
    is written with the apostrophe alone, which the tokeniser splits off as a mark. Joined back to its
    word here, so that it reads like "'s" everywhere a possessive is looked for (quoted words are never
    a speaker's, so one closing a single-quoted quotation does no harm). The lists are edited in place,
    from the end; returns the joined tokens' indices."""
    joined = []
    for i in range(len(words) - 2, 0, -1):
        if words[i] == "'" and ends[i - 1] == starts[i] and starts[i + 1] > ends[i] \
                and words[i - 1][-1:] in ("s", "S") and words[i - 1].isalpha() and words[i + 1][0].isalpha():
            ends[i - 1] = ends[i]
            words[i - 1] += "'"
            del starts[i], ends[i], words[i]
            joined.append(i - 1)
    # indices of the joined tokens, shifted back by the joins made before them in the text
    joined.reverse()
    return [index - k for k, index in enumerate(joined)]


_SPACED_TOKEN = pattern_cache.compile(rf"(\s*)({_TOKEN.pattern})", _TOKEN.flags)


def _short_acronym(words: list[str], i: int) -> bool:
    """"US officials": an all-capital short form spelled like a grammar word, in running (not all-capital) text."""
    word = words[i]
    if not (2 <= len(word) <= 4 and word.isupper() and word.isalpha()):
        return False
    return not any(0 <= k < len(words) and len(words[k]) > 1 and words[k].isupper() for k in (i - 1, i + 1))


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


# the courtesy titles a record of turns labels people by ("Mr. Fairlie:", "(Mr. Hugh Fairlie)")
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame")
HONORIFIC = rf"(?:{'|'.join(HONORIFICS)})\.?"
# a paragraph opened by who speaks, then a colon: "COLE:", "OAKES (on film):", "MODERATOR (ELLEN WHITCOMB):",
# "Mr. Dafydd Rees:", "The Minister of State for Commonwealth Relations (Mr. Hugh Fairlie):"
TURN_LABEL = pattern_cache.compile(
    rf"(?:(?P<caps>[A-Z][A-Z.'’ -]{{0,40}}?)|(?P<honoured>{HONORIFIC}\s+[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,2})|(?P<office>The\s+[A-Z][\w ,'’-]{2,80}?))"
    r"(?:\s*\((?P<bracket>[^()\n]{2,50})\))?:[ \t]")


def past_turn_label(a: _Analysis, first: int, end: int) -> int:
    """The first token after a turn's label ("CORRESPONDENT (Karim Bensalem): Grace, the spokesman ..."): past the
    colon, and past a name the speaker addresses ("Grace,"); `first` itself when the sentence opens with no label."""
    label = TURN_LABEL.match(a.document.text, a.starts[first]) if first < end else None
    if label is None:
        return first
    k = bisect_left(a.starts, label.end(), first, end)
    if k + 1 < end and a.caps[k] and a.words[k + 1] == "," and k + 2 < end:
        k += 2
    return k
