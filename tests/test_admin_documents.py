"""Documents in the admin: their text, their claims and jobs, and re-running extraction."""
from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ExtractionJob, JobStatus, ReviewEvent
from sources.models import Document
from tests.conftest import ClaimFactory, DocumentFactory, ExtractionJobFactory, QuoteFactory, SpeakerFactory, make_user

pytestmark = pytest.mark.django_db


def test_the_document_page_shows_its_text_claims_and_jobs(client, editor):
    document = DocumentFactory(text="Rescuers said the blast killed at least 12 civilians <near> the depot.\n\nMore.")
    claim = ClaimFactory(document=document)
    ExtractionJobFactory(document=document, status=JobStatus.FAILED, attempts=3,
                         error="ValueError: unreadable date line")
    client.force_login(editor)

    response = client.get(reverse("admin:sources_document_change", args=[document.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "blast killed at least 12 civilians &lt;near&gt; the depot." in page
    assert "<pre" in page
    assert reverse("admin:claims_claim_change", args=[claim.pk]) in page
    assert "at least 12 killed — civilians" in page
    assert "ValueError: unreadable date line" in page
    assert "Failed" in page


def test_the_document_text_cannot_be_edited_even_by_an_admin(client, admin_user):
    document = DocumentFactory()
    client.force_login(admin_user)

    page = client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()

    assert 'name="text"' not in page
    assert 'name="title"' in page


def test_rerun_extraction_queues_a_job_after_the_commit(client, editor, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("admin:sources_document_changelist"),
                               {"action": "rerun_extraction", "_selected_action": [document.pk]})

    assert response.status_code == 302
    assert "Queued 1 extraction job." in [str(m) for m in get_messages(response.wsgi_request)]
    job = ExtractionJob.objects.get(document=document)
    assert (job.status, job.requested_by) == (JobStatus.QUEUED, editor)
    assert len(callbacks) == 1


def test_rerun_extraction_is_not_offered_to_staff_who_may_not_queue_jobs(client, django_capture_on_commit_callbacks):
    staff_reader = make_user("stan-staff-reader", "reader", is_staff=True)
    document = DocumentFactory()
    client.force_login(staff_reader)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("admin:sources_document_changelist"),
                    {"action": "rerun_extraction", "_selected_action": [document.pk]})

    assert not ExtractionJob.objects.exists()
    assert callbacks == []


def test_the_job_list_filters_by_status(client, editor):
    failed = ExtractionJobFactory(status=JobStatus.FAILED, error="boom")
    ExtractionJobFactory(status=JobStatus.SUCCEEDED)
    client.force_login(editor)

    response = client.get(reverse("admin:claims_extractionjob_changelist"), {"status__exact": "failed"})

    assert [job.pk for job in response.context["cl"].result_list] == [failed.pk]


@pytest.mark.parametrize("url_name,factory", [
    ("admin:sources_document_changelist", lambda: ClaimFactory(document=DocumentFactory()).document),
    ("admin:sources_quote_changelist", lambda: QuoteFactory(speaker=SpeakerFactory())),
    ("admin:claims_extractionjob_changelist", ExtractionJobFactory),
    ("admin:claims_reviewevent_changelist", lambda: ReviewEvent.objects.create(
        claim=ClaimFactory(), action="approve", from_status="pending", to_status="approved")),
    ("admin:sources_speaker_changelist", SpeakerFactory),
    ("admin:sources_outlet_changelist", DocumentFactory),
])
def test_list_pages_do_not_query_once_per_row(client, editor, url_name, factory):
    client.force_login(editor)
    factory()
    client.get(reverse(url_name))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(url_name)).status_code == 200
    for _ in range(5):
        factory()
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(url_name)).status_code == 200

    assert len(many) == len(few)


def test_speakers_are_found_by_alias_and_edited_with_their_aliases(client, admin_user):
    from sources.speakers import speaker_resolve

    speaker = speaker_resolve(name="Nadia Haddad", role="Interior Minister")
    client.force_login(admin_user)

    found = client.get(reverse("admin:sources_speaker_changelist"), {"q": "Haddad"})
    page = client.get(reverse("admin:sources_speaker_change", args=[speaker.pk])).content.decode()

    assert [s.pk for s in found.context["cl"].result_list] == [speaker.pk]
    assert "Interior Minister Nadia Haddad" in page


def test_the_document_page_costs_the_same_queries_for_few_claims_and_for_many(client, editor):
    document = DocumentFactory()
    client.force_login(editor)
    url = reverse("admin:sources_document_change", args=[document.pk])

    def add_claim(n: int) -> None:
        start = document.text.index("killed at least 12 civilians")
        ClaimFactory(document=document, start=start, end=start + 6, text=document.text[start:start + 6],
                     speaker=SpeakerFactory(), fingerprint=f"{n:064x}")
        ReviewEvent.objects.create(claim=Claim.objects.latest("id"), action="approve", from_status="pending",
                                   to_status="approved")
        ExtractionJobFactory(document=document, requested_by=editor)

    add_claim(1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(2, 7):
        add_claim(n)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200

    assert len(many) == len(few)


def test_the_claim_speaker_autocomplete_finds_speakers_by_name(client, editor):
    SpeakerFactory(name="Yusuf Karim", role="governor")
    SpeakerFactory(name="Leila Aziz")
    client.force_login(editor)

    response = client.get(reverse("admin:autocomplete"), {"app_label": "claims", "model_name": "claim",
                                                         "field_name": "speaker", "term": "Karim"})

    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Yusuf Karim"]


def test_adding_a_document_ingests_it_and_queues_its_extraction(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    text = "Two fishermen were missing after the storm, the coast guard said on Friday."

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("admin:sources_document_add"), {
            "title": "Storm on the coast", "outlet_name": "Harbour Courier", "url": "",
            "published_at_0": "2025-03-07", "published_at_1": "09:30:00", "text": text,
        })

    document = Document.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:sources_document_change", args=[document.pk])
    assert (document.text, document.title, document.outlet.name) == (text, "Storm on the coast", "Harbour Courier")
    assert document.published_at.date().isoformat() == "2025-03-07"
    job = ExtractionJob.objects.get(document=document)
    assert (job.status, job.requested_by) == (JobStatus.QUEUED, editor)
    assert len(callbacks) == 1


def test_adding_a_document_seen_before_stores_nothing_new_and_says_so(client, editor):
    existing = DocumentFactory()
    client.force_login(editor)

    response = client.post(reverse("admin:sources_document_add"), {"text": existing.text, "title": "Copy"})

    assert response.url == reverse("admin:sources_document_change", args=[existing.pk])
    assert any("Already stored (same content)" in str(m) for m in get_messages(response.wsgi_request))
    assert Document.objects.count() == 1
    assert not ExtractionJob.objects.exists()


def test_adding_a_document_needs_its_text_or_its_url(client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:sources_document_add"), {"title": "Nothing in it", "text": "  "})

    assert response.status_code == 200
    assert "Paste the article" in response.content.decode()
    assert not Document.objects.exists()


def test_staff_without_the_add_permission_cannot_ingest(client):
    staff_reader = make_user("stan-staff-reader", "reader", is_staff=True)
    client.force_login(staff_reader)

    response = client.post(reverse("admin:sources_document_add"), {"text": "A short article about a flood."})

    assert response.status_code == 403
    assert not Document.objects.exists()
