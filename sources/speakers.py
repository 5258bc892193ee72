"""Resolving a speaker's name as printed to the one Speaker it refers to.

Extraction (claims.services.extraction) calls speaker_resolve for every
attributed claim; it lives here, beside the Speaker model, so that claims
imports sources and never the other way round.
"""
from __future__ import annotations

from django.db import IntegrityError, transaction

from .models import Speaker, SpeakerAlias, normalize_name


def speaker_resolve(*, name: str, role: str = "", kind: str = Speaker.Kind.PERSON) -> Speaker:
    """The one Speaker that `name` refers to, created on first sight.

    "Nikol Pashinyan", "Pashinyan" and "Armenian Prime Minister Nikol Pashinyan"
    resolve to one speaker: the full name, the name with its role, and (for a
    person) the surname are kept as aliases. A surname already taken by another
    speaker stays with the first one.
    """
    key = normalize_name(name)
    if not key:
        raise ValueError("a speaker needs a name")
    alias = SpeakerAlias.objects.select_related("speaker").filter(normalized_alias=key).first()
    if alias is not None:
        speaker = alias.speaker
        if role and not speaker.role:
            speaker.role = role[:300]
            speaker.save(update_fields=["role"])
        return speaker
    speaker = Speaker.objects.filter(normalized_name=key).first()
    if speaker is None:
        speaker = Speaker.objects.create(name=" ".join(name.split())[:300], role=role[:300], kind=kind)
    aliases = {name}
    if role:
        aliases.add(f"{role} {name}")
    parts = name.split()
    if kind == Speaker.Kind.PERSON and len(parts) > 1:
        aliases.add(parts[-1])
    for value in aliases:
        _alias_add(speaker, value)
    return speaker


def _alias_add(speaker: Speaker, alias: str) -> None:
    key = normalize_name(alias)
    if key and not SpeakerAlias.objects.filter(normalized_alias=key).exists():
        try:
            with transaction.atomic():
                SpeakerAlias.objects.create(speaker=speaker, alias=alias[:300])
        except IntegrityError:
            pass  # taken concurrently by another speaker: the first one keeps it
