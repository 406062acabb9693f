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
from actorgraph.graph.influence import METRICS, rank, scores
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    STATEMENT,
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
from actorgraph.graph.store import MAX_DEPTH, MAX_HOPS, MAX_PATHS, MAX_ROWS, GraphStore
from rapidfuzz import fuzz, process

#: How many evidence records the census (dates and documents of the overview) reads at most.
MAX_CENSUS = 2_000_000


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
        self._census: tuple[str, dict[str, Any]] | None = None

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
    ) -> tuple[list[Actor], int]:
        """Actors by name or alias: exact, then prefix, then fuzzy; filtered by type."""
        self._limit(limit, MAX_ROWS, "limit")
        rows = self.store.actor_names()
        inter = self.intermediaries() if intermediary is not None else set()
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
        if q:
            ranked = self._related_first(ranked)
        ids = [r[2] for r in ranked]
        actors = self.store.get_nodes(ACTOR, ids)
        result = [actors[i] for i in ids if i in actors]
        if types:
            result = [a for a in result if a.type in types]
        return result[offset : offset + limit], len(result)

    def _related_first(
        self, ranked: list[tuple[float, str, str]], window: int = 50
    ) -> list[tuple[float, str, str]]:
        """Among equally good matches at the top, actors that take part in a relation come
        first ("United" finds United States before a United Nations with no relation)."""
        head = ranked[:window]
        idle = {i for _, _, i in head if not self.store.relations(actor=i, limit=1)}
        head.sort(key=lambda r: (r[0], r[2] in idle, r[1], r[2]))
        return head + ranked[window:]

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
        topic: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Statements with speaker, on-behalf-of, topics and document resolved."""
        self._limit(limit, MAX_ROWS, "limit")
        since, until = check_date(since, "since"), check_date(until, "until")
        actor_id = self.resolve_actor(actor).id if actor else None
        topic_id = self.resolve_topic(topic).id if topic else None
        items, total = self.store.statements(
            actor=actor_id,
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
    ) -> list[dict[str, Any]]:
        """Who demands, rejects (or takes another stance on) what, since when, with evidence."""
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
        return out[:limit]

    # ------------------------------------------------------------------ whole graph
    def census(self) -> dict[str, Any]:
        """Evidence per month, first and last evidence date, and evidence per document, read
        once per graph version from the exchange records (at most ``MAX_CENSUS`` of them)."""
        version = self.store.version()
        with self._cache_lock:
            hit = self._census
        if hit is not None and hit[0] == version:
            return hit[1]
        months: Counter[str] = Counter()
        per_doc: Counter[str] = Counter()
        undated = read = 0
        first = last = None
        partial = False
        for rec in self.store.iter_records():
            if rec.get("kind") != "relation":
                continue
            read += 1
            if read > MAX_CENSUS:
                partial = True
                break
            day = rec.get("date") or rec.get("valid_from")
            if day:
                day = str(day)[:10]
                months[day[:7]] += 1
                first = day if first is None or day < first else first
                last = day if last is None or day > last else last
            else:
                undated += 1
            if rec.get("document"):
                per_doc[str(rec["document"])] += 1
        out = {
            "first": first,
            "last": last,
            "by_month": sorted(months.items()),
            "undated": undated,
            "per_document": per_doc,
            "partial": partial,
        }
        with self._cache_lock:
            self._census = (version, out)
        return out

    def overview(self, top: int = 8) -> dict[str, Any]:
        """What a researcher sees on opening: counts, the span and spread of evidence dates,
        the documents cited most, and the most central actors (degree)."""
        self._limit(top, 100, "top")
        stats = self.stats()
        stats.pop("store", None)
        stats["backend"] = self.store.backend
        stats["version"] = self.store.version()
        census = self.census()
        months = census["by_month"]
        cited = census["per_document"].most_common(top)
        docs = self.store.get_nodes(DOCUMENT, [d for d, _ in cited])
        return {
            "counts": stats,
            "dates": {
                "first": census["first"],
                "last": census["last"],
                "by_month": [{"month": m, "evidence": n} for m, n in months],
                "undated": census["undated"],
                "partial": census["partial"],
            },
            "documents": {
                "count": stats["nodes"].get(DOCUMENT, 0),
                "cited": [{**docs[d].to_dict(), "evidence": n} for d, n in cited if d in docs],
            },
            "central": {
                "metric": "degree",
                "data": [s.to_dict() for s in self.influence("degree", top=top)],
            },
        }

    def documents(
        self, ids: list[str] | None = None, *, limit: int = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Documents by id (unknown ids are left out), or all of them ordered by id."""
        self._limit(limit, MAX_ROWS, "limit")
        if ids:
            found = self.store.get_nodes(DOCUMENT, ids)
            docs = [found[i] for i in dict.fromkeys(ids) if i in found]
            return [d.to_dict() for d in docs[offset : offset + limit]], len(docs)
        total = self.store.counts()["nodes"].get(DOCUMENT, 0)
        page = self.store.list_nodes(DOCUMENT, limit=limit, offset=offset)
        return [d.to_dict() for d in page], total

    def stats(self) -> dict[str, Any]:
        c = self.store.counts()
        c["intermediaries"] = len(self.intermediaries())
        c["store"] = self.store.describe()
        return c

    def export(self) -> Iterator[dict[str, Any]]:
        return self.store.iter_records()


__all__ = ["STATEMENT", "Graph", "check_date"]
