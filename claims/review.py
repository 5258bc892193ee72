"""The review state machine, in one place.

A claim is pending, approved, rejected or disputed. Each action names the
statuses it may start from, the status it leads to, and the permission it
needs. Services consult this table; nothing else decides a transition.

    pending  ──approve──▶ approved      approved/rejected/disputed ──reopen──▶ pending
    pending  ──reject───▶ rejected      pending/disputed/approved ──correct──▶ (unchanged)
    pending  ──dispute──▶ disputed
    disputed ──approve/reject──▶ approved/rejected
"""
from __future__ import annotations

from dataclasses import dataclass

from factdesk.errors import ServiceError

from .models import ClaimStatus, ReviewAction

PENDING, APPROVED, REJECTED, DISPUTED = (
    ClaimStatus.PENDING, ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.DISPUTED,
)


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str | None  # None: the status stays as it is (a correction)
    permission: str
    note_required: bool = False

    def target_from(self, status: str) -> str:
        return self.target or status

    def check_note(self, note: str) -> None:
        """Refuse a missing note where this action needs one: the one place that rule is decided."""
        if self.note_required and not note.strip():
            raise ServiceError(f"to {self.action} a claim, say why: a note is required",
                               field_errors={"note": ["required"]})


TRANSITIONS: dict[str, Transition] = {
    ReviewAction.APPROVE: Transition(ReviewAction.APPROVE, frozenset({PENDING, DISPUTED}), APPROVED,
                                     "claims.review_claim"),
    ReviewAction.REJECT: Transition(ReviewAction.REJECT, frozenset({PENDING, DISPUTED}), REJECTED,
                                    "claims.review_claim", note_required=True),
    ReviewAction.DISPUTE: Transition(ReviewAction.DISPUTE, frozenset({PENDING, APPROVED}), DISPUTED,
                                     "claims.review_claim", note_required=True),
    ReviewAction.REOPEN: Transition(ReviewAction.REOPEN, frozenset({APPROVED, REJECTED, DISPUTED}), PENDING,
                                    "claims.reopen_claim"),
    ReviewAction.CORRECT: Transition(ReviewAction.CORRECT, frozenset({PENDING, DISPUTED, APPROVED}), None,
                                     "claims.correct_claim"),
}


def allowed_actions(status: str) -> list[str]:
    """The actions that may be taken on a claim in `status`, in a stable order."""
    return [str(action) for action, transition in TRANSITIONS.items() if status in transition.sources]


def transition_for(action: str) -> Transition:
    try:
        return TRANSITIONS[action]
    except KeyError:
        raise ValueError(f"Unknown review action {action!r}; expected one of {', '.join(TRANSITIONS)}.") from None


def notes_required() -> str:
    """The actions that need a note, in words ("reject or dispute"), for help texts."""
    return " or ".join(str(action) for action, transition in TRANSITIONS.items() if transition.note_required)
