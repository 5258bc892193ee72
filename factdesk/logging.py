"""Request and job ids on every log line.

A context variable holds the id of whatever is being done (an HTTP request,
an extraction job); a logging filter copies it onto each record.
"""
from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.http import HttpRequest, HttpResponse

current_context_id: contextvars.ContextVar[str] = contextvars.ContextVar("factdesk_context_id", default="-")

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.context_id = current_context_id.get()
        return True


@contextmanager
def log_context(context_id: str) -> Iterator[None]:
    """Tag the log lines written inside the block with `context_id` (e.g. "job-42")."""
    token = current_context_id.set(context_id)
    try:
        yield
    finally:
        current_context_id.reset(token)


class RequestIdMiddleware:
    """Takes X-Request-ID from the proxy when it is sane, else makes one; echoes it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        with log_context(f"req-{request_id}"):
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
