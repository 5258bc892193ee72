"""/healthz: is the database reachable, and the broker? For a load balancer or an orchestrator."""
from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, "ok"
    except Exception as error:  # any failure means unhealthy; say which
        return False, f"{type(error).__name__}: {error}"


def _broker_ok() -> tuple[bool, str]:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True, "eager (tasks run in-process, no broker)"
    from factdesk.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True, "ok"
    except Exception as error:
        return False, f"{type(error).__name__}: {error}"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Which check failed, and why only in the log.

    An error's text names hosts, ports and sometimes user names: nothing a
    caller should learn about the network behind the service. (No detail for
    staff either: with the database down, the session that says who is staff
    cannot be read.)
    """
    database_ok, database_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = database_ok and broker_ok
    if not healthy:
        logger.warning("health check failed: database=%s broker=%s", database_detail, broker_detail)
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": "ok" if database_ok else "unavailable",
        "broker": "ok" if broker_ok else "unavailable",
    }
    return JsonResponse(body, status=200 if healthy else 503)
