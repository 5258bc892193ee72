"""Print the claims of one article as JSON (the contract in shared/eval/CONTRACT.md); touches no database row."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Extract the claims of one plain-text article and print them as JSON, without touching the database."
    requires_system_checks = []  # no database, no checks: it must run on any checkout

    def add_arguments(self, parser):
        parser.add_argument("path", help="a UTF-8 plain-text article")
        parser.add_argument("--published", required=True, help="the article's publication date, YYYY-MM-DD")

    def handle(self, *args, path: str, published: str, **options):
        try:
            published_on = date.fromisoformat(published)
        except ValueError:
            raise CommandError(f"--published must be a date as YYYY-MM-DD, got {published!r}") from None
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
        from claims.extraction import extract  # the engine loads only when a command extracts

        result = extract(text, published_on)
        payload = {
            "extractor": result.extractor,
            "version": result.version,
            "claims": [claim.as_contract() for claim in result.claims],
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
