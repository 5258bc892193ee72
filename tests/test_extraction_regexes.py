"""The engine's shared regex helpers: phrase alternations and the cache of compiled patterns."""
from __future__ import annotations

import re

import pytest

from claims.extraction.regexes import WORD_END, WORD_END_BEFORE_HYPHEN, WORD_START, PatternCache, alternation, containing

TOLL = r"(?P<toll>death toll|dead)\s+(?:rose|stood)\s+(?:to|at)\s+(?P<count>\d[\d,]*)"


def test_an_alternation_tries_the_longest_phrase_first():
    pattern = re.compile(rf"(?:{alternation(['killed', 'killed in action', 'kill'])}){WORD_END}")
    assert pattern.match("killed in action yesterday").group() == "killed in action"
    assert pattern.match("killed on Monday").group() == "killed"


def test_an_alternation_lets_any_white_space_stand_between_words_and_escapes_the_rest():
    pattern = re.compile(alternation(["a.m. local", "tens of thousands"]))
    assert pattern.fullmatch("tens  of\nthousands")
    assert pattern.fullmatch("a.m.  local")
    assert not pattern.fullmatch("axmx local")


def test_an_alternation_of_regex_fragments_keeps_them_as_written():
    assert re.fullmatch(alternation(["deaths?", "dead toll"], regex=True), "dead   toll")
    assert re.fullmatch(alternation(["deaths?"], regex=True), "death")


def test_an_alternation_leaves_out_empty_entries_and_is_the_same_text_every_time():
    assert alternation(["", "two", "one", "two", "three"]) == "three|two|one"


def test_word_edges_differ_only_in_whether_a_hyphen_may_follow():
    assert re.match(rf"{WORD_START}forty{WORD_END_BEFORE_HYPHEN}", "forty-nine")
    assert not re.match(rf"{WORD_START}forty{WORD_END}", "forty-nine")
    assert not re.search(rf"{WORD_START}killed", "un-killed")


def test_a_cached_pattern_matches_exactly_as_re_compiles_it(tmp_path):
    first = PatternCache(None, path=tmp_path / "p.regexes")
    compiled = first.compile(TOLL, re.IGNORECASE)
    first.save()
    again = PatternCache(None, path=tmp_path / "p.regexes")
    cached = again.compile(TOLL, re.IGNORECASE)
    plain = re.compile(TOLL, re.IGNORECASE)
    assert (first.compiled, again.compiled) == (1, 0)  # the second process compiled nothing
    for pattern in (compiled, cached):
        assert (pattern.pattern, pattern.flags, pattern.groupindex, pattern.groups) == (
            plain.pattern, plain.flags, plain.groupindex, plain.groups)
    text = "The DEATH TOLL rose to 1,203 and the dead stood at 12."
    assert [m.groupdict() for m in cached.finditer(text)] == [m.groupdict() for m in plain.finditer(text)] == [
        {"toll": "DEATH TOLL", "count": "1,203"}, {"toll": "dead", "count": "12"}]


def test_a_changed_pattern_is_compiled_afresh_and_the_old_one_leaves_the_file(tmp_path):
    path = tmp_path / "p.regexes"
    before = PatternCache(None, path=path)
    before.compile(TOLL)
    before.save()
    changed = TOLL.replace("dead", "dead|fatalities")  # a lexicon gained a phrase
    after = PatternCache(None, path=path)
    pattern = after.compile(changed)
    after.save()
    assert after.compiled == 1
    assert pattern.match("fatalities rose to 9").group("count") == "9"
    reread = PatternCache(None, path=path)
    assert reread.compile(changed).match("fatalities stood at 3") and reread.compiled == 0
    reread.compile(TOLL)
    assert reread.compiled == 1  # the pattern before the change is no longer kept


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\x00" * 64])
def test_an_unreadable_cache_only_costs_time(tmp_path, content):
    path = tmp_path / "p.regexes"
    path.write_bytes(content)
    cache = PatternCache(None, path=path)
    assert cache.compile(TOLL).match("dead rose to 4").group("count") == "4"
    assert cache.compiled == 1


def test_a_cache_entry_with_bad_code_is_compiled_afresh(tmp_path):
    path = tmp_path / "p.regexes"
    cache = PatternCache(None, path=path)
    cache.compile(TOLL)
    key = next(iter(cache._used))
    flags, _code, groups, groupindex = cache._used[key]
    cache._used[key] = (flags, b"\xff\xff\xff\xff" * 4, groups, groupindex)  # damaged on disk
    cache.compiled = 1
    cache.save()
    again = PatternCache(None, path=path)
    assert again.compile(TOLL).match("dead rose to 4").group("count") == "4"
    assert again.compiled == 1


def test_a_cache_that_cannot_be_written_changes_nothing_but_the_time(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    cache = PatternCache(None, path=blocked / "p.regexes")  # its folder is a file: nothing can be written
    assert cache.compile(TOLL).match("dead rose to 4")
    cache.save()
    assert blocked.read_text() == ""


def test_the_casualty_grammar_keeps_its_cache_beside_its_bytecode():
    import importlib.util
    from pathlib import Path

    from claims.extraction import casualty_patterns

    bytecode = Path(importlib.util.cache_from_source(casualty_patterns.__file__))
    assert casualty_patterns._PATTERNS.path == bytecode.with_suffix(".regexes")


@pytest.mark.parametrize("text", ["no keys here", "they were killed", "a killing", "the toll of the dead",
                                  "of those hurt", "", "kil led"])
def test_a_containment_test_answers_as_looking_for_each_key_would(text):
    keys = ["kill", "killed", "dead", "of those", "hurt"]
    assert bool(containing(keys).search(text)) == any(key in text for key in keys)


def test_a_containment_test_of_no_keys_finds_nothing():
    assert not containing([]).search("anything at all")
