"""The editors' admin for claims, their review history and extraction jobs.

Nothing here decides a review: the bulk actions, the review buttons on a
claim's page and the correction form all call claims.services, which own the
state machine, the version bump and the ReviewEvent. A claim's change form is
therefore read-only; its status and values change only through those.
"""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime, AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims import services
from claims.admin_display import (
    ReadOnlyInline,
    ReadOnlyMixin,
    breakable_identifier,
    claim_values,
    explanation_steps,
    passage_in_paragraph,
    shorten,
    values_comparison,
)
from claims.models import (
    Claim,
    ClaimKind,
    ExtractionJob,
    Outcome,
    Precision,
    Qualifier,
    ReviewAction,
    ReviewEvent,
)
from claims.review import allowed_actions, transition_for
from factdesk.errors import ServiceError, VersionConflict
from sources.models import Speaker

REVIEW_PERMISSION = "claims.review_claim"
REOPEN_PERMISSION = "claims.reopen_claim"
CORRECT_PERMISSION = "claims.correct_claim"

VERSION_FIELD = "claim_version"  # "id:version" of each claim on the list, posted with a bulk action

_DONE = {
    ReviewAction.APPROVE: "Approved",
    ReviewAction.REJECT: "Rejected",
    ReviewAction.DISPUTE: "Disputed",
    ReviewAction.REOPEN: "Reopened",
}


def shown_versions(request: HttpRequest) -> dict[int, int]:
    """The claim versions the changelist was rendered with, as posted back with a bulk action."""
    shown = {}
    for value in request.POST.getlist(VERSION_FIELD):
        claim_id, _, version = value.partition(":")
        if claim_id.isdigit() and version.isdigit():
            shown[int(claim_id)] = int(version)
    return shown


class ReviewEventInline(ReadOnlyInline):
    """A claim's review history: shown, never added to, changed or deleted here."""

    model = ReviewEvent
    fields = ("created_at", "action", "from_status", "to_status", "actor", "note", "changes")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "review event"
    verbose_name_plural = "review history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ReviewNoteForm(forms.Form):
    note = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="Recorded in each claim's review history.",
    )


@admin.register(Claim)
class ClaimAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("status", "kind_label", "passage_preview", "values", "speaker", "document_column",
                    "confidence_display", "rule_display")
    list_display_links = ("passage_preview",)
    list_filter = (
        "status",
        "kind",
        "outcome",
        ("document__outlet", admin.RelatedOnlyFieldListFilter),
        ("speaker", admin.RelatedOnlyFieldListFilter),
        "created_at",
        "document__published_at",
    )
    list_select_related = ("document__outlet", "speaker")
    search_fields = ("text", "speaker__name", "document__title")
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ("approve_selected", "reject_selected", "dispute_selected", "reopen_selected")
    autocomplete_fields = ("speaker",)
    inlines = (ReviewEventInline,)
    fieldsets = (
        (None, {"fields": ("kind", "status", "current_values", "speaker_link", "confidence", "version")}),
        ("Evidence", {"fields": ("passage_in_context", "document_link", "start", "end")}),
        ("Values: as extracted and now", {"fields": ("values_table",)}),
        ("Why the extractor read it so", {"fields": ("explanation_steps",)}),
        ("Provenance", {"fields": ("rule", "extractor", "extractor_version", "fingerprint", "created_at",
                                   "updated_at")}),
        ("Last decision", {"fields": ("reviewed_by", "reviewed_at")}),
    )
    readonly_fields = ("current_values", "speaker_link", "passage_in_context", "document_link", "values_table",
                       "explanation_steps")

    # --- who may do what ----------------------------------------------------
    # Claims come from extraction and change only through review services.

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(REVIEW_PERMISSION)

    def has_reopen_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(REOPEN_PERMISSION)

    def has_correct_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(CORRECT_PERMISSION)

    # --- list columns ---------------------------------------------------------

    @admin.display(description="kind", ordering="kind")
    def kind_label(self, claim: Claim) -> str:
        return claim.kind

    @admin.display(description="passage")
    def passage_preview(self, claim: Claim) -> str:
        return shorten(claim.text)

    @admin.display(description="values")
    def values(self, claim: Claim) -> str:
        return claim_values(claim)

    @admin.display(description="document", ordering="document__published_at")
    def document_column(self, claim: Claim):
        """Which article, from which outlet, when: the title (or outlet and first words) and the date."""
        document = claim.document
        return format_html('{}<br><span class="quiet">{} · {}</span>', shorten(document.title or document.url or
                                                                               document.untitled_label(with_outlet=False), 44),
                           document.outlet.name if document.outlet else "no outlet", document.published_label)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, claim: Claim) -> str:
        return f"{claim.confidence:.2f}"

    @admin.display(description="rule", ordering="rule")
    def rule_display(self, claim: Claim):
        return breakable_identifier(claim.rule)

    # --- change page ----------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document__outlet", "speaker", "reviewed_by")

    @admin.display(description="values now")
    def current_values(self, claim: Claim) -> str:
        return claim_values(claim)

    @admin.display(description="speaker")
    def speaker_link(self, claim: Claim):
        if claim.speaker is None:
            return "—"
        url = reverse("admin:sources_speaker_change", args=[claim.speaker_id])
        return format_html('<a href="{}">{}</a>{}', url, claim.speaker.name,
                           f", {claim.speaker.role}" if claim.speaker.role else "")

    @admin.display(description="passage in its paragraph")
    def passage_in_context(self, claim: Claim):
        return passage_in_paragraph(claim)

    @admin.display(description="document")
    def document_link(self, claim: Claim):
        document = claim.document
        url = reverse("admin:sources_document_change", args=[document.pk])
        outlet = document.outlet.name if document.outlet else "no outlet"
        return format_html('<a href="{}">{}</a> ({}, {})', url, str(document), outlet, document.published_label)

    @admin.display(description="values")
    def values_table(self, claim: Claim):
        return values_comparison(claim)

    @admin.display(description="explanation")
    def explanation_steps(self, claim: Claim):
        return explanation_steps(claim)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, unquote(object_id))
        choices = self._review_choices(request, claim) if claim else []
        extra_context = {
            **(extra_context or {}),
            "can_correct": self.has_correct_permission(request),
            "review_choices": choices,
            "review_reason_for": " or ".join(action for action, _, needs_note in choices if needs_note),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _review_choices(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str, bool]]:
        """The decisions this user may take on this claim now, as (action, button label, needs a reason)."""
        choices = []
        for action in allowed_actions(claim.status):
            if action == ReviewAction.CORRECT:
                continue
            transition = transition_for(action)
            if request.user.has_perm(transition.permission):
                choices.append((action, action.capitalize(), transition.note_required))
        return choices

    def _claim_or_404(self, request: HttpRequest, object_id: str) -> Claim:
        claim = self.get_object(request, unquote(object_id))  # None for a malformed or unknown id
        if claim is None:
            raise Http404(f"No claim with id {object_id!r}.")
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        return claim

    def review_view(self, request: HttpRequest, object_id: str):
        """One claim's decision from its own page, through the same service as the bulk actions."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        claim = self._claim_or_404(request, object_id)
        action = request.POST.get("review_action", "")
        back = HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
        if action not in _DONE:
            self.message_user(request, f"Unknown review action {action!r}.", messages.ERROR)
            return back
        version = request.POST.get("version", "")
        if not version.isdigit():
            self.message_user(request, "The page did not say which version of the claim it showed; nothing was "
                                       "changed. Reload it and decide again.", messages.ERROR)
            return back
        try:
            services.claim_review(claim_id=claim.pk, action=action, actor=request.user,
                                  note=request.POST.get("note", ""), expected_version=int(version))
        except ServiceError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, f"{_DONE[action]} claim {claim.pk}.", messages.SUCCESS)
        return back

    # --- bulk review actions --------------------------------------------------
    # The list carries each claim's version beside its checkbox, so a bulk decision names the
    # versions the editor saw; the service refuses all of it if any claim changed since.

    def action_checkbox(self, claim: Claim):
        return format_html('{}<input type="hidden" name="{}" value="{}:{}">', super().action_checkbox(claim),
                           VERSION_FIELD, claim.pk, claim.version)

    def _review(self, request: HttpRequest, queryset, *, action: str, note: str = "") -> None:
        claim_ids = list(queryset.values_list("pk", flat=True))
        shown = shown_versions(request)
        unseen = [claim_id for claim_id in claim_ids if claim_id not in shown]
        if unseen:
            self.message_user(request, (
                f"The page you acted from did not carry the version of claim {', '.join(map(str, unseen[:20]))}"
                f"{' …' if len(unseen) > 20 else ''} (not on that page, or the page is out of date); nothing was "
                "changed. Reload the list and select the claims on it (a selection across pages cannot be checked)."
            ), messages.ERROR)
            return
        try:
            reviewed = services.claims_review_bulk(claim_ids=claim_ids, action=action, actor=request.user, note=note,
                                                   expected_versions={pk: shown[pk] for pk in claim_ids})
        except VersionConflict as error:
            changed = ", ".join(str(stale["id"]) for stale in error.extra["stale"][:20])
            self.message_user(request, f"Someone changed claim {changed} since the list was shown; nothing was "
                                       "changed. Reload the list, check them and decide again.", messages.ERROR)
            return
        except ServiceError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        count = len(reviewed)
        self.message_user(request, f"{_DONE[action]} {count} claim{'' if count == 1 else 's'}.", messages.SUCCESS)

    def _review_with_reason(self, request: HttpRequest, queryset, *, action: str, action_name: str):
        """Ask for the reason on an intermediate page, as Django's delete confirmation does."""
        if request.POST.get("confirm"):
            form = ReviewNoteForm(request.POST)
            if form.is_valid():
                self._review(request, queryset, action=action, note=form.cleaned_data["note"])
                return None
        else:
            form = ReviewNoteForm()
        sources = transition_for(action).sources
        claims = list(queryset.select_related("document__outlet", "speaker"))
        refused = [claim for claim in claims if claim.status not in sources]
        shown = shown_versions(request)
        changed = [claim for claim in claims if shown.get(claim.pk) != claim.version]
        context = {
            **self.admin_site.each_context(request),
            "title": f"{action.capitalize()} {len(claims)} claim{'' if len(claims) == 1 else 's'}: give a reason",
            "verb": action,
            "done": _DONE[action].lower(),
            "action_name": action_name,
            "claims": [(claim, claim_values(claim), shorten(claim.text)) for claim in claims],
            "refused": refused,
            "changed": changed,
            "version_field": VERSION_FIELD,
            # The versions the list was shown with travel on, unchanged: the decision is about what the editor saw.
            "shown_versions": [f"{claim.pk}:{shown[claim.pk]}" for claim in claims if claim.pk in shown],
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/claims/claim/review_reason.html", context)

    def _decide(self, request: HttpRequest, queryset, *, action: str, action_name: str):
        """Ask for a note first where the state machine says the action needs one."""
        if transition_for(action).note_required:
            return self._review_with_reason(request, queryset, action=action, action_name=action_name)
        return self._review(request, queryset, action=action)

    @admin.action(permissions=["review"], description="Approve selected claims")
    def approve_selected(self, request, queryset):
        return self._decide(request, queryset, action=ReviewAction.APPROVE, action_name="approve_selected")

    @admin.action(permissions=["review"], description="Reject selected claims…")
    def reject_selected(self, request, queryset):
        return self._decide(request, queryset, action=ReviewAction.REJECT, action_name="reject_selected")

    @admin.action(permissions=["review"], description="Dispute selected claims…")
    def dispute_selected(self, request, queryset):
        return self._decide(request, queryset, action=ReviewAction.DISPUTE, action_name="dispute_selected")

    @admin.action(permissions=["reopen"], description="Reopen selected claims")
    def reopen_selected(self, request, queryset):
        return self._decide(request, queryset, action=ReviewAction.REOPEN, action_name="reopen_selected")

    # --- correcting one claim ---------------------------------------------------

    def get_urls(self):
        correct = self.admin_site.admin_view(self.correct_view)
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("<path:object_id>/correct/", correct, name="claims_claim_correct"),
            path("<path:object_id>/review/", review, name="claims_claim_review"),
            *super().get_urls(),
        ]

    def correct_view(self, request: HttpRequest, object_id: str):
        if not self.has_correct_permission(request):
            raise PermissionDenied
        claim = self._claim_or_404(request, object_id)
        form_class = correction_form_for(claim, self.admin_site)
        if request.method == "POST":
            form = form_class(request.POST)
            if form.is_valid() and self._correct(request, claim, form):
                return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
        else:
            form = form_class(initial=correction_initial(claim))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Correct claim {claim.pk}",
            "claim": claim,
            "current_values": (claim_values(claim) if claim.kind != ClaimKind.QUOTE
                               else f"said by {claim.speaker.name if claim.speaker else 'no one named'}"),
            "passage": passage_in_paragraph(claim),
            "form": form,
            "opts": self.model._meta,
            "original": claim,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/claims/claim/correct.html", context)

    def _correct(self, request: HttpRequest, claim: Claim, form: forms.Form) -> bool:
        values = form.changed_values(claim)
        try:
            services.claim_correct(claim_id=claim.pk, actor=request.user, values=values,
                                   note=form.cleaned_data["note"], expected_version=form.cleaned_data["version"])
        except ServiceError as error:
            for field, problems in (error.extra.get("field_errors") or {}).items():
                name = "speaker" if field == "speaker_id" else field
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
            form.add_error(None, str(error))
            return False
        self.message_user(request, f"Corrected claim {claim.pk}: {', '.join(sorted(values))}.", messages.SUCCESS)
        return True


# The fields an editor may correct, by kind of claim (the service checks them again).
CORRECTION_FIELDS = {
    ClaimKind.CASUALTY: ("count", "count_high", "qualifier", "outcome", "group", "speaker"),
    ClaimKind.CEASEFIRE: ("effective_at", "precision", "speaker"),
    ClaimKind.QUOTE: ("speaker",),
}


def _blank_choice(choices):
    return [("", "—"), *choices]


class ClaimCorrectionForm(forms.Form):
    count = forms.IntegerField(min_value=0, required=False)
    count_high = forms.IntegerField(min_value=0, required=False, label="Count (upper end of a range)")
    qualifier = forms.ChoiceField(choices=_blank_choice(Qualifier.choices), required=False)
    outcome = forms.ChoiceField(choices=_blank_choice(Outcome.choices), required=False)
    group = forms.CharField(max_length=200, required=False, help_text="Who: civilians, soldiers, children…")
    effective_at = forms.SplitDateTimeField(required=False, widget=AdminSplitDateTime, label="Effective at")
    precision = forms.ChoiceField(choices=_blank_choice(Precision.choices), required=False)
    speaker = forms.ModelChoiceField(queryset=Speaker.objects.all(), required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2, "cols": 80}), required=False,
                           help_text="Why the correction: recorded in the review history.")
    version = forms.IntegerField(widget=forms.HiddenInput)

    correctable: tuple[str, ...] = ()

    def changed_values(self, claim: Claim) -> dict:
        """The corrected values that differ from the claim's, keyed as the service expects."""
        values = {}
        for name in self.correctable:
            new = self.cleaned_data.get(name)
            if name == "speaker":
                if (new.pk if new else None) != claim.speaker_id:
                    values["speaker_id"] = new.pk if new else None
            elif new != getattr(claim, name):
                values[name] = new
        return values


def correction_form_for(claim: Claim, admin_site) -> type[ClaimCorrectionForm]:
    keep = CORRECTION_FIELDS.get(claim.kind, ("speaker",))

    class Form(ClaimCorrectionForm):
        correctable = keep

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in list(self.fields):
                if name not in (*keep, "note", "version"):
                    del self.fields[name]
            if "speaker" in self.fields:
                self.fields["speaker"] = forms.ModelChoiceField(
                    queryset=Speaker.objects.all(), required=False,
                    widget=AutocompleteSelect(Claim._meta.get_field("speaker"), admin_site),
                )

    return Form


def correction_initial(claim: Claim) -> dict:
    return {
        "count": claim.count, "count_high": claim.count_high, "qualifier": claim.qualifier,
        "outcome": claim.outcome, "group": claim.group, "effective_at": claim.effective_at,
        "precision": claim.precision, "speaker": claim.speaker_id, "version": claim.version,
    }


@admin.register(ReviewEvent)
class ReviewEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The audit trail: readable by anyone who may view it, writable by nobody."""

    list_display = ("created_at", "claim_link", "action", "from_status", "to_status", "actor", "note_preview")
    list_filter = ("action", "to_status", "created_at")
    list_select_related = ("claim", "actor")
    search_fields = ("note", "claim__text", "actor__username")
    date_hierarchy = "created_at"
    fields = ("claim", "action", "from_status", "to_status", "actor", "note", "changes", "created_at")
    readonly_fields = fields

    @admin.display(description="claim", ordering="claim")
    def claim_link(self, event: ReviewEvent):
        return format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_change", args=[event.claim_id]),
                           shorten(event.claim.text, 60))

    @admin.display(description="note")
    def note_preview(self, event: ReviewEvent) -> str:
        return shorten(event.note, 80)


@admin.register(ExtractionJob)
class ExtractionJobAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Every extraction run and how it ended; jobs are written by the extraction services only."""

    list_display = ("id", "document", "status", "attempts", "queued_at", "took", "found", "new", "error_preview")
    list_filter = ("status", "queued_at", "extractor_version")
    list_select_related = ("document",)
    search_fields = ("document__title", "error")
    date_hierarchy = "queued_at"
    fields = ("document", "status", "attempts", "extractor_version", "requested_by", "queued_at", "started_at",
              "finished_at", "duration_ms", "claims_found", "claims_created", "error", "updated_at")
    readonly_fields = fields

    @admin.display(description="took", ordering="duration_ms")
    def took(self, job: ExtractionJob) -> str:
        return f"{job.duration_ms:,} ms" if job.duration_ms is not None else ""

    @admin.display(description="claims found", ordering="claims_found")
    def found(self, job: ExtractionJob) -> int:
        return job.claims_found

    @admin.display(description="new", ordering="claims_created")
    def new(self, job: ExtractionJob) -> int:
        return job.claims_created

    @admin.display(description="error")
    def error_preview(self, job: ExtractionJob) -> str:
        return shorten(job.error, 80) if job.error else ""

from claims import admin_tokens  # noqa: E402,F401  (registers the API token admin)
