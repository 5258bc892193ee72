"""Celery tasks for facts: ids in, a service call, a retry decision."""
from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

import factdesk.celery  # noqa: F401  the app these tasks bind to, created before them (factdesk/__init__.py)
from factdesk.logging import log_context

from . import services

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def group_document(self, document_id: int) -> None:
    """Suggest facts for a document's new claims; enqueued when its extraction commits. Safe to run twice."""
    with log_context(f"group-{document_id}"):
        try:
            services.facts_group_document(document_id=document_id)
        except TRANSIENT_ERRORS as error:
            # A lost retry is not a lost suggestion: the sweep groups whatever is left.
            raise self.retry(exc=error, countdown=min(2 ** self.request.retries, 30)) from error


@shared_task(acks_late=True)
def group_pending() -> dict[str, int]:
    """The periodic sweep: claims whose grouping task was lost (broker down at the commit) get grouped now."""
    with log_context("group-sweep"):
        result = services.facts_group_pending()
        return {"claims": result.claims, "facts_created": len(result.created_facts)}
