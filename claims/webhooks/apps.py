from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "claims.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from claims import outbox

        from .services import delivery

        outbox.register(delivery.OUTBOX)
