"""The chaos check, run by CI against PostgreSQL: articles ingested while the worker is SIGKILLed and a
Redis of the check's own is stopped end with nothing lost, duplicated or misreported.

The check's waits are shortened here (a worker counts as dead after 5 s without
a heartbeat instead of 60, a sent row is resent after 5 s instead of 60, the
dispatcher runs every 2 s), so the run takes well under a minute; the README's
figures come from the production settings.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.chaos, pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres") or not shutil.which("redis-server"),
                    reason="the chaos check needs PostgreSQL (DATABASE_URL) and redis-server: .ci/run has both")
def test_ingest_through_a_killed_worker_and_a_broker_outage_loses_and_misreports_nothing():
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "FACTDESK_JOB_STALE_AFTER_SECONDS": "5", "FACTDESK_JOB_HEARTBEAT_SECONDS": "1",
        "FACTDESK_OUTBOX_LEASE_SECONDS": "5", "FACTDESK_DISPATCH_EVERY_SECONDS": "2", "CONN_MAX_AGE": "0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "chaos_check", "--articles", "16", "--outage", "3", "--timeout", "120",
         "--redis-port", "6399"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "documents stored 16 (lost 0, duplicated 0)" in result.stdout
    assert "misreported 0" in result.stdout
    assert "ingest exit codes [0, 0, 0]" in result.stdout
