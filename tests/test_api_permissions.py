"""Who may do what over the API: one table, every persona against every endpoint.

anon → 401 everywhere but the schema; outsider (no role) → 403; reader reads;
reviewer also approves, rejects, disputes; editor also reopens, corrects,
submits documents and re-runs extraction; admin also manages everyone's tokens.
"""
from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from claims.api.tokens import token_create
from tests.conftest import ClaimFactory, ExtractionJobFactory, QuoteFactory, SpeakerFactory

PERSONAS = ["anon", "outsider", "reader", "reviewer", "editor", "admin_user"]
READ = {"anon": 401, "outsider": 403, "reader": 200, "reviewer": 200, "editor": 200, "admin_user": 200}


def only(allowed: set[str], ok: int) -> dict[str, int]:
    return {p: 401 if p == "anon" else ok if p in allowed else 403 for p in PERSONAS}


REVIEWERS = {"reviewer", "editor", "admin_user"}
EDITORS = {"editor", "admin_user"}
ROLES = {"reader", "reviewer", "editor", "admin_user"}

# (method, path, body, expected status per persona)
MATRIX = [
    ("get", "/api/v1/", None, {**dict.fromkeys(PERSONAS, 200), "anon": 401}),  # links only
    ("get", "/api/v1/documents/", None, READ),
    ("get", "/api/v1/documents/{document}/", None, READ),
    ("post", "/api/v1/documents/", {"text": "Shelling killed 3 people in the port, officials said."}, only(EDITORS, 201)),
    ("post", "/api/v1/documents/{document}/reextract/", None, only(EDITORS, 202)),
    ("get", "/api/v1/claims/", None, READ),
    ("get", "/api/v1/claims/{claim}/", None, READ),
    ("get", "/api/v1/claims/{claim}/history/", None, READ),
    ("post", "/api/v1/claims/{claim}/approve/", {}, only(REVIEWERS, 200)),
    ("post", "/api/v1/claims/{claim}/reject/", {"note": "wrong town"}, only(REVIEWERS, 200)),
    ("post", "/api/v1/claims/{claim}/dispute/", {"note": "unconfirmed"}, only(REVIEWERS, 200)),
    ("post", "/api/v1/claims/{approved}/reopen/", {}, only(EDITORS, 200)),
    ("post", "/api/v1/claims/{claim}/correct/", {"count": 13}, only(EDITORS, 200)),
    ("post", "/api/v1/claims/review/", {"action": "approve", "claims": [{"id": "{claim}", "version": 1}]}, only(REVIEWERS, 200)),
    ("get", "/api/v1/speakers/", None, READ),
    ("get", "/api/v1/speakers/{speaker}/", None, READ),
    ("get", "/api/v1/quotes/", None, READ),
    ("get", "/api/v1/quotes/{quote}/", None, READ),
    ("get", "/api/v1/jobs/", None, READ),
    ("get", "/api/v1/jobs/{job}/", None, READ),
    ("get", "/api/v1/tokens/", None, READ),
    ("post", "/api/v1/tokens/", {"name": "importer"}, only(ROLES, 201)),
    ("get", "/api/v1/tokens/{others_token}/", None, {**only({"admin_user"}, 200), "reader": 404, "reviewer": 404,
                                                      "editor": 404}),
    ("delete", "/api/v1/tokens/{others_token}/", None, {**only({"admin_user"}, 204), "reader": 404, "reviewer": 404,
                                                         "editor": 404}),
    ("get", "/api/schema/", None, dict.fromkeys(PERSONAS, 200)),
]

CASES = [
    pytest.param(method, path, body, persona, expected[persona], id=f"{persona}-{method}-{path}")
    for method, path, body, expected in MATRIX
    for persona in PERSONAS
]


@pytest.fixture
def world(db) -> dict[str, int]:
    claim = ClaimFactory()
    approved = ClaimFactory(status="approved")
    quote = QuoteFactory(speaker=SpeakerFactory())
    someone = User.objects.create_user("sam-someone")
    token, _ = token_create(user=someone, name="someone's script", actor=None)
    return {"document": claim.document_id, "claim": claim.pk, "approved": approved.pk, "speaker": quote.speaker_id,
            "quote": quote.pk, "job": ExtractionJobFactory(document=claim.document).pk, "others_token": token.pk,
            "etag": {claim.pk: claim.etag, approved.pk: approved.etag}}


def fill(value, ids: dict):
    if isinstance(value, str):
        return int(value.format(**ids)) if value.startswith("{") else value.format(**ids)
    if isinstance(value, list):
        return [fill(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: fill(item, ids) for key, item in value.items()}
    return value


@pytest.mark.parametrize(("method", "path", "body", "persona", "expected"), CASES)
def test_permission_matrix(request, world, method, path, body, persona, expected):
    client = APIClient()
    if persona != "anon":
        client.force_authenticate(request.getfixturevalue(persona))
    url = path.format(**world)
    headers = {}
    for claim_id, etag in world["etag"].items():
        if f"/claims/{claim_id}/" in url:
            headers["HTTP_IF_MATCH"] = etag
    response = getattr(client, method)(url, fill(body, world) if body is not None else None, format="json", **headers)
    assert response.status_code == expected, response.content[:300]
    if expected == 401:
        assert response["WWW-Authenticate"].startswith("Bearer")
