"""Who may act on webhooks: the actor's Django permission, checked by every service that changes something."""
from __future__ import annotations

from factdesk.errors import ServiceError


def require(actor, permission: str, action: str) -> None:
    """Refuse (403) unless `actor` holds `permission`; None is the system itself (commands, tasks)."""
    if actor is not None and not actor.has_perm(permission):
        raise ServiceError(f"you may not {action}: it needs the {permission!r} permission",
                           status=403, title="Forbidden")
