"""Who said it (placeholder until the speakers stage lands)."""
from __future__ import annotations

from .types import Document, Speaker


def statement_speaker(document: Document, position: int) -> Speaker | None:
    """The speaker a statement at `position` is attributed to in its sentence or context, or None."""
    return None
