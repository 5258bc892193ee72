"""Who gets into the admin: staff only; everyone else is sent to the login page."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["admin:index", "admin:claims_claim_changelist",
                                      "admin:sources_document_changelist"])
def test_a_reader_without_staff_status_cannot_get_in(client, reader, url_name):
    client.force_login(reader)

    response = client.get(reverse(url_name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_a_reader_cannot_open_a_claim_page_either(client, reader):
    claim = ClaimFactory()
    client.force_login(reader)

    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))

    assert response.status_code == 302
    assert claim.text not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:claims_claim_changelist"))

    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_a_staff_editor_sees_the_claims_and_sources_sections(client, editor):
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    for name in ("Claims", "Review events", "Extraction jobs", "Documents", "Speakers", "Quotes", "Outlets"):
        assert name in page
