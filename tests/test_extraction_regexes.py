"""The engine's shared regex helpers: phrase alternations and patterns compiled on first use."""
from __future__ import annotations

import os
import re

import pytest

from claims.extraction import pattern_cache
from claims.extraction.regexes import (
    WORD_END,
    WORD_END_BEFORE_HYPHEN,
    WORD_START,
    KeyScan,
    LazyPattern,
    alternation,
    containing,
)

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
    pattern = alternation(["", "two", "one", "two", "three"])
    assert pattern == alternation(["", "two", "one", "two", "three"])
    assert [bool(re.fullmatch(pattern, word)) for word in ("three", "two", "one", "", "t")] == [
        True, True, True, False, False]


PHRASES = ["kill", "killed", "killed in action", "police", "policeman", "policemen", "police officers", "a.m.",
           "a.m", "dead", "die", "died", "soldier", "soldiers", "so"]
TEXTS = ["Police officers said", "police said the policemen were killed in action", "KILLED IN ACTIONS",
         "killed inaction", "soldiers, soldier, so", "at 6 a.m. and 7 a.m, dead", "died die dies", "polices",
         "police  officers\nsaid", "kill-ed"]


def listed(phrases: list[str]) -> str:
    """The alternation as a flat list, longest first: what the prefix tree must match exactly like."""
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


@pytest.mark.parametrize("around", ["(?:{})", r"\b(?:{})\b", r"(?:{})\s+said", r"(?:{})s", r"(?:{})(?:\s+\w+)?(?=,)",
                                    r"(?P<x>{})(?![\w-])"])
def test_a_prefix_tree_alternation_matches_exactly_as_the_longest_first_list(around):
    tree = re.compile(around.format(alternation(PHRASES)), re.IGNORECASE)
    flat = re.compile(around.format(listed(PHRASES)), re.IGNORECASE)
    assert tree.pattern != flat.pattern
    for text in TEXTS:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)], text
        for start in range(len(text)):
            assert bool(tree.match(text, start)) == bool(flat.match(text, start))
            if tree.match(text, start):
                assert tree.match(text, start).span() == flat.match(text, start).span()


def test_an_alternation_of_phrases_one_letter_apart_in_case_stays_a_list():
    assert alternation(["US", "us", "usual"]) == listed(["US", "us", "usual"])
    assert alternation(["café", "cafés"]) == listed(["café", "cafés"])  # letters outside ASCII
    assert alternation(["dead  man", "dead"]) == listed(["dead  man", "dead"])  # spacing other than one space


def test_word_edges_differ_only_in_whether_a_hyphen_may_follow():
    assert re.match(rf"{WORD_START}forty{WORD_END_BEFORE_HYPHEN}", "forty-nine")
    assert not re.match(rf"{WORD_START}forty{WORD_END}", "forty-nine")
    assert not re.search(rf"{WORD_START}killed", "un-killed")


def test_a_lazy_pattern_matches_exactly_as_re_compiles_it():
    lazy = LazyPattern(TOLL, re.IGNORECASE)
    plain = re.compile(TOLL, re.IGNORECASE)
    text = "The DEATH TOLL rose to 1,203 and the dead stood at 12."
    assert [m.groupdict() for m in lazy.finditer(text)] == [m.groupdict() for m in plain.finditer(text)] == [
        {"toll": "DEATH TOLL", "count": "1,203"}, {"toll": "dead", "count": "12"}]
    assert lazy.search(text).span() == plain.search(text).span()
    assert lazy.match(text, 4).group("count") == plain.match(text, 4).group("count") == "1,203"
    assert lazy.sub("#", text) == plain.sub("#", text)
    assert (lazy.groups, lazy.groupindex) == (plain.groups, plain.groupindex)


def test_a_lazy_pattern_compiles_when_first_used_and_only_once(monkeypatch):
    compiled = []
    real_compile = pattern_cache.compile
    monkeypatch.setattr(pattern_cache, "compile", lambda *args: compiled.append(args) or real_compile(*args))
    lazy = LazyPattern(TOLL, re.IGNORECASE)
    assert compiled == []
    assert lazy.search("the dead rose to 4") and lazy.match("dead stood at 5") and not lazy.fullmatch("nothing")
    assert compiled == [(TOLL, int(re.IGNORECASE))]


def test_a_lazy_pattern_knows_the_matches_it_made():
    toll, other = LazyPattern(TOLL), LazyPattern(TOLL)
    assert not toll.made(re.match("x", "x"))  # not compiled yet: it made nothing
    match = toll.match("dead rose to 4")
    assert toll.made(match) and not other.made(match)


def test_a_lazy_pattern_with_a_mistake_fails_when_used():
    broken = LazyPattern(r"(?P<count>\d+")
    with pytest.raises(re.error):
        broken.search("12")


@pytest.mark.parametrize("text", ["no keys here", "they were killed", "a killing", "the toll of the dead",
                                  "of those hurt", "", "kil led"])
def test_a_containment_test_answers_as_looking_for_each_key_would(text):
    keys = ["kill", "killed", "dead", "of those", "hurt"]
    assert bool(containing(keys).search(text)) == any(key in text for key in keys)


def test_a_containment_test_of_no_keys_finds_nothing():
    assert not containing([]).search("anything at all")


@pytest.mark.parametrize("text", ["no keys here", "they were killed, and of those hurt two died", "a killing",
                                  "the toll of the dead", "", "kil led", "dead dead killed", "ofthose hurtkill"])
def test_one_key_scan_answers_as_each_containment_test_would_from_every_position(text):
    # prefixes of one another across tests ("kill"/"killed", "of"/"of those"), overlapping keys ("deadkill")
    tests = [containing(["kill", "dead"]), containing(["killed", "of those"]), containing(["of", "hurt"]),
             containing([]), containing(["ead", "those h"])]
    found = KeyScan(tests).scan(text)
    for test in tests:
        for pos in range(len(text) + 1):
            assert found.search(test, pos) == bool(test.search(text, pos)), (test.keys, pos)


def test_a_key_scan_refuses_an_empty_key():
    with pytest.raises(ValueError):
        KeyScan([containing(["", "dead"])])


# phrases a prefix tree cannot hold (letters outside ASCII), several ending in one word
ZONE_LIKE = ["bogotá time", "new york time", "york time", "time", "gmt", "kahramanmaraş time", "local time",
             "eastern standard time", "standard time", "time time", "paris", "paris time", "pacific time zone"]
ZONE_TEXTS = ["10:00 Bogotá time", "noon New  York\ttime, on Monday", "york times", "eastern standard time zone",
              "KAHRAMANMARAŞ TIME", "local timed", "time time time", "Paris time (GMT)", "pacific time zone",
              "standard times", "paris, time"]


@pytest.mark.parametrize("around", ["(?:{})", r"\b(?:{})\b", r"(?:{})\s+zone", r"(?:{})s", r"(?P<x>{})(?![\w-])",
                                    r"(?:{})(?:\s+\w+)?(?=,)"])
def test_phrases_that_end_in_one_word_share_it_and_match_exactly_as_the_longest_first_list(around):
    shared = re.compile(around.format(alternation(ZONE_LIKE)), re.IGNORECASE)
    flat = re.compile(around.format(listed(ZONE_LIKE)), re.IGNORECASE)
    assert len(shared.pattern) < len(flat.pattern)
    for text in ZONE_TEXTS:
        for start in range(len(text)):
            found, expected = shared.match(text, start), flat.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start)
        assert [m.span() for m in shared.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_only_phrases_next_to_each_other_in_the_longest_first_order_share_their_last_word():
    pattern = alternation(["café time", "gmt", "paris time", "central park", "new york time"])
    assert pattern == r"new\s+york\s+time|central\s+park|(?:paris|café)\s+time|gmt"


def test_a_lazy_pattern_whose_needs_are_missing_answers_no_match_without_compiling(monkeypatch):
    compiled = []
    real_compile = pattern_cache.compile
    monkeypatch.setattr(pattern_cache, "compile", lambda *args: compiled.append(args[0]) or real_compile(*args))
    lazy = LazyPattern(TOLL, re.IGNORECASE, needs=r"\s(?:to|at)\s+\d")
    text = "The death toll rose sharply; the dead were counted."
    assert lazy.search(text) is None and lazy.match(text, 4) is None and list(lazy.finditer(text)) == []
    assert lazy.fullmatch("dead rose") is None
    assert compiled == [r"\s(?:to|at)\s+\d"]  # only the small pattern it needs
    assert lazy.search("the toll rose to 5, the dead rose to 4", 19).group("count") == "4"
    assert compiled == [r"\s(?:to|at)\s+\d", TOLL]
    assert lazy.search == lazy.compiled().search  # compiled: it answers alone from now on


def test_a_lazy_pattern_with_needs_matches_exactly_as_re_compiles_it():
    lazy = LazyPattern(TOLL, re.IGNORECASE, needs=r"\s(?:to|at)\s+\d")
    plain = re.compile(TOLL, re.IGNORECASE)
    text = "The DEATH TOLL rose to 1,203 and the dead stood at 12."
    for start in range(len(text)):
        for end in (len(text), 27, 40):
            assert [m.span() for m in lazy.finditer(text, start, end)] == [m.span() for m in plain.finditer(text, start, end)]
            found, expected = lazy.match(text, start, end), plain.match(text, start, end)
            assert (found and found.groupdict()) == (expected and expected.groupdict())


def _rules_with_needs():
    from claims.extraction import casualty_patterns

    rules = {name: value for name, value in vars(casualty_patterns).items()
             if isinstance(value, LazyPattern) and value.needs is not None}
    rules.update({f"CONTINUED[{i}]": rule for i, rule in enumerate(casualty_patterns.CONTINUED)})
    return rules


def test_every_casualty_rule_that_could_skip_its_compiling_says_what_it_needs():
    assert {"VERB_THEN_COUNT", "TOLL", "TOLL_AFTER_COUNT", "TREATED_FOR", "COUNT_NOUN", "ELIDED", "AND_MORE_AFTER",
            "AND_MORE_BEFORE", "TALLY_REFERENCE", "SHARE_OF_TOLL", "CONTINUED[2]"} <= set(_rules_with_needs())


def test_what_a_casualty_rule_needs_is_in_every_match_of_it_in_the_corpus():
    """Every match of a rule, searched in a sentence or matched at any word's edge, holds what the rule needs
    within the same bounds (and begins with it, for a rule whose needs are its opening): skipping a rule where
    its needs are missing can never lose a match."""
    from benchmarks.extraction.realistic import load_realistic_corpus
    from claims.extraction.text import segment

    rules = {name: (rule.compiled(), re.compile(rule.needs, rule.flags), rule.opens)
             for name, rule in _rules_with_needs().items()}
    matched = dict.fromkeys(rules, 0)
    for article in load_realistic_corpus()[::4]:
        text = article.text
        for sentence in segment(text).sentences:
            start, end = sentence.start, sentence.end
            edges = sorted({m.start() for m in re.finditer(r"\b", text[start:end])})
            for name, (rule, needs, opens) in rules.items():
                for found in rule.finditer(text, start, end):
                    matched[name] += 1
                    assert needs.search(text, start, end), (name, found.group())
                    assert not opens or needs.match(text, found.start(), end), (name, found.group())
                for edge in edges:
                    if rule.match(text, start + edge, end):
                        matched[name] += 1
                        found_needs = (needs.match if opens else needs.search)(text, start + edge, end)
                        assert found_needs, (name, text[start + edge:end])
    assert sum(1 for count in matched.values() if count) >= 10, matched


def test_a_lazy_pattern_that_opens_with_what_it_needs_looks_for_it_only_where_a_match_would_begin():
    lazy = LazyPattern(TOLL, re.IGNORECASE, needs=r"(?:death\s+toll|dead)\s+(?:rose|stood)", opens=True)
    text = "By Monday the death toll rose to 12."
    assert lazy.match(text, 0) is None and lazy._compiled is None  # the opening stands later, not here
    assert lazy.search(text).group("count") == "12" and lazy.match(text, 14).group("count") == "12"


def test_the_truce_patterns_are_the_same_text_whatever_the_hash_seed():
    # a set's order follows PYTHONHASHSEED; an alternation built from one must not, or two processes could try the
    # same phrases in another order and read a sentence differently
    import subprocess
    import sys

    script = ("from claims.extraction.times import starts, clock; import hashlib; "
              "print(hashlib.sha256((starts.TRIGGER.pattern + clock.TIME.pattern).encode()).hexdigest())")
    texts = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(texts) == 1


def test_an_opening_test_refuses_only_words_that_open_no_phrase():
    from claims.extraction.regexes import alternation, opening

    phrases = ["took effect", "Began", "'ll", "from"]
    assert opening(phrases) == "(?=['BFTbft])"
    plain = re.compile(rf"{WORD_START}(?:{alternation(phrases)})", re.IGNORECASE)
    tested = re.compile(rf"{WORD_START}{opening(phrases)}(?:{alternation(phrases)})", re.IGNORECASE)
    text = "It began at noon; FROM then they'll say it Took Effect, or it took effect from dawn."
    assert [m.span() for m in tested.finditer(text)] == [m.span() for m in plain.finditer(text)] != []
    assert opening(["truce", ""]) == "" and opening([" truce"]) == "" and opening([]) == ""
