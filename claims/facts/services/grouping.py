"""Grouping: each casualty and ceasefire claim is suggested for the fact it reports on.

    facts_group_document  after a document's extraction (the task enqueued on its commit)
    facts_group_pending   every claim not yet on a fact (the periodic sweep, `group_claims`, the benchmark)

A claim joins a live fact of the same kind, outcome, party, group category (or
group words), and place whose period lies within FACTDESK_FACT_PERIOD_GAP_DAYS
of the claim's; otherwise it starts a new suggested fact. Nothing is confirmed
here: an editor confirms or rejects each suggestion. One lock row serialises
grouping runs, so two documents about one event never make two facts for it.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from claims.models import Claim, ClaimKind, ClaimStatus

from ..events import FACT_CREATED, fact_event_emit
from ..models import Fact, FactAction, FactClaim, FactEvent, FactStatus, GroupingLock, MembershipStatus, Place
from ..normalise import ClaimText, Features, Vocabulary, claim_features, document_place
from .summary import fact_refresh, speaker_text

logger = logging.getLogger(__name__)

GROUPED_KINDS = (ClaimKind.CASUALTY, ClaimKind.CEASEFIRE)


@dataclass
class GroupingResult:
    claims: int = 0
    joined: int = 0  # suggested for a fact that already existed
    created_facts: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.claims} claims grouped: {self.joined} suggested for existing facts, "
                f"{len(self.created_facts)} new suggested facts")


def ungrouped_claims() -> QuerySet[Claim]:
    """Casualty and ceasefire claims on no fact, not rejected by review."""
    on_a_fact = FactClaim.objects.filter(claim=OuterRef("pk")).exclude(status=MembershipStatus.REJECTED)
    return (Claim.objects.filter(kind__in=GROUPED_KINDS).exclude(status=ClaimStatus.REJECTED)
            .exclude(Exists(on_a_fact)))


def facts_group_document(*, document_id: int) -> GroupingResult:
    result = _group(ungrouped_claims().filter(document_id=document_id))
    _retire_emptied()
    return result


def _retire_emptied() -> None:
    """Facts whose last claims a re-extraction removed (untouched claims an older rule made) are retired."""
    with_claims = FactClaim.objects.filter(fact=OuterRef("pk")).exclude(status=MembershipStatus.REJECTED)
    with transaction.atomic():
        for fact in Fact.objects.live().exclude(Exists(with_claims)).select_for_update():
            fact_refresh(fact=fact)


def facts_group_pending(*, batch_size: int = 2000) -> GroupingResult:
    """Group every claim not on a fact yet, a batch of documents per transaction."""
    total = GroupingResult()
    while True:
        document_ids = list(ungrouped_claims().order_by("document_id").values_list("document_id", flat=True)
                            .distinct()[:max(1, batch_size // 10)])
        if not document_ids:
            return total
        result = _group(ungrouped_claims().filter(document_id__in=document_ids))
        total.claims += result.claims
        total.joined += result.joined
        total.created_facts += result.created_facts
        if not result.claims:
            return total


def claim_regroup(*, claim: Claim, vocabulary: Vocabulary | None = None) -> Fact | None:
    """Suggest one claim anew (after an editor rejected its fact); inside the caller's transaction."""
    result = _group(Claim.objects.filter(pk=claim.pk), vocabulary=vocabulary, own_transaction=False)
    membership = FactClaim.objects.filter(claim=claim).active().select_related("fact").first()
    return membership.fact if membership and result.claims else None


def _group(claims: QuerySet[Claim], *, vocabulary: Vocabulary | None = None,
           own_transaction: bool = True) -> GroupingResult:
    if own_transaction:
        with transaction.atomic():
            return _group(claims, vocabulary=vocabulary, own_transaction=False)
    GroupingLock.objects.select_for_update().filter(name="grouping").first()
    batch = list(claims.select_related("document", "speaker").order_by("document__published_at", "document_id",
                                                                        "start", "pk"))
    result = GroupingResult()
    if not batch:
        return result
    vocabulary = vocabulary or Vocabulary.load()
    index = _FactIndex()
    rejected = defaultdict(set)
    for claim_id, fact_id in FactClaim.objects.filter(claim__in=[c.pk for c in batch],
                                                      status=MembershipStatus.REJECTED).values_list("claim_id",
                                                                                                     "fact_id"):
        rejected[claim_id].add(fact_id)
    places: dict[int, Place | None] = {}
    joined: dict[int, list[FactClaim]] = defaultdict(list)
    created: list[Fact] = []
    read = []
    for claim in batch:
        document = claim.document
        if document.pk not in places:
            places[document.pk] = _document_place(vocabulary, document)
        read.append((claim, places[document.pk], claim_features(vocabulary, ClaimText(
            kind=claim.kind, outcome=claim.outcome, group=claim.group, start=claim.start, end=claim.end,
            text=claim.text, speaker=speaker_text(claim.speaker),
            published=(document.published_at or claim.created_at or timezone.now()).date(),
        ), document.text)))
    index.preload(min(features.period_start for _, _, features in read),
                  max(features.period_end for _, _, features in read))
    for claim, place, features in read:
        fact = index.find(features, place, exclude=rejected[claim.pk])
        if fact is None:
            fact = Fact.objects.create(
                kind=claim.kind, outcome=features.outcome, party_id=features.party_id,
                category_id=features.category_id, group_text=features.group_text, place=place,
                period_start=features.period_start, period_end=features.period_end,
            )
            index.add(features, place, fact)
            created.append(fact)
        else:
            result.joined += 1
            fact.period_start = min(fact.period_start, features.period_start)
            fact.period_end = max(fact.period_end, features.period_end)
        joined[fact.pk].append(FactClaim(fact=fact, claim=claim, period_start=features.period_start,
                                         period_end=features.period_end))
        result.claims += 1
    FactClaim.objects.bulk_create([membership for memberships in joined.values() for membership in memberships])
    now = timezone.now()
    FactEvent.objects.bulk_create([
        FactEvent(fact_id=fact_id, action=FactAction.SUGGEST, claim_ids=[m.claim_id for m in memberships],
                  created_at=now)
        for fact_id, memberships in joined.items()
    ])
    # Every touched fact's claims in one query, not one per fact.
    touched = {fact.pk: fact for fact in Fact.objects.filter(pk__in=list(joined))
               .select_related("party", "category", "place")}
    claims_of: dict[int, list[Claim]] = defaultdict(list)
    periods_of: dict[int, list[tuple]] = defaultdict(list)
    members = (FactClaim.objects.filter(fact_id__in=list(touched)).active()
               .select_related("claim__document__outlet", "claim__speaker", "claim__reviewed_by")
               .defer("claim__document__text", "claim__document__raw"))
    for membership in members:
        claims_of[membership.fact_id].append(membership.claim)
        periods_of[membership.fact_id].append((membership.period_start, membership.period_end))
    for fact_id, fact in touched.items():
        fact_refresh(fact=fact, vocabulary=vocabulary, claims=claims_of[fact_id], periods=periods_of[fact_id])
    for fact in created:
        fact_event_emit(type=FACT_CREATED, fact=touched[fact.pk])
    result.created_facts = [fact.pk for fact in created]
    logger.info("grouping: %s", result)
    return result


def _document_place(vocabulary: Vocabulary, document) -> Place | None:
    name, place_id = document_place(vocabulary, document.title, document.text)
    if place_id is not None:
        return Place.objects.get(pk=place_id)
    if not name:
        return None
    place, _ = Place.objects.get_or_create(name=name)
    return place


class _FactIndex:
    """The live facts of each grouping key, read once per key per run and kept up to date as facts are made."""

    def __init__(self):
        self._facts: dict[tuple, list[Fact]] = {}
        self.gap = timedelta(days=settings.FACTDESK_FACT_PERIOD_GAP_DAYS)

    @staticmethod
    def key(features: Features, place: Place | None) -> tuple:
        return (features.kind, features.outcome, features.party_id, features.category_id, features.group_text,
                place.pk if place else None)

    def preload(self, start: date, end: date) -> None:
        """Read, in one query, every live fact a claim of this run could join (fact_grouping_period serves it)."""
        for fact in Fact.objects.live().filter(period_end__gte=start - self.gap,
                                               period_start__lte=end + self.gap).order_by("pk"):
            key = (fact.kind, fact.outcome, fact.party_id, fact.category_id, fact.group_text, fact.place_id)
            self._facts.setdefault(key, []).append(fact)

    def _load(self, key: tuple) -> list[Fact]:
        return self._facts.setdefault(key, [])

    def find(self, features: Features, place: Place | None, *, exclude: set[int]) -> Fact | None:
        start, end = features.period_start - self.gap, features.period_end + self.gap
        near = [fact for fact in self._load(self.key(features, place))
                if fact.pk not in exclude and fact.period_start <= end and fact.period_end >= start]
        if not near:
            return None
        return min(near, key=lambda fact: (_distance(fact, features.period_start, features.period_end),
                                           fact.status != FactStatus.CONFIRMED, fact.pk))

    def add(self, features: Features, place: Place | None, fact: Fact) -> None:
        facts = self._load(self.key(features, place))
        if fact not in facts:
            facts.append(fact)


def _distance(fact: Fact, start: date, end: date) -> int:
    if fact.period_end < start:
        return (start - fact.period_end).days
    if fact.period_start > end:
        return (fact.period_start - end).days
    return 0
