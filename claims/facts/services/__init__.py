"""Facts' business actions: one function per action, each owning its transaction (or joining the caller's).

The admin, the API, the management commands and the Celery tasks all call
these; the claims services call facts_refresh_for_claims inside a review.
"""
from .curation import (
    claim_move,
    fact_confirm,
    fact_merge,
    fact_prefer_claim,
    fact_reject_suggestion,
    fact_split,
    fact_update,
)
from .grouping import GroupingResult, facts_group_document, facts_group_pending, ungrouped_claims
from .summary import fact_refresh, facts_refresh_for_claims, series_for

__all__ = [
    "GroupingResult",
    "claim_move",
    "fact_confirm",
    "fact_merge",
    "fact_prefer_claim",
    "fact_refresh",
    "fact_reject_suggestion",
    "fact_split",
    "fact_update",
    "facts_group_document",
    "facts_group_pending",
    "facts_refresh_for_claims",
    "series_for",
    "ungrouped_claims",
]
