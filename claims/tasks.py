"""Celery tasks: ids in, a service call, a retry decision. Nothing else."""
from __future__ import annotations

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.db import IntegrityError, InterfaceError, OperationalError

import factdesk.celery  # noqa: F401  the app these tasks bind to, created before them (factdesk/__init__.py)
from claims import outbox, services
from factdesk.errors import ServiceError
from factdesk.logging import log_context

logger = logging.getLogger(__name__)

# Database hiccups are worth another try; a bug in the engine or bad data is not. An
# IntegrityError here is two jobs creating the same speaker at once: the retry finds it made.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, IntegrityError, ConnectionError, TimeoutError)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def extract_document(self, job_id: int) -> None:
    with log_context(f"job-{job_id}"):
        try:
            services.document_extract(job_id=job_id)
        except TRANSIENT_ERRORS as error:
            # Short backoff only: long countdowns on Redis outlive the visibility
            # timeout and get delivered twice; the dispatcher catches anything longer.
            countdown = min(2 ** self.request.retries, 30)
            services.extraction.job_requeue(job_id=job_id, error=f"{type(error).__name__}: {error} (retrying)")
            logger.warning("extraction job %s: transient %s, retry in %ss", job_id, type(error).__name__, countdown)
            raise self.retry(exc=error, countdown=countdown) from error
        except ServiceError as error:
            if not error.permanent:
                raise self.retry(exc=error, countdown=min(2 ** self.request.retries, 30)) from error
            services.extraction.job_fail(job_id=job_id, error=str(error))
        except Exception as error:
            # Never leave the job "running" with no worker: its failure shows on the job.
            services.extraction.job_fail(job_id=job_id, error=f"{type(error).__name__}: {error}")
            logger.exception("extraction job %s failed", job_id)


@shared_task(acks_late=True, ignore_result=True)
def dispatch_outbox() -> dict[str, dict[str, int]]:
    """Every ~10 s under celery beat, and when a worker starts: hand due work to the broker (claims/outbox.py)."""
    with log_context("dispatch"):
        return outbox.dispatch()


@worker_ready.connect(weak=False, dispatch_uid="factdesk-dispatch-on-start")
def _dispatch_on_worker_start(sender=None, **kwargs) -> None:
    """A worker that starts hands over what waited while no worker ran (or the broker was down); a worker
    imports this module (the app's autodiscovery) before it is ready."""
    dispatch_outbox.delay()
