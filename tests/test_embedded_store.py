"""What only the embedded store has to prove: persistence, reload, freshness across processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.facade import Graph
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE, ROOT


def test_reload_from_disk_gives_the_same_graph(tmp_path: Path) -> None:
    s = EmbeddedStore(tmp_path / "s")
    Loader(s).load_file(EXAMPLE)
    before = (s.counts(), Graph(s).paths("United States", "Hamas").to_dict(), s.version())
    s.close()
    again = EmbeddedStore(tmp_path / "s")
    after = (
        again.counts(),
        Graph(again).paths("United States", "Hamas").to_dict(),
        again.version(),
    )
    assert before == after


def test_a_reader_sees_what_another_process_committed(tmp_path: Path) -> None:
    reader = EmbeddedStore(tmp_path / "s")
    assert reader.counts()["nodes"]["Actor"] == 0
    code = (
        "from graph.embedded import EmbeddedStore; from ingest.loader import Loader; "
        f"Loader(EmbeddedStore({str(tmp_path / 's')!r})).load_file({str(EXAMPLE)!r})"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    assert reader.counts()["nodes"]["Actor"] == 15
    assert [b.actor.id for b in Graph(reader).brokers("Israel", "Hamas")][:2] == ["egypt", "qatar"]


def test_version_moves_only_when_data_changes(tmp_path: Path) -> None:
    s = EmbeddedStore(tmp_path / "s")
    v0 = s.version()
    Loader(s).load_file(EXAMPLE)
    v1 = s.version()
    Loader(s).load_file(EXAMPLE)
    assert v0 != v1 == s.version()
