"""The one place `fact.*` webhook events leave the facts app.

    fact.created    a fact was made (by grouping, or by an editor's split)
    fact.updated    its best figure changed
    fact.disputed   approved claims on it now conflict (the conflicting claims are named)

Called by the facts services inside their transaction, so an event is recorded
if and only if the change commits (the outbox of issue 8 delivers it).
"""
from __future__ import annotations

import logging

from .models import Fact
from .representation import fact_payload

logger = logging.getLogger(__name__)

FACT_CREATED = "fact.created"
FACT_UPDATED = "fact.updated"
FACT_DISPUTED = "fact.disputed"
FACT_EVENT_TYPES = (FACT_CREATED, FACT_UPDATED, FACT_DISPUTED)


def _outbox_record(*, type: str, data: dict) -> None:
    """Hand the event to the webhooks outbox when it is installed; until then, log it."""
    try:
        from claims.webhooks.services import event_record
    except ImportError:
        logger.debug("fact event %s for fact %s (no webhooks outbox installed)", type, data.get("id"))
        return
    event_record(type=type, data=data)


def fact_event_emit(*, type: str, fact: Fact) -> dict:
    """Record one fact event with the fact as the API shows it; returns the payload recorded."""
    if type not in FACT_EVENT_TYPES:
        raise ValueError(f"unknown fact event type {type!r}; expected one of {', '.join(FACT_EVENT_TYPES)}")
    data = fact_payload(fact)
    _outbox_record(type=type, data=data)
    return data
