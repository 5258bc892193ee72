"""FactDesk's project package.

The Celery app is not created by Django's start-up: a management command, a test
process or a web worker that queues nothing never imports Celery (about a quarter
of a start-up's imports). It is created where tasks are: `celery -A factdesk`
finds `factdesk.celery.app`, and every tasks module imports `factdesk.celery`
before its `@shared_task`s, so they bind to this app. `factdesk.celery_app`
still answers, creating the app on first use.
"""


def __getattr__(name: str):
    if name == "celery_app":
        from .celery import app

        return app
    raise AttributeError(f"module 'factdesk' has no attribute {name!r}")


__all__ = ("celery_app",)
