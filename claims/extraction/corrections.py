"""What a newspaper's correction withdraws: the figures and times it says it reported wrongly.

A correction box repeats the error before it gives the right figure:

    In our edition of Monday we reported that the ceasefire began at midnight on Friday,
    March 31. It began at 04:00 on Saturday, April 1. The same report said 17 policemen
    died; the figure given by police was seven. We regret the errors.

The sentences that restate what "we reported" are not claims of the article; the sentences
after them are. A paragraph is a correction when it says so ("we regret the error", or a
"CORRECTION:" label opening it) and a sentence in it is withdrawn when it tells what the paper
itself reported ("we reported", "A report in Monday's editions said"; lexicons/correction_phrases.json).
"""
from __future__ import annotations

import re

from . import lexicons, pattern_cache
from .types import Document

_PHRASES = lexicons.table("correction_phrases")


def _pattern(key: str) -> re.Pattern:
    return pattern_cache.compile(r"\b(?:%s)\b" % "|".join(r"\s+".join(map(re.escape, phrase.split()))
                                               for phrase in _PHRASES[key]), re.IGNORECASE)


_MARKS = _pattern("marks")
_RESTATED = _pattern("restated_errors")
_OPENER = pattern_cache.compile(r"\s*(?:%s)" % "|".join(r"\s+".join(map(re.escape, label.split())) for label in _PHRASES["openers"]),
                                re.IGNORECASE)


def withdrawn_spans(document: Document) -> list[tuple[int, int]]:
    """The (start, end) of every sentence a correction withdraws; most articles have none."""
    text = document.text
    lowered = text.lower()
    if _MARKS.search(text) is None and not any(label in lowered for label in _PHRASES["openers"]):
        return []
    correcting = {index for index, paragraph in enumerate(document.paragraphs)
                  if _MARKS.search(text, paragraph.start, paragraph.end)
                  or _OPENER.match(text, paragraph.start, paragraph.end)}
    return [(sentence.start, sentence.end) for sentence in document.sentences
            if sentence.paragraph in correcting and _RESTATED.search(text, sentence.start, sentence.end)]


def is_withdrawn(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)
