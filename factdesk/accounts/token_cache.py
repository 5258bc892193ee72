"""The token lookup cache: secret hash → token (with its user), for a short time, in the shared cache.

Django's default cache is Redis when REDIS_URL is set, so every web process
sees the same entries and the same invalidations; without Redis it is local
memory, one per process, as is the rest of the embedded default.

Staying true to the database, across processes:
- an entry is written with `add` (never overwriting), right after the row was read;
- whatever changes a token or its user (revocation, deletion, a saved user) puts
  a STALE marker in place of the entry, for INVALIDATION_HOLD: lookups that meet
  it read the database and may not cache what they read.
A lookup that read the row just before a change therefore cannot put the old
row back: its `add` meets the marker. Expiry needs no invalidation: it is checked
on every use against the cached expiry time.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache

from .models import ApiToken

STALE = "stale"


def _key(key_hash: str) -> str:
    return f"apitoken:{key_hash}"


# A cached lookup carries the token's last-used time, which is written at most once a minute
# (services.LAST_USED_RESOLUTION): an entry that lived longer would be stale enough to write it on
# every request, so entries never live longer than that.
MAX_TTL = 60


def _ttl() -> int:
    return min(int(settings.FACTDESK_TOKEN_CACHE_SECONDS), MAX_TTL)


def _hold() -> int:
    # Long beside the time between a lookup's read and its write (milliseconds), so that no
    # write from before a change can land after the marker has gone.
    return max(10 * _ttl(), 60)


def token_cached(key_hash: str) -> ApiToken | str | None:
    """The cached token, STALE if it may not be cached now, or None when nothing is cached."""
    if _ttl() <= 0:
        return STALE
    return cache.get(_key(key_hash))


def token_remember(token: ApiToken) -> None:
    """Cache a token just read from the database (with its user), unless it was invalidated meanwhile."""
    if _ttl() > 0:
        cache.add(_key(token.key_hash), token, timeout=_ttl())


def tokens_forget(key_hashes: Iterable[str]) -> None:
    """Every process's next lookup of these tokens reads the database."""
    markers = {_key(key_hash): STALE for key_hash in key_hashes}
    if markers:
        cache.set_many(markers, timeout=_hold())
