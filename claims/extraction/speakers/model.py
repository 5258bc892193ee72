"""The values the speaker rules work with: entities, attributions and the per-document analysis.

`Entity` is a person or body shared by all its mentions; `Attribution` is a
reporting verb with its subject; `QuoteAttribution` a quotation with its
speaker. `_Analysis` holds one document's tokens and everything the pass finds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..source_lines import SourceLines
from ..text import Quotation
from ..types import Document, Speaker


@dataclass(eq=False, slots=True)
class Entity:
    """A person or body the article names, shared by all its mentions."""

    name: str
    role: str = ""
    kind: str = "person"          # person, organisation or unknown (a bare single name)
    gender: str | None = None     # male, female or None
    plural: bool = False
    short: str = ""               # the short form the article gives in brackets: "MONUC", "ISPR"
    described: str = ""           # a body's own description: "the Catholic charity" for "Caritas, the Catholic charity,"

    def speaker(self) -> Speaker:
        """The speaker as editors read it: a body's name with the short form the article uses for it, so that
        "Inter-Services Public Relations (ISPR)" is found under either."""
        kind = "person" if self.kind == "person" or (self.kind == "unknown" and self.gender) else "organisation"
        name = self.name
        if self.short and self.short.lower() not in name.lower().split():
            name = f"{name} ({self.short})"
        return Speaker(name=name, role=self.role, kind=kind)


@dataclass(slots=True)
class Attribution:
    """A reporting verb and who it attributes words to."""

    verb: int                      # token index of the verb ("said"; "according" for "according to")
    start: int                     # char span of the whole attribution clause (subject + verb + tail)
    end: int
    subject_start: int
    subject_end: int
    entity: Entity | None
    inverted: bool                 # subject after the verb: ", said Nina"
    strength: str                  # speech (quotes and statements) or report (statements only)
    sentence: int
    frame: str = ""                # the reporting frame that read it (lexicons/speaker_frames.json)
    resolved: str = ""             # how its subject became the entity, when it refers back ("'he' is ...")
    verb_word: str = ""            # the trigger word as written ("said", "according")


@dataclass(slots=True)
class QuoteAttribution:
    quotation: Quotation
    entity: Entity | None
    rule: str
    start: int                     # the claim's span: quotation plus adjacent attribution
    end: int
    via: Attribution | None = None  # the reporting frame it was credited through, if any


@dataclass(slots=True)
class _Mention:
    entity: Entity
    position: int
    sentence: int
    salience: int
    place: bool = False            # "in Kashmir", a dateline: never a pronoun's antecedent
    bare: bool = False             # a lone unknown name acting as subject: "it" or "the company"
    lone_name: bool = False        # ... capitalised mid-sentence, so surely a name: "he"/"she" nearby too


@dataclass(slots=True)
class _Analysis:
    document: Document
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)
    punct: list[bool] = field(default_factory=list)   # a punctuation mark, not a word
    names: list[bool] = field(default_factory=list)   # a word that can be part of a name (capitalised, no grammar word)
    written_lowercase: frozenset[str] = frozenset()    # words the document spells in lowercase somewhere
    sentence_of_token: list[int] = field(default_factory=list)
    sentence_first_token: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    quotation_ends: list[int] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[_Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    by_sentence: dict[int, list[Attribution]] = field(default_factory=dict)
    quotes: list[QuoteAttribution] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    note: str | None = None        # how the latest reference was resolved, read by the frame that asked
    decided: dict = field(default_factory=dict)  # position -> StatementAttribution, each asked once
    release: tuple | None = None   # (issuer, sentence, verb) of an organisation's own release; () when none
    items: SourceLines | None = None  # a monitoring digest's source lines, read when a statement needs them
    turns: dict | None = None      # a record's paragraph -> (name start, name end, own voice, label start, label end)
