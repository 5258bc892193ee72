"""A deterministic corpus of news-like articles for timing the extraction engine.

Each article mixes paragraphs of the hand-written sample articles in
sources/samples/ with paragraphs made from the templates in `templates`, so
that every article carries casualty figures and quotations in varied wording.
Article `i` of seed `s` depends only on (s, i): a corpus of 100 starts with
the corpus of 10.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import templates

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "sources" / "samples"
MIN_WORDS = 400
MAX_WORDS = 800

_HEADER_LINE = re.compile(r"^(\w+):\s*(.*)$")
# "VESSA, Orrin (Some Wire) — ": a sample's dateline belongs to its own lead, not to a mixed article.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Z][\w .'-]+)?(?: \([^)]*\))? — ")
_BYLINE = re.compile(r"^By [^.]{0,60}$")
# How often each kind of paragraph is drawn after the lead and the first quote.
_PARAGRAPH_KINDS = ("sample", "casualty", "quote", "ceasefire", "distractor")
_PARAGRAPH_WEIGHTS = (45, 15, 20, 8, 12)


@dataclass(frozen=True, slots=True)
class SampleArticle:
    title: str
    outlet: str
    published: date
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    title: str
    published: date
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def parse_sample(text: str) -> SampleArticle:
    """A sample article: `Key: value` header lines, a blank line, then paragraphs split by blank lines."""
    header_text, _, body = text.partition("\n\n")
    header: dict[str, str] = {}
    for line in header_text.splitlines():
        match = _HEADER_LINE.match(line.strip())
        if not match:
            raise ValueError(f"sample header line is not 'Key: value': {line!r}")
        header[match.group(1).lower()] = match.group(2).strip()
    missing = {"title", "outlet", "published"} - header.keys()
    if missing:
        raise ValueError(f"sample header lacks {', '.join(sorted(missing))}")
    paragraphs = tuple(" ".join(block.split()) for block in body.split("\n\n") if block.strip())
    return SampleArticle(
        title=header["title"],
        outlet=header["outlet"],
        published=date.fromisoformat(header["published"]),
        paragraphs=paragraphs,
    )


def load_samples(folder: Path = SAMPLES_DIR) -> list[SampleArticle]:
    samples = [parse_sample(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]
    if not samples:
        raise FileNotFoundError(f"no sample articles (*.txt) in {folder}")
    return samples


def generate_corpus(count: int, *, seed: int = 1, samples: list[SampleArticle] | None = None) -> list[CorpusArticle]:
    """`count` articles of MIN_WORDS..MAX_WORDS words, the same ones for the same seed."""
    if count < 0:
        raise ValueError("count must not be negative")
    samples = samples if samples is not None else load_samples()
    # Sample paragraphs longer than a quarter of an article would make the word bounds hard to keep.
    pool = [
        _DATELINE.sub("", paragraph)
        for sample in samples
        for paragraph in sample.paragraphs
        if len(paragraph.split()) <= MAX_WORDS // 4 and not _BYLINE.match(paragraph)
    ]
    return [_article(random.Random(f"factdesk-corpus:{seed}:{index}"), pool) for index in range(count)]


class SlotFiller(dict):
    """Fills template slots on first use and remembers them, so a paragraph's `{speaker}` and `{pronoun}` agree."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def __missing__(self, key: str) -> str:
        if key[0].isupper():
            value = self[key[0].lower() + key[1:]]
            value = value[0].upper() + value[1:]
        else:
            value = self._new(key.rstrip("0123456789"))
        self[key] = value
        return value

    def _new(self, kind: str) -> str:
        rng = self.rng
        choose = rng.choice
        if kind == "speaker":
            female = rng.random() < 0.5
            first = choose(templates.FIRST_NAMES_FEMALE if female else templates.FIRST_NAMES_MALE)
            self.setdefault("pronoun", "she" if female else "he")
            return f"{first} {choose(templates.SURNAMES)}"
        if kind == "pronoun":
            self["speaker"]  # the pronoun follows whoever spoke
            return self["pronoun"] if "pronoun" in self else "they"
        if kind == "count":
            return _count_phrase(rng)
        if kind == "group":
            adjective = choose(templates.GROUP_ADJECTIVES)
            noun = choose(templates.GROUP_NOUNS)
            return f"{adjective} {noun}" if adjective else noun
        if kind == "time":
            return self.fill(choose(templates.CEASEFIRE_TIMES))
        if kind == "quote":
            return choose(templates.QUOTE_WORDS)
        if kind == "n":
            return _digits(rng.randint(2, 400))
        if kind == "nw":
            return _words(rng.randint(2, 40))
        if kind == "big":
            return _digits(rng.randint(1_000, 90_000))
        if kind == "age":
            return str(rng.randint(18, 88))
        if kind == "km":
            return str(rng.randint(3, 250))
        if kind == "hour":
            return _words(rng.randint(1, 12))
        if kind == "year":
            return str(rng.randint(1950, 2017))
        if kind == "money":
            return f"{rng.randint(2, 900)} million {choose(templates.CURRENCIES)}"
        vocabulary = {
            "role": templates.ROLES, "org": templates.ORGS, "outcome": templates.OUTCOMES,
            "event": templates.EVENTS, "place": templates.PLACES, "party": templates.PARTIES,
            "feature": templates.FEATURES, "occupation": templates.OCCUPATIONS, "weekday": templates.WEEKDAYS,
        }
        if kind in vocabulary:
            return choose(vocabulary[kind])
        raise KeyError(f"template slot {{{kind}}} has no filler")


def _article(rng: random.Random, pool: list[str]) -> CorpusArticle:
    published = date(2018, 1, 1) + timedelta(days=rng.randrange(8 * 365))
    title = SlotFiller(rng).fill(rng.choice(templates.TITLES))
    dateline = f"{rng.choice(templates.PLACES).upper()} (FactDesk Benchmark Wire) — "
    paragraphs = [
        dateline + _templated(rng, templates.CASUALTIES),
        _templated(rng, templates.QUOTES),
    ]
    words = len(title.split()) + sum(len(paragraph.split()) for paragraph in paragraphs)
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 40)
    for _attempt in range(500):
        if words >= target:
            break
        kind = rng.choices(_PARAGRAPH_KINDS, _PARAGRAPH_WEIGHTS)[0]
        paragraph = rng.choice(pool) if kind == "sample" else _templated(rng, _TEMPLATES_BY_KIND[kind])
        size = len(paragraph.split())
        if paragraph in paragraphs:
            continue
        if words + size > MAX_WORDS:
            if words >= MIN_WORDS:
                break
            continue
        paragraphs.append(paragraph)
        words += size
    else:
        raise RuntimeError("could not fill an article to its word target; are the sample paragraphs too long?")
    text = "\n\n".join([title, *paragraphs]) + "\n"
    if rng.random() < 0.3:  # some outlets print straight quotation marks
        text = text.replace("“", '"').replace("”", '"')
    return CorpusArticle(title=title, published=published, text=text)


_TEMPLATES_BY_KIND = {
    "casualty": templates.CASUALTIES,
    "quote": templates.QUOTES,
    "ceasefire": templates.CEASEFIRES,
    "distractor": templates.DISTRACTORS,
}


def _templated(rng: random.Random, choices: tuple[str, ...]) -> str:
    return SlotFiller(rng).fill(rng.choice(choices))


def _count_phrase(rng: random.Random) -> str:
    """A stated figure, as reporters hedge it: exact, at least, more than, about, up to, a range, in words."""
    number = rng.choice((rng.randint(2, 60), rng.randint(10, 400), rng.randint(400, 5_000)))
    style = rng.randrange(8)
    if style == 0:
        return f"at least {_digits(number)}"
    if style == 1:
        return f"more than {_digits(number)}"
    if style == 2:
        return f"about {_digits(number)}"
    if style == 3:
        return f"up to {_digits(number)}"
    if style == 4:
        high = number + rng.randint(2, max(3, number // 5))
        return rng.choice((f"between {_digits(number)} and {_digits(high)}", f"{_digits(number)} to {_digits(high)}"))
    if style == 5 and number < 100:
        return _words(number)
    return _digits(number)


def _digits(number: int) -> str:
    return f"{number:,}"


def _words(number: int) -> str:
    if number < 20:
        return templates.NUMBER_WORDS[number]
    tens, ones = divmod(number, 10)
    return templates.TENS_WORDS[tens] + (f"-{templates.NUMBER_WORDS[ones]}" if ones else "")
