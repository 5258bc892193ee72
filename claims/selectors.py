"""Reads for the API: every join a list or a page needs, made once at the query.

Lists defer the documents' texts (they can be megabytes each); a claim's own
page loads its document's text to cut the surrounding context from it.
"""
from __future__ import annotations

import functools

from django.db.models import Count, Prefetch, QuerySet

from claims.models import Claim, ExtractionJob, ReviewEvent
from claims.representation import CLAIM_COLUMNS, CLAIM_PAGE_COLUMNS
from sources.models import Document, DocumentEvent, Quote, Speaker

DOCUMENT_BULK_FIELDS = ("document__text", "document__raw")

# The columns one row of the claims list shows, joined in the same query (its speaker,
# its document and outlet, its reviewer): the claim's shape, declared in claims.representation.
CLAIM_ROW_FIELDS = CLAIM_COLUMNS


def claim_list() -> QuerySet[Claim]:
    return Claim.objects.with_sources().defer(*DOCUMENT_BULK_FIELDS)


def claim_list_rows() -> QuerySet[Claim]:
    """The claims list as plain rows (dicts), only the columns it shows.

    A page of 50 claims as model instances builds some 200 objects (claim,
    document, outlet, speaker) and reads every column; as values() rows it
    builds 50 dicts from one narrower query. Filters, search and ordering
    apply to it as to claim_list().
    """
    return _claim_rows().all()


@functools.cache
def _claim_rows() -> QuerySet[Claim]:
    # Resolving some 30 columns through four joins costs more than the rest of the queryset's setup;
    # it is done once, and each request works on a copy (.all()). Never evaluated itself.
    return Claim.objects.values(*CLAIM_ROW_FIELDS)


def claim_page_rows() -> QuerySet[Claim]:
    """The claim page as plain rows: the claim's columns, its quote's and its document's text.

    One claim as a model instance reads every column of five joined tables
    (the document's, the reviewer's …) and builds as many objects; its page
    shows some thirty columns, read here as one dict.
    """
    return _claim_page_rows().all()


@functools.cache
def _claim_page_rows() -> QuerySet[Claim]:
    return Claim.objects.values(*CLAIM_PAGE_COLUMNS)  # set up once, as _claim_rows()


def claim_detail() -> QuerySet[Claim]:
    return Claim.objects.with_sources().select_related("quote").defer("document__raw")


def claim_history(*, claim_id: int) -> QuerySet[ReviewEvent]:
    return ReviewEvent.objects.filter(claim_id=claim_id).select_related("actor")


def document_history(*, document_id: int) -> QuerySet[DocumentEvent]:
    return DocumentEvent.objects.filter(document_id=document_id).select_related("actor")


def _jobs_newest_first() -> Prefetch:
    return Prefetch("jobs", queryset=ExtractionJob.objects.order_by("-queued_at", "-id"), to_attr="jobs_newest_first")


def document_list() -> QuerySet[Document]:
    return (
        Document.objects.select_related("outlet")
        .defer("text", "raw")
        .annotate(claim_count=Count("claims", distinct=True))
        .prefetch_related(_jobs_newest_first())
    )


def document_detail() -> QuerySet[Document]:
    return (
        Document.objects.select_related("outlet")
        .defer("raw")
        .annotate(claim_count=Count("claims", distinct=True))
        .prefetch_related(_jobs_newest_first())
    )


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.prefetch_related("aliases")


def quote_list() -> QuerySet[Quote]:
    return Quote.objects.select_related("speaker", "document__outlet").defer(*DOCUMENT_BULK_FIELDS)


def job_list() -> QuerySet[ExtractionJob]:
    return ExtractionJob.objects.select_related("requested_by")
