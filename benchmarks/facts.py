"""What `manage.py benchmark_facts` runs: a generated world of claims to group into facts.

N casualty and ceasefire claims over N/10 documents from 20 outlets, about 60
events (pairs of sides, a few weeks apart) with tolls that rise and sides that
disagree. It writes to the configured database: the command runs it on an empty one.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from django.core.management.base import CommandError
from django.db import connection, transaction

from claims.facts.models import Fact, FactClaim, Party
from claims.models import Claim
from sources.models import Document, Outlet, Speaker, text_hash

GROUPS = ("soldiers", "servicemen", "troops", "civilians", "residents")
START = datetime(2022, 1, 3, 6, tzinfo=timezone.utc)


def generate(total: int, rng: random.Random) -> int:
    """`total` claims over documents from 20 outlets about 60 events; the number of documents made."""
    sides = list(Party.objects.order_by("name").values_list("name", flat=True)[:24])
    if len(sides) < 4:
        raise CommandError("the parties were not seeded: run migrate first")
    outlets = [Outlet.objects.create(name=f"Benchmark Outlet {i}", domain=f"bench{i}.example") for i in range(20)]
    speakers = {side: Speaker.objects.create(name=f"{side} defence ministry", kind="organisation")
                for side in sides}
    events = [(rng.sample(sides, 2), START + timedelta(days=rng.randrange(0, 700))) for _ in range(60)]
    per_document = 10
    made = 0
    with transaction.atomic():
        while made < total:
            (side_a, side_b), day = rng.choice(events)
            published = day + timedelta(hours=rng.randrange(0, 96))
            lines = [f"Fighting between {side_a} and {side_b} went on, officials in both capitals said."]
            facts = []
            for _ in range(min(per_document, total - made)):
                side = rng.choice((side_a, side_b))
                if rng.random() < 0.12:
                    facts.append(("ceasefire", side, None, None, f"A truce between {side_a} and {side_b} began "
                                                                 "at 06:00 GMT."))
                    continue
                group = rng.choice(GROUPS)
                count = rng.randrange(3, 400)
                facts.append(("casualty", side, group, count, f"The {side} defence ministry said {count} of its "
                                                              f"{group} were killed."))
            text = "\n\n".join(lines + [sentence for *_, sentence in facts])
            document = Document.objects.create(
                title=f"{side_a} and {side_b}: fighting", outlet=rng.choice(outlets), published_at=published,
                raw=text, text=text, content_hash=text_hash(f"{text}\n{made}"), url=None,
            )
            rows = []
            for index, (kind, side, group, count, sentence) in enumerate(facts):
                start = text.index(sentence)
                passage = sentence if kind == "ceasefire" else f"{count} of its {group} were killed"
                start = text.index(passage, start)
                rows.append(Claim(
                    kind=kind, document=document, start=start, end=start + len(passage), text=passage,
                    speaker=speakers[side], outcome="killed" if kind == "casualty" else "",
                    count=count, qualifier="exact" if kind == "casualty" else "", group=group or "",
                    effective_at=published.replace(hour=6, minute=0) if kind == "ceasefire" else None,
                    precision="minute" if kind == "ceasefire" else "", confidence=0.9,
                    extractor="benchmark", extractor_version="0", rule="benchmark",
                    fingerprint=f"{document.pk:032x}{index:032x}", extracted_values={},
                ))
            Claim.objects.bulk_create(rows)
            made += len(rows)
    return Document.objects.filter(outlet__in=outlets).count()


def clean() -> None:
    """Delete every fact, claim and document, and the generated speakers and outlets."""
    with transaction.atomic():
        FactClaim.objects.all().delete()
        with connection.cursor() as cursor:  # fact events refuse DELETE through the ORM and the trigger
            if connection.vendor == "postgresql":
                cursor.execute("TRUNCATE facts_factevent")
            else:
                cursor.execute("DELETE FROM facts_factevent")
        Fact.objects.all().delete()
        Claim.objects.all().delete()
        Document.objects.all().delete()
        Speaker.objects.filter(name__endswith=" defence ministry").delete()
        Outlet.objects.filter(name__startswith="Benchmark Outlet").delete()
