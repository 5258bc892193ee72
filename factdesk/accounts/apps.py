from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """API tokens (their model and services) and sign-in protection for people."""

    name = "factdesk.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Keeping the token lookup cache true to the database is an extension of
        # Django's own user model, which changes outside our services (the auth admin).
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from . import signals
        from .models import ApiToken

        post_save.connect(signals.user_saved, sender=get_user_model(), dispatch_uid="accounts.user_saved")
        post_delete.connect(signals.token_deleted, sender=ApiToken, dispatch_uid="accounts.token_deleted")
