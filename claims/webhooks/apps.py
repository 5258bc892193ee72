from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "claims.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from claims import outbox

        from . import tasks
        from .services import delivery

        delivery.delivery_send.connect(
            lambda *, delivery_id, countdown: tasks.deliver.apply_async((delivery_id,), countdown=countdown))
        outbox.register(delivery.OUTBOX)
