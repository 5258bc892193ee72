"""Extraction jobs through a real Celery worker and Redis, the way production runs them.

With REDIS_URL set (as .ci/run does) these tests send tasks through Redis to a
worker; the worker-kill test needs PostgreSQL too, because a separate worker
process must see the rows the test wrote. Without REDIS_URL the tasks run
in-process and only the kill test, which has no in-process equivalent, is left out.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, transaction

from claims.models import Claim, ExtractionJob, JobStatus
from claims.tasks import extract_document
from sources.models import Document
from sources.services import document_ingest
from tests.conftest import ExtractionJobFactory, worker_running

ROOT = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL")

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "GOMA — Rebel shelling killed at least 9 people and injured 21 in a camp for displaced families, "
    "the provincial governor said on Thursday.\n\n"
    "“We buried the children this morning,” said Esther Mapendo, who runs a clinic in the camp."
)


@pytest.fixture
def worker(settings):
    with worker_running(pool="solo"):
        yield


def wait_for_job(job_id: int, *, status: str, seconds: float = 30) -> ExtractionJob:
    deadline = time.monotonic() + seconds
    while True:
        job = ExtractionJob.objects.get(pk=job_id)
        if job.status == status or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def test_an_ingested_document_gets_its_claims_from_the_worker(worker):
    result = document_ingest(text=ARTICLE, title="Camp shelled", outlet_name="Sample Wire")
    job = wait_for_job(result.job_id, status=JobStatus.SUCCEEDED)
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert Claim.objects.filter(document=result.document, kind="casualty", count=9).exists()


def test_a_duplicate_delivery_of_a_job_is_harmless(worker):
    result = document_ingest(text=ARTICLE, title="Camp shelled")
    job = wait_for_job(result.job_id, status=JobStatus.SUCCEEDED)
    claims = Claim.objects.filter(document=result.document).count()
    extract_document.delay(job.pk)
    extract_document.delay(job.pk)
    time.sleep(1.0 if BROKER else 0)
    assert ExtractionJob.objects.get(pk=job.pk).attempts == 1
    assert Claim.objects.filter(document=result.document).count() == claims


def test_a_job_whose_message_was_lost_is_handed_over_by_the_dispatcher_and_completed(worker):
    from datetime import timedelta

    from django.utils import timezone

    from claims.tasks import dispatch_outbox

    job = ExtractionJobFactory(document__text=ARTICLE)  # its message was never sent: a lost message
    ExtractionJob.objects.filter(pk=job.pk).update(dispatch_at=timezone.now() - timedelta(seconds=1))
    dispatch_outbox.delay()
    job = wait_for_job(job.pk, status=JobStatus.SUCCEEDED)
    assert job.status == JobStatus.SUCCEEDED


def _worker_process(database_url: str, beat_schedule: Path | None = None) -> subprocess.Popen:
    """A worker process; with `beat_schedule`, it also runs the dispatcher every second (celery beat)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": BROKER,
        "CELERY_VISIBILITY_TIMEOUT": "2",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        # A job whose worker stopped beating 2 s ago counts as abandoned (60 s in production).
        "FACTDESK_JOB_STALE_AFTER_SECONDS": "2",
        "FACTDESK_JOB_HEARTBEAT_SECONDS": "0.5",
        "FACTDESK_DISPATCH_EVERY_SECONDS": "1",
        "CONN_MAX_AGE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factdesk", "worker", "--pool", "solo", "--loglevel", "WARNING",
         "--without-heartbeat", "--without-gossip", "--without-mingle",
         *(["--beat", "--schedule", str(beat_schedule)] if beat_schedule else [])],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not BROKER, reason="a killed worker process needs a real broker: .ci/run sets REDIS_URL")
def test_a_worker_killed_mid_job_leaves_a_job_that_another_worker_completes(tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("the worker-kill test needs DATABASE_URL to point at PostgreSQL when REDIS_URL is set")
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    job = ExtractionJobFactory(document__text=ARTICLE)
    first = _worker_process(database_url)
    try:
        with transaction.atomic():
            # Hold the document's row lock: the worker takes the job, runs the
            # engine, then blocks on storing the claims — mid-job.
            Document.objects.select_for_update().get(pk=job.document_id)
            extract_document.delay(job.pk)
            running = wait_for_job(job.pk, status=JobStatus.RUNNING, seconds=60)
            assert running.status == JobStatus.RUNNING
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        job.refresh_from_db()
        assert job.status == JobStatus.RUNNING and job.attempts == 1  # what a dead worker leaves behind
        assert not Claim.objects.filter(document=job.document).exists()

        second = _worker_process(database_url, beat_schedule=tmp_path / "beat")
        try:
            done = wait_for_job(job.pk, status=JobStatus.SUCCEEDED, seconds=60)
        finally:
            second.terminate()
            second.wait(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
    assert done.status == JobStatus.SUCCEEDED
    assert done.attempts == 2
    assert Claim.objects.filter(document=job.document, kind="casualty").exists()
