"""A fact's series: its claims in the order they were reported, the best figure, the range, the grade, disputes.

Plain functions over plain values (no query here), so the rule reads in one
place and the admin, the API, the exports and the summary all agree.

The best-figure rule (also in the README):
1. An editor's preferred claim wins while it is approved and still on the fact.
2. Otherwise only approved claims count, and only those from the most
   authoritative kind of source present (AUTHORITY, best first).
3. Within that kind, claims are taken in publication order; each later
   figure replaces the current one, except that an "at least"/"more than"
   figure only replaces a lower one (it never lowers the figure), and no
   figure below the highest "at least" already stated replaces it.
The figures replaced are marked "superseded", never removed.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

# Kinds of source, most authoritative first. "own_official": an official
# source of the side whose losses are counted; "adversary": an official
# source of another side counting them (ranked last, still shown).
AUTHORITY = ("own_official", "international", "official", "monitor", "media", "adversary")
AUTHORITY_LABELS = {
    "own_official": "officials of the side counted",
    "international": "international body",
    "official": "officials",
    "monitor": "monitors and rights groups",
    "media": "the outlet's own reporting",
    "adversary": "the other side's officials",
}

FLOOR_QUALIFIERS = ("at_least", "more_than")
# "about 100" is read as 90–110 when checking two figures against each other.
ABOUT_MARGIN = 0.1


class Standing:
    BEST = "best"
    SUPERSEDED = "superseded"
    BELOW_FLOOR = "below_floor"
    OTHER_SOURCE = "other_source"
    OVERRIDDEN = "overridden"
    UNREVIEWED = "unreviewed"
    REJECTED = "rejected"
    DISPUTED = "disputed"

    LABELS = {
        "best": "best figure",
        "superseded": "superseded by a later figure",
        "below_floor": "does not lower the figure (an 'at least' stands)",
        "other_source": "less authoritative source",
        "overridden": "the rule's choice, overridden by the editor",
        "unreviewed": "awaiting review",
        "rejected": "rejected by a reviewer",
        "disputed": "disputed by a reviewer",
    }


@dataclass(frozen=True)
class SeriesClaim:
    id: int
    status: str  # the claim's review status
    count: int | None
    count_high: int | None
    qualifier: str
    effective_at: datetime | None
    precision: str
    published_at: datetime | None
    outlet: str
    speaker: str
    source: str  # who stands behind the figure: the speaker, or the outlet when no one is named
    authority: str  # one of AUTHORITY
    # The side an official source speaks for ("Armenia" for its prime minister and its ministry alike):
    # one government's organs updating a toll are not two sources disagreeing.
    side: str = ""

    @property
    def voice(self) -> str:
        return self.side or self.source


@dataclass
class Series:
    kind: str
    entries: list[tuple[SeriesClaim, str]]  # (claim, standing), in the order reported
    best: SeriesClaim | None
    by_rule: SeriesClaim | None
    low: int | None = None
    high: int | None = None
    earliest_at: datetime | None = None
    latest_at: datetime | None = None
    grade: str = "unreviewed"
    conflicts: list[dict] = field(default_factory=list)

    @property
    def disputed(self) -> bool:
        return bool(self.conflicts)

    @property
    def conflicting_ids(self) -> set[int]:
        return {claim_id for conflict in self.conflicts for claim_id in conflict["claims"]}


def reported_order(claim: SeriesClaim) -> tuple:
    return (claim.published_at is None, claim.published_at or datetime.min, claim.id)


def series_of(kind: str, claims: Sequence[SeriesClaim], *, preferred_id: int | None = None,
              dispute_window: timedelta = timedelta(hours=24)) -> Series:
    ordered = sorted(claims, key=reported_order)
    approved = [claim for claim in ordered if claim.status == "approved"]
    standing: dict[int, str] = {}
    by_rule = _best_by_rule(kind, approved, standing)
    preferred = next((claim for claim in approved if claim.id == preferred_id), None)
    best = preferred or by_rule
    if preferred is not None and by_rule is not None and by_rule.id != preferred.id:
        standing[by_rule.id] = Standing.OVERRIDDEN
    if best is not None:
        standing[best.id] = Standing.BEST
    for claim in ordered:
        if claim.status == "pending":
            standing[claim.id] = Standing.UNREVIEWED
        elif claim.status == "rejected":
            standing[claim.id] = Standing.REJECTED
        elif claim.status == "disputed":
            standing[claim.id] = Standing.DISPUTED
        standing.setdefault(claim.id, Standing.OTHER_SOURCE)
    series = Series(kind=kind, entries=[(claim, standing[claim.id]) for claim in ordered], best=best,
                    by_rule=by_rule)
    if kind == "casualty":
        figures = [claim for claim in approved if claim.count is not None]
        if figures:
            series.low = min(claim.count for claim in figures)
            series.high = max(claim.count_high or claim.count for claim in figures)
        series.conflicts = _count_conflicts(figures, dispute_window)
    else:
        moments = [claim for claim in approved if claim.effective_at is not None]
        if moments:
            series.earliest_at = min(claim.effective_at for claim in moments)
            series.latest_at = max(claim.effective_at for claim in moments)
        series.conflicts = _time_conflicts(moments)
    series.grade = _grade(approved, series.disputed)
    return series


def _best_by_rule(kind: str, approved: list[SeriesClaim], standing: dict[int, str]) -> SeriesClaim | None:
    if not approved:
        return None
    top = min(AUTHORITY.index(claim.authority) for claim in approved)
    best, floor = None, -1
    for claim in approved:
        if AUTHORITY.index(claim.authority) != top:
            continue  # stays OTHER_SOURCE
        if kind != "casualty" or best is None:
            replaces = kind != "casualty" or (claim.count is not None and _upper(claim) >= floor)
        elif claim.qualifier in FLOOR_QUALIFIERS:
            replaces = claim.count > _upper(best)
        else:
            replaces = _upper(claim) >= floor
        if not replaces:
            standing[claim.id] = Standing.BELOW_FLOOR
            continue
        if best is not None:
            standing[best.id] = Standing.SUPERSEDED
        best = claim
        if kind == "casualty" and claim.qualifier in FLOOR_QUALIFIERS:
            floor = max(floor, claim.count)
    return best


def _upper(claim: SeriesClaim) -> int:
    return claim.count_high if claim.count_high is not None else (claim.count or 0)


def interval(claim: SeriesClaim) -> tuple[float, float]:
    """The figures a claim allows: 'at least 49' is [49, ∞), 'about 100' is [90, 110]."""
    count, qualifier = claim.count or 0, claim.qualifier
    if qualifier == "at_least":
        return count, math.inf
    if qualifier == "more_than":
        return count + 1, math.inf
    if qualifier == "at_most":
        return 0, count
    if qualifier == "fewer_than":
        return 0, max(count - 1, 0)
    if qualifier == "about":
        return count * (1 - ABOUT_MARGIN), count * (1 + ABOUT_MARGIN)
    if claim.count_high is not None:
        return count, claim.count_high
    return count, count


def _count_conflicts(figures: list[SeriesClaim], window: timedelta) -> list[dict]:
    """Approved figures from different sources, reported within `window` of each other, that cannot both hold."""
    conflicts = []
    for i, first in enumerate(figures):
        for second in figures[i + 1:]:
            if first.voice == second.voice or first.published_at is None or second.published_at is None:
                continue
            if abs(second.published_at - first.published_at) > window:
                continue
            (low_a, high_a), (low_b, high_b) = interval(first), interval(second)
            if high_a < low_b or high_b < low_a:
                conflicts.append({
                    "claims": [first.id, second.id],
                    "reason": f"{first.source} says {_figure(first)}, {second.source} says {_figure(second)}, "
                              f"reported {_apart(first, second)}",
                })
    return conflicts


def _time_conflicts(moments: list[SeriesClaim]) -> list[dict]:
    """Approved start times that differ at the precision both give, unless one source in one outlet
    revised itself. A start time is not a toll that rises: two outlets reporting one side's truce
    at different hours are in conflict even when they quote the same side."""
    conflicts = []
    for i, first in enumerate(moments):
        for second in moments[i + 1:]:
            if (first.voice, first.outlet) == (second.voice, second.outlet):
                continue
            if _moment(first, second.precision) != _moment(second, first.precision):
                conflicts.append({
                    "claims": [first.id, second.id],
                    "reason": f"{first.source} ({first.outlet}) gives {first.effective_at:%Y-%m-%d %H:%M} UTC, "
                              f"{second.source} ({second.outlet}) gives {second.effective_at:%Y-%m-%d %H:%M} UTC",
                })
    return conflicts


def _moment(claim: SeriesClaim, other_precision: str) -> datetime:
    coarsest = "day" if "day" in (claim.precision, other_precision) else (
        "hour" if "hour" in (claim.precision, other_precision) else "minute")
    moment = claim.effective_at
    if coarsest == "day":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if coarsest == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def _grade(approved: list[SeriesClaim], disputed: bool) -> str:
    if disputed:
        return "contested"
    if not approved:
        return "unreviewed"
    outlets = {claim.outlet for claim in approved}
    return "several_outlets" if len(outlets) >= 2 else "single_source"


def _figure(claim: SeriesClaim) -> str:
    labels = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "at_most": "at most ",
              "fewer_than": "fewer than "}
    if claim.count_high is not None:
        return f"{claim.count}–{claim.count_high}"
    return f"{labels.get(claim.qualifier, '')}{claim.count}"


def _apart(first: SeriesClaim, second: SeriesClaim) -> str:
    hours = abs(second.published_at - first.published_at).total_seconds() / 3600
    return "the same hour" if hours < 1 else f"{hours:.0f} h apart"


def figure_label(claim: SeriesClaim) -> str:
    if claim.effective_at is not None and claim.count is None:
        return f"{claim.effective_at:%Y-%m-%d %H:%M} UTC"
    return _figure(claim)
