"""FactDesk's claim extraction engine: pure Python, offline, no Django import.

    from claims.extraction import extract
    result = extract(text, published=date(2022, 9, 13))

Importing the package is cheap: the rules (and the regexes built from the lexicons) load on first
use of `extract`, so a process that only needs the version or the result types never pays for them.
"""
from __future__ import annotations

from typing import Any

from .types import Extraction, ExtractedClaim, Speaker
from .version import EXTRACTOR_NAME, EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Extraction", "ExtractedClaim", "Speaker", "extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
