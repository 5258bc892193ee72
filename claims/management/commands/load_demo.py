"""Set up the demo: the sample articles through the real ingestion and extraction path, and an editor account."""
from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand

SAMPLES = Path(__file__).resolve().parents[3] / "sources" / "samples"


class Command(BaseCommand):
    help = "Ingest the sample articles (extraction runs as it would in production) and create a demo editor."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username: str, **options):
        call_command("ingest", str(SAMPLES), stdout=self.stdout, stderr=self.stderr)
        password = secrets.token_urlsafe(12)
        user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="editor"))
        self.stdout.write(self.style.SUCCESS(
            f"\nDemo editor {'created' if created else 'password reset'}: "
            f"username {username!r}, password {password!r}\n"
            "Admin: http://127.0.0.1:8000/admin/   API: http://127.0.0.1:8000/api/v1/   Health: /healthz\n"
        ))
