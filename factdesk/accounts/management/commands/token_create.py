"""`manage.py token_create USER --name N [--expires-in 90d] [--scope ROLE]`: a first API token, no browser needed.

Prints the secret once (on standard output, alone on its line, so that
`$(manage.py token_create ...)` captures it); details go to standard error.
The operator running the command acts as the system: the token may be for any
active user, limited to a role no higher than that user's.
"""
from __future__ import annotations

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from factdesk.accounts.models import TokenRole
from factdesk.accounts.services import token_create
from factdesk.errors import ServiceError

UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)


def duration_parse(text: str) -> timedelta:
    """"90d" → 90 days; minutes (m), hours (h), days (d) or weeks (w)."""
    match = DURATION.match(text)
    if not match or int(match[1]) == 0:
        raise CommandError(f"--expires-in {text!r}: give a positive number and a unit, e.g. 30m, 12h, 90d or 8w")
    return timedelta(**{UNITS[match[2].lower()]: int(match[1])})


class Command(BaseCommand):
    help = "Make an API token for USER and print its secret (shown this once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username", metavar="USER", help="the username the token acts as")
        parser.add_argument("--name", required=True, help="what the token is for, e.g. 'newsroom importer'")
        parser.add_argument("--expires-in", metavar="DURATION",
                            help="e.g. 30m, 12h, 90d, 8w (default: never expires)")
        parser.add_argument("--scope", choices=TokenRole.values, default="",
                            help="the role the token acts with, at most the user's own "
                                 "(default: the user's own permissions)")

    def handle(self, *args, username: str, name: str, expires_in: str | None, scope: str, **options):
        if not name.strip():
            raise CommandError("--name is empty: say what the token is for, e.g. --name 'newsroom importer'")
        lifetime = duration_parse(expires_in) if expires_in is not None else None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"unknown user {username!r}: create it first (manage.py createsuperuser, or the admin)")
        expires_at = timezone.now() + lifetime if lifetime else None
        try:
            token, secret = token_create(user=user, name=name, actor=None, expires_at=expires_at, role=scope)
        except ServiceError as error:
            raise CommandError(str(error)) from None
        expiry = f"expires {token.expires_at:%Y-%m-%d %H:%M} UTC" if token.expires_at else "never expires"
        role = f"acts as {token.role}" if token.role else "acts with the user's own permissions"
        self.stderr.write(f"token {token.pk} ({token.prefix}…) for {user.get_username()}: {role}, {expiry}. "
                          "The secret, shown this once:")
        self.stdout.write(secret)
