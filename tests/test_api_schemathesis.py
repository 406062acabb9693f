"""Property-based run of the API against its own OpenAPI schema (schemathesis), embedded store.

For every operation, schemathesis generates requests from the schema (valid ones, and
invalid ones for the negative checks) and checks that no response is a 5xx, that every
status, content type and body is the one the schema documents, and that invalid input is
refused. The app runs with a write key (so ingest and delete are exercised, not just
refused) on a fresh copy of the example graph. Bounded: ``MAX_EXAMPLES`` per operation.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from actorgraph.api.app import create_app
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.ingest.loader import Loader
from actorgraph.settings import Settings
from schemathesis import checks as st_checks
from schemathesis.specs.openapi import checks as oa_checks

from tests.helpers import EXAMPLE

MAX_EXAMPLES = int(os.environ.get("ACTORGRAPH_SCHEMATHESIS_EXAMPLES", "25"))
KEY = "schemathesis-key"

_tmp = tempfile.TemporaryDirectory(prefix="actorgraph-schemathesis-")
_store = EmbeddedStore(Path(_tmp.name) / "store")
Loader(_store).load_file(EXAMPLE)
app = create_app(
    Settings(store=str(Path(_tmp.name) / "store"), api_key=KEY, startup_timeout=0),
    store=_store,
)

schema = schemathesis.openapi.from_asgi("/openapi.json", app)


#: What was sent to POST /ingest as NDJSON, and how it was answered (checked at the end).
NDJSON_SENT: list[tuple[int, int]] = []  # (lines, status)


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: object, value: object) -> bytes:
    """The NDJSON schema is of the lines, as a list: each generated record becomes one line
    (a generated non-list, in negative cases, is sent as one JSON line)."""
    if isinstance(value, bytes):
        return value
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode()


CHECKS = [
    st_checks.not_a_server_error,
    oa_checks.status_code_conformance,
    oa_checks.content_type_conformance,
    oa_checks.response_schema_conformance,
    oa_checks.negative_data_rejection,
]


@pytest.fixture(scope="module", autouse=True)
def _close_store() -> Iterator[None]:
    yield
    app.state.actorgraph.jobs.wait(30)
    _store.close()
    _tmp.cleanup()


def _auth(case: schemathesis.Case) -> dict[str, str] | None:
    """The write key, except for a case generated with invalid headers: adding the key there
    would turn the negative case (e.g. the required X-API-Key left out) into a valid one."""
    components = case.meta.components if case.meta else {}
    for location, info in components.items():
        if str(getattr(location, "value", location)) == "header" and info.mode.is_negative:
            return None
    return {"X-API-Key": KEY}


@schema.parametrize()
@hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
    derandomize=True,
    database=None,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # call_and_validate raises on any failed check; the assert states the main one plainly
    response = case.call_and_validate(headers=_auth(case), checks=CHECKS)
    if case.path == "/ingest" and case.media_type == "application/x-ndjson":
        lines = len(case.body) if isinstance(case.body, list) else 1
        NDJSON_SENT.append((lines, response.status_code))
    assert response.status_code < 500


def test_ndjson_bodies_were_fuzzed_and_no_job_crashed() -> None:
    """Runs after the fuzzing above (same module, in order): generated records did reach
    POST /ingest as NDJSON lines, some were accepted as jobs, and no job ended in an internal error
    (a job fails with the API's error shape, never with a crash)."""
    if not NDJSON_SENT:
        pytest.skip("the schemathesis run was deselected")
    # accepted bodies held generated records (the schema asks for at least one line)
    assert any(status == 202 and lines >= 1 for lines, status in NDJSON_SENT), NDJSON_SENT
    jobs = app.state.actorgraph.jobs
    jobs.wait(60)
    crashed = [
        j.error for j in jobs._jobs.values() if j.error and j.error["code"] == "internal_error"
    ]
    assert crashed == []
