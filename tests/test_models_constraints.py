"""The database itself refuses rows that break FactDesk's rules."""
import pytest
from django.db import IntegrityError, transaction

from claims.models import Claim, ReviewEvent
from sources.models import Document, text_hash
from tests.conftest import ClaimFactory, DocumentFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_it_refuses_two_documents_with_one_canonical_url():
    DocumentFactory(url="https://ledger.example/a")
    assert refused(lambda: DocumentFactory(url="https://ledger.example/a"))


def test_it_refuses_two_documents_with_the_same_text():
    first = DocumentFactory()
    assert refused(lambda: DocumentFactory(text=first.text, url="https://elsewhere.example/b"))


def test_it_refuses_an_empty_document():
    assert refused(lambda: Document.objects.create(raw="", text="", content_hash=text_hash("x")))


def test_it_refuses_a_claim_fingerprint_twice_in_one_document_but_not_across_documents():
    claim = ClaimFactory(fingerprint="f" * 64)
    assert refused(lambda: ClaimFactory(document=claim.document, fingerprint="f" * 64))
    ClaimFactory(fingerprint="f" * 64)  # another document: fine


def test_it_refuses_a_claim_span_outside_the_document_text():
    document = DocumentFactory()
    end = len(document.text) + 10
    assert refused(lambda: ClaimFactory(document=document, start=end - 5, end=end, text="xxxxx"))


def test_it_refuses_a_claim_whose_text_differs_from_the_passage_at_its_offsets():
    document = DocumentFactory()
    assert refused(lambda: ClaimFactory(document=document, start=0, end=8, text="NOTTHERE"))


def test_it_refuses_a_quote_whose_span_does_not_match_the_document():
    document = DocumentFactory()
    assert refused(lambda: QuoteFactory(document=document, start=0, end=5, exact="Hello"))


def test_it_refuses_a_negative_count():
    assert refused(lambda: ClaimFactory(count=-1))


def test_it_refuses_count_high_below_count():
    assert refused(lambda: ClaimFactory(count=20, count_high=10, qualifier="range"))
    ClaimFactory(count=10, count_high=20, qualifier="range")


def test_it_refuses_a_casualty_claim_without_a_count():
    assert refused(lambda: ClaimFactory(count=None))


def test_it_refuses_an_unknown_status_or_outcome():
    assert refused(lambda: ClaimFactory(status="maybe"))
    assert refused(lambda: ClaimFactory(outcome="vanished"))


def test_a_review_event_cannot_be_edited_even_with_a_raw_update():
    claim = ClaimFactory()
    event = ReviewEvent.objects.create(claim=claim, action="approve", from_status="pending", to_status="approved")
    with pytest.raises(TypeError):
        event.note = "rewritten"
        event.save()
    with pytest.raises(TypeError):
        ReviewEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(TypeError):
        event.delete()
    # Below the ORM, the database refuses too.
    from django.db import connection

    assert refused(lambda: connection.cursor().execute(
        "UPDATE claims_reviewevent SET note = 'rewritten' WHERE id = %s", [event.pk]))
    assert ReviewEvent.objects.get(pk=event.pk).note == ""


def test_a_claim_with_review_history_cannot_be_deleted():
    claim = ClaimFactory()
    ReviewEvent.objects.create(claim=claim, action="approve", from_status="pending", to_status="approved")
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        claim.delete()
    assert Claim.objects.filter(pk=claim.pk).exists()
