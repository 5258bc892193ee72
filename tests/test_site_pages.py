"""FactDesk looks like FactDesk: a home page at /, the admin and the API under its name,
untitled documents named by what they say, dates without invented times."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from django.urls import reverse

from sources.models import Document
from tests.conftest import ClaimFactory, DocumentFactory, OutletFactory, api_client_for

pytestmark = pytest.mark.django_db


def test_the_home_page_says_what_factdesk_is_and_links_the_admin_the_api_docs_and_the_health_check(client):
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>FactDesk</title>" in page
    assert "casualty counts, ceasefire start times" in page
    for link in ('href="/admin/"', 'href="/api/docs/"', 'href="/healthz"'):
        assert link in page


def test_the_admin_is_called_factdesk_not_django_administration(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Django administration" not in page and "Django site admin" not in page
    assert "<title>Claims, sources and their review | FactDesk</title>" in page
    assert 'href="/"' in page  # "View site" leads to the home page, which exists


def test_the_api_root_describes_factdesks_api(editor):
    api = api_client_for(editor)
    browsable = api.get("/api/v1/", HTTP_ACCEPT="text/html").content.decode()
    assert "The default basic root view for DefaultRouter" not in browsable
    assert "FactDesk API" in browsable and "casualty counts" in browsable
    assert "Django REST framework" not in browsable
    body = api.get("/api/v1/").json()
    assert body["docs"].endswith("/api/docs/") and body["claims"].endswith("/api/v1/claims/")


def test_an_untitled_document_is_named_by_its_outlet_and_first_words():
    document = DocumentFactory(title="", url=None, outlet=OutletFactory(name="Coastal Post"),
                               text="Floodwater cut the northern road on Thursday, the county office said today.")
    assert str(document) == "Coastal Post: “Floodwater cut the northern road on Thursday, the…”"


@pytest.mark.parametrize("fields, label", [
    ({"published_at": None}, "no date"),
    (Document.published_fields(date(2022, 9, 13)), "13 Sep 2022"),
    (Document.published_fields(datetime(2022, 9, 13, 8, 30, tzinfo=timezone.utc)), "13 Sep 2022, 08:30 UTC"),
])
def test_a_publication_date_reads_as_the_source_gave_it(fields, label):
    assert DocumentFactory(**fields).published_label == label


def test_the_claims_list_shows_each_claims_document_with_its_date(client, editor):
    ClaimFactory(document=DocumentFactory(title="Clashes in the capital", published_at=None))
    ClaimFactory(document=DocumentFactory(title="", url=None, outlet=OutletFactory(name="Coastal Post"),
                                          published_at=None))
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "Clashes in the capital" in page
    assert "“KHARTOUM — Fighting in the capital" in page  # the untitled one's first words
    assert "Coastal Post: “" not in page  # its outlet is on the line below, not repeated
    assert "no date" in page
    assert "midnight" not in page.lower()
