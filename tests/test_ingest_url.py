"""Ingesting by URL, against a real HTTP server on 127.0.0.1 (private addresses allowed for these tests only)."""
from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import ExtractionJob
from factdesk.errors import IngestError
from factdesk.outbound import OutboundError, fetch
from sources.models import Document, Outlet
from sources.services import document_ingest_url
from tests.conftest import local_http_server

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Shelling resumes near the river crossing | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Mira Castell">
<meta property="article:published_time" content="2023-04-02T06:15:00+00:00">
<link rel="canonical" href="https://harbourgazette.example/conflict/river-crossing">
</head><body>
<nav><a href="/">Front page</a> <a href="/conflict">Conflict</a></nav>
<article>
<h1>Shelling resumes near the river crossing</h1>
<p>Artillery fire hit the villages along the river crossing early on Sunday, local officials said, ending a pause of nearly a week.</p>
<p>At least seven people were wounded in the shelling, according to the regional hospital, which said two of them were children.</p>
<p>“The bridge is closed again and nobody can bring in bread,” said Tomas Verin, who runs a bakery on the eastern bank.</p>
</article>
<footer>© Harbour Gazette. All rights reserved.</footer>
</body></html>
"""
TEXT = ("Relief convoys waited at the checkpoint for a second day, aid workers said on Tuesday.\n\n"
        "Four trucks carrying medicine were turned back, the agency's spokesperson said.\n")


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 — the name http.server calls
        path = self.path.split("?", 1)[0]
        status, headers, body, delay = self.routes.get(path, (404, {"Content-Type": "text/plain"}, b"not here", 0))
        if delay:
            time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            if value is not None:  # None: leave the header out
                self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    """A local HTTP server; `server.route(path, status, body, content_type=..., delay=..., headers=...)`."""
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    routes: dict = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    with local_http_server(handler) as port:

        class Server:
            base = f"http://127.0.0.1:{port}"

            def route(self, path, status=200, body=b"", *, content_type="text/html; charset=utf-8", delay=0.0,
                      headers=None):
                data = body.encode("utf-8") if isinstance(body, str) else body
                routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, data, delay)
                return self.base + path

        yield Server()


def _ingest(*inputs, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *inputs, stdout=out, stderr=err, **options)
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_ingests_an_article_page_with_its_metadata(server):
    url = server.route("/conflict/river-crossing", body=PAGE)

    result = document_ingest_url(url=url)

    document = result.document
    assert result.created is True
    assert document.title == "Shelling resumes near the river crossing"
    assert document.url == "https://harbourgazette.example/conflict/river-crossing"
    assert document.outlet.name == "Harbour Gazette"
    assert document.authors == ["Mira Castell"]
    assert document.published_at.isoformat() == "2023-04-02T06:15:00+00:00"
    assert document.language == "en"
    assert document.origin == url
    assert document.raw_content_type == Document.ContentType.HTML
    assert document.text.startswith("Artillery fire hit the villages")
    assert "\n\nAt least seven people were wounded" in document.text
    assert "Front page" not in document.text and "All rights reserved" not in document.text


@pytest.mark.django_db
def test_a_plain_text_url_is_stored_as_text_with_the_host_as_outlet(server):
    url = server.route("/bulletins/convoy.txt", body=TEXT, content_type="text/plain; charset=utf-8")

    document = document_ingest_url(url=url).document

    assert document.text == TEXT.rstrip("\n")
    assert document.raw == TEXT
    assert document.raw_content_type == Document.ContentType.TEXT
    assert document.url == url
    assert document.outlet.name == "127.0.0.1"


@pytest.mark.django_db
def test_the_extraction_job_is_sent_only_after_the_document_is_committed(server, django_capture_on_commit_callbacks):
    url = server.route("/conflict/river-crossing", body=PAGE)
    with django_capture_on_commit_callbacks() as callbacks:
        result = document_ingest_url(url=url)
        assert ExtractionJob.objects.get(pk=result.job_id).status == "queued"
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_a_redirect_is_followed_and_the_page_stored_once(server):
    target = server.route("/conflict/river-crossing", body=PAGE)
    moved = server.route("/old-link", status=301, headers={"Location": "/conflict/river-crossing"})

    fetched = fetch(moved)
    code, out, err = _ingest(moved, target)

    assert fetched.final_url == target
    assert code == 0, err
    assert Document.objects.count() == 1
    assert "duplicate:" in out and "(same URL)" in out


@pytest.mark.django_db
def test_two_pages_with_the_same_canonical_url_are_one_document(server):
    first = server.route("/a", body=PAGE)
    updated = PAGE.replace("At least seven people", "At least nine people")
    second = server.route("/a-updated", body=updated) + "?utm_source=feed"

    assert document_ingest_url(url=first).created is True
    again = document_ingest_url(url=second)

    assert again.created is False and again.duplicate_of == "url"
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("status", "permanent"), [(404, True), (410, True), (403, True), (500, False), (503, False)]
)
@pytest.mark.django_db
def test_a_non_2xx_answer_is_refused_and_says_whether_to_retry(server, status, permanent):
    url = server.route("/story", status=status, body="<p>nope</p>")

    with pytest.raises(IngestError, match=f"answered HTTP {status}") as refused:
        document_ingest_url(url=url)

    assert refused.value.permanent is permanent
    assert Document.objects.count() == 0 and ExtractionJob.objects.count() == 0 and Outlet.objects.count() == 0


@pytest.mark.django_db
def test_a_type_that_is_not_html_or_text_is_refused(server):
    url = server.route("/photo.png", body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    with pytest.raises(IngestError, match="is image/png, not one of text/html") as refused:
        document_ingest_url(url=url)
    assert refused.value.permanent is True
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_a_body_over_the_size_limit_is_refused(server, settings):
    settings.FACTDESK_FETCH_MAX_BYTES = 2_000
    url = server.route("/long", body="<p>" + "word " * 2_000 + "</p>")
    with pytest.raises(IngestError, match="is too large") as refused:
        document_ingest_url(url=url)
    assert refused.value.permanent is True
    assert Document.objects.count() == 0


def test_a_body_without_a_length_is_cut_off_at_the_size_limit(server, settings):
    settings.FACTDESK_FETCH_MAX_BYTES = 1_000
    # No Content-Length header: only the count of streamed bytes can catch it.
    url = server.route("/unannounced", body="x" * 5_000, content_type="text/plain", headers={"Content-Length": None})
    with pytest.raises(OutboundError, match="too large: more than 1,000 bytes"):
        fetch(url, max_bytes=1_000)


@pytest.mark.django_db
def test_a_server_slower_than_the_timeout_is_a_temporary_failure(server, settings):
    settings.FACTDESK_FETCH_TIMEOUT_SECONDS = 0.2
    url = server.route("/slow", body=PAGE, delay=1.0)
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out after 0.2 s") as refused:
        document_ingest_url(url=url)
    assert time.monotonic() - started < 0.9
    assert refused.value.permanent is False
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_an_unreachable_server_is_a_temporary_failure(settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    with pytest.raises(IngestError, match="could not be reached") as refused:
        document_ingest_url(url="http://127.0.0.1:9/closed-port")
    assert refused.value.permanent is False


@pytest.mark.django_db
def test_a_private_address_is_refused_when_the_setting_is_off(server, settings):
    url = server.route("/conflict/river-crossing", body=PAGE)
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(IngestError, match="a loopback address"):
        document_ingest_url(url=url)
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_the_command_names_each_failing_url_in_one_line_and_ingests_the_rest(server, settings):
    settings.FACTDESK_FETCH_TIMEOUT_SECONDS = 0.2
    good = server.route("/conflict/river-crossing", body=PAGE)
    missing = server.route("/gone", status=404)
    broken = server.route("/broken", status=500)
    picture = server.route("/photo.png", body=b"\x89PNG", content_type="image/png")
    slow = server.route("/slow", body=PAGE, delay=1.0)

    code, out, err = _ingest(missing, good, broken, picture, slow, "http://[::1", "https://")

    assert code == 1
    failures = [line for line in err.splitlines() if line.startswith("failed:")]
    assert len(failures) == 6
    for url, problem in [(missing, "HTTP 404"), (broken, "HTTP 500"), (picture, "image/png"), (slow, "timed out"),
                         ("http://[::1", "not a valid URL"), ("https://", "no host name")]:
        assert any(url in line and problem in line for line in failures), (url, failures)
    assert any("HTTP 500" in line and "trying again may help" in line for line in failures)
    assert Document.objects.count() == 1 and ExtractionJob.objects.count() == 1
    assert "│ failed " in out and "│ new " in out
