"""Quotations and the claims they make.

A quote claim's span is the quotation plus its attribution clause when the two
are adjacent ("“…,” said Nina", "Lavrov told reporters: “…”"); its values are
the quoted words and their own span (a quotation running over several
paragraphs gives its parts joined by a space as `quote`, and `quote_start` /
`quote_end` span all of it). Scare quotes and titles in quotation
marks are not statements: titles are dropped, and quotations of one to three
words are kept only when someone is credited with them, at low confidence.
"""
from __future__ import annotations


from . import lexicons, pattern_cache
from .speakers import quote_attributions, quote_reasons
from .text import is_heading
from .types import Document, ExtractedClaim

_TITLE_CUES = frozenset(lexicons.words("quote_title_cues"))
_WORD = pattern_cache.compile(r"\w+(?:['’]\w+)*")
_WORD_BEFORE = pattern_cache.compile(r"(\w[\w-]*)\W*$")
_CONFIDENCE = {
    "quote.said_after": 0.9,
    "quote.said_before": 0.9,
    "quote.dash_credit": 0.85,
    "quote.tape_cue": 0.85,
    "quote.item_label": 0.8,
    "quote.monitored_outlet": 0.6,
    "quote.in_sentence": 0.8,
    "quote.colon_lead": 0.8,
    "quote.paragraph": 0.75,
    "quote.continuation": 0.7,
    "quote.next_sentence": 0.7,
    "quote.previous_subject": 0.6,
    "quote.unattributed": 0.5,
    "quote.headline_echo": 0.6,
    "quote.headline_speaker": 0.6,
}
_HEADLINE_RULES = ("quote.headline_echo", "quote.headline_speaker")
_FRAGMENT_WORDS = 3  # up to this many words a quotation is a phrase, not a statement


def find_quote_claims(document: Document) -> list[ExtractedClaim]:
    text = document.text
    claims = []
    for found in quote_attributions(document):
        quotation = found.quotation
        words = _WORD.findall(quotation.inner(text))
        if not words or _is_title(text, quotation.start, words):
            continue
        if len(words) <= _FRAGMENT_WORDS and found.entity is None:
            continue  # scare quotes: nobody is credited with these words
        confidence = _CONFIDENCE[found.rule]
        rule = found.rule
        if len(words) <= _FRAGMENT_WORDS and rule not in ("quote.said_after", "quote.said_before"):
            confidence, rule = 0.3, "quote.fragment"
        paragraph = _paragraph_index(document, quotation.start)
        heading = paragraph is not None and is_heading(document, paragraph)
        if heading and found.entity is None:
            continue  # "'Difficult moment' as fighting flares": a headline's scare quotes that no one in the story says
        if heading and rule not in _HEADLINE_RULES:
            confidence, rule = min(confidence, 0.4), "quote.headline"
        if not quotation.closed:
            confidence *= 0.8
        claims.append(ExtractedClaim(
            kind="quote",
            start=found.start,
            end=found.end,
            text=text[found.start:found.end],
            speaker=found.entity.speaker() if found.entity else None,
            confidence=confidence,
            rule=rule,
            values={
                "quote": quotation.inner(text),
                "quote_start": quotation.inner_start,
                "quote_end": quotation.inner_end,
            },
            explanation=quote_reasons(found),
        ))
    return claims


def _is_title(text: str, opening: int, words: list[str]) -> bool:
    """A quotation that names a book, film or operation ('the book “War and Peace”')."""
    before = _WORD_BEFORE.search(text, max(0, opening - 30), opening)
    if not before or before.group(1).lower() not in _TITLE_CUES:
        return False
    significant = [w for w in words if len(w) > 3]
    return all(w[0].isupper() for w in significant) if significant else True


def _paragraph_index(document: Document, position: int) -> int | None:
    sentence = document.sentence_at(position)
    return sentence.paragraph if sentence else None
