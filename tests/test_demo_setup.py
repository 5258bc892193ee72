"""`manage.py load_demo` (what `make run` calls): each sample story once, and a demo editor whose
password survives a second run."""
from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from claims.management.commands.load_demo import SAMPLES, sample_articles
from sources.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def _load() -> tuple[str, str]:
    out = StringIO()
    call_command("load_demo", stdout=out, stderr=StringIO())
    text = out.getvalue()
    return re.search(r"password '([^']+)'", text)[1], text


def test_a_second_run_keeps_the_password_and_prints_it_again():
    first, out = _load()
    assert "Demo editor created" in out
    second, out = _load()
    assert "Demo editor unchanged" in out
    assert second == first
    assert authenticate(username="editor", password=first) is not None


def test_a_lost_password_file_gives_a_new_password_that_works(settings):
    first, _ = _load()
    (settings.VAR_DIR / "demo-editor-password").unlink()
    second, out = _load()
    assert "password reset" in out and second != first
    assert authenticate(username="editor", password=second) is not None


def test_each_sample_story_is_loaded_once_even_when_it_is_there_in_two_formats():
    stems = {path.stem for path in SAMPLES.iterdir() if path.suffix in (".txt", ".html")}
    assert len(list(SAMPLES.glob("*.html"))) >= 1  # the two-format story this is about is still there
    _password, out = _load()
    assert Document.objects.count() == len(stems)
    assert "duplicate:" not in out
    assert [path.suffix for path in sample_articles()] == [".txt"] * len(stems)
