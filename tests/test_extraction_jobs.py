"""Extraction jobs: a document's claims appear once, reviews survive re-runs, and no job is left behind.

These run the real engine on a short article of our own; the Celery task runs
in-process (eager) here, through a real worker in tests/test_worker_jobs.py.
"""
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.db import OperationalError
from django.utils import timezone

from claims import services
from claims.models import Claim, ExtractionJob, JobStatus, ReviewEvent
from claims.tasks import dispatch_outbox, extract_document
from sources.models import Document
from sources.services import document_ingest
from tests.conftest import ExtractionJobFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "MOGADISHU — A car bomb killed 14 people and wounded 30 others at a market on Sunday, "
    "police said.\n\n"
    "“The blast destroyed everything around the gate,” said Hodan Ali, a trader who survived the attack.\n\n"
    "The city's mayor said the market would stay closed until Tuesday."
)


def ingest(django_capture_on_commit_callbacks, text=ARTICLE, **extra):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = document_ingest(text=text, title="Market bombing", outlet_name="Sample Wire", **extra)
    return result, callbacks


def test_ingesting_a_document_queues_one_job_that_runs_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = document_ingest(text=ARTICLE, title="Market bombing")
    job = ExtractionJob.objects.get(pk=result.job_id)
    assert job.status == JobStatus.QUEUED
    assert len(callbacks) == 1  # the task is sent only once the transaction has committed


def test_a_finished_job_records_its_timing_counts_and_version(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks)
    job = ExtractionJob.objects.get(pk=result.job_id)
    assert job.status == JobStatus.SUCCEEDED
    assert job.attempts == 1
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at
    assert job.duration_ms is not None
    assert job.claims_found >= 2 and job.claims_created == job.claims_found
    assert job.extractor_version
    claims = Claim.objects.filter(document=result.document)
    assert claims.count() == job.claims_created


def test_every_stored_claim_points_at_its_exact_passage_and_names_its_rule(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks)
    document = Document.objects.get(pk=result.document.pk)
    killed = Claim.objects.get(document=document, kind="casualty", outcome="killed")
    assert killed.count == 14
    assert document.text[killed.start:killed.end] == killed.text
    assert "14" in killed.text
    assert killed.rule.startswith("casualty.")
    assert killed.extracted_values["count"] == 14


PUBLISHED = datetime(2019, 3, 6, 9, 0, tzinfo=dt_timezone.utc)
CEASEFIRE_ARTICLE = (
    "CARACAS — A ceasefire between the army and the rebels took effect at 2300 GMT on Tuesday, "
    "the mediators said.\n\nBoth sides said they would respect it."
)


def test_a_stored_ceasefire_claim_keeps_the_engines_explanation_of_its_time(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks, text=CEASEFIRE_ARTICLE, published_at=PUBLISHED)

    claim = Claim.objects.get(document=result.document, kind="ceasefire")

    assert claim.explanation, "a resolved time says why"
    assert all(isinstance(step, str) and step for step in claim.explanation)
    assert "2300 GMT" in claim.explanation[0]


def test_rerunning_extraction_refreshes_the_explanation_of_an_untouched_claim(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks, text=CEASEFIRE_ARTICLE, published_at=PUBLISHED)
    claim = Claim.objects.get(document=result.document, kind="ceasefire")
    stored = list(claim.explanation)
    Claim.objects.filter(pk=claim.pk).update(explanation=["an older extractor's reason"])

    with django_capture_on_commit_callbacks(execute=True):
        services.document_reextract(document_id=result.document.pk)

    claim.refresh_from_db()
    assert claim.explanation == stored


def test_rerunning_extraction_creates_no_duplicates(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks)
    before = set(Claim.objects.filter(document=result.document).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        job = services.document_reextract(document_id=result.document.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.claims_created == 0
    assert job.claims_found == len(before)
    assert set(Claim.objects.filter(document=result.document).values_list("pk", flat=True)) == before


def test_rerunning_extraction_keeps_a_reviewed_claims_status_and_history(django_capture_on_commit_callbacks, reviewer):
    result, _ = ingest(django_capture_on_commit_callbacks)
    claim = Claim.objects.filter(document=result.document, kind="casualty").first()
    services.claim_reject(claim_id=claim.pk, actor=reviewer, note="the toll was revised the next day")
    with django_capture_on_commit_callbacks(execute=True):
        services.document_reextract(document_id=result.document.pk)
    claim.refresh_from_db()
    assert claim.status == "rejected"
    assert claim.reviewed_by == reviewer
    assert ReviewEvent.objects.filter(claim=claim).count() == 1


def test_an_engine_failure_marks_the_job_failed_with_its_error_and_stores_nothing(
    django_capture_on_commit_callbacks, monkeypatch
):
    from claims import extraction

    def broken(text, published=None):
        raise RuntimeError("lexicon table is corrupt")

    monkeypatch.setattr(extraction, "extract", broken)
    result, _ = ingest(django_capture_on_commit_callbacks)
    job = ExtractionJob.objects.get(pk=result.job_id)
    assert job.status == JobStatus.FAILED
    assert "lexicon table is corrupt" in job.error
    assert not Claim.objects.filter(document=result.document).exists()


def test_a_job_left_running_by_a_dead_worker_completes_when_its_message_is_redelivered():
    job = ExtractionJobFactory(document__text=ARTICLE, status=JobStatus.RUNNING, attempts=1,
                               started_at=timezone.now() - timedelta(minutes=5),
                               heartbeat_at=timezone.now() - timedelta(minutes=5))
    extract_document.delay(job.pk)  # what the broker does with an unacknowledged message
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.attempts == 2
    assert Claim.objects.filter(document=job.document).exists()


def test_a_duplicate_message_for_a_finished_job_changes_nothing(django_capture_on_commit_callbacks):
    result, _ = ingest(django_capture_on_commit_callbacks)
    job = ExtractionJob.objects.get(pk=result.job_id)
    extract_document.delay(job.pk)
    again = ExtractionJob.objects.get(pk=job.pk)
    assert again.attempts == 1 and again.finished_at == job.finished_at


def test_a_transient_database_error_is_retried_and_the_job_still_completes(monkeypatch):
    job = ExtractionJobFactory(document__text=ARTICLE)
    real = services.extraction.document_extract
    calls = []

    def flaky(*, job_id):
        calls.append(job_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(job_id=job_id)

    monkeypatch.setattr(services, "document_extract", flaky)
    extract_document.delay(job.pk)
    job.refresh_from_db()
    assert len(calls) == 2
    assert job.status == JobStatus.SUCCEEDED


def test_two_jobs_creating_the_same_speaker_at_once_is_retried_not_left_running(monkeypatch):
    """The loser of a race to create a speaker gets an IntegrityError; its job is retried and completes."""
    from django.db import IntegrityError

    from claims.services import extraction

    job = ExtractionJobFactory(document__text=ARTICLE)
    real = extraction.speaker_resolve
    calls = []

    def racing(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise IntegrityError('duplicate key value violates unique constraint "sources_speaker_normalized_name_key"')
        return real(**kwargs)

    monkeypatch.setattr(extraction, "speaker_resolve", racing)
    extract_document.delay(job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.SUCCEEDED, 2)


def test_an_unexpected_error_while_storing_fails_the_job_with_its_text(monkeypatch):
    from claims.services import extraction

    job = ExtractionJobFactory(document__text=ARTICLE)

    def broken(document, result):
        raise KeyError("quote_start")

    monkeypatch.setattr(extraction, "_claims_store", broken)
    extract_document.delay(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "KeyError" in job.error  # never left "running"


def test_a_running_job_whose_worker_stopped_beating_is_queued_again_and_completed(settings):
    settings.FACTDESK_JOB_STALE_AFTER_SECONDS = 60
    abandoned = ExtractionJobFactory(document__text=ARTICLE, status=JobStatus.RUNNING, attempts=1)
    alive = ExtractionJobFactory(status=JobStatus.RUNNING, attempts=1)
    ExtractionJob.objects.filter(pk=abandoned.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=90))
    ExtractionJob.objects.filter(pk=alive.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=5))

    outcome = dispatch_outbox.delay().get()

    assert outcome["extraction"]["requeued"] == 1
    abandoned.refresh_from_db()
    alive.refresh_from_db()
    assert (abandoned.status, abandoned.attempts) == (JobStatus.SUCCEEDED, 2)
    assert alive.status == JobStatus.RUNNING  # its worker is still beating: left alone


def test_a_duplicate_message_for_a_job_running_in_a_live_worker_does_nothing():
    job = ExtractionJobFactory(document__text=ARTICLE, status=JobStatus.RUNNING, attempts=1)
    ExtractionJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    assert services.document_extract(job_id=job.pk) is None
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.RUNNING, 1)


def test_the_dispatcher_gives_up_on_a_stalled_job_that_ran_out_of_attempts(settings):
    settings.FACTDESK_JOB_MAX_ATTEMPTS = 3
    job = ExtractionJobFactory(status=JobStatus.RUNNING, attempts=3)
    ExtractionJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))
    assert services.jobs_recover_stalled() == {"requeued": 0, "failed": 1}
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "gave up after 3 attempts" in job.error and "stopped" in job.error


def test_a_speaker_named_in_several_ways_is_one_speaker():
    from sources.speakers import speaker_resolve

    first = speaker_resolve(name="Hodan Ali", role="market trader")
    assert speaker_resolve(name="Ali") == first
    assert speaker_resolve(name="market trader Hodan Ali") == first
    assert speaker_resolve(name="hodan  ali") == first
    assert speaker_resolve(name="Police", kind="organisation") != first


def test_a_changed_extractor_retires_its_untouched_old_claims_but_never_reviewed_ones(
    django_capture_on_commit_callbacks, reviewer
):
    result, _ = ingest(django_capture_on_commit_callbacks)
    document = result.document
    old_untouched = Claim.objects.filter(document=document, kind="casualty").first()
    # Claims an older rule produced that the current engine no longer states:
    stale = Claim.objects.create(
        document=document, kind="casualty", start=old_untouched.start, end=old_untouched.end,
        text=old_untouched.text, outcome="killed", count=41, qualifier="exact", extractor="factdesk-rules",
        extractor_version="0.9", rule="casualty.old_rule", fingerprint="0" * 64,
    )
    reviewed = Claim.objects.create(
        document=document, kind="casualty", start=old_untouched.start, end=old_untouched.end,
        text=old_untouched.text, outcome="killed", count=42, qualifier="exact", extractor="factdesk-rules",
        extractor_version="0.9", rule="casualty.old_rule", fingerprint="1" * 64,
    )
    services.claim_approve(claim_id=reviewed.pk, actor=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_reextract(document_id=document.pk)
    assert not Claim.objects.filter(pk=stale.pk).exists()
    assert Claim.objects.get(pk=reviewed.pk).status == "approved"
    assert Claim.objects.filter(pk=old_untouched.pk).exists()
