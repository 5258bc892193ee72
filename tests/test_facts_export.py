"""Exports: reviewed claims as schema.org ClaimReview JSON-LD, facts with their series as CSV — API and commands."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from claims.facts.services import facts_group_pending
from claims.services import claim_dispute, claim_reject, claims_review_bulk
from tests.conftest import SpeakerFactory, reported_claim

pytestmark = pytest.mark.django_db

VOCABULARY = json.loads((Path(__file__).resolve().parents[1] / "claims/facts/schemaorg/vocabulary.json").read_text())
ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


def ancestors(type_name: str) -> set[str]:
    found, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        found.add(current)
        todo += VOCABULARY["types"][current]
    return found


def datatype_holds(datatype: str, value) -> bool:
    if datatype in ("Text", "URL") and isinstance(value, str):
        return datatype == "Text" or re.match(r"^https?://", value) is not None
    if datatype == "Date":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    if datatype == "DateTime":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})", value)
    if datatype in ("Number", "Integer"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return False


def problems(node: dict, where: str = "$") -> list[str]:
    """Everything in a JSON-LD node that the schema.org vocabulary does not allow."""
    found = []
    node_type = node.get("@type")
    if node_type not in VOCABULARY["types"]:
        return [f"{where}: unknown type {node_type!r}"]
    lineage = ancestors(node_type)
    for required in VOCABULARY["required"].get(node_type, []):
        if required not in node:
            found.append(f"{where}: {node_type} lacks {required}")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        definition = VOCABULARY["properties"].get(name)
        if definition is None:
            found.append(f"{where}.{name}: not a schema.org property this vocabulary knows")
            continue
        if not lineage & set(definition["domain"]):
            found.append(f"{where}.{name}: not a property of {node_type}")
        if isinstance(value, dict):
            if not ancestors(value.get("@type", "Thing")) & set(definition["range"]):
                found.append(f"{where}.{name}: a {value.get('@type')} where {definition['range']} is expected")
            found += problems(value, f"{where}.{name}")
        elif not any(datatype_holds(datatype, value) for datatype in definition["range"]
                     if datatype in VOCABULARY["datatypes"]):
            found.append(f"{where}.{name}: {value!r} is none of {definition['range']}")
    return found


def test_the_checker_itself_catches_wrong_types_and_missing_properties():
    assert problems({"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"@type": "Person"},
                     "url": "not a url", "author": {"@type": "Organization", "name": "FactDesk"}}) == [
        "$: ClaimReview lacks itemReviewed",
        "$.reviewRating: a Person where ['Rating'] is expected",
        "$.url: 'not a url' is none of ['URL']",
    ]


@pytest.fixture
def reviewed(reviewer):
    speaker = SpeakerFactory(name="Nikol Pashinyan", role="Prime Minister", kind="person")
    approved = reported_claim("49 Armenian soldiers were killed", article=f"{ARTICLE}\n\n49 Armenian soldiers were "
                              "killed.", published="2022-09-13T08:00Z", outlet="Wire A", count=49,
                              group="Armenian soldiers", speaker=speaker, title="Armenia says 49 soldiers killed")
    rejected = reported_claim("3 shepherds were killed", article=f"{ARTICLE}\n\n3 shepherds were killed.",
                              published="2022-09-13T09:00Z", outlet="Wire B", count=3, group="shepherds")
    disputed = reported_claim("300 Azerbaijani soldiers were killed", article=f"{ARTICLE}\n\n300 Azerbaijani "
                              "soldiers were killed.", published="2022-09-13T10:00Z", outlet="Wire C", count=300,
                              group="Azerbaijani soldiers", speaker="Armenian defence ministry")
    pending = reported_claim("5 Armenian soldiers were wounded", article=f"{ARTICLE}\n\n5 Armenian soldiers were "
                             "wounded.", published="2022-09-13T11:00Z", outlet="Wire D", count=5,
                             outcome="wounded", group="Armenian soldiers")
    claims_review_bulk(claim_ids=[approved.pk], action="approve", actor=reviewer)
    claim_reject(claim_id=rejected.pk, actor=reviewer, note="an older incident")
    claim_dispute(claim_id=disputed.pk, actor=reviewer, note="no one else reports it")
    facts_group_pending()
    return {"approved": approved, "rejected": rejected, "disputed": disputed, "pending": pending}


def test_claimreview_export_has_one_valid_object_per_reviewed_claim(reviewed, reader):
    response = APIClient()
    response.force_authenticate(reader)
    answer = response.get("/api/v1/export/claimreview/")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/ld+json"
    assert answer.streaming
    document = json.loads(b"".join(answer.streaming_content))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    for review in reviews:
        assert problems(review) == []
    by_rating = {review["reviewRating"]["alternateName"]: review for review in reviews}
    assert set(by_rating) == {"Approved", "Rejected", "Disputed"}
    approved = by_rating["Approved"]
    claim = reviewed["approved"]
    assert approved["claimReviewed"] == "49 Armenian soldiers were killed"
    assert approved["itemReviewed"]["author"] == {"@type": "Person", "name": "Nikol Pashinyan"}
    assert approved["itemReviewed"]["appearance"]["url"] == claim.document.url
    assert approved["url"].endswith(f"/api/v1/claims/{claim.pk}/")
    assert approved["author"]["name"] == "FactDesk"
    assert (approved["reviewRating"]["ratingValue"], by_rating["Rejected"]["reviewRating"]["ratingValue"]) == (3, 1)


def test_claimreview_export_filters_like_the_claims_list(reviewed, reader):
    client = APIClient()
    client.force_authenticate(reader)
    answer = client.get("/api/v1/export/claimreview/?status=approved&status=disputed")
    reviews = json.loads(b"".join(answer.streaming_content))["@graph"]
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == ["Approved", "Disputed"]
    assert client.get("/api/v1/export/claimreview/?status=pending").status_code == 400


def test_facts_csv_has_a_row_per_claim_with_the_facts_summary(reviewed, reader):
    client = APIClient()
    client.force_authenticate(reader)
    answer = client.get("/api/v1/export/facts.csv?kind=casualty&party=Armenia")
    assert answer.status_code == 200 and answer.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    armenian = [row for row in rows if row["outcome"] == "killed"]
    assert len(armenian) == 1
    row = armenian[0]
    assert (row["party"], row["group"], row["best_count"], row["standing"], row["claim_status"], row["outlet"]) == (
        "Armenia", "military personnel", "49", "best", "approved", "Wire A")
    assert row["speaker"] == "Nikol Pashinyan" and row["passage"] == "49 Armenian soldiers were killed"
    assert {row["party"] for row in rows} == {"Armenia"}


def test_the_commands_write_the_same_exports(reviewed, tmp_path):
    out = io.StringIO()
    call_command("export_claimreview", "--filter", "status=rejected", stdout=out)
    reviews = json.loads(out.getvalue())["@graph"]
    assert [r["claimReviewed"] for r in reviews] == ["3 shepherds were killed"]
    target = tmp_path / "facts.csv"
    call_command("export_facts_csv", "--filter", "kind=casualty", "--output", str(target))
    rows = list(csv.DictReader(target.open()))
    assert {row["claim_id"] for row in rows} == {str(c.pk) for name, c in reviewed.items() if name != "rejected"}
    with pytest.raises(CommandError, match="unknown filter colour"):
        call_command("export_facts_csv", "--filter", "colour=red", stdout=io.StringIO())
