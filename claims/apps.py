from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from celery.signals import worker_ready

        from claims import outbox
        from claims.services import extraction

        outbox.register(extraction.JOBS)
        # A worker that starts hands over what waited while no worker ran (and the broker was down).
        worker_ready.connect(_dispatch_on_worker_start, weak=False, dispatch_uid="factdesk-dispatch-on-start")


def _dispatch_on_worker_start(sender=None, **kwargs) -> None:
    from claims.tasks import dispatch_outbox

    dispatch_outbox.delay()
