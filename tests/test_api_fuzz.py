"""The API keeps the promises of its own schema: schemathesis drives every operation in
/api/schema/ with generated requests (bounded, deterministic) against the WSGI app and runs
all of its checks on every answer — no server error, every status and content type documented,
every body as its schema says, schema-valid requests accepted, schema-violating ones refused,
a missing required header refused, unsupported methods answered 405, authentication enforced.

Where a check's expectations are widened below, the reason is a rule of the API that an
OpenAPI schema cannot state; nothing is switched off.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from claims.facts.services import facts_group_pending
from claims.services import claims_review_bulk
from claims.webhooks import services as webhooks
from factdesk import outbound
from factdesk.accounts.services import token_create
from factdesk.wsgi import application
from tests.conftest import (ClaimFactory, ExtractionJobFactory, QuoteFactory, SpeakerFactory, cache_clear,
                            reported_claim)

ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]

# Writes whose services refuse some schema-valid bodies with a 400 problem naming the rule,
# because the rule is one no OpenAPI schema can state:
BUSINESS_RULES = {
    ("POST", "/api/v1/documents/"): "html or text, not both; a page fetched by URL names its own title",
    ("POST", "/api/v1/claims/review/"): "reject and dispute need a note",
    ("POST", "/api/v1/webhooks/endpoints/"): "the URL must be a public http(s) address",
    ("PATCH", "/api/v1/webhooks/endpoints/{id}/"): "the URL must be a public http(s) address",
    ("POST", "/api/v1/tokens/"): "the user must exist and the expiry be in the future",
}

CONFIG = SchemathesisConfig.from_dict({
    "checks": {
        # A schema-valid If-Match may name a version that is no longer current: 412 is that answer.
        "positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "412"]},
        # RFC 6585: 428 Precondition Required is the answer to a missing If-Match.
        "missing_required_header": {"expected-statuses": ["400", "401", "403", "406", "415", "422", "428"]},
    },
    "operations": [
        {"include-path": path, "include-method": method,
         "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "412", "400"]}}}
        for method, path in BUSINESS_RULES
    ],
})

schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=CONFIG)

EXAMPLES_PER_OPERATION = 15


@pytest.fixture
def admin_headers(admin_user, monkeypatch, settings) -> Iterator[dict[str, str]]:
    """A populated database (claims, facts, a webhook endpoint with a delivery), an admin's token,
    and no real network (only its edge is replaced)."""
    for status in ("pending", "approved", "rejected", "disputed"):
        claim = ClaimFactory(status=status, speaker=SpeakerFactory())
        QuoteFactory(document=claim.document, speaker=claim.speaker)
        ExtractionJobFactory(document=claim.document)
    tolls = [reported_claim(f"{count} soldiers were killed", outlet=outlet, published="2022-09-13T08:00Z",
                            count=count, group="Armenian soldiers", speaker="Armenian defence ministry")
             for count, outlet in ((49, "Wire A"), (105, "Wire B"))]
    facts_group_pending()
    claims_review_bulk(claim_ids=[claim.pk for claim in tolls], action="approve", actor=admin_user)
    settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8"
    endpoint, _ = webhooks.endpoint_create(url="http://127.0.0.1:9/hook", event_types=["claim.created"],
                                           actor=admin_user)
    webhooks.endpoint_send_test(endpoint_id=endpoint.pk, actor=admin_user)

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
def test_every_generated_request_gets_the_answer_the_schema_promises(case, admin_headers):
    cache_clear()  # the fuzzer is faster than any sane rate limit
    case.call_and_validate(headers=admin_headers)
