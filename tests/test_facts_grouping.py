"""Grouping: after extraction, each casualty and ceasefire claim is suggested for the fact it reports on."""
from __future__ import annotations

import pytest

from claims.facts.models import Fact, FactClaim, FactEvent, GroupAlias, GroupCategory, Party, PartyAlias
from claims.facts.services import facts_group_document, facts_group_pending, ungrouped_claims
from claims.models import Claim
from sources.services import document_ingest
from tests.conftest import reported_claim

pytestmark = pytest.mark.django_db

ARMENIA_AZERBAIJAN = "Fighting on the Armenia-Azerbaijan border, the Azerbaijani side said, drew in Armenian forces."


def armenian_toll(passage: str, *, published: str, outlet: str, speaker: str = "Armenian defence ministry",
                  **values) -> Claim:
    article = f"{ARMENIA_AZERBAIJAN}\n\nThe {speaker} said {passage}."
    return reported_claim(passage, article=article, published=published, outlet=outlet, speaker=speaker, **values)


def fact_of(claim: Claim) -> Fact:
    return FactClaim.objects.active().get(claim=claim).fact


def test_it_suggests_one_fact_for_troops_soldiers_and_servicemen_of_one_side():
    first = armenian_toll("49 Armenian troops were killed", published="2022-09-13T08:00Z", outlet="Wire A",
                          count=49, group="Armenian troops")
    second = armenian_toll("105 Armenian soldiers were killed", published="2022-09-14T08:00Z", outlet="Wire B",
                           count=105, group="Armenian soldiers")
    third = armenian_toll("135 servicemen were killed", published="2022-09-15T08:00Z", outlet="Wire C",
                          count=135, group="servicemen")
    result = facts_group_pending()
    assert result.claims == 3 and len(result.created_facts) == 1
    fact = fact_of(first)
    assert fact_of(second) == fact_of(third) == fact
    assert (fact.status, fact.party.name, fact.category.name, fact.outcome) == (
        "suggested", "Armenia", "military personnel", "killed")
    assert fact.place.name == "Armenia–Azerbaijan"
    assert (str(fact.period_start), str(fact.period_end)) == ("2022-09-13", "2022-09-15")
    assert set(FactClaim.objects.filter(fact=fact).values_list("status", flat=True)) == {"suggested"}


def test_the_aliases_are_data_an_editor_can_extend():
    one = armenian_toll("49 Armenian conscripts were killed", published="2022-09-13T08:00Z", outlet="Wire A",
                        count=49, group="Armenian conscripts")
    other = armenian_toll("50 Armenian defenders were killed", published="2022-09-13T09:00Z", outlet="Wire B",
                          count=50, group="Armenian defenders")
    facts_group_pending()
    assert fact_of(one) != fact_of(other)  # "defenders" is not a known word for soldiers yet

    GroupAlias.objects.create(category=GroupCategory.objects.get(name="military personnel"), alias="defenders")
    later = armenian_toll("51 Armenian defenders were killed", published="2022-09-14T09:00Z", outlet="Wire C",
                          count=51, group="Armenian defenders")
    facts_group_pending()
    assert fact_of(later) == fact_of(one)


def test_each_side_outcome_and_period_gets_its_own_fact():
    armenian = armenian_toll("49 Armenian soldiers were killed", published="2022-09-13T08:00Z", outlet="A",
                             count=49, group="Armenian soldiers")
    azerbaijani = armenian_toll("50 Azerbaijani soldiers were killed", published="2022-09-13T09:00Z", outlet="B",
                                count=50, group="Azerbaijani soldiers")
    wounded = armenian_toll("80 Armenian soldiers were wounded", published="2022-09-13T10:00Z", outlet="C",
                            count=80, group="Armenian soldiers", outcome="wounded")
    months_later = armenian_toll("7 Armenian soldiers were killed", published="2022-12-20T10:00Z", outlet="D",
                                 count=7, group="Armenian soldiers")
    facts_group_pending()
    facts = {fact_of(claim).pk for claim in (armenian, azerbaijani, wounded, months_later)}
    assert len(facts) == 4
    assert fact_of(azerbaijani).party.name == "Azerbaijan"


def test_its_troops_belong_to_the_side_of_the_speaker():
    claim = armenian_toll("17 of its troops were killed", published="2022-09-13T08:00Z", outlet="A",
                          speaker="Azerbaijan's defence ministry", count=17, group="troops")
    facts_group_pending()
    assert fact_of(claim).party.name == "Azerbaijan"


def test_a_side_named_before_lost_owns_the_toll_even_when_the_other_side_speaks():
    article = (f"{ARMENIA_AZERBAIJAN}\n\nArmenia's defence ministry said Azerbaijani forces had lost more than "
               "200 servicemen.")
    claim = reported_claim("more than 200 servicemen", article=article, published="2022-09-14T08:00Z", outlet="A",
                           speaker="Armenia's defence ministry", count=200, qualifier="more_than",
                           group="servicemen")
    facts_group_pending()
    assert fact_of(claim).party.name == "Azerbaijan"


def test_a_toll_from_another_year_is_not_the_current_event():
    current = armenian_toll("49 Armenian soldiers were killed", published="2022-09-13T08:00Z", outlet="A",
                            count=49, group="Armenian soldiers")
    article = f"{ARMENIA_AZERBAIJAN}\n\nIn the 2020 war, 3,800 Armenian soldiers were killed, officials said."
    history = reported_claim("3,800 Armenian soldiers were killed", article=article, published="2022-09-13T09:00Z",
                             outlet="B", count=3800, group="Armenian soldiers")
    facts_group_pending()
    assert fact_of(history) != fact_of(current)
    assert (str(fact_of(history).period_start), str(fact_of(history).period_end)) == ("2020-01-01", "2020-12-31")


def test_ceasefire_claims_on_one_theatre_share_a_fact():
    first = reported_claim("a ceasefire from 06:00 GMT", article=f"{ARMENIA_AZERBAIJAN} It began with a ceasefire "
                           "from 06:00 GMT.", published="2022-09-13T10:00Z", outlet="A", kind="ceasefire",
                           effective_at="2022-09-13T06:00Z", precision="minute")
    second = reported_claim("truce at 9 a.m. Moscow time", article=f"{ARMENIA_AZERBAIJAN} A truce at 9 a.m. "
                            "Moscow time.", published="2022-09-13T12:00Z", outlet="B", kind="ceasefire",
                            effective_at="2022-09-13T06:00Z", precision="minute")
    facts_group_pending()
    assert fact_of(first) == fact_of(second)
    assert fact_of(first).kind == "ceasefire"


def test_grouping_writes_a_suggest_event_per_fact_and_is_idempotent():
    claim = armenian_toll("49 Armenian soldiers were killed", published="2022-09-13T08:00Z", outlet="A", count=49,
                          group="Armenian soldiers")
    facts_group_pending()
    facts_group_document(document_id=claim.document_id)
    facts_group_pending()
    fact = fact_of(claim)
    assert FactClaim.objects.filter(claim=claim).count() == 1
    assert list(FactEvent.objects.filter(fact=fact).values_list("action", "claim_ids")) == [("suggest", [claim.pk])]


def test_quotes_and_rejected_claims_are_not_grouped():
    rejected = armenian_toll("49 Armenian soldiers were killed", published="2022-09-13T08:00Z", outlet="A",
                             count=49, group="Armenian soldiers", status="rejected")
    assert not ungrouped_claims().filter(pk=rejected.pk).exists()
    assert facts_group_pending().claims == 0
    assert not Fact.objects.exists()


def test_an_extracted_document_is_grouped_once_its_extraction_commits(django_capture_on_commit_callbacks):
    text = ("YEREVAN — Armenia said on Tuesday that at least 49 Armenian soldiers were killed in attacks along the "
            "border with Azerbaijan, Prime Minister Nikol Pashinyan told parliament.")
    with django_capture_on_commit_callbacks(execute=True):
        result = document_ingest(text=text, title="Armenia says 49 soldiers killed", outlet_name="Wire A")
    claims = Claim.objects.filter(document=result.document, kind="casualty")
    assert claims.exists()
    assert not ungrouped_claims().filter(document=result.document).exists()
    fact = fact_of(claims.get())
    assert (fact.party.name, fact.category.name, fact.place.name) == ("Armenia", "military personnel",
                                                                       "Armenia–Azerbaijan")


def test_the_sweep_groups_claims_whose_grouping_task_was_lost():
    claim = armenian_toll("49 Armenian soldiers were killed", published="2022-09-13T08:00Z", outlet="A", count=49,
                          group="Armenian soldiers")
    from claims.facts.tasks import group_pending

    assert group_pending() == {"claims": 1, "facts_created": 1}
    assert fact_of(claim).party.name == "Armenia"


def test_a_party_is_editable_data_with_its_aliases():
    party = Party.objects.create(name="Tarvonia")
    PartyAlias.objects.create(party=party, alias="Tarvonian")
    claim = reported_claim("17 Tarvonian troops were killed", published="2025-06-13T08:00Z", outlet="A", count=17,
                           group="Tarvonian troops")
    facts_group_pending()
    assert fact_of(claim).party == party
