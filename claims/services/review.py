"""Reviewing claims: approve, reject, dispute, correct, reopen — one at a time or in bulk.

Every action locks the claim, checks the caller's version (optimistic lock),
asks the state machine in claims.review, writes the immutable ReviewEvent,
bumps the claim's version and refreshes the facts the claim reports on (their
best figure, range, grade and disputes, with their events), all in one
transaction.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.facts.services import facts_refresh_for_claims
from claims.models import Claim, ClaimKind, Outcome, Precision, Qualifier, ReviewAction, ReviewEvent
from claims.review import allowed_actions, transition_for
from claims.webhooks.services import claim_events_record
from factdesk.errors import NotAllowed, ServiceError, VersionConflict
from sources.models import Speaker

logger = logging.getLogger(__name__)

CORRECTABLE = ("count", "count_high", "outcome", "qualifier", "group", "speaker_id", "effective_at", "precision")


def _check_permission(actor, permission: str, action: str) -> None:
    if actor is not None and not actor.has_perm(permission):
        raise ServiceError(f"you may not {action} claims: it needs the {permission!r} permission",
                           status=403, title="Forbidden")


def _lock(claim_id: int) -> Claim:
    claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise ServiceError(f"claim {claim_id} does not exist", status=404, title="Not found")
    return claim


def _apply(claim: Claim, *, action: str, actor, note: str, expected_version: int | None,
           changes: dict[str, list[Any]] | None = None) -> ReviewEvent:
    transition = transition_for(action)
    if expected_version is not None and claim.version != expected_version:
        raise VersionConflict(
            f"claim {claim.pk} is at version {claim.version}, you read version {expected_version}: "
            "fetch it again and re-apply your change",
            current_version=claim.version,
        )
    if claim.status not in transition.sources:
        allowed = allowed_actions(claim.status)
        raise NotAllowed(
            f"cannot {action} claim {claim.pk}: it is {claim.status}; allowed: {', '.join(allowed) or 'none'}",
            claim_id=claim.pk, status_now=claim.status, allowed=allowed,
        )
    transition.check_note(note)
    from_status = claim.status
    to_status = transition.target_from(from_status)
    now = timezone.now()
    update: dict[str, Any] = {"status": to_status, "version": F("version") + 1, "updated_at": now}
    if action != ReviewAction.CORRECT:
        reviewed = to_status != "pending"
        update["reviewed_by"] = actor if reviewed else None
        update["reviewed_at"] = now if reviewed else None
    for field, (_, after) in (changes or {}).items():
        update[field] = after
    Claim.objects.filter(pk=claim.pk).update(**update)
    event = ReviewEvent.objects.create(
        claim=claim, actor=actor, action=action, from_status=from_status, to_status=to_status,
        note=note.strip(), changes=_jsonable(changes or {}), created_at=now,
    )
    logger.info("claim %s: %s %s→%s by %s", claim.pk, action, from_status, to_status, actor or "system")
    return event


def _events_record(review_events: list[ReviewEvent]) -> None:
    """The webhook events of these review decisions, in their transaction: claim.updated for a
    correction, claim.reviewed for the rest; the data is the claim as it now stands, plus the decision."""
    by_type: dict[str, list[ReviewEvent]] = {}
    for event in review_events:
        by_type.setdefault("claim.updated" if event.action == ReviewAction.CORRECT else "claim.reviewed", []).append(event)
    for type_, events in by_type.items():
        extra = {event.claim_id: {"review": {
            "action": event.action, "from_status": event.from_status, "to_status": event.to_status,
            "actor": getattr(event.actor, "username", None), "note": event.note, "changes": event.changes,
        }} for event in events}
        claim_events_record(type=type_, claim_ids=[event.claim_id for event in events], extra=extra)


def _jsonable(changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {field: [v.isoformat() if isinstance(v, datetime) else v for v in pair] for field, pair in changes.items()}


def claim_review(*, claim_id: int, action: str, actor, note: str = "", expected_version: int | None = None) -> Claim:
    """Approve, reject, dispute or reopen one claim."""
    if action == ReviewAction.CORRECT:
        raise ValueError("use claim_correct() to correct a claim's values")
    transition = transition_for(action)
    _check_permission(actor, transition.permission, action)
    with transaction.atomic():
        claim = _lock(claim_id)
        event = _apply(claim, action=action, actor=actor, note=note, expected_version=expected_version)
        _events_record([event])
        facts_refresh_for_claims(claim_ids=[claim.pk], actor=actor)
    claim.refresh_from_db()
    return claim


def claim_approve(*, claim_id: int, actor, note: str = "", expected_version: int | None = None) -> Claim:
    return claim_review(claim_id=claim_id, action=ReviewAction.APPROVE, actor=actor, note=note,
                        expected_version=expected_version)


def claim_reject(*, claim_id: int, actor, note: str, expected_version: int | None = None) -> Claim:
    return claim_review(claim_id=claim_id, action=ReviewAction.REJECT, actor=actor, note=note,
                        expected_version=expected_version)


def claim_dispute(*, claim_id: int, actor, note: str, expected_version: int | None = None) -> Claim:
    return claim_review(claim_id=claim_id, action=ReviewAction.DISPUTE, actor=actor, note=note,
                        expected_version=expected_version)


def claim_reopen(*, claim_id: int, actor, note: str = "", expected_version: int | None = None) -> Claim:
    return claim_review(claim_id=claim_id, action=ReviewAction.REOPEN, actor=actor, note=note,
                        expected_version=expected_version)


def claims_review_bulk(*, claim_ids: Iterable[int], action: str, actor, note: str = "",
                       expected_versions: Mapping[int, int] | None = None) -> list[Claim]:
    """Review many claims at once, all or nothing: one refusal and none of them changes.

    `expected_versions` maps each claim id to the version the caller read (the optimistic lock);
    the API and the admin always send it. Leaving it out (None) means "whatever they are now",
    for callers acting on what they just read themselves (commands, tests).
    """
    if action == ReviewAction.CORRECT:
        raise ValueError("corrections are made one claim at a time")
    transition = transition_for(action)
    _check_permission(actor, transition.permission, action)
    ids = sorted(set(claim_ids))
    if not ids:
        raise ServiceError("no claims given")
    if expected_versions is not None and set(expected_versions) != set(ids):
        raise ValueError("expected_versions must name exactly the claims reviewed")
    transition.check_note(note)
    with transaction.atomic():
        # Lock in id order so two bulk reviews over overlapping sets cannot deadlock; the versions
        # are compared under these locks, so no review can land between the check and the write.
        claims = list(Claim.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        missing = sorted(set(ids) - {claim.pk for claim in claims})
        if missing:
            raise ServiceError(f"claims do not exist: {', '.join(map(str, missing))}", status=404, title="Not found")
        if expected_versions is not None:
            _check_versions(claims, expected_versions)
        refused = [claim for claim in claims if claim.status not in transition.sources]
        if refused:
            raise NotAllowed(
                f"cannot {action} {len(refused)} of {len(claims)} claims; nothing was changed: "
                + "; ".join(f"claim {c.pk} is {c.status} (allowed: {', '.join(allowed_actions(c.status)) or 'none'})"
                            for c in refused[:20]),
                refused={c.pk: allowed_actions(c.status) for c in refused},
            )
        events = [_apply(claim, action=action, actor=actor, note=note, expected_version=None) for claim in claims]
        _events_record(events)
        facts_refresh_for_claims(claim_ids=ids, actor=actor)
    return list(Claim.objects.filter(pk__in=ids).order_by("pk"))


def _check_versions(claims: list[Claim], expected_versions: Mapping[int, int]) -> None:
    stale = [claim for claim in claims if claim.version != expected_versions[claim.pk]]
    if stale:
        raise VersionConflict(
            f"{len(stale)} of {len(claims)} claims changed since you read them; nothing was changed: "
            + "; ".join(f"claim {c.pk} is at version {c.version}, you read version {expected_versions[c.pk]}"
                        for c in stale[:20])
            + ". Fetch them again and re-apply your review.",
            title="Claims changed since they were read",
            stale=[{"id": c.pk, "version_read": expected_versions[c.pk], "current_version": c.version} for c in stale],
        )


def claim_correct(*, claim_id: int, actor, values: dict[str, Any], note: str = "",
                  expected_version: int | None = None) -> Claim:
    """Correct a claim's structured values; the extracted originals stay in extracted_values."""
    transition = transition_for(ReviewAction.CORRECT)
    _check_permission(actor, transition.permission, "correct")
    unknown = sorted(set(values) - set(CORRECTABLE))
    if unknown:
        raise ServiceError(f"these values cannot be corrected: {', '.join(unknown)}; "
                           f"correctable: {', '.join(CORRECTABLE)}",
                           field_errors={name: ["not correctable"] for name in unknown})
    if not values:
        raise ServiceError("nothing to correct: give at least one value", field_errors={"values": ["empty"]})
    with transaction.atomic():
        claim = _lock(claim_id)
        _validate_correction(claim, values)
        changes = {field: [getattr(claim, field), value] for field, value in values.items()
                   if getattr(claim, field) != value}
        if not changes:
            raise ServiceError("nothing to correct: the values given are the claim's current values")
        event = _apply(claim, action=ReviewAction.CORRECT, actor=actor, note=note, expected_version=expected_version,
                       changes=changes)
        _events_record([event])
        facts_refresh_for_claims(claim_ids=[claim.pk], actor=actor)
    claim.refresh_from_db()
    return claim


def _validate_correction(claim: Claim, values: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    merged = {field: values.get(field, getattr(claim, field)) for field in CORRECTABLE}
    choices = {"outcome": Outcome.values, "qualifier": Qualifier.values, "precision": Precision.values}
    for field, allowed in choices.items():
        if field in values and values[field] not in ("", *allowed):
            errors[field] = [f"must be one of {', '.join(allowed)}"]
    for field in ("count", "count_high"):
        value = values.get(field)
        if field in values and value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            errors[field] = ["must be a whole number, 0 or more"]
    if not errors and merged["count_high"] is not None and (merged["count"] is None or merged["count_high"] < merged["count"]):
        errors["count_high"] = ["must not be below count"]
    if claim.kind == ClaimKind.CASUALTY and not errors and (merged["count"] is None or not merged["outcome"]):
        errors["count"] = ["a casualty claim needs a count and an outcome"]
    if "effective_at" in values and values["effective_at"] is not None and not isinstance(values["effective_at"], datetime):
        errors["effective_at"] = ["must be a date and time"]
    if values.get("speaker_id") is not None and not Speaker.objects.filter(pk=values["speaker_id"]).exists():
        errors["speaker_id"] = [f"speaker {values['speaker_id']} does not exist"]
    if errors:
        raise ServiceError("the correction is not valid", field_errors=errors)
