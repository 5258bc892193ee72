"""benchmark_api's load generator: bounded, counting errors, honest percentiles."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.management.commands.benchmark_api import _percentile, drive


class _Answer(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn's threaded workers do

    def do_GET(self):  # noqa: N802 — the name http.server calls
        body = b'{"ok": true}' if self.path.startswith("/ok") else b"{}"
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_it_sends_exactly_the_requests_asked_for_and_counts_failures(port):
    result = drive(port, ["/ok/1", "/missing"], {}, name="mixed", total=40, concurrency=3, max_seconds=20)
    assert result.requests == 40
    assert result.errors == 20
    assert result.rate > 0
    assert 0 < result.p50_ms <= result.p99_ms


def test_it_stops_at_the_time_cap(port):
    result = drive(port, ["/ok"], {}, name="capped", total=10**9, concurrency=2, max_seconds=0.3)
    assert 0 < result.requests < 10**9
    assert result.seconds < 5


def test_percentiles_use_the_nearest_rank():
    ordered = [float(n) for n in range(1, 101)]
    assert _percentile(ordered, 0.50) == 50.0
    assert _percentile(ordered, 0.99) == 99.0
    assert _percentile([7.0], 0.99) == 7.0
