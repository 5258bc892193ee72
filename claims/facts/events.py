"""The one place `fact.*` webhook events leave the facts app.

    fact.created    a fact was made (by grouping, or by an editor's split)
    fact.updated    its best figure changed
    fact.disputed   approved claims on it now conflict (the conflicting claims are named)

Called by the facts services inside their transaction, so an event is recorded
if and only if the change commits; the webhooks outbox (claims.webhooks)
delivers it like any claim event, with the fact as the API shows it as `data`.
"""
from __future__ import annotations

from claims.webhooks import event_types

from .models import Fact
from .representation import fact_payload

FACT_CREATED = "fact.created"
FACT_UPDATED = "fact.updated"
FACT_DISPUTED = "fact.disputed"
FACT_EVENT_TYPES = (FACT_CREATED, FACT_UPDATED, FACT_DISPUTED)
FACT_EVENT_DESCRIPTIONS = {
    FACT_CREATED: "A fact was made: by grouping a new claim, or by an editor's split.",
    FACT_UPDATED: "A fact's best figure changed (a review, a correction, an editor's preferred claim, a move).",
    FACT_DISPUTED: "Approved claims on a fact now conflict; `conflicts` names them and says why.",
}


def _outbox_record(*, type: str, data: dict, attributes: dict) -> None:
    """Hand the event to the webhooks outbox (claims.webhooks), inside the caller's transaction."""
    from claims.webhooks.services import event_record  # the services load when an event is first recorded

    event_record(type=type, data=data, attributes=attributes)


def register_types() -> None:
    """Add the fact events to the webhooks' vocabulary (from FactsConfig.ready): endpoints may subscribe."""
    for name, description in FACT_EVENT_DESCRIPTIONS.items():
        event_types.register(name, description)


def fact_event_emit(*, type: str, fact: Fact) -> dict:
    """Record one fact event with the fact as the API shows it; returns the payload recorded."""
    if type not in FACT_EVENT_TYPES:
        raise ValueError(f"unknown fact event type {type!r}; expected one of {', '.join(FACT_EVENT_TYPES)}")
    data = fact_payload(fact)
    # Endpoint filters on kind and outcome apply to facts as to claims.
    _outbox_record(type=type, data=data, attributes={"kind": fact.kind, "outcome": fact.outcome or None})
    return data
