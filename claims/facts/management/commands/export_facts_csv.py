"""Write facts with their series as CSV (one row per claim), streamed, with the API's fact filters."""
from __future__ import annotations

from django.core.management.base import BaseCommand

from claims.facts.filters import FactFilter
from claims.facts.export import facts_csv_stream
from claims.facts.selectors import fact_list

from .export_claimreview import filtered, write


class Command(BaseCommand):
    help = "Facts and their series as CSV. Filters as in the API, e.g. --filter disputed=true --filter kind=casualty."

    def add_arguments(self, parser):
        parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE")
        parser.add_argument("--output", "-o", default="-", help="a file path; - for standard output")

    def handle(self, *args, filter: list[str], output: str, **options):
        write(facts_csv_stream(filtered(FactFilter, fact_list().order_by("id"), filter)), output, self.stdout)
