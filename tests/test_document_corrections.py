"""Editors correct a document's metadata through one service, which writes an immutable DocumentEvent
in the same transaction; a changed publication day re-runs extraction and keeps what reviewers did."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone as django_timezone

from claims.models import Claim, ClaimKind, ClaimStatus, ExtractionJob, ReviewEvent
from claims.services import claim_approve
from factdesk.errors import ServiceError
from sources.models import Document, DocumentEvent, Outlet
from sources.services import document_ingest, document_update
from tests.conftest import DocumentFactory

# Ours: a truce that starts "on Sunday", so the day it resolves to follows the publication date.
TRUCE = ("LINDOR — The two sides agreed on Friday to a ceasefire starting at 6 a.m. local time on Sunday, "
         "the mediators said.\n\nAt least 12 soldiers were killed in the fighting, officials said.")


def _versions(document_id: int) -> list[int]:
    return list(DocumentEvent.objects.filter(document_id=document_id).values_list("version", flat=True))


@pytest.mark.django_db
def test_a_correction_changes_the_fields_and_records_who_changed_what_from_what(editor):
    document = DocumentFactory(title="Clashes", url="https://ledger.example/a", language="",
                               outlet__name="Daily Ledger")

    result = document_update(document_id=document.pk, actor=editor, expected_version=1, note="headline was cut",
                             title="Clashes on the ridge", outlet="Coastal Post", authors=["Lena Markova"],
                             language="en", published_at=date(2023, 3, 4))

    document.refresh_from_db()
    assert (document.title, document.outlet.name, document.authors, document.language, document.version) == (
        "Clashes on the ridge", "Coastal Post", ["Lena Markova"], "en", 2)
    assert (document.published_at, document.published_date_only) == (datetime(2023, 3, 4, tzinfo=timezone.utc), True)
    event = result.event
    assert event.actor == editor and event.note == "headline was cut" and event.version == 2
    assert event.changes == {
        "title": ["Clashes", "Clashes on the ridge"],
        "outlet": ["Daily Ledger", "Coastal Post"],
        "authors": [[], ["Lena Markova"]],
        "language": ["", "en"],
        "published_at": [None, "2023-03-04"],
    }


@pytest.mark.django_db
def test_changing_nothing_writes_no_event_and_keeps_the_version(editor):
    document = DocumentFactory(title="Clashes")
    result = document_update(document_id=document.pk, actor=editor, expected_version=1, title="  Clashes ")
    assert result.event is None
    assert Document.objects.get(pk=document.pk).version == 1
    assert DocumentEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_stale_version_is_refused_with_412_and_changes_nothing(editor):
    document = DocumentFactory(title="Clashes")
    document_update(document_id=document.pk, actor=editor, expected_version=1, title="First fix")
    with pytest.raises(ServiceError) as refused:
        document_update(document_id=document.pk, actor=editor, expected_version=1, title="Second fix")
    assert refused.value.status == 412
    assert 'ETag "document-' in refused.value.detail
    assert Document.objects.get(pk=document.pk).title == "First fix"
    assert _versions(document.pk) == [2]


@pytest.mark.django_db
@pytest.mark.parametrize("changes, field, message", [
    ({"url": "ftp://ledger.example/a"}, "url", "is not an http(s) URL"),
    ({"published_at": date(1850, 1, 1)}, "published_at", "is not a possible publication date"),
    ({"published_at": datetime(2022, 9, 13, 8, 30)}, "published_at", "needs its UTC offset"),
    ({"authors": ["Lena Markova", "  "]}, "authors", "A name cannot be empty"),
    ({"authors": "Lena Markova"}, "authors", "Must be a list of names"),
    ({"language": "English please"}, "language", "is not a language tag"),
    ({"title": "x" * 501}, "title", "the limit is 500"),
    ({"text": "new words"}, "text", "the text is fixed"),
])
def test_a_bad_value_is_a_400_naming_the_field_and_nothing_is_written(editor, changes, field, message):
    document = DocumentFactory(title="Clashes")
    with pytest.raises(ServiceError) as refused:
        document_update(document_id=document.pk, actor=editor, expected_version=1, **{"title": "Half", **changes})
    assert refused.value.status == 400
    assert message in refused.value.detail
    assert field in refused.value.extra["field_errors"]
    assert Document.objects.get(pk=document.pk).title == "Clashes"
    assert DocumentEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_url_another_document_has_is_a_conflict_and_nothing_is_written(editor):
    DocumentFactory(url="https://ledger.example/taken")
    document = DocumentFactory(title="Clashes")
    with pytest.raises(ServiceError) as refused:
        document_update(document_id=document.pk, actor=editor, expected_version=1, title="New",
                        url="https://ledger.example/taken?utm_source=x", outlet="Brand New Outlet")
    assert refused.value.status == 409
    assert Document.objects.get(pk=document.pk).title == "Clashes"
    assert not Outlet.objects.filter(name="Brand New Outlet").exists()  # the outlet made on the way is rolled back


@pytest.mark.django_db
def test_a_changed_publication_day_reextracts_and_keeps_the_reviewed_claims_and_their_history(
        editor, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_ingest(text=TRUCE, published_at=date(2025, 2, 7)).document
    ceasefire = Claim.objects.get(document=document, kind=ClaimKind.CEASEFIRE)
    assert ceasefire.effective_at.date() == date(2025, 2, 9)
    casualty = Claim.objects.get(document=document, kind=ClaimKind.CASUALTY)
    claim_approve(claim_id=casualty.pk, actor=reviewer, expected_version=casualty.version)

    with django_capture_on_commit_callbacks(execute=True):
        result = document_update(document_id=document.pk, actor=editor, expected_version=1,
                                 published_at=date(2025, 3, 14))

    assert result.job_id is not None and result.event.reextraction_job_id == result.job_id
    assert ExtractionJob.objects.get(pk=result.job_id).status == "succeeded"
    ceasefires = Claim.objects.filter(document=document, kind=ClaimKind.CEASEFIRE)
    assert [claim.effective_at.date() for claim in ceasefires] == [date(2025, 3, 16)]  # Sunday after the new day
    casualty.refresh_from_db()
    assert casualty.status == ClaimStatus.APPROVED
    assert ReviewEvent.objects.filter(claim=casualty).count() == 1


@pytest.mark.django_db
def test_changing_the_title_does_not_reextract(editor, django_capture_on_commit_callbacks):
    document = DocumentFactory(published_at=datetime(2025, 2, 7, tzinfo=timezone.utc))
    with django_capture_on_commit_callbacks() as callbacks:
        result = document_update(document_id=document.pk, actor=editor, expected_version=1, title="Better")
    assert result.job_id is None and callbacks == []
    assert ExtractionJob.objects.filter(document=document).count() == 0


@pytest.mark.django_db
def test_a_date_and_time_is_stored_with_its_time_and_recorded_in_utc(editor):
    document = DocumentFactory()
    moment = datetime(2025, 2, 7, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    result = document_update(document_id=document.pk, actor=editor, expected_version=1, published_at=moment)
    document.refresh_from_db()
    assert document.published_at == moment and document.published_date_only is False
    assert result.event.changes["published_at"] == [None, "2025-02-08T04:30:00+00:00"]


@pytest.mark.django_db
def test_document_events_cannot_be_changed_or_deleted(editor):
    document = DocumentFactory()
    event = document_update(document_id=document.pk, actor=editor, expected_version=1, title="Better").event
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        DocumentEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(IntegrityError), transaction.atomic():
        # Past the model, the database itself refuses (a trigger).
        from django.db import connection
        with connection.cursor() as cursor:
            cursor.execute("UPDATE sources_documentevent SET note = 'rewritten' WHERE id = %s", [event.pk])


@pytest.mark.django_db
def test_the_database_refuses_a_date_only_flag_without_a_date():
    document = DocumentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(published_at=None, published_date_only=True)
