"""Webhooks in the admin: endpoints with their health, the delivery log, and the actions, all through the services."""
from __future__ import annotations

import json

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.utils import timezone

from claims.webhooks import services as webhooks
from claims.webhooks.models import Attempt, Delivery, Endpoint
from factdesk import outbound

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0]


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def failed_delivery(admin_user, monkeypatch) -> Delivery:
    endpoint, _ = webhooks.endpoint_create(url="http://127.0.0.1:8123/hooks", event_types=["claim.created"],
                                           description="Data desk", actor=admin_user)
    monkeypatch.setattr(outbound, "post", lambda *a, **k: outbound.PostResult(500, '{"error":"down"}', "", 40))
    with transaction.atomic():
        webhooks.event_record(type="claim.created", data={"id": 7})
    delivery = Delivery.objects.get()
    webhooks.delivery_attempt(delivery_id=delivery.pk)
    return delivery


def test_creating_an_endpoint_in_the_admin_shows_its_secret_once(admin_client_):
    response = admin_client_.post("/admin/webhooks/endpoint/add/", {
        "url": "http://127.0.0.1:8123/hooks", "description": "Live blog", "event_types": ["claim.created"],
        "filter_kinds": ["casualty"], "filter_outlets": "Nile Wire\n\nLevant Wire", "is_active": "on",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    endpoint = Endpoint.objects.get()
    assert endpoint.filter_outlets == ["Nile Wire", "Levant Wire"] and endpoint.created_by.username == "ada-admin"
    [message] = [str(m) for m in get_messages(response.wsgi_request) if "secret" in str(m)]
    assert endpoint.secret in message and "shown this once" in message
    assert endpoint.secret in admin_client_.get(response.url).content.decode()  # the page after saving shows it
    assert endpoint.secret not in admin_client_.get(f"/admin/webhooks/endpoint/{endpoint.pk}/change/").content.decode()


def test_the_admin_refuses_a_private_url_in_the_form(admin_client_):
    response = admin_client_.post("/admin/webhooks/endpoint/add/", {
        "url": "http://10.0.0.1/hooks", "event_types": ["claim.created"], "is_active": "on"})
    assert response.status_code == 200
    assert "10.0.0.1" in str(response.context["adminform"].form.errors["url"])
    assert not Endpoint.objects.exists()


def test_the_endpoint_list_shows_health_and_the_delivery_page_every_attempt(admin_client_, admin_user, monkeypatch):
    delivery = failed_delivery(admin_user, monkeypatch)
    listing = admin_client_.get("/admin/webhooks/endpoint/").content.decode()
    assert "failing" in listing and "Data desk" in listing
    page = admin_client_.get(f"/admin/webhooks/delivery/{delivery.pk}/change/").content.decode()
    assert delivery.event.webhook_id in page and "answered HTTP 500" in page and "down" in page


def test_redeliver_failed_since_a_time_from_the_admin(admin_client_, admin_user, monkeypatch):
    delivery = failed_delivery(admin_user, monkeypatch)
    assert delivery.endpoint.deliveries.failed().count() == 1
    monkeypatch.setattr(outbound, "post", lambda *a, **k: outbound.PostResult(204, "", "", 30))
    since = (timezone.now() - timezone.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("claims.outbox.send_on_commit", lambda name, ids: [webhooks.delivery_attempt(delivery_id=i)
                                                                        for i in ids])
        response = admin_client_.post(f"/admin/webhooks/endpoint/{delivery.endpoint_id}/redeliver-failed/",
                                      {"since": since})
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"
    assert list(Attempt.objects.filter(delivery=delivery).values_list("outcome", flat=True)) == ["failed", "succeeded"]


def test_send_test_event_and_pause_from_the_endpoint_list(admin_client_, admin_user):
    endpoint, _ = webhooks.endpoint_create(url="http://127.0.0.1:8123/hooks", event_types=["claim.created"],
                                           actor=admin_user)
    admin_client_.post("/admin/webhooks/endpoint/", {"action": "pause", "_selected_action": [endpoint.pk]})
    admin_client_.post("/admin/webhooks/endpoint/", {"action": "send_test_event", "_selected_action": [endpoint.pk]})
    endpoint.refresh_from_db()
    assert not endpoint.is_active and endpoint.health == "paused"
    delivery = Delivery.objects.get()
    assert json.loads(delivery.event.body)["type"] == "webhook.test" and delivery.status == "pending"
