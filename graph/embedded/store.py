"""The embedded store: the whole graph in a networkx ``MultiDiGraph``, persisted in SQLite.

Reads never touch the disk except for one cheap ``PRAGMA data_version`` that tells whether
another process (a CLI ingest while the API serves) committed; then the graph is reloaded.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from actorgraph.graph.embedded.paths import ranked_paths
from actorgraph.graph.embedded.persistence import Database
from actorgraph.graph.errors import StoreUnavailableError
from actorgraph.graph.merge import check_batch, merge_node, new_evidence
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    NODE_KINDS,
    STATEMENT,
    TOPIC,
    Actor,
    Evidence,
    Relation,
    RelationView,
    Statement,
    Subgraph,
    node_from_dict,
    node_ref,
    node_to_dict,
    normalize_name,
)
from actorgraph.graph.ranking import (
    name_sort_key,
    rank_evidence,
    relation_last_seen,
    relation_support,
)
from actorgraph.graph.records import (
    actor_record,
    document_record,
    relation_records,
    statement_record,
    topic_record,
)
from actorgraph.graph.store import (
    GraphStore,
    RawPath,
    WriteBatch,
    WriteResult,
    admit_neighbours,
)


class EmbeddedStore(GraphStore):
    """networkx in process; SQLite under ``directory`` for durability."""

    backend = "embedded"

    def __init__(self, directory: str | Path, query_timeout: float = 10.0) -> None:
        self.directory = Path(directory)
        self.query_timeout = query_timeout
        try:
            self.db = Database(self.directory)
        except Exception as exc:  # sqlite3.Error, OSError, version mismatch
            raise StoreUnavailableError(
                f"cannot open embedded store at {self.directory}: {exc}"
            ) from exc
        self._lock = threading.RLock()
        self._data_version = -1
        self._load()

    # ------------------------------------------------------------------ loading
    def _reset(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {k: {} for k in NODE_KINDS}
        self.kind: dict[str, str] = {}
        self.rels: dict[str, Relation] = {}
        self.graph = nx.MultiDiGraph()
        self.names: dict[str, set[str]] = defaultdict(set)
        self._version = 0
        self._adj_cache: dict[tuple[Any, ...], Any] = {}

    def _load(self) -> None:
        with self._lock:
            self._reset()
            for _id, kind, data in self.db.iter_nodes():
                self._put_node(kind, node_from_dict(kind, data))
            for key, rtype, source, target, tkind in self.db.iter_relations():
                self.rels[key] = Relation(rtype, source, target, [], tkind)
            for rkey, data in self.db.iter_evidence():
                rel = self.rels.get(rkey)
                if rel is not None:
                    rel.evidence.append(Evidence(**data))
            for rel in self.rels.values():
                self._link(rel)
            self._version = int(self.db.meta("version") or 0)
            self._data_version = self.db.data_version()

    def _refresh(self) -> None:
        """Reload when another connection committed since we last looked."""
        if self.db.data_version() != self._data_version:
            self._load()

    def _put_node(self, kind: str, node: Any) -> None:
        old = self.nodes[kind].get(node.id)
        if kind == ACTOR:
            if old is not None:
                for n in [old.name, *old.aliases, old.id]:
                    self.names[normalize_name(n)].discard(old.id)
            for n in [node.name, *node.aliases, node.id]:
                self.names[normalize_name(n)].add(node.id)
        self.nodes[kind][node.id] = node
        self.kind[node.id] = kind
        if kind in (ACTOR, TOPIC):
            self.graph.add_node(node.id, kind=kind)

    def _link(self, rel: Relation) -> None:
        self.graph.add_edge(rel.source, rel.target, key=rel.type, rel=rel)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.db.close()

    def ping(self) -> None:
        try:
            self.db.meta("schema_version")
        except Exception as exc:
            raise StoreUnavailableError(f"embedded store at {self.directory}: {exc}") from exc

    def version(self) -> str:
        with self._lock:
            self._refresh()
            return str(self._version)

    def describe(self) -> str:
        return f"embedded store at {self.directory}"

    # ------------------------------------------------------------------ writes
    def write(self, batch: WriteBatch) -> WriteResult:
        with self._lock:
            self._refresh()
            check_batch(batch, lambda ids: self.kinds_of(ids), self.schema)
            result = WriteResult()
            node_rows: list[tuple[str, str, str]] = []
            new_nodes: list[tuple[str, Any]] = []
            for kind, items in (
                (DOCUMENT, batch.documents),
                (ACTOR, batch.actors),
                (TOPIC, batch.topics),
                (STATEMENT, batch.statements),
            ):
                staged: dict[str, Any] = {}
                for node in items:
                    old = staged.get(node.id) or self.nodes[kind].get(node.id)
                    merged = merge_node(old, node)
                    if merged is not old:
                        staged[node.id] = merged
                for node in staged.values():
                    node_rows.append((node.id, kind, json.dumps(node_to_dict(node))))
                    new_nodes.append((kind, node))
            result.nodes = len(node_rows)

            rel_rows: list[tuple[str, str, str, str, str]] = []
            ev_rows: list[tuple[str, str, str]] = []
            staged_rels: dict[str, Relation] = {}
            for rel in batch.relations:
                key = rel.key
                current = staged_rels.get(key) or self.rels.get(key)
                fresh = new_evidence(current, rel)
                if current is None:
                    rel_rows.append((key, rel.type, rel.source, rel.target, rel.target_kind))
                    current = Relation(rel.type, rel.source, rel.target, [], rel.target_kind)
                    staged_rels[key] = current
                if fresh:
                    current = Relation(
                        current.type,
                        current.source,
                        current.target,
                        [*current.evidence, *fresh],
                        current.target_kind,
                    )
                    staged_rels[key] = current
                    for e in fresh:
                        ev_rows.append((key, e.key, json.dumps(e.as_row())))
            result.relations = len(rel_rows)
            result.evidence = len(ev_rows)
            if not result.changed:
                return result
            with self.db.transaction() as conn:
                Database.put_nodes(conn, node_rows)
                Database.put_relations(conn, rel_rows)
                Database.put_evidence(conn, ev_rows)
                Database.set_meta(conn, "version", str(self._version + 1))
            # committed: now the in-memory graph follows
            self._version += 1
            for kind, node in new_nodes:
                self._put_node(kind, node)
            for key, rel in staged_rels.items():
                old = self.rels.get(key)
                self.rels[key] = rel
                if old is not None:
                    self.graph.remove_edge(rel.source, rel.target, key=rel.type)
                self._link(rel)
            self._adj_cache.clear()
            self._data_version = self.db.data_version()
            return result

    def delete_actor(self, actor_id: str) -> bool:
        with self._lock:
            self._refresh()
            if actor_id not in self.nodes[ACTOR]:
                return False
            rel_keys = [k for k, r in self.rels.items() if actor_id in (r.source, r.target)]
            stmt_ids = [s.id for s in self.nodes[STATEMENT].values() if s.speaker == actor_id]
            with self.db.transaction() as conn:
                Database.delete(conn, [actor_id, *stmt_ids], rel_keys)
                Database.set_meta(conn, "version", str(self._version + 1))
            self._load()
            return True

    # ------------------------------------------------------------------ nodes
    def get_nodes(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            table = self.nodes[kind]
            return {i: table[i] for i in ids if i in table}

    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        with self._lock:
            self._refresh()
            return {i: self.kind[i] for i in ids if i in self.kind}

    def lookup_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        with self._lock:
            self._refresh()
            return {n: sorted(self.names.get(normalize_name(n), ())) for n in names}

    def actor_names(self) -> list[tuple[str, str, list[str]]]:
        with self._lock:
            self._refresh()
            return [(a.id, a.name, list(a.aliases)) for _, a in sorted(self.nodes[ACTOR].items())]

    def list_nodes(self, kind: str, limit: int = 100, offset: int = 0) -> list[Any]:
        with self._lock:
            self._refresh()
            table = self.nodes[kind]
            return [table[i] for i in sorted(table)[offset : offset + limit]]

    def intermediaries(self) -> set[str]:
        with self._lock:
            self._refresh()
            types = set(self.schema.intermediary_types)
            return {r.source for r in self.rels.values() if r.type in types}

    # ------------------------------------------------------------------ relations, statements
    def relations(
        self,
        *,
        types: list[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        limit: int = 1000,
    ) -> list[Relation]:
        with self._lock:
            self._refresh()
            if actor is not None:
                candidates: Iterable[Relation] = (
                    [d["rel"] for *_, d in self.graph.out_edges(actor, data=True)]
                    + [d["rel"] for *_, d in self.graph.in_edges(actor, data=True)]
                    if actor in self.graph
                    else []
                )
            elif source is not None:
                candidates = (
                    [d["rel"] for *_, d in self.graph.out_edges(source, data=True)]
                    if source in self.graph
                    else []
                )
            elif target is not None:
                candidates = (
                    [d["rel"] for *_, d in self.graph.in_edges(target, data=True)]
                    if target in self.graph
                    else []
                )
            else:
                candidates = self.rels.values()
            wanted = set(types) if types else None
            out = {
                r.key: r
                for r in candidates
                if (wanted is None or r.type in wanted)
                and (source is None or r.source == source)
                and (target is None or r.target == target)
            }
            return [out[k] for k in sorted(out)][:limit]

    def relations_among(
        self, node_ids: list[str], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        with self._lock:
            self._refresh()
            ids = [i for i in set(node_ids) if i in self.graph]
            wanted = set(types)
            out = {}
            adj = self.graph.adj
            # few nodes (a path answer): look up each pair; hubs have huge out-edge lists
            if len(ids) ** 2 <= sum(len(adj[u]) for u in ids):
                for u in ids:
                    succ = adj[u]
                    for v in ids:
                        for r_type, data in succ.get(v, {}).items():
                            if r_type in wanted:
                                out[data["rel"].key] = data["rel"]
            else:
                idset = set(ids)
                for u in ids:
                    for v, edges in adj[u].items():
                        if v in idset:
                            for r_type, data in edges.items():
                                if r_type in wanted:
                                    out[data["rel"].key] = data["rel"]
            return [RelationView.of(out[k], evidence_limit) for k in sorted(out)]

    def relation_evidence(
        self, rel_type: str, source: str, target: str, offset: int = 0, limit: int = 20
    ) -> tuple[list[Evidence], int] | None:
        with self._lock:
            self._refresh()
            from actorgraph.graph.model import relation_key

            rel = self.rels.get(relation_key(rel_type, source, target))
            if rel is None:
                return None
            ranked = rank_evidence(rel.evidence, None)
            return ranked[offset : offset + limit], len(ranked)

    def statements(
        self,
        *,
        actor: str | None = None,
        topic: str | None = None,
        document: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[Statement], int]:
        with self._lock:
            self._refresh()
            needle = text.casefold() if text else None
            hits = [
                s
                for s in self.nodes[STATEMENT].values()
                if (actor is None or actor in (s.speaker, s.on_behalf_of))
                and (topic is None or topic in s.about)
                and (document is None or s.document == document)
                and (since is None or (s.date is not None and s.date >= since))
                and (until is None or (s.date is not None and s.date <= until))
                and (needle is None or needle in s.text.casefold())
            ]
            hits.sort(key=lambda s: (s.date or "", s.id))
            return hits[offset : offset + limit], len(hits)

    # ------------------------------------------------------------------ graph queries
    def _sort_key(self, node_id: str) -> str:
        kind = self.kind.get(node_id, ACTOR)
        node = self.nodes[kind].get(node_id)
        name = getattr(node, "name", node_id) if node is not None else node_id
        return name_sort_key(name, node_id)

    def _adjacency(
        self, relations: list[str]
    ) -> tuple[dict[str, list[tuple[str, float, str]]], dict[str, list[str]]]:
        """Walkable actor adjacency for these relation types (each step with the hop's best
        support and latest date) and its reverse, cached per version."""
        cache_key = ("adj", self._version, tuple(relations))
        hit = self._adj_cache.get(cache_key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
        best: dict[str, dict[str, list[Any]]] = defaultdict(dict)
        for name in relations:
            rt = self.schema.relation(name)
            if rt.traverse == "none" or not rt.between_actors:
                continue
            for r in self.rels.values():
                if r.type != name or r.target_kind != ACTOR:
                    continue
                sup = relation_support(r)
                seen = relation_last_seen(r.evidence)
                steps = [(r.source, r.target)]
                if rt.traverse == "both" or rt.symmetric:
                    steps.append((r.target, r.source))
                for u, v in steps:
                    cur = best[u].get(v)
                    if cur is None:
                        best[u][v] = [sup, seen]
                    else:
                        cur[0] = max(cur[0], sup)
                        cur[1] = max(cur[1], seen)
        adj = {u: [(v, s, d) for v, (s, d) in vs.items()] for u, vs in best.items()}
        radj: dict[str, list[str]] = defaultdict(list)
        for u, vs in best.items():
            for v in vs:
                radj[v].append(u)
        self._adj_cache[cache_key] = (adj, dict(radj))
        return adj, dict(radj)

    def find_paths(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        intermediaries_only: bool = False,
    ) -> tuple[list[RawPath], bool]:
        with self._lock:
            self._refresh()
            adj, radj = self._adjacency(relations)
            inter = self.intermediaries() if intermediaries_only else None
            found, cut = ranked_paths(
                source,
                target,
                adj,
                radj,
                max_hops,
                max_paths,
                lambda ids: {i: self._sort_key(i) for i in ids},
                allowed=None if inter is None else inter.__contains__,
                deadline=time.monotonic() + self.query_timeout,
            )
            return [RawPath(p, s, d or None) for p, s, d in found], cut

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
        with self._lock:
            self._refresh()
            wanted = set(relations)
            rels: dict[str, Relation] = {}

            def incident(frontier: list[str]) -> list[tuple[str, str, str]]:
                out = []
                for u in frontier:
                    if u not in self.graph:
                        continue
                    for *_, d in self.graph.out_edges(u, data=True):
                        out.append(d["rel"])
                    for *_, d in self.graph.in_edges(u, data=True):
                        out.append(d["rel"])
                kept = []
                for r in out:
                    if r.type in wanted and r.in_window(since, until):
                        rels[r.key] = r
                        kept.append((r.key, r.source, r.target))
                return kept

            def describe(ids: list[str]) -> dict[str, tuple[str, str]]:
                return {i: (self.kind[i], self._sort_key(i)) for i in ids if i in self.kind}

            start = [(i, k, key) for i, (k, key) in describe(seeds).items()]
            hood = admit_neighbours(start, depth, limit, incident, describe)
            inter = self.intermediaries()
            seen = hood.seen
            nodes = [
                node_ref(self.kind[i], self.nodes[self.kind[i]][i], inter)
                for i in sorted(seen, key=self._sort_key)
            ]
            kept = [
                {
                    "id": k,
                    **RelationView.of(rels[k], evidence_limit).summary(),
                    "target_kind": rels[k].target_kind,
                }
                for k, (a, b) in sorted(hood.edges.items())
                if a in seen and b in seen
            ]
            return Subgraph(
                nodes=nodes,
                edges=kept,
                truncated=hood.truncated,
                left_out=hood.left_out,
                left_out_exact=hood.exact,
            )

    def projection_edges(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str, str, float]]:
        with self._lock:
            self._refresh()
            wanted = set(relations)
            return [
                (r.source, r.target, r.type, r.confidence)
                for _k, r in sorted(self.rels.items())
                if r.type in wanted and r.target_kind == ACTOR and r.in_window(since, until)
            ]

    # ------------------------------------------------------------------ bulk
    def iter_records(self) -> Iterator[dict[str, Any]]:
        with self._lock:
            self._refresh()
            nodes = {k: dict(v) for k, v in self.nodes.items()}
            rels = dict(self.rels)
        for i in sorted(nodes[DOCUMENT]):
            yield document_record(nodes[DOCUMENT][i])
        for i in sorted(nodes[ACTOR]):
            yield actor_record(nodes[ACTOR][i])
        for i in sorted(nodes[TOPIC]):
            yield topic_record(nodes[TOPIC][i])
        for i in sorted(nodes[STATEMENT]):
            yield statement_record(nodes[STATEMENT][i])
        for k in sorted(rels):
            yield from relation_records(rels[k])

    def counts(self) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            by_type: dict[str, int] = defaultdict(int)
            evidence = 0
            for r in self.rels.values():
                by_type[r.type] += 1
                evidence += len(r.evidence)
            actor_types: dict[str, int] = defaultdict(int)
            for a in self.nodes[ACTOR].values():
                actor_types[a.type] += 1
            return {
                "nodes": {k: len(v) for k, v in self.nodes.items()},
                "actor_types": dict(sorted(actor_types.items())),
                "relations": dict(sorted(by_type.items())),
                "evidence": evidence,
            }


__all__ = ["Actor", "EmbeddedStore"]
