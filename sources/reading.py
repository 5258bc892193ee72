"""Bytes as they arrive (a file, a response body) → text, and the header block a .txt may carry.

A plain-text article may start with a header block of `Key: value` lines and
then a blank line; the recognised keys are

    Title:      the headline
    Outlet:     the publication's name
    Published:  2022-09-13 (a day, no time) or 2022-09-13T08:30:00+03:00
    URL:        the article's canonical http(s) address
    Author:     one or more names separated by ";" (also "Authors:")
    Language:   e.g. en

Keys are case-insensitive. The block is only taken as a header when every line
before the first blank line is one of these keys; otherwise the whole file is
the article.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone as dt_timezone

from django.utils.dateparse import parse_date, parse_datetime

from factdesk.errors import IngestError

HEADER_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "published": "published",
    "url": "url",
    "author": "authors",
    "authors": "authors",
    "language": "language",
}
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Control characters other than tab, newline, carriage return and form feed
# do not occur in articles; more than a sprinkling means the bytes are not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252",
                            "windows-1252"})
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class TextHeader:
    title: str = ""
    outlet: str = ""
    published_at: date | datetime | None = None
    url: str = ""
    authors: list[str] = field(default_factory=list)
    language: str = ""


def bytes_to_text(data: bytes, *, declared_charset: str | None = None, html: bool = False, name: str = "input") -> str:
    """Decode `data`: a byte-order mark, then the declared charset, then an HTML/XML declaration,
    then UTF-8, then charset-normalizer's best guess. Bytes that are not text raise IngestError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), name)
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name} is not text (it contains NUL bytes; is it a binary file?)")
    candidates = [declared_charset]
    if html:
        head = data[:4096]
        candidates += [_group(_XML_ENCODING.search(head)), _group(_META_CHARSET.search(head))]
    candidates.append("utf-8")
    for encoding in candidates:
        if not encoding:
            continue
        if encoding.lower().replace("_", "-") in _LATIN1_LABELS:
            # Servers label UTF-8 pages "ISO-8859-1" by default far more often than they
            # serve real Latin-1 that happens to be valid UTF-8; browsers read the label as cp1252.
            if not data.isascii() and _is_utf8(data):
                return _checked(data.decode("utf-8"), name)
            encoding = "cp1252"
        try:
            return _checked(data.decode(encoding), name)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes  # only for text that is neither UTF-8 nor declared: not at start-up

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{name} is not text in any character encoding that could be recognised")
    return _checked(str(best), name)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _group(match: re.Match[bytes] | None) -> str | None:
    return match.group(1).decode("ascii") if match else None


def _checked(text: str, name: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise IngestError(f"{name} is not text (too many control characters; is it a binary file?)")
    return text


def split_text_header(text: str) -> tuple[TextHeader, str]:
    """The header block of a plain-text article (see the module docstring) and the article after it."""
    stripped = text.lstrip("\ufeff")
    blank_line = _BLANK_LINE.search(stripped)
    if blank_line is None:
        return TextHeader(), text
    head, body = stripped[:blank_line.start()], stripped[blank_line.end():]
    lines = [line for line in head.splitlines() if line.strip()]
    if not lines:
        return TextHeader(), text
    pairs = []
    for line in lines:
        match = _HEADER_LINE.match(line)
        if match is None or match["key"].lower() not in HEADER_KEYS:
            return TextHeader(), text
        pairs.append((HEADER_KEYS[match["key"].lower()], match["value"]))
    header = TextHeader()
    for key, value in pairs:
        if key == "published":
            header.published_at = parse_published(value) if value else None
        elif key == "authors":
            header.authors = [name.strip() for name in value.split(";") if name.strip()]
        else:
            setattr(header, key, value)
    return header, body


def parse_published(value: str) -> date | datetime:
    """2022-09-13 (a date: the day, no time) or an ISO 8601 date and time (UTC when it names no offset)."""
    value = value.strip()
    try:
        # A date alone first: parse_datetime would read "2022-09-13" as that day's midnight.
        day = parse_date(value)
        if day is not None:
            return day
        moment = parse_datetime(value)
        if moment is None:
            raise ValueError("not a date")
    except ValueError as error:
        raise IngestError(
            f"publication date {value!r} is not a date; use 2022-09-13 or 2022-09-13T08:30:00+03:00"
        ) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt_timezone.utc)
    return moment
