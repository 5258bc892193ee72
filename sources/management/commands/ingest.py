"""`manage.py ingest PATH_OR_URL ...`: files, folders of them, and http(s) URLs → documents + extraction jobs."""
from __future__ import annotations

import io
import logging
import re
from argparse import BooleanOptionalAction, RawDescriptionHelpFormatter
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claims.models import ExtractionJob
from factdesk.errors import ServiceError
from sources.reading import parse_published
from sources.services import INGESTIBLE_SUFFIXES, IngestResult, document_ingest_file, document_ingest_url

logger = logging.getLogger(__name__)

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Below -v 2 these log at WARNING (kombu at ERROR: it warns about the in-memory broker).
_LOGGERS_QUIETED = {"sources": logging.WARNING, "claims": logging.WARNING, "celery": logging.WARNING,
                    "kombu": logging.ERROR}

HELP = """\
Ingest articles: each new document is stored and its claim extraction queued.

Inputs may be files (.txt, .html, .htm), folders (searched recursively for
those files) and http(s) URLs, mixed freely. A document seen before (same
canonical URL or same text, white space aside) is not stored again.

A .txt file's title, authors and date are read as a reader sees them: the
headline ("# ..." or a short first line), a "By ..." line, and a date line
("September 13, 2022") or dateline ("YEREVAN, Sept 13 (Reuters) -"). A header
block, ended by a blank line, says it outright and wins:

    Title: Ceasefire announced in the north
    Outlet: The Daily Ledger
    Published: 2022-09-13            (or 2022-09-13T08:30:00+03:00)
    URL: https://ledger.example/news/ceasefire
    Author: Jane Roe; John Poe
    Language: en

    The article's first paragraph ...

Every input that fails is named in one line on standard error; the others are
still ingested, and the exit status is 1. A summary table ends the run, and
names the new documents that have no publication date.
"""


class _HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    pass


@dataclass(frozen=True)
class _Input:
    label: str  # what the user typed, or the file found in a folder
    url: str = ""
    path: Path | None = None
    error: str = ""  # a problem found before ingesting (missing path, empty folder)


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files, folders and http(s) URLs")
        parser.add_argument("--outlet", default="", help="outlet name for every input (otherwise from the page, "
                                                         "the header block or the URL's domain)")
        parser.add_argument("--published", default="", help="publication date for every input, 2022-09-13 or "
                                                            "an ISO 8601 date and time")
        parser.add_argument("--progress", action=BooleanOptionalAction, default=None,
                            help="show a progress bar on standard error (default: with several inputs, "
                                 "when standard error is a terminal)")

    def handle(self, *args, inputs: list[str], outlet: str, published: str, progress: bool | None, **options):
        try:
            published_at = parse_published(published) if published else None
        except ServiceError as error:
            raise CommandError(f"--published: {error}") from None
        items = list(_expand(inputs))
        show_bar = progress if progress is not None else (len(items) > 1 and self.stderr.isatty())
        outcomes: Counter[str] = Counter()
        job_ids: list[int] = []
        undated: list[str] = []
        console = Console(file=_Writer(self.stderr), highlight=False, soft_wrap=True)
        bar = _progress_bar(console) if show_bar else None
        with _quiet_logs(options["verbosity"]), (bar or nullcontext()):
            task = bar.add_task("ingesting", total=len(items)) if bar else None
            for item in items:
                outcome, line, result = self._ingest_one(item, outlet=outlet, published_at=published_at)
                outcomes[outcome] += 1
                if result is not None and result.job_id is not None:
                    job_ids.append(result.job_id)
                if result is not None and result.created and result.document.published_at is None:
                    undated.append(f"{item.label} → document {result.document.pk}")
                if outcome == "failed" or options["verbosity"] >= 1:
                    self._report(line, failed=outcome == "failed", bar_console=console if bar else None)
                if bar:
                    bar.advance(task)
        self.stdout.write(self._summary(outcomes, job_ids), ending="")
        if undated:
            self.stdout.write(
                f"{len(undated)} new document(s) have no publication date, so relative times in them "
                "(\"on Tuesday\", \"yesterday\") cannot be resolved; give one with --published, "
                "a Published: header, or in the admin:"
            )
            for line in undated:
                self.stdout.write(f"  no date: {line}")
        if outcomes["failed"]:
            raise CommandError(f"{outcomes['failed']} of {len(items)} inputs could not be ingested", returncode=1)

    def _report(self, line: str, *, failed: bool, bar_console: Console | None) -> None:
        """Failures on standard error, the rest on standard output; above a live bar, through its console."""
        if bar_console is not None:
            bar_console.print(line, markup=False)
        elif failed:
            self.stderr.write(line)
        else:
            self.stdout.write(line)

    def _ingest_one(self, item: _Input, *, outlet: str, published_at) -> tuple[str, str, IngestResult | None]:
        if item.error:
            return "failed", f"failed: {item.error}", None
        try:
            if item.url:
                result = document_ingest_url(url=item.url, outlet_name=outlet, published_at=published_at)
            else:
                result = document_ingest_file(path=item.path, outlet_name=outlet, published_at=published_at)
        except ServiceError as error:
            message = _one_line(str(error))
            if item.label not in message:
                message = f"{item.label}: {message}"
            retry = "" if error.permanent else " (temporary: trying again may help)"
            return "failed", f"failed: {message}{retry}", None
        except Exception as error:  # one bad input must not stop the others
            logger.debug("ingesting %s failed", item.label, exc_info=True)
            return "failed", f"failed: {item.label}: unexpected {type(error).__name__}: {_one_line(str(error))}", None
        if result.created:
            dated = "" if result.document.published_at else " (no publication date)"
            return ("new", f"new: {item.label} → document {result.document.pk}, extraction job {result.job_id}{dated}",
                    result)
        reason = "same URL" if result.duplicate_of == "url" else "same text"
        return "duplicate", f"duplicate: {item.label} is document {result.document.pk} ({reason}); not stored again", result

    def _summary(self, outcomes: Counter[str], job_ids: list[int]) -> str:
        table = Table(title="Ingest summary", show_header=True)
        table.add_column("documents")
        table.add_column("count", justify="right")
        table.add_row("new", str(outcomes["new"]))
        table.add_row("duplicate", str(outcomes["duplicate"]))
        table.add_row("failed", str(outcomes["failed"]))
        table.add_row("extraction jobs queued", str(len(job_ids)))
        # With eager Celery (no broker) the jobs have already run by now; say how they went.
        statuses = Counter(ExtractionJob.objects.filter(pk__in=job_ids).values_list("status", flat=True))
        for status, count in sorted(statuses.items()):
            table.add_row(f"  jobs now {status}", str(count))
        buffer = io.StringIO()
        Console(file=buffer, width=60, force_terminal=False, color_system=None).print(table)
        return buffer.getvalue()


def _expand(inputs: list[str]) -> Iterator[_Input]:
    for value in inputs:
        if _URL.match(value) and not Path(value).exists():
            yield _Input(label=value, url=value)
            continue
        path = Path(value).expanduser()
        if path.is_dir():
            found = sorted(
                file for file in path.rglob("*")
                if file.suffix.lower() in INGESTIBLE_SUFFIXES and not _hidden(file.relative_to(path)) and file.is_file()
            )
            if not found:
                yield _Input(label=value, error=f"{value}: the folder holds no {', '.join(INGESTIBLE_SUFFIXES)} files")
            for file in found:
                yield _Input(label=str(file), path=file)
        elif path.exists():
            yield _Input(label=value, path=path)
        else:
            yield _Input(label=value, error=f"{value}: no such file, folder or http(s) URL")


def _hidden(relative: Path) -> bool:
    """Dot files and dot folders (.git, macOS "._name" resource forks) are never articles."""
    return any(part.startswith(".") for part in relative.parts)


def _progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )


class _Writer:
    """A file-like face on Django's OutputWrapper, so rich writes exactly what it renders."""

    def __init__(self, wrapper):
        self._wrapper = wrapper

    def write(self, text: str) -> int:
        # rich styles its own output; the wrapper's error colouring would tint the whole bar.
        self._wrapper.write(text, style_func=_unstyled, ending="")
        return len(text)

    def flush(self) -> None:
        self._wrapper.flush()

    def isatty(self) -> bool:
        return self._wrapper.isatty()


@contextmanager
def _quiet_logs(verbosity: int) -> Iterator[None]:
    """Below -v 2 the per-document log lines would drown the command's own one-line reports."""
    if verbosity >= 2:
        yield
        return
    loggers = [logging.getLogger(name) for name in _LOGGERS_QUIETED]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(_LOGGERS_QUIETED[logger.name])
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _unstyled(text: str) -> str:
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())
