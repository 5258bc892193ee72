"""Webhook events: the outbox rows, one per change, written only with the change, in the Standard
Webhooks shape; and the retry schedule they are delivered on."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from django.db import transaction

from claims import services
from claims.models import Claim
from claims.webhooks import event_types
from claims.webhooks import services as webhooks
from claims.webhooks.models import Delivery, Event
from claims.webhooks.services import retry_delay
from sources.services import document_ingest
from tests.conftest import ClaimFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "JUBA — Clashes killed 11 soldiers and wounded 23 civilians near the border on Tuesday, the army said.\n\n"
    "Another 4 people were missing after the fighting, the local commissioner said.\n\n"
    "“We heard the guns all night,” said Mary Akol, a teacher in the town."
)


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"


def payloads(type_: str) -> list[dict]:
    return [json.loads(event.body) for event in Event.objects.filter(type=type_).order_by("id")]


def test_an_extraction_makes_one_claim_created_per_new_claim_and_one_document_extracted(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = document_ingest(text=ARTICLE, title="Border clashes", outlet_name="Nile Wire")
    claims = Claim.objects.filter(document=result.document)
    assert claims.count() >= 4
    created = payloads("claim.created")
    assert sorted(p["data"]["id"] for p in created) == sorted(claims.values_list("pk", flat=True))
    [extracted] = payloads("document.extracted")
    assert extracted["data"]["job"]["claims_created"] == claims.count()
    assert sorted(extracted["data"]["new_claims"]) == sorted(claims.values_list("pk", flat=True))
    assert Event.objects.filter(type="document.extracted").get().pk > max(
        Event.objects.filter(type="claim.created").values_list("pk", flat=True))

    # Extracting the same document again makes no claim and so no claim.created: one event per claim.
    with django_capture_on_commit_callbacks(execute=True):
        services.document_reextract(document_id=result.document.pk)
    assert len(payloads("claim.created")) == claims.count()
    assert len(payloads("document.extracted")) == 2


def test_the_payload_has_the_standard_webhooks_shape():
    claim = ClaimFactory()
    services.claim_dispute(claim_id=claim.pk, actor=None, note="the toll is disputed")
    [payload] = payloads("claim.reviewed")
    assert list(payload) == ["type", "timestamp", "data"]
    assert payload["type"] == "claim.reviewed"
    assert datetime.fromisoformat(payload["timestamp"].replace("Z", "+00:00")).tzinfo is not None
    assert (payload["data"]["status"], payload["data"]["version"]) == ("disputed", 2)
    assert payload["data"]["review"] == {"action": "dispute", "from_status": "pending", "to_status": "disputed",
                                         "actor": None, "note": "the toll is disputed", "changes": {}}
    assert payload["data"]["links"]["history"].endswith(f"/api/v1/claims/{claim.pk}/history/")


def test_a_correction_is_a_claim_updated_event_with_the_new_values():
    claim = ClaimFactory()
    services.claim_correct(claim_id=claim.pk, actor=None, values={"count": 14})
    [payload] = payloads("claim.updated")
    assert (payload["data"]["count"], payload["data"]["version"]) == (14, 2)
    assert payload["data"]["review"]["changes"] == {"count": [12, 14]}


def test_a_bulk_review_makes_one_event_per_claim():
    claims = [ClaimFactory() for _ in range(3)]
    services.claims_review_bulk(claim_ids=[c.pk for c in claims], action="approve", actor=None)
    assert sorted(p["data"]["id"] for p in payloads("claim.reviewed")) == sorted(c.pk for c in claims)


def test_a_refused_review_writes_no_event():
    claim = ClaimFactory()
    with pytest.raises(Exception):
        services.claim_approve(claim_id=claim.pk, actor=None, expected_version=7)
    assert not Event.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_event_is_never_written_outside_the_transaction_of_its_change():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        webhooks.event_record(type="claim.created", data={"id": 1})


def test_an_unknown_event_type_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="claim.created"), transaction.atomic():
        webhooks.event_record(type="claim.vanished", data={})


def test_a_new_event_type_joins_as_data_and_is_delivered_like_the_others(admin_user):
    event_types.register("test.figure_grouped", "Used by this test only.")
    try:
        endpoint, _ = webhooks.endpoint_create(url="http://127.0.0.1:8123/", event_types=["test.figure_grouped"],
                                               actor=admin_user)
        with transaction.atomic():
            event = webhooks.event_record(type="test.figure_grouped", data={"figure": 12},
                                          attributes={"kind": "casualty"})
        assert Delivery.objects.get().endpoint == endpoint
        assert json.loads(event.body)["data"] == {"figure": 12}
    finally:
        event_types._TYPES.pop("test.figure_grouped")


def test_filters_judge_only_the_attributes_an_event_carries(admin_user):
    webhooks.endpoint_create(url="http://127.0.0.1:8123/", event_types=["claim.created", "document.extracted"],
                             filter_kinds=["casualty"], filter_outlets=["Nile Wire"], actor=admin_user)
    with transaction.atomic():
        webhooks.event_record(type="claim.created", data={}, attributes={"kind": "quote", "outlet": "Nile Wire"})
        webhooks.event_record(type="claim.created", data={}, attributes={"kind": "casualty", "outlet": "Other"})
        webhooks.event_record(type="claim.created", data={}, attributes={"kind": "casualty", "outlet": "Nile Wire"})
        webhooks.event_record(type="document.extracted", data={}, attributes={"outlet": "Nile Wire"})
    assert Delivery.objects.count() == 2


# --- The retry schedule ------------------------------------------------------------

def test_the_schedule_waits_5_s_5_min_30_min_2_h_5_h_10_h_10_h_within_the_jitter(settings):
    settings.FACTDESK_WEBHOOK_RETRY_JITTER = 0.2
    expected = [5, 300, 1800, 7200, 18000, 36000, 36000]
    for attempts_made, base in enumerate(expected, start=1):
        waits = [retry_delay(attempts_made) for _ in range(50)]
        assert all(base * 0.8 <= wait <= base * 1.2 for wait in waits)
        assert len(set(waits)) > 1  # spread, so deliveries failed together do not return together
    assert len(settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE) == 8  # the first attempt is immediate


def test_retry_after_lengthens_the_wait_in_seconds_or_as_a_date(settings):
    settings.FACTDESK_WEBHOOK_RETRY_JITTER = 0.0
    assert retry_delay(1, retry_after="120") == 120
    assert retry_delay(2, retry_after="120") == 300  # never shorter than the schedule
    now = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_delay(1, retry_after="Sun, 01 Mar 2026 12:10:00 GMT", now=now) == 600
    assert retry_delay(1, retry_after="next week") == 5  # unreadable: ignored
    assert retry_delay(1, retry_after=str(10 ** 9)) == max(settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE)


def test_a_retry_waits_in_the_database_not_in_a_worker(admin_user, settings, monkeypatch):
    """A 500 schedules the next attempt in next_attempt_at; nothing sleeps and no long countdown is sent."""
    from claims.webhooks.services import delivery as delivery_module
    from factdesk import outbound

    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0, 300]
    monkeypatch.setattr(outbound, "post", lambda *a, **k: outbound.PostResult(503, "busy", "", 12))
    sent = []
    monkeypatch.setattr(delivery_module, "_send", lambda *args, **kwargs: sent.append((args, kwargs)))
    webhooks.endpoint_create(url="http://127.0.0.1:8123/", event_types=["claim.created"], actor=admin_user)
    with transaction.atomic():
        webhooks.event_record(type="claim.created", data={})
    delivery = Delivery.objects.get()
    attempt = webhooks.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert attempt.outcome == "retry" and delivery.status == "pending"
    wait = (delivery.next_attempt_at - attempt.started_at).total_seconds()
    assert 240 <= wait <= 361 and delivery.dispatch_at == delivery.next_attempt_at
    assert webhooks.delivery_attempt(delivery_id=delivery.pk) is None  # not due yet: nothing is attempted
    assert all(kwargs.get("countdown") is None for _, kwargs in sent)
