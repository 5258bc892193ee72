"""The Celery app: configured from Django settings (CELERY_* names), tasks found in the apps.

Imported by `celery -A factdesk`, by the tasks modules (so that `@shared_task` binds here) and by
what talks to the broker, never by Django's start-up (see factdesk/__init__.py).
"""
import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")

app = Celery("factdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The queues a worker consumes (CELERY_TASK_ROUTES sends webhook deliveries to the second); declared here rather
# than in the settings so that a Django start-up that queues nothing never imports kombu (with amqp and yaml).
app.conf.task_queues = (Queue("celery"), Queue("webhooks"))
app.autodiscover_tasks()

