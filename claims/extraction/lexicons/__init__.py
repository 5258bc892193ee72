"""Lexicons are data: word lists (.txt, one entry a line, '#' comments) and tables (.json) beside this file.

Rules modules load them once at import; nothing here knows what a lexicon means.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of `<name>.txt`, in file order, blank lines and comments left out."""
    entries = []
    for line in (_HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


def path(filename: str) -> Path:
    """Where a lexicon file of another format lives (lexicons/gazetteer.tsv)."""
    return _HERE / filename


@cache
def table(name: str) -> Any:
    """The parsed contents of `<name>.json`."""
    return json.loads((_HERE / f"{name}.json").read_text(encoding="utf-8"))
