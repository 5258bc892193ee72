"""Work accepted while the broker is down is stored, reported as queued, and handed over once it is back.

The broker refusing messages is simulated at the network edge (the task's
publish raises what kombu raises on a refused connection); the real broker
outage, with a worker killed too, is what `manage.py chaos_check` measures.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from kombu.exceptions import OperationalError
from rest_framework.test import APIClient

from claims import outbox
from claims.models import Claim, ExtractionJob, JobStatus
from claims.tasks import dispatch_outbox, extract_document

pytestmark = pytest.mark.django_db

ARTICLE = ("Title: Quarry blast\nOutlet: Hill Gazette\nPublished: 2026-03-02\n\n"
           "A blast at the hill quarry killed 6 workers on Monday, the mines office said.\n")


class Broker:
    """The broker's state as the extraction task's publish sees it; refusals are counted."""

    def __init__(self, monkeypatch):
        self._monkeypatch = monkeypatch
        self.refused = 0

    def down(self) -> None:
        def refuse(*args, **kwargs):
            self.refused += 1
            raise OperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

        self._monkeypatch.setattr(extract_document, "delay", refuse)

    def up(self) -> None:
        self._monkeypatch.undo()
        outbox._broker_down_until = 0.0  # commits may send again at once


@pytest.fixture
def broker_down(monkeypatch):
    broker = Broker(monkeypatch)
    broker.down()
    yield broker
    broker.up()


def test_ingest_with_the_broker_down_says_stored_and_queued_and_exits_0(tmp_path: Path, broker_down, capsys,
                                                                        django_capture_on_commit_callbacks):
    article = tmp_path / "quarry.txt"
    article.write_text(ARTICLE)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(article))  # raises CommandError (exit 1) on any failure
    out = capsys.readouterr().out
    job = ExtractionJob.objects.get()
    assert f"→ document {job.document_id} stored, extraction job {job.pk} queued" in out
    assert broker_down.refused == 1  # the broker was asked, and refused
    assert job.status == JobStatus.QUEUED


def test_the_api_answers_201_with_the_job_queued_when_the_broker_is_down(editor, broker_down,
                                                                          django_capture_on_commit_callbacks):
    cache.clear()
    client = APIClient()
    client.force_authenticate(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/documents/", {"text": ARTICLE.split("\n\n", 1)[1]}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["job"]["status"] == "queued"


def test_jobs_stored_while_the_broker_was_down_are_handed_over_by_the_dispatcher_once_it_is_back(
        tmp_path: Path, broker_down, django_capture_on_commit_callbacks):
    for n in range(3):
        (tmp_path / f"quarry-{n}.txt").write_text(ARTICLE.replace("6 workers", f"{n + 6} workers"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(tmp_path))
    assert set(ExtractionJob.objects.values_list("status", flat=True)) == {JobStatus.QUEUED}

    # A retry of the same input is a duplicate, as it should be: the jobs are already queued.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(tmp_path))
    assert ExtractionJob.objects.count() == 3

    broker_down.up()
    report = dispatch_outbox.delay().get()

    assert report["extraction"]["sent"] == 3
    assert set(ExtractionJob.objects.values_list("status", flat=True)) == {JobStatus.SUCCEEDED}
    assert sorted(Claim.objects.filter(kind="casualty").values_list("count", flat=True)) == [6, 7, 8]
