"""The benchmark's rows: claims over documents in PostgreSQL, loaded once and reused, and a reader."""
from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from django.contrib.auth.models import Group, User
from django.db import connection, transaction

from claims.api.tokens import token_create
from claims.models import Claim
from sources.models import Document, Outlet, Speaker, normalize_name, text_hash

ORIGIN = "benchmark_api"
BENCH_USER = "benchmark-reader"
STATUSES = ["pending"] * 14 + ["approved"] * 3 + ["rejected"] * 2 + ["disputed"]
PLACES = ["the river port", "the northern ridge", "the old market", "the rail junction", "the border post"]


def load(*, claims: int, documents: int, reload: bool, write: Callable[[str], None]) -> None:
    """`claims` casualty claims spread over `documents` documents of the benchmark's origin.

    Rows already there in the same numbers are reused unless `reload`; otherwise the
    benchmark's own documents and claims (only those) are deleted and loaded afresh.
    """
    have_docs = Document.objects.filter(origin=ORIGIN).count()
    have_claims = Claim.objects.filter(document__origin=ORIGIN).count()
    if not reload and (have_docs, have_claims) == (documents, claims):
        write(f"data: reusing {have_claims:,} claims over {have_docs:,} documents")
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
    write(f"data: loaded {claims:,} claims over {documents:,} documents in {time.perf_counter() - started:.1f} s")


def reader() -> User:
    """The benchmark's user, in the reader role."""
    user, _ = User.objects.get_or_create(username=BENCH_USER)
    user.groups.add(Group.objects.get(name="reader"))
    return user


def reader_token() -> str:
    """A new token of the benchmark's reader; its secret."""
    _, secret = token_create(user=reader(), name=f"benchmark {time.strftime('%Y-%m-%d %H:%M')}", actor=None)
    return secret


def sample_claim_ids(count: int = 1000) -> list[int]:
    return list(Claim.objects.filter(document__origin=ORIGIN).order_by("?").values_list("pk", flat=True)[:count])


def _published(index: int) -> datetime:
    return datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(hours=index)
