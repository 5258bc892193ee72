"""Casualty counts (placeholder until the casualties stage lands)."""
from __future__ import annotations

from .types import Document, ExtractedClaim


def find_casualties(document: Document) -> list[ExtractedClaim]:
    return []
