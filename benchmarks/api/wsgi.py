"""gunicorn's entry point for the benchmark: `benchmarks.api.wsgi:application`."""
import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.api.settings"

application = get_wsgi_application()
