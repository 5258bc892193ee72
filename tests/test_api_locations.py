"""A 201 or 202 says where the new thing lives: the Location header, an address that answers a GET."""
from __future__ import annotations

import pytest

from claims.models import ExtractionJob
from tests.conftest import DocumentFactory, api_client_for

REPORT = "Rescue crews said 9 people were killed when the bridge gave way, the county office said.\n"


def assert_located(client, response, path: str) -> None:
    assert response["Location"] == f"http://testserver{path}"
    assert client.get(response["Location"]).status_code == 200


def test_a_document_stored_now_answers_201_with_its_address(editor):
    client = api_client_for(editor)
    response = client.post("/api/v1/documents/", {"text": REPORT}, format="json")
    assert response.status_code == 201
    assert_located(client, response, f"/api/v1/documents/{response.json()['document']['id']}/")


def test_a_document_seen_before_answers_200_without_a_location(editor):
    client = api_client_for(editor)
    client.post("/api/v1/documents/", {"text": REPORT}, format="json")
    again = client.post("/api/v1/documents/", {"text": REPORT}, format="json")
    assert again.status_code == 200
    assert "Location" not in again


def test_rerunning_extraction_answers_202_with_the_jobs_address(editor):
    client = api_client_for(editor)
    document = DocumentFactory()
    response = client.post(f"/api/v1/documents/{document.pk}/reextract/")
    assert response.status_code == 202
    job = ExtractionJob.objects.get(document=document)
    assert_located(client, response, f"/api/v1/jobs/{job.pk}/")


@pytest.mark.django_db
def test_a_new_webhook_endpoint_and_its_test_delivery_carry_their_addresses(admin_user, settings,
                                                                             django_capture_on_commit_callbacks):
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    client = api_client_for(admin_user)
    created = client.post("/api/v1/webhooks/endpoints/", {
        "url": "http://127.0.0.1:8123/hooks", "event_types": ["claim.created"]}, format="json")
    assert created.status_code == 201, created.json()
    assert_located(client, created, f"/api/v1/webhooks/endpoints/{created.json()['id']}/")
    with django_capture_on_commit_callbacks(execute=False):
        tested = client.post(f"/api/v1/webhooks/endpoints/{created.json()['id']}/test/")
    assert tested.status_code == 202
    assert_located(client, tested, f"/api/v1/webhooks/deliveries/{tested.json()['id']}/")
    with django_capture_on_commit_callbacks(execute=False):
        again = client.post(f"/api/v1/webhooks/deliveries/{tested.json()['id']}/redeliver/")
    assert again.status_code == 202
    assert_located(client, again, f"/api/v1/webhooks/deliveries/{tested.json()['id']}/")
