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


class _Session:
    """A driver session whose auto-commit ``run`` raises the errors given, then answers."""

    def __init__(self, errors: list[Exception], opened: list[int]) -> None:
        self.errors = errors
        opened.append(1)

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, query: object, parameters: object) -> list[dict[str, int]]:
        if self.errors:
            raise self.errors.pop(0)
        return [{"version": 7}]


def _reading(errors: list[Exception], monkeypatch: pytest.MonkeyPatch) -> tuple[Neo4jStore, list]:
    import actorgraph.graph.neo4j.store as module
    from actorgraph.graph.neo4j.queries import QuerySet

    monkeypatch.setattr(module, "RETRY_DELAY", 0.001)
    store = _store()
    store.database = "neo4j"
    store.queries = QuerySet(store.schema)
    opened: list[int] = []

    class Driver:
        def session(self, **kw: object) -> _Session:
            return _Session(errors, opened)

    store._driver = Driver()  # type: ignore[assignment]
    return store, opened


def test_an_auto_commit_read_retries_what_the_driver_would_retry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reads of one query run outside a managed transaction (one round trip, not three), so
    the driver's retries are the store's: a transient error is asked again, on a new session;
    a time-out is not, and says so as a managed read does."""
    busy = Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError", message="busy"
    )
    store, opened = _reading([busy, busy], monkeypatch)
    assert store.version() == "7" and len(opened) == 3
    timed_out = Neo4jError._hydrate_neo4j(code=TIMED_OUT, message="timed out")
    store, opened = _reading([timed_out], monkeypatch)
    with pytest.raises(LimitError):
        store.version()
    assert len(opened) == 1


def test_a_read_still_out_of_memory_after_its_retries_is_a_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A question whose walk needs more memory than the server gives its transactions (a hub
    pair at 1M relations) fails on every retry: the user is told it is too big, not that
    Neo4j is unavailable."""
    import actorgraph.graph.neo4j.store as module

    monkeypatch.setattr(module, "RETRY_TIME", 0.05)
    full = Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError", message="pool full"
    )
    store, opened = _reading([full] * 200, monkeypatch)
    with pytest.raises(LimitError, match="more memory than Neo4j allows"):
        store.version()
    assert len(opened) > 1  # retried first, as a transient error is
