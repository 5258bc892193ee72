"""Set up the demo: the sample articles through the real ingestion and extraction path, and an editor account."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand

SAMPLES = Path(__file__).resolve().parents[3] / "sources" / "samples"
ARTICLE_SUFFIXES = (".txt", ".html")  # in order of preference when a story is there in both


def sample_articles(folder: Path = SAMPLES) -> list[Path]:
    """One file per story: border-clash-….txt and border-clash-….html are the same article in two formats
    (the .html is there to try HTML ingestion by hand), so only the .txt is loaded."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in ARTICLE_SUFFIXES:
            continue
        current = chosen.get(path.stem)
        if current is None or ARTICLE_SUFFIXES.index(path.suffix) < ARTICLE_SUFFIXES.index(current.suffix):
            chosen[path.stem] = path
    return sorted(chosen.values())


class Command(BaseCommand):
    help = ("Ingest the sample articles (extraction runs as it would in production) and create a demo editor; "
            "on a later run, the editor keeps the password printed the first time.")

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username: str, **options):
        call_command("ingest", *map(str, sample_articles()), stdout=self.stdout, stderr=self.stderr)
        password, state = self._editor(username)
        self.stdout.write(self.style.SUCCESS(
            f"\nDemo editor {state}: username {username!r}, password {password!r}\n"
            "Admin: http://127.0.0.1:8000/admin/   API: http://127.0.0.1:8000/api/v1/   Health: /healthz\n"
        ))

    def _editor(self, username: str) -> tuple[str, str]:
        """The demo editor and its password: the one saved by an earlier run while it still works."""
        saved = Path(settings.VAR_DIR) / f"demo-{username}-password"
        user = User.objects.filter(username=username).first()
        password = saved.read_text(encoding="utf-8").strip() if saved.is_file() else ""
        if user is not None and password and user.check_password(password) and user.is_staff:
            user.groups.add(Group.objects.get(name="editor"))
            return password, "unchanged"
        password = secrets.token_urlsafe(12)
        if user is None:
            user = User(username=username)
            state = "created"
        else:
            state = "password reset (the saved one was missing or no longer worked)"
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="editor"))
        saved.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(saved, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # readable by its owner only
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(password + "\n")
        return password, state
