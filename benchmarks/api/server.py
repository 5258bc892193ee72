"""The API and the floor served by gunicorn on 127.0.0.1, from the same worker processes."""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from .load import get


@contextmanager
def serving(port: int, *, workers: int, threads: int, database_url: str,
            write: Callable[[str], None]) -> Iterator[subprocess.Popen]:
    """gunicorn on 127.0.0.1:`port` for the block, answering /healthz before the block starts."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.api.settings", "DEBUG": "0",
           "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0",
           "FACTDESK_API_RATE_USER": "none", "FACTDESK_API_RATE_ANON": "none", "LOG_LEVEL": "WARNING",
           "DATABASE_URL": database_url}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "benchmarks.api.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
         "--log-level", "warning"],
        cwd=Path(settings.BASE_DIR), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_until_healthy(server, port)
        write(f"server: gunicorn, {workers} workers × {threads} threads, on 127.0.0.1:{port}; "
              "the API and the floor are served by the same processes")
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_until_healthy(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"gunicorn exited: {server.stderr.read()[-2000:]}")
        try:
            status, _ = get(port, "/healthz", {})
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not answer /healthz within 30 s")
