"""python manage.py benchmark_extraction: time the extraction engine over a seeded corpus, in one process on one core."""
from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError

from claims.benchmarks.corpus import generate_corpus
from claims.benchmarks.measure import one_core, run_benchmark


class Command(BaseCommand):
    help = (
        "Generate a seeded corpus of news-like articles and time claims.extraction.extract over it "
        "(after a warm-up), printing throughput, p50/p99 latency, peak memory and claims per article."
    )
    requires_system_checks = []  # no database: a timing run must work on any checkout

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="how many articles to generate and time (default 1000)")
        parser.add_argument("--seed", type=int, default=1, help="corpus seed; the same seed gives the same articles (default 1)")
        parser.add_argument("--warmup", type=int, default=50, help="articles extracted before timing starts (default 50)")
        parser.add_argument(
            "--tracemalloc-articles", type=int, default=100,
            help="articles in the separate, untimed tracemalloc pass; 0 skips it (default 100)",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="print one JSON object instead of lines")

    def handle(self, *args, articles: int, seed: int, warmup: int, tracemalloc_articles: int, as_json: bool, **options):
        if articles < 1:
            raise CommandError(f"--articles must be at least 1, got {articles}")
        if warmup < 0 or tracemalloc_articles < 0:
            raise CommandError("--warmup and --tracemalloc-articles must not be negative")
        started = time.perf_counter()
        corpus = generate_corpus(articles, seed=seed)
        corpus_seconds = time.perf_counter() - started
        with one_core() as cpu:
            result = run_benchmark(corpus, warmup=warmup, tracemalloc_articles=tracemalloc_articles, cpu=cpu)
        if as_json:
            payload = {"seed": seed, "corpus_seconds": round(corpus_seconds, 3), **result.as_dict()}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        traced = (
            f"{result.tracemalloc_peak_mb} MB (tracemalloc, Python allocations of extract(), "
            f"separate untimed pass over {result.tracemalloc_articles} articles)"
            if result.tracemalloc_peak_mb is not None else "skipped"
        )
        kinds = ", ".join(f"{kind} {count}" for kind, count in result.claims_by_kind.items()) or "none"
        lines = [
            f"corpus: seed {seed}, built in {corpus_seconds:.2f} s; {result.cpu}; warm-up {result.warmup_articles} articles",
            f"articles: {result.articles}",
            f"total words: {result.total_words} (mean {result.total_words / result.articles:.0f} per article)",
            f"articles per second: {result.articles_per_second} ({result.words_per_second} words/s, {result.seconds} s in all)",
            f"articles per CPU second: {result.articles_per_cpu_second} ({result.cpu_seconds} s of this process's CPU time)",
            f"latency per article: p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, max {result.max_ms} ms (wall clock)",
            f"CPU time per article: p50 {result.cpu_p50_ms} ms, p99 {result.cpu_p99_ms} ms",
            f"peak memory: {result.rss_peak_mb} MB resident (ru_maxrss, whole process; {result.rss_peak_before_mb} MB before the timed run)",
            f"peak memory: {traced}",
            f"claims per article: {result.claims_per_article} ({kinds})",
        ]
        self.stdout.write("\n".join(lines))
