"""The token actions: make, revoke, authenticate. The API, the admin and `manage.py token_create` call these.

Rules held here and nowhere else:
- ownership: everyone makes and revokes their own tokens; those who manage users,
  anyone's (models.may_manage_tokens_of, ApiToken.objects.manageable_by);
- a token acts with at most its role's permissions, and a role is never above
  its user's permissions;
- a token made with another token (its parent) never outlives nor outranks it:
  its expiry is at most the parent's (the parent's by default), its permissions
  a subset of the parent's, and revoking the parent revokes it.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from factdesk.errors import ServiceError

from . import token_cache
from .models import ApiToken, TokenRole, may_manage_tokens_of, role_permissions, secret_hash, user_permissions

SECRET_PREFIX = "fdk_"
# last_used_at is a hint for people tidying their tokens, not an audit log:
# writing it at most once a minute keeps busy clients from a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_create(*, user, name: str, actor, expires_at: datetime | None = None, role: str = "",
                 parent: ApiToken | None = None) -> tuple[ApiToken, str]:
    """Make a token for `user` (a user or a user id); returns it with its secret, which is never available again.

    `parent` is the token the request was authenticated with, if any.
    """
    user, expires_at, role = token_terms(user=user, actor=actor, expires_at=expires_at, role=role, parent=parent)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name.strip()[:100], prefix=secret[:12], key_hash=secret_hash(secret),
            expires_at=expires_at, role=role, parent=parent, created_by=actor,
        )
    return token, secret


def token_terms(*, user, actor, expires_at: datetime | None = None, role: str = "",
                parent: ApiToken | None = None) -> tuple:
    """The owner, expiry and role a new token would have, or the ServiceError that refuses it.

    token_create applies these rules; a form can ask them first to show the refusal beside its fields.
    """
    user = _owner(user, actor=actor)
    if not user.is_active:
        raise ServiceError(f"user {user.pk} is inactive: an inactive user cannot hold tokens",
                           field_errors={"user": ["inactive"]})
    role = role or ""
    if role and role not in TokenRole.values:
        raise ServiceError(f"unknown role {role!r}: give one of {', '.join(TokenRole.values)}",
                           field_errors={"role": [f"must be one of {', '.join(TokenRole.values)}"]})
    if parent is not None:
        expires_at, role = _within_parent(parent, user=user, expires_at=expires_at, role=role)
    if expires_at is not None and expires_at <= timezone.now():
        raise ServiceError("the expiry time is in the past: give a time in the future, or none",
                           field_errors={"expires_at": ["must be in the future"]})
    if role and not role_permissions(role) <= user_permissions(user):
        raise ServiceError(f"{user.get_username()} does not hold the {role} role: a token acts with at most "
                           "its user's permissions", field_errors={"role": ["above the user's own"]})
    return user, expires_at, role


def token_revoke(*, token_id: int, actor) -> ApiToken:
    """Revoke a token and every token made with it (theirs too, and so on); revoking twice is harmless.

    The rows stay, with the time they were revoked: history is never deleted.
    """
    with transaction.atomic():
        token = ApiToken.objects.manageable_by(actor).select_for_update().filter(pk=token_id).first()
        if token is None:
            raise ServiceError(f"token {token_id} does not exist", status=404, title="Not found")
        now = timezone.now()
        family, generation = [token.pk], [token.pk]
        while generation:
            generation = list(ApiToken.objects.filter(parent_id__in=generation).values_list("pk", flat=True))
            family += generation
        revoked = ApiToken.objects.filter(pk__in=family, revoked_at__isnull=True)
        hashes = list(revoked.values_list("key_hash", flat=True))
        revoked.update(revoked_at=now)
        # Marked now as well as on commit: this process and every other reads these rows afresh from here on.
        token_cache.tokens_forget(hashes)
        transaction.on_commit(lambda: token_cache.tokens_forget(hashes))
    token.refresh_from_db(fields=["revoked_at"])
    return token


def token_authenticate(secret: str, *, now: datetime | None = None) -> ApiToken | None:
    """The active token with this secret, its user loaded; marks it used (at most once a minute).

    Lookups are cached for a short time in the shared cache (token_cache); a
    revoked token, a deleted one, or one whose user changed is read afresh at once.
    """
    now = now or timezone.now()
    key_hash = secret_hash(secret)
    token = token_cache.token_cached(key_hash)
    from_cache = isinstance(token, ApiToken)
    if not from_cache:
        may_remember = token is None
        # key_hash is unique: find the one row by it, then decide in Python whether it is still active
        # (the same rule as ApiToken.objects.active(), and half the query to build on every request).
        # The user's password hash is left out: it has no use here and no place in a shared cache.
        token = next(iter(ApiToken.objects.select_related("user").defer("user__password")
                          .filter(key_hash=key_hash).order_by()[:1]), None)
        if token is None:
            return None
    if not token.is_active(now=now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    if not from_cache and may_remember:
        token_cache.token_remember(token)
    return token


def token_acting_user(token: ApiToken):
    """The user a request made with `token` acts as: its user, with at most the token's role's permissions.

    The permissions are set on this request's user object only (Django's own
    per-object permission cache); a superuser's token limited to a role loses
    its superuser bypass for the request, in memory, never saved.
    """
    user = token.user
    if token.role and user.is_active:
        user._perm_cache = user_permissions(user, role=token.role)
        user.is_superuser = False
    return user


def _owner(user, *, actor):
    """The token's future owner, if `actor` may make tokens for them (403 first: no probing for user ids)."""
    user_id = user if isinstance(user, int) else user.pk
    if not may_manage_tokens_of(actor, user_id):
        raise ServiceError("only admins (who manage users) may make tokens for another user",
                           status=403, title="Forbidden")
    if not isinstance(user, int):
        return user
    found = get_user_model().objects.filter(pk=user_id).first()
    if found is None:
        raise ServiceError(f"user {user_id} does not exist", field_errors={"user": ["does not exist"]})
    return found


def _within_parent(parent: ApiToken, *, user, expires_at: datetime | None, role: str) -> tuple[datetime | None, str]:
    """The child's expiry and role, bounded by its parent's; refuses a child that would outrank it."""
    if parent.expires_at is not None:
        if expires_at is None:
            expires_at = parent.expires_at
        elif expires_at > parent.expires_at:
            raise ServiceError(
                f"a token made with a token expires no later than it: at {parent.expires_at.isoformat()} "
                "at the latest", field_errors={"expires_at": [f"after {parent.expires_at.isoformat()}"]})
    role = role or parent.role
    child = ApiToken(user=user, role=role)
    if not child.permissions() <= parent.permissions():
        raise ServiceError(
            "a token made with a token cannot do more than it: ask for a lower role, or make this token "
            "signed in (admin) or with `manage.py token_create`", status=403, title="Forbidden",
            field_errors={"role": ["above the token this request was made with"]})
    return expires_at, role

