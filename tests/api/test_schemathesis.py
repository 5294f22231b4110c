"""The public API against its own OpenAPI document (issue 15): schemathesis generates
requests from /api/v1/openapi.json — valid ones and ones the schema refuses — and calls the
Django app through WSGI (no network). Any 5xx, an undocumented status code or a response
that does not match its documented schema fails the run.

Bounded, so it runs in every test run (scripts/test.sh, SQLite and PostgreSQL): a fixed
number of examples per operation, derandomized (the same examples every run), no shrinking.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

MAX_EXAMPLES = 30
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# The document as the app serves it (no database needed to serve it).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True, no_shrink=True)


@pytest.fixture
def api_world(db, org, officer, settings):
    """An organisation to file with; room for every example (the limit itself, 429 with
    Retry-After, is tested in klachtenregeling/api/tests)."""
    settings.API_ANON_RATE = "100000/h"
    # As Django's test client does: the test's transaction stays open between requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case, api_world):
    case.call_and_validate(checks=CHECKS)
