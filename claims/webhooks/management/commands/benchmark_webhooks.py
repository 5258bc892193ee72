"""`manage.py benchmark_webhooks`: new claims fanned out to local receivers through real workers,
Redis and PostgreSQL; deliveries per second and creation-to-receipt latency, in a burst or paced."""
from __future__ import annotations

import os
import signal
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SCENARIOS = ("healthy", "faults", "two-workers")


class Command(BaseCommand):
    help = ("New claims to 5 local endpoints through real Celery workers: all healthy; then one endpoint "
            "failing half its requests and one hanging until the timeout; then all healthy with two worker "
            "processes. --rate paces the claims (claims per second); without it they come in one burst. "
            "Needs DATABASE_URL (PostgreSQL) and REDIS_URL (a database of its own: the webhooks queue is "
            "emptied first). Loopback only; cleans up after itself.")

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1000)
        parser.add_argument("--endpoints", type=int, default=5)
        parser.add_argument("--rate", type=float, default=None,
                            help="claims per second, arriving a short document (5 claims) at a time; "
                                 "default: all at once, in transactions of 25")
        parser.add_argument("--threads", type=int, default=16, help="threads per worker process (default 16)")
        parser.add_argument("--port", type=int, default=8150, help="first receiver port on 127.0.0.1 (default 8150)")
        parser.add_argument("--timeout", type=float, default=120,
                            help="stop waiting for receipts this many seconds after the last claim (default 120)")
        parser.add_argument("--only", choices=SCENARIOS, action="append", default=None,
                            help="run this scenario only (repeatable)")

    def handle(self, *args, claims: int, endpoints: int, rate, threads: int, port: int, timeout: float, only,
               **options):
        from benchmarks import webhooks as benchmark

        problem = benchmark.preconditions()
        if problem:
            raise CommandError(problem)
        if endpoints < 3:
            raise CommandError("--endpoints must be 3 or more (the fault run needs a flaky and a hanging one)")
        if rate is not None and rate <= 0:
            raise CommandError("--rate must be a positive number of claims per second")
        # A SIGTERM (`timeout`, a CI job stopped) unwinds like Ctrl-C: the workers are stopped and the
        # benchmark's endpoints, events and claims deleted, so no later run delivers to them.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        # The receivers live on loopback; this process makes their endpoints, the workers deliver to them.
        settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
        healthy = ["healthy"] * endpoints
        faults = ["healthy"] * (endpoints - 2) + ["flaky", "hanging"]
        scenarios = [("healthy", healthy, 1), ("faults", faults, 1), ("two-workers", healthy, 2)]
        arrival = f"paced at {rate:g} claims/s" if rate else "in one burst"
        self.stdout.write(f"{claims} claims × {endpoints} endpoints, {arrival}; {threads} threads per worker; "
                          f"dispatcher every {settings.FACTDESK_DISPATCH_EVERY_SECONDS:g} s; "
                          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        self.stdout.write(f"{'scenario':<12} {'received':>15} {'deliv/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
                          f"{'dupes':>5} {'bad sig':>7} {'CPU ms/attempt':>14} {'hanging held':>12} {'load':>11}")
        for name, modes, worker_count in scenarios:
            if only and name not in only:
                continue
            result = benchmark.run_scenario(name=name, claims=claims, modes=modes, worker_count=worker_count,
                                            threads=threads, base_port=port, timeout=timeout,
                                            hang_seconds=settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS + 1,
                                            rate=rate)
            held = f"{result.hanging_max_in_flight}/{threads * worker_count}" if "hanging" in modes else "—"
            self.stdout.write(f"{name:<12} {result.deliveries:>7}/{result.expected:<7} {result.rate:>8.1f} "
                              f"{result.p50_ms:>8.0f} {result.p99_ms:>8.0f} {result.duplicates:>5} "
                              f"{result.bad_signatures:>7} {result.worker_cpu_ms_per_attempt:>14.2f} {held:>12} "
                              f"{result.load[0]:>5.2f}→{result.load[1]:<5.2f}")
            self.stdout.write(f"{'':<12} the {claims} claims arrived in {result.arrival_seconds:.1f} s "
                              f"({claims / max(result.arrival_seconds, 1e-3):.1f} claims/s)")
            if result.hanging_repeats:
                self.stdout.write(f"{'':<12} the hanging receiver got {result.hanging_repeats} events again "
                                  "(it answers after the sender gave up: what webhook-id deduplication is for)")
        self.stdout.write("(latency: healthy endpoints only; 'received': first receipts at every endpoint but the "
                          "hanging one; 'dupes': events a measured receiver got again; 'hanging held': the most "
                          "attempts the hanging endpoint held at once, of the worker threads)")
