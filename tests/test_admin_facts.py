"""The facts admin: a fact's page for every role that reads, its buttons for editors only, each through a service;
the normalisation data editable by editors."""
from __future__ import annotations

import pytest
from django.test import Client

from claims.facts.models import Fact, FactClaim, FactEvent, GroupAlias, GroupCategory
from claims.facts.services import facts_group_pending
from tests.conftest import make_user, reported_claim

pytestmark = pytest.mark.django_db

ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def fact() -> Fact:
    for count, day, outlet in ((49, 13, "Wire A"), (105, 14, "Wire B")):
        passage = f"{count} Armenian soldiers were killed"
        reported_claim(passage, article=f"{ARTICLE}\n\n{passage} <b>today</b>.", published=f"2022-09-{day}T08:00Z",
                       outlet=outlet, count=count, group="Armenian soldiers", speaker="Armenian defence ministry")
    facts_group_pending()
    return Fact.objects.get()


def test_a_facts_page_shows_summary_chart_and_timeline_to_a_reader(fact, db):
    reader = make_user("rhea-reader", "reader", is_staff=True)
    page = browser(reader).get(f"/admin/facts/fact/{fact.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert fact.title in html and "<svg" in html and html.count('<g class="claim"') == 2
    assert "Wire A" in html and "Wire B" in html
    assert 'name="do"' not in html  # a reader sees no buttons
    assert browser(reader).post(f"/admin/facts/fact/{fact.pk}/act/", {"do": "confirm"}).status_code == 403


def test_an_editor_confirms_from_the_page_through_the_service(fact, editor):
    response = browser(editor).post(f"/admin/facts/fact/{fact.pk}/act/",
                                    {"do": "confirm", "version": fact.version, "note": "one series"})
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.status == "confirmed"
    assert FactEvent.objects.get(fact=fact, action="confirm").note == "one series"


def test_a_stale_page_is_refused_with_a_message_and_changes_nothing(fact, editor):
    client = browser(editor)
    response = client.post(f"/admin/facts/fact/{fact.pk}/act/", {"do": "confirm", "version": fact.version + 5},
                           follow=True)
    assert "fetch it again" in response.content.decode()
    assert Fact.objects.get(pk=fact.pk).status == "suggested"


def test_an_editor_splits_ticked_claims_and_lands_on_the_new_fact(fact, editor):
    second = FactClaim.objects.filter(fact=fact).order_by("claim__document__published_at").last().claim
    response = browser(editor).post(f"/admin/facts/fact/{fact.pk}/act/",
                                    {"do": "split", "claim": [second.pk], "version": fact.version})
    new = Fact.objects.exclude(pk=fact.pk).get()
    assert response["Location"] == f"/admin/facts/fact/{new.pk}/change/"
    assert list(FactClaim.objects.filter(fact=new).values_list("claim_id", flat=True)) == [second.pk]


def test_an_editor_edits_the_place_from_the_page(fact, editor):
    browser(editor).post(f"/admin/facts/fact/{fact.pk}/act/", {
        "do": "edit", "version": fact.version, "place": "Jermuk", "party": "Armenia",
        "category": "military personnel", "period_start": "2022-09-13", "period_end": "2022-09-14"})
    fact.refresh_from_db()
    assert fact.place.name == "Jermuk"
    assert FactEvent.objects.get(fact=fact, action="edit").changes == {"place": ["Armenia–Azerbaijan", "Jermuk"]}


def test_the_list_marks_disputed_facts_and_hides_retired_ones(fact, editor):
    Fact.objects.filter(pk=fact.pk).update(disputed=True)
    html = browser(editor).get("/admin/facts/fact/").content.decode()
    assert "disputed</strong>" in html and f"/admin/facts/fact/{fact.pk}/change/" in html
    Fact.objects.filter(pk=fact.pk).update(status="retired")
    assert f"/admin/facts/fact/{fact.pk}/change/" not in browser(editor).get("/admin/facts/fact/").content.decode()


def test_editors_add_a_group_alias_in_the_admin(editor):
    category = GroupCategory.objects.get(name="military personnel")
    response = browser(editor).post(f"/admin/facts/groupcategory/{category.pk}/change/", {
        "name": category.name,
        "aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0", "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000", "aliases-0-alias": "Defenders", "aliases-0-category": category.pk,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert GroupAlias.objects.get(normalized="defenders").category == category
