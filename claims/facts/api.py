"""/api/v1/facts/ and the exports: validate input, call a service, serialize the answer.

Every change goes through claims.facts.services with the versions the caller
read: If-Match must carry the ETag of each fact the action changes (both facts
for a move or a merge); missing → 428, stale → 412, as for claims.
"""
from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims.api.errors import PreconditionFailed
from claims.api.fields import StrictCharField, StrictChoiceField, StrictDateField, StrictIntegerField
from claims.api.views import READ_CLAIMS, ApiViewSet, if_match_parameter, if_match_versions
from claims.models import Claim, Outcome

from . import services
from .chart import fact_chart_svg
from .export import claimreview_stream, facts_csv_stream
from .filters import FactFilter, ReviewedClaimFilter
from .models import Fact, FactEvent
from .selectors import fact_detail, fact_list, fact_timeline, reviewed_claims
from .serializers import FactDetailSerializer, FactEventSerializer, FactSerializer

READ_FACTS = ["facts.view_fact"]
CURATE = ["facts.curate_fact"]
MAX_IDS = 500

IF_MATCH = if_match_parameter(
    "fact", 'The ETag of each fact the action changes, as you read them, comma-separated, e.g. '
            '"fact-3-v2", "fact-9-v1". Missing: 428; not an ETag: 400; stale: 412.')


def expected_versions(request: Request, facts: list[Fact]) -> dict[int, int]:
    current = ", ".join(fact.etag for fact in facts)
    read = if_match_versions(request, "fact", current)
    missing = [fact for fact in facts if fact.pk not in read]
    if missing:
        header = request.headers.get("If-Match", "")
        raise PreconditionFailed(f"If-Match {header[:200]!r} lacks the ETag of fact "
                                 f"{', '.join(str(f.pk) for f in missing)}; the current ETags are {current}.")
    return {fact.pk: read[fact.pk] for fact in facts}


# --- Input -------------------------------------------------------------------

class NoteSerializer(serializers.Serializer):
    note = StrictCharField(required=False, allow_blank=True, max_length=5000, default="")


class ConfirmSerializer(NoteSerializer):
    claim_ids = serializers.ListField(child=StrictIntegerField(min_value=1, max_value=2**63 - 1),
                                      required=False, min_length=1, max_length=MAX_IDS,
                                      help_text="Only these suggestions; all of them when left out.")


class ClaimRefSerializer(NoteSerializer):
    claim = StrictIntegerField(min_value=1, max_value=2**63 - 1)


class MoveSerializer(ClaimRefSerializer):
    to_fact = StrictIntegerField(min_value=1, max_value=2**63 - 1)


class MergeSerializer(NoteSerializer):
    other = StrictIntegerField(min_value=1, max_value=2**63 - 1, help_text="The fact merged into this one.")


class SplitSerializer(NoteSerializer):
    claim_ids = serializers.ListField(child=StrictIntegerField(min_value=1, max_value=2**63 - 1),
                                      min_length=1, max_length=MAX_IDS)


class PreferSerializer(NoteSerializer):
    claim = StrictIntegerField(min_value=1, max_value=2**63 - 1, allow_null=True,
                               help_text="An approved claim of the fact; null returns to the rule.")


class FactUpdateSerializer(NoteSerializer):
    party = StrictCharField(required=False, allow_blank=True, max_length=200)
    category = StrictCharField(required=False, allow_blank=True, max_length=200)
    group_text = StrictCharField(required=False, allow_blank=True, max_length=200)
    outcome = StrictChoiceField(required=False, allow_blank=True, choices=Outcome.choices)
    place = StrictCharField(required=False, allow_blank=True, max_length=200)
    period_start = StrictDateField(required=False)
    period_end = StrictDateField(required=False)

    def validate(self, attrs: dict) -> dict:
        if not set(attrs) - {"note"}:
            raise serializers.ValidationError({"non_field_errors": ["Give at least one value to change."]})
        return attrs


# --- Facts ---------------------------------------------------------------------

def _fact_response(request: Request, fact_id: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    fact = fact_detail().get(pk=fact_id)
    body = FactDetailSerializer(fact, context={"timeline": fact_timeline(fact)}).data
    headers = {"ETag": fact.etag}
    if status_code == status.HTTP_201_CREATED:
        headers["Location"] = reverse("api:fact-detail", kwargs={"pk": fact.pk}, request=request)
    return Response(body, status=status_code, headers=headers)


@extend_schema_view(
    list=extend_schema(summary="Facts: what many claims report on, with best figure, range, grade and dispute"),
    retrieve=extend_schema(summary="A fact with its timeline; the ETag header is its version",
                           responses=FactDetailSerializer),
)
class FactViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {
        "list": READ_FACTS, "retrieve": READ_FACTS, "history": READ_FACTS, "chart": READ_FACTS,
        "confirm": CURATE, "reject": CURATE, "move": CURATE, "merge": CURATE, "split": CURATE,
        "prefer": CURATE, "partial_update": CURATE,
    }
    filterset_class = FactFilter
    search_fields = ["party__name", "category__name", "group_text", "place__name"]
    ordering_fields = ["period_end", "period_start", "id", "updated_at"]
    ordering = ["-period_end"]

    def get_queryset(self) -> QuerySet:
        return fact_list() if self.action == "list" else fact_detail()

    def get_serializer_class(self):
        return FactSerializer if self.action == "list" else FactDetailSerializer

    def retrieve(self, request: Request, pk: str) -> Response:
        fact = self.get_object()
        if fact.etag in (tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": fact.etag})
        return _fact_response(request, fact.pk)

    @extend_schema(summary="The fact's audit trail, oldest first", responses=FactEventSerializer(many=True),
                   filters=False)
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request: Request, pk: str) -> Response:
        fact = self.get_object()
        events = FactEvent.objects.filter(fact=fact).select_related("actor")
        return Response(FactEventSerializer(events, many=True).data)

    @extend_schema(summary="The fact's series as an SVG chart", filters=False,
                   responses={(200, "image/svg+xml"): OpenApiTypes.STR})
    @action(detail=True, methods=["get"], filter_backends=[])
    def chart(self, request: Request, pk: str) -> HttpResponse:
        fact = self.get_object()
        return HttpResponse(fact_chart_svg(fact, fact_timeline(fact)), content_type="image/svg+xml")

    def _act(self, request: Request, serializer_class, act, *, also: str | None = None,
             status_code: int = status.HTTP_200_OK) -> Response:
        fact = self.get_object()
        given = serializer_class(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        facts = [fact]
        if also and Fact.objects.filter(pk=data[also]).exists():
            facts.append(Fact.objects.get(pk=data[also]))
        versions = expected_versions(request, facts)
        result = act(fact, data, versions)
        return _fact_response(request, result.pk, status_code=status_code)

    @extend_schema(summary="Confirm the fact and its suggested claims (or only those named)", parameters=[IF_MATCH],
                   request=ConfirmSerializer, responses=FactDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def confirm(self, request: Request, pk: str) -> Response:
        return self._act(request, ConfirmSerializer, lambda fact, data, versions: services.fact_confirm(
            fact_id=fact.pk, actor=request.user, claim_ids=data.get("claim_ids"), note=data["note"],
            expected_version=versions[fact.pk]))

    @extend_schema(summary="Reject a suggested claim: it does not report on this fact", parameters=[IF_MATCH],
                   request=ClaimRefSerializer, responses=FactDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def reject(self, request: Request, pk: str) -> Response:
        return self._act(request, ClaimRefSerializer, lambda fact, data, versions: services.fact_reject_suggestion(
            fact_id=fact.pk, claim_id=data["claim"], actor=request.user, note=data["note"],
            expected_version=versions[fact.pk]))

    @extend_schema(summary="Move one of the fact's claims to another fact (If-Match: both facts' ETags)",
                   parameters=[IF_MATCH], request=MoveSerializer, responses=FactDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def move(self, request: Request, pk: str) -> Response:
        return self._act(request, MoveSerializer, lambda fact, data, versions: services.claim_move(
            claim_id=data["claim"], from_fact_id=fact.pk, to_fact_id=data["to_fact"], actor=request.user,
            note=data["note"], expected_versions=versions), also="to_fact")

    @extend_schema(summary="Merge another fact into this one (If-Match: both facts' ETags)", parameters=[IF_MATCH],
                   request=MergeSerializer, responses=FactDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def merge(self, request: Request, pk: str) -> Response:
        return self._act(request, MergeSerializer, lambda fact, data, versions: services.fact_merge(
            fact_id=fact.pk, other_id=data["other"], actor=request.user, note=data["note"],
            expected_versions=versions), also="other")

    @extend_schema(summary="Split the named claims off into a new fact; answers with the new fact",
                   parameters=[IF_MATCH], request=SplitSerializer, responses={201: FactDetailSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def split(self, request: Request, pk: str) -> Response:
        return self._act(request, SplitSerializer, lambda fact, data, versions: services.fact_split(
            fact_id=fact.pk, claim_ids=data["claim_ids"], actor=request.user, note=data["note"],
            expected_version=versions[fact.pk]), status_code=status.HTTP_201_CREATED)

    @extend_schema(summary="Set (or with null, clear) the editor's preferred claim: the best figure over the rule",
                   parameters=[IF_MATCH], request=PreferSerializer, responses=FactDetailSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def prefer(self, request: Request, pk: str) -> Response:
        return self._act(request, PreferSerializer, lambda fact, data, versions: services.fact_prefer_claim(
            fact_id=fact.pk, claim_id=data["claim"], actor=request.user, note=data["note"],
            expected_version=versions[fact.pk]))

    @extend_schema(summary="Edit the subject, place or period (a period set here is fixed)", parameters=[IF_MATCH],
                   request=FactUpdateSerializer, responses=FactDetailSerializer)
    def partial_update(self, request: Request, pk: str) -> Response:
        return self._act(request, FactUpdateSerializer, lambda fact, data, versions: services.fact_update(
            fact_id=fact.pk, actor=request.user, note=data.pop("note"), values=data,
            expected_version=versions[fact.pk]))


# --- Exports -------------------------------------------------------------------

@extend_schema_view(list=extend_schema(
    summary="Reviewed claims as schema.org ClaimReview JSON-LD, streamed; filters as for /claims/",
    responses={(200, "application/ld+json"): OpenApiTypes.OBJECT}, filters=True))
class ClaimReviewExportViewSet(mixins.ListModelMixin, ApiViewSet):
    action_permissions = {"list": READ_CLAIMS}
    filterset_class = ReviewedClaimFilter
    search_fields = ["text", "speaker__name"]
    ordering_fields = ["reviewed_at", "id"]
    ordering = ["id"]
    pagination_class = None
    queryset = Claim.objects.none()

    def get_queryset(self) -> QuerySet:
        return reviewed_claims()

    def list(self, request: Request) -> StreamingHttpResponse:
        claims = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(claimreview_stream(claims), content_type="application/ld+json")
        response["Content-Disposition"] = 'inline; filename="claimreview.jsonld"'
        return response


@extend_schema_view(list=extend_schema(
    summary="Facts with their series as CSV, one row per claim, streamed; filters as for /facts/",
    responses={(200, "text/csv"): OpenApiTypes.STR}, filters=True))
class FactsCsvExportViewSet(mixins.ListModelMixin, ApiViewSet):
    action_permissions = {"list": READ_FACTS}
    filterset_class = FactFilter
    search_fields = ["party__name", "category__name", "group_text", "place__name"]
    ordering_fields = ["period_end", "id"]
    ordering = ["id"]
    pagination_class = None
    queryset = Fact.objects.none()

    def get_queryset(self) -> QuerySet:
        return fact_list().annotate(claim_total=Count("memberships"))

    def list(self, request: Request) -> StreamingHttpResponse:
        facts = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(facts_csv_stream(facts), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="facts.csv"'
        return response

