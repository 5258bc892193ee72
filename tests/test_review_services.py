"""The review services themselves, as every caller (API, admin, commands) uses them."""
from __future__ import annotations

import pytest

from claims.models import Claim, ReviewEvent
from claims.services import (
    claim_approve,
    claim_correct,
    claim_dispute,
    claim_reject,
    claim_reopen,
    claims_review_bulk,
)
from factdesk.errors import NotAllowed, ServiceError, VersionConflict
from tests.conftest import ClaimFactory


def test_approving_bumps_the_version_and_writes_one_event(reviewer):
    claim = ClaimFactory()
    approved = claim_approve(claim_id=claim.pk, actor=reviewer, expected_version=1)
    assert (approved.status, approved.version, approved.reviewed_by) == ("approved", 2, reviewer)
    assert approved.etag == f'"claim-{claim.pk}-v2"'
    assert ReviewEvent.objects.filter(claim=claim, action="approve").count() == 1


def test_a_stale_version_is_a_version_conflict_and_nothing_changes(reviewer):
    claim = ClaimFactory(version=3)
    with pytest.raises(VersionConflict) as raised:
        claim_approve(claim_id=claim.pk, actor=reviewer, expected_version=2)
    assert raised.value.status == 412
    assert raised.value.extra["current_version"] == 3
    assert Claim.objects.get(pk=claim.pk).status == "pending"
    assert not ReviewEvent.objects.exists()


def test_a_forbidden_transition_names_the_allowed_ones(reviewer):
    claim = ClaimFactory(status="rejected")
    with pytest.raises(NotAllowed) as raised:
        claim_dispute(claim_id=claim.pk, actor=reviewer, note="doubtful")
    assert raised.value.status == 409
    assert raised.value.extra["allowed"] == ["reopen"]


def test_rejecting_without_a_note_is_refused_with_a_field_error(reviewer):
    claim = ClaimFactory()
    with pytest.raises(ServiceError) as raised:
        claim_reject(claim_id=claim.pk, actor=reviewer, note="  ")
    assert raised.value.extra["field_errors"] == {"note": ["required"]}
    assert Claim.objects.get(pk=claim.pk).status == "pending"


def test_a_user_without_the_permission_is_refused_before_anything_is_read(reader):
    claim = ClaimFactory()
    with pytest.raises(ServiceError) as raised:
        claim_approve(claim_id=claim.pk, actor=reader)
    assert raised.value.status == 403


def test_a_reviewer_cannot_reopen_but_an_editor_can(reviewer, editor):
    claim = ClaimFactory(status="approved")
    with pytest.raises(ServiceError):
        claim_reopen(claim_id=claim.pk, actor=reviewer)
    reopened = claim_reopen(claim_id=claim.pk, actor=editor)
    assert (reopened.status, reopened.reviewed_by, reopened.reviewed_at) == ("pending", None, None)


def test_a_correction_changes_the_values_keeps_the_extracted_ones_and_records_before_and_after(editor):
    claim = ClaimFactory(status="approved")
    corrected = claim_correct(claim_id=claim.pk, actor=editor, values={"count": 15, "qualifier": "about"},
                              note="revised toll", expected_version=1)
    assert (corrected.count, corrected.qualifier, corrected.status) == (15, "about", "approved")
    assert corrected.extracted_values["count"] == 12
    event = ReviewEvent.objects.get(claim=claim)
    assert event.changes == {"count": [12, 15], "qualifier": ["at_least", "about"]}


def test_a_correction_that_breaks_a_casualty_claim_is_refused(editor):
    claim = ClaimFactory()
    with pytest.raises(ServiceError) as raised:
        claim_correct(claim_id=claim.pk, actor=editor, values={"count": None})
    assert "count" in raised.value.extra["field_errors"]
    assert Claim.objects.get(pk=claim.pk).count == 12


def test_bulk_review_is_all_or_nothing(reviewer):
    pending = ClaimFactory.create_batch(3)
    approved = ClaimFactory(status="approved")
    with pytest.raises(NotAllowed) as raised:
        claims_review_bulk(claim_ids=[c.pk for c in [*pending, approved]], action="approve", actor=reviewer)
    assert raised.value.extra["refused"] == {approved.pk: ["dispute", "reopen", "correct"]}
    assert Claim.objects.filter(status="approved").count() == 1
    assert not ReviewEvent.objects.exists()
    done = claims_review_bulk(claim_ids=[c.pk for c in pending], action="reject", actor=reviewer, note="duplicate")
    assert {c.status for c in done} == {"rejected"}
    assert ReviewEvent.objects.count() == 3


def test_bulk_review_with_a_stale_version_is_a_version_conflict_naming_it_and_nothing_changes(reviewer):
    fresh, changed = ClaimFactory.create_batch(2)
    claim_dispute(claim_id=changed.pk, actor=reviewer, note="doubtful", expected_version=1)
    with pytest.raises(VersionConflict) as raised:
        claims_review_bulk(claim_ids=[fresh.pk, changed.pk], action="approve", actor=reviewer,
                           expected_versions={fresh.pk: 1, changed.pk: 1})
    assert raised.value.status == 412
    assert raised.value.extra["stale"] == [{"id": changed.pk, "version_read": 1, "current_version": 2}]
    assert dict(Claim.objects.values_list("pk", "status")) == {fresh.pk: "pending", changed.pk: "disputed"}
    assert ReviewEvent.objects.count() == 1


def test_bulk_review_at_the_current_versions_goes_through(reviewer):
    claims = ClaimFactory.create_batch(2, version=4)
    done = claims_review_bulk(claim_ids=[c.pk for c in claims], action="approve", actor=reviewer,
                              expected_versions={c.pk: 4 for c in claims})
    assert {(c.status, c.version) for c in done} == {("approved", 5)}


def test_bulk_review_refuses_a_reject_without_a_note_and_changes_nothing(reviewer):
    claim = ClaimFactory()
    with pytest.raises(ServiceError) as raised:
        claims_review_bulk(claim_ids=[claim.pk], action="reject", actor=reviewer, note=" ",
                           expected_versions={claim.pk: 1})
    assert raised.value.extra["field_errors"] == {"note": ["required"]}
    assert Claim.objects.get(pk=claim.pk).status == "pending"


def test_review_events_cannot_be_edited_or_deleted(reviewer):
    claim = claim_approve(claim_id=ClaimFactory().pk, actor=reviewer)
    event = ReviewEvent.objects.get(claim=claim)
    event.note = "rewritten"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        ReviewEvent.objects.all().delete()
