"""PATCH /api/v1/documents/{id}/ corrects a document's metadata with If-Match, like a claim review;
GET …/history/ shows every correction."""
from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from sources.models import Document, DocumentEvent
from tests.conftest import DocumentFactory
from tests.conftest import api_client_for as client_for


def patch(client: APIClient, document: Document, body: dict, etag: str | None = None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return client.patch(f"/api/v1/documents/{document.pk}/", body, format="json", **headers)


@pytest.mark.django_db
def test_an_editor_reads_the_etag_and_corrects_title_and_date(editor):
    document = DocumentFactory(title="Clashes")
    client = client_for(editor)
    etag = client.get(f"/api/v1/documents/{document.pk}/")["ETag"]
    assert etag == f'"document-{document.pk}-v1"'

    response = patch(client, document, {"title": "Clashes on the ridge", "published_at": "2023-03-04",
                                        "note": "from the print edition"}, etag)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["title"], body["published_at"], body["published_date_only"], body["version"]) == (
        "Clashes on the ridge", "2023-03-04T00:00:00Z", True, 2)
    assert response["ETag"] == f'"document-{document.pk}-v2"'
    history = client.get(f"/api/v1/documents/{document.pk}/history/").json()
    assert [(event["version"], event["actor"], event["changes"], event["note"]) for event in history] == [
        (2, "eva-editor", {"title": ["Clashes", "Clashes on the ridge"], "published_at": [None, "2023-03-04"]},
         "from the print edition")]
    assert history[0]["reextraction_job_id"] is not None


@pytest.mark.django_db
def test_without_if_match_it_is_428_and_with_a_stale_one_412(editor):
    document = DocumentFactory(title="Clashes")
    client = client_for(editor)
    missing = patch(client, document, {"title": "New"})
    assert missing.status_code == 428
    assert missing["Content-Type"] == "application/problem+json"
    assert f'"document-{document.pk}-v1"' in missing.json()["detail"]
    assert patch(client, document, {"title": "New"}, f'"document-{document.pk}-v1"').status_code == 200
    stale = patch(client, document, {"title": "Newer"}, f'"document-{document.pk}-v1"')
    assert stale.status_code == 412
    assert Document.objects.get(pk=document.pk).title == "New"


@pytest.mark.django_db
@pytest.mark.parametrize("body, field", [
    ({"published_at": "last Tuesday"}, "published_at"),
    ({"url": "not a url"}, "url"),
    ({"authors": "Lena Markova"}, "authors"),
    ({"text": "rewritten"}, "text"),
    ({"language": "English please"}, "language"),
    ({"note": "only a note"}, "non_field_errors"),
])
def test_a_bad_value_is_a_400_problem_naming_the_field_and_nothing_changes(editor, body, field):
    document = DocumentFactory(title="Clashes")
    response = patch(client_for(editor), document, body, f'"document-{document.pk}-v1"')
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Document.objects.get(pk=document.pk).version == 1
    assert DocumentEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_reviewer_may_read_the_history_but_not_correct_a_document(reviewer):
    document = DocumentFactory(title="Clashes")
    client = client_for(reviewer)
    assert patch(client, document, {"title": "Mine"}, f'"document-{document.pk}-v1"').status_code == 403
    assert client.get(f"/api/v1/documents/{document.pk}/history/").json() == []


@pytest.mark.django_db
def test_put_is_not_offered_only_patch(editor):
    document = DocumentFactory()
    response = client_for(editor).put(f"/api/v1/documents/{document.pk}/", {"title": "x"}, format="json",
                                      HTTP_IF_MATCH=f'"document-{document.pk}-v1"')
    assert response.status_code == 405
