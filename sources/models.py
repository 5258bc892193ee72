"""Where claims come from: outlets, documents, the people and bodies quoted in them, and their quotes."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime, time, timezone as dt_timezone

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils import timezone

_NOT_WORD = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """The key speaker names and aliases are matched on: case, accents, punctuation and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def text_hash(text: str) -> str:
    """Content hash of a document's plain text, with white space folded so re-wrapped copies match."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. themoscowtimes.com")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class DocumentQuerySet(models.QuerySet):
    def with_counts(self) -> DocumentQuerySet:
        return self.annotate(claim_count=models.Count("claims", distinct=True))


class Document(models.Model):
    """One article as received, and the plain text every offset in FactDesk refers to."""

    class ContentType(models.TextChoices):
        HTML = "text/html", "HTML"
        TEXT = "text/plain", "Plain text"

    url = models.URLField(max_length=2000, null=True, blank=True, help_text="Canonical URL, when there is one.")
    title = models.CharField(max_length=500, blank=True)
    authors = models.JSONField(default=list, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    published_at = models.DateTimeField(null=True, blank=True)
    published_date_only = models.BooleanField(
        default=False, help_text="The source names the day but no time: published_at is that day at 00:00 UTC."
    )
    language = models.CharField(max_length=16, blank=True)
    raw = models.TextField(help_text="The HTML or text exactly as received.")
    raw_content_type = models.CharField(max_length=20, choices=ContentType.choices, default=ContentType.TEXT)
    text = models.TextField(help_text="Extracted plain text; every claim and quote offset points into it.")
    content_hash = models.CharField(max_length=64, editable=False)
    origin = models.CharField(max_length=500, blank=True, help_text="The file path or URL it was ingested from.")
    ingested_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised by every metadata correction (optimistic lock).")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-ingested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], name="document_url_unique"),
            models.UniqueConstraint(fields=["content_hash"], name="document_content_hash_unique"),
            models.CheckConstraint(condition=~Q(text=""), name="document_text_not_empty"),
            models.CheckConstraint(condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="document_content_hash_sha256"),
            models.CheckConstraint(condition=Q(published_at__isnull=False) | Q(published_date_only=False),
                                   name="document_date_only_needs_a_date"),
            models.CheckConstraint(condition=Q(version__gte=1), name="document_version_positive"),
        ]
        indexes = [
            # The API and the admin list documents by outlet and publication time.
            models.Index(fields=["outlet", "-published_at"], name="document_outlet_published"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.untitled_label()

    def untitled_label(self, *, with_outlet: bool = True) -> str:
        """What an untitled document is called: its outlet (unless shown beside it) and its first words."""
        words = " ".join(self.text.split()[:8])
        if len(self.text.split()) > 8:
            words += "…"
        if not words:
            return f"Document {self.pk}"
        outlet = self.outlet.name if with_outlet and self.outlet_id and self.outlet else ""
        return f"{outlet}: “{words}”" if outlet else f"“{words}”"

    @staticmethod
    def published_fields(value: date | datetime | None) -> dict:
        """published_at and published_date_only for a date alone (that day, 00:00 UTC) or a moment."""
        if value is None:
            return {"published_at": None, "published_date_only": False}
        if isinstance(value, datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=dt_timezone.utc)
            return {"published_at": moment, "published_date_only": False}
        return {"published_at": datetime.combine(value, time(0, 0), tzinfo=dt_timezone.utc),
                "published_date_only": True}

    @property
    def published_label(self) -> str:
        """The publication date as a reader should see it: no invented midnight, no date made up."""
        if self.published_at is None:
            return "no date"
        if self.published_date_only:
            return self.published_day.strftime("%-d %b %Y")
        return self.published_at.astimezone(dt_timezone.utc).strftime("%-d %b %Y, %H:%M UTC")

    @property
    def published_day(self) -> date | None:
        """The publication day as the source gives it (a date-only value is its own day, whatever the zone)."""
        if self.published_at is None:
            return None
        return self.published_at.astimezone(dt_timezone.utc).date() if self.published_date_only else self.published_at.date()


    @property
    def etag(self) -> str:
        return f'"document-{self.pk}-v{self.version}"'


class DocumentEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: D102 - document events are written once
        raise TypeError("Document events are immutable and cannot be updated.")

    def delete(self):
        raise TypeError("Document events are immutable and cannot be deleted.")


class DocumentEvent(models.Model):
    """One correction of a document's metadata by an editor, written once and never edited.

    `changes` maps each field that changed to [before, after] as JSON values
    (the outlet by name, the publication date as ISO 8601: a bare date when
    the source names no time).
    """

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="document_events"
    )
    changes = models.JSONField(help_text="field → [before, after]")
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(help_text="The document's version this change made.")
    reextraction_job_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The extraction job a changed publication date queued."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = DocumentEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Two corrections cannot both have made the same version: the optimistic lock, in the database.
            models.UniqueConstraint(fields=["document", "version"], name="document_event_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=2), name="document_event_version_after_first"),
            models.CheckConstraint(condition=~Q(changes={}), name="document_event_changes_something"),
        ]

    def __str__(self) -> str:
        return f"{', '.join(sorted(self.changes))} changed on document {self.document_id} (v{self.version})"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise TypeError("Document events are immutable and cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Document events are immutable and cannot be deleted.")


class Speaker(models.Model):
    """A person or a body that claims are attributed to, with the names the press uses for them."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    role = models.CharField(max_length=300, blank=True, help_text="Title or role, e.g. Armenian Prime Minister.")
    affiliation = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["person", "organisation"]), name="speaker_kind_valid"),
            models.CheckConstraint(condition=~Q(normalized_name=""), name="speaker_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)


class SpeakerAlias(models.Model):
    """Another name for a speaker ("Pashinyan", "Armenian Prime Minister Nikol Pashinyan")."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    normalized_alias = models.CharField(max_length=300, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "speaker aliases"
        constraints = [models.CheckConstraint(condition=~Q(normalized_alias=""), name="speaker_alias_not_empty")]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized_alias = normalize_name(self.alias)
        super().save(*args, **kwargs)


class Quote(models.Model):
    """Quoted words in a document, anchored by position and by their surrounding text.

    Follows the W3C Web Annotation selectors: start/end is a TextPositionSelector,
    exact/prefix/suffix a TextQuoteSelector that can re-anchor the quote if the
    text is re-extracted and its offsets move.
    """

    CONTEXT_CHARS = 32

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    exact = models.TextField(help_text="The quoted words, exactly as in the text.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.UniqueConstraint(fields=["document", "start", "end"], name="quote_span_unique_in_document"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_span_not_empty"),
            models.CheckConstraint(condition=Q(end=F("start") + Length("exact")), name="quote_span_matches_exact"),
        ]

    def __str__(self) -> str:
        return self.exact[:80]
