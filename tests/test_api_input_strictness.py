"""The API takes what its schema declares and refuses the rest with a 400 problem naming the fix:
JSON types as typed, ids from 1, enums as listed, page sizes in bounds, query values that mean something."""
from __future__ import annotations

import pytest

from claims.models import Claim
from sources.models import Document
from tests.conftest import ClaimFactory, SpeakerFactory, api_client_for
from tests.test_api_errors import assert_problem


@pytest.mark.parametrize("text", [123, 12.5, True, ["words"], {"words": 1}])
def test_a_document_text_that_is_not_a_string_is_refused_and_nothing_is_stored(editor, text):
    response = api_client_for(editor).post("/api/v1/documents/", {"text": text}, format="json")
    body = assert_problem(response, 400)
    assert body["errors"]["text"] == ["Not a string: send this value as a JSON string."]
    assert not Document.objects.exists()


@pytest.mark.parametrize("count", ["13", 13.0, True])
def test_a_corrected_count_must_be_a_json_integer(editor, count):
    claim = ClaimFactory()
    response = api_client_for(editor).post(f"/api/v1/claims/{claim.pk}/correct/", {"count": count}, format="json",
                                           HTTP_IF_MATCH=claim.etag)
    assert "Not an integer" in assert_problem(response, 400)["errors"]["count"][0]
    assert Claim.objects.get(pk=claim.pk).count == 12


def test_a_webhook_is_active_flag_must_be_a_json_boolean(admin_user):
    body = {"url": "https://hooks.example/in", "event_types": ["claim.created"], "is_active": "yes"}
    response = api_client_for(admin_user).post("/api/v1/webhooks/endpoints/", body, format="json")
    assert assert_problem(response, 400)["errors"]["is_active"] == ["Not a boolean: send true or false."]


def test_an_unknown_webhook_event_type_is_refused_naming_the_known_ones(admin_user):
    body = {"url": "https://hooks.example/in", "event_types": ["claim.shouted"]}
    response = api_client_for(admin_user).post("/api/v1/webhooks/endpoints/", body, format="json")
    message = assert_problem(response, 400)["errors"]["event_types.0"][0]
    assert message.startswith('"claim.shouted" is not a valid choice: choose one of ') and "claim.created" in message


@pytest.mark.parametrize("claim_id", [0, -3])
def test_body_ids_below_1_are_refused(reviewer, claim_id):
    body = {"action": "approve", "claims": [{"id": claim_id, "version": 1}]}
    response = api_client_for(reviewer).post("/api/v1/claims/review/", body, format="json")
    assert "claims.0.id" in assert_problem(response, 400)["errors"]


@pytest.mark.parametrize("path", ["/api/v1/claims/0/", "/api/v1/claims/-1/", "/api/v1/speakers/0/",
                                  "/api/v1/documents/0/history/"])
def test_path_ids_below_1_name_nothing(editor, path):
    assert_problem(api_client_for(editor).get(path), 404)


@pytest.mark.parametrize("query", ["document=0", "speaker=-1", "outlet=0"])
def test_filter_ids_below_1_are_refused(reader, query):
    body = assert_problem(api_client_for(reader).get(f"/api/v1/claims/?{query}"), 400)
    assert query.split("=")[0] in body["errors"]


def test_a_documents_outlet_filter_takes_any_id_and_finds_nothing_for_an_unknown_one(reader):
    ClaimFactory()
    assert api_client_for(reader).get("/api/v1/documents/?outlet=999999").json()["results"] == []
    assert_problem(api_client_for(reader).get("/api/v1/documents/?outlet=0"), 400)


@pytest.mark.parametrize("kind", ["wizard", ""])
def test_a_speaker_kind_outside_the_enum_is_refused(reader, kind):
    SpeakerFactory()
    body = assert_problem(api_client_for(reader).get(f"/api/v1/speakers/?kind={kind}"), 400)
    assert "kind" in body["errors"]


@pytest.mark.parametrize("page_size", ["null", "0", "-5", "2.5", "ten", ""])
def test_a_page_size_that_is_not_a_whole_number_from_1_is_refused(reader, page_size):
    body = assert_problem(api_client_for(reader).get(f"/api/v1/claims/?page_size={page_size}"), 400)
    assert body["errors"]["page_size"] == [
        f"{page_size!r} is not a page size: give a whole number from 1 (default 25, at most 100 served)."]


def test_a_page_size_in_bounds_sizes_the_page(reader):
    for _ in range(3):
        ClaimFactory()
    client = api_client_for(reader)
    assert len(client.get("/api/v1/claims/?page_size=2").json()["results"]) == 2
    assert len(client.get("/api/v1/claims/?page_size=100").json()["results"]) == 3


@pytest.mark.parametrize("query", ["status=", "created_after=", "count_min=", "disputed="])
def test_a_filter_given_empty_is_refused(reader, query):
    path = "/api/v1/facts/" if query.startswith("disputed") else "/api/v1/claims/"
    name = query.rstrip("=")
    body = assert_problem(api_client_for(reader).get(f"{path}?{query}"), 400)
    assert f"{name} is empty: give a value or leave the parameter out." in str(body["errors"])


def test_a_text_filter_given_empty_still_means_no_filter(reader):
    assert api_client_for(reader).get("/api/v1/facts/?place=").status_code == 200


@pytest.mark.parametrize("value", ["null", "1", "yes"])
def test_a_boolean_filter_takes_only_true_or_false(reader, value):
    assert "disputed" in assert_problem(api_client_for(reader).get(f"/api/v1/facts/?disputed={value}"), 400)["errors"]
    assert api_client_for(reader).get("/api/v1/facts/?disputed=true").status_code == 200


@pytest.mark.parametrize("if_match", ["claim-1-v1", '"document-1-v1"', 'W/"claim-1-v1"', '"claim-x-v1"'])
def test_an_if_match_that_is_not_a_claim_etag_is_a_400(reviewer, if_match):
    claim = ClaimFactory()
    response = api_client_for(reviewer).post(f"/api/v1/claims/{claim.pk}/approve/", {}, format="json",
                                             HTTP_IF_MATCH=if_match)
    assert "is not an ETag of a claim" in assert_problem(response, 400)["errors"]["If-Match"][0]
    assert Claim.objects.get(pk=claim.pk).status == "pending"
