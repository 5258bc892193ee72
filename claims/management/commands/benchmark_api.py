"""python manage.py benchmark_api: the claims list and the claim page against a bare values()+JsonResponse
floor, served by gunicorn over 100,000 claims in PostgreSQL (or profiled in this process with --profile).

The benchmark itself lives in the top-level `benchmarks.api` package, imported here when the command runs.
"""
from __future__ import annotations

import os
import shutil

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = ("Load claims over documents into PostgreSQL (bulk_create), serve with gunicorn on 127.0.0.1 and drive "
            "the filtered claims list (page size 50) and claim pages with a bounded load, beside a bare "
            "values()+JsonResponse floor; prints req/s and p50/p99. --profile N instead runs each scenario N "
            "times in this process and prints CPU per request and where the API's time goes (cProfile).")

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
        parser.add_argument("--rounds", type=int, default=1,
                            help="alternate each API scenario with its floor in this many rounds, each with its "
                                 "share of --requests and --seconds (default 1: one after the other); on a shared "
                                 "machine both then meet the same load")
        parser.add_argument("--profile", type=int, default=0, metavar="N",
                            help="no server: run each scenario N times in this process, print CPU per request "
                                 "and the API's cProfile (top --top functions by own and cumulative time)")
        parser.add_argument("--top", type=int, default=30, help="functions shown per profile (default 30)")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("benchmark_api measures PostgreSQL: set DATABASE_URL=postgres://user@127.0.0.1/db")
        if options["documents"] < 1 or options["claims"] < options["documents"]:
            raise CommandError("need at least one document and at least one claim per document")
        if options["client"] == "wrk" and not shutil.which("wrk"):
            raise CommandError("--client wrk: wrk is not installed (Debian: apt-get install wrk)")
        if options["client"] == "auto":
            options["client"] = "wrk" if shutil.which("wrk") else "python"
        for name in ("requests", "concurrency", "workers", "threads", "page_size", "top", "rounds"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1")
        if options["profile"] < 0:
            raise CommandError("--profile must not be negative")
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url:
            raise CommandError("set DATABASE_URL so that gunicorn serves the same database")

        from benchmarks.api import data, run

        call_command("migrate", verbosity=0)
        data.load(claims=options["claims"], documents=options["documents"], reload=options["reload"],
                  write=self.stdout.write)
        if options["profile"]:
            run.profile(requests=options["profile"], page_size=options["page_size"], top=options["top"],
                        write=self.stdout.write)
        else:
            run.measure(options=options, database_url=database_url, write=self.stdout.write)
