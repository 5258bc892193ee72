"""The transactional outbox: work is a database row first, a broker message second.

Extraction jobs and webhook deliveries are rows written in the transaction of
the change that causes them, with a `dispatch_at` column: the time at which
the row should be (re)handed to the broker if it is still waiting. Two things
hand rows to the broker:

- `send_on_commit()`: right after the commit, the fast path. When a message is
  sent, the row's `dispatch_at` moves a lease ahead, so nobody resends it while
  a worker picks it up; when the broker is down nothing is raised (the change
  committed and the caller is told so), and the row stays due.
- `dispatch()`: every ~10 s under celery beat (claims.tasks.dispatch_outbox)
  and once when a worker starts; on the embedded default (no broker, tasks
  run in-process) every ~2 s in a thread of the web server's process
  (in_process_dispatcher_start(), called by factdesk.wsgi). It hands every row that is due to the broker:
  what the broker refused, what it lost (a Redis restarted without its data),
  retries whose time has come. Before that, each outbox may recover its own
  rows (a job whose worker stopped beating is queued again).

Without a dispatcher running, nothing is lost, but work written while the
broker was down, and every retry whose time comes later, waits until one runs
(README: "Reliability").

An outbox is registered once (AppConfig.ready, by the dotted path of the Outbox,
which is imported when the outbox is first used: Django's start-up loads no
service) with the task that does one row's work; tasks must be idempotent, because a message may arrive twice: the row
is claimed with a conditional update and a second message finds nothing to do.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from factdesk.hooks import Hook

logger = logging.getLogger(__name__)

# The Celery app, for asking the broker how long a queue is: connected by claims.apps, which may import
# factdesk.celery (created on first use, not at Django's start-up; this layer does not import it).
celery_app = Hook("claims.outbox.celery_app", "the Celery app whose broker holds the queues")


class Dispatchable(models.Model):
    """A row that the outbox hands to the broker when `dispatch_at` comes; null: nothing to send."""

    dispatch_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the dispatcher is to hand this row to the broker (again) if it is still waiting.",
    )

    class Meta:
        abstract = True


@dataclass(frozen=True)
class Outbox:
    """One kind of outbox row: how to find what is due, and how to send one row."""

    name: str
    model: type[Dispatchable]
    # Ids of rows whose dispatch_at is at or before `until` (see dispatch()), at most `limit`, locked
    # (select_for_update(skip_locked=True)) by the caller's transaction; `now` is the time of the round.
    due: Callable[[datetime, datetime, int], list[int]]
    send: Callable[[int], None]
    queue: str = "celery"  # the broker queue its messages go to
    # Called before each dispatch with `now`: put back rows whose worker died, give up on hopeless ones.
    recover: Callable[[datetime], dict[str, int]] | None = None


_OUTBOXES: dict[str, Outbox] = {}
_TO_IMPORT: list[str] = []  # dotted paths of outboxes registered but not imported yet, in registration order
# After a failed send the broker is taken as down for a few seconds: the next
# commits do not wait for it again, they leave their rows to the dispatcher.
_broker_down_until = 0.0


def register(outbox: Outbox | str) -> None:
    """Register an outbox, or the dotted path of one ("claims.services.extraction.JOBS"), imported on first use."""
    if isinstance(outbox, str):
        if outbox not in _TO_IMPORT:
            _TO_IMPORT.append(outbox)
        return
    _OUTBOXES[outbox.name] = outbox


def _registered() -> dict[str, Outbox]:
    """Every outbox registered, those given by their path imported first, in the order they were registered."""
    if _TO_IMPORT:
        from django.utils.module_loading import import_string

        for path in list(_TO_IMPORT):
            register(import_string(path))
            _TO_IMPORT.remove(path)
    return _OUTBOXES


def outboxes() -> dict[str, Outbox]:
    return dict(_registered())


def lease() -> timedelta:
    """How long a sent row is left alone before the dispatcher sends it again."""
    return timedelta(seconds=settings.FACTDESK_OUTBOX_LEASE_SECONDS)


def send_on_commit(name: str, ids: Iterable[int]) -> None:
    """Hand rows of outbox `name` to the broker once the current transaction commits.

    Never raises for the broker: a row not sent stays due, and the dispatcher
    sends it. The caller reports the work as queued either way.
    """
    ids = list(ids)
    if ids:
        transaction.on_commit(lambda: _send(_registered()[name], ids), robust=True)


def broker_unavailable() -> bool:
    return time.monotonic() < _broker_down_until


def _send(outbox: Outbox, ids: list[int], *, force: bool = False) -> list[int]:
    """Send each row's message; return the ids sent. Marks the broker down on the first failure."""
    global _broker_down_until
    if not force and broker_unavailable():
        logger.info("outbox %s: broker down, %s rows left to the dispatcher", outbox.name, len(ids))
        return []
    started = timezone.now()
    sent: list[int] = []
    for row_id in ids:
        try:
            outbox.send(row_id)
        except Exception as error:  # the broker's failures come in many types (kombu, redis, socket)
            _broker_down_until = time.monotonic() + settings.FACTDESK_OUTBOX_BROKER_BACKOFF_SECONDS
            logger.warning("outbox %s: the broker refused a message (%s: %s); %s rows left to the dispatcher",
                           outbox.name, type(error).__name__, str(error).splitlines()[0][:200] if str(error) else "",
                           len(ids) - len(sent))
            break
        sent.append(row_id)
    if sent:
        # Only rows still due since before the send: a task that already ran (eager
        # mode, a fast worker) has moved or cleared dispatch_at itself.
        outbox.model.objects.filter(pk__in=sent, dispatch_at__lte=started).update(
            dispatch_at=timezone.now() + lease())
    return sent


def dispatch(*, now: datetime | None = None, batch: int | None = None) -> dict[str, dict[str, int]]:
    """Recover stalled rows, then hand every due row of every outbox to the broker.

    How far ahead it looks depends on the broker's queue for that outbox:
    empty, and a row sent more than FACTDESK_OUTBOX_RESEND_GRACE_SECONDS ago
    that no worker has started was lost (a Redis restarted empty): it is sent
    again without waiting for its lease. A backlog, and rows whose lease ran
    out are most likely still in it: they are sent again only a lease later,
    so a long queue is not doubled. Unknown (no broker): rows that are due.

    Safe to run in several processes at once: due rows are locked with
    SKIP LOCKED, so two dispatchers never send the same row in one round.
    """
    batch = batch or settings.FACTDESK_OUTBOX_BATCH
    in_process = settings.CELERY_TASK_ALWAYS_EAGER
    report: dict[str, dict[str, int]] = {}
    for outbox in list(_registered().values()):
        now_ = now or timezone.now()
        counts = dict(outbox.recover(now_)) if outbox.recover else {}
        backlog = queue_backlog(outbox.queue)
        if backlog == 0:
            until = now_ + lease() - timedelta(seconds=settings.FACTDESK_OUTBOX_RESEND_GRACE_SECONDS)
        elif backlog:
            until = now_ - lease()
        else:
            until = now_
        counts["sent"] = counts["due"] = 0
        while True:
            with transaction.atomic():
                ids = outbox.due(now_, until, batch)
                if not ids:
                    break
                counts["due"] += len(ids)
                # A broker message leaves at once, under the rows' locks. Without a broker the task
                # itself runs in _send (an HTTP request, an extraction): never while holding the
                # database's locks (SQLite's write lock would stop every other writer meanwhile).
                sent = [] if in_process else _send(outbox, ids, force=True)
            if in_process:
                sent = _send(outbox, ids, force=True)
            counts["sent"] += len(sent)
            if len(sent) < len(ids) or len(ids) < batch:
                break
        report[outbox.name] = counts
        if counts["due"] or any(value for key, value in counts.items() if key not in ("sent", "due")):
            logger.info("dispatch %s (broker queue %s): %s", outbox.name,
                        "unknown" if backlog is None else backlog, ", ".join(f"{k} {v}" for k, v in counts.items()))
    return report


def queue_backlog(queue: str) -> int | None:
    """Messages waiting in the broker's `queue`; None without a broker or when it cannot be asked."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None
    try:
        with celery_app().connection_for_read() as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
            # Not passive: Redis keeps no key for an empty queue, and a passive declare would call it missing.
            return connection.default_channel.queue_declare(queue=queue).message_count
    except Exception:  # the broker's failures come in many types; not knowing is the safe answer
        return None


def due_ids(queryset: models.QuerySet, until: datetime, limit: int) -> list[int]:
    """The common `due` query: rows of `queryset` whose dispatch_at is at or before `until`, oldest first, locked."""
    return list(
        queryset.filter(dispatch_at__lte=until).order_by("dispatch_at")
        .select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)[:limit]
    )


# --- The embedded default's dispatcher ----------------------------------------------

_in_process_dispatcher: threading.Thread | None = None
_in_process_lock = threading.Lock()


def in_process_dispatcher_start(*, every: float | None = None) -> threading.Thread | None:
    """Without a broker (tasks run in-process), run dispatch() every `every` seconds in a thread; once per process.

    The embedded default has no celery beat, so without this nothing would
    bring back a webhook retry whose time comes later (5 s, 5 min …) or work
    left due. The web server's process starts it (factdesk.wsgi, which
    runserver and gunicorn load, and management commands and tests do not);
    with a broker it does nothing and returns None: beat and the workers
    dispatch there. Several serving processes may each run one: rows are
    claimed with a conditional update, so none is worked twice at once.
    """
    global _in_process_dispatcher
    every = settings.FACTDESK_EMBEDDED_DISPATCH_EVERY_SECONDS if every is None else every
    if not settings.CELERY_TASK_ALWAYS_EAGER or not every or every <= 0:
        return None
    with _in_process_lock:
        if _in_process_dispatcher is not None and _in_process_dispatcher.is_alive():
            return _in_process_dispatcher
        stop = threading.Event()
        thread = threading.Thread(target=_dispatch_every, args=(every, stop), name="factdesk-dispatcher",
                                  daemon=True)
        thread.stop = stop  # type: ignore[attr-defined] — in_process_dispatcher_stop() sets it
        _in_process_dispatcher = thread
        thread.start()
    logger.info("dispatcher running in this process every %gs (no broker: tasks run in-process)", every)
    return thread


def in_process_dispatcher_stop(timeout: float = 30) -> None:
    global _in_process_dispatcher
    with _in_process_lock:
        thread, _in_process_dispatcher = _in_process_dispatcher, None
    if thread is not None:
        thread.stop.set()  # type: ignore[attr-defined]
        thread.join(timeout)


def _dispatch_every(every: float, stop: threading.Event) -> None:
    from django.db import close_old_connections, connection

    try:
        while not stop.wait(every):
            close_old_connections()
            try:
                dispatch()
            except Exception:  # a failed round is logged and the next one tries again
                logger.exception("in-process dispatch failed")
    finally:
        connection.close()
