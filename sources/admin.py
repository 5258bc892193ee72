"""The admin for sources: outlets, documents with their claims and jobs, speakers and quotes.

A document's text is what every claim offset points into, so it is shown and
never edited here. Adding a document goes through the ingest services,
correcting its metadata through sources.services.document_update (which
keeps the history shown on the page), and re-running extraction through
claims.services.document_reextract.
"""
from __future__ import annotations

from datetime import datetime, timezone as dt_timezone

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime, AdminTimeWidget
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from claims import services as claim_services
from claims.admin_display import ReadOnlyInline, claim_values, shorten
from claims.models import Claim, ExtractionJob
from factdesk.errors import ServiceError

from .models import Document, DocumentEvent, Outlet, Quote, Speaker, SpeakerAlias
from .services import (
    IngestResult,
    document_changes_clean,
    document_ingest,
    document_ingest_url,
    document_update,
)

RERUN_PERMISSION = "claims.add_extractionjob"


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "domain", "document_count", "created_at")
    search_fields = ("name", "domain")
    ordering = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description="documents", ordering="document_count")
    def document_count(self, outlet: Outlet) -> int:
        return outlet.document_count


class ClaimInline(ReadOnlyInline):
    """A document's claims, read-only, each linking to its own page for review."""

    model = Claim
    fields = ("claim_link", "kind", "values", "speaker", "status", "confidence", "rule")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("start",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    @admin.display(description="passage")
    def claim_link(self, claim: Claim):
        return format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_change", args=[claim.pk]),
                           shorten(claim.text, 80))

    @admin.display(description="values")
    def values(self, claim: Claim) -> str:
        return claim_values(claim)


class ExtractionJobInline(ReadOnlyInline):
    model = ExtractionJob
    fields = ("status", "attempts", "queued_at", "started_at", "finished_at", "duration_ms", "claims_found",
              "claims_created", "extractor_version", "requested_by", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "extraction jobs"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requested_by")


class DocumentEventInline(ReadOnlyInline):
    """Every correction of the document's metadata: who, when, what from what, and why."""

    model = DocumentEvent
    fields = ("created_at", "version", "actor", "changes_display", "note", "reextraction")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "correction"
    verbose_name_plural = "history of corrections"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    @admin.display(description="changes")
    def changes_display(self, event: DocumentEvent):
        return format_html_join(
            mark_safe("<br>"), "<b>{}</b>: {} → {}",
            ((field, _shown(before), _shown(after)) for field, (before, after) in event.changes.items()),
        )

    @admin.display(description="re-extraction")
    def reextraction(self, event: DocumentEvent) -> str:
        return f"job {event.reextraction_job_id}" if event.reextraction_job_id else "—"


def _shown(value) -> str:
    if value in (None, "", []):
        return "(none)"
    return ", ".join(value) if isinstance(value, list) else str(value)


class DocumentCorrectionForm(forms.ModelForm):
    """The metadata an editor may correct; saved only through document_update, never by the form."""

    title = forms.CharField(required=False, max_length=500)
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="URL",
                         widget=forms.URLInput(attrs={"class": "vURLField"}))
    published_on = forms.DateField(required=False, label="Published on", widget=AdminDateWidget,
                                   help_text="Leave empty when the date is unknown.")
    published_time = forms.TimeField(required=False, label="Time (UTC)", widget=AdminTimeWidget,
                                     help_text="Leave empty when the source gives only the day.")
    authors_text = forms.CharField(required=False, label="Authors", widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text="One name a line.")
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Why you made the change; kept in the history below.")
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Document
        fields = ("title", "url", "outlet", "language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance
        if document.published_at is not None:
            self.initial["published_on"] = document.published_day
            if not document.published_date_only:
                self.initial["published_time"] = document.published_at.astimezone(dt_timezone.utc).time()
        self.initial["authors_text"] = "\n".join(document.authors)
        self.initial["version"] = document.version

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("published_time") and not data.get("published_on"):
            self.add_error("published_on", "Give the day for this time.")
            return data
        try:
            document_changes_clean(self.changes())
        except ServiceError as error:
            for field, messages in error.extra.get("field_errors", {}).items():
                self.add_error(_FORM_FIELD.get(field, field), messages)
        return data

    def changes(self) -> dict:
        """The corrections typed, as document_update takes them: only the fields that changed."""
        data, changed, changes = self.cleaned_data, set(self.changed_data), {}
        for field in ("title", "url", "language"):
            if field in changed:
                changes[field] = data[field] or ("" if field != "url" else None)
        if "outlet" in changed:
            changes["outlet"] = data["outlet"].name if data["outlet"] else None
        if changed & {"published_on", "published_time"}:
            day, at = data.get("published_on"), data.get("published_time")
            changes["published_at"] = (datetime.combine(day, at, tzinfo=dt_timezone.utc) if day and at else day)
        if "authors_text" in changed:
            changes["authors"] = [line.strip() for line in data["authors_text"].splitlines() if line.strip()]
        return changes


_FORM_FIELD = {"published_at": "published_on", "authors": "authors_text"}


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentCorrectionForm
    list_display = ("title_or_url", "outlet", "published", "claim_count", "language", "ingested_at")
    list_filter = ("outlet", "published_at", "ingested_at", "language")
    list_select_related = ("outlet",)
    search_fields = ("title", "url", "text")
    date_hierarchy = "published_at"
    actions = ("rerun_extraction",)
    inlines = (DocumentEventInline, ClaimInline, ExtractionJobInline)
    correction_fields = ("title", "url", "outlet", "published_on", "published_time", "authors_text", "language",
                         "note", "version")
    # The text and everything derived from it are fixed: claim offsets point into them.
    readonly_fields = ("text_display", "origin", "raw_content_type", "content_hash", "ingested_at", "published",
                       "authors_display", "version_display")

    def get_fieldsets(self, request: HttpRequest, obj: Document | None = None):
        editable = self.has_change_permission(request, obj)
        metadata = self.correction_fields if editable else ("title", "url", "outlet", "published", "authors_display",
                                                             "language", "version_display")
        return (
            (None, {"fields": metadata}),
            ("Text", {"fields": ("text_display",)}),
            ("Provenance", {"fields": ("origin", "raw_content_type", "content_hash", "ingested_at")}),
        )

    def save_model(self, request: HttpRequest, obj: Document, form: DocumentCorrectionForm, change: bool) -> None:
        """Through the service: the form has checked the values, the service writes them with their event."""
        result = document_update(document_id=obj.pk, actor=request.user,
                                 expected_version=form.cleaned_data["version"], note=form.cleaned_data["note"],
                                 **form.changes())
        obj.refresh_from_db()
        if result.job_id:
            self.message_user(request, f"The publication day changed: extraction job {result.job_id} queued "
                                       "(reviewed claims are kept).", messages.INFO)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceError as error:
            # Found only while saving: someone changed the document meanwhile, or took its URL.
            self.message_user(request, f"Not saved: {error}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    @admin.display(description="published", ordering="published_at")
    def published(self, document: Document) -> str:
        return document.published_label

    @admin.display(description="authors")
    def authors_display(self, document: Document) -> str:
        return ", ".join(document.authors) or "—"

    @admin.display(description="version")
    def version_display(self, document: Document) -> int:
        return document.version

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("sources.add_document")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        """Adding a document is ingesting it: through the ingest services, which hash it and queue extraction."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = DocumentIngestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = _ingest(form.cleaned_data, actor=request.user)
            except ServiceError as error:
                form.add_error(None, str(error))
            else:
                document = result.document
                if result.created:
                    self.message_user(request, f"Stored “{document}”; extraction job {result.job_id} queued.",
                                      messages.SUCCESS)
                else:
                    self.message_user(request, f"Already stored (same {result.duplicate_of}) as “{document}”; "
                                      "nothing was added.", messages.WARNING)
                return HttpResponseRedirect(reverse("admin:sources_document_change", args=[document.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest a document",
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/sources/document/ingest.html", context)

    def has_rerun_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(RERUN_PERMISSION)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"  # a bare "example.org/x" typed by an editor means https
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="document", ordering="title")
    def title_or_url(self, document: Document) -> str:
        return str(document)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, document: Document) -> int:
        return document.claim_count

    @admin.display(description="text")
    def text_display(self, document: Document):
        return format_html(
            '<pre style="white-space: pre-wrap; max-height: 32em; overflow-y: auto; max-width: 60em; '
            'font-size: 0.95em; line-height: 1.5; padding: 8px; border: 1px solid var(--hairline-color);">'
            "{}</pre><p class=\"help\">{} characters</p>",
            document.text, f"{len(document.text):,}",
        )

    @admin.action(permissions=["rerun"], description="Re-run extraction")
    def rerun_extraction(self, request: HttpRequest, queryset):
        queued, errors = [], []
        for document_id in queryset.values_list("pk", flat=True):
            try:
                job = claim_services.document_reextract(document_id=document_id, actor=request.user)
            except ServiceError as error:
                errors.append(str(error))
                continue
            queued.append(job.pk)
        if queued:
            self.message_user(request, f"Queued {len(queued)} extraction job{'' if len(queued) == 1 else 's'}.",
                              messages.SUCCESS)
        for error in errors:
            self.message_user(request, error, messages.ERROR)


class DocumentIngestForm(forms.Form):
    url = forms.URLField(required=False, assume_scheme="https", label="URL",
                         help_text="The article's address. Leave the text empty to fetch the page from it.")
    title = forms.CharField(max_length=500, required=False)
    outlet_name = forms.CharField(max_length=200, required=False, label="Outlet")
    published_at = forms.SplitDateTimeField(required=False, widget=AdminSplitDateTime, label="Published at")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
                           help_text="The article's plain text, pasted. Claim offsets will point into it.")

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("url"):
            raise forms.ValidationError("Paste the article's text, or give its URL to fetch it.")
        return data


def _ingest(data: dict, *, actor) -> IngestResult:
    if (data.get("text") or "").strip():
        return document_ingest(text=data["text"], url=data["url"] or None, title=data["title"],
                               outlet_name=data["outlet_name"], published_at=data["published_at"],
                               origin="admin", actor=actor)
    return document_ingest_url(url=data["url"], outlet_name=data["outlet_name"],
                               published_at=data["published_at"], actor=actor)


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    fields = ("alias",)
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "role", "affiliation", "claim_count", "created_at")
    list_filter = ("kind",)
    search_fields = ("name", "aliases__alias", "role", "affiliation")
    ordering = ("name",)  # the claim count's GROUP BY drops Meta.ordering; autocomplete pages need an order
    inlines = (SpeakerAliasInline,)
    fields = ("name", "kind", "role", "affiliation")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims", distinct=True))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, speaker: Speaker) -> int:
        return speaker.claim_count


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ("exact_preview", "speaker", "document", "start")
    list_select_related = ("speaker", "document")
    list_filter = (("speaker", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("exact", "speaker__name", "document__title")
    autocomplete_fields = ("speaker",)
    fields = ("exact", "speaker", "document", "start", "end", "prefix", "suffix", "created_at")
    # The words and their position are anchored in the document text; only the attribution can change.
    readonly_fields = ("exact", "document", "start", "end", "prefix", "suffix", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="quote", ordering="exact")
    def exact_preview(self, quote: Quote) -> str:
        return f"“{shorten(quote.exact, 90)}”"
