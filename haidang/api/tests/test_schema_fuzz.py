"""schemathesis against the served OpenAPI schema, on a live test server on loopback: every operation,
a few generated requests each (bounded in time), with a token that may read, push and act.
0 server errors and 0 answers that break the schema (status, content type, body)."""

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .conftest import build_world, make_token

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 6


@pytest.mark.django_db(transaction=True)
def test_the_api_keeps_to_its_schema(live_server, personas):
    build_world(personas)
    token = make_token(personas.alice, personas.lead, ["read", "push", "act"])
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/?format=json")
    failures: list[str] = []
    calls = 0
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def exercise(case):
            nonlocal calls
            calls += 1
            response = case.call(base_url=live_server.url, headers=headers)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except Exception as exc:  # noqa: BLE001 - collected, all reported below
                failures.append(f"{case.operation.label}: {response.status_code} {str(exc)[:600]}")

        exercise()
    elapsed = time.monotonic() - started
    assert calls >= 2 * len(list(schema.get_all_operations())), calls  # every operation was exercised
    assert not failures, "\n\n".join(failures[:10])
    assert elapsed < 120, f"took {elapsed:.0f} s"
