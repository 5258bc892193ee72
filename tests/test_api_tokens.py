"""Tokens for programs: shown once, stored hashed, expiring, revocable, with a cheap last-used time."""
from __future__ import annotations

import hashlib
from datetime import timedelta

from django.utils import timezone
from rest_framework.test import APIClient

from factdesk.accounts.models import ApiToken
from factdesk.accounts.services import token_authenticate, token_create
from tests.conftest import api_client_for, bearer_client, cache_clear


def test_a_user_makes_a_token_and_sees_its_secret_only_once(reader):
    client = api_client_for(reader)
    response = client.post("/api/v1/tokens/", {"name": "nightly export"}, format="json")
    assert response.status_code == 201
    secret = response.json()["secret"]
    assert len(secret) > 40
    token = ApiToken.objects.get(pk=response.json()["id"])
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().first())
    listed = client.get("/api/v1/tokens/").json()["results"]
    assert [t["id"] for t in listed] == [token.pk]
    assert "secret" not in listed[0]
    assert "secret" not in client.get(f"/api/v1/tokens/{token.pk}/").json()


def test_a_program_authenticates_with_its_token(reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    response = bearer_client(secret).get("/api/v1/claims/")
    assert response.status_code == 200


def test_a_wrong_token_is_401_with_a_bearer_challenge(db):
    response = bearer_client("fdk_not-a-real-token").get("/api/v1/claims/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="factdesk"'
    assert response["Content-Type"] == "application/problem+json"


def test_anonymous_requests_are_401_not_403(db):
    response = APIClient().get("/api/v1/claims/")
    assert response.status_code == 401
    assert response.json()["status"] == 401


def test_an_expired_token_no_longer_works(reader):
    _, secret = token_create(user=reader, name="short-lived", actor=reader,
                             expires_at=timezone.now() + timedelta(minutes=5))
    assert bearer_client(secret).get("/api/v1/claims/").status_code == 200
    # Nothing changes a token's expiry; the row is aged by hand here, so the cached lookup is dropped too.
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    cache_clear()
    assert bearer_client(secret).get("/api/v1/claims/").status_code == 401


def test_a_cached_lookup_still_honours_the_expiry(reader):
    token, secret = token_create(user=reader, name="short-lived", actor=reader,
                                 expires_at=timezone.now() + timedelta(minutes=5))
    assert token_authenticate(secret) is not None  # now cached
    assert token_authenticate(secret, now=token.expires_at + timedelta(seconds=1)) is None


def test_an_expiry_in_the_past_is_refused(reader):
    response = api_client_for(reader).post("/api/v1/tokens/", {
        "name": "x", "expires_at": (timezone.now() - timedelta(days=1)).isoformat(),
    }, format="json")
    assert response.status_code == 400
    assert "expires_at" in response.json()["errors"]


def test_a_revoked_token_no_longer_works(reader):
    token, secret = token_create(user=reader, name="leaked", actor=reader)
    assert api_client_for(reader).delete(f"/api/v1/tokens/{token.pk}/").status_code == 204
    assert bearer_client(secret).get("/api/v1/claims/").status_code == 401
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_a_token_can_revoke_itself(reader):
    token, secret = token_create(user=reader, name="script", actor=reader)
    assert bearer_client(secret).delete(f"/api/v1/tokens/{token.pk}/").status_code == 204
    assert bearer_client(secret).get("/api/v1/tokens/").status_code == 401


def test_users_cannot_see_or_revoke_each_others_tokens_but_an_admin_can(reader, reviewer, admin_user):
    token, _ = token_create(user=reviewer, name="reviewer's", actor=reviewer)
    assert api_client_for(reader).get("/api/v1/tokens/").json()["results"] == []
    assert api_client_for(reader).delete(f"/api/v1/tokens/{token.pk}/").status_code == 404
    assert [t["id"] for t in api_client_for(admin_user).get("/api/v1/tokens/").json()["results"]] == [token.pk]
    assert api_client_for(admin_user).delete(f"/api/v1/tokens/{token.pk}/").status_code == 204


def test_an_admin_makes_a_token_for_another_user_but_a_reader_cannot(reader, reviewer, admin_user):
    made = api_client_for(admin_user).post("/api/v1/tokens/", {"name": "for rob", "user": reviewer.pk}, format="json")
    assert made.status_code == 201
    assert made.json()["user"] == reviewer.username
    refused = api_client_for(reader).post("/api/v1/tokens/", {"name": "x", "user": reviewer.pk}, format="json")
    assert refused.status_code == 403


def test_last_used_is_written_at_most_once_a_minute(reader, django_assert_num_queries):
    token, secret = token_create(user=reader, name="busy", actor=reader)
    now = timezone.now()
    assert token_authenticate(secret, now=now).last_used_at == now
    with django_assert_num_queries(0):  # the cached lookup, and no write
        token_authenticate(secret, now=now + timedelta(seconds=30))
    cache_clear()
    with django_assert_num_queries(1):  # the lookup only, no write
        token_authenticate(secret, now=now + timedelta(seconds=30))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == now
    token_authenticate(secret, now=now + timedelta(seconds=61))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == now + timedelta(seconds=61)


def test_an_inactive_users_token_is_refused(reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    reader.is_active = False
    reader.save()
    assert bearer_client(secret).get("/api/v1/claims/").status_code == 401
