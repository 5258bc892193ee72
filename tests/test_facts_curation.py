"""An editor's work on facts: confirm, reject, move, merge, split, prefer, edit — each audited and version-checked;
and the review of a claim moving its fact's best figure, range, grade and dispute (with webhook events)."""
from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, InternalError, OperationalError, connection, transaction

from claims.facts import events
from claims.facts.models import Fact, FactClaim, FactEvent
from claims.facts.services import (
    claim_move,
    fact_confirm,
    fact_merge,
    fact_prefer_claim,
    fact_reject_suggestion,
    fact_split,
    fact_update,
    facts_group_pending,
)
from claims.services import claim_approve, claim_correct, claims_review_bulk
from factdesk.errors import NotAllowed, ServiceError, VersionConflict
from tests.conftest import reported_claim

pytestmark = pytest.mark.django_db

ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


def toll(count: int, *, day: int, outlet: str, group: str = "Armenian soldiers", speaker="Armenian defence ministry",
         hour: int = 8, **values):
    passage = f"{count} {group} were killed"
    return reported_claim(passage, article=f"{ARTICLE}\n\nOfficials said {passage}.", outlet=outlet,
                          published=f"2022-09-{day:02d}T{hour:02d}:00Z", count=count, group=group, speaker=speaker,
                          **values)


@pytest.fixture
def recorded(monkeypatch) -> list[tuple[str, dict]]:
    """The fact events handed to the webhooks outbox (its recorder is the edge replaced here)."""
    seen: list[tuple[str, dict]] = []
    monkeypatch.setattr(events, "_outbox_record", lambda *, type, data, attributes: seen.append((type, data)))
    return seen


@pytest.fixture
def series():
    claims = [toll(49, day=13, outlet="Wire A"), toll(105, day=14, outlet="Wire B"), toll(135, day=15, outlet="Wire C")]
    facts_group_pending()
    return Fact.objects.get(), claims


def actions(fact: Fact) -> list[str]:
    return list(FactEvent.objects.filter(fact=fact).values_list("action", flat=True))


def test_confirming_a_suggestion_confirms_the_fact_and_its_claims_and_is_audited(series, editor):
    fact, claims = series
    confirmed = fact_confirm(fact_id=fact.pk, actor=editor, expected_version=fact.version, note="checked")
    assert confirmed.status == "confirmed" and confirmed.version == fact.version + 1
    assert set(FactClaim.objects.filter(fact=fact).values_list("status", flat=True)) == {"confirmed"}
    event = FactEvent.objects.get(fact=fact, action="confirm")
    assert (event.actor, event.claim_ids, event.note) == (editor, sorted(c.pk for c in claims), "checked")


def test_a_stale_version_changes_nothing(series, editor):
    fact, _ = series
    with pytest.raises(VersionConflict) as raised:
        fact_confirm(fact_id=fact.pk, actor=editor, expected_version=fact.version - 1 or 99)
    assert raised.value.status == 412
    assert Fact.objects.get(pk=fact.pk).status == "suggested"
    assert actions(fact) == ["suggest"]


def test_only_editors_curate_facts(series, reviewer):
    fact, _ = series
    with pytest.raises(ServiceError) as raised:
        fact_confirm(fact_id=fact.pk, actor=reviewer)
    assert raised.value.status == 403


def test_rejecting_a_suggestion_sends_the_claim_to_a_fact_of_its_own_and_never_back(series, editor):
    fact, (first, second, third) = series
    fact_reject_suggestion(fact_id=fact.pk, claim_id=second.pk, actor=editor, note="a different clash")
    assert FactClaim.objects.get(fact=fact, claim=second).status == "rejected"
    elsewhere = FactClaim.objects.active().get(claim=second).fact
    assert elsewhere != fact and elsewhere.status == "suggested"
    facts_group_pending()
    assert FactClaim.objects.active().get(claim=second).fact == elsewhere
    assert actions(fact)[-1] == "reject"


def test_moving_a_claim_changes_both_facts_and_needs_both_versions(series, editor):
    fact, (first, second, third) = series
    split = fact_split(fact_id=fact.pk, claim_ids=[third.pk], actor=editor)
    fact.refresh_from_db()
    with pytest.raises(VersionConflict):
        claim_move(claim_id=second.pk, from_fact_id=fact.pk, to_fact_id=split.pk, actor=editor,
                   expected_versions={fact.pk: fact.version, split.pk: split.version - 1})
    moved_to = claim_move(claim_id=second.pk, from_fact_id=fact.pk, to_fact_id=split.pk, actor=editor,
                          expected_versions={fact.pk: fact.version, split.pk: split.version})
    assert set(FactClaim.objects.active().filter(fact=moved_to).values_list("claim_id", flat=True)) == {second.pk,
                                                                                                          third.pk}
    assert actions(fact)[-1] == "move_out" and actions(moved_to)[-1] == "move_in"
    assert FactEvent.objects.get(fact=moved_to, action="move_in").other_fact_id == fact.pk


def test_splitting_makes_a_confirmed_fact_with_the_same_subject(series, editor, recorded):
    fact, (first, second, third) = series
    new = fact_split(fact_id=fact.pk, claim_ids=[third.pk], actor=editor, note="a later clash")
    assert (new.status, new.party_id, new.category_id, new.outcome) == ("confirmed", fact.party_id,
                                                                        fact.category_id, "killed")
    assert (new.period_start, Fact.objects.get(pk=fact.pk).period_end) == (date(2022, 9, 15), date(2022, 9, 14))
    assert ("fact.created", new.pk) in [(kind, data["id"]) for kind, data in recorded]
    with pytest.raises(ServiceError):
        fact_split(fact_id=fact.pk, claim_ids=[first.pk, second.pk], actor=editor)  # would empty it


def test_merging_moves_every_claim_retires_the_other_and_keeps_its_history(series, editor):
    fact, (first, second, third) = series
    new = fact_split(fact_id=fact.pk, claim_ids=[third.pk], actor=editor)
    fact.refresh_from_db()
    merged = fact_merge(fact_id=fact.pk, other_id=new.pk, actor=editor,
                        expected_versions={fact.pk: fact.version, new.pk: new.version})
    assert FactClaim.objects.active().filter(fact=merged).count() == 3
    retired = Fact.objects.get(pk=new.pk)
    assert retired.status == "retired"
    assert actions(retired) == ["split", "merge", "retire"]
    with pytest.raises(NotAllowed):
        fact_confirm(fact_id=retired.pk, actor=editor)


def test_facts_of_different_kinds_never_merge(series, editor):
    fact, _ = series
    truce = reported_claim("a truce from 06:00 GMT", article=f"{ARTICLE} Then a truce from 06:00 GMT.",
                           published="2022-09-13T10:00Z", outlet="Wire A", kind="ceasefire",
                           effective_at="2022-09-13T06:00Z", precision="minute")
    facts_group_pending()
    other = FactClaim.objects.get(claim=truce).fact
    with pytest.raises(NotAllowed):
        fact_merge(fact_id=fact.pk, other_id=other.pk, actor=editor)


def test_approving_claims_sets_the_best_figure_range_and_grade_and_announces_it(series, editor, reviewer, recorded):
    fact, (first, second, third) = series
    claim_approve(claim_id=first.pk, actor=reviewer)
    fact.refresh_from_db()
    assert (fact.best_count, fact.best_claim_id, fact.grade) == (49, first.pk, "single_source")
    claims_review_bulk(claim_ids=[second.pk, third.pk], action="approve", actor=reviewer)
    fact.refresh_from_db()
    assert (fact.best_count, fact.low, fact.high, fact.grade, fact.disputed) == (135, 49, 135, "several_outlets",
                                                                                 False)
    assert [kind for kind, _ in recorded if kind != "fact.created"] == ["fact.updated", "fact.updated"]
    assert recorded[-1][1]["best"]["count"] == 135
    summary = FactEvent.objects.filter(fact=fact, action="summary").last()
    assert summary.changes["best_count"] == [49, 135]


def test_a_conflicting_approved_claim_flags_the_fact_disputed_and_names_the_claims(editor, reviewer, recorded):
    own = toll(50, day=14, outlet="Wire A", group="Azerbaijani soldiers", speaker="Azerbaijani defence ministry")
    other = toll(200, day=14, hour=11, outlet="Wire B", group="Azerbaijani soldiers",
                 speaker="Armenian defence ministry", qualifier="more_than")
    facts_group_pending()
    fact = Fact.objects.get()
    claims_review_bulk(claim_ids=[own.pk, other.pk], action="approve", actor=reviewer)
    fact.refresh_from_db()
    assert fact.disputed and fact.grade == "contested"
    assert fact.conflicts[0]["claims"] == [own.pk, other.pk]
    assert fact.best_claim_id == own.pk  # its own ministry outranks the other side's
    disputed = [data for kind, data in recorded if kind == "fact.disputed"]
    assert len(disputed) == 1 and disputed[0]["conflicts"][0]["claims"] == [own.pk, other.pk]


def test_a_correction_moves_the_best_figure(series, editor, reviewer):
    fact, (first, *_rest) = series
    claim_approve(claim_id=first.pk, actor=reviewer)
    claim_correct(claim_id=first.pk, actor=editor, values={"count": 50})
    assert Fact.objects.get(pk=fact.pk).best_count == 50


def test_the_preferred_claim_wins_over_the_rule_and_must_be_approved(series, editor, reviewer):
    fact, (first, second, third) = series
    with pytest.raises(NotAllowed):
        fact_prefer_claim(fact_id=fact.pk, claim_id=first.pk, actor=editor)
    claims_review_bulk(claim_ids=[first.pk, second.pk], action="approve", actor=reviewer)
    fact = fact_prefer_claim(fact_id=fact.pk, claim_id=first.pk, actor=editor, note="the ministry's own figure")
    assert (fact.best_claim_id, fact.best_count, fact.preferred_claim_id) == (first.pk, 49, first.pk)
    fact = fact_prefer_claim(fact_id=fact.pk, claim_id=None, actor=editor)
    assert fact.best_claim_id == second.pk
    assert actions(fact).count("prefer") == 2


def test_editing_the_place_and_period_is_audited_and_fixes_the_period(series, editor):
    fact, _ = series
    fact = fact_update(fact_id=fact.pk, actor=editor, values={"place": "Jermuk", "period_start": date(2022, 9, 12)})
    assert (fact.place.name, fact.period_start, fact.period_fixed) == ("Jermuk", date(2022, 9, 12), True)
    edit = FactEvent.objects.get(fact=fact, action="edit")
    assert edit.changes["place"] == ["Armenia–Azerbaijan", "Jermuk"]
    with pytest.raises(ServiceError) as raised:
        fact_update(fact_id=fact.pk, actor=editor, values={"party": "Atlantis"})
    assert "no party named 'Atlantis'" in str(raised.value.extra["field_errors"]["party"])


def test_fact_events_are_immutable(series):
    fact, _ = series
    event = FactEvent.objects.get(fact=fact)
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        FactEvent.objects.filter(pk=event.pk).update(note="changed")
    with pytest.raises((IntegrityError, InternalError, OperationalError)), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute("UPDATE facts_factevent SET note = 'changed' WHERE id = %s", [event.pk])
