"""The editors' admin for facts: the list, a fact's page (summary, chart, timeline, actions), the audit
trail, and the normalisation data (parties, group categories, places and their aliases).

Nothing here decides anything: every button posts to one view that calls a
claims.facts.services function with the version the page was read at.
"""
from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from claims.admin_display import ReadOnlyMixin, casualty_summary, claim_values, shorten
from factdesk.errors import ServiceError

from . import services
from .chart import fact_chart_svg
from .models import (
    Fact,
    FactEvent,
    FactKind,
    GroupAlias,
    GroupCategory,
    Party,
    PartyAlias,
    Place,
    PlaceAlias,
)
from .selectors import fact_list, fact_timeline
from .series import AUTHORITY_LABELS, Standing

CURATE_PERMISSION = "facts.curate_fact"


def best_figure(fact: Fact) -> str:
    if fact.kind == FactKind.CEASEFIRE:
        return f"{fact.best_effective_at:%Y-%m-%d %H:%M} UTC" if fact.best_effective_at else "—"
    if fact.best_count is None:
        return "—"
    return casualty_summary(count=fact.best_count, count_high=fact.best_count_high, qualifier=fact.best_qualifier,
                            outcome=fact.outcome, group="")


def range_label(fact: Fact) -> str:
    if fact.kind == FactKind.CEASEFIRE:
        if fact.earliest_at is None:
            return "—"
        if fact.earliest_at == fact.latest_at:
            return f"{fact.earliest_at:%d %b %H:%M} UTC"
        return f"{fact.earliest_at:%d %b %H:%M} – {fact.latest_at:%d %b %H:%M} UTC"
    return "—" if fact.low is None else (f"{fact.low:,}" if fact.low == fact.high else f"{fact.low:,}–{fact.high:,}")


@admin.register(Fact)
class FactAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("subject_link", "place", "period", "status", "best", "range_display", "grade", "disputed_flag",
                    "claims_count", "suggestions_count")
    list_filter = ("kind", "status", "disputed", "grade", ("place", admin.RelatedOnlyFieldListFilter),
                   ("party", admin.RelatedOnlyFieldListFilter))
    search_fields = ("party__name", "category__name", "group_text", "place__name")
    list_per_page = 50

    def get_queryset(self, request):
        # Retired facts (merged away, emptied) keep their history but leave the list unless asked for.
        if request.GET.get("status__exact") == "retired" or "/change/" in request.path:
            return fact_list()
        return fact_list().live()

    @admin.display(description="subject", ordering="party__name")
    def subject_link(self, fact: Fact):
        return format_html('<a href="{}">{}</a>', reverse("admin:facts_fact_change", args=[fact.pk]), fact.subject)

    @admin.display(description="period", ordering="period_end")
    def period(self, fact: Fact) -> str:
        return fact.period_label

    @admin.display(description="best figure")
    def best(self, fact: Fact) -> str:
        return best_figure(fact)

    @admin.display(description="range")
    def range_display(self, fact: Fact) -> str:
        return range_label(fact)

    @admin.display(description="disputed", ordering="disputed")
    def disputed_flag(self, fact: Fact):
        # A red cross for "not disputed" would read as an alarm: only a dispute is marked.
        return format_html('<strong style="color:#c0392b">{}</strong>', "disputed") if fact.disputed else ""

    @admin.display(description="claims", ordering="claims_count")
    def claims_count(self, fact: Fact) -> int:
        return fact.claims_count

    @admin.display(description="to confirm", ordering="suggestions_count")
    def suggestions_count(self, fact: Fact) -> int:
        return fact.suggestions_count

    # --- a fact's page ----------------------------------------------------------

    def get_urls(self):
        return [path("<path:object_id>/act/", self.admin_site.admin_view(self.act_view), name="facts_fact_act"),
                *super().get_urls()]

    def _fact_or_404(self, request: HttpRequest, object_id: str) -> Fact:
        fact = self.get_object(request, unquote(object_id))
        if fact is None:
            raise Http404(f"No fact with id {object_id!r}.")
        if not self.has_view_permission(request, fact):
            raise PermissionDenied
        return fact

    def change_view(self, request, object_id, form_url="", extra_context=None):
        fact = self._fact_or_404(request, object_id)
        timeline = fact_timeline(fact)
        rows = [{
            "claim": row.claim, "membership": row.membership, "standing": row.standing,
            "standing_label": Standing.LABELS[row.standing], "authority": AUTHORITY_LABELS[row.authority],
            "in_conflict": row.in_conflict, "figure": _claim_figure(row.claim), "passage": shorten(row.claim.text, 120),
            "claim_url": reverse("admin:claims_claim_change", args=[row.claim.pk]),
        } for row in timeline.rows]
        others = (Fact.objects.live().filter(kind=fact.kind).exclude(pk=fact.pk)
                  .select_related("party", "category", "place").order_by("-period_end")[:200])
        context = {
            **self.admin_site.each_context(request),
            "title": fact.title, "fact": fact, "opts": self.model._meta, "original": fact,
            "rows": rows, "series": timeline.series, "chart": mark_safe(fact_chart_svg(fact, timeline)),  # escaped
            "best": best_figure(fact), "range": range_label(fact), "others": others,
            "conflicts": fact.conflicts, "can_curate": request.user.has_perm(CURATE_PERMISSION)
            and fact.status != "retired",
            "events": FactEvent.objects.filter(fact=fact).select_related("actor"),
            "edit_form": FactEditForm(initial={"place": fact.place.name if fact.place_id else "",
                                               "period_start": fact.period_start, "period_end": fact.period_end,
                                               "party": fact.party.name if fact.party_id else "",
                                               "category": fact.category.name if fact.category_id else ""}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/facts/fact/page.html", context)

    def act_view(self, request: HttpRequest, object_id: str):
        """Every button on a fact's page: one service call with the version the page showed."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm(CURATE_PERMISSION):
            raise PermissionDenied
        fact = self._fact_or_404(request, object_id)
        back = HttpResponseRedirect(reverse("admin:facts_fact_change", args=[fact.pk]))
        version = int(request.POST["version"]) if request.POST.get("version", "").isdigit() else None
        action, _, argument = request.POST.get("do", "").partition(":")
        note = request.POST.get("note", "")
        target = fact
        try:
            message, target = self._act(request, fact, action, argument, note, version)
        except ServiceError as error:
            self.message_user(request, str(error), messages.ERROR)
            return back
        except (KeyError, ValueError):
            self.message_user(request, "That action needs a claim or a fact to act on.", messages.ERROR)
            return back
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:facts_fact_change", args=[target.pk]))

    def _act(self, request, fact: Fact, action: str, argument: str, note: str, version: int | None):
        actor, versions = request.user, {fact.pk: version}
        if action == "confirm":
            claim_ids = [int(argument)] if argument else None
            services.fact_confirm(fact_id=fact.pk, actor=actor, claim_ids=claim_ids, note=note,
                                  expected_version=version)
            return ("Confirmed claim " + argument if argument else "Confirmed the fact and its suggestions") + ".", fact
        if action == "reject":
            services.fact_reject_suggestion(fact_id=fact.pk, claim_id=int(argument), actor=actor, note=note,
                                            expected_version=version)
            return f"Claim {argument} no longer reports on this fact; it was suggested elsewhere.", fact
        if action == "prefer":
            services.fact_prefer_claim(fact_id=fact.pk, claim_id=int(argument) if argument else None, actor=actor,
                                       note=note, expected_version=version)
            return ("Claim " + argument + " is now the best figure." if argument else
                    "The best figure follows the rule again."), fact
        if action == "split":
            claim_ids = [int(value) for value in request.POST.getlist("claim")]
            new = services.fact_split(fact_id=fact.pk, claim_ids=claim_ids, actor=actor, note=note,
                                      expected_version=version)
            return f"Split {len(claim_ids)} claims off into fact {new.pk}.", new
        if action == "move":
            to_fact = int(request.POST["target"])
            services.claim_move(claim_id=int(argument), from_fact_id=fact.pk, to_fact_id=to_fact, actor=actor,
                                note=note, expected_versions=versions)
            return f"Moved claim {argument} to fact {to_fact}.", fact
        if action == "merge":
            other = int(request.POST["target"])
            services.fact_merge(fact_id=fact.pk, other_id=other, actor=actor, note=note, expected_versions=versions)
            return f"Merged fact {other} into this one.", fact
        if action == "edit":
            form = FactEditForm(request.POST)
            if not form.is_valid():
                raise ServiceError("; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()))
            values = form.changed(fact)
            services.fact_update(fact_id=fact.pk, actor=actor, values=values, note=note, expected_version=version)
            return f"Changed {', '.join(sorted(values))}.", fact
        raise ServiceError(f"unknown action {action!r}")


def _claim_figure(claim) -> str:
    return claim_values(claim)


class FactEditForm(forms.Form):
    party = forms.CharField(required=False, max_length=200, help_text="A party's name, as in Facts → Parties.")
    category = forms.CharField(required=False, max_length=200, label="Group",
                               help_text="A group category's name, as in Facts → Group categories.")
    place = forms.CharField(required=False, max_length=200, help_text="A new name makes the place.")
    period_start = forms.DateField(required=False)
    period_end = forms.DateField(required=False)

    def changed(self, fact: Fact) -> dict:
        data, values = self.cleaned_data, {}
        current = {"party": fact.party.name if fact.party_id else "",
                   "category": fact.category.name if fact.category_id else "",
                   "place": fact.place.name if fact.place_id else ""}
        for name, now in current.items():
            if (data.get(name) or "") != now:
                values[name] = data.get(name) or ""
        for name in ("period_start", "period_end"):
            given: date | None = data.get(name)
            if given and given != getattr(fact, name):
                values[name] = given
        return values


@admin.register(FactEvent)
class FactEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The facts' audit trail: readable, never writable."""

    list_display = ("created_at", "fact", "action", "actor", "claim_ids", "other_fact_id", "note")
    list_filter = ("action", "created_at")
    list_select_related = ("fact__party", "fact__category", "fact__place", "actor")
    search_fields = ("note",)
    date_hierarchy = "created_at"


# --- Normalisation data: editors change these rows, and grouping reads them --------

class PartyAliasInline(admin.TabularInline):
    model = PartyAlias
    fields = ("alias",)
    extra = 1


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ("name", "alias_list")
    search_fields = ("name", "aliases__alias")
    inlines = (PartyAliasInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, party: Party) -> str:
        return ", ".join(sorted(alias.alias for alias in party.aliases.all()))


class GroupAliasInline(admin.TabularInline):
    model = GroupAlias
    fields = ("alias",)
    extra = 1


@admin.register(GroupCategory)
class GroupCategoryAdmin(PartyAdmin):
    inlines = (GroupAliasInline,)


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    fields = ("alias",)
    extra = 1


@admin.register(Place)
class PlaceAdmin(PartyAdmin):
    inlines = (PlaceAliasInline,)
