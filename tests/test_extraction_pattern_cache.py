"""Compiled rules kept on disk between processes (claims/extraction/pattern_cache.py).

A one-shot extraction reads the engine's rules already compiled instead of parsing them again. The
file may make the engine slower to start, never different: a pattern built from it matches exactly as
`re.compile` would, and a file the interpreter cannot trust is ignored.
"""
from __future__ import annotations

import marshal
import re

import pytest

from claims.extraction import pattern_cache, precompile, regexes

SAMPLES = (
    "At least 49 Armenian troops were killed and 30 wounded overnight, the defence ministry said on Tuesday.",
    "A ceasefire took effect at midnight local time (2200 GMT) on Friday, a spokesman told Reuters.",
    "Hospital officials put the toll at between 12 and 15 dead; two more people died of their wounds.",
    '"We will not stop," the commander said. The truce, agreed in Moscow, began at 0600 hours on 3 March 1994.',
)


class RefusedToParse(Exception):
    pass


@pytest.fixture
def cache_file(tmp_path, monkeypatch):
    """An empty cache at a path of the test's own; what the process compiled so far is forgotten."""
    path = tmp_path / "patterns.bin"
    monkeypatch.setattr(pattern_cache, "PATH", path)
    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    return path


def every_rule() -> list[tuple[str, int]]:
    rules = [(rule.pattern, rule.flags) for rule in regexes.LazyPattern._every]
    rules += [(rule.needs, rule.flags) for rule in regexes.LazyPattern._every if rule.needs is not None]
    return list(dict.fromkeys(rules))


def matches(pattern: re.Pattern) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for text in SAMPLES for m in pattern.finditer(text)]


def test_every_rule_read_back_from_the_file_matches_as_re_compiles_it(cache_file, monkeypatch):
    for pattern, flags in every_rule():
        pattern_cache.compile(pattern, flags)
    assert pattern_cache.write() == len(every_rule())

    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    for pattern, flags in every_rule():
        from_file, from_re = pattern_cache.compile(pattern, flags), re.compile(pattern, flags)
        assert (from_file.pattern, from_file.flags, from_file.groups, from_file.groupindex) == (
            from_re.pattern, from_re.flags, from_re.groups, from_re.groupindex)
        assert matches(from_file) == matches(from_re)


def test_a_pattern_the_file_holds_is_not_parsed_again(cache_file, monkeypatch):
    held = r"(?P<count>\d+)\s+(?:soldiers|troops)\s+(?:were\s+)?killed"
    pattern_cache.compile(held, re.IGNORECASE)
    pattern_cache.write()
    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})

    def refuse(*args, **kwargs):
        raise RefusedToParse

    monkeypatch.setattr(pattern_cache._parser, "parse", refuse)
    assert pattern_cache.compile(held, re.IGNORECASE).search("Twelve or 12 Troops killed").group("count") == "12"
    with pytest.raises(RefusedToParse):  # a pattern the file lacks is parsed as re would
        pattern_cache.compile(r"wounded", 0)


def test_a_pattern_the_file_lacks_compiles_as_usual_and_is_kept_for_the_next_write(cache_file):
    assert pattern_cache.compile(r"cease-?fire", re.IGNORECASE).search("The Ceasefire held").group() == "Ceasefire"
    pattern_cache.write()
    assert (r"cease-?fire", int(re.IGNORECASE)) in pattern_cache.read()


def test_a_write_replaces_what_the_file_held_with_what_this_process_compiled(cache_file, monkeypatch):
    pattern_cache.compile(r"old rule")
    pattern_cache.write()
    monkeypatch.setattr(pattern_cache, "_loaded", None)
    monkeypatch.setattr(pattern_cache, "_used", {})
    pattern_cache.compile(r"new rule")
    pattern_cache.write()
    assert set(pattern_cache.read()) == {("new rule", 0)}


def test_a_file_written_by_another_interpreter_is_ignored(cache_file):
    stamp = list(pattern_cache._STAMP)
    stamp[2] = "3.11.0 (main, Oct 24 2022, 00:00:00) [another build]"
    cache_file.write_bytes(marshal.dumps((tuple(stamp), {("x", 0): (0, b"", 0, {}, ())})))
    assert pattern_cache.read() == {}


@pytest.mark.parametrize("content", [b"", b"\x00\x01 not marshal", marshal.dumps(["a list, not a stamp and table"])])
def test_a_file_that_cannot_be_read_is_ignored(cache_file, content):
    cache_file.write_bytes(content)
    assert pattern_cache.read() == {}
    assert pattern_cache.compile(r"\d+ dead").search("at least 7 dead").group() == "7 dead"


def test_a_missing_file_is_an_empty_cache(cache_file):
    assert not cache_file.exists()
    assert pattern_cache.read() == {}


def test_opcodes_the_matcher_refuses_are_compiled_afresh(cache_file, monkeypatch):
    entry = list(pattern_cache._opcodes(r"(?P<n>\d+) killed", 0))
    entry[1] = b"\xff\xff\xff\x7f" * 4  # not code the matcher can run
    monkeypatch.setattr(pattern_cache, "_loaded", {(r"(?P<n>\d+) killed", 0): tuple(entry)})
    assert pattern_cache.compile(r"(?P<n>\d+) killed").search("3 killed").group("n") == "3"


def test_the_command_writes_every_rule_of_the_engine_and_what_each_needs(cache_file, capsys):
    assert precompile.main() == 0
    assert set(pattern_cache.read()) >= set(every_rule())
    assert str(cache_file) in capsys.readouterr().out


def test_the_file_is_readable_by_other_users_of_the_install(cache_file):
    pattern_cache.compile(r"killed")
    pattern_cache.write()
    assert cache_file.stat().st_mode & 0o044 == 0o044


def test_loading_the_engine_after_the_command_parses_none_of_its_module_level_rules(tmp_path):
    # two fresh processes: one runs the command into a file of the test's own, the next loads the engine from it
    # and counts the patterns `re` parses for the engine's modules while they load (a plain re.compile at module
    # level would be parsed again in every one-shot run)
    import subprocess
    import sys

    path = tmp_path / "patterns.bin"
    setup = f"from claims.extraction import pattern_cache; pattern_cache.PATH = __import__('pathlib').Path({str(path)!r})"
    subprocess.run([sys.executable, "-c", f"{setup}; from claims.extraction import precompile; precompile.main()"],
                   check=True, capture_output=True)
    count = (
        f"{setup}\n"
        "import re, sys, traceback\n"
        "from re import _parser\n"
        "parsed = []\n"
        "original = _parser.parse\n"
        "def parse(pattern, flags=0, state=None):\n"
        "    caller = next(f.filename for f in reversed(traceback.extract_stack()[:-1])\n"
        "                  if '/re/' not in f.filename.replace('\\\\', '/'))\n"
        "    if 'claims/extraction' in caller and 'pattern_cache' not in caller: parsed.append((caller, pattern[:60]))\n"
        "    return original(pattern, flags, state) if state is not None else original(pattern, flags)\n"
        "_parser.parse = parse\n"
        "from claims.extraction import pipeline\n"
        "print(len(parsed), parsed[:5])\n"
    )
    out = subprocess.run([sys.executable, "-c", count], check=True, capture_output=True, text=True).stdout
    assert out.split(" ", 1)[0] == "0", out
