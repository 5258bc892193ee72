"""The Celery app is created by what needs it, never by Django's start-up, and a worker still finds every task.

Each test runs a fresh interpreter (the suite's own process has long created the app) and looks at what it
imported or registered; nothing is timed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUR_TASKS = ["claims.facts.tasks.group_document", "claims.facts.tasks.group_pending", "claims.tasks.dispatch_outbox",
             "claims.tasks.extract_document", "claims.webhooks.tasks.deliver"]


def fresh(code: str):
    """The JSON that `code`, run by a fresh interpreter in the project, prints last."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    finished = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_djangos_start_up_imports_no_celery():
    loaded = fresh("import django, json, sys; django.setup()\n"
                   "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'celery' or m == 'factdesk.celery')))")
    assert loaded == []


def test_the_app_celery_dash_a_factdesk_finds_registers_every_task_and_the_start_up_dispatch():
    found = fresh(
        "import json\n"
        "from celery.app.utils import find_app\n"
        "from celery.signals import worker_ready\n"
        "app = find_app('factdesk')\n"
        "app.loader.import_default_modules()\n"
        "from claims.tasks import extract_document\n"
        "print(json.dumps({'main': app.main,\n"
        "                  'tasks': sorted(t for t in app.tasks if not t.startswith('celery.')),\n"
        "                  'bound': extract_document.app is app,\n"
        "                  'on_ready': [r.__name__ for _, r in worker_ready.receivers]}))")
    assert found == {"main": "factdesk", "tasks": OUR_TASKS, "bound": True, "on_ready": ["_dispatch_on_worker_start"]}


def test_a_task_queued_after_start_up_goes_to_the_projects_app():
    # with no app created at start-up, a shared task would otherwise bind to Celery's default app (amqp://)
    found = fresh(
        "import django, json; django.setup()\n"
        "from claims.webhooks.tasks import deliver\n"
        "from factdesk import celery_app\n"
        "print(json.dumps([deliver.app is celery_app, deliver.app.main,\n"
        "                  deliver.app.conf.broker_url == __import__('django.conf').conf.settings.CELERY_BROKER_URL]))")
    assert found == [True, "factdesk", True]


def test_djangos_start_up_imports_no_kombu():
    loaded = fresh("import django, json, sys; django.setup()\n"
                   "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('kombu', 'amqp', 'yaml'))))")
    assert loaded == []


def test_a_worker_consumes_the_default_queue_and_the_webhooks_queue_and_deliveries_go_to_the_second():
    found = fresh(
        "import json\n"
        "from factdesk.celery import app\n"
        "queues = {name: [queue.exchange.name, queue.exchange.type, queue.routing_key, queue.durable]\n"
        "          for name, queue in app.amqp.queues.items()}\n"
        "print(json.dumps([queues, app.amqp.router.route({}, 'claims.webhooks.tasks.deliver')['queue'].name,\n"
        "                  app.amqp.router.route({}, 'claims.tasks.extract_document')['queue'].name]))")
    # as kombu's Queue("celery") and Queue("webhooks") are bound by Celery's defaults: one direct exchange
    assert found == [{"celery": ["celery", "direct", "celery", True], "webhooks": ["celery", "direct", "celery", True]},
                     "webhooks", "celery"]
