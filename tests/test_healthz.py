"""/healthz tells a load balancer whether the database and the broker are reachable."""
import pytest
from django.db import connection


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_and_broker_are_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"


@pytest.mark.django_db
def test_it_answers_503_and_names_the_database_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "connection refused" in response.json()["database"]


@pytest.mark.django_db
def test_it_answers_503_when_the_broker_is_unreachable(client, settings):
    from factdesk.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = original
    assert response.status_code == 503
    assert response.json()["broker"] != "ok"


def test_every_response_carries_a_request_id_and_keeps_a_sane_incoming_one(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234")
    assert response["X-Request-ID"] == "lb-1234"
    assert len(client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n").headers["X-Request-ID"]) == 32
