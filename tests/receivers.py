"""A webhook receiver on 127.0.0.1 for the webhook tests: it verifies every request with the
`standardwebhooks` package exactly as a subscriber would, and answers as each test scripts it."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.conftest import local_http_server


@dataclass
class Received:
    webhook_id: str
    headers: dict[str, str]
    body: bytes
    payload: dict | None  # None when the signature did not verify
    verified_with: list[str]


@dataclass
class Receiver:
    """What the endpoint at `url` got, and how it answers: `answers` are used in turn, the last one repeats."""

    url: str = ""
    secrets: list[str] = field(default_factory=list)
    answers: list[int] = field(default_factory=lambda: [200])
    retry_after: str = ""
    hang: threading.Event | None = None  # while not set, requests wait (up to 30 s) before answering
    received: list[Received] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def answer_for(self, number: int) -> int:
        return self.answers[min(number, len(self.answers) - 1)]

    def events(self) -> list[dict]:
        """Verified payloads, once per webhook-id (what a receiver deduplicating by it keeps)."""
        seen: dict[str, dict] = {}
        for request in self.received:
            if request.payload is not None:
                seen.setdefault(request.webhook_id, request.payload)
        return list(seen.values())

    def wait_for(self, count: int, *, seconds: float = 90) -> list[Received]:
        """Wait until `count` requests have arrived (or the time is up); return what arrived."""
        deadline = time.monotonic() + seconds
        with self.arrived:
            while len(self.received) < count and time.monotonic() < deadline:
                self.arrived.wait(timeout=0.05)
            return list(self.received)


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 — the name http.server calls
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {name.lower(): value for name, value in self.headers.items()}
            verified_with, payload = [], None
            for secret in receiver.secrets:
                try:
                    payload = Webhook(secret).verify(body, headers)
                    verified_with.append(secret)
                except WebhookVerificationError:
                    pass
            with receiver.arrived:
                number = len(receiver.received)
                receiver.received.append(Received(headers.get("webhook-id", ""), headers, body, payload,
                                                  verified_with))
                receiver.arrived.notify_all()
            if receiver.hang is not None:
                receiver.hang.wait(timeout=30)
            status = receiver.answer_for(number)
            try:
                self.send_response(status)
                if receiver.retry_after:
                    self.send_header("Retry-After", receiver.retry_after)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"received": number + 1}).encode())
            except OSError:
                pass  # the sender gave up waiting

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def receiver_running(**options) -> Iterator[Receiver]:
    receiver = Receiver(**options)
    with local_http_server(_handler(receiver)) as port:
        receiver.url = f"http://127.0.0.1:{port}/hooks"
        try:
            yield receiver
        finally:
            if receiver.hang is not None:
                receiver.hang.set()
