"""Ceasefire start times (placeholder until the times stage lands)."""
from __future__ import annotations

from .types import Document, ExtractedClaim


def find_ceasefires(document: Document) -> list[ExtractedClaim]:
    return []
