"""The admin's sign-in form locks a username out of an address after repeated wrong passwords (django-axes),
with a page that says so, and lets the right password in again once the cool-off has passed."""
from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # conftest.make_user's
LOGIN = reverse("admin:login")


def sign_in(client, username: str, password: str, address: str = "192.0.2.50"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def test_ten_wrong_passwords_lock_the_username_out_of_that_address_with_a_page_that_says_so(client, editor):
    for _ in range(9):
        assert sign_in(client, editor.username, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, editor.username, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in temporarily locked" in page
    assert editor.username in page and "15 minutes" in page
    assert "FactDesk" in page and "Django administration" not in page  # the site's own header
    # Even the right password is refused now, from this address.
    assert sign_in(client, editor.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.fixture
def three_tries(settings):
    """A lower limit keeps the tests short: every wrong password costs a password hash."""
    settings.AXES_FAILURE_LIMIT = 3


def test_the_lockout_is_per_username_and_address(client, editor, admin_user, three_tries):
    for _ in range(3):
        sign_in(client, editor.username, "wrong")
    assert sign_in(client, editor.username, PASSWORD, address="192.0.2.51").status_code == 302  # another address
    client.logout()
    assert sign_in(client, admin_user.username, PASSWORD).status_code == 302  # another user, same address


def test_a_successful_sign_in_clears_the_count(client, editor, three_tries):
    for _ in range(2):
        sign_in(client, editor.username, "wrong")
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, editor.username, "wrong").status_code == 200  # counting from zero again


def test_the_right_password_works_again_after_the_cool_off(client, editor, three_tries):
    for _ in range(3):
        sign_in(client, editor.username, "wrong")
    assert sign_in(client, editor.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))  # the cool-off has passed
    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_the_limit_and_cool_off_come_from_settings(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=5)
    assert [sign_in(client, editor.username, "wrong").status_code for _ in range(3)] == [200, 200, 429]
    assert "5 minutes" in sign_in(client, editor.username, PASSWORD).content.decode()


def test_signing_in_without_a_request_still_works_and_force_login_is_untouched(client, editor):
    assert authenticate(username=editor.username, password=PASSWORD) == editor  # commands and test helpers
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200
