"""Running the extraction engine over a document and storing what it finds.

    extraction_job_enqueue  a queued job row now, its task after the commit
    document_extract        the job itself: engine → speakers, quotes, claims, in one transaction
    document_reextract      "re-run extraction" for the admin and the API
    jobs_sweep_stuck        re-enqueue jobs a lost message or a dead worker left behind
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import Claim, ExtractionJob, JobStatus
from factdesk.errors import ServiceError
from factdesk.hooks import Hook
from sources.models import Document, Quote
from sources.speakers import speaker_resolve

if TYPE_CHECKING:
    from claims.extraction import Extraction, ExtractedClaim

logger = logging.getLogger(__name__)

# Handing a job to Celery is the tasks' business; claims.apps connects claims.tasks here,
# so that tasks import services and never the other way round.
job_send = Hook("claims.job_send", "hand a queued extraction job to the task queue")
# Connected by the facts app (claims.facts.apps): queue the grouping of the document's new claims.
document_extracted = Hook("claims.document_extracted", "group a freshly extracted document's claims into facts")

STRUCTURED_FIELDS = ("outcome", "count", "count_high", "qualifier", "group", "effective_at", "precision")


def extraction_job_enqueue(*, document: Document, actor=None) -> ExtractionJob:
    """Queue an extraction of `document`: the row now, the task once the surrounding transaction commits."""
    # the version only: the engine's rules load in the process that runs the job, not in the one queuing it
    from claims.extraction.version import EXTRACTOR_VERSION

    job = ExtractionJob.objects.create(document=document, requested_by=actor, extractor_version=EXTRACTOR_VERSION)
    transaction.on_commit(lambda: job_send(job_id=job.pk))
    return job


def document_reextract(*, document_id: int, actor=None) -> ExtractionJob:
    with transaction.atomic():
        document = Document.objects.filter(pk=document_id).first()
        if document is None:
            raise ServiceError(f"document {document_id} does not exist", status=404, title="Not found")
        return extraction_job_enqueue(document=document, actor=actor)


def _job_claim(job_id: int) -> ExtractionJob | None:
    """Mark the job running and count the attempt, if it is still to be done.

    A job left "running" is taken again: that is what a worker killed mid-job
    leaves behind when its message is redelivered. A finished job is not.
    """
    now = timezone.now()
    taken = ExtractionJob.objects.filter(pk=job_id, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, finished_at=None,
        error="", updated_at=now,
    )
    if not taken:
        return None
    return ExtractionJob.objects.select_related("document").get(pk=job_id)


def document_extract(*, job_id: int) -> ExtractionJob | None:
    """Run one extraction job; safe to call twice for the same job.

    Returns the finished job, or None when there was nothing to do (the job is
    gone or already finished). Errors from the engine mark the job failed with
    the error text and are raised again for the task to decide on a retry.
    """
    job = _job_claim(job_id)
    if job is None:
        logger.info("extraction job %s: nothing to do (finished or gone)", job_id)
        return None
    from claims.extraction import extract  # here, not at import: start-ups that never extract skip the engine

    document = job.document
    started = time.perf_counter()
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
            claims_created=created,
            extractor_version=result.version,
            error="",
            updated_at=finished,
        )
        # Grouping claims into facts runs after the commit, as its own task: a
        # grouping failure never undoes an extraction, and the extraction's lock
        # is not held while grouping takes the facts' lock. The periodic sweep
        # groups whatever a lost task left (claims.facts.tasks).
        transaction.on_commit(lambda: document_extracted(document_id=document.pk))
    job.refresh_from_db()
    logger.info("extraction job %s: %s claims found, %s new, %s superseded removed, %s ms",
                job.pk, job.claims_found, job.claims_created, retired, job.duration_ms)
    return job


def job_fail(*, job_id: int, error: str) -> None:
    now = timezone.now()
    ExtractionJob.objects.filter(pk=job_id).exclude(status=JobStatus.SUCCEEDED).update(
        status=JobStatus.FAILED, error=error[:5000], finished_at=now, updated_at=now,
    )
    logger.warning("extraction job %s failed: %s", job_id, error)


def job_requeue(*, job_id: int, error: str) -> None:
    """Put a job back in the queue after a transient failure, keeping the error visible."""
    ExtractionJob.objects.filter(pk=job_id).exclude(status=JobStatus.SUCCEEDED).update(
        status=JobStatus.QUEUED, error=error[:5000], updated_at=timezone.now(),
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
    Returns (created, retired).
    """
    existing = {claim.fingerprint: claim for claim in Claim.objects.filter(document=document)}
    produced: set[str] = set()
    speakers: dict[tuple[str, str, str], object] = {}
    created = 0
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
            Claim.objects.create(
                document=document, kind=extracted.kind, start=extracted.start, end=extracted.end,
                text=extracted.text, speaker=speaker, quote=quote,
                **{key: _db_value(key, value) for key, value in values.items()},
                extracted_values=_json_values(extracted.values, speaker_name=extracted.speaker and extracted.speaker.name),
                confidence=confidence, extractor=result.extractor,
                extractor_version=result.version, rule=extracted.rule, fingerprint=fingerprint,
                explanation=list(extracted.explanation),
            )
            created += 1
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


def jobs_sweep_stuck(*, now=None) -> dict[str, int]:
    """Re-enqueue jobs stuck in queued or running past the timeout; fail the ones out of attempts.

    A broker that lost a message, or a worker that died before redelivery,
    leaves such jobs; this keeps every document from being left without claims.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.FACTDESK_JOB_STUCK_AFTER_SECONDS)
    requeued, failed = [], 0
    with transaction.atomic():
        for job in ExtractionJob.objects.stuck(older_than=cutoff).select_for_update(skip_locked=True):
            if job.attempts >= settings.FACTDESK_JOB_MAX_ATTEMPTS:
                ExtractionJob.objects.filter(pk=job.pk).update(
                    status=JobStatus.FAILED, finished_at=now, updated_at=now,
                    error=job.error or f"gave up after {job.attempts} attempts (stuck in {job.status})",
                )
                failed += 1
                continue
            ExtractionJob.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, updated_at=now)
            requeued.append(job.pk)
        for job_id in requeued:
            transaction.on_commit(lambda job_id=job_id: job_send(job_id=job_id))
    if requeued or failed:
        logger.warning("sweep: %s stuck extraction jobs re-enqueued, %s failed for good", len(requeued), failed)
    return {"requeued": len(requeued), "failed": failed}
