from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        # The two calls that cross the one-way import line (see factdesk.hooks):
        # a stored document queues its extraction, and a queued job goes to Celery.
        from claims import tasks
        from claims.services import extraction
        from sources import hooks as source_hooks

        source_hooks.document_stored.connect(extraction.extraction_job_enqueue)
        extraction.job_send.connect(lambda *, job_id: tasks.extract_document.delay(job_id))
