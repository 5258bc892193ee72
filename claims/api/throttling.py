"""Per-user and per-address request rates.

DRF binds rates when its classes are imported; these read them on every
request instead, so settings (and tests) can change them at run time. A rate
of None switches that throttle off.
"""
from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class _LiveRateMixin:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class UserThrottle(_LiveRateMixin, UserRateThrottle):
    pass


class AnonymousThrottle(_LiveRateMixin, AnonRateThrottle):
    pass
