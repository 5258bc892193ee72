"""No input makes the API answer 5xx: schemathesis drives every operation in
/api/schema/ with generated requests (bounded, deterministic) against the WSGI app."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from factdesk.accounts.services import token_create
from factdesk import outbound
from factdesk.wsgi import application
from tests.conftest import ClaimFactory, ExtractionJobFactory, QuoteFactory, SpeakerFactory, cache_clear

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

EXAMPLES_PER_OPERATION = 20


@pytest.fixture
def admin_headers(admin_user, monkeypatch) -> Iterator[dict[str, str]]:
    """A populated database, an admin's token, and no real network (only its edge is replaced)."""
    for status in ("pending", "approved", "rejected", "disputed"):
        claim = ClaimFactory(status=status, speaker=SpeakerFactory())
        QuoteFactory(document=claim.document, speaker=claim.speaker)
        ExtractionJobFactory(document=claim.document)

    def offline_fetch(url, **kwargs):
        raise outbound.OutboundError(f"{url} was not fetched: the network is off in this test", status=422)

    monkeypatch.setattr(outbound, "fetch", offline_fetch)
    _, secret = token_create(user=admin_user, name="fuzzer", actor=admin_user)
    # Called as a plain WSGI app, Django closes its database connection after
    # each request, which would end the test's transaction; its own test
    # client switches that off the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {secret}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case, admin_headers):
    cache_clear()  # the fuzzer is faster than any sane rate limit
    case.call_and_validate(headers=admin_headers, checks=[not_a_server_error])
