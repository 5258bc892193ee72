"""Admins create and revoke API tokens in the admin; the secret is shown once and only its hash is kept."""
import pytest
from django.contrib.messages import get_messages

from factdesk.accounts.models import ApiToken, secret_hash

pytestmark = pytest.mark.django_db

ADD = "/admin/accounts/apitoken/add/"
LIST = "/admin/accounts/apitoken/"


def test_an_admin_creates_a_token_and_sees_its_secret_once(client, admin_user, reader):
    client.force_login(admin_user)
    response = client.post(ADD, {"user": reader.pk, "name": "newsroom importer", "expires_at_0": "", "expires_at_1": ""})
    assert response.status_code == 302
    token = ApiToken.objects.get(name="newsroom importer")
    shown = [str(m) for m in get_messages(response.wsgi_request) if "shown this once" in str(m)]
    assert len(shown) == 1
    secret = shown[0].rsplit(" ", 1)[-1]
    assert token.key_hash == secret_hash(secret) and token.user == reader
    assert secret in client.get(response.url).content.decode()  # the page after saving shows it…
    assert secret not in client.get(f"{LIST}{token.pk}/change/").content.decode()  # …and no page after that


def test_an_admin_revokes_tokens_with_the_bulk_action_and_cannot_delete_them(client, admin_user, reader):
    from factdesk.accounts.services import token_create

    token, _ = token_create(user=reader, name="old script", actor=admin_user)
    client.force_login(admin_user)
    client.post(LIST, {"action": "revoke_tokens", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(f"{LIST}{token.pk}/delete/").status_code == 403


def test_the_admin_role_may_manage_tokens_but_an_editor_may_not(client, editor):
    from tests.conftest import make_user

    role_admin = make_user("adele-role-admin", "admin", is_staff=True)
    client.force_login(role_admin)
    assert client.get(LIST).status_code == 200
    client.force_login(editor)
    assert client.get(LIST).status_code == 403


def test_a_role_above_the_users_own_is_refused_beside_the_form_and_no_token_is_made(client, admin_user, reader):
    client.force_login(admin_user)
    response = client.post(ADD, {"user": reader.pk, "name": "too strong", "role": "editor",
                                 "expires_at_0": "", "expires_at_1": ""})
    assert response.status_code == 200  # the form again, not an error page
    assert "does not hold the editor role" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_admin_made_token_limited_to_a_role_acts_with_that_role(client, admin_user, reviewer):
    from tests.conftest import bearer_client

    client.force_login(admin_user)
    response = client.post(ADD, {"user": reviewer.pk, "name": "read-only", "role": "reader",
                                 "expires_at_0": "", "expires_at_1": ""})
    secret = [str(m) for m in get_messages(response.wsgi_request)][0].rsplit(" ", 1)[-1]
    assert ApiToken.objects.get(name="read-only").role == "reader"
    assert bearer_client(secret).post("/api/v1/claims/review/", {}, format="json").status_code == 403
