"""The questions actorgraph answers, over any store.

:class:`Graph` wraps a :class:`graph.store.GraphStore`: it resolves names to actors (with
suggestions when nothing matches), checks limits and relation types against the
vocabulary, and shapes results. The CLI, the API and the reports all ask through it.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from actorgraph.graph.answer_cache import AnswerCache, KeptParts
from actorgraph.graph.asof import in_force_among
from actorgraph.graph.errors import ActorgraphError, InputError, LimitError, NotFoundError
from actorgraph.graph.influence import METRICS, EdgeList, rank, scores
from actorgraph.graph.influence_cache import Ranking, RankingCache
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
    relation_key,
)
from actorgraph.graph.ranking import DEFAULT_EVIDENCE, MAX_EVIDENCE
from actorgraph.graph.store import (
    MAX_DEPTH,
    MAX_HOPS,
    MAX_OFFSET,
    MAX_PATHS,
    MAX_ROWS,
    STATEMENT_ROLES,
    GraphStore,
    RawPath,
    count_inner,
)

# networkx and numpy (graph.brokerage) are imported by the methods that use them: the API's
# workers and the CLI's commands start without them (tests/test_cli.py, bench/).
if TYPE_CHECKING:
    import networkx as nx
    from actorgraph.graph.curation import MergeOutcome, Retraction
    from actorgraph.graph.duplicates import Candidate, Decision
    from actorgraph.graph.exchange import AnyRecord

# curation, duplicates, the record models (pydantic) and rapidfuzz are imported by the
# methods that use them: the CLI's query commands start without them (issue 11).

logger = logging.getLogger("actorgraph.facade")

#: Projections (relation types, window) kept for the influence metrics of one data version.
PROJECTIONS = 4

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


def check_window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` and ``until`` as ISO dates, ``since`` not after ``until``; raises
    :class:`InputError` (an inverted window is a mistake to say, not an empty answer)."""
    since, until = check_date(since, "since"), check_date(until, "until")
    if since is not None and until is not None and since > until:
        raise InputError(f"since {since} is after until {until}: nothing can match", field="until")
    return since, until


@dataclass(slots=True)
class InfluenceResult:
    """An influence ranking as answered: the top scores, how many actors were ranked, the
    sources a sampled betweenness used (None: exact), and the data version it is of
    (``stale``: older than the store's, served while the current one is computed)."""

    metric: str
    scores: list[Score]
    actors: int
    samples: int | None
    version: str
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "data": [s.to_dict() for s in self.scores],
            "count": len(self.scores),
            "actors": self.actors,
            "exact": self.samples is None,
            "samples": self.samples,
            "version": self.version,
            "stale": self.stale,
        }


class Graph:
    """Queries over a store. Cheap to create; holds a small influence cache."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.schema = store.schema
        self._rankings = RankingCache(
            getattr(store, "query_timeout", 10.0), self._load_ranking, self._save_ranking
        )
        self._cache_lock = threading.Lock()
        #: paths, brokers and neighbourhoods of the current data version (asked again and
        #: again by the UI and by busy groups: see graph/answer_cache.py)
        self._answers = AnswerCache()
        #: parts that distinct answers share: a hop's relations, the actors paths name
        self._hop_parts: KeptParts[tuple[Any, tuple[str, str]], Hop]
        self._hop_parts = KeptParts()
        self._ref_parts: KeptParts[str, NodeRef] = KeptParts()
        #: actors' ids by the name a question gave (paths and brokers resolve two each)
        self._named_actors: KeptParts[str, str] = KeptParts()
        #: the projections of the last few (relations, window, version): the three metrics of
        #: one window share one read of the store
        self._projections: OrderedDict[tuple[Any, ...], EdgeList] = OrderedDict()
        self._inter: tuple[str, set[str]] | None = None
        self._census: tuple[str, dict[str, Any]] | None = None

    def _load_ranking(self, question: Any) -> Ranking | None:
        found = self.store.load_ranking(json.dumps(list(question)))
        if found is None:
            return None
        d = json.loads(found[1])
        ranked = [(str(i), float(s)) for i, s in d["ranked"]]
        return Ranking(found[0], ranked, int(d["nodes"]), d["samples"], float(d["seconds"]))

    def _save_ranking(self, question: Any, r: Ranking) -> None:
        payload = {"ranked": r.ranked, "nodes": r.nodes, "samples": r.samples, "seconds": r.seconds}
        try:
            self.store.save_ranking(json.dumps(list(question)), r.version, json.dumps(payload))
        except ActorgraphError:  # a store that cannot keep it now: computed again next time
            logger.info("could not keep an influence ranking", exc_info=True)

    def close(self) -> None:
        """Stop the influence worker (the store is closed by whoever opened it)."""
        self._rankings.close()

    def intermediaries(self, version: str | None = None) -> set[str]:
        """Ids of the intermediaries, cached per store version (one read of the store per
        version); ``version``: the store's, when the caller has just read it."""
        version = self.store.version() if version is None else version
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

    @classmethod
    def _page(cls, limit: int, offset: int) -> None:
        """A page of at most :data:`MAX_ROWS` rows, starting at most :data:`MAX_OFFSET` in."""
        cls._limit(limit, MAX_ROWS, "limit")
        if offset < 0:
            raise InputError("must be at least 0", field="offset")
        if offset > MAX_OFFSET:
            raise LimitError(f"offset {offset} is over the limit of {MAX_OFFSET}")

    # ------------------------------------------------------------------ lookup
    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Close actor names, best first."""
        from rapidfuzz import fuzz, process

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

    def actor_ids(self, names: list[str], found: dict[str, list[str]] | None = None) -> list[str]:
        """The ids of the actors ``names`` name, in order, as :meth:`resolve_actor` finds them,
        from one look-up of all the names (``found``, when it was read already) and no read of
        the actors (a question that needs only their ids, a neighbourhood's seeds); a name
        that resolves to no actor, or to several, goes to :meth:`resolve_actor`, which raises
        (or picks the one named exactly) as there, the first such name's first."""
        if found is None:
            found = self.store.lookup_names(names)
        return [
            ids[0] if len(ids) == 1 else self.resolve_actor(name).id
            for name, ids in ((n, found.get(n) or []) for n in names)
        ]

    def _ends(self, source: str, target: str) -> tuple[str, str, str]:
        """The data version and the ids of both ends of a path question as
        :meth:`resolve_actor` finds them, read together (one round trip on a server: the
        answer's own read of the actors names them) and kept per data version; a name that
        resolves to no actor, or to several, goes to :meth:`resolve_actor` and raises as
        there, the source's first."""
        names = list(dict.fromkeys((source, target)))
        known = self._named_actors.last_kept(names)  # the names kept at the last version seen
        version, looked, actors = self.store.version_and_actors(
            [n for n in names if n not in known]
        )
        # the actors read with the names: a path answer names its ends without another read
        new = sorted(set(actors) - self._ref_parts.found(actors, version).keys())
        if new:
            nodes = {i: (ACTOR, actors[i]) for i in new}
            self._ref_parts.keep(self._refs_of(new, nodes, version), version)
        kept = self._named_actors.found(names, version)
        todo = [n for n in names if n not in kept]
        if todo:
            if any(n not in looked for n in todo):  # kept at a version that has moved on
                looked = self.store.lookup_names(todo)
            found = {n: ids[0] for n in todo if len(ids := looked.get(n) or []) == 1}
            for n in todo:
                if n not in found:
                    found[n] = self.resolve_actor(n).id
            self._named_actors.keep(found, version)
            kept.update(found)
        return version, kept[source], kept[target]

    def resolve_topic(self, name: str) -> Topic:
        """The topic with this id or name (case-insensitive), else the best keyword match."""
        from rapidfuzz import fuzz, process

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

    def refs(self, ids: list[str], version: str | None = None) -> dict[str, NodeRef]:
        """References to nodes by id; with the store's current ``version``, those asked at
        that version before are not read again (paths and brokers name the same hubs)."""
        if version is None:
            return self._read_refs(ids)
        kept = self._ref_parts.found(ids, version)
        missing = [i for i in ids if i not in kept]
        if missing:
            read = self._read_refs(missing, version)
            self._ref_parts.keep(read, version)
            kept.update(read)
        return kept

    def _read_refs(self, ids: list[str], version: str | None = None) -> dict[str, NodeRef]:
        return self._refs_of(ids, self.store.nodes_of(ids), version)

    def _refs_of(
        self, ids: list[str], nodes: dict[str, tuple[str, Any]], version: str | None
    ) -> dict[str, NodeRef]:
        inter = self.intermediaries(version)
        out = {i: node_ref(k, node, inter) for i, (k, node) in nodes.items()}
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
        from rapidfuzz import fuzz

        self._page(limit, offset)
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
        if q:
            ranked = self._related_first(ranked)
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
        self._page(limit, offset)
        total = self.store.counts()["nodes"].get(TOPIC, 0)
        return self.store.list_nodes(TOPIC, limit=limit, offset=offset), total

    # ------------------------------------------------------------------ paths and brokers
    def _path_parts(
        self,
        paths: list[list[str]],
        ends: tuple[str, str],
        relations: list[str],
        evidence_limit: int,
        version: str,
    ) -> tuple[dict[str, NodeRef], list[list[Hop]]]:
        """References to the actors of ``paths`` and ``ends``, and the hops of ``paths`` with
        their relations (each summarized with its best ``evidence_limit`` pieces): the parts
        kept at this data version, the rest read together (one round trip on a server,
        :meth:`GraphStore.nodes_and_relations`). Kept parts are ready to send
        (:class:`graph.answer_cache.KeptParts`): distinct questions share most hops and
        actors, and a kept hop is shared by the answers that walk it (answers are not changed
        once made). Only hops with the default few pieces of evidence are kept, so the kept
        parts stay small (up to 50 pieces each they could reach a gigabyte)."""
        ids = sorted({n for p in paths for n in p} | set(ends))
        refs = self._ref_parts.found(ids, version)
        missing = [i for i in ids if i not in refs]
        steps = sorted({step for p in paths for step in itertools.pairwise(p)})
        kind = (tuple(relations), evidence_limit)
        kept = self._hop_parts.found([(kind, step) for step in steps], version)
        by_step: dict[tuple[str, str], Hop] = {k[1]: v for k, v in kept.items()}
        todo = [step for step in steps if step not in by_step]
        pairs = sorted({x for u, v in todo for x in ((u, v), (v, u))})
        nodes, views = (
            self.store.nodes_and_relations(missing, pairs, relations, evidence_limit)
            if missing or pairs
            else ({}, [])
        )
        if missing:
            read_refs = self._refs_of(missing, nodes, version)
            self._ref_parts.keep(read_refs, version)
            refs.update(read_refs)
        if todo:
            read: dict[tuple[str, str], list[dict[str, Any]]] = {pair: [] for pair in pairs}
            for r in views:
                if (r.source, r.target) in read:
                    read[(r.source, r.target)].append(r.summary())
            made: dict[tuple[str, str], Hop] = {}
            for u, v in todo:
                rels = [{**s, "direction": "forward"} for s in read[(u, v)]]
                for s in read[(v, u)]:
                    if self.schema.relation(s["type"]).both_ways:
                        rels.append({**s, "direction": "reverse"})
                made[(u, v)] = Hop(source=u, target=v, relations=rels)
            if evidence_limit <= DEFAULT_EVIDENCE:  # a few pieces each: a kilobyte or two
                self._hop_parts.keep({(kind, step): v for step, v in made.items()}, version)
            by_step.update(made)
        return refs, [[by_step[step] for step in itertools.pairwise(p)] for p in paths]

    def _evidence_limit(self, value: int) -> int:
        if value < 0:
            raise InputError("must be at least 0", field="evidence_limit")
        if value > MAX_EVIDENCE:
            raise LimitError(f"evidence_limit {value} is over the limit of {MAX_EVIDENCE}")
        return value

    def paths(
        self,
        source: str,
        target: str,
        *,
        relations: list[str] | None = None,
        max_hops: int = 4,
        limit: int = 25,
        intermediaries_only: bool = False,
        evidence_limit: int = DEFAULT_EVIDENCE,
        as_of: str | None = None,
    ) -> PathResult:
        """Communication paths from ``source`` to ``target``, best first (:mod:`graph.ranking`:
        fewest hops, best supported, most recent, then names).

        ``mediates`` and ``speaks_for`` (``traverse: both`` in the vocabulary) are walked in
        either direction; ``intermediaries_only`` keeps paths whose every inner actor is an
        intermediary. Every hop lists its relations, each with at most ``evidence_limit``
        pieces of evidence (best first) and ``evidence_total``; :meth:`relation_evidence`
        pages the rest. With ``as_of``, only over relations in force that day
        (:mod:`graph.asof`).
        """
        self._limit(max_hops, MAX_HOPS, "max_hops")
        self._limit(limit, MAX_PATHS, "limit")
        as_of = check_date(as_of, "as_of")
        evidence_limit = self._evidence_limit(evidence_limit)
        rels = self._relations(relations, self.schema.channel_types)
        version, a, b = self._ends(source, target)
        key = ("paths", a, b, tuple(rels), max_hops, limit, intermediaries_only, as_of)
        return self._answers.get(
            (*key, evidence_limit),
            version,
            lambda: self._paths(
                a, b, rels, max_hops, limit, intermediaries_only, evidence_limit, as_of, version
            ),
        )

    def _paths(
        self,
        a: str,
        b: str,
        rels: list[str],
        max_hops: int,
        limit: int,
        intermediaries_only: bool,
        evidence_limit: int,
        as_of: str | None,
        version: str,
    ) -> PathResult:
        raw, cut = (
            ([], False)
            if self.store.no_paths(a, b, rels, version)
            else self.store.find_paths(
                a,
                b,
                rels,
                max_hops,
                MAX_PATHS if as_of else limit + 1,
                intermediaries_only=intermediaries_only,
            )
        )
        if as_of:
            raw = self._paths_in_force(raw, rels, as_of)
        truncated = cut or len(raw) > limit
        raw = raw[:limit]
        node_paths = [p.nodes for p in raw]
        refs, hops = self._path_parts(node_paths, (a, b), rels, evidence_limit, version)
        paths = [
            Path(nodes=[refs[n] for n in p.nodes], hops=h, support=p.support, last_seen=p.last_seen)
            for p, h in zip(raw, hops, strict=True)
        ]
        return PathResult(
            source=refs[a],
            target=refs[b],
            paths=paths,
            max_hops=max_hops,
            relations=rels,
            truncated=truncated,
            intermediaries_only=intermediaries_only,
            evidence_limit=evidence_limit,
        )

    def brokers(
        self,
        source: str,
        target: str,
        *,
        relations: list[str] | None = None,
        max_hops: int = 4,
        top: int = 10,
        intermediaries_only: bool = False,
        as_of: str | None = None,
    ) -> list[Broker]:
        """Actors on the best paths between two actors (the first :data:`MAX_PATHS` in the
        ranking of :meth:`paths`), by the number of those paths through them, then by the rank
        of the best path through them, then by name."""
        self._limit(max_hops, MAX_HOPS, "max_hops")
        self._limit(top, MAX_ROWS, "top")
        rels = self._relations(relations, self.schema.channel_types)
        as_of = check_date(as_of, "as_of")
        version, a, b = self._ends(source, target)
        return self._answers.get(
            ("brokers", a, b, tuple(rels), max_hops, top, intermediaries_only, as_of),
            version,
            lambda: self._brokers(a, b, rels, max_hops, top, intermediaries_only, as_of, version),
        )

    def _brokers(
        self,
        a: str,
        b: str,
        rels: list[str],
        max_hops: int,
        top: int,
        inter_only: bool,
        as_of: str | None,
        version: str,
    ) -> list[Broker]:
        if self.store.no_paths(a, b, rels, version):
            return []
        if as_of:
            raw, _cut = self.store.find_paths(
                a, b, rels, max_hops, MAX_PATHS, intermediaries_only=inter_only
            )
            counted = count_inner(self._paths_in_force(raw, rels, as_of), top)
        else:
            counted = self.store.inner_counts(
                a, b, rels, max_hops, MAX_PATHS, top, intermediaries_only=inter_only
            )
        if not counted.paths:
            return []
        # names only order actors tied on (paths, best path): the store gave the first
        # ``top`` and those tied with the last of them, not every actor on a thousand paths
        refs = self.refs([i for i, _, _ in counted.actors], version)
        total = counted.paths
        ranked = sorted(
            counted.actors, key=lambda c: (-c[1], c[2], refs[c[0]].name.casefold(), c[0])
        )
        return [
            Broker(actor=refs[i], paths=n, share=round(n / total, 6), best_path=best)
            for i, n, best in ranked[:top]
        ]

    def relation_evidence(
        self,
        rel_type: str,
        source: str,
        target: str,
        *,
        offset: int = 0,
        limit: int = 20,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of one relation's evidence, best first (highest confidence, then newest),
        with the total. ``source`` and ``target`` are ids (or, for actors, names)."""
        if rel_type not in self.schema.relations:
            raise InputError(f"unknown relation type '{rel_type}'", field="type")
        self._page(limit, offset)
        known = self.store.kinds_of([source, target])
        ends = [v if v in known else self.resolve_actor(v).id for v in (source, target)]
        page = self.store.relation_evidence(rel_type, ends[0], ends[1], offset, limit)
        if page is None:
            raise NotFoundError("relation", f"{rel_type} {ends[0]} -> {ends[1]}", [])
        items, total = page
        return [e.to_dict() for e in items], total

    # ------------------------------------------------------------------ influence
    def influence(
        self,
        metric: str = "pagerank",
        *,
        relations: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        top: int = 10,
        exact: bool = False,
        as_of: str | None = None,
    ) -> list[Score]:
        """Actors ranked by an influence metric over chosen relation types and dates (or the
        relations in force on ``as_of``)."""
        return self.influence_ranking(
            metric, relations=relations, since=since, until=until, top=top, exact=exact, as_of=as_of
        ).scores

    def influence_ranking(
        self,
        metric: str = "pagerank",
        *,
        relations: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        top: int = 10,
        exact: bool = False,
        allow_stale: bool = False,
        as_of: str | None = None,
    ) -> InfluenceResult:
        """:meth:`influence` with how the ranking was computed (actors, sampled sources) and,
        with ``allow_stale``, a ranking of an older data version served at once while the
        current one is computed (see :mod:`graph.influence_cache`)."""
        if metric not in METRICS:
            raise InputError(
                f"unknown metric '{metric}' (known: {', '.join(METRICS)})", field="metric"
            )
        self._limit(top, MAX_ROWS, "top")
        since, until = check_window(since, until)
        as_of = check_date(as_of, "as_of")
        rels = self._relations(relations, self.schema.actor_relation_types)
        exact = bool(exact) and metric == "betweenness"
        question: tuple[Any, ...] = (metric, tuple(rels), since, until, exact)
        if as_of:
            question += (as_of,)
        version = self.store.version()

        def compute(deadline: float) -> Ranking:
            started = time.monotonic()
            edges = self._projection(rels, since, until, version, as_of)
            # actors with no relation in the window/types say nothing about influence
            found = scores(edges, metric, exact=exact, deadline=deadline)
            ranked = self._rank(found.values)
            return Ranking(version, ranked, found.nodes, found.samples, time.monotonic() - started)

        answer = self._rankings.get(question, version, compute, allow_stale=allow_stale)
        ranking = answer.ranking
        top_items = ranking.ranked[:top]
        actors = self.store.get_nodes(ACTOR, [i for i, _ in top_items])
        inter = self.intermediaries()
        return InfluenceResult(
            metric=metric,
            scores=[
                Score(actor=node_ref(ACTOR, actors[i], inter), score=round(s, 6), rank=n + 1)
                for n, (i, s) in enumerate(top_items)
                if i in actors
            ],
            actors=ranking.nodes,
            samples=ranking.samples,
            version=ranking.version,
            stale=answer.stale,
        )

    def _projection(
        self,
        rels: list[str],
        since: str | None,
        until: str | None,
        version: str,
        as_of: str | None = None,
    ) -> EdgeList:
        """The actor graph of these relation types in this window (or in force ``as_of`` a
        day), read once per data version for every metric asked of it (the last
        :data:`PROJECTIONS` kept)."""
        key = (tuple(rels), since, until, as_of, version)
        with self._cache_lock:
            hit = self._projections.get(key)
            if hit is not None:
                self._projections.move_to_end(key)
                return hit
        # relations walked both ways (mediates, speaks_for, allied_with) count both ways
        both = {n for n in rels if self.schema.relation(n).traverse == "both"}
        fast = None
        if not as_of and since is None and until is None:
            fast = self.store.projection_edgelist(rels, both)
        if fast is not None:
            edges = fast
        else:
            triples: list[tuple[str, str, float]] = []
            read = (
                self._edges_in_force(rels, as_of)
                if as_of
                else self.store.projection_edges(rels, since, until)
            )
            for u, v, rtype, confidence in read:
                triples.append((u, v, confidence))
                if rtype in both:
                    triples.append((v, u, confidence))
            edges = EdgeList.from_edges(triples)
        with self._cache_lock:
            for old in [k for k in self._projections if k[4] != version]:
                del self._projections[old]
            self._projections[key] = edges
            while len(self._projections) > PROJECTIONS:
                self._projections.popitem(last=False)
        return edges

    def _rank(self, values: dict[str, float]) -> list[tuple[str, float]]:
        """The first :data:`MAX_ROWS` (id, score), best first, ties by name then id (names
        are read only for the ties that decide the order)."""
        ordered = sorted(values.items(), key=lambda kv: -kv[1])
        cut = ordered[:MAX_ROWS]
        if len(ordered) > MAX_ROWS:  # the tie group at the cut comes whole
            last = cut[-1][1]
            cut += itertools.takewhile(lambda kv: kv[1] == last, ordered[MAX_ROWS:])
        score_counts = Counter(s for _, s in cut)
        tied = [i for i, s in cut if score_counts[s] > 1]
        names = {i: a.name for i, a in self.store.get_nodes(ACTOR, tied).items()}
        return rank(dict(cut), MAX_ROWS, names)

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
        evidence_limit: int = DEFAULT_EVIDENCE,
        as_of: str | None = None,
    ) -> Subgraph:
        """Actors and topics within ``depth`` hops of one or more actors.

        When ``limit`` nodes cannot hold them all, actors fill the cap before topics and the
        answer says what was left out (see :class:`graph.model.Subgraph`). Edges carry at
        most ``evidence_limit`` pieces of evidence each (best first) with ``evidence_total``.
        """
        self._limit(depth, MAX_DEPTH, "depth")
        self._limit(limit, MAX_ROWS, "limit")
        since, until = check_window(since, until)
        names = [actors] if isinstance(actors, str) else actors
        rels = self._relations(relations, self.schema.fact_types)
        evidence_limit = self._evidence_limit(evidence_limit)
        as_of = check_date(as_of, "as_of")
        asked: list[tuple[Any, ...]] = []  # the seeds and the answer's key, as last resolved

        def seeds_of(version: str, found: dict[str, list[str]]) -> tuple[list[str], Any]:
            """Inside the store's read: the seeds the names found, and the answer kept."""
            seeds = self.actor_ids(names, found)
            key = ("neighbors", tuple(seeds), depth, tuple(rels), since, until, limit)
            asked[:] = [tuple(seeds), (*key, evidence_limit, as_of)]
            return seeds, self._answers.find(asked[1], version)

        # the version, the names and (unless kept) the neighbourhood in one read of the store
        version, sub, fresh = self.store.named_neighborhood(
            names,
            seeds_of,
            depth,
            rels,
            since,
            until,
            MAX_ROWS if as_of else limit,
            evidence_limit,
        )
        if not fresh:
            return sub
        seeds, key = asked
        if as_of:
            sub = self._subgraph_in_force(sub, list(seeds), depth, rels, as_of, limit)
        return self._answers.keep(key, version, sub)

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
        as_of: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Statements with speaker, on-behalf-of, topics and document resolved; the total
        counts every match. ``actor`` matches either role, ``speaker`` and ``on_behalf_of``
        one each; at most one of the three may be given. ``as_of``: what had been said by
        then (on or before that day)."""
        self._page(limit, offset)
        since, until = check_window(since, until)
        as_of = check_date(as_of, "as_of")
        if as_of and (until is None or as_of < until):
            until = as_of
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
        as_of: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Who demands, rejects (or takes another stance on) what, since when, with evidence;
        one page, ordered by target, type and actor, and how many there are. ``as_of``: the
        stances held that day (a later contrary stance ends one, see :mod:`graph.asof`)."""
        self._page(limit, offset)
        since, until = check_window(since, until)
        as_of = check_date(as_of, "as_of")
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
        if as_of:
            contrary = sorted({c for t in rels_types for c in self.schema.contraries(t)})
            others = self.store.relations(
                types=contrary, target=target_id, source=actor_id, limit=MAX_ROWS
            )
            held = in_force_among(rels + others, as_of, self._contraries())
            keys = {r.key for r in held}
            rels = [r for r in rels if r.key in keys]
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
    def census(self) -> dict[str, Any]:
        """Evidence per month, first and last evidence date, and evidence per document, read
        once per graph version from the exchange records (at most ``MAX_CENSUS`` of them)."""
        from actorgraph.graph.exchange import RelationRecord

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
            if not isinstance(rec, RelationRecord):
                continue
            read += 1
            if read > MAX_CENSUS:
                partial = True
                break
            day = rec.date or rec.valid_from
            if day:
                day = day[:10]
                months[day[:7]] += 1
                first = day if first is None or day < first else first
                last = day if last is None or day > last else last
            else:
                undated += 1
            if rec.document:
                per_doc[rec.document] += 1
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
        self._page(limit, offset)
        if ids:
            found = self.store.get_nodes(DOCUMENT, ids)
            docs = [found[i] for i in dict.fromkeys(ids) if i in found]
            return [d.to_dict() for d in docs[offset : offset + limit]], len(docs)
        total = self.store.counts()["nodes"].get(DOCUMENT, 0)
        page = self.store.list_nodes(DOCUMENT, limit=limit, offset=offset)
        return [d.to_dict() for d in page], total

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

    # ------------------------------------------------------------------ brokerage roles
    def brokerage(
        self,
        group_by: str | Mapping[str, str] = "type",
        *,
        relations: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        by_month: bool = False,
        top: int | None = None,
        as_of: str | None = None,
    ) -> dict[str, Any]:
        """Gould–Fernandez brokerage roles and Burt's structural holes of the actors
        (:mod:`graph.brokerage`), over a grouping: ``type`` (actor type), ``intermediary``
        (mediators or not), or a mapping from actor (id, name or alias) to group (actors not
        in it are in group ``other``); in the date window, or per calendar month of it, or
        over the relations in force on ``as_of`` (:mod:`graph.asof`)."""
        from actorgraph.graph.brokerage import (
            Window,
            actor_digraph,
            brokerage,
            month_windows,
            structural_holes,
        )

        since, until = check_date(since, "since"), check_date(until, "until")
        as_of = check_date(as_of, "as_of")
        if as_of and (since or until or by_month):
            raise InputError(
                "as_of cannot be combined with since, until or by_month", field="as_of"
            )
        if top is not None:
            self._limit(top, MAX_ROWS, "top")
        rels = self._relations(relations, self.schema.actor_relation_types)
        groups = self._groups(group_by)
        if by_month:
            if not (since and until):
                raise InputError("per month needs both since and until", field="since")
            windows = month_windows(since, until)
            if len(windows) > MAX_MONTHS:
                raise LimitError(f"{len(windows)} months is over the limit of {MAX_MONTHS}")
        else:
            windows = [Window(since, until)]
        out = []
        for w in windows:
            if as_of:
                projection = self.projection(rels, as_of=as_of)
            else:
                projection = self.store.projection(rels, w.since, w.until)
            g = actor_digraph(projection, self.schema)
            for n, data in g.nodes(data=True):
                data["group"] = groups(n, data)
            result = brokerage(g, "group")
            holes = structural_holes(g) if g.number_of_nodes() else {}
            refs = self.refs(sorted(str(a) for a in result.actors))
            ranked = result.ranked("total", by="raw", top=top)
            body = result.to_dict()
            body["actors"] = [
                {
                    **a.to_dict(),
                    "actor": refs[str(a.actor)].to_dict(),
                    "group": str(a.group),
                    **{
                        k: v
                        for k, v in holes[a.actor].to_dict().items()
                        if k in ("constraint", "effective_size", "efficiency")
                    },
                }
                for a in ranked
            ]
            out.append({"since": w.since, "until": w.until, "as_of": as_of, **body})
        label = group_by if isinstance(group_by, str) else "groups"
        return {"group_by": label, "relations": rels, "windows": out}

    # ------------------------------------------------------------------ as of a date
    def _contraries(self) -> dict[str, list[str]]:
        return {n: self.schema.contraries(n) for n in self.schema.relations}

    def relations_in_force(self, types: list[str], as_of: str) -> list[Relation]:
        """Relations of these types in force on ``as_of`` (:mod:`graph.asof`): each with
        every piece of its evidence, history included."""
        as_of = check_date(as_of, "as_of") or as_of
        wanted = set(types)
        contrary = {c for t in types for c in self.schema.contraries(t)}
        rels = self.store.relations(types=sorted(wanted | contrary), limit=MAX_IN_FORCE + 1)
        if len(rels) > MAX_IN_FORCE:
            raise LimitError(f"more than {MAX_IN_FORCE} relations to read as of a date")
        held = in_force_among(rels, as_of, self._contraries())
        return [r for r in held if r.type in wanted]

    def _edges_in_force(self, types: list[str], as_of: str) -> list[tuple[str, str, str, float]]:
        return [
            (r.source, r.target, r.type, r.confidence)
            for r in self.relations_in_force(types, as_of)
            if r.target_kind == ACTOR
        ]

    def projection(
        self,
        relations: list[str] | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
    ) -> nx.MultiDiGraph:
        """The actor graph as networkx (``name`` and ``type`` on nodes, ``type`` and
        ``confidence`` on edges): relations observed in the window, or in force on
        ``as_of``."""
        rels = self._relations(relations, self.schema.actor_relation_types)
        since, until = check_date(since, "since"), check_date(until, "until")
        as_of = check_date(as_of, "as_of")
        if not as_of:
            return self.store.projection(rels, since, until)
        import networkx as nx

        g = nx.MultiDiGraph()
        edges = self._edges_in_force(rels, as_of)
        ids = sorted({x for u, v, _, _ in edges for x in (u, v)})
        for i, a in self.store.get_nodes(ACTOR, ids).items():
            g.add_node(i, name=a.name, type=a.type)
        for u, v, t, c in edges:
            g.add_edge(u, v, key=t, type=t, confidence=c)
        return g

    def _paths_in_force(self, raw: list[RawPath], rels: list[str], as_of: str) -> list[RawPath]:
        """The paths every hop of which has a relation in force on ``as_of`` that the path may
        walk (in its direction, or against it for types walked both ways)."""
        held = self.relations_in_force(rels, as_of)
        steps: set[tuple[str, str]] = set()
        for r in held:
            steps.add((r.source, r.target))
            rt = self.schema.relation(r.type)
            if rt.traverse == "both" or rt.symmetric:
                steps.add((r.target, r.source))
        return [p for p in raw if all(h in steps for h in itertools.pairwise(p.nodes))]

    def _subgraph_in_force(
        self, sub: Subgraph, seeds: list[str], depth: int, rels: list[str], as_of: str, limit: int
    ) -> Subgraph:
        """``sub`` with only the edges in force on ``as_of`` and the nodes still within
        ``depth`` hops of the seeds through them (at most ``limit``, nearest first)."""
        keys = {r.key for r in self.relations_in_force(rels, as_of)}
        edges = [e for e in sub.edges if relation_key(e["type"], e["source"], e["target"]) in keys]
        near: dict[str, int] = {s: 0 for s in seeds}
        frontier = list(seeds)
        for level in range(1, depth + 1):
            nxt = []
            for e in edges:
                for u, v in ((e["source"], e["target"]), (e["target"], e["source"])):
                    if u in frontier and v not in near:
                        near[v] = level
                        nxt.append(v)
            frontier = nxt
        nodes = sorted(
            (n for n in sub.nodes if n.id in near), key=lambda n: (near[n.id], n.name.casefold())
        )
        cut = len(nodes) > limit
        kept = {n.id for n in nodes[:limit]}
        return Subgraph(
            nodes=nodes[:limit],
            edges=[e for e in edges if e["source"] in kept and e["target"] in kept],
            truncated=sub.truncated or cut,
            left_out=sub.left_out,
            left_out_exact=sub.left_out_exact and not cut,
        )

    def _groups(self, group_by: str | Mapping[str, str]) -> Callable[[str, dict[str, Any]], str]:
        if isinstance(group_by, Mapping):
            found = self.store.lookup_names(list(group_by))
            by_id: dict[str, str] = {}
            for name, group in group_by.items():
                ids = found.get(name) or []
                if not ids:
                    raise NotFoundError("actor", name, self.suggest(name))
                for i in ids:
                    by_id[i] = str(group)
            return lambda n, _data: by_id.get(n, "other")
        if group_by == "type":
            return lambda _n, data: str(data.get("type") or "other")
        if group_by == "intermediary":
            inter = self.intermediaries()
            return lambda n, _data: "intermediary" if n in inter else "party"
        raise InputError(
            f"unknown grouping '{group_by}' (type, intermediary, or a file of groups)",
            field="group_by",
        )

    # ------------------------------------------------------------------ duplicate review
    def duplicates(
        self, *, decisions: FilePath | None = None, min_score: float = 0.5, limit: int = 50
    ) -> list[Candidate]:
        """Likely duplicate actors, best first, each with its evidence; pairs the decisions
        file judged distinct are not proposed again."""
        from actorgraph.graph.duplicates import Judgements, find_candidates, load_judgements

        self._limit(limit, MAX_ROWS, "limit")
        judged = load_judgements(decisions) if decisions is not None else Judgements()
        return find_candidates(
            self.store.iter_records(), distinct=judged.distinct, min_score=min_score, limit=limit
        )

    def merge(
        self,
        actor: str,
        into: str,
        *,
        decisions: FilePath | None = None,
        by: str | None = None,
        note: str | None = None,
    ) -> MergeOutcome:
        """Merge ``actor`` into ``into`` (ids, names or aliases) in the store, and record the
        judgement in the decisions file, so that re-ingest merges them too."""
        from actorgraph.graph.curation import merge_actors
        from actorgraph.graph.duplicates import Decision, append_decision

        a, b = self.resolve_actor(actor), self.resolve_actor(into)
        d = Decision(
            action="merge", actor=a.id, into=b.id, names=[a.name, *a.aliases], by=by, note=note
        )
        self._check_decision(decisions, d)
        out = merge_actors(self.store, a.id, b.id)
        if decisions is not None:
            append_decision(decisions, d.model_copy(update={"at": _now()}))
        return out

    def unmerge(
        self,
        actor: str,
        *,
        decisions: FilePath | None = None,
        by: str | None = None,
        note: str | None = None,
    ) -> MergeOutcome:
        """Undo the merge of the actor with this id, in the store and the decisions file."""
        from actorgraph.graph.curation import unmerge_actor
        from actorgraph.graph.duplicates import Decision, append_decision, load_judgements

        out = unmerge_actor(self.store, actor)
        if decisions is not None and actor in load_judgements(decisions).merged:
            d = Decision(action="unmerge", actor=actor, by=by, note=note, at=_now())
            append_decision(decisions, d)
        return out

    def distinct(
        self,
        actor: str,
        other: str,
        *,
        decisions: FilePath,
        by: str | None = None,
        note: str | None = None,
    ) -> Decision:
        """Record that two actors are two: duplicate review stops proposing the pair."""
        from actorgraph.graph.duplicates import Decision, append_decision

        a, b = self.resolve_actor(actor), self.resolve_actor(other)
        d = Decision(action="distinct", actor=a.id, other=b.id, by=by, note=note, at=_now())
        append_decision(decisions, d)
        return d

    def merged(self) -> dict[str, str]:
        """Merged actor id -> the actor it was merged into (undo with :meth:`unmerge`)."""
        from actorgraph.graph.curation import merges

        return merges(self.store)

    @staticmethod
    def _check_decision(decisions: FilePath | None, d: Decision) -> None:
        from actorgraph.graph.duplicates import Judgements, load_decisions

        if decisions is None:
            return
        Judgements.from_decisions([*load_decisions(decisions), d], file=str(decisions))

    # ------------------------------------------------------------------ retraction
    def retract(self, document: str) -> Retraction:
        """Remove a document and every fact only it supports (see :mod:`graph.curation`)."""
        from actorgraph.graph.curation import retract_document

        return retract_document(self.store, document)

    def retractions(self) -> list[dict[str, Any]]:
        """Every retraction made, oldest first."""
        from actorgraph.graph.curation import retractions

        return retractions(self.store)


#: Months a per-month brokerage may cover.
MAX_MONTHS = 120
#: Relations an "as of" question reads at most.
MAX_IN_FORCE = MAX_ROWS * 10


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
