"""/api/v1/webhooks/…: endpoints (admin role), their deliveries and attempts, redelivery.

Thin: validate, call a service in claims.webhooks.services, serialize. The
signing secret is in the answer to creating an endpoint and to rotating its
secret, and nowhere else.
"""
from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims.api.fields import (StrictBooleanField, StrictCharField, StrictChoiceField, StrictDateTimeField,
                               StrictFloatField)
from claims.api.views import ApiViewSet
from claims.models import ClaimKind, Outcome

from . import event_types, services
from .models import Attempt, Delivery, Endpoint

MANAGE = ["webhooks.view_endpoint", "webhooks.change_endpoint"]


# --- Serializers -------------------------------------------------------------------

class EndpointSerializer(serializers.ModelSerializer):
    health = serializers.CharField(read_only=True, help_text="new, healthy, failing, paused or disabled")

    class Meta:
        model = Endpoint
        fields = ["id", "url", "description", "event_types", "filter_kinds", "filter_outcomes",
                  "filter_min_confidence", "filter_outlets", "is_active", "health", "last_success_at",
                  "last_failure_at", "failing_since", "failures_in_a_row", "disabled_at", "disabled_reason",
                  "previous_secret_expires_at", "created_at", "updated_at"]


class EndpointCreatedSerializer(EndpointSerializer):
    secret = serializers.CharField(read_only=True, help_text="The signing secret: shown in this answer only.")

    class Meta(EndpointSerializer.Meta):
        fields = [*EndpointSerializer.Meta.fields, "secret"]


class EndpointInputSerializer(serializers.Serializer):
    url = StrictCharField(max_length=2000)
    description = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    event_types = serializers.ListField(child=StrictChoiceField(choices=[]), min_length=1,
                                        help_text="See GET /api/v1/webhooks/endpoints/event-types/.")
    filter_kinds = serializers.ListField(child=StrictChoiceField(choices=ClaimKind.choices), required=False,
                                         default=list)
    filter_outcomes = serializers.ListField(child=StrictChoiceField(choices=Outcome.choices),
                                            required=False, default=list)
    filter_min_confidence = StrictFloatField(min_value=0, max_value=1, required=False, allow_null=True,
                                             default=None)
    filter_outlets = serializers.ListField(child=StrictCharField(max_length=200), required=False,
                                           default=list)
    is_active = StrictBooleanField(required=False, default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Other apps register event types when they load, so the choices are read per serializer.
        self.fields["event_types"].child.choices = event_types.names()


class EndpointChangeSerializer(EndpointInputSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.default = serializers.empty


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attempt
        fields = ["number", "started_at", "status_code", "latency_ms", "response_excerpt", "error", "outcome",
                  "next_attempt_at"]


class DeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.CharField(source="event.webhook_id", read_only=True)
    event_type = serializers.CharField(source="event.type", read_only=True)

    class Meta:
        model = Delivery
        fields = ["id", "endpoint", "webhook_id", "event_type", "status", "attempts", "next_attempt_at",
                  "last_attempt_at", "last_status_code", "last_error", "delivered_at", "created_at"]


class DeliveryDetailSerializer(DeliverySerializer):
    attempts_log = AttemptSerializer(source="attempt_log", many=True, read_only=True)
    payload = serializers.JSONField(source="event.body", read_only=True, help_text="The body sent, as JSON text.")

    class Meta(DeliverySerializer.Meta):
        fields = [*DeliverySerializer.Meta.fields, "payload", "attempts_log"]


class RedeliverSinceSerializer(serializers.Serializer):
    since = StrictDateTimeField(help_text="Failed deliveries created at or after this time are sent again.")


class EventTypeSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()


# --- Views ---------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Webhook endpoints with their health"),
    retrieve=extend_schema(summary="A webhook endpoint with its health"),
    destroy=extend_schema(summary="Delete an endpoint with its deliveries",
                          responses={204: OpenApiResponse(description="Deleted")}),
)
class EndpointViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {
        "list": ["webhooks.view_endpoint"], "retrieve": ["webhooks.view_endpoint"],
        "create": ["webhooks.add_endpoint"], "partial_update": MANAGE, "destroy": ["webhooks.delete_endpoint"],
        "rotate_secret": MANAGE, "send_test": MANAGE, "redeliver_failed": MANAGE,
        "deliveries": ["webhooks.view_delivery"], "event_types": ["webhooks.view_endpoint"],
    }
    serializer_class = EndpointSerializer
    filter_backends: list = []
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet:
        return Endpoint.objects.order_by("-id")

    @extend_schema(summary="Make an endpoint; its signing secret is in this answer only",
                   request=EndpointInputSerializer, responses={201: EndpointCreatedSerializer})
    def create(self, request: Request) -> Response:
        given = EndpointInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        endpoint, secret = services.endpoint_create(actor=request.user, **given.validated_data)
        endpoint.secret = secret
        return Response(EndpointCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED,
                        headers={"Location": reverse("api:webhook-endpoint-detail", kwargs={"pk": endpoint.pk},
                                                     request=request)})

    @extend_schema(summary="Change an endpoint; is_active=true re-enables it and sends what waited",
                   request=EndpointChangeSerializer, responses=EndpointSerializer)
    def partial_update(self, request: Request, pk: str) -> Response:
        endpoint = self.get_object()
        given = EndpointChangeSerializer(data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        endpoint = services.endpoint_update(endpoint_id=endpoint.pk, actor=request.user, **given.validated_data)
        return Response(EndpointSerializer(endpoint).data)

    def destroy(self, request: Request, pk: str) -> Response:
        services.endpoint_delete(endpoint_id=self.get_object().pk, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="A new signing secret (in this answer only); the old one signs beside it for 24 h",
                   request=None, responses=EndpointCreatedSerializer)
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request: Request, pk: str) -> Response:
        endpoint, secret = services.endpoint_rotate_secret(endpoint_id=self.get_object().pk, actor=request.user)
        endpoint.secret = secret
        return Response(EndpointCreatedSerializer(endpoint).data)

    @extend_schema(summary="Send a webhook.test event to this endpoint", request=None,
                   responses={202: DeliverySerializer})
    @action(detail=True, methods=["post"], url_path="test")
    def send_test(self, request: Request, pk: str) -> Response:
        event = services.endpoint_send_test(endpoint_id=self.get_object().pk, actor=request.user)
        delivery = Delivery.objects.select_related("event").get(event=event)
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": reverse("api:webhook-delivery-detail", kwargs={"pk": delivery.pk},
                                                     request=request)})

    @extend_schema(summary="Send again every failed delivery created since a time (same webhook-ids)",
                   request=RedeliverSinceSerializer,
                   responses={202: OpenApiResponse(description='{"redelivered": n}')})
    @action(detail=True, methods=["post"], url_path="redeliver-failed")
    def redeliver_failed(self, request: Request, pk: str) -> Response:
        given = RedeliverSinceSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        count = services.deliveries_redeliver_failed(endpoint_id=self.get_object().pk,
                                                     since=given.validated_data["since"], actor=request.user)
        return Response({"redelivered": count}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(summary="The endpoint's deliveries, newest first", responses=DeliverySerializer(many=True))
    @action(detail=True, methods=["get"])
    def deliveries(self, request: Request, pk: str) -> Response:
        deliveries = (Delivery.objects.filter(endpoint_id=self.get_object().pk).select_related("event")
                      .order_by("-id"))
        page = self.paginate_queryset(deliveries)
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(summary="The event types an endpoint may subscribe to", responses=EventTypeSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="event-types", pagination_class=None)
    def event_types(self, request: Request) -> Response:
        types = [{"name": t.name, "description": t.description} for t in event_types.subscribable()]
        return Response(EventTypeSerializer(types, many=True).data)


@extend_schema_view(retrieve=extend_schema(summary="A delivery with its payload and every attempt"))
class DeliveryViewSet(mixins.RetrieveModelMixin, ApiViewSet):
    action_permissions = {"retrieve": ["webhooks.view_delivery"], "redeliver": MANAGE}
    serializer_class = DeliveryDetailSerializer
    filter_backends: list = []

    def get_queryset(self) -> QuerySet:
        return Delivery.objects.select_related("event").prefetch_related("attempt_log")

    @extend_schema(summary="Send this delivery again, with the same webhook-id", request=None,
                   responses={202: DeliverySerializer})
    @action(detail=True, methods=["post"])
    def redeliver(self, request: Request, pk: str) -> Response:
        delivery = services.delivery_redeliver(delivery_id=self.get_object().pk, actor=request.user)
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": reverse("api:webhook-delivery-detail", kwargs={"pk": delivery.pk},
                                                     request=request)})
