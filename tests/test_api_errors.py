"""Every error the API gives has one shape: RFC 9457 problem details."""
from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.conftest import ClaimFactory, api_client_for

PROBLEM = "application/problem+json"


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert body["title"] and body["detail"]
    return body


def test_400_names_each_field_to_fix(reviewer):
    body = assert_problem(api_client_for(reviewer).post("/api/v1/claims/review/", {"action": "shout", "claims": []},
                                                    format="json"), 400)
    assert set(body["errors"]) == {"action", "claims"}
    assert all(isinstance(messages, list) for messages in body["errors"].values())


def test_400_for_a_body_that_is_not_json(reviewer):
    response = api_client_for(reviewer).generic("POST", "/api/v1/claims/review/", "{not json",
                                            content_type="application/json")
    assert_problem(response, 400)


def test_401_for_anonymous(db):
    assert_problem(APIClient().get("/api/v1/claims/"), 401)


def test_403_for_a_role_that_may_not(reader):
    assert_problem(api_client_for(reader).post("/api/v1/claims/review/", {"action": "approve", "claims": [{"id": 1, "version": 1}]},
                                           format="json"), 403)


def test_404_for_a_missing_object_and_a_malformed_id(reader):
    assert_problem(api_client_for(reader).get("/api/v1/claims/424242/"), 404)
    assert_problem(api_client_for(reader).get("/api/v1/claims/not-a-number/"), 404)


def test_404_for_a_bad_cursor(reader):
    assert_problem(api_client_for(reader).get("/api/v1/claims/", {"cursor": "garbage"}), 404)


def test_405_for_a_method_the_resource_lacks(reader):
    assert_problem(api_client_for(reader).delete("/api/v1/claims/"), 405)


def test_409_names_the_allowed_transitions(reviewer):
    claim = ClaimFactory(status="approved")
    body = assert_problem(api_client_for(reviewer).post(f"/api/v1/claims/{claim.pk}/approve/", {}, format="json",
                                                    HTTP_IF_MATCH=claim.etag), 409)
    assert body["allowed"] == ["dispute", "reopen", "correct"]


def test_412_and_428_for_the_optimistic_lock(reviewer):
    claim = ClaimFactory()
    client = api_client_for(reviewer)
    assert_problem(client.post(f"/api/v1/claims/{claim.pk}/approve/", {}, format="json"), 428)
    assert_problem(client.post(f"/api/v1/claims/{claim.pk}/approve/", {}, format="json",
                               HTTP_IF_MATCH=f'"claim-{claim.pk}-v7"'), 412)


def test_413_for_a_body_over_the_limit(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = assert_problem(api_client_for(editor).post("/api/v1/documents/", {"text": "word " * 400}, format="json"), 413)
    assert "1,000" in body["detail"]


def test_415_for_a_body_that_is_not_json(editor):
    response = api_client_for(editor).post("/api/v1/documents/", "text=hello", content_type="text/plain")
    assert_problem(response, 415)


def test_429_when_a_user_goes_over_the_rate_with_retry_after(reader, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"user": "3/min", "anon": "100/min"}}
    client = api_client_for(reader)
    assert [client.get("/api/v1/claims/").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/v1/claims/")
    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0


def test_anonymous_addresses_are_throttled_separately(db, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"user": "100/min", "anon": "2/min"}}
    here, there = APIClient(REMOTE_ADDR="192.0.2.1"), APIClient(REMOTE_ADDR="192.0.2.2")
    assert [here.get("/api/v1/claims/").status_code for _ in range(3)] == [401, 401, 429]
    assert there.get("/api/v1/claims/").status_code == 401


def test_the_browsable_api_still_renders_html_errors_for_people(reader):
    response = api_client_for(reader).get("/api/v1/claims/424242/", HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


UNKNOWN_PATHS = ["/api/v1/nope/", "/api/nope", "/api/nope/", "/api/", "/api", "/api/v1/claims/1/nope/",
                 "/api/v2/claims/", "/api/v1/claims/review/extra"]


@pytest.mark.parametrize("debug", [False, True])
def test_every_unknown_path_under_api_is_a_problem_404_for_any_method_debug_or_not(reader, settings, debug):
    settings.DEBUG = debug
    client = api_client_for(reader)
    for path in UNKNOWN_PATHS:
        for method in ("get", "post", "put", "delete"):
            body = assert_problem(getattr(client, method)(path), 404)
            assert "/api/v1/" in body["detail"], (method, path)


def test_an_unknown_api_path_is_a_problem_for_anonymous_callers_too(db):
    assert_problem(APIClient().get("/api/v1/nope/"), 404)


@pytest.mark.parametrize("debug", [False, True])
def test_a_known_path_without_its_trailing_slash_redirects_keeping_the_method(reviewer, settings, debug):
    settings.DEBUG = debug
    client = api_client_for(reviewer)
    read = client.get("/api/v1/claims?status=pending")
    assert read.status_code == 301
    assert read["Location"] == "/api/v1/claims/?status=pending"
    sent = client.post("/api/v1/claims/review", {"action": "approve", "claims": []}, format="json")
    assert sent.status_code == 308  # a 308 repeats the POST, body and all, at the address with the slash
    assert sent["Location"] == "/api/v1/claims/review/"


def test_405_for_every_resource_including_the_schema(reader):
    client = api_client_for(reader)
    assert_problem(client.put("/api/v1/claims/"), 405)
    assert_problem(client.delete("/api/v1/documents/"), 405)
    assert_problem(client.post("/api/schema/"), 405)
