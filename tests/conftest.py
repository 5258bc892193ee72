"""Factories and personas shared by the whole suite.

Personas are the roles FactDesk knows (reader, reviewer, editor, admin) and
an outsider with no role at all; factories build the rows a test needs.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import factory
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.models import Claim, ClaimKind, ExtractionJob
from sources.models import Document, Outlet, Quote, Speaker, text_hash

# The web server's dispatcher thread (factdesk/wsgi.py, on the embedded default) stays off in the tests,
# some of which import the WSGI application: a test that needs dispatching starts it itself.
django_settings.FACTDESK_EMBEDDED_DISPATCH_EVERY_SECONDS = 0

ARTICLE = (
    "KHARTOUM — Fighting in the capital killed at least 12 civilians on Monday, the health ministry said.\n\n"
    "“We could not reach the wounded,” said Amal Osman, a nurse at the city hospital.\n\n"
    "A truce was due to start at 6 p.m. local time."
)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Daily Ledger {n}")
    domain = factory.Sequence(lambda n: f"ledger{n}.example")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Clashes reported, day {n}")
    outlet = factory.SubFactory(OutletFactory)
    text = factory.Sequence(lambda n: f"{ARTICLE}\n\nUpdate {n}.")
    raw = factory.SelfAttribute("text")
    content_hash = factory.LazyAttribute(lambda d: text_hash(d.text))
    url = factory.Sequence(lambda n: f"https://ledger.example/news/{n}")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Amal Osman {n}")
    role = "nurse"


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    document = factory.SubFactory(DocumentFactory)
    start = factory.LazyAttribute(lambda q: q.document.text.index("We could"))
    end = factory.LazyAttribute(lambda q: q.start + len("We could not reach the wounded,"))
    exact = factory.LazyAttribute(lambda q: q.document.text[q.start:q.end])


class ClaimFactory(factory.django.DjangoModelFactory):
    """A pending casualty claim: "killed at least 12 civilians"."""

    class Meta:
        model = Claim

    kind = ClaimKind.CASUALTY
    document = factory.SubFactory(DocumentFactory)
    start = factory.LazyAttribute(lambda c: c.document.text.index("killed at least 12 civilians"))
    end = factory.LazyAttribute(lambda c: c.start + len("killed at least 12 civilians"))
    text = factory.LazyAttribute(lambda c: c.document.text[c.start:c.end])
    outcome = "killed"
    count = 12
    qualifier = "at_least"
    group = "civilians"
    confidence = 0.9
    extractor = "factdesk-rules"
    extractor_version = "test"
    rule = "casualty.verb_active"
    fingerprint = factory.Sequence(lambda n: f"{n:064x}")
    extracted_values = factory.LazyAttribute(lambda c: {"outcome": c.outcome, "count": c.count, "qualifier": c.qualifier})


class ExtractionJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExtractionJob

    document = factory.SubFactory(DocumentFactory)


def make_user(username: str, role: str | None, **extra) -> User:
    user = User.objects.create_user(username=username, password="correct horse battery staple", **extra)
    if role:
        group = Group.objects.filter(name=role).first() or roles_restore()[role]
        user.groups.add(group)
    return user


# The role groups and their permissions as the migrations left them, by natural key; see roles_restore().
_ROLES_AS_MIGRATED: dict[str, list[tuple[str, str]]] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ROLES_AS_MIGRATED.update({
            group.name: list(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.all()
        })


@pytest.fixture(scope="session")
def django_db_createdb(request) -> bool:
    """SQLite's test database is a file (see settings): made afresh each run, as the in-memory one was."""
    from django.conf import settings

    return bool(request.config.getvalue("create_db")) or settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def roles_restore() -> dict[str, Group]:
    """The role groups as the migrations made them.

    A transactional test empties every table when it ends, the groups the data
    migrations made included; a later transactional test gets them back from here.
    """
    from django.contrib.auth.models import Permission

    groups = {}
    for role, codes in _ROLES_AS_MIGRATED.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in codes:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        groups[role] = group
    return groups


@pytest.fixture
def reader(db) -> User:
    return make_user("rita-reader", "reader")


@pytest.fixture
def reviewer(db) -> User:
    return make_user("rob-reviewer", "reviewer")


@pytest.fixture
def editor(db) -> User:
    return make_user("eva-editor", "editor", is_staff=True)


@pytest.fixture
def admin_user(db) -> User:
    return make_user("ada-admin", "admin", is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(db) -> User:
    return make_user("oscar-outsider", None)


def api_client_for(user) -> APIClient:
    """An API client signed in as `user` (as a session would be: no token involved)."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def bearer_client(secret: str) -> APIClient:
    """An API client that sends `Authorization: Bearer <secret>` on every request."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def token_client_for(user, **token_options) -> APIClient:
    """An API client that authenticates as a program would: with a new token of `user`."""
    from factdesk.accounts.services import token_create

    _, secret = token_create(user=user, name="test client", actor=user, **token_options)
    return bearer_client(secret)


def cache_clear() -> None:
    """Forget throttle counts and cached token lookups."""
    cache.clear()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with no throttle counts and no cached token lookups."""
    cache_clear()


@pytest.fixture
def uses_real_broker() -> bool:
    """True when the suite runs against Redis and a real Celery worker (REDIS_URL set)."""
    return bool(os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL"))


@pytest.fixture(autouse=True)
def _tasks_run_in_process_unless_a_worker_is_wanted(request):
    """Tasks run eagerly in every test but those marked `worker`.

    With REDIS_URL set, `worker` tests send their tasks through Redis to a real
    Celery worker; without it they run in-process like the embedded default.
    """
    from factdesk.celery import app

    if request.node.get_closest_marker("worker"):
        yield
        return
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = before


@contextmanager
def worker_running(*, pool: str = "solo", concurrency: int = 1) -> Iterator[None]:
    """A Celery worker in threads of this process when a broker is configured; eager tasks otherwise.

    `worker` tests use it: with REDIS_URL set their tasks go through Redis to
    this worker, which consumes both queues (extraction and webhooks).
    """
    from factdesk.celery import app

    if not (os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL")):
        app.conf.task_always_eager = True
        yield
        return
    from celery.contrib.testing.worker import start_worker

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool=pool, concurrency=concurrency, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=15):
            yield
    finally:
        # A stopping worker hands its unstarted messages (a retry waiting on its
        # countdown) back to the broker; drop them, so no task of this test runs
        # in a later one, against a database that test has already emptied.
        app.control.purge()


@contextmanager
def local_http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """Serve `handler` on 127.0.0.1 in a thread for the block; yields the port. Loopback only."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- Facts (claims/facts) ---------------------------------------------------------

def reported_claim(passage: str, *, article: str | None = None, outlet: str = "Daily Ledger", published: str,
                   kind: str = ClaimKind.CASUALTY, speaker: Speaker | str | None = None, status: str = "pending",
                   title: str = "", **values) -> Claim:
    """A claim whose passage lies in its own article, as extraction would store it.

    `article` is the whole text (it must contain `passage`; the passage alone by
    default); `published` an ISO time ("2022-09-13T09:00Z"); `values` the
    structured values (count, qualifier, group, outcome, effective_at…).
    """
    from django.utils.dateparse import parse_datetime

    article = article or passage
    document = DocumentFactory(text=article, title=title or passage[:60], outlet=OutletFactory(name=outlet),
                               published_at=parse_datetime(published.replace("Z", "+00:00")))
    if isinstance(speaker, str):
        speaker = Speaker.objects.filter(name=speaker).first() or SpeakerFactory(name=speaker, role="")
    start = article.index(passage)
    defaults = {"outcome": "killed", "qualifier": "exact", "group": ""} if kind == ClaimKind.CASUALTY else {
        "outcome": "", "qualifier": "", "group": "", "count": None}
    return ClaimFactory(kind=kind, document=document, start=start, end=start + len(passage), text=passage,
                        speaker=speaker, status=status, **{**defaults, **values})
