"""Time regrouping N claims into facts: generated claims, every one ungrouped, grouped from scratch.

    DATABASE_URL=postgres://…/fd_bench python manage.py benchmark_facts --claims 10000

It writes to the configured database: point it at a throwaway one. The
generated world is N casualty and ceasefire claims over N/10 documents from
20 outlets, about 60 events (pairs of sides, a few weeks apart) with tolls that
rise and sides that disagree. It prints wall-clock and CPU time for grouping
(reading the vocabulary, reading each claim's words, finding its fact, writing
memberships, audit rows and summaries) and the facts made.
"""
from __future__ import annotations

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from claims.facts.models import Fact, FactEvent
from claims.facts.services import facts_group_pending, ungrouped_claims
from claims.models import Claim


class Command(BaseCommand):
    help = "Time grouping N generated claims into facts from scratch (writes to the configured database)."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--keep", action="store_true", help="leave the generated rows in the database")

    def handle(self, *args, claims: int, seed: int, keep: bool, **options):
        from benchmarks import facts as benchmark

        if claims < 10:
            raise CommandError("--claims must be at least 10")
        if Fact.objects.exists() or Claim.objects.exists():
            raise CommandError("the database already holds claims or facts: run this on an empty database")
        self.stdout.write(f"database: {connection.vendor}; generating {claims:,} claims …")
        documents = benchmark.generate(claims, random.Random(seed))
        wall, cpu = time.perf_counter(), time.process_time()
        result = facts_group_pending()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        left = ungrouped_claims().count()
        self.stdout.write(
            f"grouped {result.claims:,} claims from {documents:,} documents into {len(result.created_facts):,} facts "
            f"({result.joined:,} joined an existing fact); {left} left ungrouped\n"
            f"wall {wall:.2f} s ({result.claims / wall:,.0f} claims/s), CPU {cpu:.2f} s in this process "
            f"({cpu / result.claims * 1000:.2f} ms per claim); {FactEvent.objects.count():,} audit rows"
        )
        if not keep:
            benchmark.clean()
