"""The OpenAPI 3 description at /api/schema/ and its rendered docs at /api/docs/."""
from __future__ import annotations

import re

import yaml
from rest_framework.test import APIClient


def test_the_schema_is_openapi_3_and_describes_every_resource(db):
    response = APIClient().get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ("/api/v1/documents/", "/api/v1/claims/", "/api/v1/claims/{id}/approve/", "/api/v1/claims/review/",
                 "/api/v1/speakers/", "/api/v1/quotes/", "/api/v1/jobs/", "/api/v1/tokens/"):
        assert path in paths, path
    approve = paths["/api/v1/claims/{id}/approve/"]["post"]
    assert any(p["name"] == "If-Match" and p["in"] == "header" and p["required"] for p in approve["parameters"])
    assert schema["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"


def test_the_docs_page_renders_the_schema(db):
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200
    assert b"/api/schema/" in response.content


# --- The schema tells the truth (claims/api/schema.py) -----------------------------------------

def schema_document() -> dict:
    return yaml.safe_load(APIClient().get("/api/schema/").content)


def problems_of(operation: dict) -> set[int]:
    return {int(code) for code, response in operation["responses"].items()
            if "application/problem+json" in response.get("content", {})}


def test_every_operation_documents_the_problems_it_can_answer_as_problem_details(db):
    schema = schema_document()
    problem = schema["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = problems_of(operation)
            assert {401, 403, 429} <= statuses, (method, path, statuses)
            for code in statuses:
                body = operation["responses"][str(code)]["content"]["application/problem+json"]["schema"]
                assert body == {"$ref": "#/components/schemas/Problem"}, (method, path, code)


def test_each_operation_has_the_problems_of_what_it_is(db):
    paths = schema_document()["paths"]
    assert problems_of(paths["/api/v1/claims/{id}/approve/"]["post"]) == {400, 401, 403, 404, 409, 412, 413, 415,
                                                                          428, 429}
    assert problems_of(paths["/api/v1/claims/"]["get"]) == {400, 401, 403, 404, 429}
    assert problems_of(paths["/api/v1/claims/{id}/history/"]["get"]) == {401, 403, 404, 429}
    assert {412, 428} <= problems_of(paths["/api/v1/claims/review/"]["post"])
    assert problems_of(paths["/api/v1/documents/{id}/"]["patch"]) >= {400, 404, 409, 412, 428}
    assert problems_of(paths["/api/v1/tokens/{id}/"]["delete"]) == {401, 403, 404, 429}
    for path in ("/api/v1/webhooks/endpoints/", "/api/v1/facts/{id}/merge/"):
        assert {400, 401, 403, 429} <= problems_of(paths[path]["post"]), path


def test_fields_that_can_be_null_are_declared_nullable(db):
    components = schema_document()["components"]["schemas"]

    def nullable(component: str, field: str) -> bool:
        return components[component]["properties"][field].get("nullable") is True

    assert nullable("Claim", "speaker") and nullable("Claim", "reviewed_by")
    assert nullable("ClaimDetail", "quote") and nullable("ClaimDetail", "speaker")
    assert nullable("ExtractionJob", "requested_by") and nullable("ExtractionJob", "document")
    assert nullable("DocumentSummary", "outlet") and nullable("Document", "outlet")
    assert nullable("Quote", "speaker") and nullable("ReviewEvent", "actor") and nullable("FactEvent", "actor")
    assert not nullable("Claim", "document") and not nullable("Claim", "text")


def test_ids_start_at_1_in_paths_and_filters(db):
    paths = schema_document()["paths"]
    detail = {p["name"]: p["schema"] for p in paths["/api/v1/claims/{id}/"]["get"]["parameters"]}
    assert detail["id"]["type"] == "integer" and detail["id"]["minimum"] == 1
    listing = {p["name"]: p["schema"] for p in paths["/api/v1/claims/"]["get"]["parameters"]}
    for name in ("document", "speaker", "outlet"):
        assert listing[name] == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}, name
    documents = {p["name"]: p["schema"] for p in paths["/api/v1/documents/"]["get"]["parameters"]}
    assert documents["outlet"]["type"] == "integer" and documents["outlet"]["minimum"] == 1


def test_page_size_bounds_and_if_match_form_are_in_the_schema(db):
    paths = schema_document()["paths"]
    listing = {p["name"]: p["schema"] for p in paths["/api/v1/claims/"]["get"]["parameters"]}
    assert listing["page_size"] == {"type": "integer", "minimum": 1, "default": 25}
    approve = {p["name"]: p["schema"] for p in paths["/api/v1/claims/{id}/approve/"]["post"]["parameters"]}
    assert approve["If-Match"]["pattern"].startswith('^"claim-')


def test_webhook_event_types_are_an_enum_of_the_registered_types(db):
    from claims.webhooks import event_types

    components = schema_document()["components"]["schemas"]
    items = components["EndpointInputRequest"]["properties"]["event_types"]["items"]
    enum = items.get("enum") or components[items["$ref"].rsplit("/", 1)[1]]["enum"]
    assert set(enum) == set(event_types.names())


def test_fractional_filters_stay_numbers_with_their_bounds(db):
    listing = {p["name"]: p["schema"] for p in schema_document()["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    assert listing["confidence_min"]["type"] == "number" and listing["confidence_min"]["maximum"] == 1
    assert listing["count_min"] == {"type": "integer", "minimum": 0, "maximum": 2_147_483_647}


def test_date_filters_state_the_utc_offsets_they_take(db):
    listing = {p["name"]: p["schema"] for p in schema_document()["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    pattern = listing["created_after"]["pattern"]
    assert re.search(pattern, "2022-09-13T08:00:00+15:59") and re.search(pattern, "2022-09-13T08:00:00Z")
    assert not re.search(pattern, "2022-09-13T08:00:00+20:45")
