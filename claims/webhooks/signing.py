"""Standard Webhooks secrets and signatures, through the `standardwebhooks` package.

A secret is "whsec_" + base64 of random bytes. Every request carries
webhook-id, webhook-timestamp and webhook-signature; during a rotation's
overlap the signature header holds two signatures, space-separated, so a
receiver holding either secret verifies it.
"""
from __future__ import annotations

import base64
import secrets
from datetime import datetime

from standardwebhooks.webhooks import Webhook

SECRET_BYTES = 32  # the specification allows 24 to 64


def secret_generate() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def webhook_id_generate() -> str:
    return "msg_" + secrets.token_urlsafe(18)


def signed_headers(*, webhook_id: str, timestamp: datetime, body: bytes, secrets_in_use: list[str]) -> dict[str, str]:
    """The three Standard Webhooks headers for `body`, signed with every secret in use."""
    signatures = " ".join(Webhook(secret).sign(webhook_id, timestamp, body) for secret in secrets_in_use)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signatures,
        "Content-Type": "application/json",
    }
