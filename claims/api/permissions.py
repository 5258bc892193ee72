"""Who may do what: the roles' Django permissions, checked per view action.

Each viewset names the permissions every action needs in `action_permissions`;
an action it does not name is refused, so a new endpoint is closed until
someone decides who may use it. Roles are groups (claims/migrations/0003_roles.py):
reader reads, reviewer also reviews, editor also reopens, corrects, submits and
re-runs, admin also manages users and everyone's tokens.
"""
from __future__ import annotations

import functools

from django.contrib.auth.models import Permission
from django.db import connections, router
from rest_framework.permissions import BasePermission


def user_permissions_load(user) -> None:
    """Load the user's permissions (own and through groups) in one query, its SQL written once.

    Django's ModelBackend reads a user's own permissions and their groups'
    permissions in two queries, then keeps the union on the user object as
    `_perm_cache` for the rest of the request. Filling that cache from one
    UNION query saves a round trip on every API request; later has_perm()
    calls (here, in views, in services) read the cache as they would have.
    Superusers and inactive users never consult it, so they are left alone.
    """
    if hasattr(user, "_perm_cache") or not user.is_active or user.is_superuser:
        return
    alias = router.db_for_read(Permission)
    sql, params = _permissions_query(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [user.pk if param == _ANY_USER else param for param in params])
        user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}


_ANY_USER = -7_304_511  # stands for the user id in the query below; no user has a negative id


@functools.cache
def _permissions_query(alias: str) -> tuple[str, tuple]:
    # The ORM writes this query once per database; each request runs the same SQL with its
    # user's id. Building and compiling it per request cost more than running it.
    # order_by(): Permission's default ordering is not allowed inside a UNION on SQLite.
    own = Permission.objects.filter(user=_ANY_USER).order_by().values_list("content_type__app_label", "codename")
    grouped = (Permission.objects.filter(group__user=_ANY_USER).order_by()
               .values_list("content_type__app_label", "codename"))
    sql, params = own.union(grouped).query.get_compiler(using=alias).as_sql()
    assert params.count(_ANY_USER) == 2, params
    return sql, tuple(params)


class RolePermission(BasePermission):
    message = "Your role does not allow this."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if getattr(view, "action", "") is None and request.method != "OPTIONS":
            return True  # a method this resource lacks: let the view answer 405
        required = self.required(view)
        if required is None:
            return False
        user_permissions_load(user)
        return user.has_perms(required)

    @staticmethod
    def required(view) -> list[str] | None:
        action = getattr(view, "action", None)
        if action is None and view.request.method == "OPTIONS":
            action = "metadata"
        table = getattr(view, "action_permissions", {})
        if action == "metadata":
            return table.get("metadata", table.get("list"))
        return table.get(action)
