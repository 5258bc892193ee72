"""The OpenAPI 3 description at /api/schema/ and its rendered docs at /api/docs/."""
from __future__ import annotations

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
