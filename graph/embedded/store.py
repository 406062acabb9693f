"""The embedded store: SQLite under a data directory, with the actor structure in arrays.

Opening reads no evidence: the store opens the SQLite file and, when the first path or
influence question comes, the compact actor structure (:mod:`graph.embedded.structure`).
Everything else (nodes, names, statements, relation aggregates, evidence) is read from
SQLite by index for the answer that needs it.

Writes merge under SQLite's write lock against what is committed (``BEGIN IMMEDIATE``, then
read the batch's nodes and relations, merge with :mod:`graph.merge`, write, move the version
on, commit), so two writers, threads or processes, never lose each other's merges. Readers
see another process's commits through ``PRAGMA data_version`` and bring their actor
structure up to date with the relations committed since.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from actorgraph.graph.embedded.paths import ranked_paths
from actorgraph.graph.embedded.persistence import Database
from actorgraph.graph.errors import InputError, StoreUnavailableError
from actorgraph.graph.merge import check_batch, fold_relations, merge_node
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    NODE_KINDS,
    STATEMENT,
    TOPIC,
    Evidence,
    Relation,
    RelationView,
    Statement,
    Subgraph,
    node_from_dict,
    node_name,
    node_ref,
    node_to_dict,
    normalize_name,
    relation_key,
)
from actorgraph.graph.ranking import (
    NEVER,
    date_int,
    date_str,
    evidence_rank,
    name_sort_key,
    source_key,
)
from actorgraph.graph.store import (
    GraphStore,
    InnerCounts,
    RawPath,
    Rewrite,
    WriteBatch,
    WriteResult,
    admit_neighbours,
)

if TYPE_CHECKING:
    import numpy as np
    from actorgraph.graph.embedded.structure import ActorStructure
    from actorgraph.graph.exchange import AnyRecord
    from actorgraph.graph.influence import EdgeList
    from actorgraph.graph.walk import Listed, Walk

#: Nodes an embedded store keeps known from its own writes before it starts afresh.
_NODES_KNOWN_MAX = 2_000_000
#: Keys of the notes :meth:`EmbeddedStore.rewrite` keeps in the meta table start with this.
_NOTE = "note:"
_IDS = "(SELECT value FROM json_each(?))"
_REL_COLUMNS = (
    "rid, key, type, source, target, target_kind, confidence, sources, evidence, "
    "first_seen, last_seen, valid_from, valid_to"
)


def _window(e: Evidence) -> tuple[str | None, str | None]:
    """The observation window of a piece of evidence (both None when undated), as
    :meth:`graph.model.Relation.in_window` reads it."""
    lo = e.valid_from or e.date
    hi = e.valid_to or e.date or (None if e.valid_from is None else "9999-12-31")
    if lo is None and hi is None:
        return None, None
    return lo or "0000-01-01", hi or "9999-12-31"


#: One encoder for every node written (``json.dumps`` with options builds one per call).
_NODE_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _evidence_json(e: Evidence) -> str:
    """The stored form: the fields that are set (read back with the model's defaults), as
    compact JSON with text as it is (orjson: one per relation record, a tenth of the cost
    of the standard library's encoder)."""
    return orjson.dumps(e.to_dict()).decode()


def _aggregate(fresh: list[Evidence], row: list[Any] | None) -> tuple[Any, ...]:
    """(confidence, first seen, last seen, valid from, valid to) of a relation after ``fresh``
    evidence joins what ``row`` (its stored aggregates, or None) holds."""
    if row is None and len(fresh) == 1:  # a new relation with one piece: most of an ingest
        e = fresh[0]
        lo: str | None
        hi: str | None
        if e.date and e.valid_from:
            lo, hi = min(e.date, e.valid_from), max(e.date, e.valid_from)
        else:
            lo = hi = e.date or e.valid_from or None
        return (e.confidence, lo, hi, e.valid_from or None, e.valid_to or None)
    conf = row[6] if row is not None and row[8] else None
    dates = [d for e in fresh for d in (e.date, e.valid_from) if d]
    vf = [e.valid_from for e in fresh if e.valid_from]
    vt = [e.valid_to for e in fresh if e.valid_to]
    for e in fresh:
        conf = e.confidence if conf is None or e.confidence > conf else conf
    if row is not None:
        dates += [d for d in (row[9], row[10]) if d]
        vf += [row[11]] if row[11] else []
        vt += [row[12]] if row[12] else []
    return (
        1.0 if conf is None else conf,
        min(dates, default=None),
        max(dates, default=None),
        min(vf, default=None),
        max(vt, default=None),
    )


#: How ``statements(actor=..., role=...)`` matches the actor (:data:`graph.store.STATEMENT_ROLES`).
_ROLE_WHERE = {
    "either": "(s.speaker = ? OR s.on_behalf_of = ?)",
    "speaker": "s.speaker = ?",
    "on_behalf_of": "s.on_behalf_of = ?",
}


#: The first pieces of evidence of each relation in a JSON array of ids, by rank (parameters:
#: the array, then the number wanted less one).
FIRST_EVIDENCE = (
    "SELECT e.rid, e.data FROM json_each(?) j JOIN evidence e ON e.rid = j.value "
    "AND e.rank <= ifnull((SELECT rank FROM evidence WHERE rid = j.value "
    "ORDER BY rank LIMIT 1 OFFSET ?), x'ff') ORDER BY e.rid, e.rank"
)


def _ids(values: Iterable[Any]) -> str:
    """Values as a JSON array, for ``json_each`` (:data:`_IDS`)."""
    return orjson.dumps(list(values)).decode()


class EmbeddedStore(GraphStore):
    """SQLite under ``directory``; see the module docstring."""

    backend = "embedded"

    def __init__(self, directory: str | Path, query_timeout: float = 10.0) -> None:
        self.directory = Path(directory)
        self.query_timeout = query_timeout
        try:
            self.db = Database(self.directory)
        except Exception as exc:  # sqlite3.Error, OSError, version mismatch
            raise StoreUnavailableError(
                f"cannot open embedded store at {self.directory}: {exc}",
                public="the embedded store cannot be opened",
            ) from exc
        self._lock = threading.RLock()
        self._types = sorted(self.schema.relations)
        self._structure: ActorStructure | None = None
        self._seen_data_version = -1
        self._cache: dict[str, Any] = {}
        #: kind and ``idx`` of the nodes this connection's writes have looked up or written,
        #: true as of version ``_nodes_at`` (the version of its last commit): a later write
        #: that finds the version there (no one else committed since) looks up only the rest
        self._nodes_known: dict[str, tuple[str, int]] = {}
        self._nodes_at = -1
        #: during and after a first load into an empty store (:meth:`bulk`): every relation
        #: this connection wrote (see :class:`_FirstLoad`); None when not known (another
        #: connection committed in between, or another kind of write)
        self._first_load: _FirstLoad | None = None
        #: the first-load shortcuts (checked batches trusted, what was written known); tests
        #: turn them off to compare a load with the general path
        self.shortcuts = True

    # ------------------------------------------------------------------ plumbing
    def _q(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        return self.db.conn.execute(sql, tuple(params)).fetchall()

    def _fresh(self) -> None:
        """Forget what was read from an older state when anyone committed since."""
        dv = self.db.data_version()
        if dv != self._seen_data_version:
            self._seen_data_version = dv
            self._cache.clear()

    def _cached(self, name: str, make: Any) -> Any:
        self._fresh()
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]

    def _actors(self) -> ActorStructure:
        """The actor structure, brought up to the committed version (numpy and the structure
        are imported here: commands that read only SQLite, ``stats``, start without them)."""
        from actorgraph.graph.embedded.structure import DELTA_QUERY, ActorStructure

        with self._lock:
            self._fresh()
            version = self.db.version()
            s = self._structure
            if s is None or s.version > version:
                with self.db.snapshot_read() as conn:
                    s = ActorStructure.load(conn, self._types, self.db.version())
            elif s.version < version:
                if self._q(
                    "SELECT 1 FROM meta WHERE key = 'rebuild' AND CAST(value AS INTEGER) > ?",
                    (s.version,),
                ):
                    with self.db.snapshot_read() as conn:
                        s = ActorStructure.load(conn, self._types, self.db.version())
                else:
                    with self.db.snapshot_read() as conn:
                        v = self.db.version()
                        s.apply(conn.execute(DELTA_QUERY, (s.version,)).fetchall())
                        s.version = v
            self._structure = s
            return s

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.db.close()

    def ping(self) -> None:
        try:
            self.db.meta("schema_version")
        except Exception as exc:
            raise StoreUnavailableError(
                f"embedded store at {self.directory}: {exc}",
                public="the embedded store does not answer",
            ) from exc

    def version(self) -> str:
        with self._lock:
            return str(self.db.version())

    def describe(self) -> str:
        return f"embedded store at {self.directory}"

    def load_ranking(self, key: str) -> tuple[str, str] | None:
        with self._lock:
            row = self._q("SELECT version, data FROM rankings WHERE key = ?", (key,))
        return (str(row[0][0]), str(row[0][1])) if row else None

    def save_ranking(self, key: str, version: str, payload: str) -> None:
        """Kept in the file (the last 32 questions), outside the data version: a ranking is
        derived data and says which version it is of."""
        with self._lock, self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO rankings VALUES (?, ?, ?, ?)",
                (key, version, payload, time.time()),
            )
            conn.execute(
                "DELETE FROM rankings WHERE key NOT IN "
                "(SELECT key FROM rankings ORDER BY saved DESC LIMIT 32)"
            )

    def flush(self) -> None:
        """Write the snapshot of the actor structure if relations were committed after it
        (the loader calls this at the end of an ingest)."""
        with self._lock:
            first, self._first_load = self._first_load, None
            row = self._q("SELECT version FROM snapshot WHERE id = 1")
            since = int(row[0][0]) if row else -1
            if self._q("SELECT 1 FROM relations WHERE seq > ? LIMIT 1", (since,)) or (
                not row and self._q("SELECT 1 FROM relations LIMIT 1")
            ):
                self._write_snapshot(first)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """A first load into an empty store builds the relation indexes once at its end
        (:meth:`Database.begin_bulk`); the lock is held only to begin and to end, so the
        batches are written as usual in between."""
        with self._lock:
            deferred, version = self.db.begin_bulk()
            if deferred and self.shortcuts:  # no relation yet: every one will pass here
                self._first_load = _FirstLoad(version)
            else:
                self._first_load = None
        try:
            yield
        finally:
            with self._lock:
                self.db.end_bulk(deferred)

    def _write_snapshot(self, first: _FirstLoad | None = None) -> None:
        """The actor structure as of now, from the rows a first load kept when they are all
        there is (no one committed since its last write), else read from SQLite."""
        with self.db.transaction() as conn:
            version = self.db.version()
            from actorgraph.graph.embedded.structure import FULL_QUERY, ActorStructure

            s = ActorStructure.empty(self._types)
            if first is not None and version == first.at:
                s.apply([first.rows[rid] for rid in sorted(first.rows)])
            else:
                s.apply(conn.execute(FULL_QUERY).fetchall())
            # the walk of the default path question goes with it: opening need not derive it
            blob = s.to_blob([self.schema.walks(self.schema.channel_types)])
            conn.execute("INSERT OR REPLACE INTO snapshot VALUES (1, ?, ?)", (version, blob))

    # ------------------------------------------------------------------ writes
    def write(self, batch: WriteBatch) -> WriteResult:
        if not len(batch):
            return WriteResult()
        with self._lock:
            looked: dict[str, tuple[str, int]] = {}
            first = self._first_load
            mine = None if first is None else _FirstLoad(first.at)  # what this write adds
            try:
                with self.db.transaction() as conn:
                    result = self._write_tx(conn, batch, looked, mine)
                    if not result.changed:  # roll back: the version moves only with the data
                        raise _Unchanged(result)
                    version = self.db.version()
            except _Unchanged as unchanged:
                return unchanged.value
            if self._nodes_at != version - 1 or len(self._nodes_known) > _NODES_KNOWN_MAX:
                self._nodes_known = {}
            if first is not None and mine is not None and first.at == version - 1:
                first.add(mine, version)
            else:  # someone else committed in between: their relations are not in it
                self._first_load = None
            self._nodes_known.update(looked)
            self._nodes_at = version
            self._cache.clear()  # see rewrite()
        return result

    def _write_tx(
        self,
        conn: sqlite3.Connection,
        batch: WriteBatch,
        looked: dict[str, tuple[str, int]] | None = None,
        mine: _FirstLoad | None = None,
    ) -> WriteResult:
        """One batch inside the caller's transaction. With ``looked`` (only :meth:`write`
        passes it), the nodes' kinds and ``idx`` come from what this connection knows when no
        one committed since its last write, and what is looked up is added to ``looked``.
        ``mine`` (a first load, :meth:`write`) gets what the batch writes (when no one
        committed since the first load's last write, else it is left empty and dropped)."""
        version = (
            int((conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() or [0])[0])
            + 1
        )
        known = self._nodes_known if looked is not None and self._nodes_at == version - 1 else {}
        found: dict[str, tuple[str, int]] = {} if looked is None else looked

        def nodes(ids: Iterable[str]) -> dict[str, tuple[str, int]]:
            """(kind, idx) of the stored nodes among ``ids``."""
            out = {i: hit for i in ids if (hit := known.get(i) or found.get(i)) is not None}
            missing = [i for i in ids if i not in out]
            if missing:
                rows = conn.execute(
                    f"SELECT id, kind, idx FROM nodes WHERE id IN {_IDS}", (_ids(missing),)
                )
                for i, kind, idx in rows:
                    out[i] = found[i] = (kind, idx)
            return out

        # the relations' ends are looked up once, for the checks and for their idx
        ends = {x for r in batch.relations for x in (r.source, r.target)}
        ends_found = nodes(ends) if ends else {}
        if not (batch.checked and self.shortcuts):

            def kinds(ids: list[str]) -> dict[str, str]:
                hits = nodes([i for i in ids if i not in ends_found])
                hits.update(ends_found)
                return {i: k for i, (k, _) in hits.items()}

            check_batch(batch, kinds, self.schema)
        result = WriteResult()
        for kind, items in (
            (DOCUMENT, batch.documents),
            (ACTOR, batch.actors),
            (TOPIC, batch.topics),
            (STATEMENT, batch.statements),
        ):
            if items:
                result.nodes += self._write_nodes(conn, kind, items)
        if batch.relations:
            missing = ends.difference(ends_found)
            if missing:  # nodes written by this batch, or (checked batches) gone since
                ends_found.update(nodes(missing))
                missing.difference_update(ends_found)
            if missing:  # what check_batch says of an unchecked batch
                rel = next(r for r in batch.relations if {r.source, r.target} & missing)
                end = "source" if rel.source in missing else "target"
                raise InputError(
                    f"relation {rel.key}: no node '{getattr(rel, end)}' in the store or batch",
                    field=end,
                )
            rels, ev = self._write_relations(conn, batch.relations, version, ends_found, mine)
            result.relations += rels
            result.evidence += ev
        if result.changed:
            Database.set_meta(conn, "version", str(version))
        return result

    def _write_nodes(self, conn: sqlite3.Connection, kind: str, items: list[Any]) -> int:
        ids = list(dict.fromkeys(n.id for n in items))
        stored = {
            i: node_from_dict(kind, json.loads(d))
            for i, d in conn.execute(f"SELECT id, data FROM nodes WHERE id IN {_IDS}", (_ids(ids),))
        }
        staged: dict[str, Any] = {}
        for node in items:
            old = staged.get(node.id) or stored.get(node.id)
            merged = merge_node(old, node)
            if merged is not old:
                staged[node.id] = merged
        if not staged:
            return 0
        conn.executemany(
            "INSERT INTO nodes (id, kind, name, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, data = excluded.data",
            [(n.id, kind, node_name(n), _NODE_JSON(node_to_dict(n))) for n in staged.values()],
        )
        if kind == ACTOR:
            conn.executemany("DELETE FROM names WHERE node = ?", [(i,) for i in staged])
            conn.executemany(
                "INSERT OR IGNORE INTO names VALUES (?, ?)",
                [
                    (normalize_name(x), a.id)
                    for a in staged.values()
                    for x in {a.id, a.name, *a.aliases}
                ],
            )
        elif kind == STATEMENT:
            conn.executemany(
                "INSERT OR REPLACE INTO statements VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (s.id, s.speaker, s.on_behalf_of, s.document, s.date, s.text.casefold())
                    for s in staged.values()
                ],
            )
            conn.executemany(
                "DELETE FROM statement_about WHERE statement = ?", [(i,) for i in staged]
            )
            conn.executemany(
                "INSERT OR IGNORE INTO statement_about VALUES (?, ?)",
                [(t, s.id) for s in staged.values() for t in s.about],
            )
        return len(staged)

    def _write_relations(
        self,
        conn: sqlite3.Connection,
        relations: list[Relation],
        version: int,
        ends: dict[str, tuple[str, int]],
        mine: _FirstLoad | None = None,
    ) -> tuple[int, int]:
        """New relations are inserted with their aggregates in bulk; relations already stored
        take only the evidence they do not hold yet, and their aggregates are updated. In a
        first load (``mine``, see :class:`_FirstLoad`) the relations stored are known, so only
        those the batch brings again are read."""
        grouped = fold_relations(relations)
        first = self._first_load
        if mine is not None and first is not None and first.at == version - 1:
            rids = [r for k in grouped if (r := first.rids.get(k)) is not None]
            where, ids = "rid", _ids(rids)
        else:
            mine = None
            where, ids = "key", _ids(grouped)
        existing = {
            row[1]: list(row)
            for row in conn.execute(
                f"SELECT {_REL_COLUMNS} FROM relations WHERE {where} IN {_IDS}", (ids,)
            )
        }
        held, held_sources = self._held(conn, grouped, existing)
        idx = {i: x for i, (_, x) in ends.items()}
        next_rid = int(conn.execute("SELECT coalesce(max(rid), 0) FROM relations").fetchone()[0])
        new_rows: list[tuple[Any, ...]] = []
        ev_rows: list[tuple[Any, ...]] = []
        src_rows: list[tuple[int, str]] = []
        updates: list[tuple[Any, ...]] = []
        inter = set()
        inter_types = set(self.schema.intermediary_types)
        created = fresh_total = 0
        for key, (rel, evidence) in grouped.items():
            row = existing.get(key)
            if row is None:
                next_rid += 1
                rid = next_rid
                fresh = list(evidence.items())
                created += 1
                if rel.type in inter_types:
                    inter.add(rel.source)
            else:
                rid = row[0]
                fresh = [(k, e) for k, e in evidence.items() if (rid, k) not in held]
                if not fresh:
                    continue
            if len(fresh) == 1:  # a new relation with one piece: most of an ingest
                sources = [source_key(fresh[0][1].document, fresh[0][1].origin)]
            else:
                sources = list(dict.fromkeys(source_key(e.document, e.origin) for _, e in fresh))
            for k, e in fresh:
                lo, hi = _window(e)
                ev_rows.append((rid, k, evidence_rank(e, k), lo, hi, _evidence_json(e)))
            if row is None:
                for x in sources:
                    src_rows.append((rid, x))
                agg = _aggregate([e for _, e in fresh], None)
                n_sources = len(sources)
                new_rows.append(
                    (
                        rid,
                        key,
                        rel.type,
                        rel.source,
                        rel.target,
                        rel.target_kind,
                        idx[rel.source],
                        idx[rel.target],
                        agg[0],
                        len(sources),
                        len(fresh),
                        *agg[1:],
                        version,
                    )
                )
            else:
                added = 0
                for x in sources:
                    if (rid, x) not in held_sources:
                        src_rows.append((rid, x))
                        added += 1
                agg = _aggregate([e for _, e in fresh], row)
                n_sources = row[7] + added
                updates.append((agg[0], n_sources, row[8] + len(fresh), *agg[1:], version, rid))
            if mine is not None:
                if row is None:
                    mine.rids[key] = rid
                if rel.target_kind == ACTOR:  # the actor structure's row (FULL_QUERY's)
                    s, t = idx[rel.source], idx[rel.target]
                    mine.rows[rid] = (rid, rel.type, s, t, agg[0], n_sources, date_int(agg[2]))
            fresh_total += len(fresh)
        conn.executemany(
            "INSERT INTO relations (rid, key, type, source, target, target_kind, source_idx, "
            "target_idx, confidence, sources, evidence, first_seen, last_seen, valid_from, "
            "valid_to, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new_rows,
        )
        conn.executemany("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?)", ev_rows)
        conn.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?)", src_rows)
        conn.executemany(
            "UPDATE relations SET confidence = ?, sources = ?, evidence = ?, first_seen = ?, "
            "last_seen = ?, valid_from = ?, valid_to = ?, seq = ? WHERE rid = ?",
            updates,
        )
        if inter:
            conn.executemany(
                "INSERT OR IGNORE INTO intermediaries VALUES (?)", [(i,) for i in inter]
            )
        return created, fresh_total

    @staticmethod
    def _held(
        conn: sqlite3.Connection,
        grouped: dict[str, tuple[Relation, dict[str, Evidence]]],
        existing: dict[str, list[Any]],
    ) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
        """The ``(rid, evidence key)`` and ``(rid, source)`` pairs already stored among those
        the batch brings to stored relations: one query each for the batch (a statement per
        piece of evidence cost more than the rest of the write)."""
        keys: list[tuple[int, str]] = []
        sources: list[tuple[int, str]] = []
        for key, row in existing.items():
            for k, e in grouped[key][1].items():
                keys.append((row[0], k))
                sources.append((row[0], source_key(e.document, e.origin)))
        if not keys:
            return set(), set()
        pairs = (
            "SELECT t.rid, t.{col} FROM json_each(?) j JOIN {table} t ON "
            "t.rid = json_extract(j.value, '$[0]') AND t.{col} = json_extract(j.value, '$[1]')"
        )
        held = conn.execute(pairs.format(col="key", table="evidence"), (_ids(keys),))
        held_sources = conn.execute(pairs.format(col="source", table="sources"), (_ids(sources),))
        return set(held), set(held_sources)

    def delete_actor(self, actor_id: str) -> bool:
        self._first_load = None  # (see write)
        with self._lock, self.db.transaction() as conn:
            if not conn.execute(
                "SELECT 1 FROM nodes WHERE id = ? AND kind = ?", (actor_id, ACTOR)
            ).fetchone():
                return False
            version = self.db.version() + 1
            rids = [
                r[0]
                for r in conn.execute(
                    "SELECT rid FROM relations WHERE source = ? UNION "
                    "SELECT rid FROM relations WHERE target = ?",
                    (actor_id, actor_id),
                )
            ]
            mediators = [
                r[0]
                for r in conn.execute(
                    f"SELECT source FROM relations WHERE target = ? AND type IN {_IDS}",
                    (actor_id, _ids(self.schema.intermediary_types)),
                )
            ]
            stmts = [
                r[0]
                for r in conn.execute("SELECT id FROM statements WHERE speaker = ?", (actor_id,))
            ]
            for table in ("evidence", "sources", "relations"):
                conn.executemany(f"DELETE FROM {table} WHERE rid = ?", [(r,) for r in rids])
            for sid in [actor_id, *stmts]:
                conn.execute("DELETE FROM nodes WHERE id = ?", (sid,))
            conn.executemany("DELETE FROM statements WHERE id = ?", [(s,) for s in stmts])
            conn.executemany(
                "DELETE FROM statement_about WHERE statement = ?", [(s,) for s in stmts]
            )
            conn.execute("DELETE FROM names WHERE node = ?", (actor_id,))
            conn.execute("DELETE FROM intermediaries WHERE node = ?", (actor_id,))
            for m in mediators:
                if not conn.execute(
                    f"SELECT 1 FROM relations WHERE source = ? AND type IN {_IDS} LIMIT 1",
                    (m, _ids(self.schema.intermediary_types)),
                ).fetchone():
                    conn.execute("DELETE FROM intermediaries WHERE node = ?", (m,))
            # relations are gone: the next reader rebuilds its actor structure in full
            conn.execute("DELETE FROM snapshot")
            Database.set_meta(conn, "rebuild", str(version))
            Database.set_meta(conn, "version", str(version))
            self._cache.clear()  # see rewrite()
        return True

    # ------------------------------------------------------------------ nodes
    def rewrite(self, change: Rewrite) -> WriteResult:
        self._first_load = None  # (see write)
        with self._lock, self.db.transaction() as conn:
            keys = [relation_key(*t) for t in change.remove_relations]
            rids = {
                r[0]
                for r in conn.execute(
                    f"SELECT rid FROM relations WHERE key IN {_IDS}", (_ids(keys),)
                )
            }
            gone = _ids(change.remove_nodes)
            rids.update(
                r[0]
                for r in conn.execute(
                    f"SELECT rid FROM relations WHERE source IN {_IDS} OR target IN {_IDS}",
                    (gone, gone),
                )
            )
            for table in ("evidence", "sources", "relations"):
                conn.executemany(f"DELETE FROM {table} WHERE rid = ?", [(r,) for r in rids])
            for sql in (
                f"DELETE FROM nodes WHERE id IN {_IDS}",
                f"DELETE FROM names WHERE node IN {_IDS}",
                f"DELETE FROM statements WHERE id IN {_IDS}",
                f"DELETE FROM statement_about WHERE statement IN {_IDS} OR topic IN {_IDS}",
            ):
                conn.execute(sql, (gone,) * sql.count(_IDS))
            result = self._write_tx(conn, change.batch)
            # which actors are intermediaries, from the relations that are left
            conn.execute("DELETE FROM intermediaries")
            conn.execute(
                "INSERT OR IGNORE INTO intermediaries SELECT DISTINCT source FROM relations "
                f"WHERE type IN {_IDS}",
                (_ids(self.schema.intermediary_types),),
            )
            for key, value in change.notes.items():
                if value is None:
                    conn.execute("DELETE FROM meta WHERE key = ?", (_NOTE + key,))
                else:
                    Database.set_meta(conn, _NOTE + key, value)
            version = self.db.version() + 1
            # relations are gone: the next reader rebuilds its actor structure in full
            conn.execute("DELETE FROM snapshot")
            Database.set_meta(conn, "rebuild", str(version))
            Database.set_meta(conn, "version", str(version))
            # this connection's own commits do not move PRAGMA data_version: forget what was
            # read, while the lock still holds readers off (it is released after the commit)
            self._cache.clear()
        return result

    def notes(self, prefix: str) -> dict[str, str]:
        with self._lock:
            rows = self._q(
                "SELECT key, value FROM meta WHERE key >= ? AND key < ? ORDER BY key",
                (_NOTE + prefix, _NOTE + prefix + "\U0010ffff"),
            )
        return {k[len(_NOTE) :]: v for k, v in rows}

    def relations_citing(self, document: str, statements: list[str]) -> list[Relation]:
        with self._lock:
            rids = self._q(
                "SELECT DISTINCT rid FROM evidence WHERE json_extract(data, '$.document') = ? "
                f"OR json_extract(data, '$.statement') IN {_IDS}",
                (document, _ids(statements)),
            )
            rows = self._q(
                f"SELECT {_REL_COLUMNS} FROM relations WHERE rid IN {_IDS} ORDER BY key",
                (_ids([r[0] for r in rids]),),
            )
            return self._full(rows)

    def _nodes(self, ids: Iterable[str], kind: str | None = None) -> list[tuple[str, str, str]]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        sql = f"SELECT id, kind, data FROM nodes WHERE id IN {_IDS}"
        if kind is not None:
            return self._q(sql + " AND kind = ?", (_ids(wanted), kind))
        return self._q(sql, (_ids(wanted),))

    def get_nodes(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(ids))
        with self._lock:
            found = {
                i: node_from_dict(kind, json.loads(d)) for i, _, d in self._nodes(wanted, kind)
            }
        return {i: found[i] for i in wanted if i in found}

    def nodes_of(self, ids: Iterable[str]) -> dict[str, tuple[str, Any]]:
        with self._lock:
            rows = self._nodes(ids)
        return {i: (k, node_from_dict(k, json.loads(d))) for i, k, d in rows}

    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        with self._lock:
            return dict(self._q(f"SELECT id, kind FROM nodes WHERE id IN {_IDS}", (_ids(wanted),)))

    def lookup_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        wanted = list(dict.fromkeys(names))
        keys = {n: normalize_name(n) for n in wanted}
        with self._lock:
            rows = self._q(
                f"SELECT key, node FROM names WHERE key IN {_IDS} ORDER BY node",
                (_ids(set(keys.values())),),
            )
        found: dict[str, list[str]] = defaultdict(list)
        for k, node in rows:
            found[k].append(node)
        return {n: list(found.get(keys[n], [])) for n in wanted}

    def actor_names(self) -> list[tuple[str, str, list[str]]]:
        with self._lock:

            def read() -> list[tuple[str, str, list[str]]]:
                return [
                    (i, n, json.loads(d).get("aliases") or [])
                    for i, n, d in self._q(
                        "SELECT id, name, data FROM nodes WHERE kind = ? ORDER BY id", (ACTOR,)
                    )
                ]

            return list(self._cached("actor_names", read))

    def list_nodes(self, kind: str, limit: int = 100, offset: int = 0) -> list[Any]:
        with self._lock:
            rows = self._q(
                "SELECT data FROM nodes WHERE kind = ? ORDER BY id LIMIT ? OFFSET ?",
                (kind, max(0, limit), max(0, offset)),
            )
        return [node_from_dict(kind, json.loads(d)) for (d,) in rows]

    def intermediaries(self) -> set[str]:
        with self._lock:
            return set(
                self._cached(
                    "intermediaries",
                    lambda: frozenset(r[0] for r in self._q("SELECT node FROM intermediaries")),
                )
            )

    # ------------------------------------------------------------------ relations, statements
    def _views(self, rows: list[Any], evidence_limit: int | None) -> list[RelationView]:
        """Relation rows as views with their best ``evidence_limit`` pieces (all when None),
        the evidence of every row read in one query (each relation's first ranks on the rank
        index: no window over every piece of a hub's relations)."""
        evidence: dict[int, list[Evidence]] = defaultdict(list)
        if rows and (evidence_limit is None or evidence_limit > 0):
            rids = _ids(dict.fromkeys(r[0] for r in rows))  # json_each repeats what it is given
            if evidence_limit is None:
                found = self._q(
                    f"SELECT rid, data FROM evidence WHERE rid IN {_IDS} ORDER BY rid, rank",
                    (rids,),
                )
            else:  # up to the rank of each relation's last piece wanted (ranks are unique);
                # with fewer pieces than that, a bound above every rank (a blob sorts after any
                # text): a bound that named e itself would stop the index's range and read all
                found = self._q(FIRST_EVIDENCE, (rids, evidence_limit - 1))
            for rid, d in found:
                evidence[rid].append(Evidence(**orjson.loads(d)))
        return [
            RelationView(rtype, s, t, tk, conf, fs, ls, vf, vt, nsrc, n, evidence.get(rid, []))
            for rid, _key, rtype, s, t, tk, conf, nsrc, n, fs, ls, vf, vt in rows
        ]

    def _relation_rows(
        self,
        *,
        types: list[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[Any]:
        where: list[str] = []
        params: list[Any] = []
        if types:
            where.append(f"type IN {_IDS}")
            params.append(_ids(types))
        if actor is not None:
            where.append("(source = ? OR target = ?)")
            params += [actor, actor]
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if target is not None:
            where.append("target = ?")
            params.append(target)
        sql = f"SELECT {_REL_COLUMNS} FROM relations"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY key"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._q(sql, params)

    def _full(self, rows: list[Any]) -> list[Relation]:
        out = []
        for row in rows:
            ev = [
                Evidence(**json.loads(d))
                for (d,) in self._q(
                    "SELECT data FROM evidence WHERE rid = ? ORDER BY rank", (row[0],)
                )
            ]
            out.append(Relation(row[2], row[3], row[4], ev, row[5]))
        return out

    def relations(
        self,
        *,
        types: list[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        limit: int = 1000,
    ) -> list[Relation]:
        if types is not None and not types:
            types = None
        with self._lock:
            rows = self._relation_rows(
                types=types, source=source, target=target, actor=actor, limit=max(0, limit)
            )
            return self._full(rows)

    def relations_among(
        self, node_ids: list[str], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        ids = sorted(set(node_ids))
        if not ids or not types:
            return []
        with self._lock:
            rows = self._q(
                f"SELECT {_REL_COLUMNS} FROM relations WHERE source IN {_IDS} AND "
                f"target IN {_IDS} AND type IN {_IDS} ORDER BY key",
                (_ids(ids), _ids(ids), _ids(types)),
            )
            return self._views(rows, evidence_limit)

    def relations_between(
        self, pairs: list[tuple[str, str]], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        """By key (type|source|target), on the key's index: no hub's relations are walked."""
        from actorgraph.graph.model import relation_key

        keys = sorted({relation_key(t, u, v) for u, v in pairs for t in types})
        if not keys:
            return []
        with self._lock:
            rows = self._q(
                f"SELECT {_REL_COLUMNS} FROM relations WHERE key IN {_IDS} ORDER BY key",
                (_ids(keys),),
            )
            return self._views(rows, evidence_limit)

    def relation_evidence(
        self, rel_type: str, source: str, target: str, offset: int = 0, limit: int = 20
    ) -> tuple[list[Evidence], int] | None:
        from actorgraph.graph.model import relation_key

        with self._lock:
            row = self._q(
                "SELECT rid, evidence FROM relations WHERE key = ?",
                (relation_key(rel_type, source, target),),
            )
            if not row:
                return None
            rid, total = row[0]
            page = self._q(
                "SELECT data FROM evidence WHERE rid = ? ORDER BY rank LIMIT ? OFFSET ?",
                (rid, max(0, limit), max(0, offset)),
            )
            return [Evidence(**json.loads(d)) for (d,) in page], int(total)

    def statements(
        self,
        *,
        actor: str | None = None,
        role: str = "either",
        topic: str | None = None,
        document: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[Statement], int]:
        where: list[str] = []
        params: list[Any] = []
        if actor is not None:
            where.append(_ROLE_WHERE[role])
            params += [actor] * _ROLE_WHERE[role].count("?")
        if topic is not None:
            where.append("s.id IN (SELECT statement FROM statement_about WHERE topic = ?)")
            params.append(topic)
        if document is not None:
            where.append("s.document = ?")
            params.append(document)
        if since is not None:
            where.append("s.date >= ?")
            params.append(since)
        if until is not None:
            where.append("s.date <= ?")
            params.append(until)
        if text:
            where.append("instr(s.text_cf, ?) > 0")
            params.append(text.casefold())
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        with self._lock:
            total = self._q(f"SELECT count(*) FROM statements s{cond}", params)[0][0]
            rows = self._q(
                f"SELECT n.data FROM statements s JOIN nodes n ON n.id = s.id{cond} "
                "ORDER BY coalesce(s.date, ''), s.id LIMIT ? OFFSET ?",
                [*params, max(0, limit), max(0, offset)],
            )
        return [node_from_dict(STATEMENT, json.loads(d)) for (d,) in rows], int(total)

    # ------------------------------------------------------------------ graph queries
    def _sort_keys(self, ids: Iterable[str]) -> dict[str, str]:
        rows = self._q(f"SELECT id, name FROM nodes WHERE id IN {_IDS}", (_ids(ids),))
        return {i: name_sort_key(n, i) for i, n in rows}

    def _path_ends(
        self,
        source: str,
        target: str,
        relations: list[str],
        intermediaries_only: bool,
        max_hops: int,
    ) -> tuple[Walk, int, int, np.ndarray | None, Listed | None] | None:
        """The adjacency a path question walks, its ends' ``idx``, the nodes a path may pass
        (None: all) and the paths :meth:`Walk.short_paths` lists when they are few enough
        (None: to be searched); None when no path can be; under the lock."""
        import numpy as np

        both, forward = self.schema.walks(relations)
        if source == target or not (both or forward):
            return None
        idx = self._idx([source, target])
        if source not in idx or target not in idx:
            return None
        size = self._cached(
            "size", lambda: int(self._q("SELECT coalesce(max(idx), 0) + 1 FROM nodes")[0][0])
        )
        walk = self._actors().walk(both, forward, size)
        allowed = None
        if intermediaries_only:
            allowed = np.zeros(walk.size, bool)
            inter = self._q("SELECT n.idx FROM intermediaries i JOIN nodes n ON n.id = i.node")
            allowed[[r[0] for r in inter if r[0] < walk.size]] = True
            allowed[idx[source]] = True
        s, t = idx[source], idx[target]
        return walk, s, t, allowed, walk.short_paths(s, t, max_hops, allowed)

    def inner_counts(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        top: int,
        intermediaries_only: bool = False,
    ) -> InnerCounts:
        """Paths of up to four hops are listed (:meth:`Walk.short_paths`), ranked and counted
        on their arrays (:func:`~graph.walk.count_listed`): the thousand paths a
        broker question ranks are never made into Python lists of ids and dates; longer
        questions are searched."""
        with self._lock:
            ends = self._path_ends(source, target, relations, intermediaries_only, max_hops)
            if ends is None:
                return InnerCounts(0, [])
            listed = ends[4]
            if listed is not None:
                from actorgraph.graph.walk import count_ranked_listed

                return count_ranked_listed(listed, max_paths, top, self._named)
        return super().inner_counts(
            source, target, relations, max_hops, max_paths, top, intermediaries_only
        )

    def find_paths(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        intermediaries_only: bool = False,
    ) -> tuple[list[RawPath], bool]:
        import numpy as np

        with self._lock:
            ends = self._path_ends(source, target, relations, intermediaries_only, max_hops)
            if ends is None:
                return [], False
            walk, s, t, allowed, listed = ends
            if listed is not None:  # few enough to list whole: no search
                from actorgraph.graph.walk import rank_listed

                found = rank_listed(listed, max_paths, self._named)
                named = self._named({n for p, _, _ in found for n in p})
                return self._raw_paths(found, named), False
            # exact distances up to max_hops - 2 levels, "farther" beyond: a lower bound that
            # keeps the search exact and spares the breadth-first levels that reach the whole
            # graph (the search then takes one more step from the source's side)
            depth = max(1, max_hops - 2)
            # (walks that avoid the source: a simple path never returns to it)
            dist, best, latest, sole = walk.bounds(t, depth, allowed, s)
            if allowed is not None:
                dist = np.where(allowed | (np.arange(walk.size) == t), dist, max_hops + 1)
            bound = None
            if s < walk.size and s != t:
                succ = walk.indices[walk.indptr[s] : walk.indptr[s + 1]]
                if depth + 1 <= max_hops - 1:
                    # the source's successors beyond the exact levels: one level more for
                    # them alone (a hub's thousands of neighbours that lead nowhere else
                    # would each be expanded to nothing)
                    far = succ[dist[succ] == depth + 1]
                    walk.one_level_more(far, depth, dist, best, latest, sole)
                if len(succ):
                    bound = 1 + int(dist[succ].min())
                if bound is not None and bound > max_hops:
                    bound = None
            near = dist.tolist()  # small successor lists are walked in Python over it
            # the nodes a path's last two steps may reach: the target and its predecessors
            within = [[t], np.flatnonzero(dist <= 1).tolist()]

            memo: dict[tuple[int, int], list[Any]] = {}
            # a node whose shortest ways all pass the node a path came from needs one hop
            # more than its distance (a hub's leaves, reached from the hub)
            back = sole.tolist()

            def expand(node: int, hops: int) -> list[Any]:
                # a hub is expanded for many prefixes of the same length: once is enough
                got = memo.get((node, hops))
                if got is None:
                    got = [
                        (v, b + 1, sup, seen) if back[v] == node else (v, b, sup, seen)
                        for v, b, sup, seen in walk.steps(
                            node, hops, t, dist, max_hops, near, within
                        )
                        if back[v] != node or b < max_hops
                    ]
                    memo[(node, hops)] = got
                return got

            def keys(nodes: Iterable[int]) -> dict[int, str]:
                named = self._named(nodes)
                return {i: named[i][1] for i in nodes if i in named}

            rests: dict[int, tuple[float, int]] = {}

            def rest(node: int, hops_left: int) -> tuple[float, int]:
                if hops_left != near[node]:  # not by a shortest way: no bound known
                    return 1.0, NEVER
                got = rests.get(node)
                if got is None:
                    got = rests[node] = (float(best[node]), int(latest[node]))
                return got

            found, cut = ranked_paths(
                s,
                t,
                bound,
                expand,
                max_hops,
                max_paths,
                keys,
                deadline=time.monotonic() + self.query_timeout,
                rest=rest,
            )
            named = self._named({n for p, _, _ in found for n in p})
        return self._raw_paths(found, named), cut

    @staticmethod
    def _raw_paths(
        found: list[tuple[list[int], float, int]], named: dict[int, tuple[str, str]]
    ) -> list[RawPath]:
        ids = {n: named[n][0] for n in {n for p, _, _ in found for n in p}}.__getitem__
        dates: dict[int, str | None] = {}
        out = []
        for p, sup, last in found:
            when = dates.get(last)
            if when is None:
                when = dates[last] = date_str(last)
            out.append(RawPath(list(map(ids, p)), sup, when))
        return out

    def _idx(self, ids: list[str]) -> dict[str, int]:
        """``idx`` of nodes by id, kept until the next commit (paths start at the same
        actors again and again); under the lock."""
        known: dict[str, int] = self._cached("idx", dict)
        missing = [i for i in ids if i not in known]
        if missing:
            known.update(self._q(f"SELECT id, idx FROM nodes WHERE id IN {_IDS}", (_ids(missing),)))
        return {i: known[i] for i in ids if i in known}

    def _named(self, nodes: Iterable[int]) -> dict[int, tuple[str, str]]:
        """Id and name sort key of nodes by ``idx``, kept until the next commit (the same
        hubs are on every other path answer); under the lock."""
        known: dict[int, tuple[str, str]] = self._cached("named", dict)
        missing = [n for n in nodes if n not in known]
        if missing:
            rows = self._q(f"SELECT idx, id, name FROM nodes WHERE idx IN {_IDS}", (_ids(missing),))
            for i, node_id, name in rows:
                known[i] = (node_id, name_sort_key(name, node_id))
        return known

    def neighborhood(
        self,
        seeds: list[str],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
        evidence_limit: int | None = None,
    ) -> Subgraph:
        rows_by_key: dict[str, Any] = {}
        window = ""
        wparams: list[Any] = []
        if since is not None or until is not None:
            window = (
                " AND EXISTS (SELECT 1 FROM evidence e WHERE e.rid = r.rid AND e.lo IS NOT NULL"
                " AND (? IS NULL OR e.lo <= ?) AND (? IS NULL OR e.hi >= ?))"
            )
            wparams = [until, until, since, since]

        def incident(frontier: list[str]) -> list[tuple[str, str, str]]:
            if not relations:
                return []
            out = []
            for end in ("source", "target"):
                for row in self._q(
                    f"SELECT {_REL_COLUMNS} FROM relations r WHERE {end} IN {_IDS} "
                    f"AND type IN {_IDS}{window}",
                    (_ids(frontier), _ids(relations), *wparams),
                ):
                    rows_by_key[row[1]] = row
                    out.append((row[1], row[3], row[4]))
            return out

        def describe(ids: list[str]) -> dict[str, tuple[str, str]]:
            rows = self._q(f"SELECT id, kind, name FROM nodes WHERE id IN {_IDS}", (_ids(ids),))
            return {i: (k, name_sort_key(n, i)) for i, k, n in rows}

        with self._lock:
            start = [(i, k, key) for i, (k, key) in describe(seeds).items()]
            hood = admit_neighbours(start, depth, limit, incident, describe)
            inter = self.intermediaries()
            seen = hood.seen
            nodes = {
                i: node_ref(k, node_from_dict(k, json.loads(d)), inter)
                for i, k, d in self._nodes(seen)
            }
            views = self._views([rows_by_key[k] for k, _ends in hood.kept_edges()], evidence_limit)
        return hood.subgraph(nodes, views)

    def projection_edgelist(self, relations: list[str], both: set[str]) -> EdgeList | None:
        """From the actor arrays: the edges numbered and sorted in numpy, the ids of the
        actors they touch read in one query; no Python tuple per relation."""
        import numpy as np
        from actorgraph.graph.influence import EdgeList, canonical_arrays

        if not relations:
            return EdgeList(canonical=True)
        with self._lock:
            s = self._actors()
            a = s.arrays
            code = {t: i for i, t in enumerate(s.types)}
            m = np.isin(a["type"], [code[t] for t in relations if t in code])
            mb = np.isin(a["type"], [code[t] for t in both if t in code])
            src = np.concatenate([a["src"][m], a["dst"][m & mb]]).astype(np.int64)
            dst = np.concatenate([a["dst"][m], a["src"][m & mb]]).astype(np.int64)
            w = np.concatenate([a["conf"][m], a["conf"][m & mb]])
            used, inverse = np.unique(np.concatenate([src, dst]), return_inverse=True)
            ids = dict(
                self._q(f"SELECT idx, id FROM nodes WHERE idx IN {_IDS}", (_ids(used.tolist()),))
            )
        return canonical_arrays(
            [ids[i] for i in used.tolist()], inverse[: len(src)], inverse[len(src) :], w
        )

    def projection_edges(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str, str, float]]:
        if not relations:
            return []
        with self._lock:
            if since is None and until is None:
                import numpy as np

                a = self._actors().arrays
                types = self._actors().types
                code = {t: i for i, t in enumerate(types)}
                m = np.isin(a["type"], [code[t] for t in relations if t in code])
                src, dst, conf, ty = a["src"][m], a["dst"][m], a["conf"][m], a["type"][m]
                used = np.unique(np.concatenate([src, dst])).tolist()
                ids = dict(self._q(f"SELECT idx, id FROM nodes WHERE idx IN {_IDS}", (_ids(used),)))
                return [
                    (ids[u], ids[v], types[t], c)
                    for u, v, t, c in zip(
                        src.tolist(), dst.tolist(), ty.tolist(), conf.tolist(), strict=True
                    )
                ]
            rows = self._q(
                f"SELECT r.source, r.target, r.type, r.confidence FROM relations r "
                f"WHERE r.type IN {_IDS} AND r.target_kind = 'Actor' AND EXISTS (SELECT 1 FROM "
                "evidence e WHERE e.rid = r.rid AND e.lo IS NOT NULL AND (? IS NULL OR "
                "e.lo <= ?) AND (? IS NULL OR e.hi >= ?)) ORDER BY r.rid",
                (_ids(relations), until, until, since, since),
            )
            return [(s, t, ty, float(c)) for s, t, ty, c in rows]

    # ------------------------------------------------------------------ bulk
    def iter_records(self) -> Iterator[AnyRecord]:
        # the record models (pydantic) are imported by what needs them, not by every open
        from actorgraph.graph.exchange import records_of

        with self._lock, self.db.snapshot_read():

            def nodes(kind: str) -> list[Any]:
                rows = self._q("SELECT data FROM nodes WHERE kind = ? ORDER BY id", (kind,))
                return [node_from_dict(kind, json.loads(d)) for (d,) in rows]

            relations = (self._full([row])[0] for row in self._relation_rows())
            yield from records_of(nodes, relations)

    def counts(self) -> dict[str, Any]:
        with self._lock:
            nodes = dict.fromkeys(NODE_KINDS, 0)
            nodes.update(dict(self._q("SELECT kind, count(*) FROM nodes GROUP BY kind")))
            types = dict(
                self._q(
                    "SELECT json_extract(data, '$.type'), count(*) FROM nodes WHERE kind = ? "
                    "GROUP BY 1",
                    (ACTOR,),
                )
            )
            rels = dict(self._q("SELECT type, count(*) FROM relations GROUP BY type"))
            evidence = self._q("SELECT coalesce(sum(evidence), 0) FROM relations")[0][0]
        return {
            "nodes": nodes,
            "actor_types": dict(sorted(types.items())),
            "relations": dict(sorted(rels.items())),
            "evidence": int(evidence),
        }


@dataclass(slots=True)
class _FirstLoad:
    """What a first load into an empty store has written, true as of data version ``at``:
    the rid of each relation by key (a batch reads only the stored relations it brings
    again) and the actor structure's row (``FULL_QUERY``'s columns) of each actor relation by
    rid (:meth:`EmbeddedStore.flush` writes the snapshot from them instead of reading
    100,000s of relations back)."""

    at: int
    rids: dict[str, int] = field(default_factory=dict)
    rows: dict[int, tuple[Any, ...]] = field(default_factory=dict)

    def add(self, later: _FirstLoad, version: int) -> None:
        self.rids.update(later.rids)
        self.rows.update(later.rows)
        self.at = version


class _Unchanged(Exception):
    """Raised inside a write transaction that changed nothing, to roll it back."""

    def __init__(self, value: WriteResult) -> None:
        super().__init__("nothing changed")
        self.value = value
