"""API tokens: how programs authenticate.

The secret is shown once, when the token is made; only its SHA-256 is stored,
which is enough for a secret of 256 random bits (no salt or slow hash needed:
nobody can guess their way to a preimage). A token can expire, can be revoked,
and remembers roughly when it was last used.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from factdesk.errors import ServiceError

SECRET_PREFIX = "fdk_"
# last_used_at is a hint for people tidying their tokens, not an audit log:
# writing it at most once a minute keeps busy clients from a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self, *, now: datetime | None = None) -> ApiTokenQuerySet:
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'newsroom importer'.")
    prefix = models.CharField(max_length=12, editable=False, help_text="The secret's first characters, to recognise it.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        app_label = "claims"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(key_hash__regex=r"^[0-9a-f]{64}$"), name="api_token_hash_sha256"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_active(self, *, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


def token_create(*, user, name: str, actor, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns it with its secret, which is never available again."""
    if actor is not None and actor.pk != user.pk and not actor.has_perm("auth.change_user"):
        raise ServiceError("you may only create tokens for yourself", status=403, title="Forbidden")
    if not user.is_active:
        raise ServiceError(f"user {user.pk} is inactive: an inactive user cannot hold tokens",
                           field_errors={"user": ["inactive"]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ServiceError("the expiry time is in the past: give a time in the future, or none",
                           field_errors={"expires_at": ["must be in the future"]})
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name.strip()[:100], prefix=secret[:12], key_hash=secret_hash(secret),
            expires_at=expires_at, created_by=actor,
        )
    return token, secret


def token_revoke(*, token_id: int, actor) -> ApiToken:
    """Revoke a token; revoking twice is harmless."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
        if token is None or (actor is not None and token.user_id != actor.pk and not actor.has_perm("auth.change_user")):
            raise ServiceError(f"token {token_id} does not exist", status=404, title="Not found")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(secret: str, *, now: datetime | None = None) -> ApiToken | None:
    """The active token with this secret, its user loaded; marks it used (at most once a minute)."""
    now = now or timezone.now()
    # key_hash is unique: find the one row by it, then decide in Python whether it is still active
    # (the same rule as ApiToken.objects.active(), and half the query to build on every request).
    token = next(iter(ApiToken.objects.select_related("user").filter(key_hash=secret_hash(secret)).order_by()[:1]),
                 None)
    if token is None or not token.is_active(now=now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
