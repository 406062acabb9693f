"""How the Neo4j store words the driver's errors (no server needed: the translation only)."""

from __future__ import annotations

import pytest
from actorgraph.graph.errors import LimitError, StoreUnavailableError
from actorgraph.graph.neo4j.store import Neo4jStore
from neo4j.exceptions import Neo4jError, ResultFailedError

TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"


def _store() -> Neo4jStore:
    store = Neo4jStore.__new__(Neo4jStore)  # the translation reads the URI, the user and the limit
    store.uri = "bolt://127.0.0.1:7687"
    store.user = "neo4j"
    store.query_timeout = 10.0
    return store


def _failed_after(cause: Exception) -> ResultFailedError:
    """What the driver raises when a result is read after ``cause`` ended the transaction."""
    try:
        try:
            raise cause
        except Exception as exc:
            raise ResultFailedError(None, "the result has failed; see the cause") from exc
    except ResultFailedError as failed:
        return failed


def test_a_time_out_is_a_limit_error() -> None:
    exc = Neo4jError._hydrate_neo4j(code=TIMED_OUT, message="timed out")
    assert isinstance(_store()._translate(exc, 3.0), LimitError)


def test_a_result_read_after_a_time_out_is_the_time_out_not_a_500() -> None:
    """A time-out the driver reports as ResultFailedError (a later result of the same
    transaction) reached the API as a 500; it is the same limit error as the time-out."""
    failed = _failed_after(Neo4jError._hydrate_neo4j(code=TIMED_OUT, message="timed out"))
    translated = _store()._translate(failed, 3.0)
    assert isinstance(translated, LimitError)
    assert "3 s" in str(translated)


def test_a_result_read_after_the_server_went_away_is_unavailable() -> None:
    cause = Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.General.DatabaseUnavailable", message="gone"
    )
    assert isinstance(_store()._translate(_failed_after(cause)), StoreUnavailableError)


@pytest.mark.parametrize("cause", [None, ValueError("not the driver's")])
def test_a_result_failure_without_a_driver_cause_is_left_alone(cause: Exception | None) -> None:
    failed = _failed_after(cause) if cause is not None else ResultFailedError(None, "failed")
    assert _store()._translate(failed) is failed
