"""The load generators: GET paths over keep-alive connections, count errors, report nearest-rank percentiles.

wrk (one C thread) is preferred: on a small machine the Python client's threads take
CPU from the server they measure. Both report the same `Measured`.
"""
from __future__ import annotations

import http.client
import itertools
import math
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field

from django.core.management.base import CommandError


@dataclass(frozen=True)
class Measured:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float
    latencies: tuple[float, ...] = field(default=(), repr=False, compare=False)  # seconds, sorted; Python client

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def combined(parts: list[Measured]) -> Measured:
    """Rounds of one scenario as one measurement: requests, errors and time summed; percentiles over
    every request when the rounds kept their latencies (the Python client), else the median round's
    p50 and the worst round's p99 (wrk reports only its own percentiles)."""
    if len(parts) == 1:
        return parts[0]
    requests, errors, seconds = (sum(getattr(part, name) for part in parts) for name in ("requests", "errors",
                                                                                           "seconds"))
    if all(part.latencies for part in parts):
        ordered = tuple(sorted(value for part in parts for value in part.latencies))
        return Measured(parts[0].name, requests, errors, seconds, percentile(list(ordered), 0.50) * 1000,
                        percentile(list(ordered), 0.99) * 1000, ordered)
    p50s = sorted(part.p50_ms for part in parts)
    return Measured(parts[0].name, requests, errors, seconds, p50s[len(p50s) // 2], max(part.p99_ms for part in parts))


def drive(port: int, paths: list[str], headers: dict[str, str], *, name: str, total: int, concurrency: int,
          max_seconds: float) -> Measured:
    """GET the paths in turn over `concurrency` keep-alive connections until `total` requests or the time cap."""
    counter = itertools.count()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + max_seconds

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            while (i := next(counter)) < total and time.perf_counter() < deadline:
                sent = time.perf_counter()
                try:
                    conn.request("GET", paths[i % len(paths)], headers=headers)
                    response = conn.getresponse()
                    response.read()
                    failed = response.status != 200
                    if response.will_close:
                        conn.close()
                except (OSError, http.client.HTTPException):
                    failed = True
                    conn.close()
                elapsed = time.perf_counter() - sent
                with lock:
                    latencies.append(elapsed)
                    errors += failed
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    ordered = sorted(latencies)
    return Measured(name, len(ordered), errors, seconds, percentile(ordered, 0.50) * 1000,
                    percentile(ordered, 0.99) * 1000, tuple(ordered))


# wrk runs this script: it walks the paths in turn with the same headers, and at the end prints one
# line drive_wrk parses (wrk's own summary is for people). Errors are failed connections, reads,
# writes and timeouts plus answers of 400 or more.
_WRK_SCRIPT = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("FACTDESK %%d %%d %%d %%.1f %%.1f\\n", summary.requests,
    e.connect + e.read + e.write + e.timeout + e.status, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
"""


def _lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def drive_wrk(port: int, paths: list[str], headers: dict[str, str], *, name: str, concurrency: int,
              seconds: float) -> Measured:
    """GET the paths in turn with wrk (one thread, `concurrency` keep-alive connections) for `seconds`."""
    script = _WRK_SCRIPT % {
        "paths": ", ".join(_lua_string(path) for path in paths),
        "headers": ", ".join(f"[{_lua_string(key)}] = {_lua_string(value)}" for key, value in headers.items()),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as file:
        file.write(script)
        file.flush()
        try:
            run = subprocess.run(
                ["wrk", "--threads", "1", "--connections", str(concurrency), "--duration",
                 f"{max(1, round(seconds))}s", "--timeout", "10s", "--script", file.name,
                 f"http://127.0.0.1:{port}{paths[0]}"],
                capture_output=True, text=True, timeout=seconds + 30,
            )
        except FileNotFoundError:
            raise CommandError("wrk is not installed (Debian: apt-get install wrk)") from None
    line = next((line for line in run.stdout.splitlines() if line.startswith("FACTDESK ")), None)
    if run.returncode != 0 or line is None:
        raise CommandError(f"wrk failed ({run.returncode}): {(run.stderr or run.stdout)[-1000:]}")
    requests, errors, duration_us, p50_us, p99_us = line.split()[1:]
    return Measured(name, int(requests), int(errors), int(duration_us) / 1e6, float(p50_us) / 1000,
                    float(p99_us) / 1000)


def percentile(ordered: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values; NaN when there are none."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
