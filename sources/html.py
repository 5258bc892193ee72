"""An article page's HTML → its main text and metadata, by trafilatura.

The text keeps one paragraph per block, blocks separated by a blank line,
because the extraction engine splits paragraphs on blank lines and every
claim offset points into this text. Navigation, footers and comments are
left out; a leading headline that repeats the title is dropped (the title
is stored on its own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone as dt_timezone
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from lxml import etree

# trafilatura and courlan (with lxml, htmldate, urllib3 …) load when a page is read, not at every
# Django start-up: the admin imports the ingest services, and most start-ups never read HTML.

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""", re.IGNORECASE)
_CONTENT_LANGUAGE = re.compile(
    r"""<meta\b[^>]*http-equiv\s*=\s*["']?content-language["']?[^>]*content\s*=\s*["']?\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)""",
    re.IGNORECASE,
)
# Blocks of trafilatura's output (its XML vocabulary) that are paragraphs of the article.
_BLOCKS = {"p", "head", "quote", "code", "item", "row"}
# A marker for <br> while a block's text is gathered: two or more in a row end a paragraph.
_LINE_BREAK = "\u2028"
_PARAGRAPH_BREAK = re.compile(r"(?:\s*\u2028){2,}\s*")


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: date | datetime | None = None  # a date alone when the page names no time
    site_name: str = ""
    language: str = ""
    canonical_url: str | None = None
    domain: str = ""  # of the canonical URL (or the page's URL), without "www."


def html_extract(html: str, *, url: str | None = None) -> HtmlArticle:
    """Main text and metadata of the article in `html`; `url` is where the page came from, if known."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"original_date": True, "extensive_search": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S%z"},
    )
    if result is None:
        return HtmlArticle(text="", canonical_url=canonical_url(url), domain=url_domain(url))
    title = " ".join((result.title or "").split())
    canonical = _choose_canonical(result.url, url)
    return HtmlArticle(
        text=_body_text(result.body, title) if result.body is not None else (result.text or ""),
        title=title,
        authors=[name.strip() for name in (result.author or "").split(";") if name.strip()],
        published_at=_published(result.date),
        site_name=" ".join((result.sitename or "").split()),
        language=_language(html, result.language),
        canonical_url=canonical,
        domain=url_domain(canonical or url),
    )


def canonical_url(url: str | None) -> str | None:
    """The form of an http(s) URL documents are deduplicated on: host lower-cased, default port,
    tracking parameters (utm_*, fbclid …) and the fragment dropped, query sorted. None for anything else."""
    if not url:
        return None
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    import courlan

    try:
        normalised = courlan.normalize_url(url, strict=False)
    except (ValueError, TypeError):
        return None
    return urlsplit(normalised)._replace(fragment="").geturl() or None


def url_domain(url: str | None) -> str:
    host = urlsplit(url).hostname if url else None
    return (host or "").lower().removeprefix("www.")


def _choose_canonical(declared: str | None, page_url: str | None) -> str | None:
    """The page's declared canonical URL, unless it is a site's front page while the page is not
    (a common template mistake that would merge every article of the site into one document)."""
    page = canonical_url(page_url)
    candidate = canonical_url(urljoin(page_url, declared) if page_url and declared else declared)
    if candidate and _is_front_page(candidate) and not (page and _is_front_page(page)):
        candidate = None
    return candidate or page


def _is_front_page(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.path.strip("/") and not parts.query


def _body_text(body: etree._Element, title: str) -> str:
    for line_break in body.iter("lb"):
        line_break.tail = _LINE_BREAK + (line_break.tail or "")
    paragraphs: list[str] = []
    for element in body.iter():
        if element.tag not in _BLOCKS or _inside_block(element):
            continue
        if element.tag == "row":
            cells = [_fold("".join(cell.itertext())) for cell in element]
            paragraphs.append(" | ".join(cell for cell in cells if cell))
        else:
            # Pages that build paragraphs from <br><br> inside one block still get one paragraph each.
            paragraphs.extend(_fold(part) for part in _PARAGRAPH_BREAK.split("".join(element.itertext())))
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if paragraphs and title and _same_words(paragraphs[0], title):
        paragraphs.pop(0)
    return "\n\n".join(paragraphs)


def _fold(text: str) -> str:
    return " ".join(text.replace(_LINE_BREAK, " ").split())


def _inside_block(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _same_words(left: str, right: str) -> bool:
    return " ".join(left.casefold().split()) == " ".join(right.casefold().split())


def _published(value: str | None) -> date | datetime | None:
    if not value:
        return None
    for form in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"):
        try:
            moment = datetime.strptime(value, form)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=dt_timezone.utc)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _language(html: str, detected: str | None) -> str:
    head = html[:20000]
    match = _HTML_LANG.search(head) or _CONTENT_LANGUAGE.search(head)
    if match:
        return match.group(1).replace("_", "-").lower()[:16]
    return (detected or "")[:16]
