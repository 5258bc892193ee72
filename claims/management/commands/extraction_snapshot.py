"""python manage.py extraction_snapshot [--update]: is EXTRACTOR_VERSION's recorded output still the engine's?"""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run the engine over the realistic corpus and compare the digest of its output with the one recorded "
        "for EXTRACTOR_VERSION (benchmarks/extraction/output_digests.json); --update records it."
    )
    requires_system_checks = []  # no database: it must run on any checkout

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true",
                            help="record the current version's digest (refused if that version is recorded "
                                 "with another output: bump EXTRACTOR_VERSION first)")

    def handle(self, *args, update: bool, **options):
        from benchmarks.extraction import snapshot as snapshots

        current = snapshots.take_snapshot()
        said = f"version {current.version}: {current.claims} claims on {current.articles} articles, output {current.output[:12]}"
        if update:
            try:
                changed = snapshots.record(current)
            except snapshots.VersionNotBumped as refused:
                raise CommandError(str(refused)) from None
            self.stdout.write(f"{said} — {'recorded' if changed else 'already recorded'} in {snapshots.DIGESTS_FILE.name}")
            return
        problem = snapshots.problem(current, snapshots.recorded_digests())
        if problem:
            raise CommandError(problem)
        self.stdout.write(f"{said} — matches the recorded digest")
