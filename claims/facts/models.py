"""Facts: the thing many claims report on, the claims grouped under it, and the audit trail.

Normalisation data (parties, group categories, places and their aliases) are
rows editors change in the admin, seeded by a data migration; nothing in the
code lists them. A fact's summary (best figure, range, grade, disputed) is
derived from its claims by claims.facts.series and stored here only so lists
can filter on it and events can tell when it changed; services recompute it.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from claims.models import Claim, Outcome, Qualifier
from factdesk.write_once import WriteOnceModel
from sources.models import normalize_name


# --- Normalisation data ------------------------------------------------------

class AliasedName(models.Model):
    """A name with the other spellings the press uses for it (see the concrete models)."""

    name = models.CharField(max_length=200, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)


class Party(AliasedName):
    """A side whose losses are counted or who agrees a truce: a state, an armed group, a body."""

    class Meta(AliasedName.Meta):
        verbose_name_plural = "parties"


class PartyAlias(Alias):
    """'Armenian', 'Armenia's', 'Yerevan' → Armenia."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "party aliases"
        constraints = [models.CheckConstraint(condition=~Q(normalized=""), name="party_alias_not_empty")]


class GroupCategory(AliasedName):
    """Who was harmed, whatever the words: 'troops', 'soldiers', 'servicemen' → military personnel."""

    class Meta(AliasedName.Meta):
        verbose_name_plural = "group categories"


class GroupAlias(Alias):
    category = models.ForeignKey(GroupCategory, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "group aliases"
        constraints = [models.CheckConstraint(condition=~Q(normalized=""), name="group_alias_not_empty")]


class Place(AliasedName):
    """Where a fact happened: a named place editors add, or the two sides' theatre ('Armenia–Azerbaijan')."""


class PlaceAlias(Alias):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "place aliases"
        constraints = [models.CheckConstraint(condition=~Q(normalized=""), name="place_alias_not_empty")]


# --- Facts -------------------------------------------------------------------

class FactKind(models.TextChoices):
    CASUALTY = "casualty", "Casualty count"
    CEASEFIRE = "ceasefire", "Ceasefire start"


class FactStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"  # made by grouping; no editor has confirmed it yet
    CONFIRMED = "confirmed", "Confirmed"
    RETIRED = "retired", "Retired"  # emptied by a merge or by rejections; kept for its history


class Grade(models.TextChoices):
    UNREVIEWED = "unreviewed", "No approved claim yet"
    SINGLE_SOURCE = "single_source", "One source"
    SEVERAL_OUTLETS = "several_outlets", "Several independent outlets"
    CONTESTED = "contested", "Contested"


class FactQuerySet(models.QuerySet):
    def live(self) -> FactQuerySet:
        return self.exclude(status=FactStatus.RETIRED)

    def disputed(self) -> FactQuerySet:
        return self.filter(disputed=True)


class Fact(models.Model):
    """A casualty toll or a ceasefire start that several claims report on, each in its own words."""

    kind = models.CharField(max_length=20, choices=FactKind.choices)
    status = models.CharField(max_length=20, choices=FactStatus.choices, default=FactStatus.SUGGESTED)
    # The subject: whose losses (party and group) and which outcome; for a truce, its theatre.
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT, related_name="facts")
    category = models.ForeignKey(GroupCategory, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="facts")
    group_text = models.CharField(max_length=200, blank=True,
                                  help_text="The group as written, folded, when no category matched it.")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.PROTECT, related_name="facts")
    period_start = models.DateField()
    period_end = models.DateField()
    period_fixed = models.BooleanField(default=False, help_text="An editor set the period; claims no longer move it.")
    preferred_claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                        help_text="An editor's choice of best figure, over the rule.")

    # The derived summary (claims.facts.series), refreshed by every service that changes the fact.
    best_claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    best_count = models.PositiveIntegerField(null=True, blank=True)
    best_count_high = models.PositiveIntegerField(null=True, blank=True)
    best_qualifier = models.CharField(max_length=20, choices=Qualifier.choices, blank=True)
    best_effective_at = models.DateTimeField(null=True, blank=True)
    low = models.PositiveIntegerField(null=True, blank=True)
    high = models.PositiveIntegerField(null=True, blank=True)
    earliest_at = models.DateTimeField(null=True, blank=True, help_text="Ceasefires: the earliest start claimed.")
    latest_at = models.DateTimeField(null=True, blank=True, help_text="Ceasefires: the latest start claimed.")
    grade = models.CharField(max_length=20, choices=Grade.choices, default=Grade.UNREVIEWED)
    disputed = models.BooleanField(default=False)
    conflicts = models.JSONField(default=list, blank=True,
                                 help_text="Pairs of approved claims that cannot both be right, and why.")

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-id"]
        permissions = [
            ("curate_fact", "Can confirm, reject, move, merge, split and edit facts and set their preferred claim"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=FactKind.values), name="fact_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=FactStatus.values), name="fact_status_valid"),
            models.CheckConstraint(condition=Q(grade__in=Grade.values), name="fact_grade_valid"),
            models.CheckConstraint(condition=Q(outcome__in=["", *Outcome.values]), name="fact_outcome_valid"),
            models.CheckConstraint(condition=~Q(kind=FactKind.CASUALTY) | ~Q(outcome=""),
                                   name="fact_casualty_has_outcome"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="fact_period_ordered"),
            models.CheckConstraint(condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(high__gte=F("low")),
                                   name="fact_range_ordered"),
            models.CheckConstraint(condition=Q(version__gte=1), name="fact_version_positive"),
        ]
        indexes = [
            # Grouping: the facts whose period comes near a run's claims (GroupingIndex.preload).
            models.Index(fields=["period_end", "period_start"], name="fact_grouping_period"),
            # The facts list filtered on disputed facts, newest period first.
            models.Index(fields=["disputed", "-period_end"], name="fact_disputed_period"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def etag(self) -> str:
        return f'"fact-{self.pk}-v{self.version}"'

    @property
    def subject(self) -> str:
        """'Armenia: military personnel killed', 'Ceasefire: Armenia–Azerbaijan'."""
        if self.kind == FactKind.CEASEFIRE:
            return f"Ceasefire start{': ' + self.place.name if self.place_id else ''}"
        party = self.party.name if self.party_id else "Unattributed"
        group = self.category.name if self.category_id else (self.group_text or "(group not stated)")
        return f"{party}: {group} {self.get_outcome_display().lower()}"

    @property
    def title(self) -> str:
        place = f", {self.place.name}" if self.place_id and self.kind == FactKind.CASUALTY else ""
        return f"{self.subject}{place} ({self.period_label})"

    @property
    def period_label(self) -> str:
        start, end = self.period_start, self.period_end
        if start == end:
            return start.strftime("%-d %b %Y")
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return str(start.year)
        if start.year == end.year and start.month == end.month:
            return f"{start.day}–{end.strftime('%-d %b %Y')}"
        return f"{start.strftime('%-d %b %Y')} – {end.strftime('%-d %b %Y')}"


class MembershipStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"  # an editor said the claim does not report on this fact


class FactClaimQuerySet(models.QuerySet):
    def active(self) -> FactClaimQuerySet:
        return self.exclude(status=MembershipStatus.REJECTED)


class FactClaim(models.Model):
    """A claim reporting on a fact: suggested by grouping, confirmed or rejected by an editor."""

    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="memberships")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="fact_memberships")
    status = models.CharField(max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.SUGGESTED)
    # The days the claim speaks of, read when it was grouped (its publication day, or the
    # year its sentence names): the fact's period spans its claims' periods.
    period_start = models.DateField()
    period_end = models.DateField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = FactClaimQuerySet.as_manager()

    class Meta:
        ordering = ["fact", "id"]
        constraints = [
            models.UniqueConstraint(fields=["fact", "claim"], name="fact_claim_once_per_fact"),
            # A claim reports on one fact at a time; rejected memberships stay as history.
            models.UniqueConstraint(fields=["claim"], condition=~Q(status="rejected"),
                                    name="fact_claim_one_active_fact"),
            models.CheckConstraint(condition=Q(status__in=MembershipStatus.values), name="fact_claim_status_valid"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="fact_claim_period_ordered"),
        ]
        indexes = [
            # A fact's timeline and its pending suggestions.
            models.Index(fields=["fact", "status"], name="fact_claim_fact_status"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in fact {self.fact_id} ({self.status})"


class FactAction(models.TextChoices):
    SUGGEST = "suggest", "Suggested by grouping"
    CONFIRM = "confirm", "Confirmed"
    REJECT = "reject", "Suggestion rejected"
    MOVE_OUT = "move_out", "Claim moved out"
    MOVE_IN = "move_in", "Claim moved in"
    MERGE = "merge", "Merged"
    SPLIT = "split", "Split"
    PREFER = "prefer", "Preferred claim set"
    EDIT = "edit", "Edited"
    RETIRE = "retire", "Retired"
    SUMMARY = "summary", "Summary changed"


class FactEvent(WriteOnceModel):
    """One change to a fact, written once and never edited (the database refuses updates too).

    Claims are named by id (`claim_ids`), not by a foreign key: re-extraction may
    remove an untouched claim, and the history must survive that unchanged.
    """

    Action = FactAction

    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=20, choices=FactAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="fact_events")
    claim_ids = models.JSONField(default=list, blank=True)
    other_fact_id = models.BigIntegerField(null=True, blank=True,
                                           help_text="The fact merged in or out, moved to or from, split off.")
    note = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="field → [before, after].")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(action__in=FactAction.values), name="fact_event_action_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.action} on fact {self.fact_id}"


class GroupingLock(models.Model):
    """One row that grouping runs lock, so two documents never both create the same new fact."""

    name = models.CharField(max_length=20, unique=True)

    def __str__(self) -> str:
        return self.name
