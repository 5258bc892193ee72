"""Business actions on sources: ingesting a document.

    document_ingest       text (with whatever metadata is known) → Document + queued extraction job
    document_ingest_html  an article page's HTML → main text and metadata → document_ingest
    document_ingest_url   fetch a URL through the outbound guard → HTML or text → document_ingest
    document_ingest_file  a .txt/.html/.htm file → document_ingest
    document_update       an editor's correction of title, URL, outlet, date, authors or language,
                          with its DocumentEvent; a changed publication day re-runs extraction

(Speakers are resolved in sources.speakers.)
"""
from __future__ import annotations

import logging
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone as dt_timezone
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from factdesk.errors import IngestError, ServiceError

from . import hooks
from .html import canonical_url, html_extract, url_domain
from .models import Document, DocumentEvent, Outlet, text_hash
from .reading import bytes_to_text, split_text_header
from .text_metadata import read_text_metadata

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
    published_at: date | datetime | None = None,
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
    if raw_content_type == Document.ContentType.TEXT:
        # Plain text prints its metadata where a reader sees it; what the caller knows wins.
        seen = read_text_metadata(text, today=timezone.now().date())
        title = title or seen.title
        authors = authors or list(seen.authors)
        published_at = published_at or seen.published
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
                **Document.published_fields(published_at),
                language=language[:16],
                raw=raw if raw is not None else text,
                raw_content_type=raw_content_type,
                text=text,
                content_hash=content_hash,
                origin=origin[:500],
            )
            job = hooks.extraction_request(document=document, actor=actor)
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
    published_at: date | datetime | None = None,
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
    *, url: str, outlet_name: str = "", published_at: date | datetime | None = None, actor=None
) -> IngestResult:
    """Fetch `url` through the outbound guard and ingest the HTML page or plain text it answers with.

    Every refusal (bad URL, private address, timeout, non-2xx, wrong type, too
    large) is an IngestError that keeps the fetch's `permanent` flag.
    """
    from factdesk import outbound  # httpx loads when a URL is fetched, not at every Django start-up

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
    *, path: str | Path, outlet_name: str = "", published_at: date | datetime | None = None, actor=None
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


# --- Correcting a document's metadata -----------------------------------------------

EDITABLE_FIELDS = ("title", "url", "outlet", "published_at", "authors", "language")
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_MAX_AUTHORS = 50
_EARLIEST_PUBLICATION = date(1900, 1, 1)


@dataclass(frozen=True)
class DocumentUpdateResult:
    document: Document
    event: DocumentEvent | None  # None when nothing changed
    job_id: int | None  # the re-extraction a changed publication date queued


def document_changes_clean(changes: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a metadata correction; a ServiceError (400) names every bad field.

    title: text; url: an http(s) URL or None; outlet: a name or None;
    published_at: a date (the day, no time), an aware datetime, or None;
    authors: a list of names; language: a tag such as "en" or "pt-BR", or "".
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ServiceError(
            f"{', '.join(unknown)} cannot be changed; a document's editable fields are {', '.join(EDITABLE_FIELDS)}"
            + (" (the text is fixed: every claim's offsets point into it)" if "text" in unknown else ""),
            field_errors={name: ["This field cannot be changed."] for name in unknown},
        )
    clean, errors = {}, {}
    for name, value in changes.items():
        try:
            clean[name] = _FIELD_CLEANERS[name](value)
        except ValueError as error:
            errors[name] = [str(error)]
    if errors:
        raise ServiceError("; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()),
                           field_errors=errors)
    return clean


def _clean_title(value) -> str:
    if not isinstance(value, str):
        raise ValueError("Must be text.")
    value = " ".join(value.split())
    if len(value) > 500:
        raise ValueError(f"Is {len(value):,} characters long; the limit is 500.")
    return value


def _clean_url(value) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError("Must be an http(s) URL, or null to remove it.")
    address = canonical_url(value.strip())
    if address is None:
        raise ValueError(f"{value[:200]!r} is not an http(s) URL.")
    if len(address) > Document._meta.get_field("url").max_length:
        raise ValueError("Is longer than 2,000 characters.")
    return address


def _clean_outlet(value) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError("Must be the outlet's name, or null to remove it.")
    value = " ".join(value.split())
    if len(value) > 200:
        raise ValueError("Is longer than 200 characters.")
    return value


def _clean_published(value) -> date | datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("A date and time needs its UTC offset, e.g. 2022-09-13T08:30:00+03:00.")
        day = value.astimezone(dt_timezone.utc).date()
    elif isinstance(value, date):
        day = value
    else:
        raise ValueError("Must be a date (2022-09-13), a date and time with its offset, or null.")
    latest = timezone.now().date() + timedelta(days=1)
    if not _EARLIEST_PUBLICATION <= day <= latest:
        raise ValueError(f"{day.isoformat()} is not a possible publication date "
                         f"(between {_EARLIEST_PUBLICATION.isoformat()} and {latest.isoformat()}).")
    return value


def _clean_authors(value) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(name, str) for name in value):
        raise ValueError("Must be a list of names.")
    names = [" ".join(name.split()) for name in value]
    if any(not name for name in names):
        raise ValueError("A name cannot be empty.")
    if any(len(name) > 200 for name in names):
        raise ValueError("A name is longer than 200 characters.")
    if len(names) > _MAX_AUTHORS:
        raise ValueError(f"Has {len(names)} names; the limit is {_MAX_AUTHORS}.")
    return names


def _clean_language(value) -> str:
    if not isinstance(value, str):
        raise ValueError("Must be a language tag such as en or pt-BR, or empty.")
    value = value.strip()
    if value and (len(value) > 16 or not _LANGUAGE_TAG.match(value)):
        raise ValueError(f"{value[:40]!r} is not a language tag such as en or pt-BR.")
    return value


_FIELD_CLEANERS = {
    "title": _clean_title, "url": _clean_url, "outlet": _clean_outlet, "published_at": _clean_published,
    "authors": _clean_authors, "language": _clean_language,
}


def document_metadata(document: Document) -> dict[str, Any]:
    """The editable metadata as JSON values: what a DocumentEvent records before and after."""
    published = None
    if document.published_at is not None:
        published = (document.published_day.isoformat() if document.published_date_only
                     else document.published_at.astimezone(dt_timezone.utc).isoformat())
    return {
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet.name if document.outlet_id else None,
        "published_at": published,
        "authors": list(document.authors),
        "language": document.language,
    }


def document_update(
    *, document_id: int, actor, expected_version: int | None, note: str = "", **changes: Any
) -> DocumentUpdateResult:
    """Correct a document's metadata (EDITABLE_FIELDS), writing one DocumentEvent in the same transaction.

    `expected_version` is the version the editor read (None only where no
    stale read is possible, such as a command run by hand): another change
    since then is a 412. A publication day that changes re-runs extraction,
    since relative times ("on Tuesday") are resolved against it; reviewed
    claims and their history are kept, as every re-extraction keeps them.
    Changing nothing writes nothing.
    """
    clean = document_changes_clean(changes)
    try:
        with transaction.atomic():
            # of=self: PostgreSQL locks no row on the nullable side of the outer join to the outlet.
            document = (Document.objects.select_for_update(of=("self",)).select_related("outlet")
                        .filter(pk=document_id).first())
            if document is None:
                raise ServiceError(f"document {document_id} does not exist", status=404, title="Not found")
            if expected_version is not None and expected_version != document.version:
                raise ServiceError(
                    f"document {document_id} is at version {document.version}, not {expected_version}: "
                    f"someone changed it since you read it; read it again (ETag {document.etag})",
                    status=412, title="Document changed since it was read",
                )
            before = document_metadata(document)
            day_before = document.published_day
            _apply(document, clean)
            after = document_metadata(document)
            diff = {name: [before[name], after[name]] for name in EDITABLE_FIELDS if before[name] != after[name]}
            if not diff:
                return DocumentUpdateResult(document=document, event=None, job_id=None)
            if "url" in diff and document.url and Document.objects.filter(url=document.url).exclude(pk=document.pk).exists():
                raise ServiceError(f"another document already has the URL {document.url}", status=409,
                                   title="Conflict", field_errors={"url": ["Another document already has this URL."]})
            document.version += 1
            document.save(update_fields=["title", "url", "outlet", "published_at", "published_date_only", "authors",
                                         "language", "version"])
            job = None
            if document.published_day != day_before:
                job = hooks.extraction_request(document=document, actor=actor)
            event = DocumentEvent.objects.create(
                document=document, actor=actor, changes=diff, note=note.strip()[:2000], version=document.version,
                reextraction_job_id=job.pk if job is not None else None,
            )
    except IntegrityError as error:
        # Only a race can get here: the URL taken, or the same version written, by a concurrent change.
        raise ServiceError(f"document {document_id} changed at the same moment ({error}); read it again and retry",
                           status=409, title="Conflict", permanent=False) from error
    logger.info("document %s corrected by %s: %s%s", document.pk, actor, ", ".join(diff),
                f"; re-extraction job {job.pk} queued" if job else "")
    return DocumentUpdateResult(document=document, event=event, job_id=job.pk if job else None)


def _apply(document: Document, clean: dict[str, Any]) -> None:
    for name, value in clean.items():
        if name == "outlet":
            document.outlet = outlet_get_or_create(name=value) if value else None
        elif name == "published_at":
            for field, field_value in Document.published_fields(value).items():
                setattr(document, field, field_value)
        else:
            setattr(document, name, value)
