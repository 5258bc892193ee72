"""The delivery task, on the `webhooks` queue: an id in, one attempt, nothing else.

Retries are not Celery retries: the attempt's outcome is written to the
delivery row (next_attempt_at), and the dispatcher or a short countdown brings
it back. A worker killed mid-attempt leaves the message unacknowledged
(acks_late) and the delivery's lock expiring: either way it is attempted again.
"""
from __future__ import annotations

from celery import shared_task

import factdesk.celery  # noqa: F401  the app these tasks bind to, created before them (factdesk/__init__.py)
from factdesk.logging import log_context

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver(delivery_id: int) -> None:
    with log_context(f"delivery-{delivery_id}"):
        services.delivery_attempt(delivery_id=delivery_id)
