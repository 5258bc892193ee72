#!/usr/bin/env python3
"""Consistency checker for the FactDesk hold-out sets (every holdout-N folder beside it).

It does NOT run or import the extractor. It checks only the gold files:
  * manifest.json parses, every listed file exists, every gold JSON parses;
  * article length (2,000-4,500 characters) and plain UTF-8 text;
  * every claim's fields follow CONTRACT.md / the dev set's conventions;
  * every "where" and every quote (or each of its "parts", for quotes that
    span paragraphs) occurs verbatim in the article;
  * every ceasefire's effective_at equals its "local" time in its "zone",
    converted with zoneinfo for that date;
  * every distractor time (top-level "distractors", ignored by score.py) is
    in the text and does NOT fall on the same UTC minute as a gold start;
and prints counts per kind, plus every quoted span in the text that no gold
quote covers, for an editor's review.

Usage:  python3 check_holdouts.py [folder ...]   (default: every holdout-N set here)
"""
import json
import re
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OUTCOMES = {"killed", "wounded", "missing", "captured", "killed_or_missing"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "at_most", "fewer_than", "range"}


def words(text):
    text = (text or "").lower().replace("\u2019", "'")
    return re.findall(r"\w+", re.sub(r"'s\b", "", text))


def to_utc(local, zone):
    moment = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def quoted_spans(text):
    spans = []
    for para in text.split("\n"):
        spans += re.findall(r"\u201c([^\u201d]+)\u201d", para)
        spans += re.findall(r'"([^"]+)"', para)
        # a paragraph that opens a quote and does not close it (continued quote)
        if para.count("\u201c") > para.count("\u201d"):
            spans.append(para[para.rindex("\u201c") + 1:])
        if para.count('"') % 2 == 1:
            spans.append(para[para.rindex('"') + 1:])
    return [s.strip() for s in spans if s.strip()]


def check_set(folder):
    errors, notes = [], []
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    totals = Counter()
    for entry in manifest["articles"]:
        for key in ("file", "gold", "published", "outlet"):
            if key not in entry:
                errors.append(f"{folder.name}: manifest entry lacks {key}: {entry}")
        name = entry["file"]
        path, gpath = folder / entry["file"], folder / entry["gold"]
        if not path.exists() or not gpath.exists():
            errors.append(f"{name}: missing file")
            continue
        datetime.strptime(entry["published"], "%Y-%m-%d")
        text = path.read_text(encoding="utf-8")
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if not (2000 <= len(text) <= 4500):
            errors.append(f"{name}: length {len(text)} outside 2000-4500")
        if "\t" in text or "\r" in text:
            errors.append(f"{name}: tab or CR in text")
        claims = gold["claims"]
        starts = set()
        for c in claims:
            kind = c.get("kind")
            label = f"{name}: {kind} {c.get('where', c.get('quote', ''))[:60]!r}"
            where = c.get("where")
            if where is None:
                errors.append(f"{label}: no where")
            elif where not in text:
                errors.append(f"{label}: where not verbatim in text")
            sp = c.get("speaker")
            if sp is not None and (not isinstance(sp, list) or not sp or not all(isinstance(s, str) and words(s) for s in sp)):
                errors.append(f"{label}: bad speaker {sp!r}")
            if kind == "casualty":
                outs = c["outcome"] if isinstance(c["outcome"], list) else [c["outcome"]]
                if not set(outs) <= OUTCOMES:
                    errors.append(f"{label}: outcome {c['outcome']}")
                if not isinstance(c.get("count"), int):
                    errors.append(f"{label}: count")
                if c.get("count_high") is not None and not isinstance(c["count_high"], int):
                    errors.append(f"{label}: count_high")
                if c.get("qualifier") not in QUALIFIERS:
                    errors.append(f"{label}: qualifier")
                if (c.get("qualifier") == "range") != (c.get("count_high") is not None):
                    errors.append(f"{label}: range/count_high mismatch")
                if "count_high" not in c:
                    errors.append(f"{label}: count_high key missing")
            elif kind == "ceasefire":
                eff = c.get("effective_at", "")
                if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00Z", eff):
                    errors.append(f"{label}: effective_at format {eff!r}")
                if "local" not in c or "zone" not in c or "why" not in c:
                    errors.append(f"{label}: needs local, zone and why")
                else:
                    got = to_utc(c["local"], c["zone"])
                    if got != eff:
                        errors.append(f"{label}: {c['local']} {c['zone']} -> {got}, gold says {eff}")
                starts.add(eff[:16])
            elif kind == "quote":
                q = c.get("quote", "")
                parts = c.get("parts")
                if parts:
                    if " ".join(parts) != q:
                        errors.append(f"{label}: parts do not join to quote")
                    for p in parts:
                        if p not in text:
                            errors.append(f"{label}: quote part not in text: {p[:50]!r}")
                elif q not in text:
                    errors.append(f"{label}: quote not verbatim in text")
                if where is not None and parts is None and q not in where and where not in q:
                    notes.append(f"{label}: where does not contain the quote")
            else:
                errors.append(f"{label}: unknown kind")
        for d in gold.get("distractors", []):
            if d["where"] not in text:
                errors.append(f"{name}: distractor where not in text: {d['where'][:60]!r}")
            for local, zone in d.get("times", []):
                u = to_utc(local, zone)[:16]
                if u in starts:
                    errors.append(f"{name}: distractor {d['where'][:40]!r} falls on gold start {u}")
        # quoted spans in the text that no gold quote covers
        gq = [" ".join(words(c["quote"])) for c in claims if c["kind"] == "quote"]
        for span in quoted_spans(text):
            w = " ".join(words(span))
            if w and not any(w in g or g in w for g in gq):
                notes.append(f"{name}: quoted span without gold: {span[:70]!r}")
        k = Counter(c["kind"] for c in claims)
        scored_q = sum(1 for c in claims if c["kind"] == "quote" and len(words(c["quote"])) >= 4 and not c.get("optional"))
        keys = {c["effective_at"][:16] for c in claims if c["kind"] == "ceasefire" and not c.get("optional")}
        cas_keys = {(tuple(sorted(c["outcome"])) if isinstance(c["outcome"], list) else (c["outcome"],), c["count"], c["count_high"])
                    for c in claims if c["kind"] == "casualty" and not c.get("optional")}
        opt = sum(1 for c in claims if c.get("optional"))
        print(f"  {name:44} {entry['published']} {datetime.strptime(entry['published'], '%Y-%m-%d').strftime('%a')} "
              f"len={len(text):5} cas={k['casualty']:2}({len(cas_keys):2} tuples) "
              f"cf={k['ceasefire']:2}({len(keys)} starts) q={k['quote']:2}({scored_q:2} scored) opt={opt} distr={len(gold.get('distractors', []))}")
        totals.update({"articles": 1, "casualty": k["casualty"], "casualty_tuples": len(cas_keys),
                       "ceasefire": k["ceasefire"], "ceasefire_starts": len(keys), "quote": k["quote"],
                       "quote_scored": scored_q, "optional": opt, "distractors": len(gold.get("distractors", [])),
                       "chars": len(text)})
    return errors, notes, totals


def main():
    folders = [Path(a) for a in sys.argv[1:]] or sorted(HERE.glob("holdout-*"))
    bad = 0
    for folder in folders:
        print(folder)
        errors, notes, totals = check_set(folder)
        print("  TOTALS", dict(totals))
        for n in notes:
            print("  note:", n)
        for e in errors:
            print("  ERROR:", e)
        bad += len(errors)
    print("OK" if not bad else f"{bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
