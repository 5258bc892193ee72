"""python -m claims.extraction PATH --published YYYY-MM-DD: the contract's JSON without Django."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.extraction")
    parser.add_argument("path")
    parser.add_argument("--published", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    text = Path(args.path).read_text(encoding="utf-8")
    result = extract(text, args.published)
    json.dump({"claims": [claim.as_contract() for claim in result.claims]}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
