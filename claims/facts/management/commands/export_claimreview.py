"""Write reviewed claims as schema.org ClaimReview JSON-LD, streamed, with the API's claim filters."""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from claims.facts.filters import ReviewedClaimFilter
from claims.facts.export import claimreview_stream
from claims.facts.selectors import reviewed_claims


class Command(BaseCommand):
    help = ("Reviewed claims (approved, rejected, disputed) as ClaimReview JSON-LD. Filters as in the API, "
            "e.g. --filter status=approved --filter outlet=3 --filter published_after=2022-09-13.")

    def add_arguments(self, parser):
        parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE")
        parser.add_argument("--output", "-o", default="-", help="a file path; - for standard output")

    def handle(self, *args, filter: list[str], output: str, **options):
        claims = filtered(ReviewedClaimFilter, reviewed_claims().order_by("id"), filter)
        write(claimreview_stream(claims), output, self.stdout)


def filtered(filter_class, queryset, pairs: list[str]):
    query = QueryDict(mutable=True)
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise CommandError(f"--filter {pair!r}: write NAME=VALUE")
        query.appendlist(name, value)
    unknown = sorted(set(query) - set(filter_class.base_filters))
    if unknown:
        known = ", ".join(sorted(filter_class.base_filters))
        raise CommandError(f"unknown filter {', '.join(unknown)}; known: {known}")
    filters = filter_class(query, queryset=queryset)
    if not filters.is_valid():
        raise CommandError("; ".join(f"{name}: {' '.join(errors)}" for name, errors in filters.errors.items()))
    return filters.qs


def write(chunks, output: str, stdout) -> None:
    if output == "-":
        for chunk in chunks:
            stdout.write(chunk, ending="")
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        for chunk in chunks:
            handle.write(chunk)
