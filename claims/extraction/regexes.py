"""Regex building blocks the stages share: word edges, alternations of lexicon phrases, and compiling once.

Every stage turns word lists into regexes the same way, so the way is written once here.

Compiling is the engine's start-up cost: the casualty grammar alone is about 140 patterns and half a
megabyte of regex built from the lexicons, and Python's `re` parses and compiles them in pure Python
(~0.8 s of CPU). `PatternCache` keeps what `re` compiled to — the matcher's code, not the pattern —
in a file beside the module's bytecode, keyed by each pattern's exact text and flags and by the
interpreter, so a changed lexicon, rule or Python simply misses the cache and is compiled afresh.
A cache that cannot be read or written changes nothing but the time taken.
"""
from __future__ import annotations

import array
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

# A word starts where no letter, digit or hyphen comes before it ("killed", not "un-killed").
WORD_START = r"(?<![\w-])"
# A word ends where no letter, digit or hyphen follows ("killed", not "killed-in-action").
WORD_END = r"(?![\w-])"
# A word ends where no letter or digit follows, though a hyphen may ("forty-" of "forty-nine").
WORD_END_BEFORE_HYPHEN = r"(?![\w])"


def alternation(entries: Iterable[str], *, regex: bool = False) -> str:
    """An alternation of phrases, longest first; a space matches any run of white space.

    Plain phrases are escaped; with `regex=True` the entries are regex fragments already and only
    their spaces are widened. Empty entries are left out: they would match anywhere. Entries of one
    length keep their lexicon order, so the pattern's text is the same in every process.
    """
    ordered = sorted(dict.fromkeys(entry for entry in entries if entry), key=len, reverse=True)
    if regex:
        return "|".join(entry.replace(" ", r"\s+") for entry in ordered)
    return "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in ordered)


def containing(keys: Iterable[str]) -> re.Pattern:
    """A pattern whose search() says whether a text contains any of `keys`, as `any(key in text ...)` would.

    The keys are built into a prefix tree, so the text is scanned once instead of once per key (three
    times faster for the casualty stage's ~120 anchor words); a key that ends where a longer one goes
    on stops the tree there, since any text holding the longer one holds it too.
    """
    tree: dict = {}
    for key in keys:
        node = tree
        for char in key:
            node = node.setdefault(char, {})
        node[None] = {}
    return re.compile(_containment(tree) or "(?!)")


def _containment(node: dict) -> str:
    if None in node:
        return ""
    branches = [re.escape(char) + _containment(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""


try:  # the pieces of re.compile, so that its output can be kept (CPython 3.11+)
    import _sre
    from re import _compiler as _re_compiler, _parser as _re_parser

    _INTERPRETER = f"{sys.implementation.cache_tag} {sys.version} sre {_sre.MAGIC} {_sre.CODESIZE}"
    _CODE_TYPE = {4: "I", 2: "H"}[_sre.CODESIZE]
except (ImportError, AttributeError, KeyError):  # another interpreter: compile as usual, keep nothing
    _sre = None
    _INTERPRETER = ""


class PatternCache:
    """Compiled patterns of one module, kept between processes.

        _patterns = PatternCache(__file__)
        TOLL = _patterns.compile(r"...", re.IGNORECASE)
        ...
        _patterns.save()   # after the module's last pattern: writes the file if anything was compiled

    The file holds exactly the patterns the module asked for in this process, so entries for patterns
    that changed are dropped when it is rewritten.
    """

    def __init__(self, module_file: str | None, path: Path | None = None):
        self.path = path if path is not None else _cache_path(module_file)
        self._stored = self._load()
        self._used: dict[tuple[str, int], tuple] = {}
        self.compiled = 0  # patterns compiled by `re` in this process (not found in the file)

    def compile(self, pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:
        flags = int(flags)
        key = _key(pattern, flags)
        entry = self._stored.get(key)
        if entry is not None:
            compiled = _from_entry(pattern, entry)
            if compiled is not None:
                self._used[key] = entry
                return compiled
        compiled, entry = _compile(pattern, flags)
        self.compiled += 1
        if entry is not None:
            self._used[key] = entry
        return compiled

    def save(self) -> None:
        """Write the file when it lacks what was compiled now or holds patterns no longer asked for."""
        if self.path is None or not _INTERPRETER:
            return
        if self._used == self._stored:
            return
        import tempfile  # only when writing

        payload = marshal.dumps({"interpreter": _INTERPRETER, "patterns": self._used})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                file.write(payload)
            os.replace(temporary, self.path)  # readers see the old file or the new one, never half of one
        except OSError:
            return  # a read-only install: every process compiles for itself, as without a cache
        self._stored = dict(self._used)

    def _load(self) -> dict[tuple[str, int], tuple]:
        if self.path is None or not _INTERPRETER:
            return {}
        try:
            content = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(content, dict) or content.get("interpreter") != _INTERPRETER:
            return {}
        patterns = content.get("patterns")
        return patterns if isinstance(patterns, dict) else {}


def _cache_path(module_file: str | None) -> Path | None:
    """Beside the module's bytecode: <package>/__pycache__/<module>.<interpreter tag>.regexes."""
    if not module_file or not module_file.endswith(".py"):
        return None
    try:
        return Path(importlib.util.cache_from_source(module_file)).with_suffix(".regexes")
    except (NotImplementedError, ValueError):  # no bytecode cache on this interpreter
        return None


def _key(pattern: str, flags: int) -> tuple[str, int]:
    return pattern, flags  # the text itself: any change to a lexicon or a rule is a different key


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple | None]:
    """What re.compile does (re._compiler.compile), keeping the code it hands to _sre."""
    if not _INTERPRETER:
        return re.compile(pattern, flags), None
    parsed = _re_parser.parse(pattern, flags)
    code = [int(op) for op in _re_compiler._code(parsed, flags)]
    entry = (
        flags | parsed.state.flags,
        array.array(_CODE_TYPE, code).tobytes(),
        parsed.state.groups - 1,
        dict(parsed.state.groupdict),
    )
    compiled = _from_entry(pattern, entry)
    if compiled is None:  # cannot happen with a working re; never let the cache be the reason it fails
        return re.compile(pattern, flags), None
    return compiled, entry


def _from_entry(pattern: str, entry: tuple) -> re.Pattern | None:
    try:
        flags, code_bytes, groups, groupindex = entry
        code = array.array(_CODE_TYPE)
        code.frombytes(code_bytes)
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        # _sre checks the code before it accepts it (RuntimeError "invalid SRE code" otherwise)
        return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))
    except (TypeError, ValueError, IndexError, RuntimeError, AttributeError):
        return None
