"""The loader runs Python's cyclic garbage collector less often while it loads, and puts the
setting back afterwards, whatever happened (``ingest.loader.fewer_collections``)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.errors import InputError
from actorgraph.graph.store import WriteBatch, WriteResult
from actorgraph.ingest import loader as loader_module
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE


class _Watching(EmbeddedStore):
    """Notes the collector's first threshold whenever a batch is written."""

    seen: list[int]

    def write(self, batch: WriteBatch) -> WriteResult:
        self.seen.append(gc.get_threshold()[0])
        return super().write(batch)


def test_a_load_collects_less_often_while_it_writes_and_restores_after(tmp_path: Path) -> None:
    before = gc.get_threshold()
    store = _Watching(tmp_path / "s")
    store.seen = []
    Loader(store).load_file(EXAMPLE)
    store.close()
    assert store.seen and all(t > before[0] for t in store.seen), (store.seen, before)
    assert gc.get_threshold() == before


def test_the_setting_comes_back_after_a_refused_input(tmp_path: Path) -> None:
    before = gc.get_threshold()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "actor", "name": "A", "type": "nobody"}\n')
    store = EmbeddedStore(tmp_path / "s")
    with pytest.raises(InputError):
        Loader(store).load_file(bad)
    store.close()
    assert gc.get_threshold() == before


def test_loads_in_two_threads_restore_the_setting_when_the_last_ends() -> None:
    before = gc.get_threshold()
    inside = threading.Event()
    release = threading.Event()
    seen: dict[str, Any] = {}
    fewer_collections = loader_module.fewer_collections

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other)
    t.start()
    assert inside.wait(10)
    with fewer_collections():
        pass
    seen["after mine"] = gc.get_threshold()[0]  # the other load still runs
    release.set()
    t.join(10)
    assert seen["after mine"] == loader_module.GC_THRESHOLD
    assert gc.get_threshold() == before
