"""Submitting documents over HTTP (text, HTML, URL), listing them with their job, re-running extraction."""
from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from rest_framework.test import APIClient

from claims.models import Claim, ExtractionJob
from sources.models import Document
from tests.conftest import DocumentFactory, ExtractionJobFactory, api_client_for, local_http_server

REPORT = ("Floodwater cut the northern road on Thursday, the county office said.\n\n"
          "Rescue crews said 9 people were killed when the bridge gave way.\n")
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Bridge collapse in the north | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<link rel="canonical" href="https://valleycourier.example/north/bridge">
</head><body><nav>Home · Weather</nav><article><h1>Bridge collapse in the north</h1>
<p>Floodwater cut the northern road on Thursday after days of rain, the county office said in a statement.</p>
<p>Rescue crews said 9 people were killed when the old bridge gave way under a line of cars and a bus.</p>
<p>Roads in the valley stay closed until engineers have inspected every crossing, the office said.</p>
</article><footer>Valley Courier</footer></body></html>"""


@pytest.fixture
def client(editor) -> APIClient:
    return api_client_for(editor)


def test_submitting_plain_text_stores_the_document_and_queues_its_extraction(client, editor):
    response = client.post("/api/v1/documents/", {
        "text": REPORT, "title": "Northern road cut", "outlet": "County Wire", "published_at": "2026-02-05T09:00:00Z",
    }, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["created"] is True
    assert body["document"]["title"] == "Northern road cut"
    assert body["document"]["outlet"]["name"] == "County Wire"
    assert body["document"]["published_at"] == "2026-02-05T09:00:00Z"
    assert body["job"]["status"] == "queued"
    assert body["job"]["requested_by"] == editor.username
    assert body["document"]["latest_job"]["id"] == body["job"]["id"]


def test_the_extraction_runs_after_the_commit_and_the_job_status_shows_it(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/documents/", {"text": REPORT}, format="json")
    document_id = response.json()["document"]["id"]
    detail = client.get(f"/api/v1/documents/{document_id}/").json()
    assert detail["latest_job"]["status"] == "succeeded"
    assert detail["text"].startswith("Floodwater")
    assert detail["claim_count"] == Claim.objects.filter(document_id=document_id).count()


def test_the_same_text_submitted_twice_is_stored_once(client):
    assert client.post("/api/v1/documents/", {"text": REPORT}, format="json").status_code == 201
    again = client.post("/api/v1/documents/", {"text": REPORT}, format="json")
    assert again.status_code == 200
    assert (again.json()["created"], again.json()["duplicate_of"], again.json()["job"]) == (False, "content", None)
    assert Document.objects.count() == 1


def test_submitting_html_takes_the_main_text_and_the_page_metadata(client):
    response = client.post("/api/v1/documents/", {"html": PAGE}, format="json")
    assert response.status_code == 201, response.json()
    document = Document.objects.get(pk=response.json()["document"]["id"])
    assert "9 people were killed" in document.text
    assert "Home · Weather" not in document.text
    assert document.url == "https://valleycourier.example/north/bridge"
    assert document.raw_content_type == "text/html"


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>a</p>"}, {"url": "not a url"},
                                  {"url": "https://x.example/a", "title": "mine"}, {"text": "   "}])
def test_a_submission_that_names_no_single_source_is_a_400(client, body):
    response = client.post("/api/v1/documents/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not Document.objects.exists()


def test_documents_list_with_their_latest_job_status(client):
    document = DocumentFactory()
    ExtractionJobFactory(document=document, status="failed", error="engine crashed")
    newest = ExtractionJobFactory(document=document, status="succeeded")
    listed = client.get("/api/v1/documents/").json()["results"]
    assert [(d["id"], d["latest_job"]["id"], d["latest_job"]["status"]) for d in listed] == [
        (document.pk, newest.pk, "succeeded"),
    ]
    assert "text" not in listed[0]


def test_rerunning_extraction_queues_a_new_job(client, editor):
    document = DocumentFactory()
    response = client.post(f"/api/v1/documents/{document.pk}/reextract/")
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["id"])
    assert (job.document_id, job.status, job.requested_by) == (document.pk, "queued", editor)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — the name http.server calls
        body = PAGE.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    with local_http_server(_Page) as bound:
        yield f"http://127.0.0.1:{bound}"


def test_submitting_a_url_fetches_the_page_through_the_outbound_guard(client, local_site, settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    response = client.post("/api/v1/documents/", {"url": f"{local_site}/north/bridge", "outlet": "Valley Courier"},
                           format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["document"]["url"] == "https://valleycourier.example/north/bridge"
    assert response.json()["job"]["status"] == "queued"


def test_a_url_on_a_private_address_is_refused_with_a_problem(client, local_site, settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = False
    response = client.post("/api/v1/documents/", {"url": f"{local_site}/north/bridge"}, format="json")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
    assert "127.0.0.1" in response.json()["detail"] or "private" in response.json()["detail"].lower()
    assert not Document.objects.exists()
