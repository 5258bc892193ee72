"""Managing webhook endpoints: who may, which URLs are refused, and a secret that is shown once."""
from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.webhooks import services as webhooks
from claims.webhooks.models import Delivery, Endpoint
from factdesk.errors import ServiceError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_it_refuses_an_endpoint_on_a_private_address_even_with_loopback_allowed(admin_user):
    with pytest.raises(ServiceError) as refused:
        webhooks.endpoint_create(url="http://10.0.0.1/hooks", event_types=["claim.created"], actor=admin_user)
    assert "10.0.0.1" in str(refused.value) and "private" in str(refused.value)
    assert not Endpoint.objects.exists()


def test_it_refuses_a_name_resolving_to_loopback_without_the_allow_list(admin_user, settings):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = ""
    with pytest.raises(ServiceError) as refused:
        webhooks.endpoint_create(url="http://localhost:8123/hooks", event_types=["claim.created"], actor=admin_user)
    assert "loopback" in str(refused.value)


def test_it_accepts_loopback_when_the_allow_list_names_it(admin_user):
    endpoint, secret = webhooks.endpoint_create(url="http://localhost:8123/hooks", event_types=["claim.created"],
                                                actor=admin_user)
    assert endpoint.pk and secret.startswith("whsec_")


@pytest.mark.parametrize("url", ["http://user:secret@127.0.0.1:8123/hooks", "ftp://127.0.0.1/hooks", "hooks"])
def test_it_refuses_credentials_and_other_schemes(admin_user, url):
    with pytest.raises(ServiceError) as refused:
        webhooks.endpoint_create(url=url, event_types=["claim.created"], actor=admin_user)
    assert "secret" not in str(refused.value)
    assert refused.value.extra["field_errors"]["url"]


def test_an_address_that_became_private_is_refused_at_delivery_too(admin_user, settings):
    """DNS can change after the endpoint was saved: the guard runs again at every attempt."""
    from claims.webhooks.services import delivery_attempt, event_record
    from django.db import transaction

    endpoint, _ = webhooks.endpoint_create(url="http://127.0.0.1:9/hooks", event_types=["claim.created"],
                                           actor=admin_user)
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = ""
    with transaction.atomic():
        event_record(type="claim.created", data={"id": 1})
    attempt = delivery_attempt(delivery_id=Delivery.objects.get().pk)
    assert attempt.outcome == "failed" and "loopback" in attempt.error and attempt.status_code is None


def test_unknown_event_types_and_filters_are_refused_naming_the_known_ones(admin_user):
    with pytest.raises(ServiceError) as refused:
        webhooks.endpoint_create(url="http://127.0.0.1:8123/", event_types=["claim.deleted"],
                                 filter_outcomes=["injured"], actor=admin_user)
    errors = refused.value.extra["field_errors"]
    assert "claim.created" in errors["event_types"][0] and "wounded" in errors["filter_outcomes"][0]


def test_the_api_shows_the_secret_once_at_creation_and_never_again(admin_user):
    client = client_for(admin_user)
    created = client.post("/api/v1/webhooks/endpoints/", {
        "url": "http://127.0.0.1:8123/hooks", "event_types": ["claim.created", "claim.reviewed"],
        "filter_kinds": ["casualty"], "filter_min_confidence": 0.5, "description": "Live blog",
    }, format="json")
    assert created.status_code == 201, created.json()
    secret = created.json()["secret"]
    assert secret.startswith("whsec_") and len(secret) > 40
    endpoint_id = created.json()["id"]
    shown = client.get(f"/api/v1/webhooks/endpoints/{endpoint_id}/").json()
    assert "secret" not in shown and secret not in str(client.get("/api/v1/webhooks/endpoints/").json())
    assert shown["health"] == "new" and shown["filter_kinds"] == ["casualty"]

    rotated = client.post(f"/api/v1/webhooks/endpoints/{endpoint_id}/rotate-secret/").json()
    assert rotated["secret"] != secret and rotated["previous_secret_expires_at"]


def test_the_api_refuses_a_private_endpoint_with_a_problem(admin_user):
    response = client_for(admin_user).post("/api/v1/webhooks/endpoints/", {
        "url": "http://10.0.0.1/hooks", "event_types": ["claim.created"]}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "10.0.0.1" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["reader", "reviewer", "editor", "outsider"])
def test_only_the_admin_role_manages_endpoints(request, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/api/v1/webhooks/endpoints/").status_code == 403
    assert client.post("/api/v1/webhooks/endpoints/", {"url": "http://127.0.0.1:1/", "event_types": [
        "claim.created"]}, format="json").status_code == 403


def test_an_admin_role_user_who_is_not_a_superuser_manages_endpoints(db):
    from tests.conftest import make_user

    admin = make_user("adele-admin", "admin", is_staff=True)
    response = client_for(admin).post("/api/v1/webhooks/endpoints/", {
        "url": "http://127.0.0.1:8123/hooks", "event_types": ["claim.created"]}, format="json")
    assert response.status_code == 201, response.json()


def test_the_event_types_are_listed_for_subscribers(admin_user):
    names = [t["name"] for t in client_for(admin_user).get("/api/v1/webhooks/endpoints/event-types/").json()]
    assert {"claim.created", "claim.reviewed", "claim.updated", "document.extracted"} <= set(names)
    assert "webhook.test" not in names  # sent on request only


def test_send_test_event_makes_one_delivery_to_that_endpoint_only(admin_user, django_capture_on_commit_callbacks):
    client = client_for(admin_user)
    one, _ = webhooks.endpoint_create(url="http://127.0.0.1:8123/a", event_types=["claim.created"], actor=admin_user)
    webhooks.endpoint_create(url="http://127.0.0.1:8123/b", event_types=["claim.created"], actor=admin_user)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/api/v1/webhooks/endpoints/{one.pk}/test/")
    assert response.status_code == 202
    assert response.json()["event_type"] == "webhook.test"
    assert list(Delivery.objects.values_list("endpoint_id", flat=True)) == [one.pk]
