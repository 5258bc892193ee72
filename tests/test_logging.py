"""Log lines go to standard error, one per event, tagged with the request or job id."""
import logging
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_job_log_line_carries_the_job_id_on_standard_error():
    script = (
        "import django, logging; django.setup()\n"
        "from factdesk.logging import log_context\n"
        "with log_context('job-77'):\n"
        "    logging.getLogger('claims.tasks').info('extraction finished')\n"
        "logging.getLogger('claims.tasks').info('outside any job')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"DJANGO_SETTINGS_MODULE": "factdesk.settings", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "INFO claims.tasks [job-77] extraction finished" in lines[0]
    assert "[-] outside any job" in lines[1]


def test_a_request_log_line_carries_the_request_id(client, db, caplog):
    from factdesk.logging import ContextFilter

    seen = []

    class Grab(logging.Handler):
        def emit(self, record):
            seen.append(record)

    handler = Grab()
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("factdesk.health")
    logger.addHandler(handler)
    try:
        from django.db import connection
        from unittest import mock

        with mock.patch.object(connection, "cursor", side_effect=ConnectionError("down")):
            client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")
    finally:
        logger.removeHandler(handler)
    assert seen and seen[0].context_id == "req-abc-123"
