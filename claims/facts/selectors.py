"""Reads for the facts API, admin and exports: every join made once at the query."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from claims.models import Claim, ClaimStatus

from .models import Fact, FactClaim, MembershipStatus
from .series import Series
from .services.summary import fact_claims, series_for

ACTIVE = [MembershipStatus.SUGGESTED, MembershipStatus.CONFIRMED]


def fact_list() -> QuerySet[Fact]:
    return Fact.objects.select_related("party", "category", "place").annotate(
        claims_count=Count("memberships", filter=Q(memberships__status__in=ACTIVE)),
        suggestions_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.SUGGESTED)),
    )


def fact_detail() -> QuerySet[Fact]:
    return fact_list()


@dataclass
class TimelineRow:
    claim: Claim
    membership: str
    standing: str
    authority: str
    in_conflict: bool


@dataclass
class Timeline:
    series: Series
    rows: list[TimelineRow]


def fact_timeline(fact: Fact) -> Timeline:
    """The fact's claims in the order they were reported, each with its standing in the series."""
    claims = fact_claims(fact)
    by_id = {claim.pk: claim for claim in claims}
    memberships = dict(FactClaim.objects.filter(fact=fact, claim_id__in=list(by_id)).values_list("claim_id",
                                                                                                  "status"))
    series = series_for(fact, claims=claims)
    conflicting = series.conflicting_ids
    rows = [TimelineRow(claim=by_id[entry.id], membership=memberships[entry.id], standing=standing,
                        authority=entry.authority, in_conflict=entry.id in conflicting)
            for entry, standing in series.entries]
    return Timeline(series=series, rows=rows)


def reviewed_claims() -> QuerySet[Claim]:
    """Claims a reviewer has decided (approved, rejected, disputed), with their sources."""
    return (Claim.objects.exclude(status=ClaimStatus.PENDING).with_sources()
            .defer("document__text", "document__raw"))
