"""A hook: one function that an app calls and another app plugs in at start-up.

Imports go one way (engine ← services ← admin/api/commands/tasks, and claims
above sources), yet two calls must cross that line: storing a document queues
its extraction (sources → claims), and queuing a job hands it to Celery
(claims' services → claims' tasks). The lower side owns a Hook and calls it;
the upper side connects its function in AppConfig.ready(). Unlike a signal, a
hook has exactly one function and returns its result, so the caller can say
what was queued.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Hook:
    def __init__(self, name: str, purpose: str):
        self.name = name
        self.purpose = purpose
        self._function: Callable[..., Any] | None = None

    def connect(self, function: Callable[..., Any]) -> None:
        """Plug `function` in; connecting again replaces it (ready() may run more than once in tests)."""
        self._function = function

    def __call__(self, **kwargs: Any) -> Any:
        if self._function is None:
            raise ImproperlyConfigured(f"nothing is connected to the hook {self.name} ({self.purpose})")
        return self._function(**kwargs)
