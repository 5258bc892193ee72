"""Which rules made a claim: the engine's name and version, importable without loading the rules.

Bump EXTRACTOR_VERSION whenever a change alters the engine's output: re-extraction with a new
version produces new fingerprints and retires untouched claims an older rule made, while the same
version is idempotent. tests/test_extraction_version.py fails when the output on a fixed corpus
changes and the version does not; `python -m claims.extraction.snapshot --update` records the new
version's output digest (see the README).
"""
EXTRACTOR_NAME = "factdesk-rules"
EXTRACTOR_VERSION = "1.1.0"
