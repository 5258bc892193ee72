"""Who said it: attribution of quotations and statements to people and bodies.

One pass over a document (cached per document) finds every reporting frame
("said", "told", "wrote", "according to", "put ... at") and its subject: the
noun phrase before it ("Armenian Prime Minister Nikol Pashinyan said"), after it
("..., said Nina, a Yerevan resident"), an elided one ("... and urged"), or a
pronoun resolved to the latest fitting earlier person or body. Names are
canonicalised so that a surname alone ("Pashinyan said") maps to the full name
introduced earlier, and titles are split off into `Speaker.role`.

`statement_speaker(document, position)` and `quote_attributions(document)` read
that pass; the word lists it applies live in `lexicons/`. A text speaks for the
issuer its phrase or its sentence names ("a statement from X", "X issued a
statement condemning"); when no frame governs a statement, the document's own
voice may still have a source: a body's own truce ("the Kremlin's ceasefire"),
the labelled answer of an interview transcript, or the issuer of an
organisation's own release ("The Forum ... welcomes").

Pronouns and back-references resolve by salience: the subject of the sentence
(a name inside a prepositional phrase or describing a following noun is none),
gender agreement, then recency among the sentence's speakers.

The package, in the order the pass uses it:
    vocabulary         lexicons compiled once, grammar words, the tokenizer
    model              Entity, Attribution, QuoteAttribution and the per-document analysis
    tokens             tokens, sentences and paragraphs of a document
    phrases            noun phrases, appositives and verb tails around a reporting verb
    references         pronouns, "the ministry"/"the spokeswoman" back-references, gender
    names              a noun phrase -> a canonical entity with name, role, kind, gender
    mentions           names in a sentence and the evidence around them
    asides             what stands between a subject and its verb, and names given in passing
    frames             the reporting frames of lexicons/speaker_frames.json and their matchers
    quote_attribution  the attribution each quotation belongs to
    attribution        the cached pass and the public readers below
"""
from .attribution import (
    StatementAttribution,
    attribution_reasons,
    attributions,
    quote_attributions,
    quote_reasons,
    statement_attribution,
    statement_reasons,
    statement_speaker,
)
from .model import Attribution, Entity, QuoteAttribution

__all__ = ["Attribution", "Entity", "QuoteAttribution", "StatementAttribution", "attribution_reasons", "attributions",
           "quote_attributions", "quote_reasons", "statement_attribution", "statement_reasons",
           "statement_speaker"]
