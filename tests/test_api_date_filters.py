"""Date filters take ISO 8601 with a UTC offset a database can read: a bad one is a 400 naming the parameter.

PostgreSQL refuses offsets beyond ±15:59 ("time zone displacement out of
range"), so `?created_before=2020-01-01T00:00:00+19:47` was a 500 there; every
date filter checks the offset (and that the moment exists in UTC, which
SQLite is handed) before the query is built.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import ClaimFactory, DocumentFactory, api_client_for

# Every list that filters by date, with the date parameters it takes.
DATE_PARAMETERS = [
    ("/api/v1/claims/", "created_before"),
    ("/api/v1/claims/", "created_after"),
    ("/api/v1/claims/", "published_before"),
    ("/api/v1/claims/", "published_after"),
    ("/api/v1/export/claimreview/", "published_before"),
    ("/api/v1/export/claimreview/", "created_after"),
    ("/api/v1/facts/", "period_after"),
    ("/api/v1/facts/", "period_before"),
    ("/api/v1/export/facts.csv", "period_before"),
]
OUT_OF_RANGE = {
    "2020-01-01T00:00:00+19:47": "The UTC offset +19:47 is out of range",
    "2020-01-01T00:00:00-20:41": "The UTC offset -20:41 is out of range",
    "2020-01-01T00:00:00+16:00": "The UTC offset +16:00 is out of range",
    "2020-01-01T00:00:00+05:30:15": "The UTC offset +05:30:15 is out of range",
    "0001-01-01T00:00:00+01:00": "outside the years 1 to 9999 in UTC",
    "9999-12-31T23:59:59-01:00": "outside the years 1 to 9999 in UTC",
}
WITHIN_RANGE = ["2020-01-01T00:00:00+15:59", "2020-01-01T00:00:00-15:59", "2020-01-01T00:00:00Z",
                "2020-01-01T00:00:00", "2020-01-01"]


@pytest.mark.parametrize(("path", "parameter"), DATE_PARAMETERS)
def test_an_offset_no_database_can_read_is_a_400_naming_the_parameter_before_any_query(reader, path, parameter):
    client = api_client_for(reader)
    for value, message in OUT_OF_RANGE.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {parameter: value})

        assert response.status_code == 400, (value, response.content[:300])
        assert response["Content-Type"] == "application/problem+json"
        errors = response.json()["errors"]
        assert list(errors) == [parameter]
        assert message in errors[parameter][0]
        tables = ("claims_claim", "facts_fact", "sources_document")
        assert not [q["sql"] for q in queries.captured_queries if any(table in q["sql"] for table in tables)]


@pytest.mark.parametrize(("path", "parameter"), DATE_PARAMETERS)
def test_offsets_within_the_range_and_plain_dates_are_accepted(reader, path, parameter):
    client = api_client_for(reader)
    for value in WITHIN_RANGE:
        assert client.get(path, {parameter: value}).status_code == 200, value


def test_an_offset_is_the_same_instant_as_in_utc(reader):
    published = datetime(2022, 9, 13, 6, 0, tzinfo=timezone.utc)
    claim = ClaimFactory(document=DocumentFactory(published_at=published))
    client = api_client_for(reader)

    def found(**query) -> list[int]:
        return [c["id"] for c in client.get("/api/v1/claims/", query).json()["results"]]

    # 09:00 in Moscow (+03:00) is 06:00 UTC; 15:30 at +09:30 is the same instant.
    assert found(published_after="2022-09-13T09:00:00+03:00") == [claim.pk]
    assert found(published_after="2022-09-13T09:01:00+03:00") == []
    assert found(published_before="2022-09-13T15:30:00+09:30") == [claim.pk]
    assert found(published_before="2022-09-13T15:29:00+09:30") == []
