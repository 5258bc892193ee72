"""EXTRACTOR_VERSION names the engine's output: the output on the realistic corpus cannot change while it stays.

When the check fails, bump EXTRACTOR_VERSION in claims/extraction/version.py and run
`python manage.py extraction_snapshot --update` (the README's "Engine version" section).
"""
from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from benchmarks.extraction import snapshot as snapshots
from benchmarks.extraction.generated import CorpusArticle
from claims.extraction import EXTRACTOR_VERSION, extract
from claims.extraction.types import Extraction, ExtractedClaim

CORPUS = [
    CorpusArticle("Toll", date(2024, 5, 1), "At least 12 soldiers were killed on Monday, the army said."),
    CorpusArticle("Quote", date(2024, 5, 2), '"We will rebuild," the mayor said.'),
]


def engine_saying(count: int):
    """A stand-in engine whose one claim counts `count` dead: the same code with a rule changed."""
    def fake_extract(text: str, published: date | None) -> Extraction:
        claim = ExtractedClaim(kind="casualty", start=0, end=5, text=text[:5], speaker=None, confidence=0.9,
                               rule="casualty.count_then_outcome", values={"outcome": "killed", "count": count})
        return Extraction(claims=[claim], extractor="factdesk-rules", version="9.9.9")
    return fake_extract


def test_the_engine_gives_the_output_recorded_for_its_version():
    current = snapshots.take_snapshot()
    assert current.version == EXTRACTOR_VERSION
    assert current.articles >= 50 and current.claims > 0
    problem = snapshots.problem(current, snapshots.recorded_digests())
    assert problem is None, problem


def test_the_digest_is_the_same_in_every_run():
    first = snapshots.take_snapshot(extract, EXTRACTOR_VERSION, CORPUS)
    assert snapshots.take_snapshot(extract, EXTRACTOR_VERSION, CORPUS) == first


def test_a_changed_output_under_the_same_version_says_to_bump_it(tmp_path):
    digests = tmp_path / "digests.json"
    snapshots.record(snapshots.take_snapshot(engine_saying(12), "2.0.0", CORPUS), digests)
    changed = snapshots.take_snapshot(engine_saying(13), "2.0.0", CORPUS)
    problem = snapshots.problem(changed, snapshots.recorded_digests(digests))
    assert "changed, but EXTRACTOR_VERSION is still 2.0.0" in problem
    assert "claims/extraction/version.py" in problem and "extraction_snapshot --update" in problem
    with pytest.raises(snapshots.VersionNotBumped):
        snapshots.record(changed, digests)  # recording cannot paper over it


def test_a_bumped_version_is_recorded_beside_the_old_one(tmp_path):
    digests = tmp_path / "digests.json"
    old = snapshots.take_snapshot(engine_saying(12), "2.0.0", CORPUS)
    new = snapshots.take_snapshot(engine_saying(13), "2.1.0", CORPUS)
    assert snapshots.record(old, digests) and snapshots.record(new, digests)
    assert not snapshots.record(new, digests)  # recording twice changes nothing
    recorded = snapshots.recorded_digests(digests)
    assert list(recorded) == ["2.0.0", "2.1.0"]
    assert snapshots.problem(new, recorded) is None


def test_an_unrecorded_version_says_how_to_record_it(tmp_path):
    unrecorded = snapshots.take_snapshot(engine_saying(12), "3.0.0", CORPUS)
    assert "3.0.0 has no recorded output digest" in snapshots.problem(unrecorded, {})


def test_a_changed_corpus_is_re_recorded_without_a_new_version(tmp_path):
    digests = tmp_path / "digests.json"
    snapshots.record(snapshots.take_snapshot(engine_saying(12), "2.0.0", CORPUS), digests)
    grown = snapshots.take_snapshot(engine_saying(12), "2.0.0", [*CORPUS, CORPUS[0]])
    assert "corpus changed" in snapshots.problem(grown, snapshots.recorded_digests(digests))
    assert snapshots.record(grown, digests)
    assert snapshots.problem(grown, snapshots.recorded_digests(digests)) is None


def test_the_command_reports_a_match_and_refuses_to_record_a_changed_output(monkeypatch, tmp_path):
    out = StringIO()
    call_command("extraction_snapshot", stdout=out)
    assert f"version {EXTRACTOR_VERSION}: " in out.getvalue() and "matches the recorded digest" in out.getvalue()
    digests = tmp_path / "digests.json"
    snapshots.record(snapshots.take_snapshot(engine_saying(12), "2.0.0", CORPUS), digests)
    changed = snapshots.take_snapshot(engine_saying(13), "2.0.0", CORPUS)
    monkeypatch.setattr(snapshots, "DIGESTS_FILE", digests)
    monkeypatch.setattr(snapshots, "take_snapshot", lambda: changed)
    with pytest.raises(CommandError, match="bump EXTRACTOR_VERSION"):
        call_command("extraction_snapshot", update=True, stdout=StringIO())
