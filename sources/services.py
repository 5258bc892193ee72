"""Business actions on sources: ingesting a document.

    document_ingest       text (with whatever metadata is known) → Document + queued extraction job
    document_ingest_html  an article page's HTML → main text and metadata → document_ingest
    document_ingest_url   fetch a URL through the outbound guard → HTML or text → document_ingest
    document_ingest_file  a .txt/.html/.htm file → document_ingest

(Speakers are resolved in sources.speakers.)
"""
from __future__ import annotations

import logging
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from factdesk import outbound
from factdesk.errors import IngestError

from . import hooks
from .html import canonical_url, html_extract, url_domain
from .models import Document, Outlet, text_hash
from .reading import bytes_to_text, split_text_header

INGESTIBLE_SUFFIXES = (".txt", ".html", ".htm")
_HTML_TYPES = ("text/html", "application/xhtml+xml")

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
    text = text.strip("\ufeff")
    if not text.strip():
        raise IngestError("the document is empty: no text after extraction")
    if len(text) > settings.FACTDESK_MAX_DOCUMENT_CHARS:
        raise IngestError(
            f"the document is too large: {len(text):,} characters of text, "
            f"the limit is {settings.FACTDESK_MAX_DOCUMENT_CHARS:,}"
        )
    if url:
        # Every entry point dedups on the same form of a URL: tracking parameters
        # and fragments never make a second copy of an article.
        address = canonical_url(url)
        if address is None:
            raise IngestError(f"the document's URL {url[:200]!r} is not an http(s) URL")
        url = address
    max_url = Document._meta.get_field("url").max_length
    if url and len(url) > max_url:
        raise IngestError(f"the document's URL is longer than {max_url:,} characters")
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
            job = hooks.document_stored(document=document, actor=actor)
    except IntegrityError:
        # Another ingest of the same document won the race between our check and our insert.
        existing = _find_duplicate(url=url, content_hash=content_hash)
        if existing is None:
            raise
        return IngestResult(document=existing[0], created=False, job_id=None, duplicate_of=existing[1])
    logger.info("ingested document %s (%s chars) from %s; extraction job %s queued",
                document.pk, len(text), origin or url or "input", job.pk)
    return IngestResult(document=document, created=True, job_id=job.pk)


def document_ingest_html(
    *,
    html: str,
    url: str | None = None,
    title: str = "",
    outlet_name: str = "",
    published_at: datetime | None = None,
    origin: str = "",
    actor=None,
) -> IngestResult:
    """Ingest an article page: its main text, with title, authors, date, outlet and language from the page.

    Values given by the caller win over what the page says. The document's URL
    is the page's canonical URL (or `url`), normalised so that tracking
    parameters and fragments do not make a second copy.
    """
    article = html_extract(html, url=url)
    if not article.text.strip():
        raise IngestError(f"{origin or url or 'the page'} has no article text that could be extracted")
    return document_ingest(
        text=article.text,
        raw=html,
        raw_content_type=Document.ContentType.HTML,
        url=article.canonical_url,
        title=title or article.title,
        authors=article.authors,
        outlet_name=outlet_name or article.site_name or article.domain,
        outlet_domain=article.domain,
        published_at=published_at or article.published_at,
        language=article.language,
        origin=origin or url or "",
        actor=actor,
    )


def document_ingest_url(
    *, url: str, outlet_name: str = "", published_at: datetime | None = None, actor=None
) -> IngestResult:
    """Fetch `url` through the outbound guard and ingest the HTML page or plain text it answers with.

    Every refusal (bad URL, private address, timeout, non-2xx, wrong type, too
    large) is an IngestError that keeps the fetch's `permanent` flag.
    """
    try:
        response = outbound.fetch(url)
    except outbound.OutboundError as error:
        raise IngestError(error.detail, status=error.status, permanent=error.permanent) from error
    is_html = response.content_type in _HTML_TYPES
    body = bytes_to_text(response.body, declared_charset=response.charset, html=is_html, name=url)
    if is_html:
        return document_ingest_html(html=body, url=response.final_url, outlet_name=outlet_name,
                                    published_at=published_at, origin=url, actor=actor)
    address = canonical_url(response.final_url)
    return document_ingest(
        text=body.strip("\r\n"),
        raw=body,
        url=address,
        outlet_name=outlet_name or url_domain(address),
        outlet_domain=url_domain(address),
        published_at=published_at,
        origin=url,
        actor=actor,
    )


def document_ingest_file(
    *, path: str | Path, outlet_name: str = "", published_at: datetime | None = None, actor=None
) -> IngestResult:
    """Ingest a .txt, .html or .htm file (a .txt may start with the header block that
    sources.reading describes: Title:, Outlet:, Published:, URL:, Author:, Language:)."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in INGESTIBLE_SUFFIXES:
        raise IngestError(f"{name}: only {', '.join(INGESTIBLE_SUFFIXES)} files can be ingested")
    limit = settings.FACTDESK_FETCH_MAX_BYTES
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # Reading a FIFO waits for a writer and a device may never end: refuse before opening.
            raise IngestError(f"{name} is not a regular file (a pipe, socket or device); "
                              f"only {', '.join(INGESTIBLE_SUFFIXES)} files can be ingested")
        size = info.st_size
        if size > limit:
            raise IngestError(f"{name} is too large: {size:,} bytes, the limit is {limit:,}")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise IngestError(f"{name}: no such file") from error
    except IsADirectoryError as error:
        raise IngestError(f"{name} is a folder, not a file") from error
    except OSError as error:
        raise IngestError(f"{name} cannot be read: {error.strerror or error}") from error
    origin = str(path.resolve())
    if path.suffix.lower() in (".html", ".htm"):
        html = bytes_to_text(data, html=True, name=name)
        return document_ingest_html(html=html, outlet_name=outlet_name, published_at=published_at,
                                    origin=origin, actor=actor)
    raw = bytes_to_text(data, name=name)
    header, body = split_text_header(raw)
    address = None
    if header.url:
        address = canonical_url(header.url)
        if address is None:
            raise IngestError(f"{name}: URL {header.url!r} in the header is not an http(s) URL")
    return document_ingest(
        text=body.strip("\r\n"),
        raw=raw,
        url=address,
        title=header.title,
        authors=header.authors,
        outlet_name=outlet_name or header.outlet or url_domain(address),
        outlet_domain=url_domain(address),
        published_at=published_at or header.published_at,
        language=header.language,
        origin=origin,
        actor=actor,
    )


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
