"""API tokens: how programs authenticate.

The secret is shown once, when the token is made; only its SHA-256 is stored,
which is enough for a secret of 256 random bits (no salt or slow hash needed:
nobody can guess their way to a preimage). A token can expire, can be revoked,
remembers roughly when it was last used, may act with less than its user's
role (`role`), and remembers the token it was made with (`parent`): a child
never outlives nor outranks its parent (factdesk.accounts.services).
"""
from __future__ import annotations

import hashlib
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

# Who may see, make and revoke the tokens of other users: those who manage users (the admin role).
MANAGE_USERS = "auth.change_user"


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class TokenRole(models.TextChoices):
    """The roles a token may be limited to (claims/migrations/0003_roles.py makes their groups)."""

    READER = "reader"
    REVIEWER = "reviewer"
    EDITOR = "editor"
    ADMIN = "admin"


def may_manage_tokens_of(actor, user_id: int | None) -> bool:
    """The ownership rule: everyone manages their own tokens; those who manage users, everyone's.

    `actor` None is the system itself (a management command run by an operator).
    """
    return actor is None or actor.pk == user_id or actor.has_perm(MANAGE_USERS)


def role_permissions(role: str) -> set[str]:
    """The permissions of a role's group, as "app_label.codename"."""
    rows = Permission.objects.filter(group__name=role).values_list("content_type__app_label", "codename")
    return {f"{app_label}.{codename}" for app_label, codename in rows}


def user_permissions(user, *, role: str = "") -> set[str]:
    """What `user` may do, limited to `role`'s permissions when one is given.

    A superuser holds every permission; an inactive user none. One query.
    """
    if not user.is_active:
        return set()
    permissions = Permission.objects.all()
    if role:
        permissions = permissions.filter(group__name=role)
    if not user.is_superuser:
        # A separate filter() joins the groups again: the user's own groups, not the role's.
        permissions = permissions.filter(Q(user=user) | Q(group__user=user))
    rows = permissions.values_list("content_type__app_label", "codename").distinct()
    return {f"{app_label}.{codename}" for app_label, codename in rows}


class ApiTokenQuerySet(models.QuerySet):
    def active(self, *, now: datetime | None = None) -> ApiTokenQuerySet:
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def manageable_by(self, actor) -> ApiTokenQuerySet:
        """The tokens `actor` may see and revoke (the rule of may_manage_tokens_of)."""
        if actor is None or actor.has_perm(MANAGE_USERS):
            return self
        return self.filter(user_id=actor.pk)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'newsroom importer'.")
    prefix = models.CharField(max_length=12, editable=False, help_text="The secret's first characters, to recognise it.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    role = models.CharField(
        max_length=20, blank=True, default="", choices=TokenRole.choices,
        help_text="The token acts with at most this role's permissions (never more than its user's); "
                  "empty: with its user's own.",
    )
    # A token made with another token (POST /api/v1/tokens/ with bearer auth). Revoking the parent
    # revokes its children (the service does it, keeping every row); a parent row is deleted only
    # with its user, and its children go with it, since none may outlive it.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", editable=False,
        help_text="The token this one was made with, if any.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        # The table the model had when it lived in claims: moved by state only, every row kept
        # (accounts/migrations/0001_api_token_moved_from_claims.py).
        db_table = "claims_apitoken"
        verbose_name = "API token"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(key_hash__regex=r"^[0-9a-f]{64}$"), name="api_token_hash_sha256"),
            models.CheckConstraint(condition=Q(role__in=["", *TokenRole.values]), name="api_token_role_valid"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="api_token_not_its_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_active(self, *, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def permissions(self) -> set[str]:
        """What a request made with this token may do: its user's permissions, within its role."""
        return user_permissions(self.user, role=self.role)
