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
    """Notes the collector's first threshold whenever a batch is written, and how many
    objects it does not see (frozen) then and when the snapshot is written."""

    seen: list[int]
    frozen: list[int]
    flushed: list[tuple[int, int]]

    def write(self, batch: WriteBatch) -> WriteResult:
        self.seen.append(gc.get_threshold()[0])
        self.frozen.append(gc.get_freeze_count())
        return super().write(batch)

    def flush(self) -> None:
        self.flushed.append((gc.get_threshold()[0], gc.get_freeze_count()))
        super().flush()


def _watching(directory: Path) -> _Watching:
    store = _Watching(directory)
    store.seen, store.frozen, store.flushed = [], [], []
    return store


def test_a_load_collects_less_often_while_it_writes_and_restores_after(tmp_path: Path) -> None:
    before = gc.get_threshold()
    store = _watching(tmp_path / "s")
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


def test_what_a_load_keeps_is_out_of_the_collectors_sight_until_it_ends(tmp_path: Path) -> None:
    """Pass 1's records (and, written, each batch's leftovers) are frozen while the load
    writes and builds its snapshot (not walked by every collection), and the collector sees
    them again afterwards."""
    assert gc.get_freeze_count() == 0
    store = _watching(tmp_path / "s")
    Loader(store, batch_size=2).load_file(EXAMPLE)
    store.close()
    assert store.frozen and all(n > 0 for n in store.frozen), store.frozen
    assert store.flushed and all(
        t == loader_module.GC_THRESHOLD and n > 0 for t, n in store.flushed
    ), store.flushed
    assert gc.get_freeze_count() == 0


def test_a_load_leaves_what_someone_else_froze_frozen(tmp_path: Path) -> None:
    gc.freeze()  # as extraction does before it forks its workers
    try:
        frozen = gc.get_freeze_count()
        store = _watching(tmp_path / "s")
        Loader(store).load_file(EXAMPLE)
        store.close()
        assert 0 < gc.get_freeze_count() <= frozen  # not thawed (some may have been freed)
        assert max(store.frozen) <= frozen  # and nothing more frozen by the load
    finally:
        gc.unfreeze()
