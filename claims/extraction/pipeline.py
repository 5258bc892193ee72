"""The engine's one entry point: text and publication date in, claims out."""
from __future__ import annotations

from datetime import date

from . import casualties, corrections, quotes, speakers, text, times
from .types import Extraction
from .version import EXTRACTOR_NAME, EXTRACTOR_VERSION  # bump it there when output changes


def extract(document_text: str, published: date | None = None) -> Extraction:
    document = text.segment(document_text, published)
    claims = [
        *quotes.find_quote_claims(document),
        *casualties.find_casualties(document),
        *times.find_ceasefires(document),
    ]
    withdrawn = corrections.withdrawn_spans(document)
    if withdrawn:  # "we reported that the ceasefire began at midnight. It began at 04:00": the error is no claim
        claims = [claim for claim in claims if claim.kind == "quote" or not corrections.is_withdrawn(withdrawn, claim.start)]
    for claim in claims:
        if claim.kind != "quote":  # a quote claim explains its speaker itself
            claim.explain(*speakers.statement_reasons(document, claim.start, claim.end, claim.speaker))
    claims.sort(key=lambda claim: (claim.start, claim.end, claim.kind))
    return Extraction(claims=claims, extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION)
