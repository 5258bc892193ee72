"""Names mentioned in a sentence, kept for pronouns to refer back to, and the evidence around them.

Appositives (", 34, a teacher,"), "who"/"which" and kinship or role words
before a name tell whether a name is a person or a body, and its role and
gender.
"""
from __future__ import annotations

from .model import _Analysis, Entity, _Mention
from .names import _entity, _note_short_form
from .phrases import _appositive_after, _np_before, _with_following_pp
from .references import _gender_of_words
from .tokens import _bare, _is_name_word
from .vocabulary import (
    _FEMALE_WORDS,
    _FUNCTION_WORDS,
    _HEAD_NOUNS,
    _MALE_WORDS,
    _NAME_CONNECTORS,
    _PERSON_NOUNS,
    _TITLE_WORDS,
)


def _collect_mentions(a: _Analysis, sentence: int, first: int, end: int) -> None:
    """Names in a sentence (outside quotations), for pronouns to refer back to."""
    i = first
    seen_first = False
    while i < end:
        if a.quoted[i] or not _is_name_word(a, i):
            i += 1
            continue
        j = i
        while j + 1 < end and (_is_name_word(a, j + 1) or (a.lowers[j + 1] in _NAME_CONNECTORS and j + 2 < end
                                                            and _is_name_word(a, j + 2))) and not a.quoted[j + 1]:
            j += 1
        span = _np_before(a, j, first)
        if span and span[0] == span[1] == first and _bare(a.lowers[first]) in _HEAD_NOUNS:
            span = _with_following_pp(a, span, end)  # "Families of the hostages protested"
            j = span[1]
        if span:
            preceded_by_preposition = span[0] > first and a.lowers[span[0] - 1] in _FUNCTION_WORDS \
                and a.lowers[span[0] - 1] not in ("and", "but", "the")
            entity = _entity(a, span, a.starts[span[0]], sentence)
            if entity is not None:
                _note_short_form(a, entity, span[1])
                role, person, gender, _ = _appositive_after(a, j, end, closed=True)
                if j + 2 < end and a.words[j + 1] == "," and a.lowers[j + 2] == "which" and not entity.role:
                    entity.kind, entity.gender = "organisation", None  # people are "who", bodies "which"
                _note_evidence(entity, role, person, gender)
                _note_evidence_before(a, entity, span[0], first)
                if entity.kind != "unknown" or person:
                    salience = 1 if not seen_first and not preceded_by_preposition else 0
                    a.mentions.append(_Mention(entity, a.starts[span[0]], sentence, salience))
                seen_first = True
        i = j + 1


def _note_evidence_before(a: _Analysis, entity: Entity, i: int, first: int) -> None:
    """"Her son, Viktor," / "her son Viktor": a kinship or role word right before a bare name."""
    k = i - 1
    if k >= first and a.words[k] == ",":
        k -= 1
    if k < first or entity.kind == "organisation":
        return
    word = _bare(a.lowers[k])
    if word in _FEMALE_WORDS or word in _MALE_WORDS or word in _PERSON_NOUNS or word in _TITLE_WORDS:
        _note_evidence(entity, a.words[k] if word not in _TITLE_WORDS else "", True, _gender_of_words({word}))


def _note_evidence(entity: Entity, role: str, person: bool, gender: str | None) -> None:
    if person and entity.kind == "unknown":
        entity.kind = "person"
    if role and not entity.role and entity.kind == "person":
        entity.role = role
    if gender and entity.gender is None and entity.kind == "person":
        entity.gender = gender
