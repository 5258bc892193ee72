"""`manage.py benchmark_webhooks`: new claims fanned out to local receivers through real workers,
Redis and PostgreSQL; deliveries per second and creation-to-receipt latency, three ways."""
from __future__ import annotations

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError



class Command(BaseCommand):
    help = ("1,000 new claims to 5 local endpoints through real Celery workers: all healthy; then one endpoint "
            "failing half its requests and one hanging until the timeout; then all healthy with two worker "
            "processes. Needs DATABASE_URL (PostgreSQL) and REDIS_URL. Loopback only; cleans up after itself.")

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1000)
        parser.add_argument("--endpoints", type=int, default=5)
        parser.add_argument("--threads", type=int, default=16, help="threads per worker process (default 16)")
        parser.add_argument("--port", type=int, default=8150, help="first receiver port on 127.0.0.1 (default 8150)")
        parser.add_argument("--timeout", type=float, default=300, help="give up waiting after this many seconds")
        parser.add_argument("--only", choices=["healthy", "faults", "two-workers"], default=None)

    def handle(self, *args, claims: int, endpoints: int, threads: int, port: int, timeout: float, only, **options):
        from benchmarks import webhooks as benchmark

        problem = benchmark.preconditions()
        if problem:
            raise CommandError(problem)
        if endpoints < 3:
            raise CommandError("--endpoints must be 3 or more (the fault run needs a flaky and a hanging one)")
        # The receivers live on loopback; this process makes their endpoints, the workers deliver to them.
        settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
        healthy = ["healthy"] * endpoints
        faults = ["healthy"] * (endpoints - 2) + ["flaky", "hanging"]
        scenarios = [("healthy", healthy, 1), ("faults", faults, 1), ("two-workers", healthy, 2)]
        load = os.getloadavg()
        self.stdout.write(f"{claims} claims × {endpoints} endpoints; workers: {threads} threads each; "
                          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        self.stdout.write(f"{'scenario':<12} {'received':>15} {'deliv/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
                          f"{'dupes':>5} {'bad sig':>7} {'worker CPU ms/attempt':>21}")
        for name, modes, worker_count in scenarios:
            if only and only != name:
                continue
            result = benchmark.run_scenario(name=name, claims=claims, modes=modes, worker_count=worker_count,
                                            threads=threads, base_port=port, hang_seconds=15, timeout=timeout,
                                            write=self.stdout.write)
            self.stdout.write(f"{name:<12} {result.deliveries:>7}/{result.expected:<7} {result.rate:>8.1f} "
                              f"{result.p50_ms:>8.0f} {result.p99_ms:>8.0f} {result.duplicates:>5} "
                              f"{result.bad_signatures:>7} {result.worker_cpu_ms_per_delivery:>21.2f}")
        load = os.getloadavg()
        self.stdout.write(f"(latency: healthy endpoints only; 'received' counts first receipts at every endpoint but "
                          f"the hanging one; load average after {load[0]:.2f})")
