"""Regex building blocks the stages share: word edges, alternations of lexicon phrases, and compiling on first use.

Every stage turns word lists into regexes the same way, so the way is written once here.

Compiling is the engine's start-up cost: the casualty grammar alone is ~50 patterns and close to half a
megabyte of regex built from the lexicons, and Python's `re` parses and compiles them in pure Python
(~0.6 s of CPU on a quiet machine). `LazyPattern` compiles a pattern when it is first used, so a
process pays only for the rules an article reaches: a sentence without a casualty word never
compiles the casualty grammar's counting rules, an article with no truce in it never compiles the
clock grammar.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache

from . import pattern_cache

# A word starts where no letter, digit or hyphen comes before it ("killed", not "un-killed").
WORD_START = r"(?<![\w-])"
# A word ends where no letter, digit or hyphen follows ("killed", not "killed-in-action").
WORD_END = r"(?![\w-])"
# A word ends where no letter or digit follows, though a hyphen may ("forty-" of "forty-nine").
WORD_END_BEFORE_HYPHEN = r"(?![\w])"


def alternation(entries: Iterable[str], *, regex: bool = False) -> str:
    """An alternation of phrases, longest first; a space matches any run of white space.

    Plain phrases are escaped; with `regex=True` the entries are regex fragments already and only
    their spaces are widened. Empty entries are left out: they would match anywhere. The pattern's
    text is the same in every process.

    Plain phrases are written as a prefix tree ("kill(?:ed(?:\\s+in\\s+action)?)?" for "killed in action",
    "killed", "kill"): it matches exactly what the list tried longest first would, in a shorter text
    that `re` compiles faster (in Python) and scans faster (a letter that opens no phrase is refused
    once, not once per phrase). The phrases that can match at one place in a text are each a prefix of
    the longest of them, and the tree tries them longest first, as the list does. Where that does not
    hold by construction (two branches opening with one letter in two cases, a letter outside ASCII,
    spacing other than single spaces) the list is kept.
    """
    return _alternation(tuple(entries), regex)


# The rules embed the same phrase lists several times (the outcomes after a count stand in six rules, and in their
# `needs`): each list is written out once per process. The text depends only on the entries and their order.
@lru_cache(maxsize=None)
def _alternation(entries: tuple[str, ...], regex: bool) -> str:
    ordered = sorted(dict.fromkeys(entry for entry in entries if entry), key=len, reverse=True)
    if regex:
        return "|".join(entry.replace(" ", r"\s+") for entry in ordered)
    tree = _prefix_tree(ordered)
    if tree is None:
        return _listed(ordered)
    return "|".join(_branches(tree))


def _listed(ordered: list[str]) -> str:
    """The phrases as a list in the order given, phrases next to each other that end in one word sharing it.

    "(?:new\\s+york|khartoum)\\s+time" for "new york time", "khartoum time": an alternation followed by a word
    tries each of its phrases followed by that word, in order, exactly as the list of the whole phrases does,
    in a shorter text (the ~450 "<place> time" zone names stand in the clock grammar seven times over).
    """
    split = [entry.split() for entry in ordered]
    parts = []
    i = 0
    while i < len(split):
        j = i + 1
        if len(split[i]) > 1:
            while j < len(split) and len(split[j]) > 1 and split[j][-1] == split[i][-1]:
                j += 1
        if j - i > 1:
            heads = "|".join(r"\s+".join(map(re.escape, words[:-1])) for words in split[i:j])
            parts.append(rf"(?:{heads})\s+{re.escape(split[i][-1])}")
        else:
            parts.append(r"\s+".join(map(re.escape, split[i])))
        i = j
    return "|".join(parts)


def _prefix_tree(phrases: list[str]) -> dict | None:
    """The phrases as nested dicts keyed by character (the key None ends a phrase), or None when the
    tree could try them in another order than the list would."""
    tree: dict = {}
    for phrase in phrases:
        if phrase != " ".join(phrase.split()) or not phrase.isascii():
            return None
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[None] = {}
    # phrases all in lower case (most lexicons) cannot hold one letter in two cases: no walk of the tree needed
    if all(phrase == phrase.lower() for phrase in phrases):
        return tree
    return tree if _case_distinct(tree) else None


def _case_distinct(tree: dict) -> bool:
    """No two branches of a node open with letters that are one letter when case is ignored."""
    nodes = [tree]
    while nodes:
        node = nodes.pop()
        if len(node) > 1:
            folded = [char.lower() for char in node if char is not None]
            if len(folded) != len(set(folded)):
                return False
        nodes.extend(node.values())
    return True


_ESCAPED: dict[str, str] = {}  # a character -> how a phrase's regex writes it


def _escaped(char: str) -> str:
    found = _ESCAPED.get(char)
    if found is None:
        found = _ESCAPED[char] = r"\s+" if char == " " else re.escape(char)
    return found


def _branches(node: dict) -> list[str]:
    """What may follow `node`: each next character (a space: any run of white space) with what follows it.

    A run of characters with one way on and no phrase ending in it is written out in one go, as `_rest`
    would write it one character at a time."""
    branches = []
    for char, child in node.items():
        if char is None:
            continue
        run = [_escaped(char)]
        while len(child) == 1 and None not in child:
            ((char, child),) = child.items()
            run.append(_escaped(char))
        run.append(_rest(child))
        branches.append("".join(run))
    return branches


def _rest(node: dict) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    if len(branches) == 1 and None not in node:
        return branches[0]
    one_character = len(branches) == 1 and len(branches[0]) == len(re.escape(branches[0][-1]))
    body = branches[0] if one_character else "(?:" + "|".join(branches) + ")"
    return body + "?" if None in node else body  # a phrase ends here: tried after every longer one (`?` is greedy)


def opening(*phrase_lists: Iterable[str]) -> str:
    """A look-ahead for the first characters of plain phrases: "(?=[AaFfTt])" for "from", "at", "to".

    Placed right after a word start, before an alternation of the phrases, it lets a search over a sentence refuse a
    word that opens none of them with one test, not one per phrase (sre tries a branch of letters written to match in
    any case one by one). Both cases are listed, so it holds with or without re.IGNORECASE; a phrase that is empty
    or opens with a space could open anywhere, and then no test is made.
    """
    firsts = {phrase[:1] for phrases in phrase_lists for phrase in phrases}
    if not firsts or "" in firsts or any(first.isspace() for first in firsts):
        return ""
    chars = sorted({case for first in firsts for case in (first.lower(), first.upper(), first)})
    return "(?=[" + "".join(re.escape(char) for char in chars) + "])"


class Containing:
    """What `containing` makes: `search(text[, pos])` (the compiled pattern's own method) and the `keys`."""

    __slots__ = ("keys", "pattern", "search")

    def __init__(self, keys: frozenset[str], compiled: re.Pattern):
        self.keys = keys
        self.pattern = compiled.pattern
        self.search = compiled.search


def containing(keys: Iterable[str]) -> Containing:
    """A test whose search() says whether a text contains any of `keys`, as `any(key in text ...)` would.

    The keys are built into a prefix tree, so the text is scanned once instead of once per key (three
    times faster for the casualty stage's ~120 anchor words); a key that ends where a longer one goes
    on stops the tree there, since any text holding the longer one holds it too.
    """
    keys = frozenset(keys)
    tree: dict = {}
    for key in keys:
        node = tree
        for char in key:
            node = node.setdefault(char, {})
        node[None] = {}
    return Containing(keys, pattern_cache.compile(_containment(tree) or "(?!)"))


def _containment(node: dict) -> str:
    if None in node:
        return ""
    branches = [re.escape(char) + _containment(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""


class KeyScan:
    """Several `containing` tests answered together by one scan of a text.

        scan = KeyScan([OUTCOME_KEYS, TOLL_KEYS])
        found = scan.scan(sentence)
        found.search(OUTCOME_KEYS, pos)   # == bool(OUTCOME_KEYS.search(sentence, pos))

    A sentence the casualty stage reads was scanned once per test, some twenty times; here one pass
    finds, at each position, the longest key of any test that starts there (every other key starting
    there is a prefix of it), and notes for each test where the last of its keys starts: a test's
    search from `pos` finds a key exactly when that is at or after `pos`.
    """

    def __init__(self, tests: Iterable[Containing]):
        self._tests = list(tests)
        self._index = {id(test): i for i, test in enumerate(self._tests)}
        self._key_sets = [test.keys for test in self._tests]
        if any("" in keys for keys in self._key_sets):
            raise ValueError("an empty key: containing() would never match, a scan always would")
        tree: dict = {}
        for keys in self._key_sets:
            for key in keys:
                node = tree
                for char in key:
                    node = node.setdefault(char, {})
                node[None] = {}
        self._scan = pattern_cache.compile(f"(?=({_longest(tree)}))") if tree else None
        self._tests_of: dict[str, tuple[int, ...]] = {}  # a key found -> the tests one of its prefixes belongs to

    def scan(self, text: str) -> "ScannedKeys":
        last = [-1] * len(self._tests)
        if self._scan is not None:
            tests_of = self._tests_of
            for match in self._scan.finditer(text):
                key = match.group(1)
                found = tests_of.get(key)
                if found is None:
                    prefixes = {key[:size] for size in range(1, len(key) + 1)}
                    found = tests_of[key] = tuple(i for i, keys in enumerate(self._key_sets)
                                                  if not prefixes.isdisjoint(keys))
                start = match.start()
                for i in found:
                    last[i] = start
        return ScannedKeys(self._index, last)


class ScannedKeys:
    __slots__ = ("_index", "_last")

    def __init__(self, index: dict[int, int], last: list[int]):
        self._index = index
        self._last = last

    def search(self, test: Containing, pos: int = 0) -> bool:
        """Whether `test.search(text, pos)` finds a key in the text scanned."""
        return self._last[self._index[id(test)]] >= pos


def _longest(node: dict) -> str:
    """The keys below `node` as literal text, the longest one that matches tried first."""
    # one text in every process (the keys come from sets); branches open with distinct characters, so their
    # order does not change what matches
    branches = [re.escape(char) + _longest(node[char]) for char in sorted(c for c in node if c is not None)]
    if not branches:
        return ""
    if len(branches) == 1 and None not in node:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if None in node else body


class LazyPattern:
    """A regex compiled by `re` the first time it is used; until then only its text and flags are kept.

        TOLL = LazyPattern(r"...", re.IGNORECASE)
        TOLL.search(text)   # compiles here, once; then the compiled pattern's own methods answer

    On first use the compiled pattern's methods are bound onto the instance, so later calls go
    straight to `re` with no wrapper in between. A match's `.re` is the compiled pattern: ask
    `TOLL.made(match)`, not `match.re is TOLL`.

    `needs` is a small regex that every match of the pattern holds, found within the same bounds
    (pos, endpos): the verb and the start of the count of a rule, the outcome after it. While the
    pattern is not compiled yet, a search, match or finditer that finds no `needs` answers "no match"
    without compiling it: a one-shot process then compiles only the rules that can match somewhere
    in its article, not every rule one of whose words it holds. Once compiled, the pattern answers
    alone, as without `needs`. A `needs` that a match could lack would lose that match: it must be
    written from the pattern's own pieces (tests/test_extraction_regexes.py checks the rules' on
    every sentence of the corpus). With `opens=True` every match also begins with what it needs, so
    `match` asks for it where the match would begin, not anywhere after.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")

    _every: list[LazyPattern] = []  # every rule made in this process, for `compile_every_rule`

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0, *, needs: str | None = None, opens: bool = False):
        LazyPattern._every.append(self)
        self.pattern = pattern
        self.flags = int(flags)
        self.needs = needs
        self.opens = opens
        self._compiled: re.Pattern | None = None
        if needs is not None:
            self.search, self.match, self.fullmatch, self.finditer = (
                self._first_gated("search"), self._first_gated("match"), self._first_gated("fullmatch"),
                self._first_gated("finditer"))

    def __getattr__(self, name: str):
        # reached only for what the instance does not hold yet: the compiled pattern's methods and attributes
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            compiled = pattern_cache.compile(self.pattern, self.flags)
            for method in self._METHODS:
                setattr(self, method, getattr(compiled, method))
            self.groups, self.groupindex = compiled.groups, compiled.groupindex
            self._compiled = compiled
        return self._compiled

    def _first_gated(self, method: str):
        def first_call(*args, **kwargs):
            self._gate()  # compiles `needs` and binds the gated methods, which answer this call
            return getattr(self, method)(*args, **kwargs)
        return first_call

    def _gate(self) -> None:
        """Bind search, match, fullmatch and finditer to tests of `needs` before the pattern is compiled."""
        needed = pattern_cache.compile(self.needs, self.flags)
        anywhere = needed.search
        here = needed.match if self.opens else needed.search

        def search(string: str, pos: int = 0, endpos: int = sys.maxsize):
            return None if anywhere(string, pos, endpos) is None else self.compiled().search(string, pos, endpos)

        def match(string: str, pos: int = 0, endpos: int = sys.maxsize):
            return None if here(string, pos, endpos) is None else self.compiled().match(string, pos, endpos)

        def fullmatch(string: str, pos: int = 0, endpos: int = sys.maxsize):
            return None if here(string, pos, endpos) is None else self.compiled().fullmatch(string, pos, endpos)

        def finditer(string: str, pos: int = 0, endpos: int = sys.maxsize):
            return iter(()) if anywhere(string, pos, endpos) is None else self.compiled().finditer(string, pos, endpos)

        if self._compiled is None:  # compiling binds the pattern's own methods: those stay
            self.search, self.match, self.fullmatch, self.finditer = search, match, fullmatch, finditer

    def made(self, match: re.Match) -> bool:
        """Whether `match` was found by this pattern."""
        return match.re is self._compiled is not None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}{'...' if len(self.pattern) > 40 else ''}, {self.flags})"


def compile_every_rule() -> int:
    """Compile every rule made so far, and the `needs` of each: what `pattern_cache` writes down."""
    for rule in LazyPattern._every:
        pattern_cache.compile(rule.pattern, rule.flags)
        if rule.needs is not None:
            pattern_cache.compile(rule.needs, rule.flags)
    return len(LazyPattern._every)
