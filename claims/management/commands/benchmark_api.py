"""python manage.py benchmark_api: load 100,000 claims into PostgreSQL, serve them with gunicorn on
127.0.0.1, and measure the claims list and claim page against a bare values()+JsonResponse floor."""
from __future__ import annotations

import http.client
import itertools
import math
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from claims.models import Claim
from factdesk.accounts.services import token_create
from sources.models import Document, Outlet, Speaker, normalize_name, text_hash

ORIGIN = "benchmark_api"
BENCH_USER = "benchmark-reader"
STATUSES = ["pending"] * 14 + ["approved"] * 3 + ["rejected"] * 2 + ["disputed"]
PLACES = ["the river port", "the northern ridge", "the old market", "the rail junction", "the border post"]


@dataclass(frozen=True)
class Measured:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class Command(BaseCommand):
    help = ("Load claims over documents into PostgreSQL (bulk_create), serve with gunicorn on 127.0.0.1 and drive "
            "the filtered claims list (page size 50) and claim pages with a bounded load, beside a bare "
            "values()+JsonResponse floor; prints req/s and p50/p99.")

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--documents", type=int, default=5_000)
        parser.add_argument("--reload", action="store_true", help="delete and reload the benchmark rows")
        parser.add_argument("--requests", type=int, default=2_000, help="requests per scenario (default 2000)")
        parser.add_argument("--seconds", type=float, default=30.0, help="time cap per scenario (default 30)")
        # One worker process per core, one request at a time each, as many connections as workers:
        # on a 2-core machine threads in a worker mostly wait for each other's GIL, which doubles the
        # tail latency of both the API and the floor without adding throughput.
        parser.add_argument("--concurrency", type=int, default=2, help="client connections (default 2)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
        parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1)")
        parser.add_argument("--page-size", type=int, default=50)
        parser.add_argument(
            "--client", choices=["auto", "wrk", "python"], default="auto",
            help="load generator: wrk (one C thread, runs for --seconds) or python (threads, stop after "
                 "--requests); auto picks wrk when it is installed. On a small machine the Python client's "
                 "threads take CPU from the server they measure.",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("benchmark_api measures PostgreSQL: set DATABASE_URL=postgres://user@127.0.0.1/db")
        if options["documents"] < 1 or options["claims"] < options["documents"]:
            raise CommandError("need at least one document and at least one claim per document")
        if options["client"] == "wrk" and not shutil.which("wrk"):
            raise CommandError("--client wrk: wrk is not installed (Debian: apt-get install wrk)")
        if options["client"] == "auto":
            options["client"] = "wrk" if shutil.which("wrk") else "python"
        for name in ("requests", "concurrency", "workers", "threads", "page_size"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1")
        call_command("migrate", verbosity=0)
        self._load(claims=options["claims"], documents=options["documents"], reload=options["reload"])
        secret = self._reader_token()
        port = _free_port()
        server = self._serve(port, workers=options["workers"], threads=options["threads"])
        try:
            self._measure(port, secret, options)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    # --- data ----------------------------------------------------------------------------

    def _load(self, *, claims: int, documents: int, reload: bool) -> None:
        have_docs = Document.objects.filter(origin=ORIGIN).count()
        have_claims = Claim.objects.filter(document__origin=ORIGIN).count()
        if not reload and (have_docs, have_claims) == (documents, claims):
            self.stdout.write(f"data: reusing {have_claims:,} claims over {have_docs:,} documents")
            return
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM claims_claim WHERE document_id IN "
                           "(SELECT id FROM sources_document WHERE origin = %s)", [ORIGIN])
            cursor.execute("DELETE FROM claims_extractionjob WHERE document_id IN "
                           "(SELECT id FROM sources_document WHERE origin = %s)", [ORIGIN])
            cursor.execute("DELETE FROM sources_document WHERE origin = %s", [ORIGIN])
        rng = random.Random(7)
        outlets = [Outlet.objects.get_or_create(name=f"Benchmark Outlet {i}", defaults={"domain": f"bench{i}.example"})[0]
                   for i in range(50)]
        names = [f"Benchmark Speaker {i}" for i in range(500)]
        Speaker.objects.bulk_create([Speaker(name=n, normalized_name=normalize_name(n), role="spokesperson")
                                     for n in names], ignore_conflicts=True)
        speakers = list(Speaker.objects.filter(normalized_name__in=[normalize_name(n) for n in names]))
        per_document = [claims // documents + (1 if i < claims % documents else 0) for i in range(documents)]
        run = secrets.token_hex(4)
        docs, spans = [], []
        for d, count in enumerate(per_document):
            lines, offsets, position = [], [], 0
            for i in range(count):
                n = rng.randint(1, 400)
                prefix = f"Report {d}.{i}: officials near {rng.choice(PLACES)} said "
                claim_text = f"{n} people were {rng.choice(['killed', 'wounded'])}"
                offsets.append((position + len(prefix), claim_text, n))
                line = f"{prefix}{claim_text} overnight."
                lines.append(line)
                position += len(line) + 1
            text = "\n".join(lines)
            outlet = outlets[d % len(outlets)]
            docs.append(Document(url=f"https://{outlet.domain}/bench/{run}/{d}", title=f"Benchmark report {d}",
                                 outlet=outlet, raw=text, text=text, content_hash=text_hash(text), origin=ORIGIN,
                                 published_at=_published(d)))
            spans.append(offsets)
        with transaction.atomic():
            docs = Document.objects.bulk_create(docs, batch_size=1000)
            batch: list[Claim] = []
            for document, offsets in zip(docs, spans, strict=True):
                for i, (start, claim_text, n) in enumerate(offsets):
                    outcome = "killed" if claim_text.endswith("killed") else "wounded"
                    batch.append(Claim(
                        kind="casualty", document=document, start=start, end=start + len(claim_text),
                        text=claim_text, speaker=rng.choice(speakers), outcome=outcome, count=n,
                        qualifier="exact", group="people", status=rng.choice(STATUSES),
                        confidence=round(rng.uniform(0.3, 1.0), 3), extractor="benchmark", extractor_version="0",
                        rule="benchmark", fingerprint=f"bench-{i}", extracted_values={"count": n, "outcome": outcome},
                    ))
                if len(batch) >= 5000:
                    Claim.objects.bulk_create(batch, batch_size=5000)
                    batch = []
            Claim.objects.bulk_create(batch, batch_size=5000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_claim; ANALYZE sources_document")
        self.stdout.write(f"data: loaded {claims:,} claims over {documents:,} documents "
                          f"in {time.perf_counter() - started:.1f} s")

    def _reader_token(self) -> str:
        user, _ = User.objects.get_or_create(username=BENCH_USER)
        user.groups.add(Group.objects.get(name="reader"))
        _, secret = token_create(user=user, name=f"benchmark {time.strftime('%Y-%m-%d %H:%M')}", actor=None)
        return secret

    # --- server --------------------------------------------------------------------------

    def _serve(self, port: int, *, workers: int, threads: int) -> subprocess.Popen:
        env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1",
               "SECURE_SSL_REDIRECT": "0", "FACTDESK_API_RATE_USER": "none", "FACTDESK_API_RATE_ANON": "none",
               "LOG_LEVEL": "WARNING", "DATABASE_URL": _database_url()}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "claims.api.benchmark:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
             "--log-level", "warning"],
            cwd=Path(settings.BASE_DIR), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn exited: {server.stderr.read()[-2000:]}")
            try:
                status, _ = _get(port, "/healthz", {})
                if status == 200:
                    self.stdout.write(f"server: gunicorn, {workers} workers × {threads} threads, on 127.0.0.1:{port}; "
                                      "the API and the floor are served by the same processes")
                    return server
            except OSError:
                time.sleep(0.2)
        server.kill()
        raise CommandError("gunicorn did not answer /healthz within 30 s")

    # --- load ----------------------------------------------------------------------------

    def _measure(self, port: int, secret: str, options: dict) -> None:
        auth = {"Authorization": f"Bearer {secret}"}
        query = f"?status=pending&kind=casualty&page_size={options['page_size']}"
        ids = list(Claim.objects.filter(document__origin=ORIGIN).order_by("?").values_list("pk", flat=True)[:1000])
        status, _ = _get(port, f"/api/v1/claims/{query}", auth)
        if status != 200:
            raise CommandError(f"the API answered {status} to the benchmark's reader token")
        scenarios = [
            ("floor  claims list", [f"/floor/claims/{query}"], {}),
            ("api    claims list", [f"/api/v1/claims/{query}"], auth),
            ("floor  claim detail", [f"/floor/claims/{pk}/" for pk in ids], {}),
            ("api    claim detail", [f"/api/v1/claims/{pk}/" for pk in ids], auth),
        ]
        if options["client"] == "wrk":
            self.stdout.write(f"load: wrk, 1 thread, {options['concurrency']} keep-alive connections, "
                              f"{options['seconds']:g} s per scenario after 2 s of warm-up")
        else:
            self.stdout.write(f"load: Python threads, {options['requests']:,} requests per scenario (capped at "
                              f"{options['seconds']:g} s), {options['concurrency']} connections, "
                              "after 50 warm-up requests")
        self.stdout.write(f"{'scenario':<22}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        for name, paths, headers in scenarios:
            if options["client"] == "wrk":
                drive_wrk(port, paths, headers, name=name, concurrency=options["concurrency"], seconds=2)
                result = drive_wrk(port, paths, headers, name=name, concurrency=options["concurrency"],
                                   seconds=options["seconds"])
            else:
                drive(port, paths, headers, name=name, total=50, concurrency=options["concurrency"], max_seconds=10)
                result = drive(port, paths, headers, name=name, total=options["requests"],
                               concurrency=options["concurrency"], max_seconds=options["seconds"])
            self.stdout.write(f"{result.name:<22}{result.requests:>9,}{result.errors:>8}{result.rate:>9.1f}"
                              f"{result.p50_ms:>9.1f}{result.p99_ms:>9.1f}")


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
    return Measured(name, len(ordered), errors, seconds, _percentile(ordered, 0.50) * 1000,
                    _percentile(ordered, 0.99) * 1000)


# wrk runs this script: it walks the paths in turn with the same headers, and at the end prints one
# line the command parses (wrk's own summary is for people). Errors are failed connections, reads,
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
        run = subprocess.run(
            ["wrk", "--threads", "1", "--connections", str(concurrency), "--duration", f"{max(1, round(seconds))}s",
             "--timeout", "10s", "--script", file.name, f"http://127.0.0.1:{port}{paths[0]}"],
            capture_output=True, text=True, timeout=seconds + 30,
        )
    line = next((line for line in run.stdout.splitlines() if line.startswith("FACTDESK ")), None)
    if run.returncode != 0 or line is None:
        raise CommandError(f"wrk failed ({run.returncode}): {(run.stderr or run.stdout)[-1000:]}")
    requests, errors, duration_us, p50_us, p99_us = line.split()[1:]
    return Measured(name, int(requests), int(errors), int(duration_us) / 1e6, float(p50_us) / 1000,
                    float(p99_us) / 1000)


def _percentile(ordered: list[float], fraction: float) -> float:
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _get(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _published(index: int):
    from datetime import datetime, timedelta, timezone

    return datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(hours=index)


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        raise CommandError("set DATABASE_URL so that gunicorn serves the same database")
    return url
