"""Webhooks in the admin: endpoints with their health, every delivery and attempt, and the actions
(send a test event, rotate the secret, pause/enable, redeliver one or every failed one since a time).

Every change goes through claims.webhooks.services, as the API's do; the
signing secret is shown once, in a message, when it is made.
"""
from __future__ import annotations

import json
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from claims.models import ClaimKind, Outcome
from factdesk.errors import ServiceError

from . import event_types, services
from .models import Attempt, Delivery, Endpoint

HEALTH_COLOURS = {"healthy": "#1a7f37", "new": "#57606a", "failing": "#bf8700", "paused": "#57606a",
                  "disabled": "#cf222e"}


class EndpointForm(forms.ModelForm):
    event_types = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=())
    filter_kinds = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=ClaimKind.choices,
                                             required=False, help_text="None ticked: every kind.")
    filter_outcomes = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=Outcome.choices,
                                                required=False, help_text="None ticked: every outcome.")
    filter_outlets = forms.CharField(required=False, help_text="Outlet names, one per line; empty: every outlet.",
                                     widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = Endpoint
        fields = ["url", "description", "event_types", "filter_kinds", "filter_outcomes", "filter_min_confidence",
                  "filter_outlets", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_types"].choices = [(t.name, f"{t.name} — {t.description}")
                                              for t in event_types.subscribable()]
        if self.instance.pk:
            self.initial["filter_outlets"] = "\n".join(self.instance.filter_outlets)

    def clean_filter_outlets(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["filter_outlets"].splitlines() if line.strip()]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        try:
            services.endpoint_url_check(url)
        except ServiceError as error:
            raise forms.ValidationError(error.detail) from error
        return url


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = ("number", "started_at", "status_code", "latency_ms", "outcome", "error", "response_excerpt",
              "next_attempt_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ("delivery_link", "event_type", "status", "attempts", "last_status_code", "last_error",
              "next_attempt_at", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    show_change_link = False
    verbose_name_plural = "latest deliveries"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("event")

    @admin.display(description="delivery")
    def delivery_link(self, delivery: Delivery) -> str:
        return format_html('<a href="{}">#{}</a>', reverse("admin:webhooks_delivery_change", args=[delivery.pk]),
                           delivery.pk)

    @admin.display(description="event")
    def event_type(self, delivery: Delivery) -> str:
        return delivery.event.type


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ("name", "health_badge", "last_success_at", "failures_in_a_row", "disabled_reason",
                    "subscribed_to")
    list_filter = ("is_active",)
    search_fields = ("url", "description")
    readonly_fields = ("health_badge", "last_success_at", "last_failure_at", "failing_since", "failures_in_a_row",
                       "disabled_at", "disabled_reason", "previous_secret_expires_at", "created_by", "created_at")
    actions = ["send_test_event", "rotate_secret", "pause", "enable"]
    inlines = [DeliveryInline]
    change_form_template = "admin/webhooks/endpoint/change_form.html"

    def get_fieldsets(self, request: HttpRequest, obj: Endpoint | None = None):
        main = (None, {"fields": ["url", "description", "event_types", "is_active"]})
        filters = ("Filters (an event passes a filter on something it does not carry)", {
            "fields": ["filter_kinds", "filter_outcomes", "filter_min_confidence", "filter_outlets"]})
        if obj is None:
            return [main, filters]
        return [main, filters, ("Health", {"fields": list(self.readonly_fields)})]

    def get_inline_instances(self, request: HttpRequest, obj: Endpoint | None = None):
        return super().get_inline_instances(request, obj) if obj is not None else []

    @admin.display(description="endpoint", ordering="description")
    def name(self, endpoint: Endpoint) -> str:
        return format_html("{}<br><small>{}</small>", endpoint.description or "—", endpoint.url)

    @admin.display(description="health")
    def health_badge(self, endpoint: Endpoint) -> str:
        return format_html('<strong style="color:{}">{}</strong>', HEALTH_COLOURS[endpoint.health], endpoint.health)

    @admin.display(description="event types")
    def subscribed_to(self, endpoint: Endpoint) -> str:
        return ", ".join(endpoint.event_types)

    def save_model(self, request: HttpRequest, obj: Endpoint, form, change: bool) -> None:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if change:
            services.endpoint_update(endpoint_id=obj.pk, actor=request.user, **values)
            obj.refresh_from_db()
            return
        endpoint, secret = services.endpoint_create(actor=request.user, **values)
        obj.pk = endpoint.pk
        obj.refresh_from_db()
        messages.warning(request, f"The endpoint's signing secret, shown this once — copy it now: {secret}")

    def delete_model(self, request: HttpRequest, obj: Endpoint) -> None:
        services.endpoint_delete(endpoint_id=obj.pk, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            services.endpoint_delete(endpoint_id=endpoint.pk, actor=request.user)

    @admin.action(description="Send a test event (webhook.test)", permissions=["change"])
    def send_test_event(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            services.endpoint_send_test(endpoint_id=endpoint.pk, actor=request.user)
        messages.success(request, f"Test event sent to {queryset.count()} endpoint(s); see their deliveries.")

    @admin.action(description="Rotate the signing secret (the old one signs beside it for 24 h)",
                  permissions=["change"])
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            _, secret = services.endpoint_rotate_secret(endpoint_id=endpoint.pk, actor=request.user)
            messages.warning(request, f"New signing secret of {endpoint}, shown this once — copy it now: {secret}")

    @admin.action(description="Pause (deliveries wait)", permissions=["change"])
    def pause(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            services.endpoint_update(endpoint_id=endpoint.pk, actor=request.user, is_active=False)
        messages.success(request, f"{queryset.count()} endpoint(s) paused; their deliveries wait.")

    @admin.action(description="Enable (send what waited)", permissions=["change"])
    def enable(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            services.endpoint_update(endpoint_id=endpoint.pk, actor=request.user, is_active=True)
        messages.success(request, f"{queryset.count()} endpoint(s) enabled.")

    def get_urls(self):
        return [
            path("<int:endpoint_id>/redeliver-failed/", self.admin_site.admin_view(self.redeliver_failed_view),
                 name="webhooks_endpoint_redeliver_failed"),
            *super().get_urls(),
        ]

    def redeliver_failed_view(self, request: HttpRequest, endpoint_id: int):
        endpoint = get_object_or_404(Endpoint, pk=endpoint_id)
        if not self.has_change_permission(request, endpoint):
            return HttpResponseRedirect(reverse("admin:index"))
        form = RedeliverSinceForm(request.POST or None,
                                  initial={"since": timezone.now() - timedelta(days=1)})
        if request.method == "POST" and form.is_valid():
            count = services.deliveries_redeliver_failed(endpoint_id=endpoint.pk, since=form.cleaned_data["since"],
                                                         actor=request.user)
            messages.success(request, f"{count} failed deliveries sent again (same webhook-ids).")
            return HttpResponseRedirect(reverse("admin:webhooks_endpoint_change", args=[endpoint.pk]))
        context = {**self.admin_site.each_context(request), "title": f"Redeliver failed deliveries of {endpoint}",
                   "endpoint": endpoint, "form": form, "opts": self.model._meta,
                   "failed": Delivery.objects.failed().filter(endpoint=endpoint).count()}
        return TemplateResponse(request, "admin/webhooks/endpoint/redeliver_failed.html", context)


class RedeliverSinceForm(forms.Form):
    since = forms.DateTimeField(help_text="Failed deliveries created at or after this time (UTC) are sent again.",
                                widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                           format="%Y-%m-%dT%H:%M"))


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("id", "event_type", "endpoint", "status", "attempts", "last_status_code", "last_error_short",
                    "next_attempt_at", "created_at")
    list_filter = ("status", "event__type", "endpoint")
    list_select_related = ("event", "endpoint")
    search_fields = ("event__webhook_id",)
    fields = ("endpoint", "event_type", "webhook_id", "status", "attempts", "next_attempt_at", "last_attempt_at",
              "last_status_code", "last_error", "delivered_at", "created_at", "payload")
    readonly_fields = fields
    inlines = [AttemptInline]
    actions = ["redeliver"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # read-only; actions below need the endpoint's change permission

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_redeliver_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("webhooks.change_endpoint")

    @admin.display(description="event")
    def event_type(self, delivery: Delivery) -> str:
        return delivery.event.type

    @admin.display(description="webhook-id")
    def webhook_id(self, delivery: Delivery) -> str:
        return delivery.event.webhook_id

    @admin.display(description="last error")
    def last_error_short(self, delivery: Delivery) -> str:
        return delivery.last_error[:80]

    @admin.display(description="body sent")
    def payload(self, delivery: Delivery) -> str:
        return format_html('<pre style="white-space:pre-wrap;max-width:60em">{}</pre>',
                           json.dumps(json.loads(delivery.event.body), indent=2, ensure_ascii=False))

    @admin.action(description="Redeliver (same webhook-id)", permissions=["redeliver"])
    def redeliver(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        for delivery in queryset:
            services.delivery_redeliver(delivery_id=delivery.pk, actor=request.user)
        messages.success(request, f"{queryset.count()} deliveries sent again.")
