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


def _spelled_short_form(a: _Analysis, close: int) -> bool:
    """Whether "(Arsa)" closing at token `close` is the short form of the name before it, written as a word: its
    letters are the initials of that name's capitalised words ("Arakan Rohingya Salvation Army")."""
    if close < 3 or a.words[close] != ")" or a.words[close - 2] != "(":
        return False
    word = a.words[close - 1]
    if len(word) < 3 or not word.isalpha() or not word[:1].isupper():
        return False
    initials = []
    k = close - 3
    while k >= 0 and (a.names[k] or a.lowers[k] in ("of", "for", "and", "the")):
        if a.names[k]:
            initials.append(a.words[k][0].lower())
        k -= 1
    return "".join(reversed(initials)).endswith(word.lower()) and len(initials) >= len(word)
