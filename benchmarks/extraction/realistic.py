"""The realistic corpus: whole articles as outlets write them, for timing the engine on the text it meets.

Generated articles repeat a few sentence shapes; real reporting is longer-winded, quotes more and
names more people, and it costs the engine more per kilobyte. This corpus is every article the team
wrote in the style of real outlets — the hold-out sets (tests/eval/holdout-*/, dated by their
manifests) and the sample articles (sources/samples/) — and the articles in `articles/` beside this
file, written for the benchmark in other outlets' styles (wire, broadsheet, broadcaster, regional
paper, humanitarian bulletin; 1.5–4.5 KB; our own sentences, facts from the public record).
The order is fixed (by file name within each source), so two runs time the same articles.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .generated import CorpusArticle, parse_sample

ROOT = Path(__file__).resolve().parents[2]
ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
SAMPLES_DIR = ROOT / "sources" / "samples"
HOLDOUTS_DIR = ROOT / "tests" / "eval"


def load_realistic_corpus() -> list[CorpusArticle]:
    """Every realistic article, hold-outs first, then the samples, then the benchmark's own."""
    articles = [*_holdouts(), *_with_headers(SAMPLES_DIR), *_with_headers(ARTICLES_DIR)]
    if not articles:
        raise FileNotFoundError(f"no realistic articles found under {ROOT}")
    return articles


def _holdouts() -> list[CorpusArticle]:
    found = []
    for manifest in sorted(HOLDOUTS_DIR.glob("holdout-*/manifest.json")):
        entries = json.loads(manifest.read_text(encoding="utf-8"))["articles"]
        for entry in sorted(entries, key=lambda entry: entry["file"]):
            text = (manifest.parent / entry["file"]).read_text(encoding="utf-8")
            found.append(CorpusArticle(title=text.split("\n", 1)[0].strip(),
                                       published=date.fromisoformat(entry["published"][:10]), text=text))
    return found


def _with_headers(folder: Path) -> list[CorpusArticle]:
    """Articles with `Title:`, `Outlet:`, `Published:` lines, given to the engine as headline and body."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        sample = parse_sample(path.read_text(encoding="utf-8"))
        found.append(CorpusArticle(title=sample.title, published=sample.published,
                                   text="\n\n".join((sample.title, *sample.paragraphs))))
    return found
