from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _database_guards_install(sender, *, using: str, **kwargs) -> None:
    from . import database_guards

    database_guards.install(connections[using])


class FactsConfig(AppConfig):
    """Facts: what many claims report on, their series, disputes and exports (issue 12)."""

    name = "claims.facts"
    label = "facts"
    verbose_name = "Facts"

    def ready(self) -> None:
        post_migrate.connect(_database_guards_install, sender=self, dispatch_uid="facts.database_guards")
        # Extraction's commit queues grouping through a hook (factdesk.hooks): the
        # extraction service never imports the facts app's tasks.
        from claims import hooks

        from . import events

        events.register_types()
        hooks.document_extracted.connect(_group_document)


def _group_document(*, document_id: int):
    from . import tasks  # Celery loads with the first task sent, not at start-up (factdesk/__init__.py)

    return tasks.group_document.delay(document_id)
