"""How the admin shows a claim to an editor: its values in one line, its passage in context.

Everything here returns escaped HTML (format_html / format_html_join) because
the text comes from articles, and articles contain anything.
"""
from __future__ import annotations

import re
from datetime import datetime

from django.contrib import admin
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim, ClaimKind, Outcome, Precision, Qualifier

# A paragraph longer than this is cut down to a window around the passage.
CONTEXT_CHARS = 600
PASSAGE_PREVIEW_CHARS = 90

_QUALIFIER_LABELS = dict(Qualifier.choices)
_OUTCOME_LABELS = {value: label.lower() for value, label in Outcome.choices}
_PRECISION_FORMATS = {Precision.MINUTE: "%Y-%m-%d %H:%M %Z", Precision.HOUR: "%Y-%m-%d %H:00 %Z",
                      Precision.DAY: "%Y-%m-%d"}

# The structured values shown side by side, original against current.
COMPARED_FIELDS = ("outcome", "count", "count_high", "qualifier", "group", "effective_at", "precision", "speaker")


def shorten(text: str, limit: int = PASSAGE_PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def breakable_identifier(name: str) -> SafeString:
    """A dotted rule name ("casualty.count_then_outcome") allowed to wrap after its dots and underscores."""
    return format_html_join(mark_safe("<wbr>"), "{}", ((part,) for part in re.split(r"(?<=[._])", name) if part))


def casualty_summary(*, count: int | None, count_high: int | None, qualifier: str, outcome: str, group: str) -> str:
    """ "at least 12 killed — civilians", "between 3 and 5 wounded", "40 missing"."""
    if count is None:
        figure = "?"
    elif qualifier == Qualifier.RANGE and count_high is not None:
        figure = f"between {count:,} and {count_high:,}"
    elif qualifier and qualifier != Qualifier.EXACT:
        figure = f"{_QUALIFIER_LABELS.get(qualifier, qualifier)} {count:,}"
    else:
        figure = f"{count:,}"
    summary = f"{figure} {_OUTCOME_LABELS.get(outcome, outcome or '?')}"
    return f"{summary} — {group}" if group else summary


def ceasefire_summary(*, effective_at: datetime | None, precision: str) -> str:
    if effective_at is None:
        return "time not stated"
    local = timezone.localtime(effective_at) if timezone.is_aware(effective_at) else effective_at
    return f"from {local.strftime(_PRECISION_FORMATS.get(precision, '%Y-%m-%d %H:%M %Z')).strip()}"


def claim_values(claim: Claim) -> str:
    """The claim's current structured values as the one line an editor scans."""
    if claim.kind == ClaimKind.CASUALTY:
        return casualty_summary(count=claim.count, count_high=claim.count_high, qualifier=claim.qualifier,
                                outcome=claim.outcome, group=claim.group)
    if claim.kind == ClaimKind.CEASEFIRE:
        return ceasefire_summary(effective_at=claim.effective_at, precision=claim.precision)
    return "—"  # a quoted statement has no figures: its passage is the statement


def passage_in_paragraph(claim: Claim) -> SafeString:
    """The claim's exact passage marked inside the paragraph around it, all of it escaped."""
    text = claim.document.text
    start, end = claim.start, claim.end
    if text[start:end] != claim.text:
        # Offsets that no longer point at the passage: say so rather than mark the wrong words.
        return format_html(
            '<p class="errornote">The passage is not at its offsets ({}–{}) in the document text.</p>'
            "<blockquote>{}</blockquote>", start, end, claim.text,
        )
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    lead = trail = ""
    if start - para_start > CONTEXT_CHARS:
        para_start, lead = start - CONTEXT_CHARS, "…"
    if para_end - end > CONTEXT_CHARS:
        para_end, trail = end + CONTEXT_CHARS, "…"
    return format_html(
        '<div class="factdesk-passage">{}{}<mark>{}</mark>{}{}</div>',
        lead, text[para_start:start], text[start:end], text[end:para_end], trail,
    )


def _display(field: str, value) -> str:
    if value in (None, ""):
        return "—"
    if field == "effective_at":
        moment = parse_datetime(value) if isinstance(value, str) else value
        if moment is not None:
            return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z") if timezone.is_aware(moment) \
                else moment.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _current(claim: Claim, field: str):
    if field == "speaker":
        return claim.speaker.name if claim.speaker_id and claim.speaker else None
    return getattr(claim, field)


def values_comparison(claim: Claim) -> SafeString:
    """A table of the values as extracted against the values now, changed rows flagged."""
    original = claim.extracted_values or {}
    rows = []
    for field in COMPARED_FIELDS:
        before, now = _display(field, original.get(field)), _display(field, _current(claim, field))
        if before == "—" and now == "—":
            continue
        rows.append((field.replace("_", " "), before, now, "corrected" if before != now else ""))
    if not rows:
        return format_html("<p>{}</p>", "No structured values.")
    body = format_html_join(
        "", '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td><strong>{}</strong></td></tr>', rows,
    )
    return format_html(
        '<table class="factdesk-values"><thead><tr><th>Value</th><th>As extracted</th><th>Now</th><th></th></tr>'
        "</thead><tbody>{}</tbody></table>", body,
    )


def explanation_steps(claim: Claim) -> SafeString:
    """The extractor's reasons for the claim, in the order it reached them, as a numbered list."""
    steps = [str(step) for step in (claim.explanation or []) if str(step).strip()]
    if not steps:
        return mark_safe('<span class="quiet">The extractor gave no reasons for this claim.</span>')
    items = format_html_join("", "<li>{}</li>", ((step,) for step in steps))
    return format_html('<ol class="claim-explanation" style="margin:0;padding-left:1.5em">{}</ol>', items)


class ReadOnlyMixin:
    """Rows shown in the admin and never added, changed or deleted there (their services write them)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    """An inline that shows rows and never lets them be added, changed or deleted from the page."""

    extra = 0
    can_delete = False

