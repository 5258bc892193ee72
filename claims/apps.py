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
        # The services load when first called, not at start-up (claims.hooks).
        from claims import hooks, outbox
        from sources import hooks as source_hooks

        source_hooks.extraction_request.connect(_extraction_requested)
        hooks.job_send.connect(_job_send)
        outbox.register("claims.services.extraction.JOBS")
        outbox.celery_app.connect(_celery_app)


def _extraction_requested(**request):
    from claims.services import extraction

    return extraction.extraction_requested(**request)


def _job_send(*, job_id: int):
    from claims import tasks

    return tasks.extract_document.delay(job_id)


def _celery_app():
    from factdesk.celery import app

    return app
