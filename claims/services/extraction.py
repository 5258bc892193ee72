"""Running the extraction engine over a document and storing what it finds.

    extraction_job_enqueue  a queued job row now (the outbox), its task after the commit
    document_submit_url     a job that fetches a URL in the worker, then extracts (API: 202)
    document_extract        the job itself: [fetch →] engine → speakers, quotes, claims and their
                            webhook events, in one transaction; a heartbeat while it runs
    document_reextract      "re-run extraction" for the admin and the API
    jobs_recover_stalled    queue again the running jobs whose worker stopped beating (dispatcher)
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import outbox
from claims.hooks import document_extracted, job_send
from claims.models import Claim, ExtractionJob, JobStatus
from claims.webhooks.services import claim_events_record, document_extracted_record
from factdesk.errors import IngestError, ServiceError
from sources.models import Document, Quote
from sources.speakers import speaker_resolve

if TYPE_CHECKING:
    from claims.extraction import Extraction, ExtractedClaim

logger = logging.getLogger(__name__)

# job_send (handing a job to Celery, the tasks' business) and document_extracted (the facts app's grouping of the
# document's new claims) are hooks in claims.hooks, connected by claims.apps and claims.facts.apps.

STRUCTURED_FIELDS = ("outcome", "count", "count_high", "qualifier", "group", "effective_at", "precision")


JOBS_OUTBOX = "extraction"


def extraction_job_enqueue(*, document: Document | None = None, url: str = "", submitted: dict | None = None,
                           actor=None) -> ExtractionJob:
    """Queue an extraction of `document` (or of the page at `url`, fetched first by the worker).

    The job row is the source of truth: it is written now, in the caller's
    transaction, and handed to the broker after the commit; if the broker is
    down, the dispatcher hands it over once it is back. Either way the job is
    queued and the caller may say so.
    """
    # the version only: the engine's rules load in the process that runs the job, not in the one queuing it
    from claims.extraction.version import EXTRACTOR_VERSION

    job = ExtractionJob.objects.create(
        document=document, url=url, submitted=submitted or {}, requested_by=actor,
        extractor_version=EXTRACTOR_VERSION, dispatch_at=timezone.now(),
    )
    outbox.send_on_commit(JOBS_OUTBOX, [job.pk])
    return job


def document_submit_url(*, url: str, outlet_name: str = "", published_at: datetime | None = None,
                        actor=None) -> ExtractionJob:
    """Queue a job that fetches `url` through the outbound guard in the worker, then extracts it.

    Only the URL's form is checked here; its address, the fetch and the page
    are the worker's business, and a failure shows on the job. A request never
    waits on a slow upstream.
    """
    from factdesk import outbound  # the HTTP client loads where it is used, not at every start-up

    try:
        outbound.check_url_form(url)
    except outbound.OutboundError as error:
        raise IngestError(error.detail, status=400, field_errors={"url": [error.detail]}) from error
    submitted = {"outlet": outlet_name, "published_at": published_at.isoformat() if published_at else None}
    with transaction.atomic():
        job = extraction_job_enqueue(url=url, submitted=submitted, actor=actor)
    logger.info("extraction job %s queued to fetch %s", job.pk, url)
    return job


def extraction_job_attach(*, job_id: int, document: Document) -> ExtractionJob:
    """Give a job submitted by URL the document its fetch produced (inside the ingest's transaction)."""
    ExtractionJob.objects.filter(pk=job_id).update(document=document, updated_at=timezone.now())
    return ExtractionJob.objects.get(pk=job_id)


def extraction_requested(*, document: Document, actor=None, for_job_id: int | None = None) -> ExtractionJob:
    """What sources.hooks.extraction_request does: a queued job, or the URL job that fetched the document."""
    if for_job_id is not None:
        return extraction_job_attach(job_id=for_job_id, document=document)
    return extraction_job_enqueue(document=document, actor=actor)


def document_reextract(*, document_id: int, actor=None) -> ExtractionJob:
    with transaction.atomic():
        document = Document.objects.filter(pk=document_id).first()
        if document is None:
            raise ServiceError(f"document {document_id} does not exist", status=404, title="Not found")
        return extraction_job_enqueue(document=document, actor=actor)


def _job_claim(job_id: int) -> ExtractionJob | None:
    """Mark the job running and count the attempt, if it is still to be done.

    A queued job is taken; so is a running one whose worker stopped beating
    (what a worker killed mid-job leaves behind when its message is
    redelivered). A job another worker is running, or a finished one, is not.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.FACTDESK_JOB_STALE_AFTER_SECONDS)
    taken = ExtractionJob.objects.filter(
        Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, heartbeat_at__lt=stale)
        | Q(status=JobStatus.RUNNING, heartbeat_at__isnull=True), pk=job_id,
    ).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, heartbeat_at=now, finished_at=None,
        dispatch_at=None, error="", updated_at=now,
    )
    if not taken:
        return None
    return ExtractionJob.objects.select_related("document__outlet").get(pk=job_id)


@contextmanager
def _heartbeat(job_id: int) -> Iterator[None]:
    """Beat for the job while the block runs, so the dispatcher knows its worker is alive.

    A thread of its own (with its own database connection) beats every
    FACTDESK_JOB_HEARTBEAT_SECONDS; a job done sooner never touches the database for it.
    """
    done = threading.Event()

    def beat() -> None:
        try:
            while not done.wait(settings.FACTDESK_JOB_HEARTBEAT_SECONDS):
                ExtractionJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())
        except Exception:  # a missed beat is not worth failing the job over
            logger.warning("extraction job %s: heartbeat failed", job_id, exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-job-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=5)


def document_extract(*, job_id: int) -> ExtractionJob | None:
    """Run one extraction job; safe to call twice for the same job.

    Returns the finished job, or None when there was nothing to do (the job is
    gone, finished, or running in a live worker). A job submitted by URL
    fetches its page first; a fetch that fails for good fails the job, one that
    may succeed later puts it back in the queue for the dispatcher. Errors from
    the engine mark the job failed with the error text and are raised again for
    the task to decide on a retry.
    """
    job = _job_claim(job_id)
    if job is None:
        logger.info("extraction job %s: nothing to do (finished, running elsewhere or gone)", job_id)
        return None
    from claims.extraction import extract  # here, not at import: start-ups that never extract skip the engine

    with _heartbeat(job.pk):
        started = time.perf_counter()
        if job.document_id is None:
            document = _document_fetch(job)
            if document is None:
                return ExtractionJob.objects.get(pk=job.pk)
        else:
            document = job.document
        try:
            published = document.published_at.date() if document.published_at else None
            result = extract(document.text, published)
        except Exception as error:
            job_fail(job_id=job.pk, error=f"{type(error).__name__}: {error}")
            raise
        with transaction.atomic():
            # One writer per document at a time: two jobs for one document must not
            # both decide that a fingerprint is new.
            Document.objects.select_for_update().filter(pk=document.pk).first()
            created, retired = _claims_store(document, result)
            finished = timezone.now()
            ExtractionJob.objects.filter(pk=job.pk).update(
                status=JobStatus.SUCCEEDED,
                finished_at=finished,
                duration_ms=int((time.perf_counter() - started) * 1000),
                claims_found=len(result.claims),
                claims_created=len(created),
                extractor_version=result.version,
                error="",
                dispatch_at=None,
                updated_at=finished,
            )
            job.refresh_from_db()
            # The outbox: one claim.created per new claim, then document.extracted, in this transaction.
            claim_events_record(type="claim.created", claim_ids=created)
            document_extracted_record(job=job, document=document, claim_ids=created)
            # Grouping claims into facts runs after the commit, as its own task: a
            # grouping failure never undoes an extraction, and the extraction's lock
            # is not held while grouping takes the facts' lock. The periodic sweep
            # groups whatever a lost task left (claims.facts.tasks).
            transaction.on_commit(lambda: document_extracted(document_id=document.pk))
    logger.info("extraction job %s: %s claims found, %s new, %s superseded removed, %s ms",
                job.pk, job.claims_found, job.claims_created, retired, job.duration_ms)
    return job


def _document_fetch(job: ExtractionJob) -> Document | None:
    """Fetch a URL job's page and store it as its document; None (the job updated) when that failed."""
    from sources.reading import parse_published
    from sources.services import document_ingest_url

    submitted = job.submitted or {}
    try:
        published_at = parse_published(submitted["published_at"]) if submitted.get("published_at") else None
        result = document_ingest_url(url=job.url, outlet_name=submitted.get("outlet") or "",
                                     published_at=published_at, actor=job.requested_by, for_job_id=job.pk)
    except ServiceError as error:
        if error.permanent or job.attempts >= settings.FACTDESK_JOB_MAX_ATTEMPTS:
            job_fail(job_id=job.pk, error=f"fetching {job.url} failed: {error}")
        else:
            delay = min(30 * 2 ** (job.attempts - 1), 600)
            job_requeue(job_id=job.pk, error=f"fetching {job.url} failed: {error} (trying again in {delay} s)",
                        delay=delay)
        return None
    if not result.created:
        # Seen before: the job extracts the stored document (idempotent), so it still reports its claims.
        extraction_job_attach(job_id=job.pk, document=result.document)
    return Document.objects.select_related("outlet").get(pk=result.document.pk)


def job_fail(*, job_id: int, error: str) -> None:
    now = timezone.now()
    ExtractionJob.objects.filter(pk=job_id).exclude(status=JobStatus.SUCCEEDED).update(
        status=JobStatus.FAILED, error=error[:5000], finished_at=now, updated_at=now, dispatch_at=None,
    )
    logger.warning("extraction job %s failed: %s", job_id, error)


def job_requeue(*, job_id: int, error: str, delay: float | None = None) -> None:
    """Put a job back in the queue after a transient failure, keeping the error visible.

    With a `delay`, the dispatcher hands it to the broker once the delay has
    passed; without one, the caller's task retries it itself (a short backoff).
    """
    now = timezone.now()
    ExtractionJob.objects.filter(pk=job_id).exclude(status=JobStatus.SUCCEEDED).update(
        status=JobStatus.QUEUED, error=error[:5000], updated_at=now,
        dispatch_at=now + timedelta(seconds=delay if delay is not None else settings.FACTDESK_OUTBOX_LEASE_SECONDS),
    )


def claim_fingerprint(document_id: int, claim: ExtractedClaim) -> str:
    """What makes two extractions the same claim: kind, span and structured values.

    Speaker, confidence, rule and explanation are left out, so a better attribution in a
    later extractor version updates the claim instead of duplicating it.
    """
    values = {key: value.isoformat() if hasattr(value, "isoformat") else value
              for key, value in sorted(claim.values.items())}
    payload = json.dumps([document_id, claim.kind, claim.start, claim.end, values], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _claims_store(document: Document, result: Extraction) -> tuple[int, int]:
    """Create the claims not seen before, refresh untouched ones, retire superseded ones.

    A claim a reviewer has touched (any status but pending, or a version above
    1) is never changed or removed. An untouched pending claim that the current
    extractor no longer produces was made by an older rule and is removed, so
    a rule change does not leave near-duplicates in the review queue.
    Returns (the new claims' ids, how many were retired).
    """
    existing = {claim.fingerprint: claim for claim in Claim.objects.filter(document=document)}
    produced: set[str] = set()
    speakers: dict[tuple[str, str, str], object] = {}
    created: list[int] = []
    for extracted in result.claims:
        fingerprint = claim_fingerprint(document.pk, extracted)
        if fingerprint in produced:
            continue  # the engine stated the same claim twice
        produced.add(fingerprint)
        speaker = None
        if extracted.speaker is not None:
            key = (extracted.speaker.name, extracted.speaker.role, extracted.speaker.kind)
            if key not in speakers:
                speakers[key] = speaker_resolve(name=key[0], role=key[1], kind=key[2])
            speaker = speakers[key]
        quote = _quote_store(document, extracted, speaker) if extracted.kind == "quote" else None
        confidence = min(max(extracted.confidence, 0.0), 1.0)
        current = existing.get(fingerprint)
        if current is None:
            values = {key: extracted.values.get(key) for key in STRUCTURED_FIELDS if key in extracted.values}
            claim = Claim.objects.create(
                document=document, kind=extracted.kind, start=extracted.start, end=extracted.end,
                text=extracted.text, speaker=speaker, quote=quote,
                **{key: _db_value(key, value) for key, value in values.items()},
                extracted_values=_json_values(extracted.values, speaker_name=extracted.speaker and extracted.speaker.name),
                confidence=confidence, extractor=result.extractor,
                extractor_version=result.version, rule=extracted.rule, fingerprint=fingerprint,
                explanation=list(extracted.explanation),
            )
            created.append(claim.pk)
        elif _untouched(current):
            # No reviewer has acted on it: take the newer attribution, rule and reasons.
            Claim.objects.filter(pk=current.pk).update(
                speaker=speaker, quote=quote, confidence=confidence,
                rule=extracted.rule, explanation=list(extracted.explanation), extractor=result.extractor, extractor_version=result.version,
            )
    superseded = [claim.pk for fingerprint, claim in existing.items()
                  if fingerprint not in produced and _untouched(claim)]
    retired = 0
    if superseded:
        retired, _ = Claim.objects.filter(pk__in=superseded, review_events__isnull=True).delete()
    return created, retired


def _untouched(claim: Claim) -> bool:
    return claim.status == "pending" and claim.version == 1


def _db_value(key: str, value):
    if value is None:
        return None if key in ("count", "count_high", "effective_at") else ""
    return value


def _json_values(values: dict, *, speaker_name: str | None) -> dict:
    out = {key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in values.items()}
    out["speaker"] = speaker_name
    return out


def _quote_store(document: Document, extracted: ExtractedClaim, speaker) -> Quote | None:
    start, end = extracted.values.get("quote_start"), extracted.values.get("quote_end")
    if start is None or end is None or end <= start:
        return None
    text = document.text
    context = Quote.CONTEXT_CHARS
    quote, _ = Quote.objects.get_or_create(
        document=document, start=start, end=end,
        defaults={
            "exact": text[start:end], "speaker": speaker,
            "prefix": text[max(0, start - context):start], "suffix": text[end:end + context],
        },
    )
    if speaker is not None and quote.speaker_id != getattr(speaker, "pk", None):
        Quote.objects.filter(pk=quote.pk).update(speaker=speaker)
    return quote


def jobs_recover_stalled(now: datetime | None = None) -> dict[str, int]:
    """Queue again the running jobs whose worker stopped beating; fail those out of attempts.

    A worker killed mid-job stops beating; after FACTDESK_JOB_STALE_AFTER_SECONDS
    its job is due again, and the dispatcher that called this sends it.
    """
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.FACTDESK_JOB_STALE_AFTER_SECONDS)
    requeued = failed = 0
    with transaction.atomic():
        for job in ExtractionJob.objects.stalled(heartbeat_before=stale).select_for_update(skip_locked=True):
            lost = f"its worker stopped (no heartbeat since {job.heartbeat_at:%H:%M:%S} UTC)"
            if job.attempts >= settings.FACTDESK_JOB_MAX_ATTEMPTS:
                ExtractionJob.objects.filter(pk=job.pk).update(
                    status=JobStatus.FAILED, finished_at=now, updated_at=now, dispatch_at=None,
                    error=f"gave up after {job.attempts} attempts: {lost}",
                )
                failed += 1
            else:
                ExtractionJob.objects.filter(pk=job.pk).update(
                    status=JobStatus.QUEUED, dispatch_at=now, updated_at=now,
                    error=f"attempt {job.attempts}: {lost}; queued again",
                )
                requeued += 1
    if requeued or failed:
        logger.warning("%s stalled extraction jobs queued again, %s failed for good", requeued, failed)
    return {"requeued": requeued, "failed": failed}


def _jobs_due(now: datetime, until: datetime, limit: int) -> list[int]:
    # Ahead of time (`until` > now) only jobs never started: a job put back with a delay keeps its delay.
    queued = ExtractionJob.objects.filter(status=JobStatus.QUEUED)
    if until > now:
        queued = queued.filter(Q(dispatch_at__lte=now) | Q(attempts=0))
    return outbox.due_ids(queued, until, limit)


JOBS = outbox.Outbox(name=JOBS_OUTBOX, model=ExtractionJob, due=_jobs_due,
                     send=lambda job_id: job_send(job_id=job_id), recover=jobs_recover_stalled)
