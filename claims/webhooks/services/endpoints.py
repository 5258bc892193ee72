"""Managing endpoints: create, change, pause and enable, rotate the secret, send a test event, delete."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from claims import outbox
from claims.models import ClaimKind, Outcome
from claims.webhooks import event_types, signing
from claims.webhooks.models import Delivery, DeliveryStatus, Endpoint, Event
from factdesk.errors import ServiceError

from .delivery import allowed_networks
from .events import OUTBOX_NAME, event_record
from .permissions import require

logger = logging.getLogger(__name__)

EDITABLE = ("url", "description", "event_types", "filter_kinds", "filter_outcomes", "filter_min_confidence",
            "filter_outlets", "is_active")


def _locked(endpoint_id: int) -> Endpoint:
    endpoint = Endpoint.objects.select_for_update().filter(pk=endpoint_id).first()
    if endpoint is None:
        raise ServiceError(f"webhook endpoint {endpoint_id} does not exist", status=404, title="Not found")
    return endpoint


def endpoint_url_check(url: str) -> None:
    """Refuse a URL FactDesk must not POST to: not http(s), credentials, or a non-public address.

    The same guard runs again at every delivery, because DNS answers change.
    """
    max_length = Endpoint._meta.get_field("url").max_length
    if len(url) > max_length:
        raise ServiceError(f"the URL is longer than {max_length} characters", field_errors={"url": ["too long"]})
    from factdesk import outbound  # the HTTP client loads where it is used, not at every start-up

    try:
        outbound.check_url(url, allowed_networks=allowed_networks())
    except outbound.OutboundError as error:
        raise ServiceError(f"endpoint URL refused: {error.detail}", field_errors={"url": [error.detail]},
                           permanent=error.permanent) from error


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    if "event_types" in values:
        chosen = list(dict.fromkeys(values["event_types"] or []))
        unknown = [name for name in chosen if name not in event_types.names()]
        if not chosen:
            errors["event_types"] = [f"choose at least one of {', '.join(event_types.names())}"]
        elif unknown:
            errors["event_types"] = [f"unknown: {', '.join(unknown)}; known: {', '.join(event_types.names())}"]
        values["event_types"] = chosen
    for field, allowed in (("filter_kinds", ClaimKind.values), ("filter_outcomes", Outcome.values)):
        if field in values:
            chosen = list(dict.fromkeys(values[field] or []))
            unknown = [value for value in chosen if value not in allowed]
            if unknown:
                errors[field] = [f"unknown: {', '.join(map(str, unknown))}; known: {', '.join(allowed)}"]
            values[field] = chosen
    if "filter_outlets" in values:
        values["filter_outlets"] = [" ".join(str(name).split()) for name in values["filter_outlets"] or []
                                    if str(name).strip()]
    confidence = values.get("filter_min_confidence")
    if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
        errors["filter_min_confidence"] = ["must be a number from 0 to 1"]
    if errors:
        raise ServiceError("the endpoint is not valid", field_errors=errors)
    if "url" in values:
        values["url"] = values["url"].strip()
        endpoint_url_check(values["url"])
    return values


def endpoint_create(*, url: str, event_types: Iterable[str], actor, description: str = "",
                    filter_kinds: Iterable[str] = (), filter_outcomes: Iterable[str] = (),
                    filter_min_confidence: float | None = None, filter_outlets: Iterable[str] = (),
                    is_active: bool = True) -> tuple[Endpoint, str]:
    """Make an endpoint; returns it with its signing secret, which is never shown again."""
    require(actor, "webhooks.add_endpoint", "create webhook endpoints")
    values = _validated({
        "url": url, "event_types": list(event_types), "filter_kinds": list(filter_kinds),
        "filter_outcomes": list(filter_outcomes), "filter_min_confidence": filter_min_confidence,
        "filter_outlets": list(filter_outlets),
    })
    secret = signing.secret_generate()
    with transaction.atomic():
        endpoint = Endpoint.objects.create(**values, description=description[:300], is_active=is_active,
                                           secret=secret, created_by=actor)
    logger.info("webhook endpoint %s created for %s by %s", endpoint.pk, endpoint.url, actor or "system")
    return endpoint, secret


def endpoint_update(*, endpoint_id: int, actor, **changes: Any) -> Endpoint:
    """Change an endpoint's URL, types, filters, description or active flag.

    Enabling a paused or disabled endpoint clears the disabled reason and sends
    the deliveries that waited for it.
    """
    require(actor, "webhooks.change_endpoint", "change webhook endpoints")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ServiceError(f"these cannot be changed: {', '.join(unknown)}",
                           field_errors={name: ["not editable"] for name in unknown})
    values = _validated(dict(changes))
    with transaction.atomic():
        endpoint = _locked(endpoint_id)
        enabling = values.get("is_active") is True and not endpoint.is_active
        for field, value in values.items():
            setattr(endpoint, field, value)
        if enabling:
            endpoint.disabled_at, endpoint.disabled_reason = None, ""
            endpoint.failures_in_a_row, endpoint.failing_since = 0, None
        endpoint.save()
        if enabling:
            now = timezone.now()
            waiting = Delivery.objects.filter(endpoint=endpoint, status=DeliveryStatus.PENDING)
            waiting.filter(next_attempt_at__lt=now).update(next_attempt_at=now, dispatch_at=now, locked_until=None)
            outbox.send_on_commit(OUTBOX_NAME, waiting.filter(next_attempt_at__lte=now).values_list("pk", flat=True))
    logger.info("webhook endpoint %s changed by %s: %s", endpoint.pk, actor or "system", ", ".join(values))
    return endpoint


def endpoint_rotate_secret(*, endpoint_id: int, actor) -> tuple[Endpoint, str]:
    """A new signing secret; the old one keeps signing beside it for the overlap (24 h by default)."""
    require(actor, "webhooks.change_endpoint", "rotate the secret of webhook endpoints")
    secret = signing.secret_generate()
    with transaction.atomic():
        endpoint = _locked(endpoint_id)
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_expires_at = timezone.now() + timedelta(
            hours=settings.FACTDESK_WEBHOOK_SECRET_OVERLAP_HOURS)
        endpoint.secret = secret
        endpoint.save(update_fields=["secret", "previous_secret", "previous_secret_expires_at", "updated_at"])
    logger.info("webhook endpoint %s: secret rotated by %s", endpoint.pk, actor or "system")
    return endpoint, secret


def endpoint_send_test(*, endpoint_id: int, actor) -> Event:
    """Send a webhook.test event to this endpoint only (it waits if the endpoint is paused)."""
    require(actor, "webhooks.change_endpoint", "test webhook endpoints")
    with transaction.atomic():
        endpoint = _locked(endpoint_id)
        event = event_record(type="webhook.test", endpoint_id=endpoint.pk, data={
            "endpoint": {"id": endpoint.pk, "url": endpoint.url},
            "message": "A test event from FactDesk: your endpoint received and can verify it.",
            "requested_by": getattr(actor, "username", None),
        })
    return event


def endpoint_delete(*, endpoint_id: int, actor) -> None:
    """Delete an endpoint with its deliveries and their attempts (the events stay)."""
    require(actor, "webhooks.delete_endpoint", "delete webhook endpoints")
    with transaction.atomic():
        endpoint = _locked(endpoint_id)
        endpoint.delete()
    logger.info("webhook endpoint %s deleted by %s", endpoint_id, actor or "system")
