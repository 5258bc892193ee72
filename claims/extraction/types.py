"""The values the extraction engine passes between its stages and hands back.

Plain dataclasses: the engine imports nothing of Django, so these are what the
services layer turns into model rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs


@dataclass(slots=True)
class Document:
    """An article's text, cut into paragraphs and sentences, offsets preserved."""

    text: str
    published: date | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def sentence_at(self, position: int) -> Sentence | None:
        """The sentence that contains the character at `position`."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sentence = self.sentences[mid]
            if position < sentence.start:
                hi = mid - 1
            elif position >= sentence.end:
                lo = mid + 1
            else:
                return sentence
        return None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is attributed to, as the article names them.

    `name` is the bare name ("Nikol Pashinyan", "Armenian Defence Ministry");
    `role` is the title stripped off it ("Armenian Prime Minister");
    `kind` is "person" or "organisation".
    """

    name: str
    role: str = ""
    kind: str = "person"


@dataclass(slots=True)
class ExtractedClaim:
    """One claim with its exact span: text[start:end] is the evidence passage.

    `values` holds the kind's structured fields, named as in the contract:
    casualty: outcome, count, count_high, qualifier, group;
    ceasefire: effective_at (aware datetime), precision;
    quote: quote, quote_start, quote_end (the quoted words' own span).
    `rule` names the rule that produced the claim; `explanation` says, in
    ordered short steps, how its values were read ("read '2300 GMT'", "day
    2019-03-05: named in the same sentence", "zone America/Caracas from
    'Venezuela' ..."), so an editor can check the reasoning, not just the result.
    Later stages (speaker attribution) may append their own steps.
    """

    kind: str
    start: int
    end: int
    text: str
    speaker: Speaker | None
    confidence: float
    rule: str
    values: dict[str, Any] = field(default_factory=dict)
    explanation: tuple[str, ...] = ()

    def explain(self, *steps: str) -> None:
        """Append reasons to the claim's explanation, in the order they were reached."""
        self.explanation = (*self.explanation, *steps)

    def as_contract(self) -> dict[str, Any]:
        """The claim as ../shared/eval/CONTRACT.md prints it."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.name if self.speaker else None,
        }
        for key, value in self.values.items():
            out[key] = value.isoformat() if hasattr(value, "isoformat") else value
        out["speaker_role"] = self.speaker.role if self.speaker else None
        out["confidence"] = round(self.confidence, 3)
        out["rule"] = self.rule
        out["explanation"] = list(self.explanation)
        return out


@dataclass(slots=True)
class Extraction:
    """What the engine returns for one document."""

    claims: list[ExtractedClaim]
    extractor: str
    version: str
