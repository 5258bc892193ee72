"""The busiest reads stay cheap: the claims list serializes plain rows exactly as
the model serializer would, and a token request costs a fixed, small number of queries."""
from __future__ import annotations

from datetime import datetime, timezone

from django.contrib.auth.models import Permission
from django.http import QueryDict
from django.utils import timezone as django_timezone
from rest_framework import serializers

from claims.api.filters import ClaimFilter
from claims.api.serializers import ClaimDetailSerializer, ClaimRowSerializer, ClaimSerializer
from claims.models import Claim
from claims.selectors import claim_detail, claim_list, claim_list_rows, claim_page_rows
from tests.conftest import ClaimFactory, DocumentFactory, QuoteFactory, SpeakerFactory, token_client_for


def test_a_list_row_serializes_exactly_as_the_model_serializer_would(reviewer):
    speaker = SpeakerFactory(name="Idris Bello", role="police spokesman")
    decided = ClaimFactory(speaker=speaker, effective_at=datetime(2025, 3, 2, 18, 30, tzinfo=timezone.utc),
                           count_high=15, precision="minute", extracted_values={"count": 12, "note": "ünïcode"})
    decided.status, decided.reviewed_by, decided.reviewed_at, decided.version = (
        "approved", reviewer, datetime(2025, 3, 3, 9, 0, 0, 123456, tzinfo=timezone.utc), 3)
    decided.save()
    bare = ClaimFactory(kind="quote", document=DocumentFactory(outlet=None, published_at=None), speaker=None,
                        count=None, outcome="", qualifier="", group="")

    for claim in (decided, bare):
        row = claim_list_rows().get(pk=claim.pk)
        model = claim_list().get(pk=claim.pk)
        assert ClaimRowSerializer(row).data == ClaimSerializer(model).data
        assert list(ClaimRowSerializer(row).data) == ClaimSerializer.Meta.fields


def test_a_claim_page_serializes_exactly_as_drfs_generic_fields_would(reviewer):
    speaker = SpeakerFactory(name="Idris Bello", role="police spokesman")
    quote = QuoteFactory(speaker=speaker)
    decided = ClaimFactory(document=quote.document, quote=quote, speaker=speaker, count_high=15,
                           effective_at=datetime(2025, 3, 2, 18, 30, tzinfo=timezone.utc))
    decided.status, decided.reviewed_by = "disputed", reviewer
    decided.reviewed_at = datetime(2025, 3, 3, tzinfo=timezone.utc)
    decided.save()
    bare = ClaimFactory(kind="quote", document=DocumentFactory(outlet=None), speaker=None, count=None,
                        outcome="", qualifier="", group="")

    for claim in (decided, bare):
        serializer = ClaimDetailSerializer(claim_detail().get(pk=claim.pk))
        generic = serializers.ModelSerializer.to_representation(serializer, serializer.instance)
        assert serializer.data == generic
        assert list(serializer.data) == ClaimDetailSerializer.Meta.fields
        # GET reads the page as one plain row (claim_page_rows); review answers from an instance.
        assert ClaimDetailSerializer(claim_page_rows().get(pk=claim.pk)).data == generic
        assert list(ClaimDetailSerializer(claim_page_rows().get(pk=claim.pk)).data) == list(generic)


def test_list_rows_follow_the_active_time_zone_like_drf_does(db):
    claim = ClaimFactory()
    row = claim_list_rows().get(pk=claim.pk)
    with django_timezone.override("Asia/Kolkata"):
        fast = ClaimRowSerializer(row).data["created_at"]
        slow = ClaimSerializer(Claim.objects.get(pk=claim.pk)).data["created_at"]
    assert fast == slow
    assert fast.endswith("+05:30")


def test_a_token_request_for_the_claims_list_costs_three_queries(reader, django_assert_num_queries):
    for _ in range(30):
        ClaimFactory(speaker=SpeakerFactory())
    client = token_client_for(reader)
    client.get("/api/v1/claims/")  # the token's first use writes last_used_at once
    with django_assert_num_queries(3):  # the token with its user, the user's permissions, the page
        response = client.get("/api/v1/claims/", {"page_size": 25, "status": "pending"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 25


def test_a_token_request_for_one_claim_costs_three_queries(reader, django_assert_num_queries):
    claim = ClaimFactory(speaker=SpeakerFactory())
    client = token_client_for(reader)
    client.get(f"/api/v1/claims/{claim.pk}/")
    with django_assert_num_queries(3):
        response = client.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 200


def test_permissions_given_directly_and_through_a_group_both_count(outsider):
    client = token_client_for(outsider)
    assert client.get("/api/v1/claims/").status_code == 403
    outsider.user_permissions.add(Permission.objects.get(codename="view_claim"))
    assert client.get("/api/v1/claims/").status_code == 200
    assert client.get("/api/v1/documents/").status_code == 403


def test_a_role_taken_away_is_refused_on_the_very_next_request(reader):
    client = token_client_for(reader)
    assert client.get("/api/v1/claims/").status_code == 200
    reader.groups.clear()
    assert client.get("/api/v1/claims/").status_code == 403


def test_the_claims_filter_builds_and_validates_only_the_filters_a_request_gives(db):
    given = ClaimFilter(data=QueryDict("status=pending&count_min=3&page_size=50"), queryset=claim_list_rows())
    assert list(given.filters) == ["status", "count_min"]
    assert list(given.form.fields) == ["status", "count_min"]
    assert given.is_valid()
    assert list(ClaimFilter(data=QueryDict(""), queryset=claim_list_rows()).form.fields) == []


def test_a_bad_value_of_a_given_filter_is_still_refused_and_absent_filters_filter_nothing(reader):
    pending, approved = ClaimFactory(), ClaimFactory(status="approved")
    refused = ClaimFilter(data=QueryDict("count_max=-4"), queryset=claim_list_rows())
    assert not refused.is_valid()
    assert set(refused.errors) == {"count_max"}
    client = token_client_for(reader)
    assert {row["id"] for row in client.get("/api/v1/claims/").json()["results"]} == {pending.pk, approved.pk}
    assert [row["id"] for row in client.get("/api/v1/claims/", {"status": "approved"}).json()["results"]] == [
        approved.pk]


def test_people_in_the_browsable_api_see_every_filter(reader):
    client = token_client_for(reader)
    page = client.get("/api/v1/claims/", {"status": "pending"}, HTTP_ACCEPT="text/html").content.decode()
    for name in ("outcome", "count_min", "confidence_max", "published_after"):
        assert f'name="{name}"' in page
