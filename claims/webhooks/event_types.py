"""The event types FactDesk sends, as data: a type joins by being listed here
(or registered from another app's AppConfig.ready()); no delivery code changes.

Each type names what happened and which filter attributes its events carry
(claims.webhooks.services.events: kind, outcome, confidence, outlet); an
endpoint's filter on an attribute an event does not carry lets the event pass.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    description: str
    # Sent only to the endpoint it is addressed to, never fanned out to subscribers.
    addressed: bool = False


_TYPES: dict[str, EventType] = {}


def register(name: str, description: str, *, addressed: bool = False) -> EventType:
    """Add an event type (idempotent for the same name and description)."""
    known = _TYPES.get(name)
    event_type = EventType(name, description, addressed)
    if known is not None and known != event_type:
        raise ValueError(f"event type {name!r} is already registered differently")
    _TYPES[name] = event_type
    return event_type


def get(name: str) -> EventType | None:
    return _TYPES.get(name)


def subscribable() -> list[EventType]:
    """The types an endpoint may subscribe to, in a stable order."""
    return sorted((t for t in _TYPES.values() if not t.addressed), key=lambda t: t.name)


def names() -> list[str]:
    return [t.name for t in subscribable()]


register("claim.created", "A claim was extracted from a document: one event per new claim.")
register("claim.reviewed", "A claim was approved, rejected, disputed or reopened.")
register("claim.updated", "A claim's values were corrected by an editor.")
register("document.extracted", "An extraction job finished: once per job, after its claims' events.")
register("webhook.test", "Sent by “send test event” to the one endpoint it was asked for.", addressed=True)
