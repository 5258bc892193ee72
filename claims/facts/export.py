"""Exports, streamed row by row: reviewed claims as schema.org ClaimReview, facts with their series as CSV.

Both are generators over a queryset's iterator(), so neither the API nor the
management commands ever hold the whole export in memory.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from claims.models import Claim, ClaimStatus

from .models import Fact
from .selectors import fact_timeline

CHUNK = 500
# The review status as a rating: schema.org's Rating, best 3, worst 1, with its name.
RATINGS = {
    ClaimStatus.APPROVED: (3, "Approved"),
    ClaimStatus.DISPUTED: (2, "Disputed"),
    ClaimStatus.REJECTED: (1, "Rejected"),
}


def _absolute(path: str) -> str:
    return urljoin(settings.FACTDESK_ORGANISATION_URL, path)


def _date(moment) -> str | None:
    return moment.date().isoformat() if moment else None


def claimreview(claim: Claim) -> dict:
    """One reviewed claim as a schema.org ClaimReview (https://schema.org/ClaimReview)."""
    value, name = RATINGS[claim.status]
    document = claim.document
    item: dict = {"@type": "Claim"}
    if claim.speaker_id:
        speaker = claim.speaker
        item["author"] = {"@type": "Person" if speaker.kind == "person" else "Organization", "name": speaker.name}
    if document.published_at:
        item["datePublished"] = _date(document.published_at)
    appearance: dict = {"@type": "NewsArticle"}
    if document.url:
        appearance["url"] = document.url
    if document.title:
        appearance["headline"] = document.title
    if document.outlet_id:
        appearance["publisher"] = {"@type": "Organization", "name": document.outlet.name}
    item["appearance"] = appearance
    review = {
        "@type": "ClaimReview",
        "url": _absolute(reverse("api:claim-detail", args=[claim.pk])),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                         "alternateName": name},
        "author": {"@type": "Organization", "name": settings.FACTDESK_ORGANISATION_NAME,
                   "url": settings.FACTDESK_ORGANISATION_URL},
    }
    if claim.reviewed_at:
        review["datePublished"] = _date(claim.reviewed_at)
    return review


def claimreview_stream(claims: QuerySet[Claim]) -> Iterator[str]:
    """A JSON-LD document, {"@context": …, "@graph": [ClaimReview, …]}, written one review at a time."""
    yield '{"@context": "https://schema.org", "@graph": ['
    first = True
    for claim in claims.iterator(chunk_size=CHUNK):
        if claim.status not in RATINGS:
            continue
        yield ("\n" if first else ",\n") + json.dumps(claimreview(claim), ensure_ascii=False)
        first = False
    yield "\n]}\n"


CSV_COLUMNS = [
    "fact_id", "fact", "kind", "fact_status", "party", "group", "outcome", "place", "period_start", "period_end",
    "best_count", "best_count_high", "best_qualifier", "best_effective_at", "low", "high", "grade", "disputed",
    "claim_id", "membership", "standing", "claim_status", "published_at", "outlet", "speaker", "source_kind",
    "count", "count_high", "qualifier", "effective_at", "in_conflict", "passage", "document_url",
]


class _Line:
    """csv.writer's file: hands back each line it writes."""

    def write(self, value: str) -> str:
        return value


def facts_csv_stream(facts: QuerySet[Fact]) -> Iterator[str]:
    """One row per claim on each fact (a fact with no claims gets one row), in the order reported."""
    writer = csv.writer(_Line())
    yield writer.writerow(CSV_COLUMNS)
    for fact in facts.iterator(chunk_size=CHUNK):
        head = [
            fact.pk, fact.title, fact.kind, fact.status, fact.party.name if fact.party_id else "",
            fact.category.name if fact.category_id else fact.group_text, fact.outcome,
            fact.place.name if fact.place_id else "", fact.period_start, fact.period_end, fact.best_count,
            fact.best_count_high, fact.best_qualifier, _iso(fact.best_effective_at), fact.low, fact.high,
            fact.grade, fact.disputed,
        ]
        rows = fact_timeline(fact).rows
        if not rows:
            yield writer.writerow(head + [""] * (len(CSV_COLUMNS) - len(head)))
        for row in rows:
            claim, document = row.claim, row.claim.document
            yield writer.writerow(head + [
                claim.pk, row.membership, row.standing, claim.status, _iso(document.published_at),
                document.outlet.name if document.outlet_id else "", claim.speaker.name if claim.speaker_id else "",
                row.authority, claim.count, claim.count_high, claim.qualifier, _iso(claim.effective_at),
                row.in_conflict, " ".join(claim.text.split()), document.url or "",
            ])


def _iso(moment) -> str:
    return moment.isoformat() if moment else ""
