"""Evidence cut by its stored ranks: the ranks' order, neighbourhoods, and the upgrade of a
store written before the ranks were kept.

* :func:`graph.ranking.evidence_rank` is a string Neo4j orders in Cypher (``ORDER BY`` on the
  stored ``evidence_ranks``) and Python and SQLite order in theirs: the three agree only if
  the ranks compare alike as code points and as UTF-16 code units, and the string order is
  the display order for confidences of every width and sign and dates of every year.
* ``/subgraph`` (``Graph.neighbors``) takes its edges' best pieces in Cypher on Neo4j, with
  the total, and pages the rest like path answers: the same answers on both backends.
* ``Neo4jStore.upgrade`` (``actorgraph upgrade``) stores the ranks on relationships written
  without them: answers equal before and after, a second run changes nothing, a run cut off
  goes on where it stopped.

Every test runs on both backends (the ``store`` fixture); the Neo4j-only parts check what the
query read (ranked or whole) and the upgrade itself (the embedded store needs none).
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import TOPIC, Actor, Evidence, Relation, RelationView, Topic
from actorgraph.graph.neo4j.convert import relation_create_row
from actorgraph.graph.ranking import evidence_date, evidence_rank
from actorgraph.graph.store import GraphStore, WriteBatch

from tests.helpers import BIN, NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

#: confidences of every width and sign: clamped below 0 and above 1, the ends, values that
#: round to 1..7 digits of (1 - c) * 10^6, and pairs a rounding step apart
CONFIDENCES = [
    -math.inf, -3.0, -1e-12, -0.0, 0.0, 1e-9, 1e-7, 4.9e-7, 5.1e-7, 1e-6, 0.009, 0.01,
    0.0999999, 0.1, 0.25, 1 / 3, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999,
    0.9999994, 0.9999996, 1.0, 1.0000001, 2.0, math.inf,
]  # fmt: skip
#: dates of every year width the exchange format takes (0001..9999), undated, valid_from only
DATES = ["0001-01-01", "0999-12-31", "1000-01-01", "1999-12-31", "2000-01-01", "2024-02-29",
         "2024-03-01", "9999-12-31", None]  # fmt: skip
RANK = re.compile(r"^[0-9]{7}\|(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|~)\|[0-9a-f]{16}$")


def _pieces(n: int | None = None, confidences: list[float] = CONFIDENCES) -> list[Evidence]:
    """Pieces crossing every confidence with a date (spread so all dates meet all widths)."""
    out = []
    for i, c in enumerate(confidences):
        for j in range(3):
            d = DATES[(i + 4 * j) % len(DATES)]
            from_only = j == 2 and d is not None
            out.append(
                Evidence(
                    document=f"d{i % 7}",
                    sentence=f"piece {i} {j}",
                    confidence=c,
                    date=None if from_only else d,
                    valid_from=d if from_only else None,
                )
            )
    return out if n is None else out[:n]


def _stored(n: int | None = None) -> list[Evidence]:
    """:func:`_pieces` a store can hold: finite confidences (JSON has no infinity)."""
    return _pieces(n, [c for c in CONFIDENCES if math.isfinite(c)])


def _display_order(e: Evidence) -> tuple[float, int, str]:
    """The order evidence is shown in, spelt out: the confidence clamped to [0, 1] and kept to
    a millionth (highest first), then the date (newest first, undated last), then the key."""
    c = min(max(e.confidence, 0.0), 1.0)
    when = evidence_date(e)
    return (round((1.0 - c) * 1_000_000), -int(when.replace("-", "")) if when else 1, e.key)


def test_ranks_are_fixed_width_ascii_in_display_order() -> None:
    pieces = _pieces()
    ranks = [evidence_rank(e) for e in pieces]
    assert len(set(ranks)) == len(ranks)
    for r in ranks:
        assert RANK.match(r), r
    by_rank = sorted(pieces, key=evidence_rank)
    assert [e.key for e in by_rank] == [e.key for e in sorted(pieces, key=_display_order)]
    # code points (Python, SQLite's BINARY) and UTF-16 code units (Neo4j) order them alike
    assert sorted(ranks) == sorted(ranks, key=lambda r: r.encode("utf-16-be"))
    # a near miss: the same confidences and dates unpadded would not order so
    unpadded = [f"{round((1 - min(max(e.confidence, 0), 1)) * 1e6)}" for e in pieces]
    assert sorted(unpadded) != sorted(unpadded, key=int)


def test_neo4j_orders_ranks_as_python_does(store: GraphStore) -> None:
    """The stored ranks ordered by Cypher (as nodes_and_relations, relations_by_ends,
    neighborhood_level and relation_evidence order them) are in Python's order, and a
    relation's pages are its pieces in the display order, on both backends."""
    pieces = _stored()
    store.write(
        WriteBatch(
            actors=[Actor("a", "A", "organization"), Actor("b", "B", "organization")],
            relations=[Relation("mediates", "a", "b", pieces)],
        )
    )
    want = [e.to_dict() for e in sorted(pieces, key=_display_order)]
    g = Graph(store)
    got: list[dict[str, Any]] = []
    while len(got) < len(pieces):
        page, total = g.relation_evidence("mediates", "a", "b", offset=len(got), limit=17)
        assert total == len(pieces) and page
        got += page
    assert got == want
    (edge,) = g.neighbors("a", evidence_limit=5).edges
    assert edge["evidence"] == want[:5] and edge["evidence_total"] == len(pieces)
    if store.backend != "neo4j":
        return
    ranks = [evidence_rank(e) for e in pieces]
    rows, _, _ = store._driver.execute_query(  # type: ignore[attr-defined]
        "UNWIND $ranks AS r RETURN r ORDER BY r", ranks=ranks[::-1]
    )
    assert [r["r"] for r in rows] == sorted(ranks)


# ---------------------------------------------------------------------- neighbourhoods


def _hub(store: GraphStore) -> dict[str, Relation]:
    """A hub with three actors and a topic around it; one relation with many pieces."""
    one = Evidence(document="d9", sentence="x", date="2023-01-01")
    rels = [
        Relation("mediates", "hub", "a0", _stored(9)),
        Relation("pressures", "hub", "a1", _stored(2)),
        Relation("pressures", "a2", "hub", [one]),
        Relation("rejects", "hub", "t0", _stored(4)[1:], TOPIC),
        Relation("allied_with", "a0", "a1", _stored(3)),
    ]
    store.write(
        WriteBatch(
            actors=[Actor("hub", "Hub", "organization")]
            + [Actor(f"a{i}", f"Zed {i}", "organization") for i in range(3)],
            topics=[Topic("t0", "A topic")],
            relations=rels,
        )
    )
    return {r.key: r for r in rels}


def _edges(g: Graph, limit: int, k: int, depth: int = 2) -> list[dict[str, Any]]:
    return g.neighbors("hub", depth=depth, limit=limit, evidence_limit=k).edges


def _want(rels: dict[str, Relation], edges: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    return [
        {
            "id": e["id"],
            **RelationView.of(rels[e["id"]], k).summary(),
            "target_kind": e["target_kind"],
        }
        for e in edges
    ]


def _check_neighbourhoods(store: GraphStore, rels: dict[str, Relation]) -> None:
    for limit in (50, 3):  # every level whole; a level the cap cuts
        for k in (0, 2, 50):
            got = _edges(Graph(store), limit, k)
            assert got and got == _want(rels, got, k), (limit, k)
            assert all(len(e["evidence"]) == min(k, e["evidence_total"]) for e in got)
    assert len(_edges(Graph(store), 50, 2)) == len(rels)


def test_neighbourhood_evidence_is_cut_in_the_query(store: GraphStore) -> None:
    rels = _hub(store)
    _check_neighbourhoods(store, rels)
    if store.backend != "neo4j":
        return
    _, read = _read_hood(store, 50, 2)
    assert {k: (r["ranked"], len(r["evidence"])) for k, r in read.items()} == {
        k: (True, min(2, len(r.evidence))) for k, r in rels.items()
    }
    _, read = _read_hood(store, 3, 2)  # the cut level's kept edges (relations_by_ends)
    assert read and all(r["ranked"] and len(r["evidence"]) <= 2 for r in read.values())


def _read_hood(store: Any, limit: int, k: int) -> tuple[Any, dict[str, Any]]:
    from functools import partial

    rels = ["mediates", "pressures", "rejects", "allied_with"]
    hood, _described, read = store._read(
        partial(store._neighbourhood_read, ["hub"], 2, rels, None, None, limit, k)
    )
    return hood, read


# ---------------------------------------------------------------------- the upgrade

_RANKED = "r.evidence_ranks, r.first_seen, r.last_dated, r.valid_from, r.valid_to"


def _written_the_old_way(store: Any) -> None:
    """Every relationship as written before the ranks were stored, the store's layout too."""
    store._driver.execute_query(f"MATCH ()-[r]->() REMOVE {_RANKED}")
    store._driver.execute_query(
        "MATCH (m:ActorgraphMeta {key: 'store'}) REMOVE m.layout, m.ranks_cursor"
    )


def _relationships(store: Any) -> list[tuple[str, dict[str, Any]]]:
    rows, _, _ = store._driver.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS t, r.key AS k, properties(r) AS p ORDER BY t, k"
    )
    return [(r["k"], r["p"]) for r in rows]


def _meta(store: Any) -> dict[str, Any]:
    rows, _, _ = store._driver.execute_query(
        "MATCH (m:ActorgraphMeta {key: 'store'}) RETURN properties(m) AS p"
    )
    return dict(rows[0]["p"])


def _answers(store: GraphStore) -> list[Any]:
    g = Graph(store)
    out: list[Any] = [_edges(g, limit, k) for limit in (50, 3) for k in (0, 2, 50)]
    for key in sorted(store_keys := _keys(store)):
        t, s, d = key.split("|")
        out.append(g.relation_evidence(t, s, d, offset=1, limit=3))
    out.append(g.paths("hub", "a0", evidence_limit=2).to_dict())
    assert store_keys
    return out


def _keys(store: GraphStore) -> list[str]:
    return sorted(r.key for r in store.relations(limit=1000))


def test_upgrade_stores_the_ranks_of_a_store_written_the_old_way(store: GraphStore) -> None:
    rels = _hub(store)
    fresh = store.upgrade()  # a new store is of the current layout; the embedded store too
    assert (fresh.needed, fresh.scanned, fresh.filled) == (False, 0, 0)
    before = _answers(store)
    _check_neighbourhoods(store, rels)
    if store.backend != "neo4j":
        return
    ranked = _relationships(store)
    _written_the_old_way(store)
    assert _answers(store) == before  # read whole, ranked in Python: the same answers
    # one appended to by a writer keeping no ranks (fewer ranks than pieces) after an
    # upgrade elsewhere: ranks for part of its evidence only
    extra = Evidence(document="d8", sentence="late", confidence=0.97, date="2025-01-01")
    rels["pressures|hub|a1"].evidence.append(extra)
    row = relation_create_row(rels["pressures|hub|a1"], [extra.key], [extra])
    store._driver.execute_query(  # type: ignore[attr-defined]
        "MATCH (:Actor {id: 'hub'})-[r:PRESSURES]->(:Actor {id: 'a1'}) "
        "SET r.evidence_ranks = r.evidence_keys, r.evidence_keys = r.evidence_keys + $k, "
        "r.evidence = r.evidence + $e, r.sources = r.sources + $s, r.confidence = $c",
        k=row[3],
        c=row[5],
        e=row[4],
        s=row[7],
    )
    old = _answers(store)
    assert old != before  # the appended piece is shown
    _check_neighbourhoods(store, rels)
    _, read = _read_hood(store, 50, 2)
    assert not any(r["ranked"] for r in read.values())  # read whole
    assert _meta(store).get("layout") is None
    seen: list[tuple[int, int]] = []
    done = store.upgrade(lambda d, t: seen.append((d, t)), batch=2)
    assert (done.needed, done.scanned, done.filled, done.skipped) == (True, 5, 5, 0)
    assert seen[0] == (0, 5) and seen[-1] == (5, 5) and len(seen) > 3  # pages of 2 a type
    assert _answers(store) == old  # the same answers, now cut in the query
    _check_neighbourhoods(store, rels)
    _, read = _read_hood(store, 50, 2)
    assert all(r["ranked"] for r in read.values())
    meta = _meta(store)
    assert meta["layout"] == 1 and "ranks_cursor" not in meta
    # what it stored is what a write stores
    filled = dict(_relationships(store))
    for key, props in ranked:
        if key != "pressures|hub|a1":
            assert filled[key] == props
    store.write(
        WriteBatch(
            relations=[Relation("pressures", "hub", "a1", rels["pressures|hub|a1"].evidence)]
        )
    )
    assert dict(_relationships(store))["pressures|hub|a1"] == filled["pressures|hub|a1"]
    # run twice: nothing to do, and a rescan changes nothing
    version = store.version()
    assert store.upgrade().scanned == 0
    again = store.upgrade(rescan=True, batch=3)
    assert (again.needed, again.scanned, again.filled) == (False, 5, 0)
    assert dict(_relationships(store)) == filled and store.version() == version
    assert _answers(store) == old


def test_upgrade_cut_off_goes_on_where_it_stopped(store: GraphStore) -> None:
    _hub(store)
    if store.backend != "neo4j":
        return
    before = _answers(store)
    ranked = _relationships(store)
    _written_the_old_way(store)

    class Crash(Exception):
        pass

    def crash_after_two(done: int, total: int) -> None:
        if done >= 2:
            raise Crash

    with pytest.raises(Crash):
        store.upgrade(crash_after_two, batch=1)
    cursor = _meta(store)["ranks_cursor"]
    assert cursor == ["MEDIATES", "mediates|hub|a0"] and "layout" not in _meta(store)
    seen: list[tuple[int, int]] = []
    done = store.upgrade(lambda d, t: seen.append((d, t)), batch=1)
    assert done.resumed and done.needed and seen[0] == (0, 3)  # the two done are not read again
    assert (done.scanned, done.filled) == (3, 3)
    assert _relationships(store) == ranked
    assert _answers(store) == before


def test_upgrade_command(store: GraphStore, tmp_path: Path) -> None:
    """``actorgraph upgrade`` says what it did; the embedded store needs nothing."""
    _hub(store)
    env = {**os.environ, "ACTORGRAPH_STORE": str(tmp_path / "store"), "COLUMNS": "200"}
    if store.backend == "neo4j":
        _written_the_old_way(store)
        env.update(ACTORGRAPH_STORE=NEO4J_URI, NEO4J_USER=NEO4J_USER, NEO4J_PASSWORD=NEO4J_PASSWORD)
    store.close()

    def upgrade(*args: str) -> str:
        p = subprocess.run(
            [str(BIN), "upgrade", *args], capture_output=True, text=True, env=env, timeout=120
        )
        assert p.returncode == 0, p.stderr
        return p.stdout

    got = json.loads(upgrade("--json"))
    want = (True, 5, 5) if store.backend == "neo4j" else (False, 0, 0)
    assert (got["needed"], got["scanned"], got["filled"]) == want
    assert "up to date, nothing to do" in upgrade()
