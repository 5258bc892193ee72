"""Which rules made a claim: the engine's name and version, importable without loading the rules.

Bump EXTRACTOR_VERSION whenever a change alters the engine's output: re-extraction with a new
version produces new fingerprints and retires untouched claims an older rule made, while the same
version is idempotent. tests/test_extraction_version.py fails when the output on the realistic
corpus changes and the version does not: bump the version here, then record its output digest with
`python manage.py extraction_snapshot --update` (see the README).
"""
EXTRACTOR_NAME = "factdesk-rules"
EXTRACTOR_VERSION = "1.197.0"
