"""Schemathesis drives every operation of /api/schema/ over the real app: no answer is a 500,
and every answer is the documented one (status, content type, headers, body)."""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api_fixtures import client_for
from tests.personas import make_claim, make_evidence

# Per operation and mode; bounded so CI's run stays within minutes. SCHEMATHESIS_EXAMPLES=200
# runs a deeper search locally.
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "8"))
# No server error, and every answer as documented: its status, content type, headers and body;
# invalid input (by the schema) is refused.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def api_schema(db):
    """The app's own schema, called in-process over WSGI inside the test's transaction."""
    from workbench.wsgi import application

    # As Django's test client does: a finished request must not close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token_header(superuser, settings) -> dict[str, str]:
    """A superuser (every role's rights) with some rows to act on; no throttling in the way."""
    settings.API_THROTTLE_RATE = "100000/minute"
    claim = make_claim()
    make_evidence(claim)
    client = client_for(superuser)
    return {"Authorization": client._credentials["HTTP_AUTHORIZATION"]}


def test_no_operation_answers_with_a_server_error(api_schema, token_header):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 24
    for operation in operations:
        # Importing fact-checks fetches the URL it is given: generated URLs would leave
        # 127.0.0.1. Its bad input is tested in test_claimreview_import.py against local servers.
        if operation.path == "/api/v1/factchecks/import/":
            continue
        for mode in GenerationMode:
            check_operation(operation, token_header, mode)


def check_operation(operation, headers: dict[str, str], mode: GenerationMode) -> None:
    """A few generated requests, valid or not (``mode``), for one operation: each answered as
    documented, never with a server error."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    run()
