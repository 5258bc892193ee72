"""`manage.py chaos_check`: ingest articles while a worker is SIGKILLed and the broker is stopped,
then report what was stored, what was done, what was misreported, and how long recovery took.

Everything runs on this machine, on loopback: a Redis of its own (default port
6391, no persistence, so stopping it loses every queued message, the worst
case), one Celery worker and celery beat (the dispatcher every ~10 s), both
restarted the way a supervisor would. The database is DATABASE_URL's
(PostgreSQL: the worker processes share it); only the rows this run made are
counted. The run is bounded by --timeout.

    1. ingest a first batch (broker up); SIGKILL the worker while it extracts; start a new one
    2. stop Redis; ingest a second batch (every input must still say "stored, extraction queued", exit 0)
    3. start Redis again (empty) after --outage seconds; ingest a third batch
    4. wait until every job has finished; report
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from claims.models import Claim, ExtractionJob, JobStatus
from sources.models import Document

ROOT = Path(__file__).resolve().parents[3]
STORED = re.compile(r"^new: (?P<path>.+?) → document (?P<document>\d+) stored, extraction job (?P<job>\d+) queued\b")


class Command(BaseCommand):
    help = ("Ingest articles while SIGKILLing the worker once and stopping a Redis this command started; "
            "report documents, jobs succeeded/failed/stuck, claims, duplicates, misreports and recovery time.")

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=60, help="articles in all, in three batches")
        parser.add_argument("--redis-port", type=int, default=6391)
        parser.add_argument("--outage", type=float, default=5.0, help="seconds the broker stays down")
        parser.add_argument("--timeout", type=float, default=240.0, help="give up waiting after this")
        parser.add_argument("--keep", action="store_true", help="keep the articles and the worker/beat logs")

    def handle(self, *args, articles: int, redis_port: int, outage: float, timeout: float, **options):
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("set DATABASE_URL to PostgreSQL: the worker processes and this one share it")
        if not shutil.which("redis-server"):
            raise CommandError("redis-server is not installed (Debian: apt-get install redis-server)")
        self.work = Path(tempfile.mkdtemp(prefix="factdesk-chaos-")).resolve()
        self.redis_port = redis_port
        self.env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0", "LOG_LEVEL": "WARNING",
                    "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0"}
        self.processes: list[subprocess.Popen] = []
        started = time.monotonic()
        try:
            self._run(articles, outage, timeout)
        finally:
            for process in self.processes:
                if process.poll() is None:
                    process.terminate()
            for process in self.processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            self._redis_stop()
            if options.get("keep"):
                self.stdout.write(f"(logs kept in {self.work})")
            else:
                shutil.rmtree(self.work, ignore_errors=True)
        self.stdout.write(f"(whole run {time.monotonic() - started:.0f} s)")

    # --- the run ---------------------------------------------------------------------

    def _run(self, articles: int, outage: float, timeout: float) -> None:
        batches = self._articles(articles)
        self._redis_start()
        beat = self._spawn("beat", ["beat", "--schedule", str(self.work / "beat-schedule")])
        worker = self._worker()
        load = os.getloadavg()
        self.stdout.write(f"chaos_check: {articles} articles, Redis on 127.0.0.1:{self.redis_port}, "
                          f"load average {load[0]:.2f}")
        reports = []

        # 1. A batch while the worker extracts; SIGKILL it mid-way, then start another (a supervisor's job).
        reports.append(self._ingest(batches[0]))
        self._wait_for_running_job(seconds=30)
        os.killpg(worker.pid, signal.SIGKILL)  # the worker and its pool processes, mid-job
        worker.wait(timeout=10)
        killed_at = time.monotonic()
        self.stdout.write("  worker SIGKILLed while extracting; a new one started")
        worker = self._worker()

        # 2. The broker goes away; ingest must still store and report every document as queued.
        self._redis_stop()
        down_at = time.monotonic()
        self.stdout.write("  Redis stopped (its queued messages are lost with it)")
        reports.append(self._ingest(batches[1]))
        time.sleep(max(0.0, outage - (time.monotonic() - down_at)))
        self._redis_start()
        back_at = time.monotonic()
        self.stdout.write(f"  Redis back after {back_at - down_at:.1f} s, empty")

        # 3. Ingest goes on after the outage.
        reports.append(self._ingest(batches[2]))

        # 4. Wait for every job of this run to finish.
        origins = [str(path) for batch in batches for path in batch]
        deadline = back_at + timeout
        next_line = time.monotonic()
        while time.monotonic() < deadline:
            jobs = ExtractionJob.objects.filter(document__origin__in=origins)
            if not jobs.unfinished().exists():
                break
            if time.monotonic() >= next_line:
                counts = Counter(jobs.values_list("status", flat=True))
                self.stdout.write(f"  {time.monotonic() - back_at:5.0f} s after the broker's return: "
                                  + ", ".join(f"{status} {n}" for status, n in sorted(counts.items())))
                next_line += 10
            time.sleep(0.5)
        done_at = time.monotonic()
        self._report(origins, reports, recovery=done_at - back_at, since_kill=done_at - killed_at,
                     finished=done_at < deadline)
        beat.terminate()

    def _articles(self, count: int) -> list[list[Path]]:
        from benchmarks.extraction.generated import generate_corpus

        corpus = generate_corpus(count, seed=int(time.time()))
        paths = []
        for index, article in enumerate(corpus):
            path = self.work / f"article-{index:03d}.txt"
            path.write_text(f"Title: {article.title} ({self.work.name} {index})\nOutlet: Chaos Wire\n"
                            f"Published: {article.published.isoformat()}\n\n{article.text}\n")
            paths.append(path)
        first, second = count // 2, count // 2 + count // 4
        return [paths[:first], paths[first:second], paths[second:]]

    def _ingest(self, paths: list[Path]) -> dict:
        result = subprocess.run([sys.executable, "manage.py", "ingest", *map(str, paths), "--no-progress"],
                                cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300)
        stored = [STORED.match(line) for line in result.stdout.splitlines()]
        return {"exit": result.returncode, "inputs": len(paths), "stored": [m for m in stored if m],
                "failed_lines": [line for line in result.stderr.splitlines() if line.startswith("failed")]}

    def _wait_for_running_job(self, *, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if ExtractionJob.objects.filter(status=JobStatus.RUNNING,
                                            document__origin__startswith=str(self.work)).exists():
                return
            time.sleep(0.01)

    # --- processes -----------------------------------------------------------------------

    def _spawn(self, name: str, arguments: list[str]) -> subprocess.Popen:
        log = open(self.work / f"{name}.log", "a")  # noqa: SIM115 — closed with the process
        process = subprocess.Popen([sys.executable, "-m", "celery", "-A", "factdesk", *arguments,
                                    "--loglevel", "WARNING"], cwd=ROOT, env=self.env, stdout=log, stderr=log,
                                   start_new_session=True)
        self.processes.append(process)
        return process

    def _worker(self) -> subprocess.Popen:
        return self._spawn("worker", ["worker", "--concurrency", "2", "--without-gossip", "--without-mingle",
                                      "--hostname", f"chaos{len(self.processes)}@%h"])

    def _redis_start(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.work)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True,
                              text=True).stdout.strip() == "PONG":
                return
            time.sleep(0.05)
        raise CommandError(f"redis-server did not start on port {self.redis_port}")

    def _redis_stop(self) -> None:
        redis = getattr(self, "redis", None)
        if redis is not None and redis.poll() is None:
            redis.terminate()
            redis.wait(timeout=10)

    # --- the report --------------------------------------------------------------------------

    def _report(self, origins: list[str], reports: list[dict], *, recovery: float, since_kill: float,
                finished: bool) -> None:
        documents = Document.objects.filter(origin__in=origins)
        jobs = ExtractionJob.objects.filter(document__in=documents)
        statuses = Counter(jobs.values_list("status", flat=True))
        claims = Claim.objects.filter(document__in=documents)
        duplicate_documents = documents.values("content_hash").annotate(n=Count("id")).filter(n__gt=1).count()
        duplicate_claims = (claims.values("document", "kind", "start", "end").annotate(n=Count("id"))
                            .filter(n__gt=1).count())
        said_stored = {m["path"]: (int(m["document"]), int(m["job"])) for report in reports for m in report["stored"]}
        misreported = sum(1 for path in origins if path not in said_stored)  # failed, or said nothing
        misreported += sum(1 for document_id, job_id in said_stored.values()
                           if not jobs.filter(pk=job_id, document_id=document_id).exists())
        lost = len(origins) - documents.count()
        exits = [report["exit"] for report in reports]
        retried = jobs.filter(attempts__gt=1).count()
        load = os.getloadavg()
        lines = [
            f"articles {len(origins)}; ingest exit codes {exits} (during the outage: {exits[1]})",
            f"documents stored {documents.count()} (lost {lost}, duplicated {duplicate_documents})",
            f"jobs succeeded {statuses.get('succeeded', 0)}, failed {statuses.get('failed', 0)}, "
            f"stuck {statuses.get('queued', 0) + statuses.get('running', 0)} (taken more than once: {retried})",
            f"claims {claims.count()} (duplicated {duplicate_claims})",
            f"misreported {misreported}",
            f"recovery: every job done {recovery:.1f} s after the broker's return "
            f"({since_kill:.1f} s after the worker was killed){'' if finished else ' — TIMED OUT'}",
            f"load average now {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        ]
        for line in lines:
            self.stdout.write(line)
        ok = (finished and lost == 0 and duplicate_documents == 0 and duplicate_claims == 0 and misreported == 0
              and statuses.get("failed", 0) == 0 and set(exits) == {0})
        self.stdout.write(self.style.SUCCESS("chaos_check: nothing lost, duplicated or misreported") if ok
                          else self.style.ERROR("chaos_check: FAILED (see above)"))
        if not ok:
            raise CommandError("work was lost, duplicated, misreported or not finished in time", returncode=1)
