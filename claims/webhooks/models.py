"""Webhook endpoints, the events they subscribe to, and every delivery and attempt.

    Endpoint   a subscriber: URL, event types, filters, signing secret(s), health
    Event      the outbox row, written in the transaction of the change it reports
    Delivery   one event to one endpoint: pending until it succeeds or fails for good
    Attempt    one POST of a delivery, logged whatever happened
"""
from __future__ import annotations

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone

from claims.outbox import Dispatchable


class Endpoint(models.Model):
    """A receiver of signed events. Its secret is shown once, at creation or rotation."""

    url = models.URLField(max_length=2000, help_text="Where events are POSTed; http(s), no credentials.")
    description = models.CharField(max_length=300, blank=True)
    event_types = models.JSONField(default=list, help_text="The event types it receives.")
    # Filters; empty: any. An event that does not carry an attribute passes its filter.
    filter_kinds = models.JSONField(default=list, blank=True, help_text="Claim kinds, e.g. casualty.")
    filter_outcomes = models.JSONField(default=list, blank=True, help_text="Casualty outcomes, e.g. killed.")
    filter_min_confidence = models.FloatField(null=True, blank=True, help_text="Lowest claim confidence, 0–1.")
    filter_outlets = models.JSONField(default=list, blank=True, help_text="Outlet names, exactly as stored.")
    is_active = models.BooleanField(
        default=True, help_text="Paused or disabled endpoints keep their deliveries waiting until re-enabled.")
    secret = models.CharField(max_length=120, editable=False)
    previous_secret = models.CharField(max_length=120, blank=True, editable=False)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Health
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_failure_at = models.DateTimeField(null=True, blank=True, editable=False)
    failing_since = models.DateTimeField(null=True, blank=True, editable=False,
                                         help_text="First failed attempt since the last success.")
    failures_in_a_row = models.PositiveIntegerField(default=0, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=500, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(filter_min_confidence__isnull=True)
                | (Q(filter_min_confidence__gte=0) & Q(filter_min_confidence__lte=1)),
                name="webhook_endpoint_min_confidence_0_1",
            ),
            models.CheckConstraint(condition=Q(secret__startswith="whsec_"), name="webhook_endpoint_secret_format"),
            models.CheckConstraint(condition=~Q(is_active=True, disabled_at__isnull=False),
                                   name="webhook_endpoint_disabled_is_inactive"),
        ]

    def __str__(self) -> str:
        return self.description or self.url

    @property
    def health(self) -> str:
        if self.disabled_at:
            return "disabled"
        if not self.is_active:
            return "paused"
        if self.failures_in_a_row:
            return "failing"
        return "healthy" if self.last_success_at else "new"


class Event(models.Model):
    """Something that happened, as sent: the exact body, with its stable webhook-id.

    Written only inside the transaction of the change it reports
    (claims.webhooks.services.event_record), so it exists if and only if the
    change committed.
    """

    webhook_id = models.CharField(max_length=64, unique=True, editable=False,
                                  help_text="The webhook-id header: the same on every attempt and redelivery.")
    type = models.CharField(max_length=100)
    body = models.TextField(help_text='The JSON sent: {"type", "timestamp", "data"}.')
    attributes = models.JSONField(default=dict, blank=True, help_text="What endpoint filters look at.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The admin's and the API's event lists filtered by type, newest first.
            models.Index(fields=["type", "-created_at"], name="webhook_event_type_created"),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.webhook_id}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class DeliveryQuerySet(models.QuerySet):
    def pending(self) -> DeliveryQuerySet:
        return self.filter(status=DeliveryStatus.PENDING)

    def failed(self) -> DeliveryQuerySet:
        return self.filter(status=DeliveryStatus.FAILED)

    def in_flight(self, *, endpoint_id: int, now, slow_since) -> tuple[int, int]:
        """(attempts running now, of which started before `slow_since`) for one endpoint.

        Run for every attempt (claims.webhooks.services.delivery), so written
        once as SQL rather than compiled by the ORM each time; it reads the
        webhook_delivery_in_flight index.
        """
        table = connection.ops.quote_name(Delivery._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*), COALESCE(SUM(CASE WHEN last_attempt_at < %s THEN 1 ELSE 0 END), 0) FROM {table} "
                "WHERE endpoint_id = %s AND locked_until IS NOT NULL AND locked_until > %s",
                [connection.ops.adapt_datetimefield_value(slow_since), endpoint_id,
                 connection.ops.adapt_datetimefield_value(now)],
            )
            in_flight, slow = cursor.fetchone()
        return int(in_flight), int(slow)


class Delivery(Dispatchable):
    """One event to one endpoint, until it succeeds or fails for good.

    `next_attempt_at` is when the next attempt may start (the retry schedule);
    `locked_until` is set while a worker attempts it, so two workers never
    deliver it at once, and expires by itself if that worker dies.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0, help_text="Every attempt, redeliveries included.")
    round_attempts = models.PositiveIntegerField(
        default=0, help_text="Attempts since it was created or redelivered: its place in the retry schedule.")
    next_attempt_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["event", "endpoint"], name="webhook_delivery_once_per_endpoint"),
            models.CheckConstraint(condition=Q(status__in=DeliveryStatus.values), name="webhook_delivery_status_valid"),
            models.CheckConstraint(condition=~Q(status="succeeded") | Q(delivered_at__isnull=False),
                                   name="webhook_delivery_succeeded_has_time"),
        ]
        indexes = [
            # The dispatcher: pending deliveries whose time to be handed to the broker has come.
            models.Index(fields=["dispatch_at"], condition=Q(status="pending"), name="webhook_delivery_due"),
            # An endpoint's deliveries, newest first (admin, API) and its failed ones since a time (redelivery).
            models.Index(fields=["endpoint", "status", "-created_at"], name="webhook_delivery_endpoint"),
            # Attempts in flight per endpoint (the slow-endpoint cap); only rows being attempted carry a lock.
            models.Index(fields=["endpoint", "locked_until"], condition=Q(locked_until__isnull=False),
                         name="webhook_delivery_in_flight"),
        ]

    def __str__(self) -> str:
        return f"{self.event.type} → {self.endpoint} ({self.status})"


class Attempt(models.Model):
    """One POST of a delivery: when, what came back, how long it took, what went wrong."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    response_excerpt = models.TextField(blank=True)
    error = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, help_text="succeeded, retry, failed or endpoint disabled.")
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="webhook_attempt_number_unique"),
        ]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}: {self.outcome}"
