from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "claims.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        # The services load when first used, not at start-up (claims.webhooks.hooks, claims.outbox.register).
        from claims import outbox

        from . import hooks

        hooks.delivery_send.connect(_delivery_send)
        outbox.register("claims.webhooks.services.delivery.OUTBOX")


def _delivery_send(*, delivery_id: int, countdown):
    from . import tasks  # Celery loads with the first delivery sent, not at start-up (factdesk/__init__.py)

    return tasks.deliver.apply_async((delivery_id,), countdown=countdown)
