"""Answers are encoded with orjson but read exactly as DRF's own JSON renderer would write them."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework import renderers

from claims.api.renderers import JSONRenderer
from tests.conftest import ClaimFactory, DocumentFactory, SpeakerFactory, api_client_for


def drf(data, media_type=None) -> bytes:
    return renderers.JSONRenderer().render(data, media_type, {})


def ours(data, media_type=None) -> bytes:
    return JSONRenderer().render(data, media_type, {})


def test_claim_pages_lists_and_errors_are_byte_for_byte_what_drf_writes(reader):
    document = DocumentFactory(title="Évacuation à l’hôpital\u2028deux lignes")
    claim = ClaimFactory(document=document, speaker=SpeakerFactory(name="Zoë Ndiaye"), confidence=0.375,
                         extracted_values={"count": 12, "note": "“quoted”", "ratio": 0.1})
    client = api_client_for(reader)
    for path in ("/api/v1/claims/", f"/api/v1/claims/{claim.pk}/", "/api/v1/claims/?confidence_min=7",
                 "/api/v1/claims/424242/"):
        response = client.get(path)
        assert response.content == drf(response.data), path


def test_values_orjson_would_write_its_own_way_are_written_the_drf_way():
    data = {"at": datetime(2025, 3, 2, 18, 30, 5, 123456, tzinfo=timezone.utc), "amount": Decimal("12.50"),
            "message": gettext_lazy("This field is required."), "pair": (1, 2), "line": "a\u2029b"}
    assert ours(data) == drf(data)


def test_what_orjson_cannot_write_falls_back_to_drf():
    assert ours({1: "integer key"}) == drf({1: "integer key"})
    assert ours({"big": 2**70}) == drf({"big": 2**70})


def test_an_indented_answer_is_drfs_own():
    data = {"results": [{"id": 1}]}
    assert ours(data, "application/json; indent=4") == drf(data, "application/json; indent=4")
    assert json.loads(ours(data, "application/json; indent=4")) == data
