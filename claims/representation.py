"""The claim as FactDesk shows it to the outside world, declared once.

The API's claim (list rows, the claim page, bulk review answers), the
webhook events' `data` and the benchmark's floor all write this shape. It is
declared here as data — the output keys in order, the values() column each is
read from, and how the value is written — and everything else derives from it:

    CLAIM_COLUMNS         the columns a values() query reads (claims.selectors)
    claim_from_row()      the shape from one values() row (the claims list, webhook events)
    claim_from_instance() the shape from a Claim with its relations loaded
    CLAIM_KEYS, SPEAKER_KEYS, DOCUMENT_KEYS   the DRF serializers' field lists (schema)

The claim page (CLAIM_PAGE) is the claim with its evidence: the text around the
passage, the quote, and the review actions its status allows; it is written from
a values(*CLAIM_PAGE_COLUMNS) row (GET) or from an instance (review answers) alike.

No view and no service owns it, so both may import it: services build webhook
payloads inside their transactions without importing claims.api.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter
from typing import Any

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from claims.review import allowed_actions

PLAIN, CHOICE, DATETIME = "plain", "choice", "datetime"


@dataclass(frozen=True)
class Part:
    """One key of the output, read from one values() column (a lookup path such as "document__title")."""

    key: str
    column: str
    form: str = PLAIN  # CHOICE: the plain value, never an enum member; DATETIME: ISO 8601 as DRF writes it


@dataclass(frozen=True)
class Nested:
    """A nested object (the speaker, the document); null when its `present` column is null."""

    key: str
    parts: tuple[Part, ...]
    present: str | None = None  # None: always there


@dataclass(frozen=True)
class Derived:
    """A key computed from other columns of the same claim."""

    key: str
    columns: tuple[str, ...]
    compute: Callable[..., Any]


CONTEXT_CHARS = 200  # of the document's text each side of the claim's passage, on the claim page


def claim_etag(claim_id: int, version: int) -> str:
    return f'"claim-{claim_id}-v{version}"'  # also Claim.etag


def claim_context(start: int, end: int, text: str) -> dict[str, str]:
    """The document's text around the passage [start, end)."""
    return {"before": text[max(0, start - CONTEXT_CHARS):start], "after": text[end:end + CONTEXT_CHARS]}


SPEAKER = Nested("speaker", present="speaker_id", parts=(
    Part("id", "speaker_id"),
    Part("name", "speaker__name"),
    Part("kind", "speaker__kind", CHOICE),
    Part("role", "speaker__role"),
))
DOCUMENT = Nested("document", parts=(
    Part("id", "document_id"),
    Part("title", "document__title"),
    Part("url", "document__url"),
    Part("outlet", "document__outlet__name"),
    Part("published_at", "document__published_at", DATETIME),
))

CLAIM: tuple[Part | Nested | Derived, ...] = (
    Part("id", "id"),
    Part("kind", "kind", CHOICE),
    Part("status", "status", CHOICE),
    Part("text", "text"),
    Part("start", "start"),
    Part("end", "end"),
    Part("outcome", "outcome", CHOICE),
    Part("count", "count"),
    Part("count_high", "count_high"),
    Part("qualifier", "qualifier", CHOICE),
    Part("group", "group"),
    Part("effective_at", "effective_at", DATETIME),
    Part("precision", "precision", CHOICE),
    Part("confidence", "confidence"),
    SPEAKER,
    DOCUMENT,
    Part("extracted_values", "extracted_values"),
    Part("rule", "rule"),
    Part("extractor", "extractor"),
    Part("extractor_version", "extractor_version"),
    Part("reviewed_by", "reviewed_by__username"),
    Part("reviewed_at", "reviewed_at", DATETIME),
    Part("version", "version"),
    Derived("etag", ("id", "version"), claim_etag),
    Part("created_at", "created_at", DATETIME),
    Part("updated_at", "updated_at", DATETIME),
)

QUOTE = Nested("quote", present="quote_id", parts=(
    Part("id", "quote_id"),
    Part("exact", "quote__exact"),
    Part("start", "quote__start"),
    Part("end", "quote__end"),
))
CLAIM_PAGE: tuple[Part | Nested | Derived, ...] = CLAIM + (
    Derived("context", ("start", "end", "document__text"), claim_context),
    QUOTE,
    Derived("allowed_actions", ("status",), allowed_actions),
)


def _columns(parts) -> tuple[str, ...]:
    columns: list[str] = []
    for part in parts:
        if isinstance(part, Part):
            found: tuple[str, ...] = (part.column,)
        elif isinstance(part, Derived):
            found = part.columns
        else:
            found = ((part.present,) if part.present else ()) + _columns(part.parts)
        columns.extend(column for column in found if column not in columns)
    return tuple(columns)


CLAIM_COLUMNS: tuple[str, ...] = _columns(CLAIM)
CLAIM_PAGE_COLUMNS: tuple[str, ...] = _columns(CLAIM_PAGE)
CLAIM_KEYS: list[str] = [part.key for part in CLAIM]
CLAIM_PAGE_KEYS: list[str] = [part.key for part in CLAIM_PAGE]
SPEAKER_KEYS: list[str] = [part.key for part in SPEAKER.parts]
DOCUMENT_KEYS: list[str] = [part.key for part in DOCUMENT.parts]

DateTimeWriter = Callable[[Any], Any]


def datetime_writer(zone=None) -> DateTimeWriter:
    """DRF's DateTimeField output in `zone` (default: the active time zone), zone looked up once.

    An aware datetime in ISO 8601 (DRF's default format) is written here directly, as DRF
    writes it: in the zone, "Z" for UTC. DRF's field costs several times more per value (it
    looks up its format and zone and checks the value at every call), and a page of claims
    writes three datetimes per claim. Anything else goes to DRF's field.
    """
    from rest_framework.fields import ISO_8601, DateTimeField  # here: DRF's fields pull in an HTTP client
    from rest_framework.settings import api_settings

    if zone is None:
        zone = timezone.get_current_timezone() if settings.USE_TZ else None
    drf = DateTimeField(default_timezone=zone).to_representation
    output_format = api_settings.DATETIME_FORMAT
    if zone is None or output_format is None or output_format.lower() != ISO_8601:
        return drf

    def write(value):
        if type(value) is not datetime or value.tzinfo is None:
            return drf(value)
        try:
            text = value.astimezone(zone).isoformat()
        except OverflowError:
            return drf(value)  # DRF's error for a datetime that has no place in the zone
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return write


# The declaration compiled once into steps (key, column, form, nested steps, present column),
# so writing a claim from an instance is one flat loop (rows have a faster writer below).
_Step = tuple[str, str, str, tuple, str | None]


def _compile(parts) -> tuple[_Step, ...]:
    steps: list[_Step] = []
    for part in parts:
        if isinstance(part, Part):
            steps.append((part.key, part.column, part.form, (), None))
        elif isinstance(part, Nested):
            steps.append((part.key, "", "nested", _compile(part.parts), part.present))
        else:
            steps.append((part.key, "", "derived", (part.compute, part.columns), None))
    return tuple(steps)


def _write(steps: tuple[_Step, ...], get: Callable[[str], Any], write_datetime: DateTimeWriter) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, column, form, inner, present in steps:
        if form is PLAIN:
            out[key] = get(column)
        elif form is DATETIME:
            value = get(column)
            out[key] = None if value is None else write_datetime(value)
        elif form is CHOICE:
            value = get(column)
            out[key] = value.value if isinstance(value, Enum) else value
        elif form == "nested":
            out[key] = None if present is not None and get(present) is None else _write(inner, get, write_datetime)
        else:
            compute, columns = inner
            out[key] = compute(*[get(name) for name in columns])
    return out


class _RowWriter:
    """The declaration compiled for values() rows, whose columns are plain values (never enum members).

    Every key is first read in one itemgetter call and the dict made in one step, keys in
    their declared order; then only the keys that need work are replaced in place (a
    replaced key keeps its position): datetimes, nested objects, derived keys. A page of
    fifty claims is some five hundred Python-level steps instead of some two thousand.
    """

    def __init__(self, parts) -> None:
        self.keys = tuple(part.key for part in parts)
        # A key written later reads a placeholder here: any column of its own.
        self.read = _getter([part.column if isinstance(part, Part) else _columns((part,))[0] for part in parts])
        self.datetimes = tuple(part.key for part in parts if isinstance(part, Part) and part.form == DATETIME)
        self.nested = tuple((part.key, part.present, _RowWriter(part.parts)) for part in parts
                            if isinstance(part, Nested))
        self.derived = tuple((part.key, part.compute, _getter(part.columns)) for part in parts
                             if isinstance(part, Derived))

    def __call__(self, row: Mapping[str, Any], write_datetime: DateTimeWriter) -> dict[str, Any]:
        out = dict(zip(self.keys, self.read(row)))
        for key in self.datetimes:
            if out[key] is not None:
                out[key] = write_datetime(out[key])
        for key, present, inner in self.nested:
            out[key] = None if present is not None and row[present] is None else inner(row, write_datetime)
        for key, compute, read in self.derived:
            out[key] = compute(*read(row))
        return out


def _getter(columns) -> Callable[[Mapping[str, Any]], tuple]:
    """itemgetter that always answers a tuple, even of one column."""
    if len(columns) == 1:
        column = columns[0]
        return lambda row: (row[column],)
    return itemgetter(*columns)


_CLAIM_STEPS = _compile(CLAIM)
_CLAIM_PAGE_STEPS = _compile(CLAIM_PAGE)
_CLAIM_ROW = _RowWriter(CLAIM)
_CLAIM_PAGE_ROW = _RowWriter(CLAIM_PAGE)


def claim_from_row(row: Mapping[str, Any], *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim's shape from a values(*CLAIM_COLUMNS) row."""
    return _CLAIM_ROW(row, write_datetime or datetime_writer())


def claim_from_instance(claim, *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim's shape from a Claim whose document, outlet, speaker and reviewer are loaded."""
    return _write(_CLAIM_STEPS, _attribute_reader(claim), write_datetime or datetime_writer())


def claim_page_from_row(row: Mapping[str, Any], *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim page's shape from a values(*CLAIM_PAGE_COLUMNS) row."""
    return _CLAIM_PAGE_ROW(row, write_datetime or datetime_writer())


def claim_page_from_instance(claim, *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim page's shape from a Claim with its relations, quote and document text loaded."""
    return _write(_CLAIM_PAGE_STEPS, _attribute_reader(claim), write_datetime or datetime_writer())


def _attribute_reader(claim) -> Callable[[str], Any]:
    def get(column: str):
        value = claim
        for name in _PATHS[column]:
            value = getattr(value, name)
            if value is None:
                return None
        return value

    return get


# "document__outlet__name" → ("document", "outlet", "name"): attribute paths on a Claim.
_PATHS: dict[str, tuple[str, ...]] = {column: tuple(column.split("__")) for column in CLAIM_PAGE_COLUMNS}
