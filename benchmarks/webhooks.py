"""What `manage.py benchmark_webhooks` runs: new claims fanned out to local receivers through real
Celery worker processes, Redis and PostgreSQL, measured at the receivers.

Each scenario makes its endpoints, records `claim.created` events for new
claims in batches (as an extraction does, one transaction per document), and
waits until every healthy endpoint has every event. Receivers verify each
signature with `standardwebhooks` and note the time; latency is from the
event's creation (its row's timestamp) to its first receipt. Deliveries per
second count first receipts at the measured endpoints over the time from the
first event to the last receipt. Everything listens on 127.0.0.1 and is
removed at the end.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from claims import outbox
from claims.models import Claim
from claims.webhooks.models import Attempt, Delivery, Endpoint, Event
from claims.webhooks.services import claim_events_record, endpoint_create
from sources.models import Document, text_hash

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Shelling killed {n} people in the district, officials said. "
BATCH = 25  # claims per transaction in a burst, like one long document's extraction
PACED_BATCH = 5  # claims per transaction when paced: a short article's worth, several a second


@dataclass
class Receipts:
    """What one receiver saw: first receipt time per webhook-id, duplicates, refused signatures."""

    mode: str  # "healthy", "flaky" (fails each event's first request), "hanging" (never answers in time)
    secret: str = ""
    first: dict[str, float] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)  # the flaky receiver's answered-500 webhook-ids
    duplicates: int = 0
    bad_signatures: int = 0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(receipts: Receipts, hang_seconds: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keeps the connection open between requests, as most servers do

        def do_POST(self):  # noqa: N802
            now = time.time()
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            webhook_id = self.headers.get("webhook-id", "")
            with receipts.lock:
                receipts.requests += 1
                # Flaky: each event's first request fails (500) and its retry succeeds, so half of
                # all the requests it gets fail, and every one of its deliveries needs a retry.
                fail = receipts.mode == "flaky" and webhook_id not in receipts.refused
                if fail:
                    receipts.refused.add(webhook_id)
            if receipts.mode == "hanging":
                time.sleep(hang_seconds)  # a receiver that never answers before the sender's timeout
            if not fail:
                try:
                    Webhook(receipts.secret).verify(body, dict(self.headers.items()), json_parse=False)
                except WebhookVerificationError:
                    with receipts.lock:
                        receipts.bad_signatures += 1
                else:
                    with receipts.lock:
                        if webhook_id in receipts.first:
                            receipts.duplicates += 1
                        else:
                            receipts.first[webhook_id] = now
            try:
                self.send_response(500 if fail else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def receiver(receipts: Receipts, port: int, hang_seconds: float) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(receipts, hang_seconds))
    server.daemon_threads = True
    server.request_queue_size = 256
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/hooks"
    finally:
        server.shutdown()
        server.server_close()


def worker_env() -> dict[str, str]:
    return {**os.environ, "FACTDESK_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8", "LOG_LEVEL": "WARNING"}


@contextmanager
def workers(count: int, threads: int) -> Iterator[list[subprocess.Popen]]:
    """`count` worker processes on the webhooks queue, `threads` threads each; ready when yielded."""
    processes = []
    try:
        for number in range(count):
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "factdesk", "worker", "-Q", "webhooks", "--pool", "threads",
                 "--concurrency", str(threads), "--hostname", f"bench{number}@%h", "--loglevel", "INFO",
                 "--without-gossip", "--without-mingle", "--without-heartbeat"],
                cwd=ROOT, env=worker_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            ))
        for process in processes:
            _wait_ready(process)
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_ready(process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            raise RuntimeError(f"a worker exited at start (code {process.returncode})")
        if " ready." in line:
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()  # keep draining
            return
    raise RuntimeError("a worker did not get ready within a minute")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its reaped children, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def dispatcher(every: float) -> Iterator[None]:
    """The dispatcher, as beat would run it (here every `every` seconds, in this process)."""
    stop = threading.Event()

    def loop():
        from django.db import connection

        while not stop.wait(every):
            try:
                outbox.dispatch()
            except Exception:  # noqa: BLE001 — a missed round is retried by the next
                pass
        connection.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)


@dataclass(frozen=True)
class Result:
    name: str
    deliveries: int  # first receipts at the measured endpoints
    expected: int
    seconds: float
    p50_ms: float
    p99_ms: float
    duplicates: int  # requests for an event already received, at the measured endpoints
    hanging_repeats: int  # the same at the hanging receiver (it answers after the sender gave up)
    bad_signatures: int
    worker_cpu_ms_per_attempt: float
    hanging_max_in_flight: int  # the most attempts the hanging endpoint held at once (0: none in the run)
    load: tuple[float, float]  # the 1-minute load average at the start and at the end
    arrival_seconds: float  # from the first claim's transaction to the last one's commit

    @property
    def rate(self) -> float:
        return self.deliveries / self.seconds if self.seconds else 0.0


def claims_make(document: Document, start: int, count: int) -> list[int]:
    sentence_length = len(SENTENCE.format(n=10))
    claims = []
    for number in range(start, start + count):
        offset = number * sentence_length
        text = document.text[offset:offset + sentence_length - 1]
        claims.append(Claim(document=document, kind="casualty", start=offset, end=offset + len(text), text=text,
                            outcome="killed", count=10 + number % 90, qualifier="exact", confidence=0.9,
                            extractor="benchmark", extractor_version="0", fingerprint=f"bench-{number}"))
    return [claim.pk for claim in Claim.objects.bulk_create(claims)]


def queue_purge() -> int:
    """Empty the broker's webhooks queue: messages left by an interrupted run would be worked through first.

    Run the benchmark against a Redis database of its own: in a live one this
    drops real deliveries' messages (the dispatcher would send them again, late).
    """
    from factdesk.celery import app

    with app.connection_for_write() as connection:
        return connection.default_channel.queue_purge("webhooks") or 0


def run_scenario(*, name: str, claims: int, modes: list[str], worker_count: int, threads: int, base_port: int,
                 hang_seconds: float, timeout: float, rate: float | None = None, write=None) -> Result:
    """One run: `claims` new claims in a burst (rate None: batches of BATCH back to back) or paced at
    `rate` claims per second (a document of PACED_BATCH claims at a time, evenly spread)."""
    queue_purge()
    receipts = [Receipts(mode) for mode in modes]
    numbers = "".join(SENTENCE.format(n=10 + n % 90) for n in range(claims))
    document = Document.objects.create(title=f"benchmark_webhooks {name}", text=numbers, raw=numbers,
                                       content_hash=text_hash(numbers + name + str(time.time())),
                                       origin="benchmark_webhooks")
    endpoints = []
    batch = PACED_BATCH if rate else BATCH
    try:
        with ExitStack() as stack:
            for index, receipt in enumerate(receipts):
                url = stack.enter_context(receiver(receipt, base_port + index, hang_seconds))
                endpoint, receipt.secret = endpoint_create(url=url, event_types=["claim.created"], actor=None,
                                                           description=f"benchmark {name} {receipt.mode}")
                endpoints.append(endpoint)
            processes = stack.enter_context(workers(worker_count, threads))
            # As celery beat runs it in production, at the same period.
            stack.enter_context(dispatcher(every=settings.FACTDESK_DISPATCH_EVERY_SECONDS))
            load_before = os.getloadavg()[0]
            cpu_before = sum(cpu_seconds(process.pid) for process in processes)
            started = time.time()
            next_batch = time.monotonic()
            for batch_start in range(0, claims, batch):
                if rate:
                    time.sleep(max(0.0, next_batch - time.monotonic()))
                    next_batch += batch / rate
                with transaction.atomic():
                    ids = claims_make(document, batch_start, min(batch, claims - batch_start))
                    claim_events_record(type="claim.created", claim_ids=ids)
            arrival_seconds = time.time() - started  # a loaded machine may not keep up with the asked rate
            measured = [r for r in receipts if r.mode != "hanging"]
            expected = claims * len(measured)
            deadline = time.monotonic() + timeout
            while sum(len(r.first) for r in measured) < expected and time.monotonic() < deadline:
                time.sleep(0.1)
            cpu = sum(cpu_seconds(process.pid) for process in processes) - cpu_before
            created = dict(Event.objects.filter(deliveries__endpoint__in=endpoints).distinct()
                           .values_list("webhook_id", "created_at"))
            latencies = sorted((at - created[webhook_id].timestamp()) * 1000
                               for r in measured if r.mode == "healthy" for webhook_id, at in r.first.items())
            received = sum(len(r.first) for r in measured)
            last = max((at for r in measured for at in r.first.values()), default=started)
            attempts = Delivery.objects.filter(endpoint__in=endpoints).aggregate(n=Sum("attempts"))["n"] or 0
            hanging = [r for r in receipts if r.mode == "hanging"]
            result = Result(
                name=name, deliveries=received, expected=expected, seconds=last - started,
                p50_ms=_percentile(latencies, 50), p99_ms=_percentile(latencies, 99),
                duplicates=sum(r.duplicates for r in measured), hanging_repeats=sum(r.duplicates for r in hanging),
                bad_signatures=sum(r.bad_signatures for r in receipts),
                worker_cpu_ms_per_attempt=cpu * 1000 / max(attempts, 1),
                hanging_max_in_flight=_most_at_once(endpoints, receipts, "hanging"),
                load=(load_before, os.getloadavg()[0]), arrival_seconds=arrival_seconds,
            )
            # Stop the hanging endpoint's remaining deliveries before the receivers go away.
            Endpoint.objects.filter(pk__in=[e.pk for e in endpoints]).update(is_active=False)
    finally:
        events = list(Event.objects.filter(deliveries__endpoint__in=endpoints).values_list("pk", flat=True))
        Endpoint.objects.filter(pk__in=[e.pk for e in endpoints]).delete()
        Event.objects.filter(pk__in=events).delete()
        document.delete()
    return result


def _most_at_once(endpoints: list[Endpoint], receipts: list[Receipts], mode: str) -> int:
    """The most attempts at the `mode` endpoint running at one moment, from the attempt log (start, latency).

    Measured at the sender: the receiver's own count would include requests the
    sender had already given up on (the hanging receiver answers after the timeout).
    """
    ids = [endpoint.pk for endpoint, receipt in zip(endpoints, receipts, strict=True) if receipt.mode == mode]
    edges = []
    for started, latency in Attempt.objects.filter(delivery__endpoint_id__in=ids).values_list("started_at",
                                                                                             "latency_ms"):
        start = started.timestamp()
        edges += [(start, 1), (start + (latency or 0) / 1000, -1)]
    most = current = 0
    for _, step in sorted(edges, key=lambda edge: (edge[0], edge[1])):
        current += step
        most = max(most, current)
    return most


def _percentile(values: list[float], percent: float) -> float:
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, round(percent / 100 * len(values) + 0.5) - 1))
    return values[index]


def preconditions() -> str:
    """Why the benchmark cannot run here, or ""."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "set REDIS_URL: the benchmark runs real worker processes through Redis"
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "set DATABASE_URL to PostgreSQL: worker processes and this one share the database"
    return ""
