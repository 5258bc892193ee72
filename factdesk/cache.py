"""Django's Redis cache, made to fail open: a Redis that stops answering reads as an empty cache.

What FactDesk keeps in the cache (throttle counts, failed-token counts, token
lookups) is an optimisation or a limit, never the truth: the database has it.
When Redis is down (the broker outage of the reliability section) requests go
on, unthrottled and reading tokens from the database, rather than failing;
each failure is logged. Short socket timeouts (settings) keep a hanging Redis
from holding a request for long. clear() empties only this cache's own keys.
"""
from __future__ import annotations

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _fail_open(default):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except _UNAVAILABLE as error:
                log.warning("cache unavailable (%s: %s): %s treated as a miss", type(error).__name__, error,
                            method.__name__)
                return default(*args, **kwargs) if callable(default) else default
        return wrapper
    return decorate


class ResilientRedisCache(RedisCache):
    get = _fail_open(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _fail_open({})(RedisCache.get_many)
    has_key = _fail_open(False)(RedisCache.has_key)
    add = _fail_open(False)(RedisCache.add)
    set = _fail_open(None)(RedisCache.set)
    set_many = _fail_open([])(RedisCache.set_many)
    touch = _fail_open(False)(RedisCache.touch)
    delete = _fail_open(False)(RedisCache.delete)
    delete_many = _fail_open(None)(RedisCache.delete_many)
    incr = _fail_open(lambda key, delta=1, version=None: delta)(RedisCache.incr)

    @_fail_open(None)
    def clear(self) -> None:
        """Delete this cache's keys only: the Redis database may be the Celery broker's too,
        and Django's own clear() would empty it (FLUSHDB), queued tasks included."""
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(None, write=True)
        batch = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=500):
            batch.append(key)
            if len(batch) == 500:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
