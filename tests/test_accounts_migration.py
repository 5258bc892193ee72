"""Moving API tokens from claims to factdesk.accounts keeps the table, its rows and who may manage them.

A database as it was before the move (claims at 0007, no accounts app) gets a
token the old way; `migrate` then brings it forward, and the token still works.
"""
from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from factdesk.accounts.models import ApiToken, secret_hash
from tests.conftest import roles_restore

BEFORE_THE_MOVE = [("accounts", None), ("claims", "0007_job_outbox_heartbeat_url")]
# "already made": `migrate` back to before the move syncs permissions for the installed apps, accounts
# included, so both content types exist when it moves forward again; the grants must follow all the same.
SECRET = "fdk_made-before-the-move-0123456789abcdefghijklmnop"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("accounts_content_type", ["never made", "already made"])
def test_migrating_an_existing_database_keeps_its_tokens_working(accounts_content_type):
    roles_restore()  # an earlier transactional test may have emptied the tables
    call_command("migrate", "accounts", "zero", verbosity=0)
    call_command("migrate", "claims", "0007_job_outbox_heartbeat_url", verbosity=0)
    old = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE[1]).apps
    if accounts_content_type == "never made":  # as in a database that never ran this code
        old.get_model("contenttypes", "ContentType").objects.filter(app_label="accounts").delete()
    Group, User = old.get_model("auth", "Group"), old.get_model("auth", "User")
    owner = User.objects.create(username="old-script-owner", is_active=True)
    owner.groups.add(Group.objects.get(name="reader"))
    old_token = old.get_model("claims", "ApiToken").objects.create(
        user=owner, name="made in claims", prefix=SECRET[:12], key_hash=secret_hash(SECRET))
    admin_could = set(Group.objects.get(name="admin").permissions.filter(codename__endswith="apitoken")
                      .values_list("codename", flat=True))
    assert admin_could == {"add_apitoken", "change_apitoken", "view_apitoken"}

    call_command("migrate", verbosity=0)

    token = ApiToken.objects.get(pk=old_token.pk)
    assert (token.name, token.user.username, token.role, token.parent_id) == ("made in claims", owner.username, "",
                                                                              None)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {SECRET}")
    assert client.get("/api/v1/claims/").status_code == 200
    admin_can = {f"{app}.{code}" for app, code in Group.objects.get(name="admin").permissions
                 .filter(codename__endswith="apitoken").values_list("content_type__app_label", "codename")}
    assert admin_can == {"accounts.add_apitoken", "accounts.change_apitoken", "accounts.view_apitoken"}
