"""The REST API's views: validate input, call a service, serialize the answer.

Reads go through claims.selectors; every change goes through a service
(sources.services for ingestion, claims.services for extraction and review,
factdesk.accounts.services for tokens). Errors leave as problem details (errors.py).
"""
from __future__ import annotations

import re

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import SearchFilter
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import selectors, services
from claims.models import Claim, ExtractionJob
from claims.representation import claim_etag
from factdesk.accounts.models import ApiToken
from factdesk.accounts.services import token_create, token_revoke
from factdesk.errors import ServiceError
from sources import services as source_services

from . import serializers as s
from .errors import PreconditionFailed, PreconditionRequired
from .filters import (ClaimFilter, DocumentFilter, ExtractionJobFilter, QuoteFilter, SpeakerFilter,
                      StableOrderingFilter)
from .permissions import RolePermission
from .throttling import AnonymousThrottle, UserThrottle

READ_DOCUMENTS = ["sources.view_document"]
READ_CLAIMS = ["claims.view_claim"]


class CursorPage(CursorPagination):
    """Stable pages however rows are added meanwhile; page_size is a whole number from 1, capped at 100."""

    page_size = 25
    page_size_query_param = "page_size"
    page_size_query_description = "Rows per page, 1 or more (default 25); at most 100 are served."
    max_page_size = 100
    ordering = "-id"

    def get_page_size(self, request: Request) -> int:
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        if not (given.isascii() and given.isdigit()) or int(given) < 1:
            raise ValidationError({self.page_size_query_param: [
                f"{given[:40]!r} is not a page size: give a whole number from 1 (default {self.page_size}, "
                f"at most {self.max_page_size} served)."]})
        return min(int(given), self.max_page_size)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, default=self.page_size)
        return parameters


class ApiViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    throttle_classes = [UserThrottle, AnonymousThrottle]
    pagination_class = CursorPage
    filter_backends = [DjangoFilterBackend, SearchFilter, StableOrderingFilter]
    action_permissions: dict[str, list[str]] = {}

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Filters, search and ordering shape lists; one object is found by its id
        # alone (what a user may see is decided in get_queryset, not by filters).
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    # DRF checks throttles after permissions, so floods of anonymous requests
    # would never be throttled (they all end in 401); check them first.
    def check_permissions(self, request: Request) -> None:
        self.check_throttles(request)
        super().check_permissions(request)

    def check_throttles(self, request: Request) -> None:
        if getattr(request, "_factdesk_throttled", False):
            return
        request._factdesk_throttled = True
        super().check_throttles(request)


# --- If-Match: the optimistic lock over HTTP ------------------------------------

def etag_pattern(noun: str) -> str:
    """The If-Match header's form for a resource: one or more of its ETags, comma-separated (the schema's pattern)."""
    tag = f'"{noun}-[0-9]+-v[0-9]+"'
    return f"^{tag}( *, *{tag})*$"


def if_match_parameter(noun: str, description: str) -> OpenApiParameter:
    return OpenApiParameter("If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=True,
                            pattern=etag_pattern(noun), description=description)


IF_MATCH = if_match_parameter(
    "claim", 'The ETag of the claim as you read it, e.g. "claim-12-v3". Missing: 428; not an ETag: 400; stale: 412.')
DOCUMENT_IF_MATCH = if_match_parameter(
    "document", 'The ETag of the document as you read it, e.g. "document-12-v2". Missing: 428; not an ETag: 400; '
                "stale: 412.")


def if_match_versions(request: Request, noun: str, current: str) -> dict[int, int]:
    """{id: version} from If-Match: 428 when absent, 400 when a tag is not one of this resource kind's ETags."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        raise PreconditionRequired(
            f"Send If-Match with the ETag you read (GET the {noun}: now {current}), "
            "so a change made meanwhile by someone else is not overwritten."
        )
    pattern = re.compile(f'^"{noun}-([0-9]+)-v([0-9]+)"$')
    versions = {}
    for tag in header.split(","):
        match = pattern.match(tag.strip())
        if match is None:
            raise ValidationError({"If-Match": [
                f"{tag.strip()[:100]!r} is not an ETag of a {noun}: send the ETag header you read, e.g. {current}."]})
        versions[int(match[1])] = int(match[2])
    return versions


def expected_version(request: Request, claim: Claim) -> int:
    """The claim version the client read, from If-Match; 412 when it names another version of another claim."""
    return _if_match_version(request, claim, "claim")


def _if_match_version(request: Request, obj, noun: str) -> int:
    versions = if_match_versions(request, noun, obj.etag)
    if obj.pk not in versions:
        header = request.headers.get("If-Match", "")
        raise PreconditionFailed(f"If-Match {header[:100]!r} is not an ETag of this {noun}; "
                                 f"its current ETag is {obj.etag}.")
    return versions[obj.pk]


# --- Documents -------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Documents, newest first, with their latest extraction job"),
    retrieve=extend_schema(summary="A document with its text and latest extraction job (ETag: its version)"),
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {
        "list": READ_DOCUMENTS, "retrieve": READ_DOCUMENTS,
        "create": ["sources.add_document"], "reextract": ["claims.add_extractionjob"],
        "partial_update": ["sources.change_document"], "history": READ_DOCUMENTS,
    }
    filterset_class = DocumentFilter
    search_fields = ["title", "url"]
    ordering_fields = ["ingested_at", "id"]
    ordering = ["-ingested_at"]

    def get_queryset(self) -> QuerySet:
        return selectors.document_detail() if self.action == "retrieve" else selectors.document_list()

    def get_serializer_class(self):
        return s.DocumentDetailSerializer if self.action == "retrieve" else s.DocumentSerializer

    @extend_schema(
        summary="Submit a document by HTML or plain text (stored now, extraction queued), or by URL (a job "
                "fetches it in the worker: 202 with the job, its address in Location)",
        request=s.DocumentSubmitSerializer,
        responses={201: s.DocumentSubmittedSerializer, 200: s.DocumentSubmittedSerializer,
                   202: s.ExtractionJobSerializer},
    )
    def create(self, request: Request) -> Response:
        given = s.DocumentSubmitSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if data["source"] == "url":
            # Fetched in the worker, never in the request: a slow upstream holds no web worker.
            job = services.document_submit_url(url=data["url"], outlet_name=data["outlet"],
                                               published_at=data["published_at"], actor=request.user)
            job = selectors.job_list().get(pk=job.pk)
            return Response(s.ExtractionJobSerializer(job).data, status=status.HTTP_202_ACCEPTED,
                            headers={"Location": reverse("api:job-detail", kwargs={"pk": job.pk}, request=request)})
        common = {"title": data["title"], "outlet_name": data["outlet"], "published_at": data["published_at"],
                  "actor": request.user}
        if data["source"] == "text":
            result = source_services.document_ingest(text=data["text"], url=data.get("url"), origin="api", **common)
        else:
            result = source_services.document_ingest_html(html=data["html"], url=data.get("url"), origin="api",
                                                          **common)
        document = selectors.document_list().get(pk=result.document.pk)
        job = ExtractionJob.objects.filter(pk=result.job_id).first() if result.job_id else None
        body = {"created": result.created, "duplicate_of": result.duplicate_of, "document": document, "job": job}
        if not result.created:
            return Response(s.DocumentSubmittedSerializer(body).data)
        return Response(s.DocumentSubmittedSerializer(body).data, status=status.HTTP_201_CREATED,
                        headers={"Location": reverse("api:document-detail", kwargs={"pk": document.pk},
                                                     request=request)})

    def retrieve(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        return Response(self.get_serializer(document).data, headers={"ETag": document.etag})

    @extend_schema(
        summary="Correct the document's metadata (title, url, outlet, published_at, authors, language)",
        description="Send only what changes, with If-Match. The change and who made it are kept in the "
                    "document's history; a changed publication day re-runs extraction (reviewed claims are kept).",
        parameters=[DOCUMENT_IF_MATCH], request=s.DocumentUpdateSerializer, responses=s.DocumentDetailSerializer,
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        version = _if_match_version(request, document, "document")
        given = s.DocumentUpdateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        source_services.document_update(document_id=document.pk, actor=request.user, expected_version=version,
                                        **given.validated_data)
        document = selectors.document_detail().get(pk=document.pk)
        return Response(s.DocumentDetailSerializer(document).data, headers={"ETag": document.etag})

    @extend_schema(summary="Corrections of the document's metadata, oldest first",
                   responses=s.DocumentEventSerializer(many=True))
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def history(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        events = selectors.document_history(document_id=document.pk)
        return Response(s.DocumentEventSerializer(events, many=True).data)

    @extend_schema(summary="Re-run extraction over the document (202 with the job, its address in Location)",
                   request=None,
                   responses={202: s.ExtractionJobSerializer})
    @action(detail=True, methods=["post"])
    def reextract(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        job = services.document_reextract(document_id=document.pk, actor=request.user)
        job = selectors.job_list().get(pk=job.pk)
        return Response(s.ExtractionJobSerializer(job).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": reverse("api:job-detail", kwargs={"pk": job.pk}, request=request)})


# --- Claims and their review -----------------------------------------------------

def _claim_response(claim_id: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    claim = selectors.claim_detail().get(pk=claim_id)
    return Response(s.ClaimDetailSerializer(claim).data, status=status_code, headers={"ETag": claim.etag})


@extend_schema_view(
    list=extend_schema(summary="Claims, filtered, searched and ordered; cursor-paginated",
                       responses=s.ClaimSerializer(many=True)),
    retrieve=extend_schema(summary="A claim with its evidence in context; the ETag header is its version",
                           responses=s.ClaimDetailSerializer),
)
class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {
        "list": READ_CLAIMS, "retrieve": READ_CLAIMS, "history": ["claims.view_reviewevent"],
        "approve": ["claims.review_claim"], "reject": ["claims.review_claim"], "dispute": ["claims.review_claim"],
        "reopen": ["claims.reopen_claim"], "correct": ["claims.correct_claim"],
        # Reopening in bulk needs reopen_claim as well; the service checks that per action.
        "bulk_review": ["claims.review_claim"],
    }
    more_problems = {"bulk_review": (412, 428)}  # the claims' versions are in the body: stale 412, missing 428
    filterset_class = ClaimFilter
    search_fields = ["text", "speaker__name"]
    # What a data desk sorts by; published_at is the claim's document's.
    ordering_fields = {"count": "count", "published_at": "document__published_at", "effective_at": "effective_at",
                       "created_at": "created_at", "confidence": "confidence", "id": "id"}
    ordering = ["-created_at"]

    def get_queryset(self) -> QuerySet:
        # The list and the claim page read plain rows of only the columns they show; the review
        # actions work on a model instance.
        if self.action == "list":
            return selectors.claim_list_rows()
        return selectors.claim_page_rows() if self.action == "retrieve" else selectors.claim_detail()

    def get_serializer_class(self):
        return s.ClaimRowSerializer if self.action == "list" else s.ClaimDetailSerializer

    def retrieve(self, request: Request, pk: str) -> Response:
        claim = self.get_object()  # a claim_page_rows() row
        etag = claim_etag(claim["id"], claim["version"])
        if etag in (tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(self.get_serializer(claim).data, headers={"ETag": etag})

    @extend_schema(summary="The claim's review history, oldest first", responses=s.ReviewEventSerializer(many=True),
                   filters=False)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        events = selectors.claim_history(claim_id=claim.pk)
        return Response(s.ReviewEventSerializer(events, many=True).data)

    def _review(self, request: Request, serializer_class, act) -> Response:
        claim = self.get_object()
        version = expected_version(request, claim)
        given = serializer_class(data=request.data)
        given.is_valid(raise_exception=True)
        act(claim_id=claim.pk, actor=request.user, expected_version=version, **given.validated_data)
        return _claim_response(claim.pk)

    @extend_schema(summary="Approve the claim", parameters=[IF_MATCH], request=s.ReviewNoteSerializer,
                   responses=s.ClaimDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request: Request, pk: str) -> Response:
        return self._review(request, s.ReviewNoteSerializer, services.claim_approve)

    @extend_schema(summary="Reject the claim (a note saying why is required)", parameters=[IF_MATCH],
                   request=s.ReviewNoteSerializer, responses=s.ClaimDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def reject(self, request: Request, pk: str) -> Response:
        return self._review(request, s.ReviewNoteSerializer, services.claim_reject)

    @extend_schema(summary="Dispute the claim (a note saying what is in doubt is required)", parameters=[IF_MATCH],
                   request=s.ReviewNoteSerializer, responses=s.ClaimDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def dispute(self, request: Request, pk: str) -> Response:
        return self._review(request, s.ReviewNoteSerializer, services.claim_dispute)

    @extend_schema(summary="Reopen a decided claim: back to pending", parameters=[IF_MATCH],
                   request=s.ReviewNoteSerializer, responses=s.ClaimDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def reopen(self, request: Request, pk: str) -> Response:
        return self._review(request, s.ReviewNoteSerializer, services.claim_reopen)

    @extend_schema(summary="Correct the claim's values; the extracted originals are kept", parameters=[IF_MATCH],
                   request=s.CorrectSerializer, responses=s.ClaimDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def correct(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        version = expected_version(request, claim)
        given = s.CorrectSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.claim_correct(claim_id=claim.pk, actor=request.user, values=given.values(),
                               note=given.validated_data["note"], expected_version=version)
        return _claim_response(claim.pk)

    @extend_schema(
        summary="One review action over many claims, all or nothing, each named with the version you read",
        description='Body: {"action": "approve", "claims": [{"id": 7, "version": 3}, …], "note": "…"}. '
                    "A claim named without its version: 428; one changed since you read it: 412 naming each "
                    "(`stale`: id, version_read, current_version); nothing is changed in either case.",
        request=s.BulkReviewSerializer, responses=s.ClaimSerializer(many=True), filters=False,
    )
    @action(detail=False, methods=["post"], url_path="review", filter_backends=[], pagination_class=None)
    def bulk_review(self, request: Request) -> Response:
        unversioned = s.BulkReviewSerializer.unversioned(request.data)
        if unversioned:
            raise PreconditionRequired(
                'Name the version you read of each claim, as "claims": [{"id": 7, "version": 3}, …] (the '
                f"claim's \"version\", also in its ETag); no \"version\" given for claim {', '.join(unversioned[:20])}. "
                "A review of claims changed since you read them is refused with 412."
            )
        given = s.BulkReviewSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        versions = given.expected_versions()
        changed = services.claims_review_bulk(claim_ids=list(versions), expected_versions=versions,
                                              action=data["action"], actor=request.user, note=data["note"])
        claims = selectors.claim_list().filter(pk__in=[claim.pk for claim in changed]).order_by("pk")
        return Response(s.ClaimSerializer(claims, many=True).data)


# --- Speakers, quotes, jobs ------------------------------------------------------

class SpeakerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {"list": ["sources.view_speaker"], "retrieve": ["sources.view_speaker"]}
    serializer_class = s.SpeakerSerializer
    filterset_class = SpeakerFilter
    search_fields = ["name", "aliases__alias", "role"]
    ordering_fields = ["name", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet:
        return selectors.speaker_list()


class QuoteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {"list": ["sources.view_quote"], "retrieve": ["sources.view_quote"]}
    serializer_class = s.QuoteSerializer
    filterset_class = QuoteFilter
    search_fields = ["exact", "speaker__name"]
    ordering_fields = ["id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet:
        return selectors.quote_list()


class ExtractionJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {"list": ["claims.view_extractionjob"], "retrieve": ["claims.view_extractionjob"]}
    serializer_class = s.ExtractionJobSerializer
    filterset_class = ExtractionJobFilter
    ordering_fields = ["queued_at", "id"]
    ordering = ["-queued_at"]

    def get_queryset(self) -> QuerySet:
        return selectors.job_list()


# --- Tokens ----------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Your tokens (admins: everyone's)"),
    destroy=extend_schema(summary="Revoke a token", responses={204: OpenApiResponse(description="Revoked")}),
)
class ApiTokenViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    # Any role may hold tokens for itself; admins (who manage users) may see and revoke everyone's
    # (the ownership rule is factdesk.accounts': ApiToken.objects.manageable_by).
    action_permissions = {action: READ_CLAIMS for action in ("list", "retrieve", "create", "destroy")}
    serializer_class = s.ApiTokenSerializer
    filter_backends = [StableOrderingFilter]
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at"]

    def get_queryset(self) -> QuerySet:
        return ApiToken.objects.manageable_by(self.request.user).select_related("user")

    @extend_schema(summary="Make a token; its secret is in this answer only", request=s.ApiTokenCreateSerializer,
                   responses={201: s.ApiTokenCreatedSerializer})
    def create(self, request: Request) -> Response:
        given = s.ApiTokenCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        # A token made with a token is its child: it never outlives nor outranks it.
        parent = request.auth if isinstance(request.auth, ApiToken) else None
        token, secret = token_create(user=data.get("user") or request.user, name=data["name"],
                                     expires_at=data["expires_at"], role=data["role"], parent=parent,
                                     actor=request.user)
        token.secret = secret
        return Response(s.ApiTokenCreatedSerializer(token).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, pk: str) -> Response:
        token = self.get_object()
        token_revoke(token_id=token.pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
