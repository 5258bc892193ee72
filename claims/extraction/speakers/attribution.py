"""The public readers of the speaker pass, and the pass itself, cached per document.

`_analyse` runs tokens -> attributions -> quotations once per document and keeps
the result while the document is in use; `statement_speaker`,
`quote_attributions` and `attributions` read it.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from bisect import bisect_right
from collections import OrderedDict
from itertools import takewhile

from .. import gazetteer, lexicons, pattern_cache
from ..types import Document, Speaker
from .model import _Analysis, Attribution, Entity, QuoteAttribution
from .references import _monitored_outlet, _name_described_people, _name_office_holders, _resolve_pronoun
from .quote_attribution import _attribute_quotations, _credit_headline_echoes, _labelled_paragraph
from ..text import is_heading
from .names import _entity
from .nameparts import _spelled_short_form
from .phrases import _np_after, _np_before
from .asides import _read_asides
from .tokens import (HONORIFIC, HONORIFICS, TURN_LABEL as _TURN, _bare, _sentence_bounds, _sentence_index, _tokenise,
                     _tokens_between)
from .frames import _AUTHOR_PARTICIPLES, FRAMES, _find_attributions
from .vocabulary import is_outlet, names_a_body, names_a_speaker, _CARE_VERBS, _DOCUMENT_NOUNS, _FUNCTION_WORDS, _ORG_NOUNS, _PEOPLE_NOUNS, _PERSON_NOUNS, _PLACES, _STATES, _TITLE_WORDS, _VOICE_BREAKS

_CACHE_SIZE = 16

FRAME_EXPLANATIONS = {frame["name"]: frame["explain"] for frame in FRAMES}
# how each quotation pass of quote_attribution.py reads, in a claim's explanation
QUOTE_PASSES = {
    "quote.said_after": "the attribution right after its closing mark",
    "quote.said_before": "the attribution introducing it",
    "quote.dash_credit": "a credit line after a dash",
    "quote.in_sentence": "an attribution in the same sentence",
    "quote.colon_lead": "the subject of the clause that introduces it with a colon",
    "quote.paragraph": "the attribution in the same paragraph",
    "quote.continuation": "the speaker of the paragraph before (a quote paragraph continuing them)",
    "quote.next_sentence": "the next sentence, which points back to it",
    "quote.previous_subject": "the person the sentence before it is about",
    "quote.headline_echo": "the speaker of the body quote that the headline echoes",
    "quote.headline_speaker": "the name the headline gives before a colon",
    "quote.tape_cue": "the voice a broadcast transcript's cue line names for the recording",
    "quote.monitored_outlet": "the outlet whose monitored item holds the quotation, which no one in it is credited with",
    "quote.item_label": "the issuer the label opening a monitored item names ('Text of statement by ...:')",
}

_cache: OrderedDict[int, _Analysis] = OrderedDict()
_cache_lock = threading.Lock()


def statement_speaker(document: Document, position: int) -> Speaker | None:
    """The speaker a statement at `position` is attributed to in its sentence or context, or None."""
    return statement_attribution(document, position).speaker


@dataclass(frozen=True, slots=True)
class StatementAttribution:
    """Who a statement is attributed to, and the steps that decided it (for the claim's explanation)."""

    speaker: Speaker | None
    reasons: tuple[str, ...] = ()


def statement_attribution(document: Document, position: int) -> StatementAttribution:
    """The speaker of the statement at `position`, with why: the quotation it sits in, or the reporting
    frame of its sentence that governs it (the passes of `_statement_source`, most specific first)."""
    analysis = _analyse(document)
    decided = analysis.decided.get(position)
    if decided is None:
        decided = analysis.decided[position] = _statement_attribution(analysis, position)
    return decided


def statement_reasons(document: Document, start: int, end: int, speaker: Speaker | None) -> tuple[str, ...]:
    """The reasons given when a claim spanning start..end was attributed to `speaker`: the statement the
    claim's stage asked about inside that span (the pipeline appends them to the claim's explanation)."""
    decided = _analyse(document).decided
    for position in sorted(p for p in decided if start <= p < end):
        if decided[position].speaker == speaker:
            return decided[position].reasons
    return ()


def _statement_attribution(analysis: _Analysis, position: int) -> StatementAttribution:
    k = bisect_right(analysis.quote_starts, position) - 1
    if k >= 0 and position < analysis.quotes[k].quotation.inner_end:
        quote = analysis.quotes[k]
        if quote.entity is not None:
            return StatementAttribution(quote.entity.speaker(), (
                f"speaker {quote.entity.name}: the statement is inside a quotation credited to them",
                *quote_reasons(quote)))
        if not _words_quoted_inside_a_sentence(analysis, quote):
            return StatementAttribution(None, ("inside a quotation no one is credited with: no speaker",))
        # (words quoted inside a sentence, credited to no one: "had put the missing at "about 200."" is read by the
        # sentence's own frame, below)
    sentence = _sentence_index(analysis, position)
    if sentence is None:
        return StatementAttribution(None)
    found, why = _statement_source(analysis, sentence, position)
    relayed = _relayed_source(analysis, sentence, found, position)
    if relayed is not None:
        found, why = relayed, f"{found.entity.name} relays what it credits to {relayed.entity.name}"
    named = _named_over_place(analysis, sentence, found, position)
    if named is not None:
        found, why = named, f"'{found.entity.name}' stands for its government; {named.entity.name} is named as the source"
    if found is None:
        continued = _continued_report(analysis, sentence)
        if continued is not None:
            found, why = continued, "the sentence goes on with the report of the sentence before it"
    if found is None:
        credited = _headline_credit(analysis, sentence, position)
        if credited is not None:
            return StatementAttribution(credited.speaker(), (
                f"speaker {credited.name}: a headline credits its source after a colon or a dash",))
        bracketed = _bracketed_credit(analysis, sentence, position)
        if bracketed is not None:
            return StatementAttribution(bracketed.speaker(), (
                f"speaker {bracketed.name}: the line closes on its source in brackets, and no frame governs it",))
        owner = _owner_of_the_halt(analysis, sentence, position) or _owner_of_the_toll(analysis, sentence, position)
        if owner is not None:
            return StatementAttribution(owner[0].speaker(), (f"speaker {owner[0].name}: {owner[1]}",))
        answering = _transcript_answer(analysis, sentence)
        if answering is not None:
            return StatementAttribution(answering.speaker(), (
                f"speaker {answering.name}: an interview transcript's answer, its paragraph opened by their label, "
                f"and no other source governs the statement",))
        issuer = _release_issuer(analysis)
        if issuer is not None and sentence >= issuer[1] \
                and not is_heading(analysis.document, analysis.document.sentences[sentence].paragraph):
            return StatementAttribution(issuer[0].speaker(), (
                f"speaker {issuer[0].name}: the article is {issuer[0].name}'s own release, which opens by "
                f"speaking in its voice ('{issuer[2]}'), and no other source governs the statement",))
        labelled = _labelled_paragraph(analysis, analysis.document.sentences[sentence].paragraph)
        if labelled is not None:
            return StatementAttribution(labelled.speaker(), (
                f"speaker {labelled.name}: the label opening the item names the issuer of its text, and no other "
                f"source governs the statement",))
        outlet = _monitored_outlet(analysis, sentence)
        if outlet is not None:
            return StatementAttribution(outlet.speaker(), (
                f"speaker {outlet.name}: the item is the text of {outlet.name}'s report, whose source line heads it "
                f"in a monitoring digest, and no other source governs the statement",))
        return StatementAttribution(None, ("no reporting frame governs the statement: the article's own voice",))
    return StatementAttribution(found.entity.speaker(), (f"speaker {found.entity.name}: {why}",
                                                          *attribution_reasons(found)))


def _words_quoted_inside_a_sentence(analysis: _Analysis, quote: QuoteAttribution) -> bool:
    """Whether the quotation stands inside its sentence, after words of the sentence's own that lead into it ("put
    the toll at "about 200""), rather than opening it."""
    sentence = _sentence_index(analysis, quote.quotation.start)
    if sentence is None:
        return False
    bounds = analysis.document.sentences[sentence]
    return bounds.start < quote.quotation.start and quote.quotation.end <= bounds.end + 1


def attribution_reasons(x: Attribution) -> tuple[str, ...]:
    """How a reporting frame read its speaker: the frame, then how its subject was resolved."""
    frame = FRAME_EXPLANATIONS.get(x.frame)
    reasons = [f"frame: {frame.format(verb=x.verb_word)}"] if frame else []
    if x.resolved:
        reasons.append(x.resolved)
    return tuple(reasons)


def quote_reasons(quote: QuoteAttribution) -> tuple[str, ...]:
    """Why a quotation has its speaker: the quotation pass that found it, then its frame's reasons."""
    if quote.entity is None:
        return ("no attribution found for the quotation",)
    reasons = [f"quotation credited by {QUOTE_PASSES.get(quote.rule, quote.rule)}"]
    if quote.via is not None:
        reasons.extend(attribution_reasons(quote.via))
    return tuple(reasons)


def quote_attributions(document: Document) -> list[QuoteAttribution]:
    """Every quotation in the document with its speaker, the rule that found it and its claim span."""
    return _analyse(document).quotes


def attributions(document: Document) -> list[Attribution]:
    """Every reporting verb with a resolved subject, in document order."""
    return [a for a in _analyse(document).attributions if a.entity]


def _analyse(document: Document) -> _Analysis:
    """The document's attribution pass, computed once and kept while the document is in use.

    Who said what depends on the words alone, not on the day the story is dated: a copy of the
    document re-dated by a dateline or a monitored item's own day (`dataclasses.replace`, which keeps
    the same sentence list) shares the original's analysis instead of tokenising the text again.
    The cache holds the document, and with it that list, so an id cannot be reused by another
    document while its entry lives; a lock keeps threaded workers safe.
    """
    key = id(document.sentences)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached.document.sentences is document.sentences:
            _cache.move_to_end(key)
            return cached
    analysis = _Analysis(document=document)
    _tokenise(analysis)
    _find_attributions(analysis)
    _drop_turn_labels_as_subjects(analysis)
    _name_office_holders(analysis)
    _name_described_people(analysis)
    _attribute_quotations(analysis)
    _credit_headline_echoes(analysis)
    analysis.quote_starts = [q.quotation.inner_start for q in analysis.quotes]
    with _cache_lock:
        _cache[key] = analysis
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return analysis


def _statement_source(a: _Analysis, sentence: int, position: int) -> tuple[Attribution | None, str]:
    """The frame that governs a statement in its sentence, and why; tried in order: a frame before the
    statement (unless a relative clause, an order or a break in the voice keeps it out), the frame
    closing the sentence, then "according to"."""
    candidates = [x for x in a.by_sentence.get(sentence, ()) if x.entity is not None]
    if not candidates:
        return None, ""
    made_by = [x for x in candidates if x.frame == "announced_terms" and a.lowers[x.verb] in _AUTHOR_PARTICIPLES]
    if made_by and len(made_by) < len(candidates):
        # "Hamas said a truce brokered by Egypt had taken hold": who made the truce yields to who reports it
        candidates = [x for x in candidates if x not in made_by]
    candidates = [x for x in candidates if a.lowers[x.verb] not in _CARE_VERBS
                  or _cares_for(a, x, a.by_sentence[sentence], position)]
    if not candidates:
        return None, ""
    text = a.document.text
    before = [x for x in candidates if x.strength != "according" and (x.frame != "agent_after" or not x.inverted)
              and a.ends[x.verb] <= position
              and not (x.inverted and x.subject_end > position) and not _closed_relative(a, x, position)]
    trailing = _trailing_speaker(a, candidates, position)
    if before:
        nearest = _outermost(a, before, before[-1])
        gap = text[a.ends[nearest.verb]:position]
        if trailing is not None and not trailing.inverted and nearest.entity is not trailing.entity \
                and _CLOSES_SENTENCE.match(text, trailing.end) \
                and (_RELATIVE_CLAUSE.search(gap) or _opens_relative(a, nearest)):
            # "The militia that the army said it had defeated killed 11 villagers, officials said": the
            # army speaks only inside the relative clause; the closing attribution frames the sentence
            # "X said it carried out the bombing, which killed 32 people, police said": a toll in a clause
            # describing the event, inside the attribution that closes the sentence and frames all of it
            return trailing, "the attribution closing the sentence frames it; the earlier one speaks inside a clause"
        closing = next((x for x in candidates if x.strength == "according" and a.starts[x.verb] > position), None)
        if closing is not None and closing.entity is not nearest.entity and _RELATIVE_FIGURE.search(gap) \
                and _CLOSES_SENTENCE.match(text, closing.end):
            # "The ICRC recalls that a truce ended three days of fighting in which 49 people were killed, according
            # to the health ministry": the frame before tells the story; the figure in the relative clause is
            # credited by the 'according to' that closes it
            return closing, "'according to' closing the sentence credits the figure in a clause the frame before only frames"
        if trailing is not None and nearest.entity is not trailing.entity and _DIRECTIVE.match(gap) \
                and a.lowers[nearest.verb] in _DIRECTIVE_VERBS:
            # "The group told its units to stop attacks from 1800 GMT, its commander wrote": the first verb
            # gives an order, not a report; the attribution after the clause names who reported it
            return trailing, "the attribution after the statement reports the order the first verb gives"
        if trailing is not None and nearest.entity is not trailing.entity and a.lowers[nearest.verb] in _AGREEMENT_VERBS \
                and _CLOSES_SENTENCE.match(text, trailing.end):
            # "X and Y agreed to halt the fighting from 06:00 GMT, officials said": the officials report the agreement
            return trailing, "the attribution closing the sentence reports what was agreed"
        fronted = next((x for x in candidates if x.strength == "according" and a.starts[x.verb] < nearest.subject_start), None) \
            if a.lowers[nearest.verb] in _AGREEMENT_VERBS else None
        if fronted is not None and fronted.entity is not nearest.entity:
            # "According to the Second Army Region, field commanders agreed by radio to stop firing at 4.30pm": the
            # source that opens the sentence reports what was agreed
            return fronted, "'according to' opening the sentence reports what was agreed"
        cited = next((x for x in candidates if x.strength == "according" and a.lowers[x.verb] == "citing"
                      and a.starts[x.verb] > position), None)
        if cited is not None and cited.entity is not nearest.entity and _CLOSES_SENTENCE.match(text, cited.end) \
                and text[:a.starts[cited.verb]].rstrip().endswith(",") and _relays(a, nearest):
            # "The agency said more than 20,000 people had been killed, citing aid agencies": the reporter relays
            # the figure; the source it cites, closing the sentence, gives it ("Rights groups say 200 died, citing
            # witness accounts" is the groups' own figure)
            return cited, "', citing' closing the sentence names whose figure the reporter relays"
        if not _voice_breaks(gap) and not _RESPONSIBILITY_CLAIM.match(text, a.starts[nearest.verb]):
            return nearest, "the nearest reporting frame before the statement governs it"
    according = _nearest_according(a, candidates, position)
    if trailing is not None and (according is None or trailing.verb < according.verb):
        # "..., the prime minister said, according to state media": the channel comes last
        return trailing, "the attribution right after the statement governs it"
    if according is not None:
        return according, "'according to' in the same sentence"
    return None, ""


def _relays(a: _Analysis, frame: Attribution) -> bool:
    """Whether the frame's subject is a reporter that relays others' words: an outlet, or named as an agency."""
    words = a.document.text[frame.subject_start:frame.subject_end].lower().split()
    return is_outlet(frame.entity) or bool(words) and words[-1] in ("agency", "agencies", "radio", "television")


_OPENS_A_CLAUSE = pattern_cache.compile(r"(?:[;:]|\b(?:and|but|while|whereas|yet)\s*,?)\s*$", re.IGNORECASE)


def _nearest_according(a: _Analysis, candidates: list[Attribution], position: int) -> Attribution | None:
    """The 'according to' that credits a statement: the first one after it, which closes its clause ("62 soldiers
    were killed, according to Russia; ... about 20 civilians were killed, according to the UN"), else the last one
    before it ("According to Chad, 61 people died, and according to Sudan, nine more")."""
    text = a.document.text
    accordings = [x for x in candidates if x.strength == "according"]
    # one that opens a clause of its own ("..., and according to Sudan, nine more") credits that clause
    after = [x for x in accordings if a.starts[x.verb] >= position
             and not _OPENS_A_CLAUSE.search(text, max(0, a.starts[x.verb] - 15), a.starts[x.verb])]
    before = [x for x in accordings if a.starts[x.verb] < position]
    return after[0] if after else before[-1] if before else None


def _continued_report(a: _Analysis, sentence: int) -> Attribution | None:
    """A sentence with no attribution of its own keeps the source of the sentence before it in the same
    paragraph when it opens by going on with its figures ("The ministry said 40 people were killed.
    Another 30 were wounded.") or when that sentence closed on its source, wire style, and this one
    goes on with the tally ("A bomb killed 19 people, police said. A second blast killed 10.")."""
    if sentence == 0 or a.by_sentence.get(sentence):
        return None
    sentences = a.document.sentences
    here, before = sentences[sentence], sentences[sentence - 1]
    if here.paragraph != before.paragraph:
        return None
    if _CONTINUATION.match(a.document.text, here.start, here.end) \
            or _RECKONED_WITHOUT_AGENT.search(a.document.text, here.start, here.end):
        # "... said its forces had killed 23 soldiers. KNU losses were put at four killed.": who reckoned them goes
        # unsaid, so it is the source of the report the sentence goes on with
        found, _ = _statement_source(a, sentence - 1, max(before.end - 1, before.start))
        return found
    text = a.document.text
    reported = _reported_speech_goes_on(a, sentence)
    if reported is not None:
        return reported
    for x in a.by_sentence.get(sentence - 1, ()):
        lead = a.starts[x.verb] if x.inverted else x.subject_start
        if x.entity is not None and x.strength != "according" and _TRAILING_SUBJECT_GAP.search(text, before.start, lead) \
                and _CLOSES_CLAUSE.match(text, x.end, before.end):
            return x  # "..., police said." closing the sentence before
    return None


def _reported_speech_goes_on(a: _Analysis, sentence: int) -> Attribution | None:
    """Indirect speech that runs on, as a summary record writes it: "The representative of Cyprus said that his
    Government had requested the meeting. The flights had come a day after a cease-fire had come into effect at
    1700 hours.": sentences in the same paragraph whose verbs are shifted back into the past perfect or the
    conditional ("had come", "would meet") go on with the report that "said that" opened, up to four sentences on."""
    sentences, text = a.document.sentences, a.document.text
    for back in range(1, 5):
        earlier = sentence - back
        if earlier < 0 or sentences[earlier].paragraph != sentences[sentence].paragraph:
            return None
        here = sentences[earlier + 1]
        if not _BACKSHIFTED.search(text, here.start, here.end):
            return None
        for x in a.by_sentence.get(earlier, ()):
            if x.entity is not None and not x.inverted and x.strength != "according" \
                    and x.verb + 1 < len(a.lowers) and a.lowers[x.verb + 1] == "that":
                return x
        if a.by_sentence.get(earlier):
            return None
    return None


_BACKSHIFTED = pattern_cache.compile(r"\b(?:had|would)\s+(?:\w+\s+)?(?:been|\w+ed|come|gone|taken|given|held|made|seen|done|"
                                     r"begun|run|kept|left|fallen|flown|known|told|brought|put|set|shot|hit|found)\b|\bwould\s+\w+",
                                     re.IGNORECASE)


_RECKONED_WITHOUT_AGENT = pattern_cache.compile(r"\b(?:was|were)\s+(?:put|given|listed|reported)\s+(?:at|as)\b(?![^.]*\bby\b)",
                                                re.IGNORECASE)
_CLOSES_CLAUSE = pattern_cache.compile(r"[^,;:.!?]{0,30}[.!?]*[”\"’']*\s*$")  # "..., police said on Monday."


_CONTINUATION = pattern_cache.compile(r"(?:%s)\b" % "|".join(r"\s+".join(re.escape(w) for w in phrase.split())
                                                 for phrase in lexicons.words("speaker_continuations")),
                                      re.IGNORECASE)


def _owner_of_the_halt(a: _Analysis, sentence: int, position: int) -> tuple[Entity, str] | None:
    """The body a truce or the forces halting belong to, in a sentence no frame governs: "the Kremlin's
    ceasefire began at 00:00" (a body's own truce, not a country's, which the article states in its own
    voice), "Its troops were ordered to stop patrols from 1800 GMT" (the body "its" refers to ordered it)."""
    bounds = a.document.sentences[sentence]
    text = a.document.text
    for match in _OWNED_HALT.finditer(text, bounds.start, bounds.end):
        if match.start() > position:
            break
        tokens = _tokens_between(a, match.start(1), match.end(1))
        if not tokens:
            continue
        owner = _entity(a, (tokens[0], tokens[-1], tokens[-1]), match.start(1), sentence)
        if owner is None or owner.kind == "person" or owner.name.lower() in _PLACES:
            continue  # "Turkey's own ceasefire", "Aceh's first truce": a country's or a place's, told in the article's voice
        if match.group("attributive") is not None and owner.kind != "organisation":
            continue  # written before the truce with no "'s", only a body's short name owns it ("the CNDP ceasefire")
        return owner, f"the truce is {owner.name}'s own ('{match.group(0).strip()}')"
    for match in _ORDERED_FORCES.finditer(text, bounds.start, bounds.end):
        if match.start() > position:
            break
        owner = _resolve_pronoun(a, "it" if match.group(1).lower() == "its" else "they", match.start(1), sentence)
        if owner is not None and owner.kind != "person" and owner.name.lower() not in _PLACES:
            return owner, f"'{match.group(1)}' forces were ordered to halt: {owner.name}, whose forces they are"
    return None


def _owner_of_the_toll(a: _Analysis, sentence: int, position: int) -> tuple[Entity, str] | None:
    """The body whose toll the sentence gives, when no frame governs it: "The ministry's toll earlier this evening
    stood at 67" (the health ministry named before), "Lebanese police figures this morning stand at 635 dead", an
    office-holder's ("The Commissioner's figure of 49", Police Commissioner Mike Bush); not a country's or a place's
    ("Ukraine's toll"), nor an unnamed person's."""
    bounds = a.document.sentences[sentence]
    text = a.document.text
    owned = ((match, bisect_right(a.starts, match.start()) - 1)  # the token holding the "'s"
             for match in _OWNED_TOLL.finditer(text, bounds.start, bounds.end))
    named_before = ((match, k) for match in _BODY_FIGURES.finditer(text, bounds.start, bounds.end)
                    for k in [bisect_right(a.starts, match.start()) - 1]  # the last word before "figures"
                    if k >= 0 and a.starts[k] >= bounds.start and (_bare(a.lowers[k]) in _ORG_NOUNS or a.names[k]))
    for noun, candidates in (("toll is", owned), ("figures are", named_before)):
        for match, k in candidates:
            if match.start() > position:
                break
            span = _np_before(a, k, a.sentence_first_token[sentence]) if k >= 0 else None
            owner = _entity(a, span, a.starts[k], sentence) if span is not None else None
            if owner is None or owner.kind == "person" and not owner.role or owner.name.lower() in _PLACES \
                    or owner.name.lower() in _STATES:
                continue
            return owner, f"the {noun} {owner.name}'s own ('{text[a.starts[span[0]]:match.end()]}')"
    return None


_OWNED_TOLL = pattern_cache.compile(r"['’]s\s+(?:(?:latest|own|earlier|revised|official|updated|new|previous|final|provisional)"
                                    r"\s+)?(?:death\s+)?(?:toll|tally|count|figures?)\b", re.IGNORECASE)
# "police figures this morning stand at", "army count rose to": a toll named by the body before it, then its verb
_BODY_FIGURES = pattern_cache.compile(r"(?<=\w)\s+(?:death\s+)?(?:toll|tally|count|figures)\s+(?:[\w,]+\s+){0,3}?"
                                      r"(?:stands?|stood|rose|rises|reached|reaches|put|puts|showed|shows|gave|gives)\b")
_TRUCE_WORDS = "|".join(re.escape(w) for w in lexicons.words("speaker_announced_terms") if " " not in w)
_OWNED_HALT = pattern_cache.compile(r"\b((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)(?:['’]s|(?<=[A-Z][A-Z])(?P<attributive>))\s+"
                                    r"(?:[a-z-]+\s+)?(?:%s)\b" % _TRUCE_WORDS)  # "the Kremlin's truce", "the CNDP ceasefire"
_ORDERED_FORCES = pattern_cache.compile(r"\b([Ii]ts|[Tt]heir)\s+(?:own\s+)?(?:%s)\s+(?:were|had\s+been|have\s+been)\s+"
                                        r"(?:ordered|told|instructed)\b"
                                        % "|".join(re.escape(w) for w in lexicons.words("speaker_forces_nouns")))


def _transcript_answer(a: _Analysis, sentence: int) -> Entity | None:
    """Who holds the floor in the paragraph of `sentence` when the document is a record of turns: an interview
    transcript (labels in capitals, some of them questions, "Q:"), a broadcast between a presenter and guests, a
    parliamentary record ("Mr. Fairlie:", "The Minister of State (Mr. Hugh Fairlie):"), when three or more
    paragraphs open with the labels of two or more people; not a journalist's turn (a presenter's, a
    correspondent's: lexicons/speaker_transcript_labels.txt), which stays the programme's own voice."""
    text = a.document.text
    paragraph_index = a.document.sentences[sentence].paragraph
    paragraph = a.document.paragraphs[paragraph_index]
    if _ANSWER_MARK.match(text, paragraph.start, paragraph.end):
        return _interviewee(a)  # "Q. How many are missing?" / "A. We still have 14 people missing ..."
    if _QUESTION_LABEL.search(text):
        label = _LABEL.match(text, paragraph.start, paragraph.end)
        if label is None or label.group(1).strip().upper() in _JOURNALIST_LABELS:
            return None
        name_start, name_end = label.start(1), label.end(1)
    else:
        turn = _turns(a).get(paragraph_index)
        if turn is None or not turn[2]:
            return None
        name_start, name_end = turn[0], turn[1]
    tokens = [k for k in _tokens_between(a, name_start, name_end)
              if not a.punct[k] and _bare(a.lowers[k]) not in _HONORIFICS]
    if not tokens:
        return None
    entity = _entity(a, (tokens[0], tokens[-1], tokens[-1]), name_start, _sentence_index(a, name_start))
    if entity is not None and " " not in entity.name:
        # "KHADKA:" after "SPOKESMAN LT COL HEMANTA RAJ KHADKA:": a label in capitals reads as a short form,
        # but it is the surname of the person the transcript labelled in full before
        surname = entity.name.lower()
        fuller = [e for e in a.entities.values() if " " in e.name and e.name.lower().split()[-1] == surname]
        if fuller:
            return max(fuller, key=lambda e: len(e.name))
    return entity


def _interviewee(a: _Analysis) -> Entity | None:
    """Who answers a Q-and-A interview whose answers carry no name ("Q. ..." / "A. ..."): the last person the
    introduction names before the first question ("Mirela Dragan, who runs the county's emergency committee, spoke
    to us by telephone"); None when there is no such question or person."""
    question = _QUESTION_MARK.search(a.document.text)
    if question is None:
        return None
    return next((m.entity for m in reversed(a.mentions) if m.position < question.start() and not m.place
                 and m.entity.kind == "person" and " " in m.entity.name), None)


# a paragraph of a Q-and-A interview opened by the answer's mark, and the first question's
_ANSWER_MARK = pattern_cache.compile(r"A[.:][ \t]+(?=\S)")
_QUESTION_MARK = pattern_cache.compile(r"^Q[.:][ \t]+(?=\S)", re.MULTILINE)


_JOURNALIST_LABELS = frozenset(w.upper() for w in lexicons.words("speaker_transcript_labels"))
_JOURNALIST_NOUNS = "|".join(re.escape(w.lower()) for w in lexicons.words("speaker_transcript_labels") if len(w) > 1)
_TITLES = "|".join(re.escape(w) for w in sorted(_TITLE_WORDS - {w.lower() for w in lexicons.words("speaker_transcript_labels")},
                                                   key=len, reverse=True))
_NAME_WORDS = r"(?-i:(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
_TITLED_NAME = pattern_cache.compile(rf"\b(?:{_TITLES})\.?\s+({_NAME_WORDS})\b", re.IGNORECASE)  # "Dr Raymond Cole"
# "Anne-Marie Gisler is a spokeswoman for the ICRC", "Gisler, a spokeswoman", "Anne-Marie Gisler of the Red Cross"
_DESCRIBED_NAME = pattern_cache.compile(r"\b([A-Z][\w'’-]+)(?:,|\s+is)\s+(?:a|an|the)\s+[a-z]|\b([A-Z][\w'’-]+)\s+of\s+the\s+[A-Z]")
_JOURNALIST_NAME = pattern_cache.compile(rf"\b(?:{_JOURNALIST_NOUNS})\b\s+({_NAME_WORDS})\b", re.IGNORECASE)
_SIGNED_OFF = pattern_cache.compile(rf"(?:^|:\s)(?:[A-Z][\w'’-]+\s+){{0,3}}?([A-Z][\w'’-]+)\s+in\s+[A-Z][\w'’-]+[.,]", re.MULTILINE)
_HONOURED = pattern_cache.compile(rf"{HONORIFIC}\s", re.IGNORECASE)
_ROLE_LABELS = _JOURNALIST_LABELS | frozenset(w.upper() for w in lexicons.words("speaker_turn_roles"))
_HONORIFICS = frozenset(word.lower() for word in HONORIFICS)
_BRACKETED_NAME = pattern_cache.compile(rf"(?:{HONORIFIC}\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}")


def _drop_turn_labels_as_subjects(a: _Analysis) -> None:
    """"CORRESPONDENT (Karim Bensalem): Grace, the spokesman ... went on television and read a statement": the label
    opening a turn of a record says who speaks the paragraph, it is no subject of a verb in it."""
    labels = [(turn[3], turn[4]) for turn in _turns(a).values()]
    if not labels:
        return
    kept = [x for x in a.attributions if not any(start <= x.subject_start < end for start, end in labels)]
    if len(kept) == len(a.attributions):
        return
    a.attributions = kept
    a.by_sentence = {}
    for x in kept:
        a.by_sentence.setdefault(x.sentence, []).append(x)


def _turns(a: _Analysis) -> dict:
    """Paragraph -> (name start, name end, whether the turn is in its holder's own voice, label start, label end) for
    a record of turns: three or more paragraphs opened by the labels of two or more people; empty for any other
    document. A turn is its holder's own when the record says who they are (a title: "Mr. Fairlie:", "Dr Raymond
    Cole"; a description: "AWA (trader from Daloa):", "Anne-Marie Gisler is a spokeswoman for the ICRC", "Gisler of
    the Red Cross") and not that they are one of the programme's journalists ("PRESENTER:", "our correspondent Martin
    Oakes", signed off "Ana Sandoval in Tula"), who report in its voice. A label's bracket names
    the person ("MODERATOR (ELLEN WHITCOMB):"), whose bare surname labels their later turns."""
    if a.turns is not None:
        return a.turns
    text, found = a.document.text, {}
    for index, paragraph in enumerate(a.document.paragraphs):
        label = _TURN.match(text, paragraph.start, paragraph.end)
        if label is None or (label.group("office") and not label.group("bracket")):
            continue
        group = "caps" if label.group("caps") else "honoured" if label.group("honoured") else "office"
        head = label.group(group).strip()
        bracket = (label.group("bracket") or "").strip()
        # the bracket names the person after a role's label ("GUEST (LUCÍA ARBELÁEZ):") or an office ("The Minister of
        # State (Mr. Hugh Fairlie):"); after a person's own name it describes them ("DR. AKA KOUAME (Cocody Hospital):")
        named = _BRACKETED_NAME.fullmatch(bracket) if group == "office" or head.upper() in _ROLE_LABELS else None
        start, end = (label.start("bracket"), label.end("bracket")) if named \
            else (label.start(group), label.start(group) + len(head))
        person = (bracket if named else head).split()[-1].upper()
        described = group != "caps" or bool(bracket) and not named or bool(named and _HONOURED.match(bracket))
        found[index] = (start, end, person, described, head.upper() in _JOURNALIST_LABELS, label.start(), label.end())
    if len(found) < 3 or len({turn[2] for turn in found.values()} ) < 2:
        a.turns = {}
        return a.turns
    # read once per record: the surnames the text gives a title or a description, and those of its journalists
    # ("our correspondent Martin Oakes", a sign-off "Ana Sandoval in Tula")
    titled = {m.group(1).split()[-1].upper() for m in _TITLED_NAME.finditer(text)} \
        | {(m.group(1) or m.group(2)).upper() for m in _DESCRIBED_NAME.finditer(text)}
    journalists = {m.group(1).split()[-1].upper() for m in _JOURNALIST_NAME.finditer(text)} \
        | {m.group(1).upper() for m in _SIGNED_OFF.finditer(text)} \
        | {person for _, _, person, _, journalist, _, _ in found.values() if journalist}
    a.turns = {index: (start, end, (described or person in titled) and person not in journalists, label_start, label_end)
               for index, (start, end, person, described, _, label_start, label_end) in found.items()}
    return a.turns


_LABEL = pattern_cache.compile(r"([A-Z][A-Z.'’ -]{0,60}):[ \t]")
_QUESTION_LABEL = pattern_cache.compile(r"^(?:%s):" % "|".join(re.escape(w) for w in ("Q", "QUESTION", "INTERVIEWER")),
                                        re.MULTILINE)


def _release_issuer(a: _Analysis) -> tuple[Entity, int, str] | None:
    """The issuer of an organisation's own release, the sentence where its voice starts and its verb: a
    document marked as a release in its first lines whose body opens "The Mission welcomes ...", "The
    Forum, a network of aid groups, welcomes ..." (lexicons/speaker_release_voice.json); else None."""
    if a.release is not None:
        return a.release or None
    a.release = ()
    text = a.document.text
    if not _RELEASE_MARKER.search(text, 0, min(len(text), 400)):
        return None
    for sentence in range(min(len(a.document.sentences), 8)):
        if is_heading(a.document, a.document.sentences[sentence].paragraph):
            continue
        first, end = _sentence_bounds(a, sentence)
        bounds = a.document.sentences[sentence]
        if end - first < 8 or not any(w.islower() for w in a.words[first:end]) \
                or not text[bounds.start:bounds.end].rstrip().endswith("."):
            continue  # "News release", "14 May 2023", "1.", "UNITED NATIONS MISSION (X)": the header's lines
        verb = next((k for k in range(first + 1, end) if a.lowers[k] in _RELEASE_VERBS and not a.quoted[k]
                     and not a.caps[k]), None)
        if verb is None:
            return None  # the body's first sentence does not speak in the issuer's voice
        dash = max((k for k in range(first, verb) if a.words[k] in ("-", "–", "—")), default=None)
        if dash is not None:
            first = dash + 1  # "Marsa, 3 May 2024 - The Network, a group of aid agencies, welcomes": past the dateline
        evidence = _read_asides(a, verb, first)
        span = _np_before(a, evidence.i, first) if evidence is not None else None
        entity = _entity(a, span, a.starts[verb], sentence) if span is not None else None
        if entity is None or entity.kind == "person" or entity.plural:
            return None
        a.release = (entity, sentence, a.words[verb])
        return a.release
    return None


_RELEASE_VOICE = lexicons.table("speaker_release_voice")
_RELEASE_MARKER = pattern_cache.compile(r"^\s*(?:%s)" % "|".join(re.escape(m) for m in _RELEASE_VOICE["markers"]),
                                        re.IGNORECASE | re.MULTILINE)
_RELEASE_VERBS = frozenset(_RELEASE_VOICE["verbs"])


# "• 58 killed in the attack on the base in Bor, 17 April (UNMISS, revised)": a fact line that closes on its source
_BRACKETED_CREDIT = pattern_cache.compile(
    r"\((?:(?:source|sources|figures?)\s*:\s*)?(?P<name>(?-i:[A-Z])[\w.&'’-]*(?:\s+(?:of|for|the|and|(?-i:[A-Z])[\w.&'’-]*)){0,6}"
    r"|(?-i:[a-z][a-z'’-]*)(?:\s+(?-i:[a-z][a-z'’-]*)){0,3})"
    r"(?:\s*,\s*(?:revised|provisional|updated|unconfirmed|estimated?|latest|preliminary))?\)\s*\.?\s*$",
    re.IGNORECASE)


def _bracketed_credit(a: _Analysis, sentence: int, position: int) -> Entity | None:
    """The body a sentence or fact line names in brackets at its very end, as fact boxes and situation reports credit
    their figures ("400+ wounded in Bentiu (UNMISS)"); not a short form of the name right before it ("the Rapid
    Support Forces (RSF)."), nor a place or a state."""
    bounds = a.document.sentences[sentence]
    text = a.document.text
    credit = _BRACKETED_CREDIT.search(text, bounds.start, bounds.end)
    if credit is None or position >= credit.start():
        return None
    name = credit.group("name")
    if name.lower() in _PLACES or name.lower() in _STATES:
        return None
    if not names_a_body(name) and not (name.islower() and name.split()[-1] in _PEOPLE_NOUNS):
        return None  # a body: an acronym or a name with a body's noun ("Health Ministry"), not a person or a place;
        # or those written in lower case who give figures as one ("(provincial authorities)"), not "(estimated)"
    tokens = _tokens_between(a, credit.start("name"), credit.end("name"))
    if not tokens or _spelled_short_form(a, tokens[-1] + 1):
        return None
    span = _np_after(a, tokens[0], tokens[-1] + 1)
    if span is None or span[1] != tokens[-1]:
        return None
    return _entity(a, span, credit.start("name"), sentence)


def _headline_credit(a: _Analysis, sentence: int, position: int) -> Entity | None:
    """"Floods kill 40 in Kenya: Red Cross", "12 killed in Kabul blast - police", "Health ministry: 40 dead":
    a headline names its source after a closing colon or dash, or before an opening colon."""
    bounds = a.document.sentences[sentence]
    if not is_heading(a.document, bounds.paragraph):
        return None
    text = a.document.text
    trailing = _TRAILING_CREDIT.search(text, bounds.start, bounds.end)
    leading = _LEADING_CREDIT.match(text, bounds.start, bounds.end)
    trailing_span = trailing.span(1) if trailing is not None else None
    if trailing is not None and position < trailing.start():
        credit = trailing_span
    elif leading is not None and position >= leading.end():
        credit = leading.span(1)
    else:
        return None
    words = text[credit[0]:credit[1]]
    if " " in words.strip() and words.isupper() and not names_a_speaker(words):
        return None  # "TEHRAN SHOOTING: OFFICIAL TOLL RAISED TO 86": a headline in capitals opening on its topic
    tokens = _tokens_between(a, *credit)
    if not tokens:
        return None
    span = _np_after(a, tokens[0], tokens[-1] + 1)
    if span is None and credit is trailing_span and len(tokens) <= 4 and tokens[-1] == tokens[0] + len(tokens) - 1 \
            and a.lowers[tokens[-1]].isalpha() and a.lowers[tokens[-1]] not in _FUNCTION_WORDS:
        first = tokens[1] if a.lowers[tokens[0]] == "the" and len(tokens) > 1 else tokens[0]
        span = (first, tokens[-1], tokens[-1])  # ": hospital", ": aid agency": a closing credit is a source
    if span is None or span[1] != tokens[-1]:
        return None  # the credit must be one noun phrase, nothing more
    entity = _entity(a, span, credit[0], sentence)
    return _holder_named_below(a, entity) or entity


def _holder_named_below(a: _Analysis, entity: Entity | None) -> Entity | None:
    """"Toll passes 300 - Senator" over "..., the senator representing Kalo North, Ahmed Bello, said": a
    headline credits by a bare title the person the story names with it; the first such speaker below."""
    if entity is None or entity.role or " " in entity.name or entity.name.lower() not in _ROLE_NOUNS:
        return None
    title = entity.name.lower()
    for x in a.attributions:
        found = x.entity
        if found is not None and found is not entity and found.kind != "organisation" \
                and title in _WORDS.findall(found.role.lower()):
            return found
    return None


# a short credit with no figure in it: ": Red Cross", " - police", " — state media"
_TRAILING_CREDIT = pattern_cache.compile(r"(?::|\s[-–—])\s+((?:[^\W\d][\w'’.&-]*\s?){1,6}?)[\s*_]*$")
_LEADING_CREDIT = pattern_cache.compile(r"[#*\s]*((?:[^\W\d][\w'’.&-]*\s){0,5}[^\W\d][\w'’.&-]*):\s")


def _relayed_source(a: _Analysis, sentence: int, found: Attribution | None, position: int) -> Attribution | None:
    """"Xinhua, citing local officials, said ...", "..., state media reported, according to the army": when
    the chosen speaker is a news outlet and the sentence credits a person or body, they are the source."""
    if found is None:
        return None
    others = [x for x in a.by_sentence.get(sentence, ()) if x is not found and x.entity is not None]
    cited = [x for x in others if x.strength == "according" and not _place_inside_the_credit(a, x)]
    # a credit after the statement ("..., state news agency AZERTAC reported") may relay a frame that opened it
    credits_after = found.subject_start > position and a.lowers[found.verb] in _RELAYING_VERBS
    opening = [x for x in others if x.strength == "speech" and not x.inverted
               and a.ends[x.verb] <= found.subject_start] if credits_after else []
    if not (cited or opening) or not is_outlet(found.entity):
        return None  # most sentences cite no one: the outlet test is skipped
    # "Azerbaijan's Defence Ministry said seven servicemen had been killed ..., state news agency AZERTAC reported":
    # the outlet closing the sentence relays the body that speaks in it
    return next((x for x in cited if not is_outlet(x.entity)), None) \
        or next((x for x in opening if not is_outlet(x.entity)), None)


_RELAYING_VERBS = frozenset({"reported", "reports", "said", "says", "quoted", "quotes"})
_CREDIT_WORDS = frozenset({"to", "the", "a", "an"})


def _place_inside_the_credit(a: _Analysis, credit: Attribution) -> bool:
    """Whether what a credit was read as is a place named inside its words, after others ("citing travellers
    arriving in Belgrade"): those words cite no one in Belgrade."""
    skipped = list(takewhile(lambda k: a.starts[k] < credit.subject_start, range(credit.verb + 1, len(a.starts))))
    return any(a.lowers[k] not in _CREDIT_WORDS for k in skipped) \
        and (credit.entity.name.lower() in _PLACES or gazetteer.lookup(credit.entity.name) is not None)


def _named_over_place(a: _Analysis, sentence: int, found: Attribution | None, position: int) -> Attribution | None:
    """"Ankara said 12 soldiers died, the defence ministry said": a capital or country speaking for its
    government gives way to the person or body that the same statement is credited to after it (or
    "according to"); a body named in another clause of the sentence reports something else."""
    if found is None or not _is_place_for_government(found.entity):
        return None
    candidates = [x for x in a.by_sentence.get(sentence, ()) if x is not found and x.entity is not None
                  and not _is_place_for_government(x.entity) and not is_outlet(x.entity)]
    trailing = _trailing_speaker(a, candidates, position)
    return trailing or next((x for x in candidates if x.strength == "according"), None)


def _is_place_for_government(entity) -> bool:
    name = entity.name.lower()
    return not entity.role and (name in _STATES or name in _PLACES)


_WORDS = pattern_cache.compile(r"[\w-]+")
_ROLE_NOUNS = _PERSON_NOUNS | _TITLE_WORDS


_DIRECTIVE = pattern_cache.compile(r"\s+(?:(?:its|his|her|their|the|all)\s+)?\w+\s+to\s+\w+", re.IGNORECASE)
_DIRECTIVE_VERBS = frozenset({"told", "ordered", "instructed", "urged", "asked", "directed"})
_AGREEMENT_VERBS = frozenset(lexicons.words("speaker_agreement_verbs"))


def _opens_relative(a: _Analysis, x: Attribution) -> bool:
    """"the militia that the army said ...", "gunmen whom police said ...": the subject opens a relative clause."""
    text = a.document.text
    m = _RELATIVE_SUBJECT.search(text, max(0, x.subject_start - 40), x.subject_start)
    if m is None:
        return False
    if m.group(1).lower() != "that":
        return True
    before = m.group(0).split()[0].lower()
    return before not in _SPEECH_LIKE and before.isalpha()  # "said that the army said" is no relative


_RELATIVE_SUBJECT = pattern_cache.compile(r"\b\w+[\s,]+(that|which|who|whom)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEECH_LIKE = frozenset(lexicons.words("speech_verbs")) | frozenset(lexicons.words("speech_report_verbs")) \
    | frozenset({"so", "such", "now", "and", "but"})


def _closed_relative(a: _Analysis, x: Attribution, position: int) -> bool:
    """"The gunmen, who witnesses said arrived on motorbikes, killed 12 people": a verb inside a
    relative clause that closes before the statement reports only that clause."""
    text = a.document.text
    opening = _RELATIVE_OPENING.search(text, max(0, x.subject_start - 12), x.subject_start)
    if opening is not None and _FIGURE_BEFORE.search(text, max(0, opening.start() - 30), opening.start()):
        return False  # "The figure, which MSF calls its most conservative estimate, includes 730 children": the
        # clause says whose figure the sentence goes on to give
    if opening is None:
        # "The war, which erupted after the republic declared independence, has killed 6,000": a subject further
        # into a relative clause set off by commas
        comma = text.rfind(",", max(0, x.subject_start - 80), x.subject_start)
        if comma >= 0 and _SET_OFF_RELATIVE.match(text, comma + 1, x.subject_start):
            opening = comma
    return opening is not None and "," in text[a.ends[x.verb]:position]


# (and "the shelling since March 14, when Aoun declared a war of liberation, has killed 900": a "when" clause)
_SET_OFF_RELATIVE = pattern_cache.compile(r"\s+(?:which|who|whose|when|where)\s+[^,;:.!?]*$", re.IGNORECASE)


# a figure or a text whose relative clause names its author (document nouns of lexicons/speaker_nouns.json)
_FIGURE_BEFORE = pattern_cache.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?(?:%s)\s*$" % "|".join(
    re.escape(w) for w in sorted(_DOCUMENT_NOUNS | {"figure", "number"}, key=len, reverse=True)), re.IGNORECASE)


_RELATIVE_OPENING = pattern_cache.compile(r",\s*(?:who|whom|which|where)\s+(?:the\s+)?$", re.IGNORECASE)


def _cares_for(a: _Analysis, x: Attribution, sentence_frames: list[Attribution], position: int) -> bool:
    """Whether a verb of care ("Doctors treated 37 wounded", "the hospital received 60 of the injured") makes its
    subject the source of the statement: only when the figure is its object, a few words on in the same clause,
    and no one reported it earlier in the sentence ("The ICRC said a hospital it supports had received the bodies
    of 29 children": the ICRC reports it; "commanders had received the order": no casualty is its object)."""
    gap = a.document.text[a.ends[x.verb]:position]
    if len(gap) > 40 or _CLAUSE_BREAK.search(gap):
        return False
    return not any(y is not x and a.lowers[y.verb] not in _CARE_VERBS and a.ends[y.verb] <= a.starts[x.verb]
                   for y in sentence_frames)


_CLAUSE_BREAK = pattern_cache.compile(r"[,;:.!?“”\"()]")


def _outermost(a: _Analysis, before: list[Attribution], nearest: Attribution) -> Attribution:
    """"X said Nepal had asked for help after 40 died": a verb whose subject opens what another verb
    reports belongs to that report, so the outer speaker is the source."""
    text = a.document.text
    for x in before:
        if x is nearest or x.inverted or a.ends[x.verb] > nearest.subject_start:
            continue
        if _REPORTED_CLAUSE_OPENING.fullmatch(text, a.ends[x.verb], nearest.subject_start) or (
                a.lowers[x.verb] in _TELLING_VERBS
                and _TOLD_CLAUSE_OPENING.fullmatch(text, a.ends[x.verb], nearest.subject_start)):
            return _outermost(a, before, x)
    return nearest


_RELATIVE_CLAUSE = pattern_cache.compile(r",\s*(?:in\s+|during\s+)?(?:which|where|who)\b|\bthat\s+(?:\w+\s+){0,2}$",
                                         re.IGNORECASE)
_RELATIVE_FIGURE = pattern_cache.compile(r"\b(?:in|during|of)\s+which\b|,\s*(?:which|where|who)\b", re.IGNORECASE)
_CLOSES_SENTENCE = pattern_cache.compile(r"\s*[.!?]*[”\"]?\s*(?:$|\n)")

_RESPONSIBILITY_CLAIM = pattern_cache.compile("|".join(r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b"
                                            for phrase in lexicons.words("speaker_responsibility_claims")),
                                              re.IGNORECASE)

# what may stand between a reporting verb and the subject of the clause it reports: "said (that) the", "said its"
# ("MSF said its team had treated 27": the team's verb is inside MSF's report), or, after a verb of telling, its
# audience and time before "that" ("told a briefing at 6pm that the two countries' commanders had agreed"); after
# other verbs a "that" past a noun is a relative ("accused each other of breaking a truce that Moscow said ...")
_REPORTED_CLAUSE_OPENING = pattern_cache.compile(r"\s+(?:that\s+)?(?:(?:the|a|an|its|their|his|her|our)\s+)?", re.IGNORECASE)
_TOLD_CLAUSE_OPENING = pattern_cache.compile(
    r"\s+(?:[^,;:.!?“”\"]{1,60}?\s)?that\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}?",
    re.IGNORECASE)
_TELLING_VERBS = frozenset({"told", "tells", "tell", "telling", "informed", "assured", "briefed", "reminded",
                            "warned", "wrote"})


def _trailing_speaker(a: _Analysis, candidates: list[Attribution], position: int) -> Attribution | None:
    """The attribution right after a statement: "..., police said" / "..., said Kamal Thapa"."""
    text = a.document.text
    for x in candidates:
        if x.strength == "according":
            continue
        if x.frame == "announced_terms" and a.starts[x.verb] > position:
            return x  # "... took effect at noon, under terms announced by the peacekeepers"
        if x.frame == "agent_after" and a.starts[x.verb] > position \
                and not _AGENT_GAP_BREAK.search(text, position, a.starts[x.verb]) \
                and _DIGIT.search(text, position, a.starts[x.verb]):
            # "3,958 deaths recorded by the World Health Organization": the figure itself stands before the
            # participle (not "counts only deaths confirmed by two sources, and our tally stands at 35")
            return x
        if x.inverted and a.starts[x.verb] > position:
            gap = text[position:a.starts[x.verb]]
            if gap.rstrip().endswith(",") and not _voice_breaks(gap):
                return x  # "... in three districts, said Kamal Thapa"
        if x.subject_start > position and not x.inverted:
            gap = text[position:x.subject_start]
            if _RELATIVE_END.search(gap) and _EMBEDDED_VERB.match(text, a.ends[x.verb]):
                continue  # "abducted 11 children who residents said were aged ...": that verb reports the clause
            # ", police said" closes the sentence; "the 50 it reported" names its source right after
            if _TRAILING_SUBJECT_GAP.search(gap) or (len(gap) < 25 and not _CLAUSE_BREAK.search(gap)):
                return x
    return None


_BREAK_PATTERN = pattern_cache.compile(r";|,\s+(?:%s)\b" % "|".join(re.escape(w) for w in sorted(_VOICE_BREAKS)) if _VOICE_BREAKS
                                       else r";")

# what keeps a statement from the participle of record after it: a clause or sentence break (not a figure's comma)
_AGENT_GAP_BREAK = pattern_cache.compile(r"[;:!?]|[.,](?!\d)|\b(?:and|but|when|while|after|because|which|who|that)\b",
                                         re.IGNORECASE)

_DIGIT = pattern_cache.compile(r"\d")

_TRAILING_SUBJECT_GAP = pattern_cache.compile(r"[,—–]\s*(?:(?:the|a|an|one|its|his|her|their|two|three|several)\s+)?$",
                                              re.IGNORECASE)

_EMBEDDED_VERB = pattern_cache.compile(r"\s+(?:were|was|are|is|had|have|has|would|could|might|may|will|\w+ed)\b", re.IGNORECASE)

_RELATIVE_END = pattern_cache.compile(r"\b(?:who|whom|which|that)\s+(?:the\s+)?$", re.IGNORECASE)

_CLAUSE_BREAK = pattern_cache.compile(r"[.;:!?,]|\b(?:and|but|when|while|after|as|because|before|since|until|if)\b")


def _voice_breaks(gap: str) -> bool:
    return bool(_BREAK_PATTERN.search(gap))
