"""The questions actorgraph answers, over any store.

:class:`Graph` wraps a :class:`graph.store.GraphStore`: it resolves names to actors (with
suggestions when nothing matches), checks limits and relation types against the
vocabulary, and shapes results. The CLI, the API and the reports all ask through it.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator
from datetime import date
from typing import Any

from actorgraph.graph.errors import InputError, LimitError, NotFoundError
from actorgraph.graph.exchange import AnyRecord
from actorgraph.graph.influence import METRICS, rank, scores
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    TOPIC,
    Actor,
    Broker,
    Hop,
    NodeRef,
    Path,
    PathResult,
    Relation,
    Score,
    Subgraph,
    Topic,
    node_ref,
    normalize_name,
)
from actorgraph.graph.store import (
    MAX_DEPTH,
    MAX_HOPS,
    MAX_PATHS,
    MAX_ROWS,
    STATEMENT_ROLES,
    GraphStore,
)
from rapidfuzz import fuzz, process


def check_date(value: str | None, field: str) -> str | None:
    """``value`` if it is an ISO date (``YYYY-MM-DD``); raises :class:`InputError` otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise InputError(f"'{value}' is not a date (YYYY-MM-DD)", field=field) from None


class Graph:
    """Queries over a store. Cheap to create; holds a small influence cache."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.schema = store.schema
        self._cache: OrderedDict[tuple[Any, ...], list[tuple[str, float]]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._inter: tuple[str, set[str]] | None = None

    def intermediaries(self) -> set[str]:
        """Ids of the intermediaries, cached per store version (the store scans every
        relation to find them)."""
        version = self.store.version()
        with self._cache_lock:
            hit = self._inter
        if hit is not None and hit[0] == version:
            return hit[1]
        inter = self.store.intermediaries()
        with self._cache_lock:
            self._inter = (version, inter)
        return inter

    # ------------------------------------------------------------------ checks
    def _relations(self, relations: list[str] | None, default: list[str]) -> list[str]:
        if not relations:
            return sorted(default)
        try:
            return self.schema.check_relations(relations)
        except KeyError as exc:
            raise InputError(str(exc.args[0]), field="relations") from None

    @staticmethod
    def _limit(value: int, cap: int, field: str) -> int:
        if value < 1:
            raise InputError("must be at least 1", field=field)
        if value > cap:
            raise LimitError(f"{field} {value} is over the limit of {cap}")
        return value

    # ------------------------------------------------------------------ lookup
    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Close actor names, best first."""
        choices: dict[str, str] = {}
        for _id, n, aliases in self.store.actor_names():
            for x in (n, *aliases):
                choices.setdefault(x, n)
        found = process.extract(name, list(choices), scorer=fuzz.WRatio, limit=limit * 3)
        out: list[str] = []
        for match, score, _ in found:
            canonical = choices[match]
            if score >= 60 and canonical not in out:
                out.append(canonical)
        return out[:limit]

    def resolve_actor(self, name: str) -> Actor:
        """The actor whose id, name or alias is ``name`` (case-insensitive)."""
        ids = self.store.lookup_names([name]).get(name) or []
        if not ids:
            raise NotFoundError("actor", name, self.suggest(name))
        if len(ids) > 1:
            actors = self.store.get_nodes(ACTOR, ids)
            exact = [a for a in actors.values() if a.id == name or a.name == name]
            if len(exact) == 1:
                return exact[0]  # type: ignore[no-any-return]
            names = ", ".join(f"{a.name} ({a.id})" for a in actors.values())
            raise InputError(f"'{name}' names several actors: {names}; use an id", field="actor")
        return self.store.get_nodes(ACTOR, ids)[ids[0]]  # type: ignore[no-any-return]

    def resolve_topic(self, name: str) -> Topic:
        """The topic with this id or name (case-insensitive), else the best keyword match."""
        found = self.store.get_nodes(TOPIC, [name])
        if found:
            return found[name]  # type: ignore[no-any-return]
        key = normalize_name(name)
        topics = self.store.list_nodes(TOPIC, limit=MAX_ROWS)
        for t in topics:
            if normalize_name(t.name) == key:
                return t  # type: ignore[no-any-return]
        for t in topics:
            if any(normalize_name(k) == key for k in t.keywords):
                return t  # type: ignore[no-any-return]
        close = process.extract(name, [t.name for t in topics], scorer=fuzz.WRatio, limit=3)
        raise NotFoundError("topic", name, [m for m, s, _ in close if s >= 60])

    def ref(self, node_id: str) -> NodeRef:
        """A reference to any node by id."""
        kind = self.store.kinds_of([node_id]).get(node_id)
        if kind is None:
            return NodeRef(id=node_id, kind="missing", name=node_id)
        node = self.store.get_nodes(kind, [node_id])[node_id]
        return node_ref(kind, node, self.intermediaries())

    def refs(self, ids: list[str]) -> dict[str, NodeRef]:
        kinds = self.store.kinds_of(ids)
        inter = self.intermediaries()
        out: dict[str, NodeRef] = {}
        by_kind: dict[str, list[str]] = {}
        for i, k in kinds.items():
            by_kind.setdefault(k, []).append(i)
        for k, group in by_kind.items():
            for i, node in self.store.get_nodes(k, group).items():
                out[i] = node_ref(k, node, inter)
        for i in ids:
            out.setdefault(i, NodeRef(id=i, kind="missing", name=i))
        return out

    def search_actors(
        self,
        query: str | None = None,
        *,
        types: list[str] | None = None,
        intermediary: bool | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Actors by name or alias: exact, then prefix, then fuzzy; filtered by type and by
        being an intermediary or not. Each with its aliases and whether it is an intermediary;
        with the number of matches before paging."""
        self._limit(limit, MAX_ROWS, "limit")
        rows = self.store.actor_names()
        inter = self.intermediaries()
        ranked: list[tuple[float, str, str]] = []
        q = normalize_name(query) if query else ""
        for id_, name, aliases in rows:
            if intermediary is not None and (id_ in inter) != intermediary:
                continue
            if not q:
                ranked.append((0.0, name.casefold(), id_))
                continue
            names = [normalize_name(x) for x in (name, *aliases)]
            if q in names or q == id_:
                score = 300.0
            elif any(n.startswith(q) for n in names):
                score = 200.0
            elif any(q in n for n in names):
                score = 150.0
            else:
                score = max(fuzz.WRatio(q, n) for n in names)
                if score < 70:
                    continue
            ranked.append((-score, name.casefold(), id_))
        ranked.sort()
        ids = [r[2] for r in ranked]
        actors = self.store.get_nodes(ACTOR, ids)
        result = [actors[i] for i in ids if i in actors]
        if types:
            result = [a for a in result if a.type in types]
        page = [
            {**a.to_dict(), "aliases": a.aliases, "intermediary": a.id in inter}
            for a in result[offset : offset + limit]
        ]
        return page, len(result)

    def actor_detail(self, name: str) -> dict[str, Any]:
        """An actor with its roles, whether it is an intermediary, and its counts."""
        a = self.resolve_actor(name)
        rels = self.store.relations(actor=a.id, limit=MAX_ROWS)
        _, n_statements = self.store.statements(actor=a.id, limit=1)
        return {
            **a.to_dict(),
            "aliases": a.aliases,
            "intermediary": a.id in self.intermediaries(),
            "relations": dict(Counter(r.type for r in rels)),
            "statements": n_statements,
        }

    def delete_actor(self, actor_id: str) -> NodeRef:
        """Remove the actor with this exact id (no name lookup: deleting is not a search),
        its relations and the statements it made; the reference it had. An unknown id raises
        :class:`NotFoundError` with the ids of actors named like it."""
        actor = self.store.get_nodes(ACTOR, [actor_id]).get(actor_id)
        if actor is None:
            names = self.suggest(actor_id)
            found = self.store.lookup_names(names)
            close = [i for n in names for i in found.get(n, [])][:5]
            raise NotFoundError("actor id", actor_id, close)
        ref = node_ref(ACTOR, actor, self.intermediaries())
        if not self.store.delete_actor(actor_id):  # deleted meanwhile
            raise NotFoundError("actor id", actor_id)
        return ref

    # ------------------------------------------------------------------ topics
    def topics(self, *, limit: int = 100, offset: int = 0) -> tuple[list[Topic], int]:
        """Topics ordered by id, one page, and how many there are."""
        self._limit(limit, MAX_ROWS, "limit")
        total = self.store.counts()["nodes"].get(TOPIC, 0)
        return self.store.list_nodes(TOPIC, limit=limit, offset=offset), total

    # ------------------------------------------------------------------ paths and brokers
    def _hops(self, paths: list[list[str]], relations: list[str]) -> list[list[Hop]]:
        nodes = sorted({n for p in paths for n in p})
        among = self.store.relations_among(nodes, relations)
        by_pair: dict[tuple[str, str], list[Relation]] = {}
        for r in among:
            by_pair.setdefault((r.source, r.target), []).append(r)
        summaries: dict[str, dict[str, Any]] = {}  # a relation on many paths: summarize once

        def summary(r: Relation) -> dict[str, Any]:
            s = summaries.get(r.key)
            if s is None:
                s = summaries[r.key] = r.summary()
            return s

        out = []
        for p in paths:
            hops = []
            for u, v in itertools.pairwise(p):
                rels = []
                for r in by_pair.get((u, v), []):
                    rels.append({**summary(r), "direction": "forward"})
                for r in by_pair.get((v, u), []):
                    rt = self.schema.relation(r.type)
                    if rt.traverse == "both" or rt.symmetric:
                        rels.append({**summary(r), "direction": "reverse"})
                hops.append(Hop(source=u, target=v, relations=rels))
            out.append(hops)
        return out

    def paths(
        self,
        source: str,
        target: str,
        *,
        relations: list[str] | None = None,
        max_hops: int = 4,
        limit: int = 25,
    ) -> PathResult:
        """Communication paths from ``source`` to ``target``, shortest first.

        ``mediates`` and ``speaks_for`` (``traverse: both`` in the vocabulary) are walked in
        either direction; every hop lists its relations with their evidence.
        """
        self._limit(max_hops, MAX_HOPS, "max_hops")
        self._limit(limit, MAX_PATHS, "limit")
        rels = self._relations(relations, self.schema.channel_types)
        a = self.resolve_actor(source)
        b = self.resolve_actor(target)
        raw, cut = self.store.find_paths(a.id, b.id, rels, max_hops, limit + 1)
        truncated = cut or len(raw) > limit
        node_paths = [p.nodes for p in raw[:limit]]
        refs = self.refs(sorted({n for p in node_paths for n in p} | {a.id, b.id}))
        hops = self._hops(node_paths, rels)
        paths = [
            Path(nodes=[refs[n] for n in p], hops=h) for p, h in zip(node_paths, hops, strict=True)
        ]
        return PathResult(
            source=refs[a.id],
            target=refs[b.id],
            paths=paths,
            max_hops=max_hops,
            relations=rels,
            truncated=truncated,
        )

    def brokers(
        self,
        source: str,
        target: str,
        *,
        relations: list[str] | None = None,
        max_hops: int = 4,
        top: int = 10,
    ) -> list[Broker]:
        """Actors on the paths between two actors, ranked by the share of paths through them."""
        self._limit(max_hops, MAX_HOPS, "max_hops")
        self._limit(top, MAX_ROWS, "top")
        rels = self._relations(relations, self.schema.channel_types)
        a = self.resolve_actor(source)
        b = self.resolve_actor(target)
        raw, _cut = self.store.find_paths(a.id, b.id, rels, max_hops, MAX_PATHS)
        if not raw:
            return []
        counts: Counter[str] = Counter()
        for p in raw:
            counts.update(set(p.nodes[1:-1]))
        refs = self.refs(list(counts))
        total = len(raw)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], refs[kv[0]].name.casefold(), kv[0]))
        return [Broker(actor=refs[i], paths=c, share=round(c / total, 6)) for i, c in ranked[:top]]

    # ------------------------------------------------------------------ influence
    def influence(
        self,
        metric: str = "pagerank",
        *,
        relations: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        top: int = 10,
    ) -> list[Score]:
        """Actors ranked by an influence metric over chosen relation types and dates."""
        if metric not in METRICS:
            raise InputError(
                f"unknown metric '{metric}' (known: {', '.join(METRICS)})", field="metric"
            )
        self._limit(top, MAX_ROWS, "top")
        since, until = check_date(since, "since"), check_date(until, "until")
        rels = self._relations(relations, self.schema.actor_relation_types)
        key = (self.store.version(), metric, tuple(rels), since, until)
        with self._cache_lock:
            ranked = self._cache.get(key)
            if ranked is not None:
                self._cache.move_to_end(key)
        if ranked is None:
            g = self.store.projection(rels, since, until)
            # relations walked both ways (mediates, speaks_for, allied_with) count both ways
            both = {n for n in rels if self.schema.relation(n).traverse == "both"}
            for u, v, data in list(g.edges(data=True)):
                if data["type"] in both:
                    g.add_edge(v, u, key=data["type"] + "~", **data)
            # actors with no relation in the window/types say nothing about influence
            g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
            values = scores(g, metric)
            names = {i: a.name for i, a in self.store.get_nodes(ACTOR, list(values)).items()}
            # cache the whole ranking, not just the scores: a cached answer is then a slice
            ranked = rank(values, len(values), names)
            with self._cache_lock:
                self._cache[key] = ranked
                while len(self._cache) > 64:
                    self._cache.popitem(last=False)
        top_items = ranked[:top]
        actors = self.store.get_nodes(ACTOR, [i for i, _ in top_items])
        inter = self.intermediaries()
        return [
            Score(actor=node_ref(ACTOR, actors[i], inter), score=round(s, 6), rank=n + 1)
            for n, (i, s) in enumerate(top_items)
        ]

    # ------------------------------------------------------------------ neighbourhoods
    def neighbors(
        self,
        actors: str | list[str],
        *,
        depth: int = 1,
        relations: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
    ) -> Subgraph:
        """Actors and topics within ``depth`` hops of one or more actors."""
        self._limit(depth, MAX_DEPTH, "depth")
        self._limit(limit, MAX_ROWS, "limit")
        since, until = check_date(since, "since"), check_date(until, "until")
        names = [actors] if isinstance(actors, str) else actors
        seeds = [self.resolve_actor(n).id for n in names]
        rels = self._relations(relations, self.schema.fact_types)
        return self.store.neighborhood(seeds, depth, rels, since, until, limit)

    # ------------------------------------------------------------------ statements and stances
    def statements(
        self,
        *,
        actor: str | None = None,
        speaker: str | None = None,
        on_behalf_of: str | None = None,
        topic: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Statements with speaker, on-behalf-of, topics and document resolved; the total
        counts every match. ``actor`` matches either role, ``speaker`` and ``on_behalf_of``
        one each; at most one of the three may be given."""
        self._limit(limit, MAX_ROWS, "limit")
        since, until = check_date(since, "since"), check_date(until, "until")
        by_role = dict(zip(STATEMENT_ROLES, (actor, speaker, on_behalf_of), strict=True))
        given = [(role, name) for role, name in by_role.items() if name]
        if len(given) > 1:
            fields = " and ".join("actor" if r == "either" else r for r, _ in given)
            raise InputError(
                f"{fields} cannot be combined: give one of actor, speaker or on_behalf_of",
                field="actor" if actor else "speaker",
            )
        role, name = given[0] if given else ("either", None)
        actor_id = self.resolve_actor(name).id if name else None
        topic_id = self.resolve_topic(topic).id if topic else None
        items, total = self.store.statements(
            actor=actor_id,
            role=role,
            topic=topic_id,
            since=since,
            until=until,
            text=text,
            limit=limit,
            offset=offset,
        )
        ids = {i for s in items for i in (s.speaker, s.on_behalf_of, *s.about) if i}
        refs = self.refs(sorted(ids))
        docs = self.store.get_nodes(DOCUMENT, [s.document for s in items if s.document])
        out = []
        for s in items:
            d = docs.get(s.document) if s.document else None
            out.append(
                {
                    **s.to_dict(),
                    "quote": s.quote,
                    "speaker": refs[s.speaker].to_dict(),
                    "on_behalf_of": refs[s.on_behalf_of].to_dict() if s.on_behalf_of else None,
                    "about": [refs[t].to_dict() for t in s.about],
                    "document": d.to_dict() if d else None,
                }
            )
        return out, total

    def stances(
        self,
        topic: str | None = None,
        *,
        actor: str | None = None,
        types: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Who demands, rejects (or takes another stance on) what, since when, with evidence;
        one page, ordered by target, type and actor, and how many there are."""
        self._limit(limit, MAX_ROWS, "limit")
        since, until = check_date(since, "since"), check_date(until, "until")
        rels_types = self._relations(types, self.schema.stance_types)
        target_id = None
        if topic:
            try:
                target_id = self.resolve_topic(topic).id
            except NotFoundError:
                target_id = self.resolve_actor(topic).id
        actor_id = self.resolve_actor(actor).id if actor else None
        rels = self.store.relations(
            types=rels_types, target=target_id, source=actor_id, limit=MAX_ROWS
        )
        rels = [r for r in rels if r.in_window(since, until)]
        refs = self.refs(sorted({i for r in rels for i in (r.source, r.target)}))
        out = []
        for r in rels:
            s = r.summary()
            out.append(
                {
                    **s,
                    "source": refs[r.source].to_dict(),
                    "target": refs[r.target].to_dict(),
                }
            )
        out.sort(
            key=lambda x: (
                x["target"]["name"].casefold(),
                x["type"],
                x["source"]["name"].casefold(),
            )
        )
        return out[offset : offset + limit], len(out)

    # ------------------------------------------------------------------ whole graph
    def stats(self) -> dict[str, Any]:
        """Counts of nodes, actor types, relations, evidence and intermediaries; the backend,
        the data version and where the data lives (``store``)."""
        c = self.store.counts()
        c["intermediaries"] = len(self.intermediaries())
        c["backend"] = self.store.backend
        c["version"] = self.store.version()
        c["store"] = self.store.describe()
        return c

    def export(self) -> Iterator[AnyRecord]:
        """Every record of the graph in the exchange format (see :mod:`graph.exchange`)."""
        return self.store.iter_records()
