"""Time the extraction engine over a corpus in this process, one article at a time.

Figures a reader needs to judge the speed budget (≥100 articles/s, p99 < 50 ms,
peak < 300 MB): throughput, per-article latency percentiles and peak memory.

Throughput is given against the wall clock and against this process's CPU
time: on a machine shared with other work the two differ, and the CPU figure
is the engine's own cost.

Two memory figures because they answer different questions: `ru_maxrss` is
the whole process's resident peak (interpreter, Django if loaded, the corpus,
the engine); tracemalloc's peak is what Python objects the engine itself
allocates while extracting. tracemalloc slows allocation several-fold, so it
runs in a separate, untimed pass and never touches the latency figures.
"""
from __future__ import annotations

import gc
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date

from claims.extraction import extract as engine_extract
from claims.extraction.types import Extraction

from .generated import CorpusArticle

Extract = Callable[[str, date | None], Extraction]


@dataclass(frozen=True, slots=True)
class BenchmarkResult:
    articles: int
    total_words: int
    warmup_articles: int
    seconds: float
    cpu_seconds: float
    articles_per_second: float
    articles_per_cpu_second: float
    words_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    cpu_p50_ms: float
    cpu_p99_ms: float
    claims_per_article: float
    claims_by_kind: dict[str, int]
    rss_peak_before_mb: float
    rss_peak_mb: float
    tracemalloc_articles: int
    tracemalloc_peak_mb: float | None
    cpu: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@contextmanager
def one_core() -> Iterator[str]:
    """Run the block on a single CPU, the least busy one, so the figures are one core's; restores after."""
    if not hasattr(os, "sched_setaffinity"):
        yield "not pinned (no sched_setaffinity on this platform)"
        return
    allowed = os.sched_getaffinity(0)
    chosen = _idlest_cpu(allowed)
    os.sched_setaffinity(0, {chosen})
    try:
        yield f"pinned to CPU {chosen} of {sorted(allowed)}"
    finally:
        os.sched_setaffinity(0, allowed)


def _idlest_cpu(allowed: set[int], window: float = 0.3) -> int:
    """The allowed CPU with the most idle time over a short window (Linux /proc/stat), else the highest-numbered.

    Other work on a shared machine would otherwise land on the pinned core and
    inflate the wall-clock figures.
    """
    def idle_ticks() -> dict[int, int]:
        ticks = {}
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                name, *fields = line.split()
                if name.startswith("cpu") and name[3:].isdigit():
                    ticks[int(name[3:])] = int(fields[3]) + int(fields[4])  # idle + iowait
        return ticks

    try:
        before = idle_ticks()
        time.sleep(window)
        after = idle_ticks()
    except (OSError, ValueError, IndexError):
        return max(allowed)
    candidates = [cpu for cpu in allowed if cpu in before and cpu in after]
    if not candidates:
        return max(allowed)
    return max(candidates, key=lambda cpu: (after[cpu] - before[cpu], cpu))


def run_benchmark(
    corpus: Sequence[CorpusArticle],
    *,
    warmup: int = 50,
    tracemalloc_articles: int = 100,
    extract: Extract = engine_extract,
    cpu: str = "not pinned",
) -> BenchmarkResult:
    if not corpus:
        raise ValueError("the corpus is empty: nothing to time")
    warmup = min(warmup, len(corpus))
    for article in corpus[:warmup]:
        extract(article.text, article.published)
    rss_before = _rss_peak_mb()

    gc.collect()
    latencies_ns: list[int] = []
    cpu_latencies_ns: list[int] = []
    cpu_clock = time.thread_time_ns
    claims_by_kind: dict[str, int] = {}
    clock = time.perf_counter_ns
    started, cpu_started = clock(), time.process_time_ns()
    for article in corpus:
        t0, c0 = clock(), cpu_clock()
        result = extract(article.text, article.published)
        latencies_ns.append(clock() - t0)
        cpu_latencies_ns.append(cpu_clock() - c0)
        for claim in result.claims:
            claims_by_kind[claim.kind] = claims_by_kind.get(claim.kind, 0) + 1
    seconds = (clock() - started) / 1e9
    cpu_seconds = (time.process_time_ns() - cpu_started) / 1e9
    rss_after = _rss_peak_mb()

    traced = min(tracemalloc_articles, len(corpus))
    traced_peak = _tracemalloc_peak_mb(corpus[:traced], extract) if traced else None

    latencies_ns.sort()
    cpu_latencies_ns.sort()
    total_words = sum(article.words for article in corpus)
    return BenchmarkResult(
        articles=len(corpus),
        total_words=total_words,
        warmup_articles=warmup,
        seconds=round(seconds, 4),
        cpu_seconds=round(cpu_seconds, 4),
        articles_per_second=round(len(corpus) / seconds, 1),
        articles_per_cpu_second=round(len(corpus) / cpu_seconds, 1) if cpu_seconds else 0.0,
        words_per_second=round(total_words / seconds),
        p50_ms=round(_percentile(latencies_ns, 50) / 1e6, 3),
        p99_ms=round(_percentile(latencies_ns, 99) / 1e6, 3),
        max_ms=round(latencies_ns[-1] / 1e6, 3),
        cpu_p50_ms=round(_percentile(cpu_latencies_ns, 50) / 1e6, 3),
        cpu_p99_ms=round(_percentile(cpu_latencies_ns, 99) / 1e6, 3),
        claims_per_article=round(sum(claims_by_kind.values()) / len(corpus), 2),
        claims_by_kind=dict(sorted(claims_by_kind.items())),
        rss_peak_before_mb=rss_before,
        rss_peak_mb=rss_after,
        tracemalloc_articles=traced,
        tracemalloc_peak_mb=traced_peak,
        cpu=cpu,
    )


def _percentile(sorted_values: Sequence[int], percent: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `percent`% of values at or below it."""
    rank = max(1, -(-len(sorted_values) * percent // 100))
    return float(sorted_values[int(rank) - 1])


def _rss_peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(peak / divisor, 1)


def _tracemalloc_peak_mb(articles: Sequence[CorpusArticle], extract: Extract) -> float:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for article in articles:
            extract(article.text, article.published)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return round(peak / (1024 * 1024), 2)
