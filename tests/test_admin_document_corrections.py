"""The admin's document page corrects metadata through document_update, shows the history of corrections,
and shows dates as the source gave them."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from sources.models import Document, DocumentEvent
from sources.services import document_update
from tests.conftest import DocumentFactory, OutletFactory

pytestmark = pytest.mark.django_db


def _form(document: Document, **changes) -> dict:
    """The change form as the page renders it for `document`, with `changes` typed in."""
    values = {
        "title": document.title, "url": document.url or "", "outlet": document.outlet_id or "",
        "published_on": document.published_day.isoformat() if document.published_at else "",
        "published_time": "" if document.published_date_only or not document.published_at
        else document.published_at.strftime("%H:%M:%S"),
        "authors_text": "\n".join(document.authors), "language": document.language, "note": "",
        "version": document.version,
    }
    for prefix in ("events", "claims", "jobs"):
        values.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return {**values, **changes}


def _post(client, document: Document, data: dict):
    page = reverse("admin:sources_document_change", args=[document.pk])
    return client.post(page, data)


def test_an_editor_corrects_the_date_and_title_and_the_page_shows_who_did_it(client, editor):
    document = DocumentFactory(title="Clashes", outlet=OutletFactory(name="Daily Ledger"))
    client.force_login(editor)
    page = client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert 'name="published_on"' in page and 'name="version"' in page

    response = _post(client, document, _form(document, title="Clashes on the ridge", published_on="2023-03-04",
                                             authors_text="Lena Markova\nOmar al-Rashid", note="print edition"))

    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert (document.title, document.published_label, document.authors, document.version) == (
        "Clashes on the ridge", "4 Mar 2023", ["Lena Markova", "Omar al-Rashid"], 2)
    event = DocumentEvent.objects.get()
    assert (event.actor, event.note, sorted(event.changes)) == (editor, "print edition",
                                                                ["authors", "published_at", "title"])
    assert any("extraction job" in str(m) for m in get_messages(response.wsgi_request))
    page = client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert "history of corrections" in page.lower()
    assert "eva-editor" in page and "print edition" in page


def test_a_day_with_a_time_is_stored_in_utc_with_its_time(client, editor):
    document = DocumentFactory()
    client.force_login(editor)
    _post(client, document, _form(document, published_on="2023-03-04", published_time="08:30"))
    document.refresh_from_db()
    assert document.published_at == datetime(2023, 3, 4, 8, 30, tzinfo=timezone.utc)
    assert document.published_label == "4 Mar 2023, 08:30 UTC"


def test_a_bad_value_shows_on_its_field_and_nothing_is_saved(client, editor):
    document = DocumentFactory(title="Clashes")
    client.force_login(editor)
    response = _post(client, document, _form(document, title="New", published_on="1850-01-01"))
    assert response.status_code == 200
    assert "is not a possible publication date" in response.content.decode()
    assert Document.objects.get(pk=document.pk).title == "Clashes"
    assert DocumentEvent.objects.count() == 0


def test_a_change_made_meanwhile_is_not_overwritten(client, editor, admin_user):
    document = DocumentFactory(title="Clashes")
    client.force_login(editor)
    stale_form = _form(document, title="Mine")
    document_update(document_id=document.pk, actor=admin_user, expected_version=1, title="Theirs")

    response = _post(client, document, stale_form)

    assert response.status_code == 302
    assert any("Not saved" in str(m) and "read it again" in str(m) for m in get_messages(response.wsgi_request))
    assert Document.objects.get(pk=document.pk).title == "Theirs"


def test_a_reader_sees_the_metadata_without_a_form_and_an_undated_document_says_no_date(client, reader):
    reader.is_staff = True
    reader.save()
    document = DocumentFactory(title="Clashes", published_at=None)
    client.force_login(reader)
    page = client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert 'name="title"' not in page
    assert "no date" in page
    assert "midnight" not in page.lower()


def test_the_document_list_shows_dates_without_invented_times(client, editor):
    DocumentFactory(title="Undated", published_at=None)
    DocumentFactory(title="Dated", **Document.published_fields(datetime(2022, 9, 13).date()))
    client.force_login(editor)
    page = client.get(reverse("admin:sources_document_changelist")).content.decode()
    assert "no date" in page and "13 Sep 2022" in page
    assert "midnight" not in page.lower() and "00:00" not in page
