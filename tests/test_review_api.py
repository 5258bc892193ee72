"""Reviewing claims over HTTP: the workflow, If-Match on every change, bulk all-or-nothing."""
from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from rest_framework.test import APIClient

from claims.models import Claim, ReviewEvent
from tests.conftest import ClaimFactory, SpeakerFactory, api_client_for


def read_etag(client: APIClient, claim: Claim) -> str:
    response = client.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 200
    return response["ETag"]


def post(client: APIClient, claim: Claim, verb: str, body: dict | None = None, etag: str | None = None):
    headers = {"HTTP_IF_MATCH": etag} if etag is not None else {}
    return client.post(f"/api/v1/claims/{claim.pk}/{verb}/", body or {}, format="json", **headers)


def test_it_approves_a_claim_read_at_its_current_version(reviewer):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    response = post(client, claim, "approve", {"note": "matches the ministry's figure"}, read_etag(client, claim))
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert response.json()["reviewed_by"] == reviewer.username
    assert response["ETag"] == f'"claim-{claim.pk}-v2"'
    event = ReviewEvent.objects.get(claim=claim)
    assert (event.action, event.from_status, event.to_status, event.actor) == ("approve", "pending", "approved", reviewer)


def test_it_answers_428_naming_the_etag_when_if_match_is_missing(reviewer):
    claim = ClaimFactory()
    response = post(api_client_for(reviewer), claim, "approve")
    assert response.status_code == 428
    assert response["Content-Type"] == "application/problem+json"
    assert claim.etag in response.json()["detail"]
    assert Claim.objects.get(pk=claim.pk).status == "pending"


def test_it_refuses_a_wildcard_if_match_because_it_would_overwrite_blindly(reviewer):
    claim = ClaimFactory()
    assert post(api_client_for(reviewer), claim, "approve", etag="*").status_code == 428


def test_it_answers_412_when_the_claim_changed_since_it_was_read(reviewer, editor):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    stale = read_etag(client, claim)
    assert post(api_client_for(editor), claim, "correct", {"count": 13}, read_etag(api_client_for(editor), claim)).status_code == 200
    response = post(client, claim, "approve", etag=stale)
    assert response.status_code == 412
    assert response.json()["current_version"] == 2
    assert Claim.objects.get(pk=claim.pk).status == "pending"


def test_it_answers_412_for_the_etag_of_another_claim(reviewer):
    claim, other = ClaimFactory(), ClaimFactory()
    response = post(api_client_for(reviewer), claim, "approve", etag=other.etag)
    assert response.status_code == 412


def test_two_reviewers_racing_on_one_claim_one_wins_and_the_other_gets_412(reviewer, editor):
    claim = ClaimFactory()
    first, second = api_client_for(reviewer), api_client_for(editor)
    etag_first, etag_second = read_etag(first, claim), read_etag(second, claim)
    assert etag_first == etag_second

    won = post(first, claim, "approve", etag=etag_first)
    lost = post(second, claim, "reject", {"note": "the count is of soldiers"}, etag=etag_second)

    assert (won.status_code, lost.status_code) == (200, 412)
    assert Claim.objects.get(pk=claim.pk).status == "approved"
    assert ReviewEvent.objects.filter(claim=claim).count() == 1


def test_a_transition_the_state_machine_forbids_answers_409_with_the_allowed_actions(reviewer):
    claim = ClaimFactory(status="rejected")
    client = api_client_for(reviewer)
    response = post(client, claim, "approve", etag=read_etag(client, claim))
    assert response.status_code == 409
    body = response.json()
    assert body["allowed"] == ["reopen"]
    assert body["title"] == "Transition not allowed"


def test_rejecting_needs_a_note(reviewer):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    response = post(client, claim, "reject", {"note": " "}, read_etag(client, claim))
    assert response.status_code == 400
    assert response.json()["errors"] == {"note": ["required"]}
    assert not ReviewEvent.objects.exists()


@pytest.mark.parametrize("verb", ["approve", "reject", "dispute", "reopen", "correct"])
def test_every_review_action_refuses_the_old_reason_field_and_names_note(editor, verb):
    claim = ClaimFactory(status="approved" if verb == "reopen" else "pending")
    client = api_client_for(editor)
    body = {"reason": "the count is of soldiers", **({"count": 13} if verb == "correct" else {})}
    response = post(client, claim, verb, body, read_etag(client, claim))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "`note`" in response.json()["errors"]["reason"][0]
    assert not ReviewEvent.objects.exists()


def test_bulk_review_refuses_the_old_reason_field_and_names_note(reviewer):
    claim = ClaimFactory()
    response = bulk(api_client_for(reviewer), {"action": "reject", "claims": versions(claim), "reason": "old toll"})
    assert response.status_code == 400
    assert "`note`" in response.json()["errors"]["reason"][0]
    assert not ReviewEvent.objects.exists()


def test_the_note_of_every_action_is_kept_in_the_history(editor):
    claim = ClaimFactory()
    client = api_client_for(editor)
    for verb, note in (("dispute", "the ministry says 8"), ("approve", "confirmed by two outlets"),
                       ("reopen", "new figures"), ("reject", "an older toll")):
        assert post(client, claim, verb, {"note": note}, read_etag(client, claim)).status_code == 200
    assert list(ReviewEvent.objects.filter(claim=claim).values_list("action", "note")) == [
        ("dispute", "the ministry says 8"), ("approve", "confirmed by two outlets"), ("reopen", "new figures"),
        ("reject", "an older toll")]


def test_disputing_needs_a_note_and_records_it(reviewer):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    assert post(client, claim, "dispute", {}, read_etag(client, claim)).status_code == 400
    response = post(client, claim, "dispute", {"note": "other outlets say 10"}, read_etag(client, claim))
    assert response.status_code == 200
    assert ReviewEvent.objects.get(claim=claim).note == "other outlets say 10"


def test_an_editor_corrects_values_and_the_extracted_original_is_kept(editor):
    claim = ClaimFactory()
    speaker = SpeakerFactory(name="Health Ministry")
    client = api_client_for(editor)
    response = post(client, claim, "correct", {
        "count": 14, "qualifier": "exact", "speaker": speaker.pk, "effective_at": "2026-03-01T18:00:00Z",
        "note": "the ministry revised its toll",
    }, read_etag(client, claim))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["count"], body["qualifier"], body["speaker"]["id"]) == (14, "exact", speaker.pk)
    assert body["effective_at"] == "2026-03-01T18:00:00Z"
    assert body["extracted_values"]["count"] == 12
    assert body["status"] == "pending"
    event = ReviewEvent.objects.get(claim=claim)
    assert event.changes["count"] == [12, 14]


def test_a_correction_to_an_unknown_speaker_is_a_field_error(editor):
    claim = ClaimFactory()
    client = api_client_for(editor)
    response = post(client, claim, "correct", {"speaker": 987654}, read_etag(client, claim))
    assert response.status_code == 400
    assert "speaker_id" in response.json()["errors"]


def test_a_correction_with_nothing_to_change_is_refused(editor):
    claim = ClaimFactory()
    client = api_client_for(editor)
    assert post(client, claim, "correct", {"note": "just a note"}, read_etag(client, claim)).status_code == 400


def test_an_editor_reopens_a_decided_claim(editor):
    claim = ClaimFactory(status="approved")
    client = api_client_for(editor)
    response = post(client, claim, "reopen", {}, read_etag(client, claim))
    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    assert response.json()["reviewed_by"] is None


def test_a_reviewer_may_not_reopen_or_correct(reviewer):
    claim = ClaimFactory(status="approved")
    client = api_client_for(reviewer)
    etag = read_etag(client, claim)
    assert post(client, claim, "reopen", {}, etag).status_code == 403
    assert post(client, claim, "correct", {"count": 1}, etag).status_code == 403


def test_the_history_lists_every_decision_oldest_first(reviewer, editor):
    claim = ClaimFactory()
    post(api_client_for(reviewer), claim, "approve", etag=read_etag(api_client_for(reviewer), claim))
    post(api_client_for(editor), claim, "reopen", etag=read_etag(api_client_for(editor), claim))
    response = api_client_for(reviewer).get(f"/api/v1/claims/{claim.pk}/history/")
    assert response.status_code == 200
    assert [(e["action"], e["actor"]) for e in response.json()] == [
        ("approve", reviewer.username), ("reopen", editor.username),
    ]


def bulk(client: APIClient, body: dict):
    return client.post("/api/v1/claims/review/", body, format="json")


def versions(*claims: Claim) -> list[dict]:
    """Each claim named with the version it was read at: what a client sends to bulk review."""
    return [{"id": claim.pk, "version": claim.version} for claim in claims]


def test_bulk_review_approves_every_claim_named(reviewer):
    claims = ClaimFactory.create_batch(3)
    response = bulk(api_client_for(reviewer), {"action": "approve", "claims": versions(*claims)})
    assert response.status_code == 200
    assert {c["status"] for c in response.json()} == {"approved"}
    assert {c["version"] for c in response.json()} == {2}
    assert ReviewEvent.objects.count() == 3


def test_bulk_approve_with_a_version_someone_changed_meanwhile_is_412_and_keeps_their_dispute(reviewer, editor):
    """Reviewer A reads the queue; reviewer B disputes one claim; A's bulk approve from the stale read fails whole."""
    first, second, third = ClaimFactory.create_batch(3)
    client_a = api_client_for(reviewer)
    read_by_a = {c["id"]: c["version"] for c in client_a.get("/api/v1/claims/").json()["results"]}
    client_b = api_client_for(editor)
    assert post(client_b, second, "dispute", {"note": "the ministry says 8"}, read_etag(client_b, second)).status_code == 200

    response = bulk(client_a, {"action": "approve",
                               "claims": [{"id": pk, "version": version} for pk, version in read_by_a.items()]})

    assert response.status_code == 412
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["stale"] == [{"id": second.pk, "version_read": 1, "current_version": 2}]
    assert str(second.pk) in body["detail"]
    assert dict(Claim.objects.values_list("pk", "status")) == {
        first.pk: "pending", second.pk: "disputed", third.pk: "pending"}
    assert list(ReviewEvent.objects.values_list("claim_id", "action")) == [(second.pk, "dispute")]


def test_bulk_review_must_name_each_claims_version_or_it_is_428(reviewer):
    claim, other = ClaimFactory.create_batch(2)
    client = api_client_for(reviewer)
    for body in ({"action": "approve", "claims": [claim.pk, other.pk]},
                 {"action": "approve", "claims": [{"id": claim.pk, "version": 1}, {"id": other.pk}]},
                 {"action": "approve", "claim_ids": [claim.pk, other.pk]}):
        response = bulk(client, body)
        assert response.status_code == 428, body
        assert response["Content-Type"] == "application/problem+json"
        assert '"version"' in response.json()["detail"]
        assert str(other.pk) in response.json()["detail"]
    assert set(Claim.objects.values_list("status", flat=True)) == {"pending"}
    assert not ReviewEvent.objects.exists()


def test_bulk_review_with_malformed_versions_is_400_naming_the_entry(reviewer):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    for entry in ({"id": claim.pk, "version": "three"}, {"id": claim.pk, "version": 0}, {"id": 0, "version": 1},
                  "seven", {"id": claim.pk, "version": 1, "status": "approved"}):
        response = bulk(client, {"action": "approve", "claims": [entry]})
        assert response.status_code == 400, entry
        assert any(key.startswith("claims") for key in response.json()["errors"]), response.json()
    response = bulk(client, {"action": "approve", "claims": [{"id": claim.pk, "version": 1}] * 2})
    assert response.status_code == 400
    assert str(claim.pk) in str(response.json()["errors"])
    assert not ReviewEvent.objects.exists()


def test_bulk_review_changes_nothing_when_one_claim_cannot_take_the_action(reviewer):
    pending = ClaimFactory.create_batch(2)
    rejected = ClaimFactory(status="rejected")
    response = bulk(api_client_for(reviewer), {"action": "approve", "claims": versions(*pending, rejected)})
    assert response.status_code == 409
    assert response.json()["refused"] == {str(rejected.pk): ["reopen"]}
    assert set(Claim.objects.values_list("status", flat=True)) == {"pending", "rejected"}
    assert not ReviewEvent.objects.exists()


def test_bulk_review_of_a_missing_claim_is_404_and_changes_nothing(reviewer):
    claim = ClaimFactory()
    response = bulk(api_client_for(reviewer), {"action": "approve", "claims": [
        {"id": claim.pk, "version": 1}, {"id": claim.pk + 1000, "version": 1}]})
    assert response.status_code == 404
    assert Claim.objects.get(pk=claim.pk).status == "pending"


def test_bulk_reject_needs_a_note(reviewer):
    claim = ClaimFactory()
    response = bulk(api_client_for(reviewer), {"action": "reject", "claims": versions(claim)})
    assert response.status_code == 400
    assert "note" in response.json()["errors"]
    assert not ReviewEvent.objects.exists()


def test_bulk_reopen_needs_the_reopen_permission(reviewer):
    claim = ClaimFactory(status="approved")
    response = bulk(api_client_for(reviewer), {"action": "reopen", "claims": versions(claim)})
    assert response.status_code == 403


def user_with_permissions(username: str, *codenames: str) -> User:
    """A reviewer made from permissions, not the role group: the flush before a
    transactional test removes the groups the roles migration created."""
    user = User.objects.create_user(username)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="claims", codename__in=codenames))
    return user


@pytest.mark.django_db(transaction=True)
def test_two_clients_sending_at_the_same_moment_one_wins_and_the_other_gets_412():
    """Really concurrent: both requests are in flight together; the row lock and version decide."""
    claim = ClaimFactory()
    clients = [api_client_for(user_with_permissions(name, "view_claim", "review_claim")) for name in ("ann", "ben")]
    etag = read_etag(clients[0], claim)
    start = threading.Barrier(2)
    statuses: list[int] = []

    def send(client: APIClient, verb: str, body: dict) -> None:
        try:
            start.wait()
            statuses.append(post(client, claim, verb, body, etag).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(clients[0], "approve", {})),
               threading.Thread(target=send, args=(clients[1], "dispute", {"note": "figure in doubt"}))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 412]
    assert ReviewEvent.objects.filter(claim=claim).count() == 1
    assert Claim.objects.get(pk=claim.pk).version == 2


@pytest.mark.django_db(transaction=True)
def test_two_bulk_reviews_of_the_same_read_sent_at_the_same_moment_one_wins_and_the_other_gets_412():
    """The versions are checked under the rows' locks, in the transaction that writes: no review slips between."""
    claims = ClaimFactory.create_batch(3)
    clients = [api_client_for(user_with_permissions(name, "view_claim", "review_claim")) for name in ("ann", "ben")]
    read = versions(*claims)
    start = threading.Barrier(2)
    statuses: list[int] = []

    def send(client: APIClient, body: dict) -> None:
        try:
            start.wait()
            statuses.append(bulk(client, body).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(clients[0], {"action": "approve", "claims": read})),
               threading.Thread(target=send, args=(clients[1], {"action": "dispute", "claims": read,
                                                                "note": "figures in doubt"}))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 412]
    assert ReviewEvent.objects.count() == 3
    assert set(Claim.objects.values_list("version", flat=True)) == {2}
