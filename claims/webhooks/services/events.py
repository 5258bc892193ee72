"""Recording events: the outbox rows written inside the transaction of the change they report."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from claims import outbox, representation, selectors
from claims.webhooks import event_types, signing
from claims.webhooks.models import Delivery, Endpoint, Event

OUTBOX_NAME = "webhooks"

# The filter attributes an event may carry, and how an endpoint's filter judges each.
FILTERS = {
    "kind": lambda endpoint, value: not endpoint.filter_kinds or value in endpoint.filter_kinds,
    "outcome": lambda endpoint, value: not endpoint.filter_outcomes or value in endpoint.filter_outcomes,
    "confidence": lambda endpoint, value: endpoint.filter_min_confidence is None
    or (value is not None and value >= endpoint.filter_min_confidence),
    "outlet": lambda endpoint, value: not endpoint.filter_outlets or value in endpoint.filter_outlets,
}


def event_record(*, type: str, data: Mapping[str, Any], attributes: Mapping[str, Any] | None = None,
                 endpoint_id: int | None = None) -> Event:
    """Record one event of `type` and its deliveries, inside the caller's transaction.

    Call it from a service, inside the transaction of the change the event
    reports (it refuses to run outside one): the event then exists if and only
    if the change committed, and its deliveries are handed to the broker after
    the commit (or by the dispatcher, if the broker is down).

    type        a name from claims.webhooks.event_types (register new ones there)
    data        the event's `data`: JSON-serialisable, written as is
    attributes  what endpoint filters look at, any of: kind, outcome,
                confidence, outlet. A filter on an attribute the event does not
                carry lets it pass.
    endpoint_id only for addressed types (webhook.test): the one endpoint to send to

    Every endpoint subscribed to `type` whose filters pass gets one delivery,
    paused ones included (their deliveries wait). The stable signature of this
    function is what other apps (fact tracking) rely on.
    """
    return events_record(type=type, items=[(data, attributes)], endpoint_id=endpoint_id)[0]


def events_record(*, type: str, items: Iterable[tuple[Mapping[str, Any], Mapping[str, Any] | None]],
                  endpoint_id: int | None = None) -> list[Event]:
    """event_record() for many events of one type at once: one query for the endpoints, bulk inserts."""
    kind = event_types.get(type)
    if kind is None:
        raise ValueError(f"unknown event type {type!r}; known: {', '.join(sorted(event_types.names()))}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("events are recorded inside the transaction of the change they report")
    now = timezone.now()
    events = [
        Event(webhook_id=signing.webhook_id_generate(), type=type, body=_body(type, now, data),
              attributes=dict(attributes or {}), created_at=now)
        for data, attributes in items
    ]
    if not events:
        return []
    Event.objects.bulk_create(events)
    if kind.addressed:
        endpoints = list(Endpoint.objects.filter(pk=endpoint_id))
    else:
        endpoints = [endpoint for endpoint in Endpoint.objects.all() if type in endpoint.event_types]
    deliveries = [
        Delivery(event=event, endpoint=endpoint, next_attempt_at=now, dispatch_at=now, created_at=now)
        for event in events for endpoint in endpoints if passes(endpoint, event.attributes)
    ]
    if deliveries:
        Delivery.objects.bulk_create(deliveries)
        active = {endpoint.pk for endpoint in endpoints if endpoint.is_active}
        outbox.send_on_commit(OUTBOX_NAME, [d.pk for d in deliveries if d.endpoint_id in active])
    return events


def passes(endpoint: Endpoint, attributes: Mapping[str, Any]) -> bool:
    """Whether an event with these filter attributes is for this endpoint."""
    return all(judge(endpoint, attributes[name]) for name, judge in FILTERS.items() if name in attributes)


def _body(type: str, when: datetime, data: Mapping[str, Any]) -> str:
    payload = {"type": type, "timestamp": _iso(when), "data": data}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _iso(when: datetime) -> str:
    return when.astimezone(timezone.get_fixed_timezone(0)).isoformat().replace("+00:00", "Z")


# --- Claims' events --------------------------------------------------------------

def claim_events_record(*, type: str, claim_ids: list[int],
                        extra: Mapping[int, Mapping[str, Any]] | None = None) -> list[Event]:
    """One event of `type` per claim, its data the claim as the API represents it, plus links.

    Read inside the caller's transaction, so the data is the claim as the change
    left it (with its new `version`). `extra` adds keys to a claim's data, by claim id.
    """
    if not claim_ids:
        return []
    write_datetime = representation.datetime_writer(timezone.get_default_timezone())
    rows = {row["id"]: row for row in selectors.claim_list_rows().filter(pk__in=claim_ids)}
    items = []
    for claim_id in claim_ids:
        row = rows[claim_id]
        data = representation.claim_from_row(row, write_datetime=write_datetime)
        data["links"] = claim_links(claim_id, row["document_id"])
        if extra and claim_id in extra:
            data.update(extra[claim_id])
        attributes = {"kind": row["kind"], "outcome": row["outcome"], "confidence": row["confidence"],
                      "outlet": row["document__outlet__name"]}
        items.append((data, attributes))
    return events_record(type=type, items=items)


def claim_links(claim_id: int, document_id: int) -> dict[str, str]:
    # The API's paths (claims/api/urls.py), written out: services do not import the API.
    base = f"{settings.FACTDESK_PUBLIC_URL}/api/v1"
    return {
        "self": f"{base}/claims/{claim_id}/",
        "history": f"{base}/claims/{claim_id}/history/",
        "document": f"{base}/documents/{document_id}/",
    }


def document_extracted_record(*, job, document, claim_ids: list[int]) -> Event:
    """The document.extracted event of a finished job, after its claims' events."""
    write_datetime = representation.datetime_writer(timezone.get_default_timezone())
    base = f"{settings.FACTDESK_PUBLIC_URL}/api/v1"
    outlet = document.outlet.name if document.outlet_id else None
    data = {
        "document": {"id": document.pk, "title": document.title, "url": document.url, "outlet": outlet,
                     "published_at": write_datetime(document.published_at) if document.published_at else None},
        "job": {"id": job.pk, "status": job.status, "claims_found": job.claims_found,
                "claims_created": job.claims_created, "extractor_version": job.extractor_version,
                "finished_at": write_datetime(job.finished_at) if job.finished_at else None},
        "new_claims": list(claim_ids),
        "links": {"document": f"{base}/documents/{document.pk}/", "job": f"{base}/jobs/{job.pk}/",
                  "claims": f"{base}/claims/?document={document.pk}"},
    }
    return event_record(type="document.extracted", data=data, attributes={"outlet": outlet})
