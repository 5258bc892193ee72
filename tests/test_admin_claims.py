"""The claims admin: the editors' review queue, their bulk decisions and the claim page."""
from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimStatus, ReviewEvent
from claims.services import claim_dispute
from tests.conftest import ClaimFactory, DocumentFactory, SpeakerFactory, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_claim_changelist")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _offered_actions(response) -> list[str]:
    form = response.context["action_form"]
    return [] if form is None else [name for name, _ in form.fields["action"].choices]


def _rendered_versions(client) -> list[str]:
    """The claim versions the changelist page carries beside its checkboxes ("id:version")."""
    return re.findall(r'name="claim_version" value="(\d+:\d+)"', client.get(CHANGELIST).content.decode())


def _act(client, action: str, claims, *, versions: list[str] | None = None, **extra):
    """Select `claims` and run `action`, with the versions the list was rendered with (by default: now)."""
    if versions is None:
        versions = [f"{claim.pk}:{Claim.objects.get(pk=claim.pk).version}" for claim in claims]
    data = {"action": action, "_selected_action": [claim.pk for claim in claims], "claim_version": versions, **extra}
    return client.post(CHANGELIST, data)


def test_it_lists_claims_with_their_values_speaker_and_outlet(client, editor):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Health Ministry"), qualifier="at_least", count=12,
                         outcome="killed", group="civilians")
    client.force_login(editor)

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    page = response.content.decode()
    assert "at least 12 killed — civilians" in page
    assert "Health Ministry" in page
    assert claim.document.outlet.name in page
    assert "casualty.<wbr>verb_<wbr>active" in page  # the rule, allowed to wrap at its dots


def test_it_finds_claims_by_speaker_name_and_document_title(client, editor):
    wanted = ClaimFactory(speaker=SpeakerFactory(name="Hala Mansour"),
                          document=DocumentFactory(title="Shelling near the river port"))
    ClaimFactory(speaker=SpeakerFactory(name="Omar Idris"))
    client.force_login(editor)

    by_speaker = client.get(CHANGELIST, {"q": "Mansour"})
    by_title = client.get(CHANGELIST, {"q": "river port"})

    assert [c.pk for c in by_speaker.context["cl"].result_list] == [wanted.pk]
    assert [c.pk for c in by_title.context["cl"].result_list] == [wanted.pk]


def test_it_filters_the_queue_by_status(client, editor):
    pending = ClaimFactory()
    ClaimFactory(status=ClaimStatus.APPROVED)
    client.force_login(editor)

    response = client.get(CHANGELIST, {"status__exact": "pending"})

    assert [c.pk for c in response.context["cl"].result_list] == [pending.pk]


def test_the_changelist_costs_the_same_queries_for_few_claims_and_for_many(client, editor):
    client.force_login(editor)
    ClaimFactory.create_batch(2, speaker=SpeakerFactory())
    client.get(CHANGELIST)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        assert client.get(CHANGELIST).status_code == 200
    for _ in range(6):
        ClaimFactory(speaker=SpeakerFactory())
    with CaptureQueriesContext(connection) as many:
        assert client.get(CHANGELIST).status_code == 200

    assert len(many) == len(few)


def test_the_claim_page_marks_the_passage_inside_its_paragraph_and_escapes_the_article(client, editor):
    text = ("Officials <b>said</b> fighting killed at least 12 civilians & wounded others <script>x()</script>.\n\n"
            "A second paragraph that is not shown.")
    claim = ClaimFactory(document=DocumentFactory(text=text))
    client.force_login(editor)

    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>killed at least 12 civilians</mark>" in page
    assert "Officials &lt;b&gt;said&lt;/b&gt; fighting" in page
    assert "&amp; wounded others &lt;script&gt;x()&lt;/script&gt;" in page
    assert "<script>x()" not in page
    assert "A second paragraph that is not shown." not in page
    assert reverse("admin:sources_document_change", args=[claim.document.pk]) in page


def test_the_claim_page_shows_rule_version_original_values_and_review_history(client, editor):
    claim = ClaimFactory(extractor_version="2.3.1", rule="casualty.toll_phrase",
                         extracted_values={"outcome": "killed", "count": 10, "qualifier": "at_least"})
    ReviewEvent.objects.create(claim=claim, actor=editor, action="dispute", from_status="pending",
                               to_status="disputed", note="The ministry later revised the figure")
    client.force_login(editor)

    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))

    page = response.content.decode()
    assert "2.3.1" in page and "casualty.toll_phrase" in page
    assert "<td>10</td><td>12</td><td><strong>corrected</strong></td>" in page
    assert "The ministry later revised the figure" in page
    # Nothing on the page saves the claim directly, and the history cannot be deleted from it.
    assert 'name="_save"' not in page
    assert "review_events-0-DELETE" not in page


def test_the_claim_page_lists_the_extractors_reasons_in_order_and_escaped(client, editor):
    claim = ClaimFactory(explanation=[
        "read '2300 GMT' as the truce's start",
        "day 2019-03-05: named in the same sentence ('on Tuesday')",
        "zone UTC written with the clock <GMT>",
    ])
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    first = page.index("<li>read &#x27;2300 GMT&#x27; as the truce&#x27;s start</li>")
    second = page.index("<li>day 2019-03-05: named in the same sentence (&#x27;on Tuesday&#x27;)</li>")
    third = page.index("<li>zone UTC written with the clock &lt;GMT&gt;</li>")
    assert first < second < third


def test_a_claim_without_reasons_says_so_on_its_page(client, editor):
    claim = ClaimFactory(explanation=[])
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    assert "The extractor gave no reasons for this claim." in page


def test_bulk_approve_records_a_review_event_and_bumps_the_version_of_each_claim(client, editor):
    claims = ClaimFactory.create_batch(3)
    client.force_login(editor)

    response = _act(client, "approve_selected", claims)

    assert response.status_code == 302
    assert "Approved 3 claims." in _messages(response)
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.APPROVED
        assert claim.version == 2
        assert claim.reviewed_by == editor
        assert list(claim.review_events.values_list("action", "actor")) == [("approve", editor.pk)]


def test_bulk_approve_of_a_selection_with_one_claim_it_may_not_approve_changes_nothing(client, editor):
    pending = ClaimFactory()
    already_approved = ClaimFactory(status=ClaimStatus.APPROVED)
    client.force_login(editor)

    response = _act(client, "approve_selected", [pending, already_approved])

    shown = _messages(response)
    assert len(shown) == 1
    assert "nothing was changed" in shown[0] and f"claim {already_approved.pk} is approved" in shown[0]
    pending.refresh_from_db()
    assert (pending.status, pending.version) == (ClaimStatus.PENDING, 1)
    assert not ReviewEvent.objects.exists()


def test_the_list_carries_each_claims_version_beside_its_checkbox(client, editor):
    claims = [ClaimFactory(), ClaimFactory(version=4)]
    client.force_login(editor)

    assert sorted(_rendered_versions(client)) == sorted(f"{c.pk}:{c.version}" for c in claims)


def test_bulk_approve_from_a_list_shown_before_someone_disputed_a_claim_is_refused_and_keeps_the_dispute(
        client, editor, reviewer):
    first, second = ClaimFactory.create_batch(2)
    client.force_login(editor)
    shown = _rendered_versions(client)
    claim_dispute(claim_id=second.pk, actor=reviewer, note="the ministry says 8", expected_version=1)

    response = _act(client, "approve_selected", [first, second], versions=shown)

    shown_messages = _messages(response)
    assert len(shown_messages) == 1
    assert "nothing was changed" in shown_messages[0]
    assert f"claim {second.pk}" in shown_messages[0]
    assert dict(Claim.objects.values_list("pk", "status")) == {first.pk: "pending", second.pk: "disputed"}
    assert list(ReviewEvent.objects.values_list("claim_id", "action")) == [(second.pk, "dispute")]


def test_a_bulk_action_posted_without_the_versions_the_list_showed_is_refused(client, editor):
    shown, not_shown = ClaimFactory.create_batch(2)
    client.force_login(editor)

    response = _act(client, "approve_selected", [shown, not_shown], versions=[f"{shown.pk}:1"])

    shown_messages = _messages(response)
    assert len(shown_messages) == 1
    assert "nothing was changed" in shown_messages[0] and str(not_shown.pk) in shown_messages[0]
    assert set(Claim.objects.values_list("status", flat=True)) == {"pending"}
    assert not ReviewEvent.objects.exists()


def test_the_reason_page_carries_the_versions_the_list_showed_and_a_change_meanwhile_is_refused(
        client, editor, reviewer):
    claim = ClaimFactory()
    client.force_login(editor)
    shown = _rendered_versions(client)

    asked = _act(client, "reject_selected", [claim], versions=shown)
    carried = re.findall(r'name="claim_version" value="(\d+:\d+)"', asked.content.decode())
    claim_dispute(claim_id=claim.pk, actor=reviewer, note="other outlets say 8", expected_version=1)
    done = _act(client, "reject_selected", [claim], versions=carried, confirm="yes", note="an older toll")

    assert carried == shown == [f"{claim.pk}:1"]
    assert any("nothing was changed" in message for message in _messages(done))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DISPUTED


def test_rejecting_asks_for_a_reason_before_anything_changes(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = _act(client, "reject_selected", [claim])

    assert response.status_code == 200
    assert 'name="note"' in response.content.decode()
    assert response.context["claims"][0][0] == claim
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_rejecting_with_an_empty_reason_is_refused_and_changes_nothing(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = _act(client, "reject_selected", [claim], confirm="yes", note="   ")

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING
    assert not ReviewEvent.objects.exists()


def test_rejecting_with_a_reason_records_it_in_the_review_history(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = _act(client, "reject_selected", [claim], confirm="yes", note="The figure is the 2019 toll")

    assert response.status_code == 302
    assert "Rejected 1 claim." in _messages(response)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert claim.review_events.get().note == "The figure is the 2019 toll"


def test_dispute_also_asks_for_a_reason(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    asked = _act(client, "dispute_selected", [claim])
    done = _act(client, "dispute_selected", [claim], confirm="yes", note="Other outlets report 8")

    assert asked.status_code == 200 and 'name="note"' in asked.content.decode()
    assert "These claims will be disputed." in asked.content.decode()
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DISPUTED


def test_reopen_brings_decided_claims_back_to_pending(client, editor):
    claim = ClaimFactory(status=ClaimStatus.REJECTED)
    client.force_login(editor)

    response = _act(client, "reopen_selected", [claim])

    assert "Reopened 1 claim." in _messages(response)
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (ClaimStatus.PENDING, 2)


def test_review_actions_are_offered_only_to_those_who_may_review(client, editor):
    staff_reader = make_user("stan-staff-reader", "reader", is_staff=True)
    claim = ClaimFactory()

    client.force_login(staff_reader)
    reader_actions = _offered_actions(client.get(CHANGELIST))
    refused = _act(client, "approve_selected", [claim])
    client.force_login(editor)
    editor_actions = _offered_actions(client.get(CHANGELIST))

    assert "approve_selected" not in reader_actions and "reopen_selected" not in reader_actions
    assert {"approve_selected", "reject_selected", "dispute_selected", "reopen_selected"} <= set(editor_actions)
    assert refused.status_code in (200, 302)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_claim_cannot_be_added_changed_or_deleted_through_its_admin_form(client, admin_user):
    claim = ClaimFactory()
    client.force_login(admin_user)

    added = client.get(reverse("admin:claims_claim_add"))
    changed = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), {"count": 99, "status": "approved"})
    deleted = client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"})

    assert (added.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    claim.refresh_from_db()
    assert (claim.count, claim.status, claim.version) == (12, ClaimStatus.PENDING, 1)


def test_the_correction_form_changes_values_through_the_service(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    url = reverse("admin:claims_claim_correct", args=[claim.pk])

    page = client.get(url)
    response = client.post(url, {"count": 14, "count_high": "", "qualifier": "at_least", "outcome": "killed",
                                 "group": "civilians", "speaker": "", "note": "Updated toll in paragraph 3",
                                 "version": 1})

    assert page.status_code == 200
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.count, claim.version) == (14, 2)
    event = claim.review_events.get()
    assert (event.action, event.changes, event.note) == ("correct", {"count": [12, 14]},
                                                          "Updated toll in paragraph 3")


def test_the_correction_form_refuses_a_stale_version_and_says_so(client, editor):
    claim = ClaimFactory(version=3)
    client.force_login(editor)

    response = client.post(reverse("admin:claims_claim_correct", args=[claim.pk]),
                           {"count": 14, "qualifier": "at_least", "outcome": "killed", "group": "civilians",
                            "version": 2})

    assert response.status_code == 200
    assert "you read version 2" in response.content.decode()
    claim.refresh_from_db()
    assert (claim.count, claim.version) == (12, 3)


def test_the_correction_form_is_closed_to_staff_without_the_correct_permission(client):
    staff_reader = make_user("stan-staff-reader", "reader", is_staff=True)
    claim = ClaimFactory()
    client.force_login(staff_reader)

    assert client.get(reverse("admin:claims_claim_correct", args=[claim.pk])).status_code == 403
    assert Claim.objects.get(pk=claim.pk).version == 1


def test_a_claim_can_be_approved_from_its_own_page(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    response = client.post(reverse("admin:claims_claim_review", args=[claim.pk]),
                           {"review_action": "approve", "version": 1, "note": ""})

    assert 'value="approve"' in page and 'value="reopen"' not in page
    assert response.status_code == 302
    assert f"Approved claim {claim.pk}." in _messages(response)
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (ClaimStatus.APPROVED, 2)
    assert claim.review_events.get().actor == editor


def test_rejecting_from_the_claim_page_without_a_reason_changes_nothing_and_says_why(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = client.post(reverse("admin:claims_claim_review", args=[claim.pk]),
                           {"review_action": "reject", "version": 1, "note": " "})

    assert any("a note is required" in message for message in _messages(response))
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (ClaimStatus.PENDING, 1)


def test_a_decision_on_a_claim_page_read_before_someone_else_changed_it_is_refused(client, editor):
    claim = ClaimFactory(version=2)
    client.force_login(editor)

    response = client.post(reverse("admin:claims_claim_review", args=[claim.pk]),
                           {"review_action": "approve", "version": 1})

    assert any("you read version 1" in message for message in _messages(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_decision_on_a_claim_page_that_does_not_say_which_version_it_showed_is_refused(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = client.post(reverse("admin:claims_claim_review", args=[claim.pk]), {"review_action": "approve"})

    assert any("nothing was changed" in message for message in _messages(response))
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (ClaimStatus.PENDING, 1)


def test_staff_without_review_permission_see_no_review_buttons_and_cannot_post_one(client):
    staff_reader = make_user("stan-staff-reader", "reader", is_staff=True)
    claim = ClaimFactory()
    client.force_login(staff_reader)

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    response = client.post(reverse("admin:claims_claim_review", args=[claim.pk]),
                           {"review_action": "approve", "version": 1})

    assert 'name="review_action"' not in page
    assert any("needs the 'claims.review_claim' permission" in message for message in _messages(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_malformed_or_unknown_claim_id_is_a_404_not_a_crash(client, editor):
    client.force_login(editor)

    for url_name in ("admin:claims_claim_correct", "admin:claims_claim_review"):
        for bad_id in ("abc", "999999"):
            response = client.post(reverse(url_name, args=[bad_id]), {"review_action": "approve", "version": 1})
            assert response.status_code == 404, (url_name, bad_id)
