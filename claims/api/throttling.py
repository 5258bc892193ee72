"""Per-user and per-address request rates, and the limit on failed bearer tokens.

Counts live in Django's cache: Redis when REDIS_URL is set, shared by every
process, so a limit holds across workers.

DRF binds rates when its classes are imported; these read them on every
request instead, so settings (and tests) can change them at run time. A rate
of None switches that throttle off.
"""
from __future__ import annotations

import time

from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from factdesk.client_ip import client_ip


class _LiveRateMixin:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class UserThrottle(_LiveRateMixin, UserRateThrottle):
    pass


class AnonymousThrottle(_LiveRateMixin, AnonRateThrottle):
    pass


class BadTokenLimit:
    """Requests with a bearer token that fails, counted per client address in the shared cache.

    Past the "bad_token" rate (e.g. 30/min), every bearer request from that
    address is refused with 429 before any lookup, until the period ends: a
    client guessing or replaying dead tokens is stopped, and the database is
    not asked once per guess. The count is a fixed window (at most the rate
    per period, counted with the cache's atomic increment, so concurrent
    workers never lose a failure); a rate of None switches it off.
    """

    scope = "bad_token"

    def __init__(self, request):
        self.rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if self.rate:
            self.allowed, self.period = rate_parse(self.rate)
            window = int(clock() // self.period)
            self.key = f"throttle_{self.scope}:{client_ip(request)}:{window}"

    def wait(self) -> float | None:
        """Seconds to wait when the address is over its limit; None when it may try."""
        if not self.rate or (cache.get(self.key) or 0) < self.allowed:
            return None
        return self.period - clock() % self.period

    def failed(self) -> None:
        if not self.rate:
            return
        cache.add(self.key, 0, timeout=self.period + 1)
        try:
            cache.incr(self.key)
        except ValueError:  # the window's key expired between the two calls: start it again
            cache.add(self.key, 1, timeout=self.period + 1)


def rate_parse(rate: str) -> tuple[int, int]:
    """"30/min" → (30, 60): DRF's rate format (s, m, h, d by their first letter)."""
    count, period = rate.split("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]


def clock() -> float:
    return time.time()
