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
        # document queues its extraction, and a queued job goes to Celery. The tasks (and
        # Celery with them) load when the first job is sent, not at start-up; a worker that
        # starts dispatches what waited (claims/tasks.py, worker_ready).
        from claims import outbox
        from claims.services import extraction
        from sources import hooks as source_hooks

        source_hooks.extraction_request.connect(extraction.extraction_requested)
        extraction.job_send.connect(_job_send)
        outbox.register(extraction.JOBS)
        outbox.celery_app.connect(_celery_app)


def _job_send(*, job_id: int):
    from claims import tasks

    return tasks.extract_document.delay(job_id)


def _celery_app():
    from factdesk.celery import app

    return app
