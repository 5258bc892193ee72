"""Which attribution each quotation belongs to, and the claim span it makes with it.

Looked for in order: right after the closing mark, right before the opening
mark, elsewhere in the sentence, elsewhere in the paragraph, then a bare quote
paragraph continuing the previous speaker; a headline quote takes the speaker
the body gives the same words.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .. import lexicons, pattern_cache
from ..text import is_heading
from .model import _Analysis, Attribution, Entity, QuoteAttribution
from .names import _entity
from .phrases import _AGENT_PARTICIPLES, _np_after, _np_before, _through_of_phrases
from .references import _monitored_outlet
from .tokens import _bare, _paragraph_of, _sentence_bounds, _sentence_index, _text, _tokens_between
from .asides import _name_in_apposition
from .frames import _sentence_subject
from .vocabulary import (is_outlet, _CONNECTIVES, _DOCUMENT_NOUNS, _ORG_NOUNS, _ITEM_LABEL_WORDS, _PERSON_NOUNS,
                         _SPEAKING_DOCUMENTS, _TITLE_WORDS, _WORDS)


def _attribute_quotations(a: _Analysis) -> None:
    text = a.document.text
    speech = [x for x in a.attributions if x.strength in ("speech", "according") and x.entity is not None]
    starts = [x.start for x in speech]
    paragraph_of = {id(x): _paragraph_of(a.document, x.start) for x in speech}
    previous_paragraph_speaker: tuple[int, Entity | None] | None = None
    for quotation in a.quotations:
        paragraph = _paragraph_of(a.document, quotation.start)
        last_paragraph = _paragraph_of(a.document, max(quotation.end - 1, quotation.start))
        sentence = _sentence_index(a, quotation.start)
        end_sentence = _sentence_index(a, max(quotation.end - 1, quotation.start))
        found: tuple[Attribution, str] | None = None
        # 1. right after the closing mark: '“…,” said Nina' / '“…,” Peskov said'
        k = bisect_right(starts, quotation.end - 1)
        for x in speech[k:k + 3]:
            lead = min(x.subject_start, a.starts[x.verb])
            if lead >= quotation.end and _ADJACENT.fullmatch(text, quotation.end, lead) \
                    and _paragraph_of(a.document, lead) == last_paragraph \
                    and not _new_sentence_after_introduced(a, quotation, lead):
                found = (_relayed_by_outlet(a, x, speech, sentence, quotation.start) or x, "quote.said_after")
                break
        # 1b. a credit line after a dash that closes the paragraph: '“…” — Maria Soto, mayor of Tula.'
        credit = _dash_credit(a, quotation.end, last_paragraph) if found is None else None
        if credit is not None:
            entity, credit_end = credit
            a.quotes.append(QuoteAttribution(quotation, entity, "quote.dash_credit", quotation.start, credit_end))
            previous_paragraph_speaker = (last_paragraph, entity)
            continue
        # 2. right before the opening mark: 'Lavrov told reporters: “…”'
        if found is None:
            for x in reversed(speech[:k]):
                if x.end > quotation.start:
                    continue
                gap = text[x.end:quotation.start]
                if _sentence_index(a, x.start) == sentence and not re.search(r"[.!?”\"]", gap) and len(gap) < 200:
                    found = (_reporter_of_clause(a, x, speech) or x,
                             "quote.said_before" if re.search(r"[:,]\s*$|\bthat\s*$", gap) else "quote.in_sentence")
                break
        # 2b. a clause whose subject introduces the quote with a colon: 'X, speaking in Geneva, put it bluntly: “…”'
        lead = _colon_lead(a, quotation.start, sentence) if found is None else None
        if lead is not None:
            entity, lead_start = lead
            a.quotes.append(QuoteAttribution(quotation, entity, "quote.colon_lead", lead_start, quotation.end))
            previous_paragraph_speaker = (last_paragraph, entity)
            continue
        # 3. elsewhere in the same sentence (after): '“…” was how X described it'
        if found is None:
            for x in speech[k:]:
                if _sentence_index(a, x.start) != end_sentence:
                    break
                found = (x, "quote.in_sentence")
                break
        # 4. elsewhere in the paragraph
        if found is None:
            in_paragraph = [x for x in speech if paragraph_of[id(x)] in (paragraph, last_paragraph)]
            earlier = [x for x in in_paragraph if x.start < quotation.start]
            later = [x for x in in_paragraph if x.start >= quotation.end]
            if earlier:
                found = (earlier[-1], "quote.paragraph")
            elif later:
                found = (later[0], "quote.paragraph")
        entity = found[0].entity if found else None
        rule = found[1] if found else "quote.unattributed"
        # 5. the next sentence points back to it: '“…”  So said the mayor.' / 'That was how Reyes put it.'
        pointed = _named_in_next_sentence(a, quotation.end, last_paragraph) if found is None else None
        if pointed is not None:
            entity = pointed
            a.quotes.append(QuoteAttribution(quotation, entity, "quote.next_sentence", quotation.start,
                                             quotation.end))
            previous_paragraph_speaker = (last_paragraph, entity)
            continue
        # 6. the person the sentence before it is about: 'The governor, X, was blunt. “…”'
        subject = _subject_of_sentence_before(a, quotation.start, paragraph) if found is None else None
        if subject is not None:
            a.quotes.append(QuoteAttribution(quotation, subject, "quote.previous_subject", quotation.start,
                                             quotation.end))
            previous_paragraph_speaker = (last_paragraph, subject)
            continue
        # 6b. a bare quote paragraph under a broadcast transcript's cue line: 'TAPE: CUT ONE - AALTO'
        cued = _tape_cue(a, paragraph) if found is None and quotation.start == a.document.paragraphs[paragraph].start \
            else None
        if cued is not None:
            a.quotes.append(QuoteAttribution(quotation, cued, "quote.tape_cue", quotation.start, quotation.end))
            previous_paragraph_speaker = (last_paragraph, cued)
            continue
        # 6c. a quotation in a monitored item whose opening label names the text's issuer
        labelled = _labelled_paragraph(a, paragraph) if found is None else None
        if labelled is not None:
            a.quotes.append(QuoteAttribution(quotation, labelled, "quote.item_label", quotation.start, quotation.end))
            previous_paragraph_speaker = (last_paragraph, labelled)
            continue
        # 7. a bare quote paragraph right after a quoted or introduced speaker
        if found is None and previous_paragraph_speaker and previous_paragraph_speaker[0] == paragraph - 1:
            entity = previous_paragraph_speaker[1]
            rule = "quote.continuation" if entity else rule
        elif found is None:
            previous = [x for x in speech if paragraph_of[id(x)] == paragraph - 1]
            if previous and quotation.start == a.document.paragraphs[paragraph].start:
                entity, rule = previous[-1].entity, "quote.continuation"
        if entity is None and sentence is not None:
            # a monitored item's own words, quoted, are its outlet's: "Excerpts from commentary: ... '...'"
            outlet = _monitored_outlet(a, sentence)
            if outlet is not None:
                entity, rule = outlet, "quote.monitored_outlet"
        start, end = quotation.start, quotation.end
        if found and rule == "quote.said_after":
            x = found[0]
            end = x.subject_end if x.inverted else x.end
        elif found and rule in ("quote.said_before", "quote.in_sentence") and found[0].end <= quotation.start:
            start = found[0].start
        via = found[0] if found else None
        a.quotes.append(QuoteAttribution(quotation, entity, rule, start, max(end, quotation.end), via))
        if entity is not None:
            # a later paragraph's bare quote continues only from the paragraph just before it
            previous_paragraph_speaker = (last_paragraph, entity)


def _tape_cue(a: _Analysis, paragraph: int) -> Entity | None:
    """The voice a broadcast transcript's cue line names for the recording under it: "TAPE: CUT ONE - AALTO",
    "ACTUALITY: HOXHA" (the surname, in capitals, is the person the script named in full before)."""
    if paragraph == 0:
        return None
    before = a.document.paragraphs[paragraph - 1]
    cue = _TAPE_CUE.match(a.document.text, before.start, before.end)
    if cue is None:
        return None
    name = " ".join(part.capitalize() for part in cue.group("name").split())
    known = next((e for e in reversed(list(a.entities.values())) if e.kind == "person"
                  and e.name.lower().split()[-1] == name.lower().split()[-1]), None)
    return known or Entity(name=name, kind="person")


_TAPE_CUE = pattern_cache.compile(r"(?:TAPE|CUT|ACTUALITY|SOUNDBITE|SOT|INSERT)\b[^\n]{0,40}[-–—:][ \t]*"
                                  r"(?P<name>[A-ZÀ-ÞĀ-ž][A-ZÀ-ÞĀ-ž'’.-]+(?:[ \t]+[A-ZÀ-ÞĀ-ž][A-ZÀ-ÞĀ-ž'’.-]+){0,2})[ \t]*(?:\([^)\n]*\))?[ \t]*$")


def _relayed_by_outlet(a: _Analysis, after: Attribution, speech: list[Attribution], sentence: int,
                       opening: int) -> Attribution | None:
    """ "The Russian Foreign Ministry said Moscow ... urged both sides “to show restraint”, news agency RIA
    Novosti reported": an outlet reporting after the quotation relays the body whose frame opened the sentence
    before it."""
    if a.lowers[after.verb] not in _OUTLET_REPORTING_VERBS or not is_outlet(after.entity):
        return None
    return next((x for x in speech if x.strength == "speech" and not x.inverted and x.end <= opening
                 and _sentence_index(a, x.start) == sentence and not is_outlet(x.entity)), None)


_OUTLET_REPORTING_VERBS = frozenset({"reported", "reports"})


def _dash_credit(a: _Analysis, closing: int, paragraph: int) -> tuple[Entity, int] | None:
    """'“We will rebuild,” — Maria Soto, mayor of Tula.' / '“…” – the mayor': after the closing mark, a dash
    and nothing but a person or body (with an optional appositive role) up to the paragraph's end."""
    text = a.document.text
    paragraphs = a.document.paragraphs
    end = paragraphs[paragraph].end
    dash = _CREDIT_DASH.match(text, closing, end)
    if dash is None and closing >= end and paragraph + 1 < len(paragraphs):
        # the credit on a line of its own under the quotation: '“…”' / '— Rose Maeta, a vendor'
        end = paragraphs[paragraph + 1].end
        dash = _CREDIT_DASH_ON_NEXT_LINE.match(text, closing, end)
    if dash is None:
        return None
    credit = _CREDIT_LINE.fullmatch(text, dash.end(), end)
    if credit is None:
        return None
    tokens = _tokens_between(a, dash.end(), dash.end() + len(credit.group(1)))
    if not tokens:
        return None
    limit = tokens[-1] + 1
    span = _np_after(a, tokens[0], limit)
    issued = span is not None and span[1] + 2 <= tokens[-1] and _bare(a.lowers[span[2]]) in _SPEAKING_DOCUMENTS \
        and a.lowers[span[1] + 1] in ("from", "by", "of")
    if issued:
        span = _np_after(a, span[1] + 2, limit)  # "— statement from the Yemen office of the NRC": its issuer
        span = _through_of_phrases(a, span, limit) if span is not None else None
    if span is None or span[1] != tokens[-1] and a.words[span[1] + 1] != ",":
        return None  # the credit is the noun phrase, or the noun phrase and an appositive after a comma
    head_low = _bare(a.lowers[span[2]])
    if not (a.names[span[2]] or head_low in _TITLE_WORDS | _PERSON_NOUNS or issued and head_low in _ORG_NOUNS):
        return None
    sentence = _sentence_index(a, a.starts[span[0]])
    entity = _entity(a, span, a.starts[span[0]], sentence if sentence is not None else 0)
    if entity is None or entity.kind not in ("person", "organisation"):
        return None
    if span[1] != tokens[-1] and not entity.role and entity.kind == "person":
        role_first = span[1] + 2
        role = _text(a, role_first, tokens[-1])
        if role and role[:1].islower():
            entity.role = role  # "Maria Soto, mayor of Tula"
    return entity, a.ends[tokens[-1]]


# on the quotation's line or the next; on the same line a hyphen between spaces is a dash typed plainly
_CREDIT_DASH = pattern_cache.compile(r"[ \t]*\n?[ \t]*(?:—|–|--)[ \t]*|[ \t]+-[ \t]+")
_CREDIT_DASH_ON_NEXT_LINE = pattern_cache.compile(r"[ \t]*\n[ \t]*(?:—|–|--)[ \t]*")
# a short line with no sentence inside it: the credit, then an optional full stop
_CREDIT_LINE = pattern_cache.compile(r"([^.!?;:“”\"\n]{2,80}?)[.]?\s*")


def _new_sentence_after_introduced(a: _Analysis, quotation, lead: int) -> bool:
    """'UNIFIL said: “… positions.” It urged restraint.': a quotation closed by a full stop and
    introduced by a colon opens no room for an attribution after it; the next sentence is new."""
    text = a.document.text
    inner_end = quotation.parts[-1][1]
    # the first letter after the closing mark opens the next sentence ("The defence ministry ... says"),
    # wherever the attribution's subject is found to start ("defence ministry")
    following = text[quotation.end:lead + 1].lstrip(" \t\n\"”’'")
    if not text[:inner_end].rstrip().endswith(".") or not following[:1].isupper():
        return False
    return text[:quotation.start].rstrip().endswith(":")


def _subject_of_sentence_before(a: _Analysis, opening: int, paragraph: int) -> Entity | None:
    """The one person the sentence right before a quotation is about, in the same paragraph, when
    the quotation opens its own sentence: "The governor, Imelda Santos, was blunt. “…”"."""
    sentence = _sentence_index(a, opening)
    if sentence is None or sentence == 0 or a.document.sentences[sentence].start != opening:
        return None
    previous = sentence - 1
    across = a.document.sentences[previous].paragraph != paragraph
    if across and (a.document.sentences[previous].paragraph != paragraph - 1
                   or a.document.paragraphs[paragraph].start != opening):
        return None
    first, end = _sentence_bounds(a, previous)
    if first >= end or any(a.quoted[k] or a.lowers[k] in _PATIENT_WORDS for k in range(first, end)):
        return None  # "Her husband, Omar, was killed in the strike. “…”": not Omar's words
    issued = any(_bare(a.lowers[k]) in _SPEAKING_DOCUMENTS for k in range(first, end))
    if across and not issued:
        return None  # a quote paragraph takes the paragraph before only when it ends "X issued a statement."
    opening_np = _np_after(a, first, end)
    named = _name_in_apposition(a, opening_np, end) if opening_np and opening_np[0] <= first + 1 else None
    entity = _entity(a, (named[0], named[1], named[1]), a.starts[named[0]], previous) if named else None
    entity = entity or _sentence_subject(a, first, end, previous)
    if entity is None or entity.plural:
        return None
    if entity.kind != "person" and not (entity.kind == "organisation" and issued):
        return None  # a body speaks in the quotation only after "X issued a statement."
    return entity


_PATIENT_WORDS = frozenset(lexicons.words("speaker_patient_words"))


def _named_in_next_sentence(a: _Analysis, closing: int, paragraph: int) -> Entity | None:
    """The speaker named by the sentence right after a quotation when it points back to the quoted words:
    "So said the mayor.", "That was how Reyes put it.", "Those were the words of a nurse."."""
    sentence = _sentence_index(a, max(closing - 1, 0))
    if sentence is None or sentence + 1 >= len(a.document.sentences):
        return None
    if not _ONLY_CLOSING.fullmatch(a.document.text, closing, a.document.sentences[sentence].end):
        return None  # the quotation's own sentence goes on: its attribution, if any, is there
    following = a.document.sentences[sentence + 1]
    if following.paragraph not in (paragraph, paragraph + 1):
        return None
    named = [x for x in a.by_sentence.get(sentence + 1, ()) if x.entity is not None]
    for pointer in _BACK_REFERENCE.finditer(a.document.text, following.start, following.end):
        # the pointer holds the reporting verb itself: "So said X", "X said so", "how X put it"
        for x in named:
            if pointer.start() <= a.starts[x.verb] < pointer.end():
                return x.entity
        if pointer.group().lower().startswith("the words"):  # "Those were the words of a nurse at the clinic."
            first, end = _sentence_bounds(a, sentence + 1)
            k = next((t for t in range(first, end) if a.starts[t] >= pointer.end()), end)
            span = _np_after(a, k, end)
            name = _name_in_apposition(a, span, end) if span is not None else None
            if name is not None:  # "the words of the state governor, Uba Sani, speaking ..."
                entity = _entity(a, (name[0], name[1], name[1]), a.starts[name[0]], sentence + 1)
                if entity is not None and entity.kind != "organisation":
                    if not entity.role:
                        entity.role = _text(a, span[0], span[1])
                    return entity
            if span is not None:
                return _entity(a, span, a.starts[span[0]], sentence + 1)
    text = a.document.text
    opening = _POINTER_OPENING.match(text, following.start, following.end)
    if opening is not None:
        # "That is what Abdel Rahman told AFP on Friday.": the sentence is only the attribution
        for x in named:
            if _SUBJECT_NEXT.fullmatch(text, opening.end(), x.subject_start) and not x.inverted \
                    and _BARE_TAIL.match(text, a.ends[x.verb], following.end):
                return x.entity
    return None


_SUBJECT_NEXT = pattern_cache.compile(r"\s+(?:(?:the|a|an)\s+)?", re.IGNORECASE)
_POINTER_OPENING = pattern_cache.compile(r"[\"“‘']*(?:that|this|such)\s+(?:is|was)\s+(?:what|how)\b", re.IGNORECASE)
# what may follow the verb of an attribution that is the whole sentence: "it", an audience, when or where
_BARE_TAIL = pattern_cache.compile(
    r"(?:\s+it\b)?"
    r"(?:\s+(?:to\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)+|\s+(?:to\s+)?(?:reporters|journalists|us|me))?"
    r"(?:\s+(?:\w+ly|on|in|at|during|by|from|via|over|after|before|last|this|late|early)\b[^.;!?]*)?"
    r"\s*[.!?”\"’']*\s*$")
_ONLY_CLOSING = pattern_cache.compile(r"[\s.,!?”\"’')\]]*")
_CLAUSE_ENDS = r"(?=\s*[.,;:!?—–]|\s+(?:\w+ly|in|on|to|during|when|while|after|before|later|earlier|again)\b)"
_BACK_REFERENCE = pattern_cache.compile("|".join(
    r"\b" + r"\s+".join(re.escape(w) for w in phrase.split())
    + (_CLAUSE_ENDS if phrase.split()[-1] in ("so", "much", "it", "up") else r"\b")
    for phrase in lexicons.words("speaker_back_references")), re.IGNORECASE)


def _reporter_of_clause(a: _Analysis, x: Attribution, speech: list[Attribution]) -> Attribution | None:
    """The reporter whose reported clause holds the frame `x`, when x's subject is no named person:
    in "Nikolai Bondar said the agreement recognised “…”" and "A Hizbollah official said the group had
    promised only “…”" the quotation is the reporter's wording of what the text or the body did."""
    if x.entity is None or x.entity.kind == "person" or x.inverted:
        return None
    for y in speech:
        if y is x or y.sentence != x.sentence or y.inverted or y.entity is None or y.entity is x.entity:
            continue
        if y.entity.kind != "person" and not y.entity.role:
            continue
        between = a.document.text[a.ends[y.verb]:x.subject_start]
        if a.starts[y.verb] < x.subject_start and _REPORTED_CLAUSE_OPENING.fullmatch(between):
            return y
    return None


# what may stand between a reporting verb and the subject of the clause it reports: "that", a time or a place
_REPORTED_CLAUSE_OPENING = pattern_cache.compile(r"(?:\s+(?:on|in|at)\s+[A-Z][\w-]*)?\s+(?:that\s+)?(?:the\s+|its\s+|their\s+)?",
                                                 re.IGNORECASE)


def _colon_lead(a: _Analysis, opening: int, sentence: int | None) -> tuple[Entity, int] | None:
    """The subject of a clause ending in a colon right before the quotation, and where that clause starts."""
    if sentence is None:
        return None
    first, end = _sentence_bounds(a, sentence)
    if first < end and a.starts[first] >= opening and sentence > 0 \
            and _INTRODUCED_PARAGRAPH.fullmatch(a.document.text, a.document.sentences[sentence - 1].start, opening):
        # "Maria Lopez, who lost her house, spoke through an interpreter:" closing the paragraph before the
        # quotation's own: the introducing clause is the last sentence of that paragraph (the claim keeps
        # to the quotation's paragraph)
        lead = _colon_lead(a, opening, sentence - 1)
        return (lead[0], opening) if lead is not None else None
    if first >= end or a.starts[first] >= opening:
        return None
    if not _COLON_BEFORE.search(a.document.text, a.starts[first], opening):
        return None
    while first < end and a.lowers[first] in _CONNECTIVES and first + 1 < end and a.words[first + 1] == ",":
        first += 2  # "Still, the envoy was blunt:"
    if first >= end or a.starts[first] >= opening:
        return None
    issuer = _issuer_of_the_document(a, first, end, opening, sentence)
    if issuer is not None:
        return issuer, a.starts[first]
    framed = next((x.entity for x in a.by_sentence.get(sentence, ()) if x.entity is not None and not x.inverted
                   and a.starts[first] <= x.subject_start <= a.ends[min(first + 1, end - 1)]
                   and a.starts[x.verb] < opening), None)
    # (the clause's own frame, which reads the asides: "A trader in the Big Market, Fatmata Conteh, put it this way:")
    named = framed or _named_in_apposition(a, first, end, sentence)
    labelled = _issuer_label(a, first, opening, sentence) if named is None else None
    entity = named or labelled or _sentence_subject(a, first, end, sentence) or _lead_noun_source(a, first, opening,
                                                                                                 sentence)
    return (entity, a.starts[first]) if entity is not None else None


def _issuer_of_the_document(a: _Analysis, first: int, end: int, opening: int, sentence: int) -> Entity | None:
    """"In Tegucigalpa this morning the army put out a brief statement:", "the rebel command issued a
    communique:": the subject of a verb of issuing (lexicons/speaker_issuing_verbs.txt) whose object, a document,
    the colon closes; whatever stands before the subject (a place, a time) is not it."""
    colon = next((j for j in range(end - 1, first, -1) if a.words[j] == ":" and a.starts[j] < opening), None)
    if colon is None or _bare(a.lowers[colon - 1]) not in _DOCUMENT_NOUNS:
        return None
    k = colon - 2
    while k > first and colon - k <= 4 and not a.caps[k] and a.lowers[k].isalpha() \
            and a.lowers[k] not in _ISSUING_LAST_WORDS:
        k -= 1  # "a brief", "its own short"
    verb = next((k - len(words) + 1 for words in _ISSUING if tuple(a.lowers[k - len(words) + 1:k + 1]) == words), None)
    if verb is None or verb - 1 < first:
        return None
    span = _np_before(a, verb - 1, first)
    return _entity(a, span, a.starts[span[0]], sentence) if span is not None else None


_ISSUING = tuple(sorted((tuple(line.split()) for line in lexicons.words("speaker_issuing_verbs")), key=len, reverse=True))
_ISSUING_LAST_WORDS = frozenset(words[-1] for words in _ISSUING)


def _issuer_label(a: _Analysis, first: int, opening: int, sentence: int) -> Entity | None:
    """A monitoring item's label naming the issuer of the text it introduces: "Statement by the Revolutionary
    Command Council:", "Text of statement by military spokesman:", "Communique from the general command:". The
    label is verbless: it opens with the text's noun (after "text of", "excerpts from"), the issuer follows
    "by" or "from", and a colon closes it."""
    k = first
    while k + 1 < len(a.words) and a.starts[k] < opening and (
            a.lowers[k] in ("a", "an", "the", "full") or _bare(a.lowers[k]) in _ITEM_LABEL_WORDS
            and a.lowers[k + 1] in ("of", "from")):
        k += 2 if _bare(a.lowers[k]) in _ITEM_LABEL_WORDS else 1
    if k + 1 >= len(a.words) or a.starts[k + 1] >= opening or a.quoted[k] \
            or _bare(a.lowers[k]) not in _DOCUMENT_NOUNS | _SPEAKING_DOCUMENTS | _QUOTE_LEAD_NOUNS \
            or a.lowers[k + 1] not in ("by", "from"):
        return None
    _, end = _sentence_bounds(a, sentence)
    colon = next((j for j in range(k + 2, end) if a.words[j] == ":"), None)
    if colon is None or a.starts[colon] >= opening or colon - k > 12:
        return None
    span = _np_after(a, k + 2, colon)
    return _entity(a, span, a.starts[span[0]], sentence) if span is not None else None


def _labelled_paragraph(a: _Analysis, paragraph: int) -> Entity | None:
    """The issuer a paragraph's opening label names ("Text of statement by military spokesman: ..."), which
    speaks every quotation of the paragraph no frame credits."""
    start = a.document.paragraphs[paragraph].start
    sentence = _sentence_index(a, start)
    if sentence is None:
        return None
    first, end = _sentence_bounds(a, sentence)
    colon = next((j for j in range(first, min(end, first + 16)) if a.words[j] == ":"), None)
    if colon is None or first >= end or a.starts[first] != start:
        return None
    return _issuer_label(a, first, a.ends[colon], sentence)




def _lead_noun_source(a: _Analysis, first: int, opening: int, sentence: int) -> Entity | None:
    """A verbless lead naming where the words come from: "Comment from Lena Ortiz, 58, in Tula:", "Here is
    the key line from the text released by the presidency:" (lexicons/speaker_quote_lead_nouns.txt). The
    source after "from"/"of" speaks; a text there speaks for the issuer its phrase names."""
    k = first
    while k + 1 < len(a.words) and a.starts[k + 1] < opening:
        if _bare(a.lowers[k]) in _QUOTE_LEAD_NOUNS and a.lowers[k + 1] in ("from", "of") and not a.quoted[k]:
            _, end = _sentence_bounds(a, sentence)
            span = _np_after(a, k + 2, end)
            if span is None or _bare(a.lowers[span[2]]) in _DOCUMENT_NOUNS:
                # "the line from the text released by the presidency": the text's issuer
                by = next((j + 1 for j in range(k + 2, end - 1) if a.starts[j] < opening
                           and a.lowers[j] in _AGENT_PARTICIPLES and a.lowers[j + 1] == "by"), None)
                span = _np_after(a, by + 1, end) if by is not None else None
            if span is None or a.starts[span[0]] >= opening:
                return None
            return _entity(a, span, a.starts[span[0]], sentence)
        k += 1
    return None


_QUOTE_LEAD_NOUNS = frozenset(lexicons.words("speaker_quote_lead_nouns"))


_INTRODUCED_PARAGRAPH = pattern_cache.compile(r"[^\n]*:\s*\n\s*")  # a sentence ending its paragraph with a colon


def _named_in_apposition(a: _Analysis, first: int, end: int, sentence: int) -> Entity | None:
    """"The UN Resident Coordinator, Hanaa Singer, put it plainly:": the name between the commas."""
    span = _np_after(a, first, end)
    if span is None or span[1] + 2 >= end or a.words[span[1] + 1] != ",":
        return None
    name_first = name_last = span[1] + 2
    if not a.names[name_first]:
        return None
    while name_last + 1 < end and a.names[name_last + 1]:
        name_last += 1
    if name_last + 1 >= end or a.words[name_last + 1] != "," or name_last == name_first:
        return None  # a two-word-or-longer name closed by a comma
    entity = _entity(a, (name_first, name_last, name_last), a.starts[name_first], sentence)
    if entity is not None and not entity.role and _bare(a.lowers[span[2]]) in _TITLE_WORDS | _PERSON_NOUNS:
        role_first = span[0] + (1 if a.lowers[span[0]] == "the" else 0)
        entity.role = _text(a, role_first, span[1])
    return entity


_COLON_BEFORE = pattern_cache.compile(r":\s*$")


def _credit_headline_echoes(a: _Analysis) -> None:
    """A headline quoting words that the body attributes gets the body's speaker."""
    text = a.document.text
    for found in a.quotes:
        if found.entity is not None:
            continue
        paragraph = _paragraph_of(a.document, found.quotation.start)
        if not is_heading(a.document, paragraph):
            continue
        start = a.document.paragraphs[paragraph].start
        named = _HEADLINE_SPEAKER.match(text, start, found.quotation.start)
        if named:  # "Lavrov: 'We are ready to talk'"
            tokens = _tokens_between(a, named.start(1), named.end(1))
            if tokens:
                entity = _entity(a, (tokens[0], tokens[-1], tokens[-1]), found.quotation.start, 0)
                if entity is not None:
                    found.entity, found.rule = entity, "quote.headline_speaker"
                    continue
        words = _WORDS.findall(found.quotation.inner(text).lower())
        if not words:
            continue
        telling = {w[:5] for w in words if len(w) > 3}
        for later in a.quotes:
            if later.entity is None or later.quotation.start <= found.quotation.start:
                continue
            body_words = _WORDS.findall(later.quotation.inner(text).lower())
            body = " ".join(body_words)
            # a headline cuts and reorders the words it quotes: "'Difficult moment for Russia'" echoes
            # "For Russia, this is a difficult moment", so most of its telling words are enough
            stems = {w[:5] for w in body_words}
            if " ".join(words) in body or (len(telling) >= 2 and len(telling & stems) >= 0.75 * len(telling)):
                found.entity, found.rule = later.entity, "quote.headline_echo"
                break


_HEADLINE_SPEAKER = pattern_cache.compile(r"[#*\s]*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)\s*:\s*$")

_ADJACENT = pattern_cache.compile(r"[\s,—–-]*(?:(?:the|a|an|one|another|two|three|several|some|his|her|its|their)\s+)?",
                                  re.IGNORECASE)
