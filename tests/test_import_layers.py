"""Imports go one way: engine ← services ← admin/api/commands/tasks, with no cycle.

The graph is read from the source with `ast`, so an import written inside a
function (the usual way a cycle hides) counts like one at the top of a module.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUR_PACKAGES = ("factdesk", "sources", "claims", "benchmarks")

# The layers above the services: nothing below them may import them.
TOP_LAYER = ("claims.admin", "claims.admin_display", "claims.admin_tokens", "claims.api", "claims.apps",
             "claims.management", "claims.tasks", "benchmarks", "sources.admin", "sources.apps",
             "sources.management", "factdesk.urls", "factdesk.celery", "factdesk.health", "factdesk.error_pages",
             "factdesk.wsgi", "factdesk.asgi", "claims.webhooks.admin", "claims.webhooks.api", "claims.webhooks.apps",
             "claims.webhooks.tasks", "claims.webhooks.management", "claims.facts.admin", "claims.facts.api",
             "claims.facts.apps", "claims.facts.tasks", "claims.facts.management")
SERVICE_LAYER = ("claims.services", "sources.services", "claims.selectors", "claims.review", "claims.models",
                 "sources.models", "sources.reading", "sources.html", "sources.hooks", "sources.speakers", "factdesk.hooks",
                 "sources.text_metadata", "claims.database_guards", "claims.representation", "claims.outbox",
                 "claims.webhooks.services", "claims.webhooks.models", "claims.webhooks.signing",
                 "claims.webhooks.event_types",
                 "claims.facts.services", "claims.facts.models", "claims.facts.selectors", "claims.facts.series",
                 "claims.facts.normalise", "claims.facts.events", "claims.facts.representation",
                 "claims.facts.export", "claims.facts.chart", "claims.facts.database_guards", "factdesk.write_once")
ENGINE = "claims.extraction"
# Pure Python like the engine, kept apart from it: the reader of a plain-text article's title, byline and date.
PURE_MODULES = (ENGINE, "sources.text_metadata")
# Known and owned elsewhere: API tokens are a model that still lives in the API package
# (issue 11 moves them to a module of their own). Delete the line when that lands.
KNOWN_UPWARD_IMPORTS = {("claims.models", "claims.api.tokens")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    modules = {}
    for package in OUR_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imported_names(name: str, path: Path) -> Iterable[str]:
    """Every module name `path` imports, wherever the import statement stands."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield target
            # `from claims import services` imports the module claims.services
            yield from (f"{target}.{alias.name}" for alias in node.names)


@cache
def import_graph() -> dict[str, set[str]]:
    """Module → the modules of ours it imports. A module's own parent packages are left out:
    Python imports them first anyway, and `from . import sibling` is how a package is built."""
    modules = our_modules()
    return {
        name: {target for target in imported_names(name, path)
               if target in modules and target != name and not name.startswith(target + ".")}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def test_it_finds_a_cycle_hidden_in_a_function_level_import():
    graph = {"a.services": {"b.services"}, "b.services": {"a.services"}, "a.admin": {"a.services"}}
    assert cycles(graph) == [["a.services", "b.services"]]


def test_it_reads_relative_and_function_level_imports(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("from . import serializers as s\n\ndef f():\n    from claims.tasks import job\n")
    assert set(imported_names("claims.api.views", module)) >= {"claims.api.serializers", "claims.tasks"}


def test_our_modules_import_each_other_without_a_cycle():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("lower", SERVICE_LAYER + (ENGINE,))
def test_services_models_and_the_engine_never_import_the_layers_above_them(lower):
    graph = import_graph()
    offending = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items() if within(name, [lower])
        for target in targets if within(target, TOP_LAYER) and (name, target) not in KNOWN_UPWARD_IMPORTS
    )
    assert offending == []


@pytest.mark.parametrize("pure", PURE_MODULES)
def test_the_engine_and_the_text_metadata_reader_import_nothing_of_django_or_of_the_rest_of_factdesk(pure):
    modules = our_modules()
    offending = sorted(
        f"{name} imports {target}"
        for name, path in modules.items() if within(name, [pure])
        for target in imported_names(name, path)
        if target.split(".")[0] in ("django", "rest_framework", "celery")
        or (within(target, OUR_PACKAGES) and not within(target, [pure]))
    )
    assert offending == []


def top_level_imports(path: Path) -> Iterable[str]:
    """The module names imported by statements at a module's top level (not inside a function or class)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module


def test_production_packages_never_import_the_benchmarks():
    # A management command may run a benchmark: it imports `benchmarks` inside handle(), when it runs,
    # so that loading the commands (every manage.py start-up lists them) never loads benchmark code.
    modules = our_modules()
    offending = sorted(
        f"{name} imports {target}"
        for name, targets in import_graph().items() if not within(name, ["benchmarks"])
        for target in targets if within(target, ["benchmarks"])
        if ".management.commands." not in name
        or any(within(top, ["benchmarks"]) for top in top_level_imports(modules[name]))
    )
    assert offending == []
