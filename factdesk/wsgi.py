import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
application = get_wsgi_application()

# The web server's process (runserver, gunicorn) runs the dispatcher itself when there is no
# broker and so no celery beat: retries and work left due are sent from here (claims/outbox.py).
from claims import outbox  # noqa: E402 — after Django is set up

outbox.in_process_dispatcher_start()
