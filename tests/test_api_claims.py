"""Reading claims: filters, search, ordering, cursor pages, the evidence in context, constant queries."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rest_framework.test import APIClient

from claims.models import Claim
from claims.services import claim_approve
from tests.conftest import (
    ClaimFactory,
    DocumentFactory,
    ExtractionJobFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerFactory,
    api_client_for,
)


@pytest.fixture
def client(reader) -> APIClient:
    return api_client_for(reader)


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content[:300]
    return {claim["id"] for claim in response.json()["results"]}


def test_it_filters_by_status_kind_and_outcome(client):
    approved = ClaimFactory(status="approved")
    wounded = ClaimFactory(outcome="wounded")
    ClaimFactory()
    assert ids(client.get("/api/v1/claims/", {"status": "approved"})) == {approved.pk}
    assert ids(client.get("/api/v1/claims/", {"outcome": "wounded"})) == {wounded.pk}
    assert ids(client.get("/api/v1/claims/", {"kind": "ceasefire"})) == set()
    assert len(ids(client.get("/api/v1/claims/", {"status": ["pending", "approved"]}))) == 3


def test_it_filters_by_speaker_outlet_and_document(client):
    speaker = SpeakerFactory()
    by_speaker = ClaimFactory(speaker=speaker)
    outlet = OutletFactory(name="Harbour Gazette")
    in_outlet = ClaimFactory(document=DocumentFactory(outlet=outlet))
    assert ids(client.get("/api/v1/claims/", {"speaker": speaker.pk})) == {by_speaker.pk}
    assert ids(client.get("/api/v1/claims/", {"outlet": outlet.pk})) == {in_outlet.pk}
    assert ids(client.get("/api/v1/claims/", {"document": by_speaker.document_id})) == {by_speaker.pk}


def test_it_filters_by_publication_time_count_and_confidence_ranges(client):
    old = ClaimFactory(document=DocumentFactory(published_at=datetime(2024, 5, 1, tzinfo=timezone.utc)), count=3,
                       confidence=0.4)
    new = ClaimFactory(document=DocumentFactory(published_at=datetime(2026, 5, 1, tzinfo=timezone.utc)), count=40,
                       confidence=0.95)
    assert ids(client.get("/api/v1/claims/", {"published_after": "2025-01-01T00:00:00Z"})) == {new.pk}
    assert ids(client.get("/api/v1/claims/", {"published_before": "2025-01-01T00:00:00Z"})) == {old.pk}
    assert ids(client.get("/api/v1/claims/", {"count_min": 10})) == {new.pk}
    assert ids(client.get("/api/v1/claims/", {"count_max": 10})) == {old.pk}
    assert ids(client.get("/api/v1/claims/", {"confidence_min": 0.9})) == {new.pk}
    assert ids(client.get("/api/v1/claims/", {"created_after": "2000-01-01T00:00:00Z"})) == {old.pk, new.pk}


def test_an_invalid_filter_value_is_a_400_naming_the_field(client):
    response = client.get("/api/v1/claims/", {"status": "maybe", "count_min": "-4"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status", "count_min"}


def test_it_searches_claim_text_and_speaker_names(client):
    by_name = ClaimFactory(speaker=SpeakerFactory(name="Lieutenant Tamar Ivers"))
    ClaimFactory()
    assert ids(client.get("/api/v1/claims/", {"search": "Ivers"})) == {by_name.pk}
    assert len(ids(client.get("/api/v1/claims/", {"search": "civilians"}))) == 2


def test_it_orders_by_confidence(client):
    low, high = ClaimFactory(confidence=0.2), ClaimFactory(confidence=0.8)
    results = client.get("/api/v1/claims/", {"ordering": "-confidence"}).json()["results"]
    assert [c["id"] for c in results] == [high.pk, low.pk]


def test_cursor_pages_walk_every_claim_once_and_the_page_size_is_capped(client):
    ClaimFactory.create_batch(5)
    seen, url, pages = [], "/api/v1/claims/?page_size=2", 0
    while url:
        body = client.get(url).json()
        seen += [c["id"] for c in body["results"]]
        url, pages = body["next"], pages + 1
    assert sorted(seen) == sorted(Claim.objects.values_list("pk", flat=True))
    assert pages == 3
    ClaimFactory.create_batch(100)
    assert len(client.get("/api/v1/claims/", {"page_size": 1000}).json()["results"]) == 100


def test_a_claim_shows_its_evidence_in_context_with_its_speaker_document_and_etag(client):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Amal Osman", role="nurse"))
    response = client.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 200
    body = response.json()
    text = claim.document.text
    assert body["text"] == text[body["start"]:body["end"]] == "killed at least 12 civilians"
    assert body["context"]["before"].endswith("Fighting in the capital ")
    assert (body["context"]["before"] + body["text"] + body["context"]["after"]) in text
    assert body["speaker"]["name"] == "Amal Osman"
    assert body["document"]["id"] == claim.document_id
    assert body["document"]["outlet"] == claim.document.outlet.name
    assert body["allowed_actions"] == ["approve", "reject", "dispute", "correct"]
    assert response["ETag"] == body["etag"] == f'"claim-{claim.pk}-v1"'


def test_a_client_holding_the_current_etag_gets_304_and_a_stale_one_gets_the_claim(client, reviewer):
    claim = ClaimFactory()
    etag = client.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    assert client.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    claim_approve(claim_id=claim.pk, actor=reviewer)
    fresh = client.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh.json()["status"] == "approved"


def test_a_missing_claim_is_a_problem_404(client):
    response = client.get("/api/v1/claims/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("page_size", [1, 50])
def test_the_claim_list_costs_the_same_queries_whatever_the_page_size(client, page_size,
                                                                       django_assert_max_num_queries):
    for _ in range(50):
        ClaimFactory(speaker=SpeakerFactory(), reviewed_by=None)
    client.get("/api/v1/claims/", {"page_size": 1})  # warm the permission cache paths alike for both sizes
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/claims/", {"page_size": page_size, "status": "pending"})
    assert len(response.json()["results"]) == page_size


@pytest.mark.parametrize("path", ["/api/v1/documents/", "/api/v1/speakers/", "/api/v1/quotes/", "/api/v1/jobs/"])
@pytest.mark.parametrize("page_size", [1, 50])
def test_other_lists_cost_constant_queries_too(client, path, page_size, django_assert_max_num_queries):
    for _ in range(50):
        quote = QuoteFactory(speaker=SpeakerFactory())
        ExtractionJobFactory(document=quote.document)
    with django_assert_max_num_queries(5):
        response = client.get(path, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
