"""Quotations and the claims they make (placeholder until the quotes stage lands)."""
from __future__ import annotations

from .types import Document, ExtractedClaim


def find_quote_claims(document: Document) -> list[ExtractedClaim]:
    return []
