"""The service's settings, with the floor mounted beside the API (benchmarks.api.urls).

Only the benchmark's gunicorn loads this module (DJANGO_SETTINGS_MODULE), so
the service's own URLs are never changed at run time.
"""
from factdesk.settings import *  # noqa: F403 — the service's settings, every one of them

ROOT_URLCONF = "benchmarks.api.urls"
