"""Compiled rules kept on disk between processes, as Python keeps bytecode in `__pycache__`.

Python's `re` parses a pattern and writes its opcodes in pure Python, then hands the opcodes to its C
matcher. For the engine's rules (about half a megabyte of regex built from the lexicons) that is
most of a one-shot process's CPU: `manage.py extract_claims ARTICLE` spent ~0.25 s of its ~0.65 s
compiling. The opcodes are a pure function of the pattern, the flags and the interpreter, so this
module keeps them in one file per interpreter, `__pycache__/patterns.<cache tag>.bin` beside it,
and builds a pattern from its opcodes without parsing it again.

    compile(pattern, flags)   # from the file when it holds the pattern, else as `re.compile` does
    python -m claims.extraction.precompile   # compiles every rule and writes the file

Only that command writes the file (`make install` runs it when the engine's code or lexicons
change); an extracting process only reads it, so a read-only install or many workers at once are
safe. A pattern the file does not hold (a rule changed since) compiles as before: the file can make
the engine slower to start, never different. A file from another interpreter or another version of
`re`'s opcodes is ignored, and so is one that cannot be read.
"""
from __future__ import annotations

import array
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # the parser and the opcode writer `re.compile` itself uses (CPython 3.11 and later)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter: every pattern compiles as usual
    _sre = _compiler = _parser = None

FORMAT = 1
PATH = Path(__file__).resolve().parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"

# What must match for a file's opcodes to be read by this interpreter's matcher.
_STAMP = (FORMAT, sys.implementation.cache_tag, sys.version, getattr(_sre, "MAGIC", None),
          getattr(_sre, "CODESIZE", None))
_CODE_TYPE = next((t for t in "IL" if array.array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)

_Entry = tuple[int, bytes, int, dict, tuple]  # final flags, opcodes, groups - 1, group index, index group
_loaded: dict[tuple[str, int], _Entry] | None = None
_used: dict[tuple[str, int], _Entry] = {}  # every pattern this process compiled here, with its opcodes


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the module's one verb, as in `re`
    """The pattern compiled, from the file's opcodes when it holds them; what `re.compile` gives, either way."""
    flags = int(flags)
    if _CODE_TYPE is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _used.get(key) or _table().get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
        except (RuntimeError, TypeError, ValueError):  # opcodes the matcher refuses: compile them afresh
            entry = None
    if entry is None:
        try:
            entry = _opcodes(pattern, flags)
            compiled = _build(pattern, entry)
        except (AttributeError, TypeError):  # re's steps are not the ones this module knows: no cache
            return re.compile(pattern, flags)
    _used[key] = entry
    return compiled


def write(path: Path | None = None) -> int:
    """Write the opcodes of every pattern compiled in this process to `path`, replacing what it held."""
    path = path or PATH
    table = dict(_used)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            marshal.dump((_STAMP, table), out)
        os.chmod(temporary, 0o644)  # as readable as the code beside it, for workers under other users
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one
    except BaseException:
        os.unlink(temporary)
        raise
    return len(table)


def read(path: Path | None = None) -> dict[tuple[str, int], _Entry]:
    """The opcodes the file at `path` holds for this interpreter; empty if it is missing, foreign or unreadable."""
    try:
        with open(path or PATH, "rb") as stream:
            stamp, table = marshal.load(stream)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if stamp == _STAMP and isinstance(table, dict) else {}


def _table() -> dict[tuple[str, int], _Entry]:
    global _loaded
    if _loaded is None:
        _loaded = read()
    return _loaded


def _opcodes(pattern: str, flags: int) -> _Entry:
    # the steps of re._compiler.compile, stopping before the C matcher is built
    parsed = _parser.parse(pattern, flags)
    code = array.array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, entry: _Entry) -> re.Pattern:
    final_flags, code, groups, groupindex, indexgroup = entry
    opcodes = array.array(_CODE_TYPE)
    opcodes.frombytes(code)
    return _sre.compile(pattern, final_flags, opcodes.tolist(), groups, groupindex, indexgroup)
