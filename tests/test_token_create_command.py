"""`manage.py token_create USER --name N [--expires-in 90d] [--scope ROLE]`: a first token is one command away."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import base, call_command
from django.utils import timezone

from factdesk.accounts.management.commands.token_create import Command
from factdesk.accounts.models import ApiToken, secret_hash
from tests.conftest import bearer_client


def token_create(*args: str, capsys) -> tuple[str, str]:
    call_command("token_create", *args)
    captured = capsys.readouterr()
    return captured.out, captured.err


def run_as_from_the_shell(*args: str, capsys, monkeypatch) -> tuple[int, str]:
    """As `manage.py token_create …` runs: its exit code and what it wrote to standard error."""
    monkeypatch.setattr(base.connections, "close_all", lambda: None)  # the test's database stays open
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "token_create", *args])
    return exited.value.code, capsys.readouterr().err


def test_it_prints_the_secret_alone_on_standard_output_and_the_token_works(reader, capsys):
    out, err = token_create(reader.username, "--name", "nightly export", capsys=capsys)
    secret = out.strip()
    assert out == f"{secret}\n"
    token = ApiToken.objects.get()
    assert (token.key_hash, token.name, token.user, token.expires_at, token.role) == (
        secret_hash(secret), "nightly export", reader, None, "")
    assert f"token {token.pk} ({token.prefix}…) for {reader.username}" in err
    assert "never expires" in err
    assert bearer_client(secret).get("/api/v1/claims/").status_code == 200


def test_it_sets_the_expiry_from_a_duration_and_the_role_from_the_scope(editor, capsys):
    before = timezone.now()
    token_create(editor.username, "--name", "importer", "--expires-in", "90d", "--scope", "reader", capsys=capsys)
    token = ApiToken.objects.get()
    assert before + timedelta(days=90) <= token.expires_at <= timezone.now() + timedelta(days=90)
    assert token.role == "reader"


@pytest.mark.parametrize("duration, expected", [("30m", timedelta(minutes=30)), ("12h", timedelta(hours=12)),
                                                ("8w", timedelta(weeks=8))])
def test_it_reads_minutes_hours_and_weeks(reader, capsys, duration, expected):
    before = timezone.now()
    token_create(reader.username, "--name", "x", "--expires-in", duration, capsys=capsys)
    assert before + expected <= ApiToken.objects.get().expires_at <= timezone.now() + expected


def test_an_unknown_user_is_one_line_and_exit_1(db, capsys, monkeypatch):
    code, err = run_as_from_the_shell("nobody", "--name", "x", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1
    assert err == "CommandError: unknown user 'nobody': create it first (manage.py createsuperuser, or the admin)\n"
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("args, message", [
    (["--scope", "editor"], "rita-reader does not hold the editor role"),
    (["--expires-in", "90 days"], "--expires-in '90 days': give a positive number and a unit"),
    (["--expires-in", "0d"], "--expires-in '0d': give a positive number and a unit"),
])
def test_a_scope_above_the_users_role_or_a_bad_duration_is_one_line_and_exit_1(reader, capsys, monkeypatch, args,
                                                                              message):
    code, err = run_as_from_the_shell(reader.username, "--name", "x", *args, capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1
    assert err.startswith(f"CommandError: {message}") and err.count("\n") == 1
    assert not ApiToken.objects.exists()


def test_an_inactive_user_gets_no_token(reader, capsys, monkeypatch):
    reader.is_active = False
    reader.save()
    code, err = run_as_from_the_shell(reader.username, "--name", "x", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1
    assert "inactive" in err and err.count("\n") == 1
