"""The client's address, as throttles and the sign-in lockout count it.

X-Forwarded-For is believed only as far as FACTDESK_NUM_PROXIES proxies of
ours wrote it: each appends the address it received from, so with N proxies
the client is the N-th address from the end. Anything before that was written
by the client and could be anything (a new value per request would dodge
every per-address limit). DRF's throttles read the same setting (NUM_PROXIES).
"""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.FACTDESK_NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote_addr
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if not addresses:
        return remote_addr
    return addresses[-min(proxies, len(addresses))]
