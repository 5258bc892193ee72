"""benchmark_api's load generator: bounded, counting errors, honest percentiles."""
from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler

import pytest
from django.core.management.base import CommandError

from benchmarks.api.load import Measured, combined, drive, drive_wrk, percentile
from tests.conftest import local_http_server


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
    with local_http_server(_Answer) as bound:
        yield bound


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
    assert percentile(ordered, 0.50) == 50.0
    assert percentile(ordered, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0


def test_wrk_gets_the_paths_and_headers_and_its_summary_line_is_read(tmp_path, monkeypatch):
    seen = tmp_path / "script.lua"
    fake = tmp_path / "wrk"
    fake.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--script" ]; do shift; done\n'
        f'cp "$2" {seen}\n'
        "echo 'Running 10s test (what people read)'\n"
        "echo 'FACTDESK 1200 3 10000000 4.5 91.2'\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")

    result = drive_wrk(8000, ["/api/v1/claims/1/", '/odd"path/'], {"Authorization": "Bearer fdk_x"},
                       name="api detail", concurrency=4, seconds=10)

    assert (result.requests, result.errors, result.seconds) == (1200, 3, 10.0)
    assert result.rate == 120.0
    assert (result.p50_ms, result.p99_ms) == (0.0045, 0.0912)
    script = seen.read_text()
    assert '"/api/v1/claims/1/", "/odd\\"path/"' in script
    assert '["Authorization"] = "Bearer fdk_x"' in script


def test_a_wrk_run_without_its_summary_line_is_an_error(tmp_path, monkeypatch):
    fake = tmp_path / "wrk"
    fake.write_text("#!/bin/sh\necho 'unable to connect to 127.0.0.1:8000 Connection refused' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    with pytest.raises(CommandError, match="Connection refused"):
        drive_wrk(8000, ["/"], {}, name="down", concurrency=1, seconds=1)


def test_rounds_of_a_scenario_add_up_and_their_percentiles_cover_every_request(port):
    rounds = [drive(port, ["/ok"], {}, name="api", total=n, concurrency=1, max_seconds=20) for n in (10, 30)]
    result = combined(rounds)
    assert (result.requests, result.errors) == (40, 0)
    assert result.seconds == rounds[0].seconds + rounds[1].seconds
    assert result.latencies == tuple(sorted(rounds[0].latencies + rounds[1].latencies))
    assert result.p99_ms == percentile(list(result.latencies), 0.99) * 1000


def test_wrk_rounds_keep_the_median_p50_and_the_worst_p99():
    rounds = [Measured("api", 100, 1, 2.0, p50, p99) for p50, p99 in ((5.0, 40.0), (7.0, 90.0), (6.0, 50.0))]
    result = combined(rounds)
    assert (result.requests, result.errors, result.seconds) == (300, 3, 6.0)
    assert (result.p50_ms, result.p99_ms) == (6.0, 90.0)
