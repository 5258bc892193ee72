"""API tokens in the admin: create one (its secret shown once), see when it was used, revoke it.

Tokens are made and revoked through factdesk.accounts.services, as the API
and `manage.py token_create` do; the admin never stores a secret or lets a
token be edited afterwards.
"""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from factdesk.errors import ServiceError

from .models import ApiToken
from .services import token_create, token_revoke, token_terms


class ApiTokenCreateForm(forms.ModelForm):
    """Asks the service's rules before saving, so that a refusal shows beside the form, not as an error page."""

    actor = None  # set by the admin for the request

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            token_terms(user=data["user"], actor=self.actor, expires_at=data.get("expires_at"),
                        role=data.get("role", ""))
        except ServiceError as error:
            fields = [field for field in error.extra.get("field_errors", {}) if field in self.fields]
            for field in fields:
                self.add_error(field, str(error))
            if not fields:
                raise forms.ValidationError(str(error)) from None
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "role", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter), ("expires_at", admin.EmptyFieldListFilter), "role")
    search_fields = ("name", "user__username", "prefix")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    actions = ["revoke_tokens"]

    def get_form(self, request: HttpRequest, obj: ApiToken | None = None, **kwargs):
        if obj is None:
            kwargs["form"] = type("ApiTokenCreateForm", (ApiTokenCreateForm,), {"actor": request.user})
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None):
        if obj is None:
            return ("user", "name", "role", "expires_at")
        return ("user", "name", "prefix", "role", "parent", "created_by", "created_at", "expires_at", "last_used_at",
                "revoked_at")

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None):
        return () if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoke instead: the row stays as a record of the token

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:
        if change:
            return
        token, secret = token_create(user=obj.user, name=obj.name, actor=request.user, expires_at=obj.expires_at,
                                     role=obj.role)
        obj.pk, obj.prefix, obj.created_at = token.pk, token.prefix, token.created_at
        obj._state.adding = False
        messages.warning(request, f"The token's secret, shown this once — copy it now: {secret}")

    @admin.action(description="Revoke the selected tokens (and the tokens made with them)", permissions=["change"])
    def revoke_tokens(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            token_revoke(token_id=token.pk, actor=request.user)
        messages.success(request, f"{queryset.count()} token(s) revoked.")
