"""Claims' business actions: one function per action, each owning its transaction.

The admin, the API, the management commands and the Celery tasks all call
these; none of them re-implements a rule.
"""
from .extraction import (
    document_extract,
    document_reextract,
    document_submit_url,
    extraction_job_attach,
    extraction_job_enqueue,
    jobs_recover_stalled,
)
from .review import (
    claim_approve,
    claim_correct,
    claim_dispute,
    claim_reject,
    claim_reopen,
    claim_review,
    claims_review_bulk,
)

__all__ = [
    "claim_approve",
    "claim_correct",
    "claim_dispute",
    "claim_reject",
    "claim_reopen",
    "claim_review",
    "claims_review_bulk",
    "document_extract",
    "document_reextract",
    "document_submit_url",
    "extraction_job_attach",
    "extraction_job_enqueue",
    "jobs_recover_stalled",
]
