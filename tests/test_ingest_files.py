"""`manage.py ingest` on files and folders: new, duplicate and failed inputs, each reported; nothing half-written."""
from __future__ import annotations

import os
import threading
from datetime import datetime, timezone
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import ExtractionJob
from factdesk.errors import IngestError
from sources.models import Document, Outlet
from sources.services import document_ingest_file

ARTICLE = (
    "Flooding closed the coastal road on Saturday, the regional transport office said.\n\n"
    "Two bridges were damaged and at least 40 families were moved to a school gym, officials said.\n\n"
    "“The water came up faster than anyone expected,” said Lena Park, who runs the shelter.\n"
)
OTHER = (
    "The grain corridor reopened on Monday after three days of talks, the port authority said.\n\n"
    "Eleven ships left the harbour before noon.\n"
)
HTML_PAGE = """<html lang="en"><head><title>Port reopens</title>
<meta property="og:site_name" content="Coastal Post">
<link rel="canonical" href="https://coastalpost.example/port-reopens"></head>
<body><article><h1>Port reopens</h1>
<p>The port reopened to cargo traffic on Wednesday after a two-week closure, the harbour master said.</p>
<p>Nine vessels were waiting offshore, and the first of them docked shortly after dawn.</p>
</article></body></html>"""


def _ingest(*inputs, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *[str(value) for value in inputs], stdout=out, stderr=err, **options)
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, out.getvalue(), err.getvalue()


def _rows() -> tuple[int, int, int]:
    return Document.objects.count(), ExtractionJob.objects.count(), Outlet.objects.count()


def _failures(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("failed:")]


@pytest.fixture
def write(tmp_path):
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.mark.django_db
def test_a_text_file_becomes_a_document_with_a_queued_extraction_job(write):
    path = write("flood.txt", ARTICLE)

    code, out, err = _ingest(path)

    assert code == 0, err
    document = Document.objects.get()
    assert document.text == ARTICLE.rstrip("\n")  # blank lines around the article are not kept
    assert document.origin == str(path.resolve())
    assert ExtractionJob.objects.get().document == document
    assert f"new: {path} → document {document.pk}" in out


@pytest.mark.django_db
def test_the_extraction_job_is_enqueued_after_the_commit(write, django_capture_on_commit_callbacks):
    path = write("flood.txt", ARTICLE)
    with django_capture_on_commit_callbacks() as callbacks:
        result = document_ingest_file(path=path)
    assert result.created and result.job_id is not None
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_the_header_block_of_a_text_file_sets_title_outlet_date_and_url(write):
    path = write("flood.txt", "Title: Coastal road closed\nOutlet: Coastal Post\nPublished: 2023-11-04\n"
                              "URL: https://coastalpost.example/road-closed?utm_source=rss\n\n" + ARTICLE)
    _ingest(path)

    document = Document.objects.get()
    assert document.title == "Coastal road closed"
    assert document.outlet.name == "Coastal Post"
    assert document.outlet.domain == "coastalpost.example"
    assert document.published_at == datetime(2023, 11, 4, tzinfo=timezone.utc)
    assert document.url == "https://coastalpost.example/road-closed"
    assert document.text == ARTICLE.rstrip("\n")  # blank lines around the article are not kept
    assert document.raw.startswith("Title: Coastal road closed")


@pytest.mark.django_db
def test_outlet_and_published_options_override_what_the_files_say(write):
    path = write("flood.txt", "Outlet: Coastal Post\nPublished: 2023-11-04\n\n" + ARTICLE)
    code, _out, err = _ingest(path, outlet="Shoreline Weekly", published="2023-11-05T09:30:00+02:00")
    assert code == 0, err
    document = Document.objects.get()
    assert document.outlet.name == "Shoreline Weekly"
    assert document.published_at == datetime(2023, 11, 5, 7, 30, tzinfo=timezone.utc)


def test_a_malformed_published_option_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="--published: publication date 'yesterday' is not a date"):
        call_command("ingest", str(tmp_path), published="yesterday", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_an_html_file_is_ingested_with_its_page_metadata(write):
    code, _out, err = _ingest(write("port.html", HTML_PAGE))
    assert code == 0, err
    document = Document.objects.get()
    assert document.title == "Port reopens"
    assert document.outlet.name == "Coastal Post"
    assert document.url == "https://coastalpost.example/port-reopens"
    assert document.text.split("\n\n")[0].startswith("The port reopened to cargo traffic")


@pytest.mark.django_db
def test_a_folder_is_searched_recursively_for_text_and_html_files_skipping_hidden_ones(write, tmp_path):
    write("inbox/flood.txt", ARTICLE)
    write("inbox/2023/11/port.HTM", HTML_PAGE)
    write("inbox/2023/grain.txt", OTHER)
    write("inbox/notes.md", "# not an article\n")
    write("inbox/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    write("inbox/._flood.txt", b"\x00\x05\x16\x07" + bytes(100))  # a macOS resource fork, not an article
    write("inbox/.git/notes.txt", OTHER.replace("Monday", "Friday"))

    code, out, err = _ingest(tmp_path / "inbox")

    assert code == 0, err
    assert Document.objects.count() == 3
    assert ExtractionJob.objects.count() == 3
    assert out.count("new: ") == 3


@pytest.mark.django_db
def test_a_folder_without_articles_is_a_failure(tmp_path):
    (tmp_path / "empty").mkdir()
    code, _out, err = _ingest(tmp_path / "empty")
    assert code == 1
    assert _failures(err) == [f"failed: {tmp_path / 'empty'}: the folder holds no .txt, .html, .htm files"]


@pytest.mark.django_db
def test_the_same_text_rewrapped_is_a_duplicate_and_not_stored_twice(write):
    original = write("a/flood.txt", ARTICLE)
    rewrapped = write("b/flood-copy.txt", "  " + ARTICLE.replace(" at least 40 families", "\nat least 40\tfamilies")
                      .replace("\n\n", "\n\n\n") + "\n\n")

    _ingest(original)
    code, out, err = _ingest(rewrapped)

    assert code == 0, err
    assert _rows()[:2] == (1, 1)
    document = Document.objects.get()
    assert f"duplicate: {rewrapped} is document {document.pk} (same text); not stored again" in out


@pytest.mark.django_db
def test_the_same_url_is_a_duplicate_even_when_the_text_was_edited(write):
    first = write("v1.txt", "URL: https://coastalpost.example/road-closed\n\n" + ARTICLE)
    second = write("v2.txt", "URL: https://coastalpost.example/road-closed#update\n\n"
                             + ARTICLE.replace("at least 40", "at least 55"))
    code, out, _err = _ingest(first, second)
    assert code == 0
    assert Document.objects.count() == 1
    assert "(same URL)" in out


@pytest.mark.django_db
def test_every_bad_file_is_named_in_one_line_the_rest_is_ingested_and_the_exit_status_is_one(write, tmp_path):
    good = write("good.txt", ARTICLE)
    binary = write("scan.txt", b"%PDF-1.7\n" + bytes(range(256)) * 8)
    empty = write("empty.txt", "   \n\n  \n")
    blank_page = write("blank.html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    missing = tmp_path / "not-there.txt"
    wrong_kind = write("report.pdf", b"%PDF-1.7\n")
    bad_header = write("dated.txt", "Published: the day after\n\n" + OTHER)

    code, out, err = _ingest(good, binary, empty, blank_page, missing, wrong_kind, bad_header)

    assert code == 1
    failures = _failures(err)
    assert len(failures) == 6, err
    for path, problem in [(binary, "is not text"), (empty, "the document is empty"),
                          (blank_page, "no article text"), (missing, "no such file"),
                          (wrong_kind, "only .txt, .html, .htm files"), (bad_header, "is not a date")]:
        assert any(str(path) in line and problem in line for line in failures), (path, failures)
    assert _rows() == (1, 1, 0)
    assert "CommandError" not in out


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_without_being_stored(write, settings):
    settings.FACTDESK_FETCH_MAX_BYTES = 1_000
    big = write("long.txt", ARTICLE * 10)
    code, _out, err = _ingest(big)
    assert code == 1
    assert _failures(err) == [f"failed: {big} is too large: {big.stat().st_size:,} bytes, the limit is 1,000"]
    assert _rows() == (0, 0, 0)


@pytest.mark.django_db
def test_a_document_whose_text_is_over_the_limit_is_refused_without_being_stored(write, settings):
    settings.FACTDESK_MAX_DOCUMENT_CHARS = 100
    path = write("long.txt", "Outlet: Coastal Post\n\n" + ARTICLE)
    code, _out, err = _ingest(path)
    assert code == 1
    (line,) = _failures(err)
    assert str(path) in line and "the document is too large" in line
    assert _rows() == (0, 0, 0)


@pytest.mark.django_db
def test_an_unreadable_file_is_named(write, monkeypatch):
    locked = write("locked.txt", ARTICLE)
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # the OS edge: root could read a chmod-0 file
    code, _out, err = _ingest(locked)
    assert code == 1
    assert _failures(err) == [f"failed: {locked} cannot be read: Permission denied"]
    assert _rows() == (0, 0, 0)


def test_a_folder_given_to_the_file_service_is_an_ingest_error(tmp_path):
    folder = tmp_path / "looks-like-a-file.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match="is a folder, not a file"):
        document_ingest_file(path=folder)


@pytest.mark.django_db
def test_the_summary_table_counts_new_duplicate_failed_and_queued(write, tmp_path):
    first = write("flood.txt", ARTICLE)
    copy = write("flood-again.txt", ARTICLE)
    grain = write("grain.txt", OTHER)

    code, out, _err = _ingest(first, copy, grain, tmp_path / "missing.txt")

    assert code == 1
    summary = {cells[0]: cells[1] for cells in _table_rows(out)}
    assert summary["new"] == "2"
    assert summary["duplicate"] == "1"
    assert summary["failed"] == "1"
    assert summary["extraction jobs queued"] == "2"
    assert summary["jobs now queued"] == "2"  # in a test the commit never comes, so nothing ran yet


@pytest.mark.django_db
def test_a_progress_bar_on_standard_error_when_asked_for(write):
    paths = [write(f"article-{n}.txt", ARTICLE.replace("Saturday", f"day {n}")) for n in range(3)]

    code, out, err = _ingest(*paths, progress=True)

    assert code == 0
    assert "ingesting" in err and "3/3" in err
    assert "ingesting" not in out


@pytest.mark.django_db
def test_no_progress_bar_when_standard_error_is_not_a_terminal(write):
    paths = [write(f"article-{n}.txt", ARTICLE.replace("Saturday", f"day {n}")) for n in range(3)]
    code, out, err = _ingest(*paths)
    assert code == 0
    assert err == ""
    assert out.count("new: ") == 3


def _table_rows(output: str) -> list[list[str]]:
    rows = []
    for line in output.splitlines():
        if line.startswith("│"):
            rows.append([cell.strip() for cell in line.strip("│").split("│")])
    return rows


@pytest.mark.django_db
def test_a_url_too_long_to_store_is_refused_without_being_stored(write):
    path = write("long-url.txt", "URL: https://coastalpost.example/" + "a" * 2_100 + "\n\n" + ARTICLE)
    code, _out, err = _ingest(path)
    assert code == 1
    (line,) = _failures(err)
    assert str(path) in line and "URL is longer than 2,000 characters" in line
    assert _rows() == (0, 0, 0)


@pytest.mark.django_db(transaction=True)
def test_with_real_commits_each_extraction_job_has_run_by_the_end_of_the_command(write, tmp_path):
    write("inbox/flood.txt", ARTICLE)
    write("inbox/grain.txt", OTHER)

    code, out, err = _ingest(tmp_path / "inbox")

    assert code == 0, err
    statuses = set(ExtractionJob.objects.values_list("status", flat=True))
    assert ExtractionJob.objects.count() == 2
    assert statuses <= {"succeeded", "failed"}  # eager Celery ran them once each document committed
    assert "jobs now queued" not in out


def test_a_url_given_with_tracking_parameters_is_the_same_document(db):
    from sources.services import document_ingest

    first = document_ingest(text="Two fishermen were missing after the storm.", url="https://ledger.example/storm")
    again = document_ingest(text="Two fishermen were missing after the storm, officials said later.",
                            url="https://LEDGER.example/storm?utm_source=feed#top")
    assert first.created and not again.created
    assert again.duplicate_of == "url"


def test_a_document_url_that_is_not_http_is_refused(db):
    from factdesk.errors import IngestError
    from sources.models import Document
    from sources.services import document_ingest

    with pytest.raises(IngestError, match="not an http"):
        document_ingest(text="A short report.", url="javascript:alert(1)")
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_fifo_is_refused_at_once_in_one_line_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    # Reading a FIFO waits for a writer. Should the command open it, this writer
    # feeds it an article after a moment, so the mistake shows as a stored document
    # instead of a test that never ends.
    writer = threading.Timer(0.5, _feed_fifo, args=(fifo, ARTICLE))
    writer.start()
    try:
        code, _out, err = _ingest(fifo)
    finally:
        writer.cancel()
        writer.join()
    assert code == 1
    assert _failures(err) == [f"failed: {fifo} is not a regular file (a pipe, socket or device); "
                              "only .txt, .html, .htm files can be ingested"]
    assert _rows() == (0, 0, 0)


def _feed_fifo(path: Path, text: str) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # fails at once when nobody reads
    except OSError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as pipe:
        pipe.write(text)
