"""requirements.txt is the lock of requirements.in: every package exact and hashed, every direct one
at the version requirements.in chose. Fails when one was edited without regenerating the other."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;\\]+)")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _entries(path: Path) -> list[str]:
    """One string per requirement, with its continuation lines (hashes) joined."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_every_locked_package_is_pinned_exactly_with_a_hash():
    entries = _entries(ROOT / "requirements.txt")
    assert len(entries) > 30
    loose = [entry.split()[0] for entry in entries if not _PIN.match(entry) or "--hash=sha256:" not in entry]
    assert loose == []


def test_every_direct_requirement_is_locked_at_the_version_it_names():
    locked = {_key(m["name"]): m["version"] for m in map(_PIN.match, _entries(ROOT / "requirements.txt")) if m}
    wanted = {_key(m["name"]): m["version"] for m in map(_PIN.match, _entries(ROOT / "requirements.in")) if m}
    assert wanted, "requirements.in names no pinned requirement"
    assert {name: locked.get(name) for name in wanted} == wanted


def test_the_extra_that_resolvers_disagree_on_is_locked_as_a_package_of_its_own():
    locked = {_key(m["name"]) for m in map(_PIN.match, _entries(ROOT / "requirements.txt")) if m}
    assert {"lxml", "lxml-html-clean"} <= locked
