"""Ordering lists: what a data desk sorts by, every page once, and an unknown `ordering` is a 400.

Claims sort by count, their document's publication time and their effective
time (each may be empty: empty ones come last either way), as well as by
creation time, confidence and id. Every list that orders says which values
it takes, in the schema as an enum and in the 400 for any other.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rest_framework.test import APIClient

from tests.conftest import ClaimFactory, DocumentFactory, api_client_for

CLAIMS_ORDERING = ["count", "-count", "published_at", "-published_at", "effective_at", "-effective_at",
                   "created_at", "-created_at", "confidence", "-confidence", "id", "-id"]

# Every list that takes `ordering`.
ORDERED_LISTS = ["/api/v1/claims/", "/api/v1/documents/", "/api/v1/speakers/", "/api/v1/quotes/", "/api/v1/jobs/",
                 "/api/v1/tokens/", "/api/v1/facts/", "/api/v1/export/claimreview/", "/api/v1/export/facts.csv"]


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2022, 9, day, hour, tzinfo=timezone.utc)


def every_page(client: APIClient, ordering: str, page_size: int = 2) -> list[int]:
    """The claim ids of every page, following the cursor, in the order they came."""
    seen: list[int] = []
    response = client.get("/api/v1/claims/", {"ordering": ordering, "page_size": page_size})
    while True:
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        seen.extend(claim["id"] for claim in body["results"])
        if not body["next"]:
            return seen
        response = client.get(body["next"])


@pytest.fixture
def claims(db) -> dict[str, int]:
    """Casualty counts 40, 12 and 5 twice; two ceasefires without a count, one with no effective time."""
    made = {
        "forty": ClaimFactory(count=40, document=DocumentFactory(published_at=at(12))),
        "twelve": ClaimFactory(count=12, document=DocumentFactory(published_at=None)),
        "five": ClaimFactory(count=5, document=DocumentFactory(published_at=at(14))),
        "five again": ClaimFactory(count=5, document=DocumentFactory(published_at=at(13))),
        "truce": ClaimFactory(kind="ceasefire", count=None, outcome="", qualifier="", group="",
                              effective_at=at(13, 6), document=DocumentFactory(published_at=at(13))),
        "truce undated": ClaimFactory(kind="ceasefire", count=None, outcome="", qualifier="", group="",
                                      effective_at=None, document=DocumentFactory(published_at=None)),
    }
    return {name: claim.pk for name, claim in made.items()}


def names(claims: dict[str, int], ids: list[int]) -> list[str]:
    by_id = {pk: name for name, pk in claims.items()}
    return [by_id[pk] for pk in ids]


def test_claims_sort_by_count_either_way_with_the_countless_last_on_every_page(reader, claims):
    client = api_client_for(reader)
    assert names(claims, every_page(client, "-count")) == [
        "forty", "twelve", "five again", "five", "truce undated", "truce"]
    assert names(claims, every_page(client, "count")) == [
        "five", "five again", "twelve", "forty", "truce", "truce undated"]


def test_claims_sort_by_their_documents_publication_time_with_the_undated_last(reader, claims):
    client = api_client_for(reader)
    assert names(claims, every_page(client, "published_at")) == [
        "forty", "five again", "truce", "five", "twelve", "truce undated"]
    assert names(claims, every_page(client, "-published_at")) == [
        "five", "truce", "five again", "forty", "truce undated", "twelve"]


def test_claims_sort_by_effective_time_with_those_without_one_last(reader, claims):
    client = api_client_for(reader)
    ordered = names(claims, every_page(client, "effective_at", page_size=1))
    assert ordered[0] == "truce"
    assert sorted(ordered[1:]) == sorted(set(claims) - {"truce"})
    assert names(claims, every_page(client, "-effective_at"))[0] == "truce"


@pytest.mark.parametrize("ordering", CLAIMS_ORDERING)
def test_every_claims_ordering_pages_through_every_claim_exactly_once(reader, claims, ordering):
    seen = every_page(api_client_for(reader), ordering)
    assert sorted(seen) == sorted(claims.values())


def test_an_unknown_ordering_is_a_400_naming_the_values_allowed(reader):
    for ordering in ("shoe_size", "count,shoe_size", "document__title", "-", "?"):
        response = api_client_for(reader).get("/api/v1/claims/", {"ordering": ordering})
        assert response.status_code == 400, ordering
        assert response["Content-Type"] == "application/problem+json"
        [message] = response.json()["errors"]["ordering"]
        assert all(value in message for value in CLAIMS_ORDERING), message


@pytest.mark.parametrize("path", ORDERED_LISTS)
def test_every_list_that_orders_refuses_an_unknown_ordering(admin_user, path):
    response = api_client_for(admin_user).get(path, {"ordering": "shoe_size"})
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert "shoe_size" in response.json()["errors"]["ordering"][0]


@pytest.mark.parametrize("path", ORDERED_LISTS)
def test_the_schema_lists_each_lists_ordering_values_as_an_enum(client, db, path):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    [parameter] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "ordering"]
    values = parameter["schema"]["items"]["enum"]
    assert "id" in values and "-id" in values
    if path == "/api/v1/claims/":
        assert sorted(values) == sorted(CLAIMS_ORDERING)
