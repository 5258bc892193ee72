"""/api/v1/facts/: lists with filters, a fact's page with its timeline, and the editors' actions over HTTP."""
from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.facts.models import Fact, FactClaim, FactEvent
from claims.facts.services import facts_group_pending
from claims.services import claims_review_bulk
from tests.conftest import reported_claim

pytestmark = pytest.mark.django_db

ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def toll(count: int, *, day: int, outlet: str, group: str = "Armenian soldiers", hour: int = 8,
         speaker: str = "Armenian defence ministry", **values):
    passage = f"{count} {group} were killed"
    return reported_claim(passage, article=f"{ARTICLE}\n\nOfficials said {passage}.", outlet=outlet,
                          published=f"2022-09-{day:02d}T{hour:02d}:00Z", count=count, group=group, speaker=speaker,
                          **values)


@pytest.fixture
def world(reviewer):
    armenian = [toll(49, day=13, outlet="Wire A", qualifier="at_least"), toll(105, day=14, outlet="Wire B")]
    azerbaijani = [toll(50, day=14, outlet="Wire A", group="Azerbaijani soldiers",
                        speaker="Azerbaijani defence ministry"),
                   toll(200, day=14, hour=11, outlet="Wire B", group="Azerbaijani soldiers",
                        speaker="Armenian defence ministry", qualifier="more_than")]
    facts_group_pending()
    claims_review_bulk(claim_ids=[c.pk for c in armenian + azerbaijani], action="approve", actor=reviewer)
    return {"armenian": FactClaim.objects.get(claim=armenian[0]).fact,
            "azerbaijani": FactClaim.objects.get(claim=azerbaijani[0]).fact,
            "claims": armenian + azerbaijani}


def test_it_lists_facts_with_best_figure_range_grade_and_dispute(world, reader):
    response = client_for(reader).get("/api/v1/facts/")
    assert response.status_code == 200
    by_party = {fact["subject"]["party"]: fact for fact in response.json()["results"]}
    armenian, azerbaijani = by_party["Armenia"], by_party["Azerbaijan"]
    assert (armenian["best"]["count"], armenian["range"], armenian["grade"], armenian["disputed"]) == (
        105, {"low": 49, "high": 105, "earliest_at": None, "latest_at": None}, "several_outlets", False)
    assert (azerbaijani["disputed"], azerbaijani["grade"], azerbaijani["best"]["count"]) == (True, "contested", 50)
    assert azerbaijani["subject"]["label"] == "Azerbaijan: military personnel killed"
    assert armenian["claims_count"] == 2 and armenian["place"] == "Armenia–Azerbaijan"


@pytest.mark.parametrize("query, parties", [
    ("disputed=true", {"Azerbaijan"}),
    ("disputed=false", {"Armenia"}),
    ("subject=Azerbaijani+servicemen", {"Azerbaijan"}),
    ("subject=Armenia", {"Armenia"}),
    ("party=armenia", {"Armenia"}),
    ("kind=casualty&place=armenia", {"Armenia", "Azerbaijan"}),
    ("kind=ceasefire", set()),
    ("period_after=2022-09-14&period_before=2022-09-14", {"Armenia", "Azerbaijan"}),
    ("period_after=2022-09-15", set()),
    ("grade=contested", {"Azerbaijan"}),
])
def test_the_list_filters(world, reader, query, parties):
    response = client_for(reader).get(f"/api/v1/facts/?{query}")
    assert response.status_code == 200, response.json()
    assert {fact["subject"]["party"] for fact in response.json()["results"]} == parties


def test_a_facts_page_has_its_timeline_in_reported_order_with_standings(world, reader):
    fact = world["armenian"]
    response = client_for(reader).get(f"/api/v1/facts/{fact.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == f'"fact-{fact.pk}-v{Fact.objects.get(pk=fact.pk).version}"'
    timeline = response.json()["timeline"]
    assert [(row["count"], row["qualifier"], row["standing"], row["document"]["outlet"]) for row in timeline] == [
        (49, "at_least", "superseded", "Wire A"), (105, "exact", "best", "Wire B")]
    assert timeline[0]["speaker"]["name"] == "Armenian defence ministry"
    assert timeline[0]["link"] == f"/api/v1/claims/{timeline[0]['id']}/"
    assert timeline[0]["text"] == "49 Armenian soldiers were killed" and timeline[0]["etag"].startswith('"claim-')
    again = client_for(reader).get(f"/api/v1/facts/{fact.pk}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_disputed_facts_page_names_the_conflicting_claims(world, reader):
    body = client_for(reader).get(f"/api/v1/facts/{world['azerbaijani'].pk}/").json()
    fifty, two_hundred = world["claims"][2:]
    assert body["conflicts"][0]["claims"] == [fifty.pk, two_hundred.pk]
    assert [row["in_conflict"] for row in body["timeline"]] == [True, True]
    assert [row["source_kind"] for row in body["timeline"]] == ["own_official", "adversary"]


def test_actions_need_if_match_and_a_current_etag(world, editor):
    fact = Fact.objects.get(pk=world["armenian"].pk)
    client = client_for(editor)
    missing = client.post(f"/api/v1/facts/{fact.pk}/confirm/", {}, format="json")
    assert missing.status_code == 428
    assert fact.etag in missing.json()["detail"]
    stale = client.post(f"/api/v1/facts/{fact.pk}/confirm/", {}, format="json",
                        HTTP_IF_MATCH=f'"fact-{fact.pk}-v{fact.version - 1}"')
    assert stale.status_code == 412
    done = client.post(f"/api/v1/facts/{fact.pk}/confirm/", {"note": "one series"}, format="json",
                       HTTP_IF_MATCH=fact.etag)
    assert done.status_code == 200, done.json()
    assert done.json()["status"] == "confirmed"
    assert {row["membership"] for row in done.json()["timeline"]} == {"confirmed"}
    assert done["ETag"] != fact.etag


def test_merging_over_http_needs_both_etags(world, editor):
    first, second = (Fact.objects.get(pk=world[name].pk) for name in ("armenian", "azerbaijani"))
    client = client_for(editor)
    one_tag = client.post(f"/api/v1/facts/{first.pk}/merge/", {"other": second.pk}, format="json",
                          HTTP_IF_MATCH=first.etag)
    assert one_tag.status_code == 412
    assert f"fact {second.pk}" in one_tag.json()["detail"]
    merged = client.post(f"/api/v1/facts/{first.pk}/merge/", {"other": second.pk}, format="json",
                         HTTP_IF_MATCH=f"{first.etag}, {second.etag}")
    assert merged.status_code == 200
    assert len(merged.json()["timeline"]) == 4
    assert Fact.objects.get(pk=second.pk).status == "retired"
    listed = client.get("/api/v1/facts/").json()["results"]
    assert second.pk not in [fact["id"] for fact in listed]


def test_split_reject_prefer_and_edit_over_http(world, editor):
    fact = Fact.objects.get(pk=world["armenian"].pk)
    first, second = world["claims"][:2]
    client = client_for(editor)
    preferred = client.post(f"/api/v1/facts/{fact.pk}/prefer/", {"claim": first.pk}, format="json",
                            HTTP_IF_MATCH=fact.etag)
    assert preferred.status_code == 200 and preferred.json()["best"]["count"] == 49
    assert preferred.json()["best"]["preferred_by_editor"] is True
    fact.refresh_from_db()
    edited = client.patch(f"/api/v1/facts/{fact.pk}/", {"place": "Jermuk", "note": "where it happened"},
                          format="json", HTTP_IF_MATCH=fact.etag)
    assert edited.status_code == 200 and edited.json()["place"] == "Jermuk"
    fact.refresh_from_db()
    split = client.post(f"/api/v1/facts/{fact.pk}/split/", {"claim_ids": [second.pk]}, format="json",
                        HTTP_IF_MATCH=fact.etag)
    assert split.status_code == 201 and [row["id"] for row in split.json()["timeline"]] == [second.pk]
    assert split["Location"] == f"http://testserver/api/v1/facts/{split.json()['id']}/"
    fact.refresh_from_db()
    rejected = client.post(f"/api/v1/facts/{fact.pk}/reject/", {"claim": second.pk}, format="json",
                           HTTP_IF_MATCH=fact.etag)
    assert rejected.status_code == 400  # no longer on this fact
    history = client.get(f"/api/v1/facts/{fact.pk}/history/").json()
    assert [event["action"] for event in history] == ["suggest", "summary", "prefer", "summary", "edit", "split"]


def test_bad_input_is_a_clear_400_and_changes_nothing(world, editor):
    fact = Fact.objects.get(pk=world["armenian"].pk)
    client = client_for(editor)
    for body in ({"claim_ids": []}, {"claim_ids": ["x"]}):
        response = client.post(f"/api/v1/facts/{fact.pk}/split/", body, format="json", HTTP_IF_MATCH=fact.etag)
        assert response.status_code == 400
    response = client.post(f"/api/v1/facts/{fact.pk}/merge/", {"other": 987654}, format="json",
                           HTTP_IF_MATCH=fact.etag)
    assert response.status_code == 404
    assert FactEvent.objects.filter(fact=fact).exclude(action__in=["suggest", "summary"]).count() == 0


def test_the_chart_is_svg(world, reader):
    response = client_for(reader).get(f"/api/v1/facts/{world['azerbaijani'].pk}/chart/")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


@pytest.mark.parametrize("persona, read, act", [
    ("anon", 401, 401), ("outsider", 403, 403), ("reader", 200, 403), ("reviewer", 200, 403),
    ("editor", 200, 200), ("admin_user", 200, 200),
])
def test_who_may_read_and_curate_facts(world, request, persona, read, act):
    user = None if persona == "anon" else request.getfixturevalue(persona)
    fact = Fact.objects.get(pk=world["armenian"].pk)
    client = client_for(user)
    assert client.get("/api/v1/facts/").status_code == read
    assert client.get(f"/api/v1/facts/{fact.pk}/").status_code == read
    assert client.get("/api/v1/export/facts.csv").status_code == read
    assert client.post(f"/api/v1/facts/{fact.pk}/confirm/", {}, format="json",
                       HTTP_IF_MATCH=fact.etag).status_code == act


def test_the_list_costs_the_same_queries_for_one_fact_or_many(reader, django_assert_max_num_queries):
    for side in ("Armenian", "Azerbaijani"):
        for count, outcome in enumerate(("killed", "wounded", "missing", "captured"), start=12):
            toll(count, day=13, outlet=f"Wire {side} {outcome}", group=f"{side} soldiers", outcome=outcome)
    facts_group_pending()
    client = client_for(reader)
    client.get("/api/v1/facts/")  # the reader's permissions are read once, then cached on the user
    counts = {}
    for size in (1, 8):
        with django_assert_max_num_queries(20) as captured:
            assert len(client.get(f"/api/v1/facts/?page_size={size}").json()["results"]) == size
        counts[size] = len(captured.captured_queries)
    assert counts[1] == counts[8]
