"""Doors with limits (issue 9, point 4): failed bearer tokens are throttled per address, token lookups are
cached in the shared cache and dropped at once when a token or its user changes, and a token made with a
token never outlives nor outranks it."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from claims.api import throttling
from factdesk.accounts import token_cache
from factdesk.accounts.models import ApiToken
from factdesk.accounts.services import token_authenticate, token_create, token_revoke
from tests.conftest import ClaimFactory, api_client_for, make_user

CLAIMS = "/api/v1/claims/"
TOKENS = "/api/v1/tokens/"


def bearer_from(address: str, secret: str, **headers) -> APIClient:
    client = APIClient(REMOTE_ADDR=address, **headers)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture(autouse=True)
def clock_mid_minute(monkeypatch):
    """The failed-token count is a fixed window of whole minutes: a test whose requests straddled a minute's end
    would start a fresh count half-way (seen once in a loaded CI run). The clock stands still mid-minute here;
    the test of a period passing moves it itself."""
    monkeypatch.setattr(throttling, "clock", lambda: 1_800_000_030.0)


@pytest.fixture
def bad_token_rate(settings):
    """The failed-token limit at 3 a minute, the other rates out of the way."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "user": "1000/min", "anon": "1000/min", "bad_token": "3/min"}}


# --- Failed tokens are throttled per client address -------------------------------------------------

def test_it_stops_an_address_after_30_failed_tokens_a_minute_by_default(db):
    guesser = bearer_from("192.0.2.10", "fdk_guess")
    statuses = [guesser.get(CLAIMS).status_code for _ in range(31)]
    assert statuses == [401] * 30 + [429]


def test_it_answers_429_as_a_problem_with_retry_after_once_an_address_passes_the_limit(bad_token_rate, reader):
    guesser = bearer_from("192.0.2.11", "fdk_guess")
    assert [guesser.get(CLAIMS).status_code for _ in range(3)] == [401, 401, 401]
    response = guesser.get(CLAIMS)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith("Too many requests with invalid tokens from your address.")
    assert 0 < int(response["Retry-After"]) <= 60


def test_a_locked_address_is_refused_even_with_a_good_token_but_other_addresses_are_not(bad_token_rate, reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    for _ in range(3):
        bearer_from("192.0.2.12", "fdk_guess").get(CLAIMS)
    assert bearer_from("192.0.2.12", secret).get(CLAIMS).status_code == 429
    assert bearer_from("192.0.2.13", secret).get(CLAIMS).status_code == 200


def test_good_tokens_never_count_against_an_address(bad_token_rate, reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    assert {bearer_from("192.0.2.14", secret).get(CLAIMS).status_code for _ in range(6)} == {200}


def test_a_forwarded_for_header_written_by_the_client_does_not_reset_its_count(bad_token_rate, db):
    statuses = [bearer_from("192.0.2.15", "fdk_guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").get(CLAIMS).status_code
                for n in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_behind_a_proxy_the_address_it_forwards_is_the_client(bad_token_rate, settings, db):
    settings.FACTDESK_NUM_PROXIES = 1
    proxy = "10.0.0.2"
    for _ in range(3):
        bearer_from(proxy, "fdk_guess", HTTP_X_FORWARDED_FOR="203.0.113.7").get(CLAIMS)
    assert bearer_from(proxy, "fdk_guess", HTTP_X_FORWARDED_FOR="203.0.113.7").get(CLAIMS).status_code == 429
    assert bearer_from(proxy, "fdk_guess", HTTP_X_FORWARDED_FOR="203.0.113.8").get(CLAIMS).status_code == 401


def test_an_address_may_try_again_once_the_period_has_passed(bad_token_rate, reader, monkeypatch):
    _, secret = token_create(user=reader, name="script", actor=reader)
    start = 1_800_000_000.0  # a whole number of minutes
    monkeypatch.setattr(throttling, "clock", lambda: start + 5)
    for _ in range(4):
        bearer_from("192.0.2.16", "fdk_guess").get(CLAIMS)
    assert bearer_from("192.0.2.16", secret).get(CLAIMS).status_code == 429
    monkeypatch.setattr(throttling, "clock", lambda: start + 61)
    assert bearer_from("192.0.2.16", secret).get(CLAIMS).status_code == 200


def test_a_rate_of_none_switches_the_limit_off(settings, db):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "user": "1000/min", "anon": "1000/min", "bad_token": None}}
    assert {bearer_from("192.0.2.17", "fdk_guess").get(CLAIMS).status_code for _ in range(40)} == {401}


# --- Token lookups are cached, and dropped at once when they change -----------------------------------

def token_queries(client: APIClient) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CLAIMS).status_code == 200
    return sum('"claims_apitoken"' in query["sql"] for query in queries.captured_queries)


def test_a_token_is_read_from_the_database_once_then_from_the_cache(reader):
    _, secret = token_create(user=reader, name="busy", actor=reader)
    client = bearer_from("192.0.2.20", secret)
    assert token_queries(client) == 2  # the lookup, and the first last-used time
    assert token_queries(client) == 0


def test_a_revoked_token_fails_at_once_though_its_lookup_was_cached(reader):
    token, secret = token_create(user=reader, name="leaked", actor=reader)
    client = bearer_from("192.0.2.21", secret)
    assert client.get(CLAIMS).status_code == 200  # cached now
    assert api_client_for(reader).delete(f"{TOKENS}{token.pk}/").status_code == 204
    assert client.get(CLAIMS).status_code == 401


def test_a_lookup_that_read_the_token_before_it_was_revoked_cannot_put_it_back_in_the_cache(reader):
    token, secret = token_create(user=reader, name="leaked", actor=reader)
    read_before = ApiToken.objects.select_related("user").get(pk=token.pk)  # another process, mid-lookup
    token_revoke(token_id=token.pk, actor=reader)
    token_cache.token_remember(read_before)  # …writes what it read, after the revocation
    assert token_authenticate(secret) is None


def test_deactivating_a_user_stops_their_cached_token_at_once(reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    client = bearer_from("192.0.2.22", secret)
    assert client.get(CLAIMS).status_code == 200
    reader.is_active = False
    reader.save()
    assert client.get(CLAIMS).status_code == 401


def test_taking_superuser_away_is_seen_at_once_by_a_cached_token(admin_user, reviewer):
    _, secret = token_create(user=admin_user, name="ops", actor=admin_user)
    client = bearer_from("192.0.2.23", secret)
    assert len(client.get(TOKENS).json()["results"]) == 1
    token_create(user=reviewer, name="rob's", actor=reviewer)
    admin_user.is_superuser = False
    admin_user.save()
    admin_user.groups.clear()
    assert client.get(TOKENS).status_code == 403


def test_deleting_a_user_stops_their_cached_token_at_once(reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    client = bearer_from("192.0.2.24", secret)
    assert client.get(CLAIMS).status_code == 200
    reader.delete()
    assert client.get(CLAIMS).status_code == 401


def test_with_the_cache_off_every_lookup_reads_the_database(reader, settings):
    settings.FACTDESK_TOKEN_CACHE_SECONDS = 0
    _, secret = token_create(user=reader, name="busy", actor=reader)
    client = bearer_from("192.0.2.25", secret)
    token_queries(client)
    assert token_queries(client) == 1


# --- A token made with a token never outlives nor outranks it ------------------------------------------

def child_of(secret: str, **body):
    return bearer_from("192.0.2.30", secret).post(TOKENS, {"name": "child", **body}, format="json")


def test_a_child_token_expires_with_its_parent_by_default(reader):
    parent, secret = token_create(user=reader, name="parent", actor=reader,
                                  expires_at=timezone.now() + timedelta(days=7))
    response = child_of(secret)
    assert response.status_code == 201
    child = ApiToken.objects.get(pk=response.json()["id"])
    assert child.expires_at == parent.expires_at
    assert child.parent_id == parent.pk
    assert response.json()["parent"] == parent.pk


def test_a_child_token_may_expire_sooner_but_never_later_than_its_parent(reader):
    parent, secret = token_create(user=reader, name="parent", actor=reader,
                                  expires_at=timezone.now() + timedelta(days=7))
    sooner = timezone.now() + timedelta(days=1)
    assert child_of(secret, expires_at=sooner.isoformat()).status_code == 201
    later = child_of(secret, expires_at=(timezone.now() + timedelta(days=30)).isoformat())
    assert later.status_code == 400
    assert list(later.json()["errors"]) == ["expires_at"]
    assert ApiToken.objects.filter(parent=parent).count() == 1


def test_a_child_of_a_token_that_never_expires_may_never_expire_either(reader):
    parent, secret = token_create(user=reader, name="parent", actor=reader)
    response = child_of(secret)
    assert response.status_code == 201
    assert response.json()["expires_at"] is None


def test_a_child_token_keeps_its_parents_role_and_may_not_ask_for_more(editor):
    parent, secret = token_create(user=editor, name="read-only", actor=editor, role="reader")
    kept = child_of(secret)
    assert kept.status_code == 201
    assert kept.json()["role"] == "reader"
    refused = child_of(secret, role="editor")
    assert refused.status_code == 403
    assert ApiToken.objects.filter(parent=parent).count() == 1


def test_a_role_limited_admin_token_cannot_make_a_token_for_a_superuser(db):
    role_admin = make_user("adele-role-admin", "admin", is_staff=True)
    superuser = make_user("sam-super", None, is_staff=True, is_superuser=True)
    _, secret = token_create(user=role_admin, name="ops", actor=role_admin)
    refused = child_of(secret, user=superuser.pk)
    assert refused.status_code == 403
    assert not ApiToken.objects.filter(user=superuser).exists()


def test_revoking_a_parent_revokes_its_children_and_theirs_and_keeps_every_row(reader):
    parent, parent_secret = token_create(user=reader, name="parent", actor=reader)
    child_secret = child_of(parent_secret).json()["secret"]
    grandchild_secret = child_of(child_secret).json()["secret"]
    unrelated, unrelated_secret = token_create(user=reader, name="other", actor=reader)
    for secret in (child_secret, grandchild_secret, unrelated_secret):
        assert bearer_from("192.0.2.31", secret).get(CLAIMS).status_code == 200  # cached lookups
    assert api_client_for(reader).delete(f"{TOKENS}{parent.pk}/").status_code == 204
    assert bearer_from("192.0.2.31", child_secret).get(CLAIMS).status_code == 401
    assert bearer_from("192.0.2.31", grandchild_secret).get(CLAIMS).status_code == 401
    assert bearer_from("192.0.2.31", unrelated_secret).get(CLAIMS).status_code == 200
    assert ApiToken.objects.count() == 4
    assert ApiToken.objects.filter(revoked_at__isnull=False).count() == 3


def test_a_token_made_while_signed_in_has_no_parent(reader):
    response = api_client_for(reader).post(TOKENS, {"name": "first"}, format="json")
    assert response.status_code == 201
    assert response.json()["parent"] is None


# --- A token acts with at most its role ----------------------------------------------------------------

def test_a_token_limited_to_reader_cannot_review_though_its_user_can(reviewer):
    claim = ClaimFactory()
    _, secret = token_create(user=reviewer, name="read-only", actor=reviewer, role="reader")
    client = bearer_from("192.0.2.40", secret)
    assert client.get(f"{CLAIMS}{claim.pk}/").status_code == 200
    assert client.post(f"{CLAIMS}{claim.pk}/approve/", {}, format="json").status_code == 403


def test_a_superusers_token_limited_to_reader_loses_the_superuser_bypass(admin_user, reviewer):
    token_create(user=reviewer, name="rob's", actor=reviewer)
    _, secret = token_create(user=admin_user, name="read-only", actor=admin_user, role="reader")
    listed = bearer_from("192.0.2.41", secret).get(TOKENS).json()["results"]
    assert [token["user"] for token in listed] == [admin_user.username]  # not everyone's


def test_a_token_never_gets_a_role_above_its_users(reader):
    response = api_client_for(reader).post(TOKENS, {"name": "x", "role": "editor"}, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["role"]
