"""python -m claims.extraction.precompile: compile every rule of the engine and keep them for later processes.

`make install` runs it whenever the engine's code or lexicons change; see pattern_cache.py for why.
"""
from __future__ import annotations

import sys

from . import pattern_cache, regexes
from .pipeline import extract  # noqa: F401 - importing the stages makes every module-level rule


def main() -> int:
    rules = regexes.compile_every_rule()
    written = pattern_cache.write()
    print(f"{written} compiled patterns ({rules} rules and what they need) written to {pattern_cache.PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
