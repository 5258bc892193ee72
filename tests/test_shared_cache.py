"""Throttle counts and token lookups live in Django's cache: Redis when REDIS_URL is set (shared by every
process), local memory otherwise; a Redis that stops answering reads as an empty cache, never as a 500."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from factdesk.accounts.services import token_create

ROOT = Path(__file__).resolve().parent.parent
# Nothing listens on port 1 of the loopback: every connection is refused at once.
DEAD_REDIS = "redis://127.0.0.1:1/0"


def cache_backend_with(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    done = subprocess.run(
        [sys.executable, "-c", "from factdesk import settings; print(settings.CACHES['default']['BACKEND'])"],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def test_the_cache_is_redis_when_redis_url_is_set_and_local_memory_otherwise():
    assert cache_backend_with(REDIS_URL="redis://127.0.0.1:6379/2") == "factdesk.cache.ResilientRedisCache"
    assert cache_backend_with() == "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": {"BACKEND": "factdesk.cache.ResilientRedisCache", "LOCATION": DEAD_REDIS,
                                   "KEY_PREFIX": "factdesk", "OPTIONS": {"socket_connect_timeout": 0.5}}}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        "user": "2/min", "anon": "2/min", "bad_token": "2/min"}}


def test_with_redis_down_the_api_goes_on_reading_tokens_from_the_database_unthrottled(redis_down, reader):
    _, secret = token_create(user=reader, name="script", actor=reader)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert [client.get("/api/v1/claims/").status_code for _ in range(3)] == [200, 200, 200]
    guesser = APIClient()
    guesser.credentials(HTTP_AUTHORIZATION="Bearer fdk_guess")
    assert [guesser.get("/api/v1/claims/").status_code for _ in range(3)] == [401, 401, 401]


def test_with_redis_down_every_cache_call_reads_as_a_miss(redis_down):
    cache.set("k", 1)
    assert cache.get("k", "absent") == "absent"
    assert cache.add("k", 1) is False
    assert cache.get_many(["k"]) == {}
    assert cache.incr("k") == 1
    cache.delete("k")
    cache.clear()
