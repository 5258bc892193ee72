"""The review history in the admin: readable, and never added to, edited or deleted there."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import ReviewEvent
from tests.conftest import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(editor) -> ReviewEvent:
    return ReviewEvent.objects.create(claim=ClaimFactory(), actor=editor, action="approve", from_status="pending",
                                      to_status="approved", note="Matches the ministry's bulletin")


def test_an_editor_can_read_the_review_history(client, editor, event):
    client.force_login(editor)

    listed = client.get(reverse("admin:claims_reviewevent_changelist"))
    shown = client.get(reverse("admin:claims_reviewevent_change", args=[event.pk]))

    assert listed.status_code == 200 and "Matches the ministry" in listed.content.decode()
    assert shown.status_code == 200 and 'name="_save"' not in shown.content.decode()


def test_not_even_a_superuser_can_add_a_review_event(client, admin_user, event):
    client.force_login(admin_user)

    assert client.get(reverse("admin:claims_reviewevent_add")).status_code == 403
    assert client.post(reverse("admin:claims_reviewevent_add"), {"claim": event.claim_id, "action": "reject",
                                                                  "from_status": "pending", "to_status": "rejected",
                                                                  "note": "forged"}).status_code == 403
    assert ReviewEvent.objects.count() == 1


def test_not_even_a_superuser_can_change_a_review_event(client, admin_user, event):
    client.force_login(admin_user)

    response = client.post(reverse("admin:claims_reviewevent_change", args=[event.pk]),
                           {"claim": event.claim_id, "action": "reject", "from_status": "pending",
                            "to_status": "rejected", "note": "rewritten"})

    assert response.status_code == 403
    event.refresh_from_db()
    assert (event.action, event.note) == ("approve", "Matches the ministry's bulletin")


def test_not_even_a_superuser_can_delete_a_review_event(client, admin_user, event):
    client.force_login(admin_user)
    url = reverse("admin:claims_reviewevent_delete", args=[event.pk])

    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert ReviewEvent.objects.filter(pk=event.pk).exists()


def test_the_review_event_list_offers_no_bulk_delete(client, admin_user, event):
    client.force_login(admin_user)

    response = client.get(reverse("admin:claims_reviewevent_changelist"))

    assert response.context["action_form"] is None
