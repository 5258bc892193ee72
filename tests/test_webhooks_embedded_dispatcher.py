"""The embedded default (`make run`: no broker, tasks in-process) has no celery beat: the web server's
process runs the dispatcher in a thread, so webhook retries and sends that failed still go out.

The receivers are real HTTP servers on 127.0.0.1 verifying every signature with `standardwebhooks`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kombu.exceptions import OperationalError

from claims import outbox, services
from claims.webhooks import services as webhooks
from claims.webhooks.models import Attempt, Delivery
from claims.webhooks.tasks import deliver
from tests.conftest import ClaimFactory
from tests.receivers import receiver_running

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def embedded_default(settings, transactional_db):
    """No broker, as `make run` has it, and the web server's dispatcher thread running (every 0.2 s here)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    settings.FACTDESK_WEBHOOK_RETRY_JITTER = 0.0
    settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS = 2.0
    outbox._broker_down_until = 0.0
    yield lambda: outbox.in_process_dispatcher_start(every=0.2)
    outbox.in_process_dispatcher_stop()
    outbox._broker_down_until = 0.0


def wait_until(condition, *, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while not (result := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return result


def test_a_receiver_failing_then_succeeding_gets_the_retry_without_celery_beat(embedded_default, settings,
                                                                             admin_user):
    settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE = [0.0, 1.0, 300.0]  # the second attempt waits a second
    claim = ClaimFactory()
    with receiver_running(answers=[500, 200]) as receiver:
        endpoint, secret = webhooks.endpoint_create(url=receiver.url, event_types=["claim.reviewed"],
                                                    actor=admin_user)
        receiver.secrets.append(secret)
        embedded_default()
        services.claim_approve(claim_id=claim.pk, actor=admin_user)  # the first attempt runs on commit: 500
        receiver.wait_for(2)
        assert wait_until(lambda: Delivery.objects.filter(status="succeeded").exists())

    assert len(receiver.received) == 2 and len(receiver.events()) == 1
    [event] = receiver.events()
    assert (event["type"], event["data"]["id"]) == ("claim.reviewed", claim.pk)
    first, second = Attempt.objects.order_by("number")
    assert [(a.number, a.status_code, a.outcome) for a in (first, second)] == [(1, 500, "retry"),
                                                                             (2, 200, "succeeded")]
    assert second.started_at >= first.next_attempt_at  # the schedule's wait was kept, not skipped
    assert Delivery.objects.get().attempts == 2


def test_an_event_whose_send_after_the_commit_failed_is_sent_by_the_web_servers_dispatcher(
        embedded_default, admin_user, monkeypatch):
    claim = ClaimFactory()
    with receiver_running() as receiver:
        endpoint, secret = webhooks.endpoint_create(url=receiver.url, event_types=["claim.reviewed"],
                                                    actor=admin_user)
        receiver.secrets.append(secret)

        def refuse(*args, **kwargs):
            raise OperationalError("the in-process send failed")

        monkeypatch.setattr(deliver, "apply_async", refuse)
        services.claim_approve(claim_id=claim.pk, actor=admin_user)  # commits; its delivery stays due
        assert Delivery.objects.get().status == "pending" and receiver.received == []
        monkeypatch.undo()
        outbox._broker_down_until = 0.0
        embedded_default()
        receiver.wait_for(1)
        assert wait_until(lambda: Delivery.objects.filter(status="succeeded").exists())

    assert [event["data"]["id"] for event in receiver.events()] == [claim.pk]
    assert len(receiver.received) == 1


THREADS_AFTER = (
    "import django, threading\n"
    "django.setup()\n"
    "names = lambda: sorted(t.name for t in threading.enumerate() if t.name == 'factdesk-dispatcher')\n"
    "print('setup', names())\n"
    "import factdesk.wsgi\n"
    "print('wsgi', names())\n"
)


def _threads_in_a_fresh_process(tmp_path, **env) -> list[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL")}
    environment.update(DJANGO_SETTINGS_MODULE="factdesk.settings", FACTDESK_VAR_DIR=str(tmp_path), LOG_LEVEL="WARNING",
                       **env)
    done = subprocess.run([sys.executable, "-c", THREADS_AFTER], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_web_server_process_starts_the_dispatcher_and_django_setup_alone_does_not(tmp_path):
    # django.setup() is what management commands and the tests run; factdesk.wsgi is what runserver and
    # gunicorn load.
    assert _threads_in_a_fresh_process(tmp_path) == ["setup []", "wsgi ['factdesk-dispatcher']"]


def test_with_a_broker_the_web_server_leaves_dispatching_to_celery_beat(tmp_path):
    assert _threads_in_a_fresh_process(tmp_path, REDIS_URL="redis://127.0.0.1:6379/4") == ["setup []", "wsgi []"]
