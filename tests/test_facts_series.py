"""The series rule: best figure, superseded figures, range, grade and disputes (claims.facts.series)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from claims.facts.series import SeriesClaim, Standing, series_of

DAY = datetime(2022, 9, 13, 8, 0, tzinfo=timezone.utc)


def reported(claim_id: int, count: int | None = None, *, hours: float = 0, qualifier: str = "exact",
             authority: str = "own_official", source: str = "Armenian defence ministry", outlet: str = "Wire A",
             status: str = "approved", count_high: int | None = None, effective_at: datetime | None = None,
             precision: str = "") -> SeriesClaim:
    return SeriesClaim(id=claim_id, status=status, count=count, count_high=count_high, qualifier=qualifier,
                       effective_at=effective_at, precision=precision, published_at=DAY + timedelta(hours=hours),
                       outlet=outlet, speaker=source, source=source, authority=authority)


def standings(series) -> dict[int, str]:
    return {claim.id: standing for claim, standing in series.entries}


def test_the_latest_approved_figure_of_the_most_authoritative_source_is_best_and_earlier_ones_superseded():
    series = series_of("casualty", [
        reported(1, 49, qualifier="at_least"),
        reported(2, 105, hours=24),
        reported(3, 300, hours=30, authority="adversary", source="Azerbaijani defence ministry", outlet="Wire B"),
        reported(4, 135, hours=48, status="pending"),
    ])
    assert series.best.id == 2
    assert standings(series) == {1: Standing.SUPERSEDED, 2: Standing.BEST, 3: Standing.OTHER_SOURCE,
                                 4: Standing.UNREVIEWED}
    assert [claim.id for claim, _ in series.entries] == [1, 2, 3, 4]  # in the order reported


def test_an_at_least_figure_never_lowers_the_floor():
    series = series_of("casualty", [
        reported(1, 105),
        reported(2, 100, hours=5, qualifier="at_least"),
        reported(3, 120, hours=10, qualifier="at_least"),
        reported(4, 110, hours=20),
    ])
    # 'at least 100' does not lower 105; 'at least 120' raises it; a later 110 cannot go below 'at least 120'.
    assert series.best.id == 3
    assert standings(series) == {1: Standing.SUPERSEDED, 2: Standing.BELOW_FLOOR, 3: Standing.BEST,
                                 4: Standing.BELOW_FLOOR}


def test_an_exact_revision_downwards_replaces_an_exact_figure():
    series = series_of("casualty", [reported(1, 80), reported(2, 77, hours=30)])
    assert (series.best.id, standings(series)[1]) == (2, Standing.SUPERSEDED)


def test_an_editors_preferred_claim_overrides_the_rule_while_it_is_approved():
    claims = [reported(1, 49), reported(2, 105, hours=24)]
    series = series_of("casualty", claims, preferred_id=1)
    assert series.best.id == 1
    assert standings(series)[2] == Standing.OVERRIDDEN
    withdrawn = series_of("casualty", [reported(1, 49, status="rejected"), claims[1]], preferred_id=1)
    assert withdrawn.best.id == 2


def test_the_range_spans_the_approved_claims_only():
    series = series_of("casualty", [
        reported(1, 49), reported(2, 90, count_high=105, hours=24, qualifier="range"),
        reported(3, 500, hours=30, status="pending"), reported(4, 2, hours=31, status="rejected"),
    ])
    assert (series.low, series.high) == (49, 105)


def test_the_grade_is_derived_from_the_outlets_and_disputes():
    assert series_of("casualty", [reported(1, 49, status="pending")]).grade == "unreviewed"
    assert series_of("casualty", [reported(1, 49), reported(2, 49, outlet="Wire A", hours=2)]).grade == \
        "single_source"
    assert series_of("casualty", [reported(1, 49), reported(2, 49, outlet="Wire B", hours=2)]).grade == \
        "several_outlets"
    contested = series_of("casualty", [reported(1, 50), reported(2, 300, outlet="Wire B", hours=2,
                                                                  source="Armenian defence ministry (of Azerbaijani)")])
    assert contested.grade == "contested"


def test_incompatible_figures_from_different_sources_at_the_same_time_are_a_dispute():
    series = series_of("casualty", [
        reported(1, 50, source="Azerbaijani defence ministry"),
        reported(2, 200, qualifier="more_than", hours=3, source="Armenian defence ministry", outlet="Wire B"),
    ])
    assert series.disputed
    assert series.conflicts[0]["claims"] == [1, 2]
    assert "Azerbaijani defence ministry says 50" in series.conflicts[0]["reason"]
    assert "more than 200" in series.conflicts[0]["reason"]


def test_compatible_figures_updates_of_one_source_and_figures_days_apart_are_no_dispute():
    compatible = series_of("casualty", [reported(1, 49, qualifier="at_least"),
                                        reported(2, 105, hours=2, source="Reuters", outlet="Wire B")])
    one_source = series_of("casualty", [reported(1, 49), reported(2, 105, hours=2, outlet="Wire B")])
    days_apart = series_of("casualty", [reported(1, 49), reported(2, 105, hours=72, source="Reuters")])
    pending = series_of("casualty", [reported(1, 49), reported(2, 300, hours=1, source="Reuters",
                                                                status="pending")])
    assert not any(s.disputed for s in (compatible, one_source, days_apart, pending))


def test_ceasefire_starts_that_differ_by_hours_are_a_dispute():
    six, three = datetime(2022, 9, 13, 6, tzinfo=timezone.utc), datetime(2022, 9, 13, 3, tzinfo=timezone.utc)
    series = series_of("ceasefire", [
        reported(1, effective_at=six, precision="minute", source="Kremlin", authority="official"),
        reported(2, effective_at=three, precision="minute", hours=5, source="Wire B", authority="media",
                 outlet="Wire B"),
        reported(3, effective_at=six.replace(minute=30), precision="hour", hours=6, source="Wire C",
                 authority="media", outlet="Wire C"),
    ])
    assert [conflict["claims"] for conflict in series.conflicts] == [[1, 2], [2, 3]]
    assert series.best.id == 1  # officials outrank the outlets' own reporting
    assert (series.earliest_at, series.latest_at) == (three, six.replace(minute=30))
