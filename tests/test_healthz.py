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


@pytest.fixture
def database_down(monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("connection to db.internal.example:5432 refused for user factdesk")

    monkeypatch.setattr(connection, "cursor", broken_cursor)


@pytest.fixture
def broker_down(settings):
    from factdesk.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    yield
    app.conf.broker_url = original


@pytest.mark.django_db
def test_it_answers_503_and_names_only_the_failed_check_when_the_database_is_down(client, database_down, caplog):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "broker": "ok"}
    assert "db.internal.example:5432" in caplog.text  # the detail is in the log for the operator


@pytest.mark.django_db
def test_it_answers_503_and_names_only_the_broker_when_the_broker_is_unreachable(client, broker_down, caplog):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "broker": "unavailable"}
    assert b"127.0.0.1" not in response.content and b":1" not in response.content
    assert "127.0.0.1" in caplog.text


def test_every_response_carries_a_request_id_and_keeps_a_sane_incoming_one(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234")
    assert response["X-Request-ID"] == "lb-1234"
    assert len(client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n").headers["X-Request-ID"]) == 32
