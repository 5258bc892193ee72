"""The extraction engine loads only where extraction happens.

Every Django start-up (a management command, a gunicorn or Celery worker, a test process) used to
import the engine through claims.services and pay for compiling its regexes. These run a fresh
interpreter and look at what it imported; they time nothing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_loaded_after(code: str, prefixes: tuple[str, ...] = ("claims.extraction",)) -> list[str]:
    """The modules under `prefixes` a fresh interpreter has imported after running `code`."""
    probe = code + f"\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    finished = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_it_keeps_the_engine_out_of_djangos_start_up():
    assert modules_loaded_after("import django; django.setup()") == []


def test_it_keeps_the_engine_out_of_the_url_conf_the_api_and_the_celery_tasks():
    loaded = modules_loaded_after(
        "import django; django.setup()\nimport factdesk.urls, claims.api.urls, claims.tasks, factdesk.celery")
    assert loaded == []


def test_queuing_a_job_needs_the_engine_version_only():
    loaded = modules_loaded_after("from claims.extraction import EXTRACTOR_VERSION, Extraction")
    assert loaded == ["claims.extraction", "claims.extraction.types", "claims.extraction.version"]


def test_the_rules_load_on_the_first_use_of_extract():
    loaded = modules_loaded_after("from claims.extraction import extract")
    assert "claims.extraction.casualty_patterns" in loaded
    assert "claims.extraction.pipeline" in loaded


def test_it_keeps_the_html_reader_and_the_http_client_out_of_djangos_start_up():
    heavy = ("trafilatura", "courlan", "httpx", "charset_normalizer")
    assert modules_loaded_after("import django; django.setup()", heavy) == []


def test_an_article_compiles_only_the_rules_it_reaches():
    """The casualty grammar and the clock grammar are compiled when a sentence needs them, not at import."""
    probe = (
        "import json\n"
        "from claims.extraction import casualty_patterns, extract, regexes\n"
        "from claims.extraction.times import clock\n"
        "def compiled():\n"
        "    modules = {'casualties': vars(casualty_patterns), 'clock': vars(clock)}\n"
        "    return {name: sorted(key for key, value in found.items()\n"
        "                         if isinstance(value, regexes.LazyPattern) and value._compiled is not None)\n"
        "            for name, found in modules.items()}\n"
        "before = compiled()\n"
        "extract('The mayor opened the new bridge on Monday, the council said.', None)\n"
        "quiet = compiled()\n"
        "extract('At least 12 soldiers were killed. A truce took effect at midnight (2200 GMT) on Friday.', None)\n"
        "print(json.dumps([before, quiet, compiled()]))\n"
    )
    finished = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              check=True)
    before, quiet, busy = json.loads(finished.stdout.strip().splitlines()[-1])
    assert before == quiet == {"casualties": [], "clock": []}
    assert "COUNT_THEN_OUTCOME" in busy["casualties"] and "TIME" in busy["clock"]


def test_it_keeps_the_admin_modules_out_of_djangos_start_up():
    """The review desk's admin modules (and the services, forms and widgets they import) load when the admin site
    is first needed, not in every command, worker and test process."""
    ours = ("sources.admin", "claims.admin", "claims.facts.admin", "claims.webhooks.admin", "factdesk.accounts.admin",
            "django.contrib.auth.admin", "axes.admin")
    assert modules_loaded_after("import django; django.setup()", ours) == []


def test_the_admin_site_registers_every_model_admin_once_its_urls_or_its_checks_are_asked_for():
    probe = ("import django, json; django.setup()\n"
             "from django.contrib import admin\n"
             "from django.core import checks\n"
             "def registered():\n"
             "    return sorted(f'{model._meta.label}:{type(model_admin).__name__}'\n"
             "                  for model, model_admin in admin.site._registry.items())\n"
             "before = registered()\n"
             "problems = checks.run_checks(tags=[checks.Tags.admin])\n"
             "after_checks = registered()\n"
             "import factdesk.urls\n"
             "print(json.dumps([before, after_checks, registered(), len(problems)]))\n")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    finished = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
    before, after_checks, after_urls, problems = json.loads(finished.stdout.strip().splitlines()[-1])
    assert before == [] and problems == 0
    assert after_checks == after_urls
    for registered in ("claims.Claim:ClaimAdmin", "sources.Document:DocumentAdmin", "facts.Fact:FactAdmin",
                       "webhooks.Endpoint:EndpointAdmin", "accounts.ApiToken:ApiTokenAdmin", "auth.User:UserAdmin",
                       "axes.AccessAttempt:AccessAttemptAdmin"):
        assert registered in after_urls
    assert len(after_urls) == 20


def test_a_rule_whose_words_stand_in_a_sentence_without_a_count_after_them_is_not_compiled():
    """"killed dozens of people ... and flattened 300 homes": the verb-first rule's verb is there but no count
    follows it, so the rule (some 14,000 characters of regex) is not compiled; "killed 12 people" compiles it."""
    probe = (
        "import json\n"
        "from claims.extraction import casualty_patterns, extract\n"
        "state = lambda: [casualty_patterns.VERB_THEN_COUNT._compiled is not None,\n"
        "                 casualty_patterns.TREATED_FOR._compiled is not None]\n"
        "extract('The storm killed dozens of people on Monday and flattened 300 homes, officials said.', None)\n"
        "quiet = state()\n"
        "extract('The storm killed 12 people, officials said on Monday.', None)\n"
        "print(json.dumps([quiet, state()]))\n"
    )
    finished = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              check=True)
    quiet, busy = json.loads(finished.stdout.strip().splitlines()[-1])
    assert quiet == [False, False]
    assert busy == [True, False]


def test_it_keeps_the_services_out_of_djangos_start_up():
    """The apps connect their hooks and outboxes at start-up without importing the services behind them: those load
    when a document is first stored, a job sent or an outbox dispatched."""
    services = ("claims.services", "claims.webhooks.services", "claims.facts.services", "sources.services")
    assert modules_loaded_after("import django; django.setup()", services) == []


def test_the_outboxes_registered_at_start_up_are_both_there_in_order_when_first_asked_for():
    probe = ("import django; django.setup()\n"
             "from claims import outbox\n"
             "print(list(outbox.outboxes()))\n")
    assert modules_loaded_after(probe, ("claims.services.extraction", "claims.webhooks.services.delivery")) == [
        "claims.services.extraction", "claims.webhooks.services.delivery"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    finished = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
    assert finished.stdout.strip().splitlines()[0] == "['extraction', 'webhooks']"
