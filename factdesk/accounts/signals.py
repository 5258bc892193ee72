"""Receivers that keep the token lookup cache true to the database (connected in apps.py)."""
from __future__ import annotations

from .models import ApiToken
from .token_cache import tokens_forget


def user_saved(sender, instance, created: bool = False, update_fields=None, **kwargs) -> None:
    """A saved user (deactivated, made superuser or not, renamed…) is read afresh by every token lookup."""
    if created:
        return  # no tokens yet
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in changes nothing a token acts with
    tokens_forget(ApiToken.objects.filter(user_id=instance.pk).active().values_list("key_hash", flat=True))


def token_deleted(sender, instance: ApiToken, **kwargs) -> None:
    """A token deleted with its user stops working at once, in every process."""
    tokens_forget([instance.key_hash])
