"""Paragraphs, sentences and quotation marks, with offsets into the original text.

Articles arrive as plain text: paragraphs separated by blank lines (or, in
some exports, by single newlines), sometimes with markdown-ish `#` headings,
`**bold**` photo credits and `*italic*` notes. Nothing here rewrites the text:
every span is an offset pair into `Document.text`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import lexicons, pattern_cache
from .types import Document, Paragraph, Sentence

_ENDS_LINE = pattern_cache.compile(r"(?:[.!?:…]|[.!?][\"”’'])\s*$")
_BLANK_LINE = pattern_cache.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = pattern_cache.compile(r"[^\n]+")
_MARKDOWN_LINE = pattern_cache.compile(r"\s*(?:#{1,6}\s|>\s|[-*•]\s|\*\*|\*[^*\s])")
# A full stop, ellipsis, question or exclamation mark, possibly followed by
# closing quotation marks or brackets, then whitespace.
# Sentence-ending marks ("...", "…", ".", "!", "?", any run of them) and the closing marks after them, then white
# space. A run of the marks is read whole either way, so the class is the same as the alternation "(?:\.\.\.|…|[.!?])+",
# and a pattern that opens with a class (one mark, then any more: "+" would hide it) lets `re` skip to the next mark in
# C instead of trying each character.
_TERMINAL = pattern_cache.compile(r"[.!?…][.!?…]*[\"”’'»)\]*]*(?=\s)")
_WORD_BEFORE_STOP = pattern_cache.compile(r"([\w.'’-]+)\.$")
_NEXT_WORD = pattern_cache.compile(r"[\"“‘'«(\[]*([\w'’]+)")
_DOTTED_ACRONYM = pattern_cache.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")
_STARTS_SENTENCE = pattern_cache.compile(r"[\"“‘'«(\[#*]*[A-Z0-9]")
# a labelled line of a fact box: "Dead: 38", "Britons in hospital in Sousse: at least 20"
_FACT_LINE = pattern_cache.compile(r"[ \t]*[A-Z][\w'’ -]{0,40}:[ \t]+\S")

# Abbreviations that are never the end of a sentence in news copy: titles in
# lexicons/titles_abbreviated.txt, the other common ones in lexicons/abbreviations.txt.
_ABBREVIATIONS = frozenset(entry.rstrip(".").lower() for entry in lexicons.words("abbreviations"))
# After an ambiguous abbreviation ("U.S.", "a.m.", "etc.") a new sentence is
# only assumed when one of these ordinary sentence openers follows.
_SENTENCE_OPENERS = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at",
    "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "as", "after",
    "before", "when", "while", "some", "many", "most", "since", "if", "for", "by", "meanwhile",
    "earlier", "later", "according", "officials", "however", "still", "yet", "so",
})

# wire copy typed on old terminals writes quotation marks as two backticks and two apostrophes: ``…''
# "``", "''" or one quotation mark. Written to open with the class of every first character (the second ` or ' is
# then asked for after the first), so that `re` skips to the next candidate in C: the same matches as
# "``|''|[“”«»„\"]", which it would try at every character.
_DOUBLE = pattern_cache.compile(r"[`'“”«»„\"](?:(?<=`)`|(?<=')'|(?<=[“”«»„\"]))")
_DOUBLE_AND_SINGLE = pattern_cache.compile(r"[`'“”«»„\"‘’](?:(?<=`)`|(?<=')'|(?<=[“”«»„\"‘’']))")
OPENING_DOUBLE = "“«„"
CLOSING_DOUBLE = "”»"


def _title_abbreviations() -> frozenset[str]:
    return frozenset(entry.rstrip(".").lower() for entry in lexicons.words("titles_abbreviated"))


_TITLE_ABBREVIATIONS = _title_abbreviations()
# "Ma. Teresa", "Md. Abdul": a given name cut short, spelled as in copy (case kept).
_GIVEN_NAME_ABBREVIATIONS = frozenset(entry.rstrip(".") for entry in lexicons.words("name_abbreviations"))


def segment(text: str, published: date | None = None) -> Document:
    """Cut `text` into paragraphs and sentences; offsets index `text` itself."""
    document = Document(text=text, published=published)
    for start, stop in _paragraph_spans(text):
        index = len(document.paragraphs)
        document.paragraphs.append(Paragraph(start, stop))
        for sentence_start, sentence_stop in _sentence_spans(text, start, stop):
            document.sentences.append(Sentence(sentence_start, sentence_stop, index))
    return document


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    blocks = []
    position = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        blocks.append((position, end))
        position = match.end() if match else len(text)
    spans = []
    for block_start, block_end in blocks:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, block_start, block_end)]
        lines = [(s, e) for s, e in lines if text[s:e].strip()]
        # Lines that nearly all end a sentence are paragraphs of their own, not a hard-wrapped paragraph.
        # The first line may be a headline without a full stop, so it does not vote.
        voters = range(1, len(lines) - 1) if len(lines) >= 3 else range(len(lines) - 1)
        ends_sentence = [_ENDS_LINE.search(text, lines[k][0], lines[k][1]) is not None
                         and _STARTS_SENTENCE.match(text, lines[k + 1][0]) is not None for k in voters]
        lines_are_paragraphs = bool(ends_sentence) and sum(ends_sentence) >= 0.8 * len(ends_sentence)
        current: list[tuple[int, int]] = []
        for line in lines:
            if current and (lines_are_paragraphs or _is_markdown_line(text, *line) or _is_markdown_line(text, *current[-1])):
                spans.append((current[0][0], current[-1][1]))
                current = []
            current.append(line)
        if current:
            spans.append((current[0][0], current[-1][1]))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_markdown_line(text: str, start: int, end: int) -> bool:
    return bool(_MARKDOWN_LINE.match(text, start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    cuts = []
    for match in _TERMINAL.finditer(text, start, stop):
        if _ends_sentence(text, match, stop):
            cuts.append(match.end())
    # A line break inside a paragraph ends a sentence when it closes a heading,
    # byline or caption line, or the line before it is complete.
    for newline in _positions(text, "\n", start, stop):
        line_start = text.rfind("\n", start, newline) + 1 or start
        line = text[max(line_start, start):newline].rstrip()
        if not line or line[-1] in ".!?”\"’'…":
            continue  # already cut by punctuation if it ends one
        next_starts_sentence = bool(_STARTS_SENTENCE.match(text, newline + 1))
        if (len(line) <= 60 and next_starts_sentence) or _is_markdown_line(text, max(line_start, start), newline) \
                or _is_markdown_line(text, newline + 1, stop) \
                or _FACT_LINE.match(text, max(line_start, start)) and _FACT_LINE.match(text, newline + 1):
            # (a fact box's lines, however long: "Also killed: two Germans, one Belgian, one Portuguese, one
            # Russian" over "Britons in hospital in Sousse: at least 20")
            cuts.append(max(line_start, start) + len(line))
    spans = []
    cursor = start
    for cut in sorted(set(cuts)):
        s, e = _strip(text, cursor, cut)
        if e > s:
            spans.append((s, e))
        cursor = cut
    s, e = _strip(text, cursor, stop)
    if e > s:
        spans.append((s, e))
    return spans


def _positions(text: str, char: str, start: int, stop: int) -> Iterator[int]:
    """Where `char` occurs in text[start:stop], found by str.find rather than by looking at every character."""
    position = text.find(char, start, stop)
    while position != -1:
        yield position
        position = text.find(char, position + 1, stop)


def _ends_sentence(text: str, match: re.Match, stop: int) -> bool:
    after = match.end()
    while after < stop and text[after].isspace():
        after += 1
    if after >= stop:
        return True
    if not _STARTS_SENTENCE.match(text, after):
        return False
    mark = match.group(0).rstrip("\"”’'»)]*")
    if mark != ".":
        return True
    before = _WORD_BEFORE_STOP.search(text, max(0, match.start() - 40), match.start() + 1)
    if not before:
        return True
    word = before.group(1).lstrip("(\"“‘'[")
    bare = word.lower()
    if bare in _ABBREVIATIONS or bare in _TITLE_ABBREVIATIONS:
        return False
    next_word = _NEXT_WORD.match(text, after)
    opener = next_word.group(1).lower() if next_word else ""
    if (len(word) == 1 and word.isupper()) or word in _GIVEN_NAME_ABBREVIATIONS:
        return opener in _SENTENCE_OPENERS  # an initial: "John F. Kennedy", "Ma. Teresa de la Cruz"
    if _DOTTED_ACRONYM.match(word) or bare in ("etc", "jr", "sr"):
        return opener in _SENTENCE_OPENERS  # "U.S.", "a.m.", "p.m."
    return True


# A byline: "By Jo Marsh", "By [Ana Li](#) and Tom Ek, Reuters", "By a staff correspondent" (names or a
# reporter's description, nothing else), never a sentence that opens with "By evening, ...". A word is read
# whole (possessive), or a capitalised line that fails to end would be tried in every split of its letters.
_BYLINE = pattern_cache.compile(
    r"By\s+(?:(?:\[?[A-Z][\w.'’-]*+\]?(?:\([^)\s]*\))?|and|&|de|del|da|dos|van|von|der|al|el|bin|la|le)[\s,]*)+$"
    r"|By\s+(?:a|an|our|the)\s[^\n]{0,60}(?:correspondent|reporter|writer|staff|editor|team)s?\.?$")


def is_byline(document: Document, paragraph_index: int) -> bool:
    """Whether a paragraph is a byline ("By JOHN DOE / Ledger Staff Writer"): the names in it are the reporter's."""
    paragraph = document.paragraphs[paragraph_index]
    return bool(_BYLINE.match(document.text[paragraph.start:paragraph.end]))


def is_heading(document: Document, paragraph_index: int) -> bool:
    """Whether a paragraph is a headline, byline, dateline or caption rather than body copy."""
    paragraph = document.paragraphs[paragraph_index]
    chunk = document.text[paragraph.start:paragraph.end]
    if _is_markdown_line(document.text, paragraph.start, paragraph.end) or _BYLINE.match(chunk):
        return True
    stripped = chunk.rstrip("*_ ")
    return "\n" not in chunk and len(chunk) < 200 and not stripped.endswith((".", "!", "?", "”", '"', "’", "'", ":"))


@dataclass(frozen=True, slots=True)
class Quotation:
    """A passage between quotation marks, possibly running over several paragraphs.

    `start`/`end` cover the marks themselves; `parts` are the inner spans, one
    per paragraph; `closed` is False when the closing mark never came.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool
    single: bool = False

    def inner(self, text: str) -> str:
        return " ".join(text[s:e].strip() for s, e in self.parts)

    @property
    def inner_start(self) -> int:
        return self.parts[0][0]

    @property
    def inner_end(self) -> int:
        return self.parts[-1][1]


def quotations(document: Document) -> list[Quotation]:
    """Every quotation in the document, in order of its opening mark.

    Double marks (curly or straight) delimit quotations; single marks count
    only in headings or where an article uses no double marks at all, since
    elsewhere they are apostrophes or quotes nested inside a quotation.
    """
    text = document.text
    uses_double = any(mark in text for mark in '“”"«»') or "``" in text
    found: list[Quotation] = []
    pending: tuple[int, list[tuple[int, int]]] | None = None  # open quotation carried over a paragraph break
    for index, paragraph in enumerate(document.paragraphs):
        single = not uses_double or is_heading(document, index)
        marks = _marks(text, paragraph.start, paragraph.end, single)
        if pending and not (marks and marks[0][0] == paragraph.start and marks[0][1] == "open"):
            start, parts = pending
            found.append(Quotation(start, parts[-1][1], tuple(parts), closed=False))
            pending = None
        opened: int | None = None
        parts: list[tuple[int, int]] = []
        if pending:
            opened, parts = pending[0], pending[1]
            pending = None
            inner_from = paragraph.start + marks[0][3]
            marks = marks[1:]
        for position, role, is_single, width in marks:
            if opened is None:
                if role == "open":
                    opened, inner_from, parts = position, position + width, []
                continue
            if role == "close":
                parts.append((inner_from, position))
                found.append(Quotation(opened, position + width, tuple(parts), closed=True,
                                       single=is_single))
                opened, parts = None, []
            elif role == "open":
                # a second opening mark before any close: the first never closed
                opened, inner_from, parts = position, position + width, []
        if opened is not None:
            parts.append((inner_from, paragraph.end))
            pending = (opened, parts)
    if pending:
        start, parts = pending
        found.append(Quotation(start, parts[-1][1], tuple(parts), closed=False))
    return [q for q in found if q.inner(text)]


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, str, bool, int]]:
    """(position, open|close, is_single, width) for each quotation mark in a paragraph."""
    marks = []
    inside_double = False
    inside_single = False
    for found in (_DOUBLE_AND_SINGLE if single else _DOUBLE).finditer(text, start, end):
        i = found.start()
        char = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if found.group() == "``":
            marks.append((i, "open", False, 2))
            inside_double = True
        elif found.group() == "''":
            if inside_double:
                marks.append((i, "close", False, 2))
                inside_double = False
        elif char in OPENING_DOUBLE:
            marks.append((i, "open", False, 1))
            inside_double = True
        elif char in CLOSING_DOUBLE:
            marks.append((i, "close", False, 1))
            inside_double = False
        elif char == '"':
            if not inside_double and (before.isspace() or before in "([{—–-/:") and not after.isspace():
                marks.append((i, "open", False, 1))
                inside_double = True
            elif inside_double and not before.isspace():
                marks.append((i, "close", False, 1))
                inside_double = False
            elif not inside_double:
                marks.append((i, "open", False, 1))
                inside_double = True
            else:
                marks.append((i, "close", False, 1))
                inside_double = False
        elif single and not inside_double and char in "‘'’":
            if not inside_single and char in "‘'" and (before.isspace() or before in "([{—–-:\"“*#") \
                    and (after.isalnum()):
                marks.append((i, "open", True, 1))
                inside_single = True
            elif inside_single and char in "’'" and not before.isspace() and not after.isalnum():
                marks.append((i, "close", True, 1))
                inside_single = False
    return marks
