"""Claims, their review history and the extraction jobs that produce them."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils import timezone

from claims.outbox import Dispatchable
from factdesk.write_once import WriteOnceModel
from sources.models import Document, Quote, Speaker


class ClaimKind(models.TextChoices):
    CASUALTY = "casualty", "Casualty count"
    CEASEFIRE = "ceasefire", "Ceasefire time"
    QUOTE = "quote", "Quoted statement"


class ClaimStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    DISPUTED = "disputed", "Disputed"


class Outcome(models.TextChoices):
    KILLED = "killed", "Killed"
    WOUNDED = "wounded", "Wounded"
    MISSING = "missing", "Missing"
    CAPTURED = "captured", "Captured"
    KILLED_OR_MISSING = "killed_or_missing", "Killed or missing"


class Qualifier(models.TextChoices):
    EXACT = "exact", "exactly"
    AT_LEAST = "at_least", "at least"
    MORE_THAN = "more_than", "more than"
    ABOUT = "about", "about"
    AT_MOST = "at_most", "at most"
    FEWER_THAN = "fewer_than", "fewer than"
    RANGE = "range", "between"


class Precision(models.TextChoices):
    MINUTE = "minute", "Minute"
    HOUR = "hour", "Hour"
    DAY = "day", "Day"


class ClaimQuerySet(models.QuerySet):
    def pending(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.PENDING)

    def approved(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.APPROVED)

    def casualties(self) -> ClaimQuerySet:
        return self.filter(kind=ClaimKind.CASUALTY)

    def with_sources(self) -> ClaimQuerySet:
        """The joins every claim list needs: its document, outlet and speaker."""
        return self.select_related("document__outlet", "speaker", "reviewed_by")


class Claim(models.Model):
    """One thing a document states, with the exact passage that states it.

    The structured values (count, outcome, effective time…) hold the current
    figures; a reviewer's correction changes them, and `extracted_values` keeps
    what the extractor produced. `version` increases on every change and is the
    optimistic lock that review requests must name.
    """

    kind = models.CharField(max_length=20, choices=ClaimKind.choices)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims")
    start = models.PositiveIntegerField(help_text="Offset of the evidence passage in the document text.")
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The evidence passage, document.text[start:end].")
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    quote = models.ForeignKey(Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")

    # casualty
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    count_high = models.PositiveIntegerField(null=True, blank=True)
    qualifier = models.CharField(max_length=20, choices=Qualifier.choices, blank=True)
    group = models.CharField(max_length=200, blank=True)
    # ceasefire
    effective_at = models.DateTimeField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)

    extracted_values = models.JSONField(default=dict, blank=True, help_text="The values as first extracted.")
    status = models.CharField(max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.PENDING)
    confidence = models.FloatField(default=0.5)
    extractor = models.CharField(max_length=100)
    extractor_version = models.CharField(max_length=40)
    rule = models.CharField(max_length=100, blank=True, help_text="The extraction rule that produced the claim.")
    explanation = models.JSONField(
        default=list, blank=True,
        help_text="How the extractor read the claim, as ordered short steps (words read, day, zone, speaker).",
    )
    fingerprint = models.CharField(max_length=64, help_text="Identifies the claim across re-extractions.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [
            ("review_claim", "Can approve, reject and dispute claims"),
            ("correct_claim", "Can correct a claim's values"),
            ("reopen_claim", "Can reopen a decided claim"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["document", "fingerprint"], name="claim_fingerprint_unique_in_document"),
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="claim_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(condition=Q(outcome__in=["", *Outcome.values]), name="claim_outcome_valid"),
            models.CheckConstraint(condition=Q(qualifier__in=["", *Qualifier.values]), name="claim_qualifier_valid"),
            models.CheckConstraint(condition=Q(precision__in=["", *Precision.values]), name="claim_precision_valid"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(condition=Q(end=F("start") + Length("text")), name="claim_span_matches_text"),
            models.CheckConstraint(condition=Q(count__isnull=True) | Q(count__gte=0), name="claim_count_not_negative"),
            models.CheckConstraint(
                condition=Q(count_high__isnull=True) | Q(count__isnull=False, count_high__gte=F("count")),
                name="claim_count_high_not_below_count",
            ),
            models.CheckConstraint(
                condition=~Q(kind="casualty") | (Q(count__isnull=False) & ~Q(outcome="")),
                name="claim_casualty_has_count_and_outcome",
            ),
            models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="claim_confidence_0_1"),
            models.CheckConstraint(condition=Q(version__gte=1), name="claim_version_positive"),
        ]
        indexes = [
            # The review queue: claims of a status, newest first.
            models.Index(fields=["status", "-created_at"], name="claim_status_created"),
            # Figures of one kind and outcome across sources (fact tracking).
            models.Index(fields=["kind", "outcome", "count"], name="claim_kind_outcome_count"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def etag(self) -> str:
        return f'"claim-{self.pk}-v{self.version}"'


class ReviewAction(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
    DISPUTE = "dispute", "Dispute"
    CORRECT = "correct", "Correct"
    REOPEN = "reopen", "Reopen"


class ReviewEvent(WriteOnceModel):
    """One review decision, written once and never edited (the database refuses updates too)."""

    Action = ReviewAction

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="review_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="review_events"
    )
    action = models.CharField(max_length=20, choices=ReviewAction.choices)
    from_status = models.CharField(max_length=20, choices=ClaimStatus.choices)
    to_status = models.CharField(max_length=20, choices=ClaimStatus.choices)
    note = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="For corrections: field → [before, after].")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(action__in=ReviewAction.values), name="review_event_action_valid"),
            models.CheckConstraint(condition=Q(from_status__in=ClaimStatus.values), name="review_event_from_valid"),
            models.CheckConstraint(condition=Q(to_status__in=ClaimStatus.values), name="review_event_to_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.from_status}→{self.to_status} on claim {self.claim_id}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ExtractionJobQuerySet(models.QuerySet):
    def unfinished(self) -> ExtractionJobQuerySet:
        return self.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])

    def stalled(self, *, heartbeat_before) -> ExtractionJobQuerySet:
        """Running jobs whose worker has not beaten since `heartbeat_before`: a killed or lost worker."""
        return self.filter(Q(heartbeat_at__lt=heartbeat_before) | Q(heartbeat_at__isnull=True), status=JobStatus.RUNNING)


class ExtractionJob(Dispatchable):
    """One run of the extractor over one document, visible whatever happens to it.

    A job submitted by URL has no document yet: the worker fetches `url`
    through the outbound guard first, and a failed fetch fails the job.
    A running job's worker beats (`heartbeat_at`) while it works; the
    dispatcher queues again a job whose heartbeat stopped (claims.outbox).
    """

    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    url = models.URLField(max_length=2000, blank=True, help_text="For a job submitted by URL: the page to fetch.")
    submitted = models.JSONField(default=dict, blank=True, help_text="What came with a URL: outlet, published_at.")
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    extractor_version = models.CharField(max_length=40, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last sign of life of the worker running it.")
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    claims_found = models.PositiveIntegerField(default=0)
    claims_created = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExtractionJobQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=JobStatus.values), name="extraction_job_status_valid"),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True) | Q(started_at__isnull=True) | Q(finished_at__gte=F("started_at")),
                name="extraction_job_finishes_after_start",
            ),
            models.CheckConstraint(condition=Q(document__isnull=False) | ~Q(url=""),
                                   name="extraction_job_has_document_or_url"),
        ]
        indexes = [
            # The dispatcher: queued jobs whose time to be handed to the broker has come.
            models.Index(fields=["dispatch_at"], condition=Q(status="queued"), name="extraction_job_due"),
            # The dispatcher's recovery: running jobs whose worker stopped beating.
            models.Index(fields=["heartbeat_at"], condition=Q(status="running"), name="extraction_job_heartbeat"),
        ]

    def __str__(self) -> str:
        source = f"document {self.document_id}" if self.document_id else self.url
        return f"Extraction job {self.pk} ({self.status}) for {source}"

