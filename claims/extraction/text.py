"""Paragraphs and sentences with their offsets into the original text (placeholder, to be refined)."""
from __future__ import annotations

import re
from datetime import date

from .types import Document, Paragraph, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’']?)\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def segment(text: str, published: date | None = None) -> Document:
    document = Document(text=text, published=published)
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[position:end].strip():
            start = position + (len(text[position:end]) - len(text[position:end].lstrip()))
            stop = position + len(text[position:end].rstrip())
            index = len(document.paragraphs)
            document.paragraphs.append(Paragraph(start, stop))
            cursor = start
            for cut in _SENTENCE_END.finditer(text, start, stop):
                document.sentences.append(Sentence(cursor, cut.end(1), index))
                cursor = cut.end()
            document.sentences.append(Sentence(cursor, stop, index))
        position = match.end() if match else len(text)
    return document
