"""A fact as the outside world sees it (API lists, webhook payloads), declared once."""
from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from .models import Fact


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def fact_payload(fact: Fact) -> dict:
    """The fact's identity, subject, period, best figure, range, grade and dispute: no timeline."""
    return {
        "id": fact.pk,
        "kind": fact.kind,
        "status": fact.status,
        "title": fact.title,
        "subject": {
            "label": fact.subject,
            "party": fact.party.name if fact.party_id else None,
            "group": fact.category.name if fact.category_id else (fact.group_text or None),
            "outcome": fact.outcome or None,
        },
        "place": fact.place.name if fact.place_id else None,
        "period": {"start": fact.period_start.isoformat(), "end": fact.period_end.isoformat(),
                   "fixed": fact.period_fixed},
        "best": {
            "claim": fact.best_claim_id,
            "count": fact.best_count,
            "count_high": fact.best_count_high,
            "qualifier": fact.best_qualifier or None,
            "effective_at": _iso(fact.best_effective_at),
            "preferred_by_editor": fact.preferred_claim_id is not None and fact.preferred_claim_id == fact.best_claim_id,
        },
        "range": {"low": fact.low, "high": fact.high,
                  "earliest_at": _iso(fact.earliest_at), "latest_at": _iso(fact.latest_at)},
        "grade": fact.grade,
        "disputed": fact.disputed,
        "conflicts": fact.conflicts,
        "version": fact.version,
        "etag": fact.etag,
        "links": {"self": reverse("api:fact-detail", args=[fact.pk])},
    }
