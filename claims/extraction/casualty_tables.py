"""Casualty figures set out as a table, whose numbers carry no outcome in their own words.

Prose is read clause by clause (casualties.py); a table's cell holds only "about 2,000", and what it counts is
written elsewhere:
- a column table names it in its header ("Source | Group | Killed | Injured", or columns set apart by runs of
  spaces): each cell under an outcome's column is a count of that outcome, its row's source column says who gives
  it, its group column whom it counts;
- a list of labelled rows with leader dots ("Dead, Bolivia ......... about 50,000"), or with a bar or a colon
  ("Police gunfire | 405", "- Yumbi town: 178"), names it in the row's label, or in the heading over the list
  ("THE DEAD BY COMMUNITY" over "Arabs ........ 36"; for bars and colons only the title line right over the rows).
The bracketed note under a heading ("(Government figures, 9 p.m. Wednesday)") names the source of a list, a line
"Source: ..." over a table's header the source of its rows, a body in brackets closing a title ("Table 1. Deaths
by province (Commission of Inquiry)") the source of the table under it. A note under a table's last row does not
end the table. A cell that is no count ("-", "no figure", "not published") and a row no outcome is named for ("Men
mobilised ... 400,000") give nothing. The words are in lexicons/casualty_tables.json.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import casualty_patterns as patterns, lexicons, numbers, pattern_cache
from .speakers.vocabulary import names_a_body
from .types import Document, ExtractedClaim, Speaker

_WORDS = lexicons.table("casualty_tables")


def _alternation(entries) -> str:
    ordered = sorted(entries, key=len, reverse=True)  # the longest phrase wins: "killed or missing" over "killed"
    return "(?:" + "|".join(re.escape(e) for e in ordered) + ")"


def _phrases(entries) -> re.Pattern:
    return pattern_cache.compile(rf"\b{_alternation(entries)}\b", re.IGNORECASE)


_OUTCOME_OF = {phrase: outcome for outcome, phrases in _WORDS["outcomes"].items() for phrase in phrases}
_OUTCOME = _phrases(_OUTCOME_OF)
_SOURCE_HEADER = _phrases(_WORDS["source_headers"])
_GROUP_HEADER = _phrases(_WORDS["group_headers"])
_SOURCE_NOTES = tuple(pattern_cache.compile(p) for p in _WORDS["source_notes"])
# "Table 1. Deaths by province (Commission of Inquiry)", "DEATHS BY LOCALITY (UNJHRO, 12 March)": a title that
# closes on a body in brackets, the date of its count after a comma
_TITLE_SOURCES = tuple(pattern_cache.compile(p, re.IGNORECASE) for p in _WORDS["title_sources"])
_TITLE_CREDIT = pattern_cache.compile(r"\((?:the\s+)?(?P<source>(?-i:[A-Z])[^,;()]*?)(?:,[^()]*)?\)\s*$")
_NUMBER = r"\d[\d,.]*\d|\d"
# a cell that is one count, qualified or not, or a range: "about 2,000", "10,000 to 25,000", "over 17,000"
_CELL = pattern_cache.compile(rf"(?:(?P<qual>{_alternation(patterns.QUALIFIER_OF)})\s+)?(?P<low>{_NUMBER})"
                              rf"(?:\s*(?:to|-|–|and)\s*(?P<high>{_NUMBER}))?\*?", re.IGNORECASE)
# "Dead, Bolivia ......... about 50,000", "Paraguayans held prisoner in Bolivia . about 2,500"
_LEADER_ROW = pattern_cache.compile(r"(?P<label>\S[^\n]*?\S)\s+(?P<dots>\.(?:\s?\.)*)\s+(?P<value>\S[^\n]*?)\s*$")
# a label set apart from its figure by a bar or a colon, bulleted or not: "Police gunfire | 405", "- Yumbi town: 178"
_LABELLED_ROW = pattern_cache.compile(r"(?:[-•*]\s+)?(?P<label>\S[^\n|:]*?\S)(?:\s*\|\s*|:\s+)(?P<value>\S[^\n]*?)\s*$")
_COLUMNS = pattern_cache.compile(r"\t+|\s{2,}")  # (a line with bars is split by _bar_cells)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # the line's text, its surrounding spaces left out
    text: str
    indent: int = 0  # the spaces before it


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    text: str


def find_table_casualties(document: Document, claimed: list[tuple[int, int]]) -> list[ExtractedClaim]:
    """The casualty counts in the document's tables, leaving out any row a claim read from prose already covers."""
    text = document.text
    if "  " not in text and "|" not in text and ".." not in text and "\t" not in text and ": " not in text:
        return []  # no table or list can be set out without one of these
    claims = []
    for block, heading in _blocks(text):
        for claim in [*_column_table(block, heading), *_leader_list(block, heading)]:
            if not any(start < claim.end and claim.start < end for start, end in claimed):
                claims.append(claim)
    return claims


def _blocks(text: str) -> Iterator[tuple[list[_Line], list[_Line]]]:
    """Runs of consecutive non-blank lines, each with the run of lines just before it (its heading, if any)."""
    lines, block, previous = [], [], []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            offset = position + raw.index(stripped[0])
            block.append(_Line(offset, offset + len(stripped), stripped, raw.index(stripped[0])))
        elif block:
            lines.append(block)
            block = []
        position += len(raw) + 1
    if block:
        lines.append(block)
    for block in lines:
        yield block, previous
        previous = block


def _cells(line: _Line) -> list[_Cell]:
    if "|" in line.text:
        return _bar_cells(line)
    cells, at = [], 0
    for gap in _COLUMNS.finditer(line.text):
        if gap.start() > at:
            cells.append(_Cell(line.start + at, line.start + gap.start(), line.text[at:gap.start()]))
        at = gap.end()
    if at < len(line.text):
        cells.append(_Cell(line.start + at, line.end, line.text[at:]))
    return cells


def _bar_cells(line: _Line) -> list[_Cell]:
    """A line set out with bars keeps its empty cells: "TOTAL | 405 | 1,260 |" has an empty source column; a line
    that opens on a bar and closes on one ("| Asel | 12 | |") is framed by them."""
    text, offset = line.text, line.start
    if text.startswith("|") and text.endswith("|") and len(text) > 1:
        text, offset = text[1:-1], offset + 1
    cells, at = [], 0
    for part in text.split("|"):
        lead = len(part) - len(part.lstrip())
        word = part.strip()
        start = offset + at + lead
        cells.append(_Cell(start, start + len(word), word))
        at += len(part) + 1
    return cells


def _column_table(block: list[_Line], heading: list[_Line]) -> Iterator[ExtractedClaim]:
    """ "Source | Group | Killed | Injured" over rows of as many cells: a count in each outcome's column."""
    titles = [line.text for line in heading]  # (the lines just over the table, a blank line between)
    while len(block) > 2 and len(_cells(block[0])) < 2:
        # "Insurgency-related violence in Assam" right over the header: the table's title; "Source: Erawan Centre"
        # under it names who gives every row
        titles.append(block[0].text)
        block = block[1:]
    while len(block) > 2 and len(_cells(block[-1])) < 2:
        block = block[:-1]  # "No deaths were recorded in North Eastern province.": a note under the last row
    noted = next((s for s in (_note_source(title) for title in titles) if s), None) or _title_credit(titles[::-1])
    if len(block) < 2:
        return
    header = _cells(block[0])
    if len(header) < 2 or any(cell.text.endswith((".", ",", ";")) for cell in header):
        return  # (a header's cells are labels, not clauses: "were killed.  The army said" is wrapped prose)
    widths = {len(_cells(line)) for line in block[1:]}
    if widths == {len(header) + 1} and block[0].indent >= 3:
        # "            Killed   Wounded" over "Soldiers   12   40": the rows' labels stand under no header
        header = [_Cell(block[0].start, block[0].start, ""), *header]
    elif widths != {len(header)} and not (len(header) in widths and max(widths) == len(header)
                                          and "|" not in block[0].text and "\t" not in block[0].text):
        return
    # a header cell is a few words: "Killed", "Dead or missing", "Injured (hospitalised)"
    outcomes = {i: _outcome_in(cell.text) for i, cell in enumerate(header) if len(cell.text) < 30}
    outcomes = {i: outcome for i, outcome in outcomes.items() if outcome}
    if not outcomes:
        return
    source = next((i for i, cell in enumerate(header) if _SOURCE_HEADER.fullmatch(cell.text.strip())), None)
    group = next((i for i, cell in enumerate(header) if _GROUP_HEADER.fullmatch(cell.text.strip())), None)
    heading = " | ".join(cell.text for cell in header)
    for line in block[1:]:
        row = _cells(line)
        if len(row) < len(header):
            row = _under_headers(row, line, header, block[0])
            if row is None:
                continue  # (figures that stand under no header, or two under one)
        for column, outcome in outcomes.items():
            value = _CELL.fullmatch(row[column].text)
            if value is None:
                continue  # "-", "no figure", "not published"
            speaker = _source_speaker(row[source].text) if source is not None and source != column else None
            reasons = [f"a row of a table: the column headed '{header[column].text}' in '{heading}' counts "
                       f"the {outcome}"]
            if speaker is not None:
                reasons.append(f"speaker {speaker.name}: the row's '{header[source].text}' column")
            elif noted is not None:
                speaker = noted
                reasons.append(f"speaker {speaker.name}: the source line over the table's header")
            named = _OUTCOME.sub("", header[column].text).strip(" ,;:-()")  # "Civilians killed": the civilians
            who = row[group].text if group is not None and group != column else \
                named or _first_label(row, outcomes, source)
            claim = _claim(line, value, outcome, who, speaker, reasons)
            if claim is not None:
                yield claim


def _under_headers(row: list[_Cell], line: _Line, header: list[_Cell], over: _Line) -> list[_Cell] | None:
    """A row of a table set out with spaces that leaves a cell empty ("TOTAL" with no district): each cell put under
    the header it stands beneath, a figure by its right edge (figures are set flush right), words by their left;
    None when a cell stands under no header's edge or two cells under one."""
    def across(cell: _Cell, of: _Line) -> tuple[int, int]:
        return cell.start - of.start + of.indent, cell.end - of.start + of.indent

    edges = [across(cell, over) for cell in header]
    placed: list[_Cell | None] = [None] * len(header)
    for cell in row:
        left, right = across(cell, line)
        if _CELL.fullmatch(cell.text):
            column = min(range(len(edges)), key=lambda i: abs(edges[i][1] - right))
            off = abs(edges[column][1] - right)
        else:
            column = min(range(len(edges)), key=lambda i: abs(edges[i][0] - left))
            off = abs(edges[column][0] - left)
        if off > 3 or placed[column] is not None:
            return None
        placed[column] = cell
    return [cell or _Cell(line.start, line.start, "") for cell in placed]


def _leader_list(block: list[_Line], heading: list[_Line]) -> Iterator[ExtractedClaim]:
    """ "Arabs ........ 36" under "THE DEAD BY COMMUNITY", "- Yumbi town: 178" under "DEATHS BY LOCALITY (UNJHRO)":
    the row's label or the heading names the outcome."""
    rows = [(line, _list_row(line.text)) for line in block]
    first = next((k for k, (_, match) in enumerate(rows) if match is not None), len(rows))
    heading = [*heading, *block[:first]]  # "THE WAR IN FIGURES" may stand right over the rows, no line between
    rows = [(line, match) for line, match in rows if match is not None]
    dotted = any("dots" in match.re.groupindex and len(match["dots"].replace(" ", "")) >= 3 for _, match in rows)
    labelled = sum(1 for _, match in rows if "dots" not in match.re.groupindex)
    if len(rows) < 2 or not dotted and labelled < 2:
        return
    titles = [line.text for line in heading if not line.text.startswith("(")]
    if not dotted:
        # a list set out with bars or colons counts what the line right over it names, a title and not a sentence:
        # prose a blank line above ("... 17 people were still unaccounted for.") is no heading of "- Refugees: 240"
        nearest = titles[-1:]
        titles = nearest if nearest and len(nearest[0]) <= 100 and not nearest[0].endswith((".", "!", "?", '"')) \
            and not nearest[0].startswith(("-", "•", "*")) else []  # (nor a bullet: "- Dead: estimates vary")
    title_outcome = next((o for o in (_outcome_in(title) for title in titles) if o), None)
    notes = [line.text for line in heading if line.text.startswith("(")]
    speaker = next((s for s in (_note_source(note) for note in notes) if s), None) or _title_credit(titles[::-1])
    for line, match in rows:
        value = _CELL.fullmatch(match["value"])
        if value is None:
            continue
        label = match["label"]
        named = _OUTCOME.search(label)
        outcome = _OUTCOME_OF[named.group().lower()] if named else title_outcome
        if outcome is None:
            continue  # "Men mobilised, both armies ...... 400,000": no outcome named for the row
        if named and any(word in numbers.MEASURE_WORDS for word in re.findall(r"[a-z]+", label[:named.start()].lower())):
            continue  # "Guns captured, both armies ..... 140": the things taken, not people
        where = "the row's label" if named else f"the heading '{next(t for t in titles if _outcome_in(t))}'"
        reasons = [f"a row of a labelled list: {where} names the {outcome}"]
        if speaker is not None:
            reasons.append(f"speaker {speaker.name}: the list's heading credits it")
        who = " ".join(_OUTCOME.sub("", label).split()).strip(" ,;:-") or None  # "Britons in Sousse"
        claim = _claim(line, value, outcome, who, speaker, reasons)
        if claim is not None:
            yield claim


def _list_row(line: str) -> re.Match | None:
    """A row of a labelled list: its label and its figure, set apart by leader dots, a bar or a colon (a bar's or a
    colon's figure is the whole rest of the line: "Gunman: Seifeddine Rezgui, 23" is no row)."""
    dotted = _LEADER_ROW.fullmatch(line)
    if dotted is not None:
        return dotted
    labelled = _LABELLED_ROW.fullmatch(line)
    return labelled if labelled is not None and _CELL.fullmatch(labelled["value"]) else None


def _title_credit(titles: list[str]) -> Speaker | None:
    """The body a table's title names in brackets at its end: "Table 1. Deaths by province (Commission of Inquiry)",
    "DEATHS BY LOCALITY (UNJHRO, 12 March)"; an acronym or a name with a body's noun, not "(provisional)"; or any
    source the bracket marks as one ("(source: MoHA, 6 May)")."""
    for title in titles:
        if len(title) > 120:
            continue
        marked = next((m for m in (p.search(title) for p in _TITLE_SOURCES) if m), None)
        if marked is not None:  # "(source: MoHA, 6 May)": said to be the source, whatever its name looks like
            return Speaker(name=marked["source"].strip(), role="", kind="organisation")
        found = _TITLE_CREDIT.search(title)
        if found is None:
            continue
        name = found["source"].strip()
        if names_a_body(name):
            return Speaker(name=name, role="", kind="organisation")
    return None


def _claim(line: _Line, value: re.Match, outcome: str, who: str | None, speaker: Speaker | None,
           reasons: list[str]) -> ExtractedClaim | None:
    """The row `line` as a claim of the count in `value`: the whole row is the evidence an editor reads."""
    low = numbers.parse_number(value["low"])
    high = numbers.parse_number(value["high"]) if value["high"] else None
    if not isinstance(low, int) or high is not None and (not isinstance(high, int) or high <= low):
        return None
    qualifier = "range" if high is not None else \
        patterns.QUALIFIER_OF[patterns.normal(value["qual"])] if value["qual"] else "exact"
    return ExtractedClaim(
        kind="casualty", start=line.start, end=line.end, text=line.text, speaker=speaker,
        confidence=0.7, rule="casualty.table_row",
        values={"outcome": outcome, "count": low, "count_high": high, "qualifier": qualifier,
                "group": (who or "").lower() or None},
        explanation=tuple(reasons))


def _outcome_in(words: str) -> str | None:
    found = _OUTCOME.search(words)
    return _OUTCOME_OF[found.group().lower()] if found else None


def _first_label(row: list[_Cell], outcomes: dict[int, str], source: int | None) -> str | None:
    """The first cell that is neither a count nor the source: the row's label."""
    return next((cell.text for i, cell in enumerate(row) if i not in outcomes and i != source
                 and not _CELL.fullmatch(cell.text)), None)


def _source_speaker(cell: str) -> Speaker | None:
    name = re.sub(r"\s*\(\d{4}\)$", "", cell).strip()  # "Amnesty International (1983)": the year of the estimate
    return Speaker(name=name, role="", kind="organisation") if name and not _CELL.fullmatch(name) else None


def _note_source(note: str) -> Speaker | None:
    for pattern in _SOURCE_NOTES:
        found = pattern.search(note)
        if found:
            name = re.sub(r"\s+and\s+of\s+", " and ", found["source"].strip())
            return Speaker(name=name, role="", kind="organisation")
    return None
