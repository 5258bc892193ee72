"""FactDesk's claim extraction engine: pure Python, offline, no Django import.

    from claims.extraction import extract
    result = extract(text, published=date(2022, 9, 13))
"""
from .pipeline import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract
from .types import Extraction, ExtractedClaim, Speaker

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Extraction", "ExtractedClaim", "Speaker", "extract"]
