"""The admin for sources: outlets, documents with their claims and jobs, speakers and quotes.

A document's text is what every claim offset points into, so it is shown and
never edited here. Adding a document goes through the ingest services and
re-running extraction through claims.services.document_reextract.
"""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims import services as claim_services
from claims.admin_display import ReadOnlyInline, claim_values, shorten
from claims.models import Claim, ExtractionJob
from factdesk.errors import ServiceError

from .models import Document, Outlet, Quote, Speaker, SpeakerAlias
from .services import IngestResult, document_ingest, document_ingest_url

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


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title_or_url", "outlet", "published_at", "claim_count", "language", "ingested_at")
    list_filter = ("outlet", "published_at", "ingested_at", "language")
    list_select_related = ("outlet",)
    search_fields = ("title", "url", "text")
    date_hierarchy = "published_at"
    actions = ("rerun_extraction",)
    inlines = (ClaimInline, ExtractionJobInline)
    fieldsets = (
        (None, {"fields": ("title", "url", "outlet", "published_at", "authors", "language")}),
        ("Text", {"fields": ("text_display",)}),
        ("Provenance", {"fields": ("origin", "raw_content_type", "content_hash", "ingested_at")}),
    )
    # The text and everything derived from it are fixed: claim offsets point into them.
    readonly_fields = ("text_display", "origin", "raw_content_type", "content_hash", "ingested_at")

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
