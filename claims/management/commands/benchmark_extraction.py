"""python manage.py benchmark_extraction: time the extraction engine over a corpus, in one process on one core.

The realistic corpus (the default) is whole articles in outlets' styles; the generated one is seeded
and as large as asked. The benchmark code lives in the top-level `benchmarks` package and is
imported here, when the command runs, never by the service.
"""
from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Time claims.extraction.extract over a corpus of articles (after a warm-up), printing throughput, "
        "p50/p99 latency, peak memory and claims per article. The realistic corpus is whole articles in "
        "outlets' styles, repeated in order up to --articles; the generated one is seeded."
    )
    requires_system_checks = []  # no database: a timing run must work on any checkout

    def add_arguments(self, parser):
        parser.add_argument("--corpus", choices=("realistic", "generated"), default="realistic",
                            help="realistic: the team's and the benchmark's own articles (default); "
                                 "generated: seeded articles made from templates")
        parser.add_argument("--articles", type=int, default=1000,
                            help="how many extractions to time (default 1000); the realistic corpus is "
                                 "repeated in order to reach it")
        parser.add_argument("--seed", type=int, default=1,
                            help="generated corpus seed; the same seed gives the same articles (default 1)")
        parser.add_argument("--warmup", type=int, default=50, help="articles extracted before timing starts (default 50)")
        parser.add_argument(
            "--tracemalloc-articles", type=int, default=100,
            help="articles in the separate, untimed tracemalloc pass; 0 skips it (default 100)",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="print one JSON object instead of lines")

    def handle(self, *args, corpus: str, articles: int, seed: int, warmup: int, tracemalloc_articles: int,
               as_json: bool, **options):
        from benchmarks.extraction.generated import generate_corpus
        from benchmarks.extraction.measure import one_core, run_benchmark
        from benchmarks.extraction.realistic import load_realistic_corpus

        if articles < 1:
            raise CommandError(f"--articles must be at least 1, got {articles}")
        if warmup < 0 or tracemalloc_articles < 0:
            raise CommandError("--warmup and --tracemalloc-articles must not be negative")
        started = time.perf_counter()
        if corpus == "realistic":
            distinct = load_realistic_corpus()
            chosen = [distinct[index % len(distinct)] for index in range(articles)]
            kilobytes = sum(len(article.text.encode()) for article in distinct) / len(distinct) / 1000
            described = f"realistic, {len(distinct)} distinct articles (mean {kilobytes:.2f} KB) repeated in order"
        else:
            chosen = generate_corpus(articles, seed=seed)
            described = f"generated, seed {seed}"
        corpus_seconds = time.perf_counter() - started
        with one_core() as cpu:
            result = run_benchmark(chosen, warmup=warmup, tracemalloc_articles=tracemalloc_articles, cpu=cpu)
        if as_json:
            payload = {"corpus": corpus, "corpus_described": described, "seed": seed, "corpus_seconds": round(corpus_seconds, 3), **result.as_dict()}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        traced = (
            f"{result.tracemalloc_peak_mb} MB (tracemalloc, Python allocations of extract(), "
            f"separate untimed pass over {result.tracemalloc_articles} articles)"
            if result.tracemalloc_peak_mb is not None else "skipped"
        )
        kinds = ", ".join(f"{kind} {count}" for kind, count in result.claims_by_kind.items()) or "none"
        lines = [
            f"corpus: {described}, built in {corpus_seconds:.2f} s; {result.cpu}; warm-up {result.warmup_articles} articles",
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
