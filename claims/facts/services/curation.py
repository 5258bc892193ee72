"""An editor's actions on facts: one function each, atomic, audited, version-checked.

    fact_confirm            confirm a suggested fact and its suggested claims (or only some of them)
    fact_reject_suggestion  "this claim does not report on this fact": it is suggested elsewhere
    claim_move              move a claim from one fact to another
    fact_merge              merge one fact into another
    fact_split              take some claims off a fact into a new one
    fact_prefer_claim       the editor's best figure over the rule's (or back to the rule with None)
    fact_update             edit the subject, place or period

Each locks the facts it changes (in id order), checks the versions the caller
read, writes FactEvent rows and refreshes the facts' summaries (which records
the webhook events) in the same transaction.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from claims.models import Claim, ClaimStatus
from factdesk.errors import NotAllowed, ServiceError, VersionConflict

from ..events import FACT_CREATED, fact_event_emit
from ..models import (
    Fact,
    FactAction,
    FactClaim,
    FactEvent,
    FactStatus,
    GroupCategory,
    GroupingLock,
    MembershipStatus,
    Party,
    Place,
)
from ..normalise import Vocabulary
from .grouping import claim_regroup
from .summary import fact_refresh

logger = logging.getLogger(__name__)

CURATE_PERMISSION = "facts.curate_fact"
EDITABLE = ("party", "category", "group_text", "outcome", "place", "period_start", "period_end")


def _check_permission(actor) -> None:
    if actor is not None and not actor.has_perm(CURATE_PERMISSION):
        raise ServiceError(f"you may not change facts: it needs the {CURATE_PERMISSION!r} permission",
                           status=403, title="Forbidden")


def _lock(fact_ids: Iterable[int], expected: dict[int, int] | None) -> dict[int, Fact]:
    """Lock the facts in id order; 404 for a missing one, 409 for a retired one, 412 for a stale version."""
    ids = sorted(set(fact_ids))
    facts = {fact.pk: fact for fact in Fact.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    for fact_id in ids:
        fact = facts.get(fact_id)
        if fact is None:
            raise ServiceError(f"fact {fact_id} does not exist", status=404, title="Not found")
        if fact.status == FactStatus.RETIRED:
            raise NotAllowed(f"fact {fact_id} is retired (merged away or emptied); it cannot change",
                             fact_id=fact_id)
        version = (expected or {}).get(fact_id)
        if version is not None and version != fact.version:
            raise VersionConflict(
                f"fact {fact_id} is at version {fact.version}, you read version {version}: "
                "fetch it again and re-apply your change",
                title="Fact changed since it was read", current_version=fact.version,
            )
    return facts


def _membership(fact: Fact, claim_id: int) -> FactClaim:
    membership = FactClaim.objects.filter(fact=fact, claim_id=claim_id).active().first()
    if membership is None:
        raise ServiceError(f"claim {claim_id} is not on fact {fact.pk}",
                           field_errors={"claim": [f"not on fact {fact.pk}"]})
    return membership


def _event(fact: Fact, action: str, actor, *, claim_ids=(), other=None, note: str = "", changes=None) -> FactEvent:
    return FactEvent.objects.create(
        fact=fact, action=action, actor=actor, claim_ids=sorted(claim_ids),
        other_fact_id=other.pk if other is not None else None, note=note.strip(), changes=changes or {},
        created_at=timezone.now(),
    )


def fact_confirm(*, fact_id: int, actor, claim_ids: Iterable[int] | None = None, note: str = "",
                 expected_version: int | None = None) -> Fact:
    """Confirm the fact and its suggested claims (all, or those named): an editor agrees they belong together."""
    _check_permission(actor)
    with transaction.atomic():
        fact = _lock([fact_id], {fact_id: expected_version})[fact_id]
        suggested = FactClaim.objects.filter(fact=fact, status=MembershipStatus.SUGGESTED)
        if claim_ids is not None:
            wanted = set(claim_ids)
            found = set(suggested.filter(claim_id__in=wanted).values_list("claim_id", flat=True))
            if wanted - found:
                missing = ", ".join(map(str, sorted(wanted - found)))
                raise ServiceError(f"claims {missing} are not suggestions on fact {fact.pk}",
                                   field_errors={"claim_ids": ["not suggested on this fact"]})
            suggested = suggested.filter(claim_id__in=wanted)
        confirmed = list(suggested.values_list("claim_id", flat=True))
        if not confirmed and fact.status == FactStatus.CONFIRMED:
            raise NotAllowed(f"fact {fact.pk} is confirmed and has no suggestions left to confirm", fact_id=fact.pk)
        now = timezone.now()
        suggested.update(status=MembershipStatus.CONFIRMED, decided_by=actor, decided_at=now)
        Fact.objects.filter(pk=fact.pk).update(status=FactStatus.CONFIRMED)
        fact.status = FactStatus.CONFIRMED
        _event(fact, FactAction.CONFIRM, actor, claim_ids=confirmed, note=note)
        return fact_refresh(fact=fact, actor=actor, bump=True)


def fact_reject_suggestion(*, fact_id: int, claim_id: int, actor, note: str = "",
                           expected_version: int | None = None) -> Fact:
    """The claim does not report on this fact: it leaves it for good and is suggested for another (or a new) one."""
    _check_permission(actor)
    with transaction.atomic():
        # The claim is grouped anew below, which takes the grouping lock: take it before the
        # fact's row, in the order grouping runs take them, so the two never wait on each other.
        GroupingLock.objects.select_for_update().filter(name="grouping").first()
        fact = _lock([fact_id], {fact_id: expected_version})[fact_id]
        membership = _membership(fact, claim_id)
        FactClaim.objects.filter(pk=membership.pk).update(status=MembershipStatus.REJECTED, decided_by=actor,
                                                          decided_at=timezone.now())
        _event(fact, FactAction.REJECT, actor, claim_ids=[claim_id], note=note)
        _drop_preferred(fact, [claim_id])
        fact = fact_refresh(fact=fact, actor=actor, bump=True)
        claim = Claim.objects.get(pk=claim_id)
        if claim.status != ClaimStatus.REJECTED:
            claim_regroup(claim=claim)
        return fact


def claim_move(*, claim_id: int, from_fact_id: int, to_fact_id: int, actor, note: str = "",
               expected_versions: dict[int, int] | None = None) -> Fact:
    """Move a claim to another fact of the same kind; it is confirmed there (an editor put it there)."""
    _check_permission(actor)
    if from_fact_id == to_fact_id:
        raise ServiceError("the claim is already on that fact", field_errors={"to_fact": ["same fact"]})
    with transaction.atomic():
        facts = _lock([from_fact_id, to_fact_id], expected_versions)
        source, target = facts[from_fact_id], facts[to_fact_id]
        _same_kind(source, target)
        membership = _membership(source, claim_id)
        _put(target, [membership], actor)
        _event(source, FactAction.MOVE_OUT, actor, claim_ids=[claim_id], other=target, note=note)
        _event(target, FactAction.MOVE_IN, actor, claim_ids=[claim_id], other=source, note=note)
        _drop_preferred(source, [claim_id])
        vocabulary = Vocabulary.load()
        fact_refresh(fact=source, vocabulary=vocabulary, actor=actor, bump=True)
        return fact_refresh(fact=target, vocabulary=vocabulary, actor=actor, bump=True)


def fact_merge(*, fact_id: int, other_id: int, actor, note: str = "",
               expected_versions: dict[int, int] | None = None) -> Fact:
    """Merge `other` into `fact`: its claims (with their status) move over, `other` is retired, history kept."""
    _check_permission(actor)
    if fact_id == other_id:
        raise ServiceError("a fact cannot be merged into itself", field_errors={"other": ["same fact"]})
    with transaction.atomic():
        facts = _lock([fact_id, other_id], expected_versions)
        target, other = facts[fact_id], facts[other_id]
        _same_kind(target, other)
        memberships = list(FactClaim.objects.filter(fact=other).active())
        moved = [m.claim_id for m in memberships]
        _put(target, memberships, actor, keep_status=True)
        if other.status == FactStatus.CONFIRMED and target.status != FactStatus.CONFIRMED:
            Fact.objects.filter(pk=target.pk).update(status=FactStatus.CONFIRMED)
            target.status = FactStatus.CONFIRMED
        Fact.objects.filter(pk=other.pk).update(preferred_claim=None)
        other.preferred_claim_id = None
        _event(target, FactAction.MERGE, actor, claim_ids=moved, other=other, note=note)
        _event(other, FactAction.MERGE, actor, claim_ids=moved, other=target, note=note)
        vocabulary = Vocabulary.load()
        fact_refresh(fact=other, vocabulary=vocabulary, actor=actor, bump=True)  # empty now: retired
        return fact_refresh(fact=target, vocabulary=vocabulary, actor=actor, bump=True)


def fact_split(*, fact_id: int, claim_ids: Iterable[int], actor, note: str = "",
               expected_version: int | None = None) -> Fact:
    """Take the named claims off the fact into a new, confirmed fact with the same subject; returns the new fact."""
    _check_permission(actor)
    wanted = set(claim_ids)
    if not wanted:
        raise ServiceError("name the claims to split off", field_errors={"claim_ids": ["empty"]})
    with transaction.atomic():
        fact = _lock([fact_id], {fact_id: expected_version})[fact_id]
        memberships = list(FactClaim.objects.filter(fact=fact, claim_id__in=wanted).active())
        missing = wanted - {m.claim_id for m in memberships}
        if missing:
            raise ServiceError(f"claims {', '.join(map(str, sorted(missing)))} are not on fact {fact.pk}",
                               field_errors={"claim_ids": ["not on this fact"]})
        if len(memberships) == FactClaim.objects.filter(fact=fact).active().count():
            raise ServiceError("a split must leave at least one claim on the fact; to change the fact itself, "
                               "edit it", field_errors={"claim_ids": ["every claim of the fact"]})
        new = Fact.objects.create(
            kind=fact.kind, status=FactStatus.CONFIRMED, outcome=fact.outcome, party=fact.party,
            category=fact.category, group_text=fact.group_text, place=fact.place,
            period_start=min(m.period_start for m in memberships), period_end=max(m.period_end for m in memberships),
        )
        _put(new, memberships, actor)
        _event(fact, FactAction.SPLIT, actor, claim_ids=wanted, other=new, note=note)
        _event(new, FactAction.SPLIT, actor, claim_ids=wanted, other=fact, note=note)
        _drop_preferred(fact, wanted)
        vocabulary = Vocabulary.load()
        fact_refresh(fact=fact, vocabulary=vocabulary, actor=actor, bump=True)
        new = fact_refresh(fact=new, vocabulary=vocabulary, actor=actor)
        fact_event_emit(type=FACT_CREATED, fact=new)
        return new


def fact_prefer_claim(*, fact_id: int, claim_id: int | None, actor, note: str = "",
                      expected_version: int | None = None) -> Fact:
    """Make an approved claim the fact's best figure whatever the rule says; None returns to the rule."""
    _check_permission(actor)
    with transaction.atomic():
        fact = _lock([fact_id], {fact_id: expected_version})[fact_id]
        if claim_id is not None:
            membership = _membership(fact, claim_id)
            status = Claim.objects.filter(pk=membership.claim_id).values_list("status", flat=True).get()
            if status != ClaimStatus.APPROVED:
                raise NotAllowed(f"claim {claim_id} is {status}: only an approved claim can be the preferred figure",
                                 claim_id=claim_id)
        if fact.preferred_claim_id == claim_id:
            raise ServiceError("that is already the fact's preferred claim" if claim_id
                               else "the fact has no preferred claim to clear")
        before = fact.preferred_claim_id
        Fact.objects.filter(pk=fact.pk).update(preferred_claim_id=claim_id)
        fact.preferred_claim_id = claim_id
        _event(fact, FactAction.PREFER, actor, claim_ids=[claim_id] if claim_id else [], note=note,
               changes={"preferred_claim": [before, claim_id]})
        return fact_refresh(fact=fact, actor=actor, bump=True)


def fact_update(*, fact_id: int, actor, values: dict[str, Any], note: str = "",
                expected_version: int | None = None) -> Fact:
    """Edit a fact's subject, place or period. Setting a period fixes it: claims no longer move it.

    `party`, `category` and `place` are given by name (a new place name makes
    the place); an empty value clears them.
    """
    _check_permission(actor)
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ServiceError(f"these cannot be edited: {', '.join(unknown)}; editable: {', '.join(EDITABLE)}",
                           field_errors={name: ["not editable"] for name in unknown})
    if not values:
        raise ServiceError("nothing to change: give at least one value", field_errors={"values": ["empty"]})
    with transaction.atomic():
        fact = _lock([fact_id], {fact_id: expected_version})[fact_id]
        update = _resolve_edit(fact, values)
        changes = {name: [_show(getattr(fact, name)), _show(value)] for name, value in update.items()
                   if getattr(fact, name) != value and name != "period_fixed"}
        if not changes:
            raise ServiceError("nothing to change: the values given are the fact's current values")
        Fact.objects.filter(pk=fact.pk).update(**update)
        fact.refresh_from_db()
        _event(fact, FactAction.EDIT, actor, note=note, changes=changes)
        return fact_refresh(fact=fact, actor=actor, bump=True)


def _resolve_edit(fact: Fact, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    update: dict[str, Any] = {}
    for name, model in (("party", Party), ("category", GroupCategory)):
        if name in values:
            given = (values[name] or "").strip()
            row = model.objects.filter(name__iexact=given).first() if given else None
            if given and row is None:
                errors[name] = [f"no {model._meta.verbose_name} named {given!r}: add it in the admin first"]
            update[name] = row
    if "place" in values:
        given = (values["place"] or "").strip()
        update["place"] = Place.objects.get_or_create(name=given)[0] if given else None
    if "group_text" in values:
        update["group_text"] = (values["group_text"] or "").strip()
    if "outcome" in values:
        if fact.kind == "casualty" and not values["outcome"]:
            errors["outcome"] = ["a casualty fact needs an outcome"]
        update["outcome"] = values["outcome"] or ""
    if "period_start" in values or "period_end" in values:
        start = values.get("period_start", fact.period_start)
        end = values.get("period_end", fact.period_end)
        if not isinstance(start, date) or not isinstance(end, date):
            errors["period_start"] = ["give dates"]
        elif end < start:
            errors["period_end"] = ["must not be before the start"]
        update.update(period_start=start, period_end=end, period_fixed=True)
    if errors:
        raise ServiceError("the change is not valid", field_errors=errors)
    return update


def _show(value):
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value is not None and not isinstance(value, (str, int)) else value


def _same_kind(first: Fact, second: Fact) -> None:
    if first.kind != second.kind:
        raise NotAllowed(f"fact {first.pk} is a {first.kind} fact and fact {second.pk} a {second.kind} fact: "
                         "only facts of one kind can share claims", fact_ids=[first.pk, second.pk])


def _put(target: Fact, memberships: list[FactClaim], actor, *, keep_status: bool = False) -> None:
    """Move memberships onto `target`; an editor's move confirms them unless `keep_status` (a merge)."""
    now = timezone.now()
    for membership in memberships:
        status = membership.status if keep_status else MembershipStatus.CONFIRMED
        FactClaim.objects.filter(pk=membership.pk).delete()
        FactClaim.objects.update_or_create(
            fact=target, claim_id=membership.claim_id,
            defaults={"status": status, "period_start": membership.period_start,
                      "period_end": membership.period_end, "decided_by": actor if not keep_status else
                      membership.decided_by, "decided_at": now if not keep_status else membership.decided_at},
        )


def _drop_preferred(fact: Fact, claim_ids: Iterable[int]) -> None:
    if fact.preferred_claim_id in set(claim_ids):
        Fact.objects.filter(pk=fact.pk).update(preferred_claim=None)
        fact.preferred_claim_id = None
