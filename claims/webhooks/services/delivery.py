"""Delivering events: one attempt at a time, its outcome logged, the next one scheduled in the database.

    delivery_attempt       claim a due delivery, POST it signed, log the attempt, decide what comes next
    delivery_redeliver     send one delivery again (same webhook-id)
    deliveries_redeliver_failed   every failed delivery of an endpoint since a time
    retry_delay            the schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, with jitter

A delivery is claimed with a lock that expires by itself (`locked_until`), so
two workers never attempt it at once and a worker killed mid-attempt leaves it
to be attempted again. Waits longer than the dispatcher's period live in
`next_attempt_at`/`dispatch_at` and are drained by the dispatcher, never in a
broker countdown; no worker ever sleeps.
"""
from __future__ import annotations

import contextlib
import email.utils
import functools
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims import outbox
from claims.webhooks import signing
from claims.webhooks.hooks import delivery_send
from claims.webhooks.models import Attempt, Delivery, DeliveryStatus, Endpoint
from factdesk.errors import ServiceError

from .events import OUTBOX_NAME
from .permissions import require

logger = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({408, 429})
# An attempt running longer than this counts against its endpoint's share of workers.
SLOW_ATTEMPT = timedelta(seconds=1)
# An endpoint that answered (2xx) this recently, and has not failed since, may take as many workers as
# its deliveries need; any other holds at most its share (FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS) at once.
# Success is written at most once a second (_endpoint_health), so this is well above a second.
ANSWERED_LATELY = timedelta(seconds=10)
# How long a delivery over such an endpoint's share waits before it is tried again.
STEP_ASIDE_BRIEFLY = timedelta(seconds=0.5)


def _due(now: datetime, until: datetime, limit: int) -> list[int]:
    # Only deliveries whose attempt may start now and that no worker holds. Endpoints that already
    # hold their share of workers get nothing more this round: their deliveries would only step
    # aside again, crowding the queue for everyone else. An endpoint whose last attempt failed gets
    # a few per round (its share of workers), enough to find out whether it is back: once one
    # succeeds it is an ordinary endpoint again and the next round sends the rest.
    deliveries = (Delivery.objects.pending().filter(endpoint__is_active=True, next_attempt_at__lte=now)
                  .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
                  .exclude(endpoint_id__in=_saturated_endpoints(now)))
    ids = outbox.due_ids(deliveries.filter(endpoint__failures_in_a_row=0), until, limit)
    share = settings.FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS
    failing = Endpoint.objects.filter(is_active=True, failures_in_a_row__gt=0).values_list("pk", flat=True)
    for endpoint_id in failing:
        if len(ids) >= limit:
            break
        ids += outbox.due_ids(deliveries.filter(endpoint_id=endpoint_id), until, min(share, limit - len(ids)))
    return ids


def _saturated_endpoints(now: datetime) -> list[int]:
    return list(Delivery.objects.filter(locked_until__gt=now, last_attempt_at__lt=now - SLOW_ATTEMPT)
                .values("endpoint_id").annotate(slow=Count("id"))
                .filter(slow__gte=settings.FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS)
                .values_list("endpoint_id", flat=True))


# Handing a delivery to Celery is the task's business: claims.webhooks.apps connects the task to
# claims.webhooks.hooks.delivery_send.


def _send(delivery_id: int, countdown: float | None = None) -> None:
    delivery_send(delivery_id=delivery_id, countdown=countdown)


OUTBOX = outbox.Outbox(name=OUTBOX_NAME, model=Delivery, due=_due, send=_send, queue="webhooks")


@dataclass(frozen=True)
class _Claimed:
    delivery: Delivery
    endpoint: Endpoint
    started: datetime


def _attempt_budget() -> timedelta:
    # Connecting, waiting for the answer and reading its first bytes, with room to log the result.
    return timedelta(seconds=settings.FACTDESK_WEBHOOK_CONNECT_TIMEOUT_SECONDS
                     + 2 * settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS + 5)


def _claim(delivery_id: int) -> _Claimed | None:
    """Lock the delivery for one attempt if it is due, its endpoint active and not holding its share of workers.

    For an endpoint that answers promptly, three queries and no transaction:
    the delivery with its endpoint and event, the endpoint's attempts in
    flight, then a conditional update that takes the lock only if nobody
    attempted it meanwhile (its attempt count is unchanged and it is not
    locked), so two workers never attempt it at once. For any other endpoint
    the last two run in a transaction holding the endpoint's row.
    """
    now = timezone.now()
    delivery = next(iter(Delivery.objects.select_related("endpoint", "event").order_by()
                         .filter(pk=delivery_id, status=DeliveryStatus.PENDING)[:1]), None)
    if delivery is None:
        return None  # done or gone
    endpoint = delivery.endpoint
    if delivery.next_attempt_at > now or (delivery.locked_until and delivery.locked_until > now):
        return None  # an early or duplicate message: the schedule or the other attempt decides
    if not endpoint.is_active:
        return None  # paused or disabled: it waits, and is sent again when the endpoint is enabled
    promptly = _answers_promptly(endpoint, now)
    with contextlib.nullcontext() if promptly else transaction.atomic():
        if not promptly:
            # Claims for an endpoint not seen answering lately take turns (its row's lock), so that its
            # share of workers is a hard limit even when a burst reaches every worker at once.
            list(Endpoint.objects.select_for_update().filter(pk=endpoint.pk).values_list("pk", flat=True))
            now = timezone.now()  # after its turn came: attempts that ended meanwhile no longer count
        share = settings.FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS
        in_flight, slow = Delivery.objects.in_flight(endpoint_id=endpoint.pk, now=now, slow_since=now - SLOW_ATTEMPT)
        if slow >= share:
            # Enough workers are waiting on this endpoint already: step aside, keep the others free,
            # and come back (through the dispatcher) about when one of those attempts has ended.
            _step_aside(delivery.pk, now, seconds=settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS / 2, resend=False)
            return None
        if in_flight >= share and not promptly:
            # An endpoint not seen answering lately (new, idle, failing) may be one that hangs: it gets
            # its share of workers and no more until it answers, so a burst to it cannot take every
            # worker in the second before its attempts count as slow. The rest come back shortly.
            _step_aside(delivery.pk, now, seconds=STEP_ASIDE_BRIEFLY.total_seconds(), resend=True)
            return None
        locked_until = now + _attempt_budget()
        claimed = (Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING, attempts=delivery.attempts)
                   .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
                   .update(locked_until=locked_until, dispatch_at=locked_until, last_attempt_at=now,
                           attempts=F("attempts") + 1, round_attempts=F("round_attempts") + 1))
    if not claimed:
        return None  # another worker took it between the two queries
    delivery.attempts += 1
    delivery.round_attempts += 1
    return _Claimed(delivery=delivery, endpoint=endpoint, started=now)


def _answers_promptly(endpoint: Endpoint, now: datetime) -> bool:
    return (not endpoint.failures_in_a_row and endpoint.last_success_at is not None
            and endpoint.last_success_at >= now - ANSWERED_LATELY)


def _step_aside(delivery_id: int, now: datetime, *, seconds: float, resend: bool) -> None:
    """Leave the delivery for later: the dispatcher sends it after `seconds`, or a broker countdown does."""
    Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
        dispatch_at=now + timedelta(seconds=seconds))
    if resend and not settings.CELERY_TASK_ALWAYS_EAGER:  # in-process, a countdown would run at once
        transaction.on_commit(lambda: _send_quietly(delivery_id, seconds), robust=True)


def secrets_in_use(endpoint: Endpoint, now: datetime) -> list[str]:
    """The current secret, and the previous one while a rotation's overlap lasts."""
    secrets = [endpoint.secret]
    if endpoint.previous_secret and endpoint.previous_secret_expires_at and endpoint.previous_secret_expires_at > now:
        secrets.append(endpoint.previous_secret)
    return secrets


def allowed_networks() -> tuple:
    return _networks(settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS)


@functools.lru_cache(maxsize=8)
def _networks(value: str) -> tuple:
    from factdesk import outbound  # the HTTP client loads where deliveries run, not at every start-up

    return outbound.parse_networks(value)


def delivery_attempt(*, delivery_id: int) -> Attempt | None:
    """Make one attempt at a delivery if it is due; None when there was nothing to do.

    Safe to call twice for the same delivery, and from several workers at once.
    """
    from factdesk import outbound  # the HTTP client loads where deliveries run, not at every start-up

    claimed = _claim(delivery_id)
    if claimed is None:
        return None
    delivery, endpoint = claimed.delivery, claimed.endpoint
    sent_at = timezone.now()
    body = delivery.event.body.encode("utf-8")
    headers = signing.signed_headers(webhook_id=delivery.event.webhook_id, timestamp=sent_at, body=body,
                                     secrets_in_use=secrets_in_use(endpoint, sent_at))
    try:
        result = outbound.post(
            endpoint.url, body=body, headers=headers, allowed_networks=allowed_networks(),
            connect_timeout=settings.FACTDESK_WEBHOOK_CONNECT_TIMEOUT_SECONDS,
            read_timeout=settings.FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS,
            max_response_bytes=settings.FACTDESK_WEBHOOK_RESPONSE_BYTES,
        )
    except outbound.OutboundError as error:
        latency = int((timezone.now() - sent_at).total_seconds() * 1000)
        return _attempt_record(claimed, status=None, latency_ms=latency, excerpt="", error=error.detail,
                               retryable=not error.permanent, retry_after="")
    except Exception as error:  # a bug must not leave the delivery locked without a logged attempt
        logger.exception("delivery %s: unexpected error", delivery.pk)
        return _attempt_record(claimed, status=None, latency_ms=None, excerpt="",
                               error=f"{type(error).__name__}: {error}", retryable=True, retry_after="")
    retryable = result.status >= 500 or result.status in RETRYABLE_STATUSES
    error = "" if 200 <= result.status < 300 else _status_error(result.status)
    return _attempt_record(claimed, status=result.status, latency_ms=result.elapsed_ms, excerpt=result.body_excerpt,
                           error=error, retryable=retryable, retry_after=result.retry_after)


def _status_error(status: int) -> str:
    if 300 <= status < 400:
        return f"answered HTTP {status}: redirects are not followed; point the endpoint at the final URL"
    if status == 410:
        return "answered HTTP 410 Gone: the receiver says it is gone for good"
    return f"answered HTTP {status}"


def _attempt_record(claimed: _Claimed, *, status: int | None, latency_ms: int | None, excerpt: str, error: str,
                    retryable: bool, retry_after: str) -> Attempt:
    delivery, endpoint = claimed.delivery, claimed.endpoint
    now = timezone.now()
    succeeded = status is not None and 200 <= status < 300
    gone = status == 410
    next_at = None
    if succeeded:
        outcome = "succeeded"
    elif gone:
        outcome = "endpoint disabled"
    elif retryable and delivery.round_attempts < len(settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE):
        outcome = "retry"
        delay = retry_delay(delivery.round_attempts, retry_after=retry_after)
        next_at = now + timedelta(seconds=delay)
    else:
        outcome = "failed"
        if retryable:
            error = f"{error}; gave up after {delivery.round_attempts} attempts"
    with transaction.atomic():
        attempt = Attempt.objects.create(
            delivery=delivery, number=delivery.attempts, started_at=claimed.started, status_code=status,
            latency_ms=latency_ms, response_excerpt=excerpt[: settings.FACTDESK_WEBHOOK_RESPONSE_BYTES],
            error=error[:2000], outcome=outcome, next_attempt_at=next_at,
        )
        update = {"locked_until": None, "last_status_code": status, "last_error": error[:2000]}
        if succeeded:
            update.update(status=DeliveryStatus.SUCCEEDED, delivered_at=now, dispatch_at=None)
        elif next_at is not None:
            update.update(next_attempt_at=next_at, dispatch_at=next_at)
        else:
            update.update(status=DeliveryStatus.FAILED, dispatch_at=None)
        Delivery.objects.filter(pk=delivery.pk).update(**update)
        _endpoint_health(endpoint, now=now, succeeded=succeeded, gone=gone, error=error, delivery_id=delivery.pk)
        if next_at is not None and (next_at - now).total_seconds() <= settings.FACTDESK_DISPATCH_EVERY_SECONDS:
            # A wait shorter than the dispatcher's period goes through the broker (far below the
            # visibility timeout); a longer one is left to the dispatcher.
            countdown = max((next_at - now).total_seconds(), 0)
            transaction.on_commit(lambda: _send_quietly(delivery.pk, countdown), robust=True)
    log = logger.info if succeeded else logger.warning
    log("delivery %s (%s → endpoint %s) attempt %s: %s%s", delivery.pk, delivery.event.type, endpoint.pk,
        delivery.attempts, outcome, f" ({error})" if error else "")
    return attempt


def _send_quietly(delivery_id: int, countdown: float) -> None:
    try:
        _send(delivery_id, countdown=countdown)
    except Exception as error:  # the dispatcher sends it once its time comes
        logger.warning("delivery %s: retry not handed to the broker (%s); the dispatcher will send it",
                       delivery_id, type(error).__name__)


def _endpoint_health(endpoint: Endpoint, *, now: datetime, succeeded: bool, gone: bool, error: str,
                     delivery_id: int) -> None:
    endpoints = Endpoint.objects.filter(pk=endpoint.pk)
    if succeeded:
        # Skipped when nothing would change, so a busy endpoint's row is not rewritten per delivery.
        fresh = endpoint.last_success_at is not None and endpoint.last_success_at >= now - timedelta(seconds=1)
        if not endpoint.failures_in_a_row and fresh:
            return
        endpoints.filter(Q(failures_in_a_row__gt=0) | Q(last_success_at__isnull=True)
                         | Q(last_success_at__lt=now - timedelta(seconds=1))).update(
            last_success_at=now, failures_in_a_row=0, failing_since=None)
        return
    endpoints.update(failures_in_a_row=F("failures_in_a_row") + 1, last_failure_at=now,
                     failing_since=Coalesce(F("failing_since"), now))
    if gone:
        reason = f"answered 410 Gone at {now:%Y-%m-%d %H:%M} UTC (delivery {delivery_id})"
        endpoints.filter(is_active=True).update(is_active=False, disabled_at=now, disabled_reason=reason)
        logger.warning("endpoint %s disabled: %s", endpoint.pk, reason)
        return
    days = settings.FACTDESK_WEBHOOK_DISABLE_AFTER_DAYS
    failing_since = endpoints.values_list("failing_since", flat=True).first()
    if failing_since is not None and failing_since <= now - timedelta(days=days):
        reason = (f"every delivery failed for {days:g} days (since {failing_since:%Y-%m-%d %H:%M} UTC); "
                  f"last error: {error[:200]}")
        if endpoints.filter(is_active=True).update(is_active=False, disabled_at=now, disabled_reason=reason):
            logger.warning("endpoint %s disabled: %s", endpoint.pk, reason)


def retry_delay(attempts_made: int, *, retry_after: str = "", now: datetime | None = None) -> float:
    """Seconds to wait before the next attempt, after `attempts_made` attempts of this round.

    The schedule's step, spread by ± the jitter fraction so that deliveries
    failed together do not return together; a receiver's Retry-After (seconds
    or an HTTP date) lengthens the wait, up to the schedule's longest step.
    """
    schedule = settings.FACTDESK_WEBHOOK_RETRY_SCHEDULE
    base = schedule[min(attempts_made, len(schedule) - 1)]
    jitter = settings.FACTDESK_WEBHOOK_RETRY_JITTER
    delay = base * random.uniform(1 - jitter, 1 + jitter) if base else 0.0
    asked = _retry_after_seconds(retry_after, now=now or timezone.now())
    if asked is not None:
        delay = max(delay, min(asked, max(schedule)))
    return delay


def _retry_after_seconds(value: str, *, now: datetime) -> float | None:
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)


# --- Redelivery ----------------------------------------------------------------------

def delivery_redeliver(*, delivery_id: int, actor) -> Delivery:
    """Send one delivery again, whatever its status, with the event's webhook-id unchanged."""
    require(actor, "webhooks.change_endpoint", "redeliver webhooks")
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            raise ServiceError(f"delivery {delivery_id} does not exist", status=404, title="Not found")
        _restart([delivery.pk])
    delivery.refresh_from_db()
    logger.info("delivery %s redelivered by %s", delivery.pk, actor or "system")
    return delivery


def deliveries_redeliver_failed(*, endpoint_id: int, since: datetime, actor) -> int:
    """Send again every failed delivery of the endpoint created since `since`; returns how many."""
    require(actor, "webhooks.change_endpoint", "redeliver webhooks")
    if not Endpoint.objects.filter(pk=endpoint_id).exists():
        raise ServiceError(f"endpoint {endpoint_id} does not exist", status=404, title="Not found")
    with transaction.atomic():
        ids = list(Delivery.objects.failed().filter(endpoint_id=endpoint_id, created_at__gte=since)
                   .select_for_update().values_list("pk", flat=True))
        _restart(ids)
    logger.info("endpoint %s: %s failed deliveries since %s redelivered by %s", endpoint_id, len(ids), since,
                actor or "system")
    return len(ids)


def _restart(ids: list[int]) -> None:
    now = timezone.now()
    Delivery.objects.filter(pk__in=ids).update(
        status=DeliveryStatus.PENDING, round_attempts=0, next_attempt_at=now, dispatch_at=now, locked_until=None)
    active = list(Delivery.objects.filter(pk__in=ids, endpoint__is_active=True).values_list("pk", flat=True))
    outbox.send_on_commit(OUTBOX_NAME, active)
