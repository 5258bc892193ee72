"""Webhooks' business actions; admin, API, commands and tasks call these.

    events.py     event_record / events_record (the outbox rows), claims' and documents' events
    endpoints.py  endpoint_create / update / rotate_secret / send_test / delete, the URL guard
    delivery.py   delivery_attempt, the retry schedule, redelivery, endpoint health
"""
from .delivery import deliveries_redeliver_failed, delivery_attempt, delivery_redeliver, retry_delay
from .endpoints import (
    endpoint_create,
    endpoint_delete,
    endpoint_rotate_secret,
    endpoint_send_test,
    endpoint_update,
    endpoint_url_check,
)
from .events import claim_events_record, document_extracted_record, event_record, events_record

__all__ = [
    "claim_events_record",
    "deliveries_redeliver_failed",
    "delivery_attempt",
    "delivery_redeliver",
    "document_extracted_record",
    "endpoint_create",
    "endpoint_delete",
    "endpoint_rotate_secret",
    "endpoint_send_test",
    "endpoint_update",
    "endpoint_url_check",
    "event_record",
    "events_record",
    "retry_delay",
]
