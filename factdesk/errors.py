"""The one exception type for business errors.

A service raises ServiceError when an action cannot be done; it carries the
HTTP status the API answers with and whether trying again could ever help, so
tasks never retry what cannot succeed and the API maps it in one place.
"""
from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    status = 400
    title = "Request cannot be carried out"
    permanent = True

    def __init__(self, detail: str, *, status: int | None = None, title: str | None = None,
                 permanent: bool | None = None, **extra: Any):
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if title is not None:
            self.title = title
        if permanent is not None:
            self.permanent = permanent
        self.extra = extra

    def __str__(self) -> str:
        return self.detail


class NotAllowed(ServiceError):
    """A review transition the state machine does not allow from the claim's status."""

    status = 409
    title = "Transition not allowed"


class VersionConflict(ServiceError):
    """The claim changed since the caller read it (optimistic lock)."""

    status = 412
    title = "Claim changed since it was read"


class IngestError(ServiceError):
    """An input that cannot become a document: named, with whether trying again could help."""

    title = "Document cannot be ingested"
