"""One warm pass of the engine over the realistic corpus, for counting instructions under callgrind.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=pass.out \
        python -m benchmarks.extraction.instructions
    callgrind_annotate pass.out | grep "PROGRAM TOTALS"

CPU seconds on a shared machine move with its load; the number of instructions a pass executes does
not, so before/after comparisons of the engine's speed are made with it. The first pass over the
corpus (uninstrumented) loads the rules and compiles every pattern the articles reach; only the
second is counted: instrumentation is switched on between the two through `callgrind_control`.
"""
from __future__ import annotations

import os
import subprocess

from benchmarks.extraction.realistic import load_realistic_corpus
from claims.extraction import extract


def main() -> None:
    corpus = load_realistic_corpus()
    for article in corpus:
        extract(article.text, article.published)
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], check=True, capture_output=True)
    for article in corpus:
        extract(article.text, article.published)


if __name__ == "__main__":
    main()
