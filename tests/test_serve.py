"""``actorgraph serve`` as a user starts it: a real process, options and settings honoured."""

from __future__ import annotations

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
