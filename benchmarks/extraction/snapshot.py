"""The engine's output on the realistic corpus as a digest, and the digest recorded for each engine version.

Stored claims say which rules made them through EXTRACTOR_VERSION, so the version must change
whenever the output does. `output_digests.json` beside this file maps each version to the digest of
its output (and of the corpus it was taken on); tests/test_extraction_version.py fails when the
engine's output no longer matches the digest of its version.

    python manage.py extraction_snapshot            # does the output match the version's digest?
    python manage.py extraction_snapshot --update   # record the current version's digest

`--update` refuses to give a recorded version a different output: bump EXTRACTOR_VERSION
(claims/extraction/version.py) first. It does re-record a version when only the corpus changed.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .generated import CorpusArticle
from .realistic import load_realistic_corpus

DIGESTS_FILE = Path(__file__).resolve().parent / "output_digests.json"
VERSION_FILE = "claims/extraction/version.py"
UPDATE_COMMAND = "python manage.py extraction_snapshot --update"


@dataclass(frozen=True, slots=True)
class Snapshot:
    version: str
    corpus: str  # digest of the articles and dates the engine was given
    output: str  # digest of every claim it returned, as the contract prints it
    articles: int
    claims: int

    def recorded(self) -> dict[str, str]:
        return {"corpus": self.corpus, "output": self.output}


class VersionNotBumped(Exception):
    """The output changed and the version did not."""


def take_snapshot(extract: Callable | None = None, version: str | None = None,
                  corpus: Sequence[CorpusArticle] | None = None) -> Snapshot:
    """Run the engine over the corpus and digest what it gave."""
    if extract is None or version is None:
        from claims.extraction import EXTRACTOR_VERSION
        from claims.extraction import extract as engine_extract

        extract = extract or engine_extract
        version = version or EXTRACTOR_VERSION
    articles = list(corpus if corpus is not None else load_realistic_corpus())
    given, returned = hashlib.sha256(), hashlib.sha256()
    claims = 0
    for article in articles:
        given.update(_canonical([article.published, article.text]))
        result = extract(article.text, article.published)
        contract = [claim.as_contract() for claim in result.claims]
        returned.update(_canonical(contract))
        claims += len(contract)
    return Snapshot(version=version, corpus=given.hexdigest(), output=returned.hexdigest(),
                    articles=len(articles), claims=claims)


def recorded_digests(path: Path | None = None) -> dict[str, dict[str, str]]:
    path = path or DIGESTS_FILE
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def problem(snapshot: Snapshot, digests: dict[str, dict[str, str]]) -> str | None:
    """What is wrong between the engine's output and its version's record, said so a developer can fix it."""
    recorded = digests.get(snapshot.version)
    if recorded is None:
        return (f"engine version {snapshot.version} has no recorded output digest. If you bumped "
                f"EXTRACTOR_VERSION on purpose, record it: {UPDATE_COMMAND}")
    if recorded["corpus"] != snapshot.corpus:
        return (f"the realistic corpus changed since version {snapshot.version} was recorded (articles added or "
                f"edited), so its output digest cannot be compared. Re-record it: {UPDATE_COMMAND}")
    if recorded["output"] != snapshot.output:
        return (f"the engine's output on the realistic corpus changed, but EXTRACTOR_VERSION is still "
                f"{snapshot.version}. Stored claims name the version that made them: bump EXTRACTOR_VERSION in "
                f"{VERSION_FILE}, then record the new version's digest with {UPDATE_COMMAND} "
                f"(after a merge that changed the output, bump and record once more)")
    return None


def record(snapshot: Snapshot, path: Path | None = None) -> bool:
    """Record the snapshot's digest under its version; True when the file changed.

    Raises VersionNotBumped when the version is recorded on the same corpus with another output.
    """
    path = path or DIGESTS_FILE
    digests = recorded_digests(path)
    recorded = digests.get(snapshot.version)
    if recorded == snapshot.recorded():
        return False
    if recorded is not None and recorded["corpus"] == snapshot.corpus:
        raise VersionNotBumped(problem(snapshot, digests))
    digests[snapshot.version] = snapshot.recorded()
    ordered = dict(sorted(digests.items(), key=lambda item: _version_key(item[0])))
    path.write_text(json.dumps(ordered, indent=1) + "\n", encoding="utf-8")
    return True


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain).encode("utf-8") + b"\n"


def _plain(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot digest {type(value).__name__}")


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in version.replace("-", ".").split("."))
