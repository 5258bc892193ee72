"""The admin for sources: outlets, documents with their claims and jobs, speakers and quotes.

A document's text is what every claim offset points into, so it is shown and
never edited here; re-running extraction goes through
claims.services.document_reextract.
"""
from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from claims import services as claim_services
from claims.admin_display import claim_values, shorten
from claims.models import Claim, ExtractionJob
from factdesk.errors import ServiceError

from .models import Document, Outlet, Quote, Speaker, SpeakerAlias

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


class ClaimInline(admin.TabularInline):
    """A document's claims, read-only, each linking to its own page for review."""

    model = Claim
    fields = ("claim_link", "kind", "values", "speaker", "status", "confidence", "rule")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("start",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "quote")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="passage")
    def claim_link(self, claim: Claim):
        return format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_change", args=[claim.pk]),
                           shorten(claim.text, 80))

    @admin.display(description="values")
    def values(self, claim: Claim) -> str:
        return claim_values(claim)


class ExtractionJobInline(admin.TabularInline):
    model = ExtractionJob
    fields = ("status", "attempts", "queued_at", "started_at", "finished_at", "duration_ms", "claims_found",
              "claims_created", "extractor_version", "requested_by", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "extraction jobs"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requested_by")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
        # New documents come in through sources.services.document_ingest (command, API),
        # which hashes the text and queues the extraction; a bare admin form would not.
        return False

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
