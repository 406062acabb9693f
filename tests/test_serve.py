"""``actorgraph serve`` as a user starts it: a real process, options and settings honoured."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import BIN, EXAMPLE, ROOT, free_port

KEY = "serve-test-key"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTORGRAPH_")}
    env.update(extra)
    return env


class Served:
    def __init__(self, proc: subprocess.Popen[str], base: str) -> None:
        self.proc = proc
        self.base = base

    def get(self, path: str, **kw: object) -> httpx.Response:
        return httpx.get(self.base + path, timeout=30, **kw)  # type: ignore[arg-type]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    """Start ``actorgraph [options] serve`` in ``tmp_path`` (no ACTORGRAPH_* from the test
    environment unless given) and wait until it answers."""
    started: list[subprocess.Popen[str]] = []

    def start(options: list[str], env: dict[str, str], workers: int = 1) -> Served:
        port = free_port()
        # output to a file, not a pipe: nobody drains a pipe while the server runs (a full
        # one blocks it), and reading one from a live process waits for it to end
        log = tmp_path / f"serve-{port}.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [str(BIN), *options, "serve", "--port", str(port), "--workers", str(workers)],
                cwd=tmp_path,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )
        started.append(proc)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180  # two workers on a busy 2-core machine
        while True:
            try:
                if httpx.get(base + "/ready", timeout=2).status_code == 200:
                    return Served(proc, base)
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait(timeout=20)
                pytest.fail(f"serve did not start: {log.read_text()[-4000:]}")
            time.sleep(0.2)

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def loaded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("serve") / "my-store"
    p = subprocess.run(
        [str(BIN), "--store", str(store), "ingest", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    return store


@pytest.mark.parametrize("workers", [1, 2])
def test_store_option_is_the_store_served(serve, loaded_dir: Path, workers: int) -> None:  # type: ignore[no-untyped-def]
    """Bug: ``actorgraph --store DIR serve`` served ``./.actorgraph``, not DIR."""
    served = serve(["--store", str(loaded_dir)], _env(), workers=workers)
    stats = served.get("/stats").json()
    assert stats["nodes"]["Actor"] > 0, stats
    assert served.get("/actors/Hamas").status_code == 200


def _ingest_and_read_log(served: Served, log: Path) -> str:
    r = httpx.post(
        served.base + "/ingest",
        json={"records": [{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}]},
        headers={"X-API-Key": KEY},
        timeout=30,
    )
    assert r.status_code == 202, r.text
    deadline = time.monotonic() + 30
    while served.get(r.json()["url"], headers={"X-API-Key": KEY}).json()["status"] in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.mark.parametrize(("level", "logged"), [("INFO", True), ("WARNING", False)])
def test_log_level_is_honoured_under_serve(  # type: ignore[no-untyped-def]
    serve, tmp_path: Path, level: str, logged: bool
) -> None:
    """Bug: ``ACTORGRAPH_LOG_LEVEL`` was ignored under ``serve`` (the CLI set DEBUG first)."""
    log = tmp_path / "logs" / "actorgraph.log"
    env = _env(
        ACTORGRAPH_LOG_LEVEL=level,
        ACTORGRAPH_LOG_FILE=str(log),
        ACTORGRAPH_API_KEY=KEY,
        ACTORGRAPH_STORE=str(tmp_path / "store"),
    )
    served = serve([], env)
    text = _ingest_and_read_log(served, log)
    assert ("ingest job" in text) is logged, text


# ---------------------------------------------------------------- jobs shared by workers


def _post(served: Served, records: list[dict[str, object]]) -> str:
    body = "\n".join(json.dumps(r) for r in records) + "\n"
    r = httpx.post(
        served.base + "/ingest",
        content=body.encode(),
        headers={"X-API-Key": KEY, "Content-Type": "application/x-ndjson"},
        timeout=60,
    )
    assert r.status_code == 202, r.text
    return str(r.json()["url"])


def _until_finished(served: Served, url: str, timeout: float = 120) -> dict[str, object]:
    """Poll ``url`` (a new connection each time) until the job is over."""
    deadline = time.monotonic() + timeout
    while True:
        r = served.get(url, headers={"X-API-Key": KEY})
        assert r.status_code == 200, r.text
        job: dict[str, object] = r.json()
        if job["status"] not in ("queued", "running"):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def test_a_job_taken_by_one_server_process_is_read_by_another(  # type: ignore[no-untyped-def]
    serve, tmp_path: Path
) -> None:
    """Bug: ingest jobs lived in the memory of the worker that took them, so another
    worker (or another server on the same store) answered 404 for a job it did not run."""
    env = _env(ACTORGRAPH_API_KEY=KEY, ACTORGRAPH_STORE=str(tmp_path / "store"))
    one, other = serve([], env), serve([], env)
    url = _post(one, [{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}])
    job = _until_finished(other, url)
    assert job["status"] == "succeeded", job
    assert job["report"]["written"]["nodes"] == 1, job  # type: ignore[index]
    assert other.get("/actors/oman").status_code == 200


def test_jobs_answer_from_every_worker_of_a_two_worker_server(  # type: ignore[no-untyped-def]
    serve, tmp_path: Path
) -> None:
    """With ``--workers 2`` every poll of a job is answered, whichever worker the
    connection lands on (each poll is a new connection)."""
    env = _env(ACTORGRAPH_API_KEY=KEY, ACTORGRAPH_STORE=str(tmp_path / "store"))
    served = serve([], env, workers=2)
    url = _post(served, [{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}])
    _until_finished(served, url)
    answers = [served.get(url, headers={"X-API-Key": KEY}).status_code for _ in range(40)]
    assert answers == [200] * 40, answers


def test_a_job_whose_worker_died_is_failed_not_lost(  # type: ignore[no-untyped-def]
    serve, tmp_path: Path
) -> None:
    """A worker killed in the middle of a job: another one reads the job as failed
    (``interrupted``), not as running forever, and takes the next job."""
    from actorgraph.ingest.synthetic import synthetic_records

    env = _env(ACTORGRAPH_API_KEY=KEY, ACTORGRAPH_STORE=str(tmp_path / "store"))
    doomed, other = serve([], env), serve([], env)
    url = _post(doomed, list(synthetic_records(40_000, seed=3)))
    deadline = time.monotonic() + 120
    while other.get(url, headers={"X-API-Key": KEY}).json()["status"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    doomed.proc.kill()
    doomed.proc.wait(timeout=20)
    job = _until_finished(other, url, timeout=10)
    assert job["status"] == "failed", job
    assert job["error"]["code"] == "interrupted", job  # type: ignore[index]
    # the jobs' lock died with the worker: the other one runs the next job
    after = _until_finished(
        other, _post(other, [{"kind": "actor", "id": "qatar", "name": "Qatar", "type": "state"}])
    )
    assert after["status"] == "succeeded", after
