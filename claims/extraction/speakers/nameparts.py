"""Pieces of a name: whether an "and" joins two halves of one body's name, whether a word is a short form.

Kept apart from names.py so that the phrase readers (phrases.py) can use them without importing the
entity rules, which read phrases.
"""
from __future__ import annotations

from .model import _Analysis
from .tokens import _bare
from .vocabulary import _ORG_NAME_WORDS


def _and_inside_name(a: _Analysis, j: int, limit: int) -> bool:
    """Whether "and" at j joins two halves of one body's name: the words after it run on to an
    organisation word ("... and Management Authority"), and the words before it do not end in one."""
    if not a.names[j - 1] or _bare(a.lowers[j - 1]) in _ORG_NAME_WORDS or _is_acronym(a.words[j - 1]):
        return False
    k = j + 1
    while k < limit and a.names[k]:
        k += 1
    if k > j + 1 and _bare(a.lowers[k - 1]) in _ORG_NAME_WORDS:
        return True
    # "Ministry of Health and Population": "and" inside the complement of a body's "of"
    m = j - 1
    while m > 0 and (a.names[m] or a.lowers[m] in ("of", "for")):
        if a.lowers[m] in ("of", "for") and _bare(a.lowers[m - 1]) in _ORG_NAME_WORDS and a.names[m - 1]:
            return k > j + 1
        m -= 1
    return False


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()
