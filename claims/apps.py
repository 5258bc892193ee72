from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _database_guards_install(sender, *, using: str, **kwargs) -> None:
    """Keep the span and immutability triggers after any migration (SQLite's table rebuilds drop them)."""
    from claims import database_guards

    database_guards.install(connections[using])


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        post_migrate.connect(_database_guards_install, sender=self, dispatch_uid="claims.database_guards")
        # The calls that cross the one-way import line (see factdesk.hooks): a stored
        # document queues its extraction, and a queued job goes to Celery.
        from celery.signals import worker_ready

        from claims import outbox, tasks
        from claims.services import extraction
        from sources import hooks as source_hooks

        source_hooks.extraction_request.connect(extraction.extraction_requested)
        extraction.job_send.connect(lambda *, job_id: tasks.extract_document.delay(job_id))
        outbox.register(extraction.JOBS)
        # A worker that starts hands over what waited while no worker ran (or the broker was down).
        worker_ready.connect(_dispatch_on_worker_start, weak=False, dispatch_uid="factdesk-dispatch-on-start")


def _dispatch_on_worker_start(sender=None, **kwargs) -> None:
    from claims.tasks import dispatch_outbox

    dispatch_outbox.delay()
