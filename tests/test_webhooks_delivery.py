"""Webhook deliveries as a subscriber sees them: signed, retried, deduplicable, never lost, never stalled.

Every test runs a real HTTP receiver on 127.0.0.1 that verifies each request
with the `standardwebhooks` package. With REDIS_URL set the deliveries go
through Redis to a real Celery worker (a thread pool, as production runs the
`webhooks` queue); without it they run in-process after each commit.
The retry schedule is squeezed to zero waits here; the waits themselves are
specified in tests/test_webhooks_events.py.
"""
from __future__ import annotations

import os
import threading
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from claims import outbox, services
from claims.models import ExtractionJob
from claims.representation import claim_from_row
from claims.selectors import claim_list_rows
from claims.tasks import dispatch_outbox
from claims.webhooks import services as webhooks
from claims.webhooks.models import Attempt, Delivery, Endpoint
from claims.webhooks.tasks import deliver
from sources.services import document_ingest
from tests.conftest import ClaimFactory, worker_running
from tests.receivers import receiver_running

BROKER = os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL")

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "ALEPPO — Shelling killed at least 7 civilians and wounded 19 others in the old city on Friday, "
    "the civil defence said.\n\n"
    "“The shells fell on the market at noon,” said Rami Haddad, a volunteer medic."
)


@pytest.fixture(autouse=True)
def webhook_settings(settings):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"  # the receivers live on loopback
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0] * 8
    settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS = 1.0


@pytest.fixture
def worker(settings):
    """Eight threads, as the webhooks queue's worker runs in production.

    It asks for `settings` so the worker stops before a test's overrides are
    undone: a task still running must see the settings its test gave it.
    """
    with worker_running(pool="threads", concurrency=8):
        yield


def subscribe(receiver, actor, types=("claim.created",), **filters) -> Endpoint:
    endpoint, secret = webhooks.endpoint_create(url=receiver.url, event_types=list(types), actor=actor, **filters)
    receiver.secrets.append(secret)
    return endpoint


def wait_until(condition, *, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while not (result := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return result


def test_a_new_claim_reaches_the_receiver_signed_and_as_the_api_shows_it(worker, admin_user):
    with receiver_running() as receiver:
        subscribe(receiver, admin_user)
        result = document_ingest(text=ARTICLE, title="Old city shelled", outlet_name="Levant Wire")
        assert wait_until(lambda: ExtractionJob.objects.get(pk=result.job_id).status == "succeeded")
        claims = list(claim_list_rows().filter(document=result.document))
        receiver.wait_for(len(claims))

    events = receiver.events()
    assert len(events) == len(claims) == len(receiver.received)
    assert {event["type"] for event in events} == {"claim.created"}
    by_id = {event["data"]["id"]: event["data"] for event in events}
    for row in claims:
        data = dict(by_id[row["id"]])
        links = data.pop("links")
        assert data == claim_from_row(row)  # the claim as the API represents it, version included
        assert links["self"].endswith(f"/api/v1/claims/{row['id']}/")
    assert all(request.headers["webhook-signature"].startswith("v1,") for request in receiver.received)


def test_filters_decide_which_endpoint_gets_which_claim(worker, admin_user):
    with receiver_running() as killed, receiver_running() as wounded, receiver_running() as other_outlet:
        subscribe(killed, admin_user, filter_kinds=["casualty"], filter_outcomes=["killed"])
        subscribe(wounded, admin_user, filter_outcomes=["wounded"], filter_min_confidence=0.1)
        subscribe(other_outlet, admin_user, filter_outlets=["Some Other Paper"])
        result = document_ingest(text=ARTICLE, title="Old city shelled", outlet_name="Levant Wire")
        killed.wait_for(1)
        wounded.wait_for(1)
        assert wait_until(lambda: not Delivery.objects.pending().exists())

    assert [(e["data"]["kind"], e["data"]["outcome"], e["data"]["count"]) for e in killed.events()] == [
        ("casualty", "killed", 7)]
    assert [(e["data"]["outcome"], e["data"]["count"]) for e in wounded.events()] == [("wounded", 19)]
    assert other_outlet.received == []
    assert result.document.claims.filter(kind="quote").exists()  # a quote was made, and went to nobody


def test_a_receiver_failing_three_times_gets_the_event_exactly_once_after_four_logged_attempts(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running(answers=[500, 503, 500, 200]) as receiver:
        subscribe(receiver, admin_user, types=["claim.reviewed"])
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        receiver.wait_for(4)
        assert wait_until(lambda: Delivery.objects.filter(status="succeeded").exists())

    assert len(receiver.received) == 4
    assert len({request.webhook_id for request in receiver.received}) == 1  # stable across retries
    [event] = receiver.events()
    assert (event["type"], event["data"]["id"], event["data"]["status"]) == ("claim.reviewed", claim.pk, "approved")
    assert event["data"]["version"] == 2 and event["data"]["review"]["action"] == "approve"
    delivery = Delivery.objects.get()
    attempts = list(Attempt.objects.filter(delivery=delivery).values_list("number", "status_code", "outcome"))
    assert attempts == [(1, 500, "retry"), (2, 503, "retry"), (3, 500, "retry"), (4, 200, "succeeded")]
    assert all(a.latency_ms is not None and a.response_excerpt for a in Attempt.objects.all())
    assert (delivery.status, delivery.attempts) == ("succeeded", 4)


def test_410_gone_disables_the_endpoint_at_once_and_later_events_wait(worker, admin_user):
    first, second = ClaimFactory(), ClaimFactory()
    with receiver_running(answers=[410]) as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        services.claim_approve(claim_id=first.pk, actor=admin_user)
        assert wait_until(lambda: not Endpoint.objects.get(pk=endpoint.pk).is_active)
        services.claim_approve(claim_id=second.pk, actor=admin_user)
        time.sleep(0.5 if BROKER else 0)  # give a worker the chance to (wrongly) send it

    endpoint.refresh_from_db()
    assert "410 Gone" in endpoint.disabled_reason and endpoint.health == "disabled"
    assert len(receiver.received) == 1
    assert Attempt.objects.get().outcome == "endpoint disabled"
    assert Delivery.objects.get(event__body__contains=f'"id":{second.pk},').status == "pending"  # waits


def test_a_hanging_receiver_times_out_without_delaying_another_endpoints_delivery(worker, admin_user,
                                                                                  monkeypatch, settings):
    settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS = 8.0  # far beyond what the healthy delivery takes, even under load
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0, 600.0]  # the timed-out attempt's retry falls after the test
    claim = ClaimFactory()
    with receiver_running(hang=threading.Event()) as hanging, receiver_running() as healthy:
        subscribe(hanging, admin_user, types=["claim.reviewed"])
        subscribe(healthy, admin_user, types=["claim.reviewed"])
        if BROKER:
            services.claim_approve(claim_id=claim.pk, actor=admin_user)
        else:
            # No worker pool without a broker: two threads stand in for two worker slots.
            monkeypatch.setattr(outbox, "broker_unavailable", lambda: True)
            services.claim_approve(claim_id=claim.pk, actor=admin_user)
            for delivery in Delivery.objects.all():
                threading.Thread(target=deliver, args=(delivery.pk,), daemon=True).start()
        healthy.wait_for(1)
        assert len(healthy.events()) == 1
        # ... while the hanging receiver's attempt has not even ended (it times out after 8 s):
        assert not Attempt.objects.filter(delivery__endpoint__url=hanging.url).exists()
        assert wait_until(lambda: Attempt.objects.filter(delivery__endpoint__url=hanging.url).exists())

    attempt = Attempt.objects.filter(delivery__endpoint__url=hanging.url).order_by("number").first()
    assert attempt.status_code is None and "timed out" in attempt.error and attempt.outcome == "retry"


def test_a_burst_to_an_endpoint_never_seen_answering_holds_at_most_its_share_of_workers(admin_user, monkeypatch,
                                                                                          settings):
    # Six worker slots (threads) take the six deliveries at the same moment, before any attempt has
    # run long enough to count as slow: only the endpoint's share (2) may wait on it.
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the ones stepping aside wait in the database, not in a countdown
    settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS = 10.0
    claims = [ClaimFactory() for _ in range(6)]
    with receiver_running(hang=threading.Event()) as hanging:
        subscribe(hanging, admin_user, types=["claim.reviewed"])
        monkeypatch.setattr(outbox, "broker_unavailable", lambda: True)  # nothing is sent on commit
        for claim in claims:
            services.claim_approve(claim_id=claim.pk, actor=admin_user)
        slots = [threading.Thread(target=deliver, args=(pk,), daemon=True)
                 for pk in Delivery.objects.values_list("pk", flat=True)]
        for slot in slots:
            slot.start()
        # The slots that stepped aside are free again; the others wait on the hanging receiver.
        assert wait_until(lambda: sum(slot.is_alive() for slot in slots) <= 2 and len(hanging.received) >= 2)
        held = len(hanging.received)
        hanging.hang.set()
        for slot in slots:
            slot.join(timeout=60)

    assert held == settings.FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS == 2
    waiting = Delivery.objects.filter(attempts=0)
    assert waiting.count() == 4 and all(d.status == "pending" and d.dispatch_at > d.created_at for d in waiting)


def test_a_redelivery_sends_the_same_webhook_id_again(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        subscribe(receiver, admin_user, types=["claim.reviewed"])
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        receiver.wait_for(1)
        assert wait_until(lambda: Delivery.objects.filter(status="succeeded").exists())
        webhooks.delivery_redeliver(delivery_id=Delivery.objects.get().pk, actor=admin_user)
        receiver.wait_for(2)

    assert len(receiver.received) == 2
    assert receiver.received[0].webhook_id == receiver.received[1].webhook_id
    assert len(receiver.events()) == 1  # a receiver deduplicating by webhook-id keeps one


def test_every_failed_delivery_of_an_endpoint_since_a_time_can_be_sent_again(worker, admin_user, settings):
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0]  # one attempt, then failed
    claims = [ClaimFactory() for _ in range(3)]
    with receiver_running(answers=[500, 500, 500, 200]) as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        since = timezone.now()
        for claim in claims:
            services.claim_approve(claim_id=claim.pk, actor=admin_user)
        assert wait_until(lambda: Delivery.objects.failed().count() == 3)
        assert webhooks.deliveries_redeliver_failed(endpoint_id=endpoint.pk, since=since, actor=admin_user) == 3
        receiver.wait_for(6)
        assert wait_until(lambda: Delivery.objects.filter(status="succeeded").count() == 3)

    assert len(receiver.events()) == 3


def test_after_a_secret_rotation_both_secrets_sign_each_request(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        old = receiver.secrets[0]
        _, new = webhooks.endpoint_rotate_secret(endpoint_id=endpoint.pk, actor=admin_user)
        receiver.secrets.append(new)
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        [request] = receiver.wait_for(1)

    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert request.verified_with == [old, new]


def test_once_the_overlap_is_over_only_the_new_secret_signs(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        old = receiver.secrets[0]
        _, new = webhooks.endpoint_rotate_secret(endpoint_id=endpoint.pk, actor=admin_user)
        Endpoint.objects.filter(pk=endpoint.pk).update(previous_secret_expires_at=timezone.now() - timedelta(seconds=1))
        receiver.secrets.append(new)
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        [request] = receiver.wait_for(1)

    assert request.verified_with == [new] and old not in request.verified_with


def test_an_event_written_while_the_broker_is_unreachable_is_delivered_by_the_dispatcher(worker, admin_user,
                                                                                         monkeypatch):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        subscribe(receiver, admin_user, types=["claim.reviewed"])

        def refuse(*args, **kwargs):
            raise OperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

        monkeypatch.setattr(deliver, "apply_async", refuse)
        approved = services.claim_approve(claim_id=claim.pk, actor=admin_user)  # the change commits regardless
        assert approved.status == "approved"
        assert Delivery.objects.get().status == "pending" and receiver.received == []

        monkeypatch.undo()
        outbox._broker_down_until = 0.0
        dispatch_outbox.delay()  # what beat does every ~10 s, and a worker at start
        receiver.wait_for(1)

    assert [event["data"]["id"] for event in receiver.events()] == [claim.pk]


def test_a_paused_endpoints_deliveries_wait_and_go_out_when_it_is_enabled(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        webhooks.endpoint_update(endpoint_id=endpoint.pk, actor=admin_user, is_active=False)
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        dispatch_outbox.delay()
        time.sleep(0.5 if BROKER else 0)
        assert receiver.received == [] and Delivery.objects.get().status == "pending"

        webhooks.endpoint_update(endpoint_id=endpoint.pk, actor=admin_user, is_active=True)
        receiver.wait_for(1)

    assert len(receiver.events()) == 1


def test_an_endpoint_failing_every_delivery_for_five_days_is_disabled_with_the_reason(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running(answers=[500]) as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=timezone.now() - timedelta(days=5, hours=1),
                                                       failures_in_a_row=40)
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        assert wait_until(lambda: not Endpoint.objects.get(pk=endpoint.pk).is_active)

    endpoint.refresh_from_db()
    assert endpoint.health == "disabled"
    assert endpoint.disabled_reason.startswith("every delivery failed for 5 days")
    assert "HTTP 500" in endpoint.disabled_reason


def test_an_endpoint_that_fails_but_succeeded_recently_stays_enabled(worker, admin_user, settings):
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0]
    claim = ClaimFactory()
    with receiver_running(answers=[500]) as receiver:
        endpoint = subscribe(receiver, admin_user, types=["claim.reviewed"])
        services.claim_approve(claim_id=claim.pk, actor=admin_user)
        assert wait_until(lambda: Delivery.objects.failed().exists())

    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failures_in_a_row == 1 and endpoint.health == "failing"


def test_events_are_written_only_if_the_change_commits(worker, admin_user):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        subscribe(receiver, admin_user, types=["claim.reviewed"])
        with pytest.raises(RuntimeError), transaction.atomic():
            services.claim_approve(claim_id=claim.pk, actor=admin_user)
            raise RuntimeError("the surrounding work failed")
        dispatch_outbox.delay()
        time.sleep(0.3 if BROKER else 0)

    assert receiver.received == [] and not Delivery.objects.exists()
