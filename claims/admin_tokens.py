"""API tokens in the admin: create one (its secret shown once), see when it was used, revoke it.

Tokens are made and revoked through claims.api.tokens' services, as the API
does; the admin never stores a secret or lets a token be edited afterwards.
"""
from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.api.tokens import ApiToken, token_create, token_revoke
from factdesk.errors import ServiceError


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter), ("expires_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "user__username", "prefix")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    actions = ["revoke_tokens"]

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None):
        if obj is None:
            return ("user", "name", "expires_at")
        return ("user", "name", "prefix", "created_by", "created_at", "expires_at", "last_used_at", "revoked_at")

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None):
        return () if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoke instead: the row stays as a record of the token

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:
        if change:
            return
        try:
            token, secret = token_create(user=obj.user, name=obj.name, actor=request.user, expires_at=obj.expires_at)
        except ServiceError as error:
            messages.error(request, str(error))
            raise
        obj.pk, obj.prefix, obj.created_at = token.pk, token.prefix, token.created_at
        obj._state.adding = False
        messages.warning(request, f"The token's secret, shown this once — copy it now: {secret}")

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke_tokens(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token_revoke(token_id=token.pk, actor=request.user)
        messages.success(request, f"{queryset.count()} token(s) revoked.")
