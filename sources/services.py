"""Business actions on sources: ingesting a document, resolving a speaker's name."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from factdesk.errors import IngestError

from .models import Document, Outlet, Speaker, SpeakerAlias, normalize_name, text_hash

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool  # False: the document was seen before (same URL or same text) and not stored again
    job_id: int | None  # the extraction job queued for a new document
    duplicate_of: str = ""  # "url" or "content" when not created


def document_ingest(
    *,
    text: str,
    raw: str | None = None,
    raw_content_type: str = Document.ContentType.TEXT,
    url: str | None = None,
    title: str = "",
    authors: list[str] | None = None,
    outlet_name: str = "",
    outlet_domain: str = "",
    published_at: datetime | None = None,
    language: str = "",
    origin: str = "",
    actor=None,
) -> IngestResult:
    """Store a document and queue its extraction, unless it was seen before.

    One transaction: the outlet, the document and its queued extraction job;
    the job's task is sent only after the commit. A document with the same
    canonical URL or the same text (content hash) is not stored twice.
    """
    from claims.services import extraction_job_enqueue

    text = text.strip("\ufeff")
    if not text.strip():
        raise IngestError("the document is empty: no text after extraction")
    if len(text) > settings.FACTDESK_MAX_DOCUMENT_CHARS:
        raise IngestError(
            f"the document is too large: {len(text):,} characters of text, "
            f"the limit is {settings.FACTDESK_MAX_DOCUMENT_CHARS:,}"
        )
    content_hash = text_hash(text)
    existing = _find_duplicate(url=url, content_hash=content_hash)
    if existing is not None:
        return IngestResult(document=existing[0], created=False, job_id=None, duplicate_of=existing[1])
    try:
        with transaction.atomic():
            outlet = outlet_get_or_create(name=outlet_name, domain=outlet_domain) if outlet_name else None
            document = Document.objects.create(
                url=url or None,
                title=title[:500],
                authors=list(authors or []),
                outlet=outlet,
                published_at=published_at,
                language=language[:16],
                raw=raw if raw is not None else text,
                raw_content_type=raw_content_type,
                text=text,
                content_hash=content_hash,
                origin=origin[:500],
            )
            job = extraction_job_enqueue(document=document, actor=actor)
    except IntegrityError:
        # Another ingest of the same document won the race between our check and our insert.
        existing = _find_duplicate(url=url, content_hash=content_hash)
        if existing is None:
            raise
        return IngestResult(document=existing[0], created=False, job_id=None, duplicate_of=existing[1])
    logger.info("ingested document %s (%s chars) from %s; extraction job %s queued",
                document.pk, len(text), origin or url or "input", job.pk)
    return IngestResult(document=document, created=True, job_id=job.pk)


def _find_duplicate(*, url: str | None, content_hash: str) -> tuple[Document, str] | None:
    if url:
        by_url = Document.objects.filter(url=url).first()
        if by_url is not None:
            return by_url, "url"
    by_content = Document.objects.filter(content_hash=content_hash).first()
    if by_content is not None:
        return by_content, "content"
    return None


def outlet_get_or_create(*, name: str, domain: str = "") -> Outlet:
    name = " ".join(name.split())[:200]
    domain = domain.lower().removeprefix("www.")[:253]
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None and domain:
        outlet = Outlet.objects.filter(domain=domain).first()
    if outlet is None:
        outlet = Outlet.objects.create(name=name, domain=domain)
    elif domain and not outlet.domain:
        outlet.domain = domain
        outlet.save(update_fields=["domain"])
    return outlet


def speaker_resolve(*, name: str, role: str = "", kind: str = Speaker.Kind.PERSON) -> Speaker:
    """The one Speaker that `name` refers to, created on first sight.

    "Nikol Pashinyan", "Pashinyan" and "Armenian Prime Minister Nikol Pashinyan"
    resolve to one speaker: the full name, the name with its role, and (for a
    person) the surname are kept as aliases. A surname already taken by another
    speaker stays with the first one.
    """
    key = normalize_name(name)
    if not key:
        raise ValueError("a speaker needs a name")
    alias = SpeakerAlias.objects.select_related("speaker").filter(normalized_alias=key).first()
    if alias is not None:
        speaker = alias.speaker
        if role and not speaker.role:
            speaker.role = role[:300]
            speaker.save(update_fields=["role"])
        return speaker
    speaker = Speaker.objects.filter(normalized_name=key).first()
    if speaker is None:
        speaker = Speaker.objects.create(name=" ".join(name.split())[:300], role=role[:300], kind=kind)
    aliases = {name}
    if role:
        aliases.add(f"{role} {name}")
    parts = name.split()
    if kind == Speaker.Kind.PERSON and len(parts) > 1:
        aliases.add(parts[-1])
    for value in aliases:
        _alias_add(speaker, value)
    return speaker


def _alias_add(speaker: Speaker, alias: str) -> None:
    key = normalize_name(alias)
    if key and not SpeakerAlias.objects.filter(normalized_alias=key).exists():
        try:
            with transaction.atomic():
                SpeakerAlias.objects.create(speaker=speaker, alias=alias[:300])
        except IntegrityError:
            pass  # taken concurrently by another speaker: the first one keeps it
