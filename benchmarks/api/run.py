"""The four scenarios (floor and API, list and page), measured over HTTP or profiled in this process."""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import time
from collections.abc import Callable

from django.core.management.base import CommandError
from django.test import Client, override_settings

from . import data
from .load import Measured, combined, drive, drive_wrk, free_port, get
from .server import serving

Scenario = tuple[str, list[str], dict[str, str]]


def scenarios(*, page_size: int, secret: str) -> list[Scenario]:
    auth = {"Authorization": f"Bearer {secret}"}
    query = f"?status=pending&kind=casualty&page_size={page_size}"
    ids = data.sample_claim_ids()
    return [
        ("floor  claims list", [f"/floor/claims/{query}"], {}),
        ("api    claims list", [f"/api/v1/claims/{query}"], auth),
        ("floor  claim detail", [f"/floor/claims/{pk}/" for pk in ids], {}),
        ("api    claim detail", [f"/api/v1/claims/{pk}/" for pk in ids], auth),
    ]


def measure(*, options: dict, database_url: str, write: Callable[[str], None]) -> None:
    """Serve with gunicorn and drive each scenario with wrk or Python threads; one line per scenario."""
    secret = data.reader_token()
    plan = scenarios(page_size=options["page_size"], secret=secret)
    port = free_port()
    with serving(port, workers=options["workers"], threads=options["threads"], database_url=database_url,
                 write=write):
        _, api_list, headers = plan[1]
        status, _ = get(port, api_list[0], headers)
        if status != 200:
            raise CommandError(f"the API answered {status} to the benchmark's reader token")
        rounds = options["rounds"]
        if options["client"] == "wrk":
            write(f"load: wrk, 1 thread, {options['concurrency']} keep-alive connections, "
                  f"{options['seconds']:g} s per scenario after 2 s of warm-up")
        else:
            write(f"load: Python threads, {options['requests']:,} requests per scenario (capped at "
                  f"{options['seconds']:g} s), {options['concurrency']} connections, after 50 warm-up requests")
        if rounds > 1:
            write(f"in {rounds} rounds: each API scenario alternates with its floor, a {1 / rounds:.0%} share at a "
                  "time, so that both meet the same load from the rest of the machine")
        write(f"load average before: {_load_average()}")
        write(f"{'scenario':<22}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        rates = {}
        for pair in (plan[0:2], plan[2:4]):
            for name, paths, headers in pair:  # warm-up
                if options["client"] == "wrk":
                    drive_wrk(port, paths, headers, name=name, concurrency=options["concurrency"], seconds=2)
                else:
                    drive(port, paths, headers, name=name, total=50, concurrency=options["concurrency"],
                          max_seconds=10)
            parts: dict[str, list[Measured]] = {name: [] for name, _, _ in pair}
            for _ in range(rounds):
                for name, paths, headers in pair:
                    if options["client"] == "wrk":
                        result = drive_wrk(port, paths, headers, name=name, concurrency=options["concurrency"],
                                           seconds=options["seconds"] / rounds)
                    else:
                        result = drive(port, paths, headers, name=name, total=max(1, options["requests"] // rounds),
                                       concurrency=options["concurrency"], max_seconds=options["seconds"] / rounds)
                    parts[name].append(result)
            for name, _, _ in pair:
                result = combined(parts[name])
                rates[name] = result.rate
                write(f"{result.name:<22}{result.requests:>9,}{result.errors:>8}{result.rate:>9.1f}"
                      f"{result.p50_ms:>9.1f}{result.p99_ms:>9.1f}")
        write(f"API share of the floor: claims list {_share(rates, 'claims list')}, "
              f"claim detail {_share(rates, 'claim detail')}; load average after: {_load_average()}")


def profile(*, requests: int, page_size: int, top: int, write: Callable[[str], None]) -> None:
    """Each scenario `requests` times through Django's handler in this process (no network, no server):
    CPU per request for the floor and the API, and where the API's time goes (cProfile)."""
    # The server's settings, scoped to this block: the floor mounted, no throttles, no query log.
    with override_settings(ROOT_URLCONF="benchmarks.api.urls", DEBUG=False, ALLOWED_HOSTS=["testserver"],
                           SECURE_SSL_REDIRECT=False, REST_FRAMEWORK=_unthrottled()):
        plan = scenarios(page_size=page_size, secret=data.reader_token())
        client = Client()
        cpu = {}
        for name, paths, headers in plan:
            def run(count: int) -> None:
                for i in range(count):
                    response = client.get(paths[i % len(paths)], headers=headers)
                    if response.status_code != 200:
                        raise CommandError(f"{name}: {paths[i % len(paths)]} answered {response.status_code}")

            run(min(50, requests))  # warm-up: imports, compiled queries, connections
            started = time.process_time()
            run(requests)
            cpu[name] = (time.process_time() - started) / requests * 1000
            write(f"{name:<22} {cpu[name]:6.2f} ms CPU per request ({requests} requests, in-process)")
        write(f"API share of the floor (CPU): claims list {_cpu_share(cpu, 'claims list')}, "
              f"claim detail {_cpu_share(cpu, 'claim detail')}; load average {_load_average()}")
        _, paths, headers = plan[1]
        lookup = _authentication_cpu(paths[0], headers, requests)
        write(f"of which the token lookup (the first authentication class alone): {lookup:.2f} ms CPU per request; "
              f"without it: claims list {_cpu_share(cpu, 'claims list', lookup)}, "
              f"claim detail {_cpu_share(cpu, 'claim detail', lookup)}")
        for name, paths, headers in plan:
            if not name.startswith("api"):
                continue
            profiler = cProfile.Profile()
            profiler.enable()
            for i in range(requests):
                client.get(paths[i % len(paths)], headers=headers)
            profiler.disable()
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(top)
                write(f"--- {name.strip()}: {requests} requests, top {top} by {order} ---")
                write(out.getvalue()[out.getvalue().find("   ncalls"):].rstrip())


def _authentication_cpu(path: str, headers: dict[str, str], requests: int) -> float:
    """CPU milliseconds per request of the API's first authentication class (the bearer token) alone."""
    from django.test import RequestFactory
    from rest_framework.request import Request
    from rest_framework.settings import api_settings

    authenticator = api_settings.DEFAULT_AUTHENTICATION_CLASSES[0]()
    request = Request(RequestFactory().get(path, headers=headers))
    for _ in range(min(50, requests)):
        authenticator.authenticate(request)
    started = time.process_time()
    for _ in range(requests):
        if authenticator.authenticate(request) is None:
            raise CommandError("the first authentication class did not recognise the benchmark's token")
    return (time.process_time() - started) / requests * 1000


def _unthrottled() -> dict:
    from django.conf import settings

    rates = dict.fromkeys(settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}))
    return {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def _share(rates: dict[str, float], scenario: str) -> str:
    floor, api = rates[f"floor  {scenario}"], rates[f"api    {scenario}"]
    return f"{api / floor:.0%}" if floor else "n/a"


def _cpu_share(cpu: dict[str, float], scenario: str, less: float = 0.0) -> str:
    floor, api = cpu[f"floor  {scenario}"], cpu[f"api    {scenario}"] - less
    return f"{floor / api:.0%}" if api > 0 else "n/a"


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
