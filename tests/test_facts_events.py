"""The fact.* webhook events: which changes record them and what they carry (claims.facts.events is the seam
the webhooks outbox of issue 8 plugs into; its recorder is the edge replaced here)."""
from __future__ import annotations

import json

import pytest

from claims.facts import events
from claims.facts.models import Fact
from claims.facts.services import fact_confirm, fact_update, facts_group_pending
from claims.services import claim_approve
from tests.conftest import reported_claim

pytestmark = pytest.mark.django_db

ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


@pytest.fixture
def recorded(monkeypatch) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    monkeypatch.setattr(events, "_outbox_record", lambda *, type, data, attributes: seen.append((type, data)))
    return seen


def toll(count: int):
    passage = f"{count} Armenian soldiers were killed"
    return reported_claim(passage, article=f"{ARTICLE}\n\n{passage}.", published="2022-09-13T08:00Z",
                          outlet="Wire A", count=count, group="Armenian soldiers", speaker="Armenian defence ministry")


def test_grouping_records_fact_created_once_per_new_fact_with_the_fact_as_the_api_shows_it(recorded):
    toll(49)
    facts_group_pending()
    toll(50)
    facts_group_pending()  # joins the same fact: nothing new is created
    assert [kind for kind, _ in recorded] == ["fact.created"]
    data = recorded[0][1]
    fact = Fact.objects.get()
    assert data["id"] == fact.pk and data["status"] == "suggested" and data["kind"] == "casualty"
    assert data["subject"] == {"label": "Armenia: military personnel killed", "party": "Armenia",
                               "group": "military personnel", "outcome": "killed"}
    assert data["links"] == {"self": f"/api/v1/facts/{fact.pk}/"} and data["etag"] == fact.etag


def test_only_a_changed_best_figure_records_fact_updated(recorded, editor, reviewer):
    claim = toll(49)
    facts_group_pending()
    fact = Fact.objects.get()
    fact_confirm(fact_id=fact.pk, actor=editor)
    fact_update(fact_id=fact.pk, actor=editor, values={"place": "Jermuk"})
    assert [kind for kind, _ in recorded] == ["fact.created"]
    claim_approve(claim_id=claim.pk, actor=reviewer)
    assert [kind for kind, _ in recorded] == ["fact.created", "fact.updated"]
    assert recorded[-1][1]["best"]["count"] == 49 and recorded[-1][1]["best"]["claim"] == claim.pk


def test_an_unknown_event_type_is_refused():
    with pytest.raises(ValueError, match="unknown fact event type"):
        events.fact_event_emit(type="fact.exploded", fact=Fact())


def test_fact_events_reach_the_webhooks_outbox_for_subscribed_endpoints(settings, admin_user, reviewer):
    from claims.webhooks import services as webhooks
    from claims.webhooks.models import Delivery, Event

    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    facts_desk, _ = webhooks.endpoint_create(url="http://127.0.0.1:8123/facts", actor=admin_user,
                                             event_types=["fact.created", "fact.updated", "fact.disputed"])
    ceasefires_only, _ = webhooks.endpoint_create(url="http://127.0.0.1:8124/truces", actor=admin_user,
                                                  event_types=["fact.created"], filter_kinds=["ceasefire"])
    claim = toll(49)
    facts_group_pending()
    claim_approve(claim_id=claim.pk, actor=reviewer)
    events = {event.type: json.loads(event.body) for event in Event.objects.filter(type__startswith="fact.")}
    assert set(events) == {"fact.created", "fact.updated"}
    fact = Fact.objects.get()
    assert events["fact.updated"]["data"]["id"] == fact.pk and events["fact.updated"]["data"]["best"]["count"] == 49
    assert sorted(Delivery.objects.values_list("endpoint__url", "event__type")) == [
        ("http://127.0.0.1:8123/facts", "fact.created"), ("http://127.0.0.1:8123/facts", "fact.updated")]
    assert ceasefires_only.pk not in Delivery.objects.values_list("endpoint_id", flat=True)
