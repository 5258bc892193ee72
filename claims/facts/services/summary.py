"""Keeping a fact's stored summary equal to what its series says, and announcing changes.

    series_for                 a fact's series (claims.facts.series) from its claims as they are now
    fact_refresh               recompute one fact's summary; events and audit rows when it changed
    facts_refresh_for_claims   the facts these claims report on (the review services call this)
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from claims.models import Claim

from .. import series as series_rules
from ..events import FACT_DISPUTED, FACT_UPDATED, fact_event_emit
from ..models import Fact, FactAction, FactClaim, FactEvent, FactStatus, MembershipStatus
from ..normalise import Vocabulary, source_kind, speaker_party

SUMMARY_FIELDS = ("best_claim_id", "best_count", "best_count_high", "best_qualifier", "best_effective_at", "low",
                  "high", "earliest_at", "latest_at", "grade", "disputed", "conflicts")
BEST_FIELDS = ("best_claim_id", "best_count", "best_count_high", "best_qualifier", "best_effective_at")


def speaker_text(speaker) -> str:
    if speaker is None:
        return ""
    return " ; ".join(part for part in (speaker.name, speaker.role, speaker.affiliation) if part)


def authority(vocabulary: Vocabulary, fact: Fact, claim: Claim) -> tuple[str, int | None]:
    """The kind of source behind a claim relative to the fact's side (see series.AUTHORITY), and the
    side an official source speaks for."""
    said_by = speaker_text(claim.speaker)
    kind = source_kind(vocabulary, said_by)
    if kind == "media" and claim.speaker_id and vocabulary.names_a_party(claim.speaker.name):
        kind = "official"  # "Armenia said": a side speaking as a whole speaks through its government
    if kind != "official":
        return kind, None
    side = speaker_party(vocabulary, said_by)
    if side is None or fact.party_id is None:
        return "official", side
    return ("own_official" if side == fact.party_id else "adversary"), side


def series_claim(vocabulary: Vocabulary, fact: Fact, claim: Claim) -> series_rules.SeriesClaim:
    document = claim.document
    outlet = document.outlet.name if document.outlet_id else "(no outlet)"
    speaker = claim.speaker.name if claim.speaker_id else ""
    kind, side = authority(vocabulary, fact, claim)
    return series_rules.SeriesClaim(
        id=claim.pk, status=claim.status, count=claim.count, count_high=claim.count_high,
        qualifier=claim.qualifier, effective_at=claim.effective_at, precision=claim.precision,
        published_at=document.published_at, outlet=outlet, speaker=speaker,
        source=speaker or outlet, authority=kind, side=vocabulary.party_names.get(side, "") if side else "",
    )


def fact_claims(fact: Fact) -> list[Claim]:
    """The claims on a fact now (suggested or confirmed), with what the series reads of them."""
    return list(
        Claim.objects.filter(fact_memberships__fact=fact, fact_memberships__status__in=[
            MembershipStatus.SUGGESTED, MembershipStatus.CONFIRMED])
        .select_related("document__outlet", "speaker", "reviewed_by")
        .defer("document__text", "document__raw")
    )


def series_for(fact: Fact, *, vocabulary: Vocabulary | None = None,
               claims: Iterable[Claim] | None = None) -> series_rules.Series:
    vocabulary = vocabulary or Vocabulary.load()
    claims = fact_claims(fact) if claims is None else claims
    return series_rules.series_of(
        fact.kind, [series_claim(vocabulary, fact, claim) for claim in claims],
        preferred_id=fact.preferred_claim_id,
        dispute_window=timedelta(hours=settings.FACTDESK_FACT_DISPUTE_WINDOW_HOURS),
    )


def summary_values(series: series_rules.Series) -> dict:
    best = series.best
    return {
        "best_claim_id": best.id if best else None,
        "best_count": best.count if best else None,
        "best_count_high": best.count_high if best else None,
        "best_qualifier": best.qualifier if best else "",
        "best_effective_at": best.effective_at if best else None,
        "low": series.low, "high": series.high,
        "earliest_at": series.earliest_at, "latest_at": series.latest_at,
        "grade": series.grade, "disputed": series.disputed, "conflicts": series.conflicts,
    }


def fact_refresh(*, fact: Fact, vocabulary: Vocabulary | None = None, actor=None, bump: bool = False,
                 claims: list[Claim] | None = None, periods: list[tuple] | None = None) -> Fact:
    """Recompute a fact's period and summary from its claims; call inside the caller's transaction.

    The version goes up when anything stored changes (or `bump`: the caller
    changed the fact itself). A changed best figure writes a `summary` audit
    row and a `fact.updated` event; a fact that becomes disputed, a
    `fact.disputed` event naming the conflicting claims. A suggested fact left
    without claims is retired. `claims` and `periods` (the active memberships'
    claims and periods) may be given by a caller that read many facts' at once.
    """
    if periods is None:
        periods = list(FactClaim.objects.filter(fact=fact).active().values_list("period_start", "period_end"))
    values = summary_values(series_for(fact, vocabulary=vocabulary, claims=claims))
    if periods and not fact.period_fixed:
        values["period_start"] = min(start for start, _ in periods)
        values["period_end"] = max(end for _, end in periods)
    if not periods and fact.status != FactStatus.RETIRED:
        values["status"] = FactStatus.RETIRED
    before = {name: getattr(fact, name) for name in values}
    changed = {name: [before[name], value] for name, value in values.items() if before[name] != value}
    if not changed and not bump:
        return fact
    now = timezone.now()
    Fact.objects.filter(pk=fact.pk).update(**values, version=F("version") + 1, updated_at=now)
    for name, value in values.items():  # the row is locked by the caller: memory and row now agree
        setattr(fact, name, value)
    fact.version += 1
    fact.updated_at = now
    best_changed = any(name in changed for name in BEST_FIELDS)
    if best_changed or "disputed" in changed or "conflicts" in changed:
        FactEvent.objects.create(
            fact=fact, action=FactAction.SUMMARY, actor=actor, created_at=now,
            changes=_jsonable({name: pair for name, pair in changed.items() if name in SUMMARY_FIELDS}),
        )
    if "status" in changed:
        FactEvent.objects.create(fact=fact, action=FactAction.RETIRE, actor=actor, created_at=now,
                                 note="no claims left on the fact")
    if best_changed and fact.status != FactStatus.RETIRED:
        fact_event_emit(type=FACT_UPDATED, fact=fact)
    if values["disputed"] and ("conflicts" in changed) and fact.status != FactStatus.RETIRED:
        newly = {tuple(c["claims"]) for c in values["conflicts"]} - {tuple(c["claims"]) for c in before["conflicts"]}
        if newly:
            fact_event_emit(type=FACT_DISPUTED, fact=fact)
    return fact


def _jsonable(changes: dict) -> dict:
    return {name: [value.isoformat() if hasattr(value, "isoformat") else value for value in pair]
            for name, pair in changes.items()}


def facts_refresh_for_claims(*, claim_ids: Iterable[int], actor=None) -> list[Fact]:
    """Refresh the facts these claims report on, after a review changed them (inside its transaction)."""
    fact_ids = set(FactClaim.objects.filter(claim_id__in=list(claim_ids)).active().values_list("fact_id", flat=True))
    if not fact_ids:
        return []
    vocabulary = Vocabulary.load()
    facts = list(Fact.objects.select_for_update().filter(pk__in=sorted(fact_ids)).order_by("pk"))
    return [fact_refresh(fact=fact, vocabulary=vocabulary, actor=actor) for fact in facts]
