"""The benchmark corpora: the realistic one is whole articles in outlets' styles; the generated one is seeded,
article-sized, and every article carries figures and a quotation."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from benchmarks.extraction.generated import MAX_WORDS, MIN_WORDS, SAMPLES_DIR, generate_corpus, load_samples, parse_sample
from benchmarks.extraction.realistic import ARTICLES_DIR, load_realistic_corpus

# A figure followed, within a few words, by what happened to the people it counts.
NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|[a-z]+ty(?:-[a-z]+)?"
CASUALTY_PHRASE = re.compile(
    rf"\b(?:\d[\d,]*|{NUMBER_WORDS})\b(?:\W+\w+){{0,6}}?\W+"
    r"(?:killed|dead|died|wounded|injured|missing|captured|prisoner|unaccounted|lost their lives)\b",
    re.IGNORECASE,
)
# Four words or more between quotation marks, curly or straight.
QUOTATION = re.compile(r"[“\"](?:[^”\"\s]+\s+){3,}[^”\"]*[”\"]")


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(120, seed=7)


def test_it_gives_the_same_articles_for_the_same_seed(corpus):
    assert generate_corpus(120, seed=7) == corpus


def test_it_gives_different_articles_for_another_seed(corpus):
    other = generate_corpus(120, seed=8)
    assert sum(a.text == b.text for a, b in zip(corpus, other)) == 0


def test_a_small_corpus_is_the_start_of_a_larger_one_with_the_same_seed(corpus):
    assert generate_corpus(10, seed=7) == corpus[:10]


def test_every_article_is_between_400_and_800_words(corpus):
    assert (MIN_WORDS, MAX_WORDS) == (400, 800)
    sizes = [article.words for article in corpus]
    assert all(400 <= size <= 800 for size in sizes), sizes


def test_every_article_states_a_casualty_figure(corpus):
    lacking = [article.title for article in corpus if not CASUALTY_PHRASE.search(article.text)]
    assert lacking == []


def test_every_article_quotes_someone(corpus):
    lacking = [article.title for article in corpus if not QUOTATION.search(article.text)]
    assert lacking == []


def test_articles_vary_in_length_and_wording(corpus):
    assert len({article.words for article in corpus}) > 50
    assert len({article.text.split("\n\n")[1] for article in corpus}) == len(corpus)


def test_the_patterns_used_here_can_fail():
    assert not CASUALTY_PHRASE.search("The town, home to 12,000 people, lies 8 km from the border.")
    assert not QUOTATION.search("“No comment,” he said.")


def test_the_sample_articles_have_a_header_and_300_to_700_words():
    samples = load_samples()
    assert len(samples) >= 6
    for path in sorted(SAMPLES_DIR.glob("*.txt")):
        sample = parse_sample(path.read_text(encoding="utf-8"))
        words = sum(len(paragraph.split()) for paragraph in sample.paragraphs)
        assert 300 <= words <= 700, (path.name, words)
        assert sample.title and sample.outlet and sample.published.year >= 2000


def test_a_sample_without_its_header_is_refused():
    with pytest.raises(ValueError, match="Key: value"):
        parse_sample("Fighting resumed on Monday.\n\nNine people were killed.")


def test_the_generator_runs_without_django():
    code = (
        "import sys, benchmarks.extraction.generated as g, benchmarks.extraction.realistic as r; "
        "g.generate_corpus(3); r.load_realistic_corpus(); sys.exit('django' in sys.modules)"
    )
    completed = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert completed.returncode == 0


def test_the_benchmark_command_prints_one_json_object_and_leaves_the_cpus_as_it_found_them():
    before = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    out = StringIO()
    call_command("benchmark_extraction", corpus="generated", articles=4, warmup=1, tracemalloc_articles=2,
                 as_json=True, stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["articles"] == 4
    assert 1600 <= figures["total_words"] <= 3200
    assert figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert figures["rss_peak_mb"] > 0 and figures["tracemalloc_peak_mb"] > 0
    if before is not None:
        assert os.sched_getaffinity(0) == before


def test_the_realistic_corpus_is_the_teams_articles_and_the_benchmarks_own():
    corpus = load_realistic_corpus()
    own = sorted(ARTICLES_DIR.glob("*.txt"))
    holdouts = sorted(Path(__file__).resolve().parent.joinpath("eval").glob("holdout-*/*.txt"))
    assert len(corpus) == len(holdouts) + len(list(SAMPLES_DIR.glob("*.txt"))) + len(own) >= 50
    assert len(own) >= 24
    texts = [article.text for article in corpus]
    assert len(set(texts)) == len(texts)  # no article twice
    assert all(1400 <= len(text.encode()) <= 4500 for text in texts), [len(t.encode()) for t in texts]
    assert load_realistic_corpus() == corpus  # the same order every time


def test_the_benchmarks_own_articles_have_a_header_and_a_dated_body():
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        article = parse_sample(path.read_text(encoding="utf-8"))
        assert article.title and article.outlet, path.name
        assert path.stem.endswith(article.published.isoformat()), path.name  # the file says its date
        assert 1500 <= path.stat().st_size <= 4500, path.name


def test_the_benchmark_command_times_the_realistic_corpus_by_default():
    out = StringIO()
    call_command("benchmark_extraction", articles=3, warmup=0, tracemalloc_articles=0, as_json=True, stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["corpus"] == "realistic"
    assert figures["articles"] == 3
    assert figures["tracemalloc_peak_mb"] is None
    first_three = sum(len(article.text.split()) for article in load_realistic_corpus()[:3])
    assert figures["total_words"] == first_three
