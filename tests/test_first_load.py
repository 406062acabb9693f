"""The first-load write path: a store that knows all it holds writes without reading back.

A Neo4j store object that found the store empty under its write lock knows every node and
relation the store holds while no one else writes (the data version says so), and then
creates nodes and relations without reading them first. These tests hold what it must keep:
a re-ingest changes nothing, evidence brought again or by another writer is not duplicated,
and a writer in between makes the store read again. The behaviour tests run on both backends.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.embedded.store import EmbeddedStore
from actorgraph.graph.model import ACTOR, Actor, Evidence, Relation
from actorgraph.graph.store import GraphStore, WriteBatch
from actorgraph.ingest.loader import Loader

from tests.helpers import BACKENDS, make_store, open_neo4j, write_jsonl


def _records(n_actors: int = 6) -> list[dict[str, Any]]:
    """Actors, then relations that the Loader writes in four batches of 2 (a relation's
    records together, see ``Loader._grouped``): one relation in two batches (the second
    brings a piece again and a new one), and one line given twice in one batch."""
    recs: list[dict[str, Any]] = [
        {"kind": "document", "id": "d1", "title": "One", "published": "2024-01-02"}
    ]
    recs += [
        {"kind": "actor", "id": f"a{i}", "name": f"Actor {i}", "type": "state"}
        for i in range(n_actors)
    ]

    def rel(s: int, t: int, sentence: str) -> dict[str, Any]:
        return {
            "kind": "relation",
            "type": "pressures",
            "source": f"a{s}",
            "target": f"a{t}",
            "document": "d1",
            "evidence": sentence,
        }

    recs += [
        rel(0, 1, "A0 presses A1."),
        rel(1, 2, "A1 presses A2."),
        rel(0, 1, "A0 presses A1 again."),  # the same relation, new evidence, next batch
        rel(2, 3, "A2 presses A3."),
        rel(1, 2, "A1 presses A2."),  # the same line again: nothing new
        rel(0, 1, "A0 presses A1."),  # given again, in the relation's second batch
        rel(3, 4, "A3 presses A4."),
        rel(0, 1, "A0 presses A1 once more."),  # new, in the same batch
    ]
    return recs


def _other(kind: str, store: GraphStore, tmp_path: Path) -> GraphStore:
    """A second store object on the same data (another process, as far as it knows)."""
    if kind == "embedded":
        return EmbeddedStore(tmp_path / "store")
    return open_neo4j()


def _evidence(store: GraphStore, source: str, target: str) -> list[str]:
    rels = store.relations(types=["pressures"], source=source, target=target)
    assert len(rels) == 1, rels
    return sorted(e.sentence or "" for e in rels[0].evidence)


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_first_load_keeps_every_piece_once_and_a_reingest_changes_nothing(
    kind: str, tmp_path: Path
) -> None:
    store = make_store(kind, tmp_path)
    path = write_jsonl(tmp_path / "r.jsonl", _records())
    first = Loader(store, batch_size=2).load_file(path)
    assert (first.written.relations, first.written.evidence) == (4, 6)
    assert _evidence(store, "a0", "a1") == [
        "A0 presses A1 again.",
        "A0 presses A1 once more.",
        "A0 presses A1.",
    ]
    assert _evidence(store, "a1", "a2") == ["A1 presses A2."]
    version = store.version()
    again = Loader(store, batch_size=2).load_file(path)
    assert (again.written.nodes, again.written.relations, again.written.evidence) == (0, 0, 0)
    assert store.version() == version
    assert store.counts()["evidence"] == 6
    store.close()


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_writer_in_between_is_not_overwritten_or_duplicated(kind: str, tmp_path: Path) -> None:
    """Store object A loads into an empty store (so knows all it holds); B writes the same
    relation with other evidence and a new one; A's next batch brings both again with one
    more piece: A must read what B wrote, not create a second relationship or piece."""
    store = make_store(kind, tmp_path)
    ev = {n: Evidence(document=None, sentence=f"piece {n}") for n in range(1, 5)}

    def rel(target: str, *pieces: int) -> Relation:
        return Relation("pressures", "a0", target, [ev[p] for p in pieces], ACTOR)

    nodes = WriteBatch(actors=[Actor(f"a{i}", f"Actor {i}", "state") for i in range(3)])
    with store.bulk():  # as an ingest writes
        store.write(nodes)
        store.write(WriteBatch(relations=[rel("a1", 1)]))
        other = _other(kind, store, tmp_path)
        other.write(WriteBatch(relations=[rel("a1", 2), rel("a2", 3)]))
        other.close()
        result = store.write(WriteBatch(relations=[rel("a1", 2, 4), rel("a2", 3)]))
    assert (result.relations, result.evidence) == (0, 1)
    assert _evidence(store, "a0", "a1") == ["piece 1", "piece 2", "piece 4"]
    assert _evidence(store, "a0", "a2") == ["piece 3"]
    assert store.counts()["evidence"] == 4
    store.close()


@pytest.mark.neo4j
def test_neo4j_first_load_reads_nothing_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into an empty store, the Neo4j store's writes neither read the batch's nodes, nor look
    their relation ends up, nor ask which relations exist (what made the Loader half as fast
    as a bare UNWIND loader), but for a piece of evidence it may hold (the line given twice);
    a second load of the same input reads them all, and writes nothing."""
    from actorgraph.graph.neo4j import store as neo4j_store

    store = make_store("neo4j", tmp_path)
    ran: Counter[str] = Counter()
    asked: list[list[str]] = []
    real = neo4j_store._Tx.run

    def counted(self: Any, name: str, slots: Any = None, **params: Any) -> Any:
        if self.mode == "write":  # (pass 1's checks read the store as before)
            ran[name] += 1
            if name == "relations_known":
                asked.extend(params["pairs"])
        return real(self, name, slots, **params)

    monkeypatch.setattr(neo4j_store._Tx, "run", counted)
    path = write_jsonl(tmp_path / "r.jsonl", _records())
    Loader(store, batch_size=2).load_file(path)
    assert ran["relations_create"] and ran["relations_append"], ran
    assert not ran["nodes_by_ids"] and not ran["ends_not_actors"], ran
    assert ran["nodes_create"] and not ran["nodes_write"], ran  # new nodes: no MERGE
    assert asked == [["a0", "a1"]]  # only the pair whose piece came again
    ran.clear()
    asked.clear()
    report = Loader(store, batch_size=2).load_file(path)
    assert report.written.changed is False
    assert ran["nodes_by_ids"] and len(asked) == 5, ran  # every pair of every batch
    assert store._seen is None  # type: ignore[attr-defined]  # not kept past the ingest
    store.close()


def test_the_records_of_one_relation_are_written_in_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relation's records spread over the input (one naming the actor by name, one of a
    symmetric relation given the other way round) reach the store in one batch, each
    relation's pieces in input order: a store creates it once instead of rewriting its
    evidence for every later batch that brings it again."""
    recs: list[dict[str, Any]] = [
        {"kind": "actor", "id": f"a{i}", "name": f"Actor {i}", "type": "state"} for i in range(4)
    ]

    def rel(kind: str, s: str, t: str, n: int) -> dict[str, Any]:
        return {"kind": "relation", "type": kind, "source": s, "target": t, "evidence": f"p{n}"}

    recs += [
        rel("pressures", "a0", "a1", 1),
        rel("allied_with", "a2", "a3", 2),
        rel("pressures", "a1", "a2", 3),
        rel("pressures", "Actor 0", "a1", 4),  # the same relation, by name
        rel("pressures", "a2", "a3", 5),
        rel("allied_with", "a3", "a2", 6),  # the same relation, ends the other way
        rel("pressures", "a0", "a1", 7),
    ]
    store = EmbeddedStore(tmp_path / "store")
    batches: list[list[tuple[str, list[str]]]] = []
    real = store.write

    def spy(batch: WriteBatch) -> Any:
        if batch.relations:
            batches.append(
                [(r.key, [e.sentence or "" for e in r.evidence]) for r in batch.relations]
            )
        return real(batch)

    monkeypatch.setattr(store, "write", spy)
    Loader(store, batch_size=5).load_records(recs)
    where: dict[str, set[int]] = {}
    pieces: dict[str, list[str]] = {}
    for i, batch in enumerate(batches):
        for key, sentences in batch:
            where.setdefault(key, set()).add(i)
            pieces.setdefault(key, []).extend(sentences)
    assert where[store.relations(types=["pressures"], source="a0")[0].key] == {0}, batches
    assert all(len(i) == 1 for i in where.values()), batches
    assert sorted(pieces.values()) == [["p1", "p4", "p7"], ["p2", "p6"], ["p3"], ["p5"]]
    store.close()


def test_neo4j_evidence_text_is_the_json_it_was() -> None:
    """The stored evidence text (now orjson's) is what the standard library wrote, byte for
    byte: quotes, control characters, non-ASCII and line separators as they were, so stored
    relationships and the ``relations_citing`` needles still match."""
    import json

    from actorgraph.graph.neo4j.convert import evidence_from_list, evidence_text

    e = Evidence(
        document="d\u00e9p\u00eache",
        sentence='He said "no" \u2028 \x01 \u00e9 \U0001f600 end\\',
        statement="s-1",
        date="2024-01-02",
        confidence=0.85,
        start=1,
        end=3,
    )
    text = evidence_text(e)
    assert text == json.dumps(e.as_row(), ensure_ascii=False, separators=(",", ":"))
    assert evidence_from_list([text]) == [e]


def test_neo4j_rows_are_packed_in_rust_as_the_python_packer_packs_them() -> None:
    """The driver packs the store's rows with its Rust extension (``neo4j-rust-ext``: the
    pure-Python packer was about 40 % of an ingest's client CPU), and the bytes sent are the
    ones the Python packer sends: the same strings, floats, integers, nulls and lists."""
    from actorgraph.graph.neo4j.convert import relation_append_row, relation_create_row
    from actorgraph.graph.neo4j.store import _Rows
    from neo4j._codec.packstream import v1

    assert v1._rust_pack is not None, "neo4j-rust-ext is not installed: ingest packs in Python"
    e1 = Evidence(
        document="d\u00e9p\u00eache",
        sentence='He said "no" \u2028 \x01 \U0001f600 ' + "long " * 60,
        date="2024-01-02",
        valid_from="2023-12-01",
        confidence=0.85,
        start=1,
        end=3,
    )
    e2 = Evidence(sentence="Undated.", confidence=1.0, origin="extracted")
    rel = Relation("pressures", "a\u00ef", "b", [e1, e2], ACTOR)
    rows = [
        relation_create_row(rel, [e1.key, e2.key], [e1, e2]),
        relation_create_row(Relation("pressures", "c", "d", [], ACTOR), [], []),
        relation_append_row(rel, [e2.key], [e2]),
        {"id": "x", "props": {"n": 2**40, "neg": -17, "none": None, "flag": True}},
    ]

    class Sink:
        def __init__(self) -> None:
            self.data = bytearray()

        def write(self, b: bytes) -> None:
            self.data += b

    message = ["UNWIND $rows AS row RETURN row", {"rows": rows}, {}]
    rust, python, sent = Sink(), Sink(), Sink()
    v1.Packer(rust).pack(message)
    py = v1.Packer(python)
    py._py_pack(message, v1.Packer._inject_hooks())
    assert bytes(rust.data) == bytes(python.data)
    # as the store sends them: a list whose repr is short, packed as the list it is
    v1.Packer(sent).pack([message[0], {"rows": _Rows(rows)}, {}])
    assert bytes(sent.data) == bytes(python.data) and repr(_Rows(rows)) == "<4 rows>"


# ---------------------------------------------------------------------- embedded shortcuts
def _mixed_records() -> list[dict[str, Any]]:
    """Synthetic records dense enough that many relations come again in later batches, with
    what derives relations (roles, statements for others), windows and a symmetric type."""
    from actorgraph.ingest.synthetic import synthetic_records

    recs = list(synthetic_records(1500, actors=40, seed=7))
    recs.append(
        {
            "kind": "actor",
            "id": "envoy",
            "name": "The Envoy",
            "type": "person",
            "roles": [{"title": "envoy", "of": "actor-1", "valid_from": "2023-02-01"}],
        }
    )
    recs.append(
        {
            "kind": "statement",
            "speaker": "envoy",
            "on_behalf_of": "actor-2",
            "text": "We will talk.",
            "document": "doc-3",
            "about": ["topic-1"],
        }
    )
    for n, (vf, vt) in enumerate([("2023-05-01", None), (None, "2024-02-01"), (None, None)]):
        recs.append(
            {
                "kind": "relation",
                "type": "allied_with",
                "source": "actor-9",
                "target": "actor-3",
                "document": f"doc-{n}",
                "evidence": f"Allied, piece {n}.",
                "valid_from": vf,
                "valid_to": vt,
            }
        )
    return recs


def _tables(directory: Path) -> dict[str, Any]:
    """Everything an embedded store holds, table by table (the snapshot as its arrays)."""
    import sqlite3

    import numpy as np
    from actorgraph.graph.embedded import structure
    from actorgraph.graph.embedded.persistence import DB_NAME
    from actorgraph.graph.embedded.structure import ActorStructure

    conn = sqlite3.connect(directory / DB_NAME)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out: dict[str, Any] = {}
    for name in sorted(names):
        if name == "snapshot":
            version, blob = conn.execute("SELECT version, data FROM snapshot").fetchone()
            types = [str(t) for t in structure._npz_views(bytes(blob))["types"]]
            s = ActorStructure.from_blob(bytes(blob), types)
            out[name] = (version, {c: np.asarray(a).tolist() for c, a in s.arrays.items()})
            out["snapshot walks"] = {
                k: [np.asarray(getattr(w, f)).tolist() for f in structure._WALK_ARRAYS]
                for k, w in s._walks.items()
            }
        else:
            out[name] = sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY 1")
    out["indexes"] = indexes.fetchall()
    conn.close()
    return out


def test_a_first_load_writes_what_the_general_path_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same file into an empty store with the first-load shortcuts (checked batches not
    checked again, the snapshot from the rows written) and without: every table, the
    snapshot's arrays and walks and the data version are the same."""
    from actorgraph.graph.embedded import store as embedded_store
    from actorgraph.graph.embedded import structure

    path = write_jsonl(tmp_path / "r.jsonl", _mixed_records())
    general = EmbeddedStore(tmp_path / "general")
    general.shortcuts = False
    Loader(general, batch_size=200).load_file(path)
    general.close()

    def never(*_: Any) -> None:
        raise AssertionError("a shortcut was not taken")

    fast = EmbeddedStore(tmp_path / "fast")
    with monkeypatch.context() as m:  # the shortcuts are taken: no check, nothing read back
        m.setattr(embedded_store, "check_batch", never)
        m.setattr(structure, "FULL_QUERY", "SELECT no_such_column FROM relations")
        Loader(fast, batch_size=200).load_file(path)
    fast.close()
    a, b = _tables(tmp_path / "general"), _tables(tmp_path / "fast")
    assert a["relations"] and a["snapshot"][1]["rid"], "nothing was loaded"
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], name


def test_a_writer_during_a_first_load_makes_the_snapshot_read_back(tmp_path: Path) -> None:
    """Another connection commits relations between two batches of a first load: the rows the
    loading connection kept no longer hold everything, so its snapshot is read from SQLite
    and holds the other writer's relation too."""
    import numpy as np
    from actorgraph.graph.embedded.structure import FULL_QUERY, ActorStructure

    store = EmbeddedStore(tmp_path / "store")
    ev = Evidence(document=None, sentence="piece")
    nodes = WriteBatch(actors=[Actor(f"a{i}", f"Actor {i}", "state") for i in range(4)])
    with store.bulk():
        store.write(nodes)
        store.write(WriteBatch(relations=[Relation("pressures", "a0", "a1", [ev])]))
        other = EmbeddedStore(tmp_path / "store")
        other.write(WriteBatch(relations=[Relation("pressures", "a2", "a3", [ev])]))
        other.close()
        store.write(WriteBatch(relations=[Relation("pressures", "a1", "a2", [ev])]))
    store.flush()
    conn = store.db.conn
    blob = conn.execute("SELECT data FROM snapshot").fetchone()[0]
    kept = ActorStructure.from_blob(bytes(blob), store._types)
    read = ActorStructure.empty(store._types)
    read.apply(conn.execute(FULL_QUERY).fetchall())
    assert len(kept) == 3
    for column, values in read.arrays.items():
        assert np.array_equal(kept.arrays[column], values), column
    store.close()


def test_a_checked_batch_whose_end_is_gone_is_refused_whole(tmp_path: Path) -> None:
    """A batch ingest checked (``checked``) is not checked again, but an end removed since
    (another writer deleted the actor between the two passes) is still refused with the
    field named, and nothing of the batch is written."""
    from actorgraph.graph.errors import InputError

    store = EmbeddedStore(tmp_path / "store")
    store.write(WriteBatch(actors=[Actor(f"a{i}", f"Actor {i}", "state") for i in range(2)]))
    ev = Evidence(document=None, sentence="piece")
    batch = WriteBatch(
        relations=[
            Relation("pressures", "a0", "a1", [ev]),
            Relation("pressures", "a1", "gone", [ev]),
        ],
        checked=True,
    )
    version = store.version()
    with pytest.raises(InputError) as err:
        store.write(batch)
    assert err.value.field == "target" and "'gone'" in err.value.reason
    assert store.version() == version and not store.counts()["relations"]
    store.close()


# ---------------------------------------------------------------------- prepared batches
def test_the_loader_prepares_each_batch_in_its_own_thread_before_the_store_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Loader asks the store to prepare every batch (``GraphStore.prepare``: what a write
    computes without a transaction) in the thread that builds the batches, before handing it
    to the writing thread: the Python work of the next batch overlaps the store's writing of
    the one before."""
    import threading

    store = EmbeddedStore(tmp_path / "store")
    prepared: list[tuple[int, bool]] = []
    written: list[tuple[int, bool]] = []
    real_prepare, real_write = store.prepare, store.write

    def prepare(batch: WriteBatch) -> WriteBatch:
        prepared.append((id(batch), threading.current_thread() is threading.main_thread()))
        return real_prepare(batch)

    def write(batch: WriteBatch) -> Any:
        written.append((id(batch), threading.current_thread() is threading.main_thread()))
        return real_write(batch)

    monkeypatch.setattr(store, "prepare", prepare)
    monkeypatch.setattr(store, "write", write)
    Loader(store, batch_size=2).load_records(_records())
    assert len(written) > 3
    assert [i for i, _ in prepared] == [i for i, _ in written]
    assert all(main for _, main in prepared) and not any(main for _, main in written)
    store.close()


@pytest.mark.neo4j
def test_neo4j_a_prepared_batch_builds_no_row_in_its_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Neo4jStore.prepare`` folds the relations and builds their rows before the
    transaction; the write then builds none (but for a relation that holds part of the
    evidence already), and a batch changed after it was prepared is prepared again."""
    from actorgraph.graph.neo4j import store as neo4j_store

    store = make_store("neo4j", tmp_path)
    ev = {n: Evidence(document=None, sentence=f"piece {n}") for n in range(1, 4)}
    store.write(WriteBatch(actors=[Actor(f"a{i}", f"Actor {i}", "state") for i in range(3)]))
    batch = store.prepare(
        WriteBatch(
            relations=[
                Relation("pressures", "a0", "a1", [ev[1]], ACTOR),
                Relation("pressures", "a0", "a1", [ev[2]], ACTOR),
            ]
        )
    )
    built: list[str] = []
    real = neo4j_store.relation_create_row

    def counted(rel: Relation, *args: Any) -> Any:
        built.append(rel.key)
        return real(rel, *args)

    monkeypatch.setattr(neo4j_store, "relation_create_row", counted)
    first = store.write(batch)
    assert (first.relations, first.evidence) == (1, 2)
    assert built == []  # written from the rows prepare() built
    batch.relations.append(Relation("pressures", "a1", "a2", [ev[3]], ACTOR))
    result = store.write(batch)  # changed since: prepared again, the new relation written
    assert (result.relations, result.evidence) == (1, 1)
    assert _evidence(store, "a1", "a2") == ["piece 3"]
    assert _evidence(store, "a0", "a1") == ["piece 1", "piece 2"]
    swapped = Evidence(document=None, sentence="piece 4")  # same length, another relation
    batch.relations[2] = Relation("pressures", "a2", "a0", [swapped], ACTOR)
    store.write(batch)
    assert _evidence(store, "a2", "a0") == ["piece 4"]
    store.close()


@pytest.mark.neo4j
def test_neo4j_a_first_try_reads_no_receipt_and_sends_rows_without_their_repr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's first try does not look for its own receipt (only an earlier try can have
    left one: ``test_a_batch_whose_commit_was_cut_off_is_counted_once`` holds the retry), and
    its list parameters reach the driver as lists whose ``repr`` is short (the driver builds
    a debug line of every RUN's parameters whether or not it logs it)."""
    import neo4j

    store = make_store("neo4j", tmp_path)
    sent: list[tuple[str, dict[str, Any]]] = []
    real = neo4j.ManagedTransaction.run

    def spy(self: Any, query: str, parameters: Any = None, **kw: Any) -> Any:
        sent.append((query, dict(parameters or {})))
        return real(self, query, parameters, **kw)

    monkeypatch.setattr(neo4j.ManagedTransaction, "run", spy)
    ev = Evidence(document=None, sentence="x" * 500)
    actors = [Actor(f"a{i}", f"Actor {i}", "state") for i in range(3)]
    rels = [Relation("pressures", "a0", f"a{i}", [ev], ACTOR) for i in (1, 2)]
    assert store.write(WriteBatch(actors=actors, relations=rels)).relations == 2
    texts = " ".join(q for q, _ in sent)
    assert "receipts" in texts and "STARTS WITH $token" not in texts
    rows = [v for _, params in sent for v in params.values() if isinstance(v, list)]
    assert len(rows) >= 2 and all(len(repr(v)) < 20 for v in rows), [repr(v)[:80] for v in rows]
    store.close()
