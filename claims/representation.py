"""The claim as FactDesk shows it to the outside world, declared once.

The API's claim (list rows, the claim page, bulk review answers), the
webhook events' `data` and the benchmark's floor all write this shape. It is
declared here as data — the output keys in order, the values() column each is
read from, and how the value is written — and everything else derives from it:

    CLAIM_COLUMNS         the columns a values() query reads (claims.selectors)
    claim_from_row()      the shape from one values() row (the claims list, webhook events)
    claim_from_instance() the shape from a Claim with its relations loaded (the claim page)
    CLAIM_KEYS, SPEAKER_KEYS, DOCUMENT_KEYS   the DRF serializers' field lists (schema)

No view and no service owns it, so both may import it: services build webhook
payloads inside their transactions without importing claims.api.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework.fields import DateTimeField

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


def _etag(claim_id: int, version: int) -> str:
    return f'"claim-{claim_id}-v{version}"'  # also Claim.etag


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
    Derived("etag", ("id", "version"), _etag),
    Part("created_at", "created_at", DATETIME),
    Part("updated_at", "updated_at", DATETIME),
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
CLAIM_KEYS: list[str] = [part.key for part in CLAIM]
SPEAKER_KEYS: list[str] = [part.key for part in SPEAKER.parts]
DOCUMENT_KEYS: list[str] = [part.key for part in DOCUMENT.parts]

DateTimeWriter = Callable[[Any], Any]


def datetime_writer(zone=None) -> DateTimeWriter:
    """DRF's DateTimeField output in `zone` (default: the active time zone), zone looked up once."""
    if zone is None:
        zone = timezone.get_current_timezone() if settings.USE_TZ else None
    return DateTimeField(default_timezone=zone).to_representation


# The declaration compiled once into steps (key, column, form, nested steps, present column),
# so writing a claim is one flat loop: the claims list writes fifty per request.
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


_CLAIM_STEPS = _compile(CLAIM)


def claim_from_row(row: Mapping[str, Any], *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim's shape from a values(*CLAIM_COLUMNS) row."""
    return _write(_CLAIM_STEPS, row.__getitem__, write_datetime or datetime_writer())


def claim_from_instance(claim, *, write_datetime: DateTimeWriter | None = None) -> dict[str, Any]:
    """The claim's shape from a Claim whose document, outlet, speaker and reviewer are loaded."""

    def get(column: str):
        value = claim
        for name in _PATHS[column]:
            value = getattr(value, name)
            if value is None:
                return None
        return value

    return _write(_CLAIM_STEPS, get, write_datetime or datetime_writer())


# "document__outlet__name" → ("document", "outlet", "name"): attribute paths on a Claim.
_PATHS: dict[str, tuple[str, ...]] = {column: tuple(column.split("__")) for column in CLAIM_COLUMNS}
