"""What a report says, as plain JSON-able data, computed from a store for a window.

Definitions (also in ``docs/reports.md``):

* a relation's **first seen** date is the earliest ``date`` or ``valid_from`` of its evidence;
  a relation is **new** in a window when its first seen date falls inside it, and **ended**
  when its ``valid_to`` (the latest one over its evidence) falls inside it. Undated relations
  are never new nor ended.
* an actor's **first seen** date is the earliest of the dates of its statements (as speaker
  or as the actor spoken for) and of the first seen dates of its relations (either end); an
  actor is **new** when that date falls inside the window. Actors with no dated evidence are
  never new.
* a **stance change** is a stance relation (``demands``, ``rejects``, ``supports``,
  ``threatens``) that is new or ended in the window; a new stance lists the other stances
  the same actor held on the same target before the window (e.g. *rejects, previously
  demands*).
* a **channel** is a path between a watched pair over channel relations, as it stands at the
  end of the window: every hop needs a relation first seen on or before ``until`` (or
  undated) and not ended before ``until``. Channels are compared with the previous report
  (same pair, relations and hops) or, without one, with the state on the eve of the window.
* **brokers** are the intermediate actors on those channels, by share of paths; the
  **influence** ranking is the metric over relations observed or valid in the window.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from actorgraph.graph.errors import ActorgraphError
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import ACTOR, DOCUMENT, Relation
from actorgraph.graph.store import MAX_PATHS, MAX_ROWS, GraphStore
from actorgraph.reports.watch import Watch, WatchPair
from actorgraph.reports.window import Window

FORMAT_VERSION = 1
#: Paths looked at per watched pair (for channels and brokers).
PATHS_PER_PAIR = 200
#: Evidence items kept per relation in the report.
EVIDENCE_PER_RELATION = 5
#: Influence ranks kept in the JSON (so the next report can tell where an actor came from).
RANKS_KEPT = 50

Progress = Callable[[str], None]


def first_seen(rel: Relation) -> str | None:
    d = rel.dates
    return d[0] if d else None


def alive_on(first: str | None, valid_to: str | None, day: str) -> bool:
    """Whether a relation stands on ``day``: seen by then (or undated), not ended before."""
    return (first is None or first[:10] <= day) and (valid_to is None or valid_to[:10] >= day)


def _evidence(rel: Relation) -> list[dict[str, Any]]:
    ev = sorted(rel.evidence, key=lambda e: (e.date or e.valid_from or "", e.key))
    return [e.to_dict() for e in ev[:EVIDENCE_PER_RELATION]]


class _Refs:
    """Resolves ids to ``{id, kind, name, type, intermediary}`` dicts, once each."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.cache: dict[str, dict[str, Any]] = {}

    def load(self, ids: set[str]) -> None:
        missing = sorted(i for i in ids if i and i not in self.cache)
        if missing:
            for i, ref in self.graph.refs(missing).items():
                self.cache[i] = ref.to_dict()

    def __call__(self, node_id: str) -> dict[str, Any]:
        if node_id not in self.cache:
            self.load({node_id})
        return self.cache[node_id]


def _rank_changes(
    current: list[dict[str, Any]], previous: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """Adds ``previous_rank`` and ``change`` (positive: moved up) to each ranked row."""
    prev = {row["actor"]["id"]: row["rank"] for row in previous or []}
    for row in current:
        p = prev.get(row["actor"]["id"])
        row["previous_rank"] = p
        row["change"] = None if p is None else p - row["rank"]
        row["status"] = (
            "—"
            if previous is None
            else "new"
            if p is None
            else "up"
            if p > row["rank"]
            else "down"
            if p < row["rank"]
            else "same"
        )
    return current


def _timeline(dates: list[str], window: Window) -> dict[str, Any]:
    """Statements per day (per week when the span is over 92 days)."""
    if not dates:
        return {"unit": "day", "buckets": []}
    lo = date.fromisoformat(window.since or min(dates))
    hi = date.fromisoformat(window.until)
    weekly = (hi - lo).days > 92
    counts: Counter[str] = Counter()
    for d in dates:
        day = date.fromisoformat(d[:10])
        if weekly:
            day -= timedelta(days=day.weekday())
        counts[day.isoformat()] += 1
    step = timedelta(days=7 if weekly else 1)
    cur = lo - timedelta(days=lo.weekday()) if weekly else lo
    buckets = []
    while cur <= hi:
        buckets.append({"date": cur.isoformat(), "count": counts.get(cur.isoformat(), 0)})
        cur += step
    return {"unit": "week" if weekly else "day", "buckets": buckets}


class ReportBuilder:
    """Computes the report data; see the module docstring for the definitions."""

    def __init__(
        self,
        store: GraphStore,
        window: Window,
        watch: Watch | None = None,
        previous: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.graph = Graph(store)
        self.schema = store.schema
        self.window = window
        self.watch = watch or Watch()
        self.previous = previous
        self.progress = progress or (lambda _step: None)
        self.refs = _Refs(self.graph)
        self.truncated = False

    # ------------------------------------------------------------------ entry point
    def build(self, *, report_id: str | None = None, created: datetime | None = None) -> dict:
        created = created or datetime.now(UTC)
        w = self.window
        self.progress("reading relations and statements")
        rels = self.store.relations(types=self.schema.fact_types, limit=MAX_ROWS)
        statements, n_statements = self.store.statements(limit=MAX_ROWS)
        self.truncated = len(rels) >= MAX_ROWS or n_statements > len(statements)
        ids = {i for r in rels for i in (r.source, r.target)}
        ids |= {i for s in statements for i in (s.speaker, s.on_behalf_of, *s.about) if i}
        self.refs.load(ids)

        in_window = [s for s in statements if w.contains(s.date)]
        self.progress("new actors, relations and stances")
        data: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "id": report_id,
            "created": created.isoformat(timespec="seconds"),
            "window": w.to_dict(),
            "store": self.store.describe(),
            "previous": self._previous_meta(),
            "summary": self._summary(rels, in_window),
            "new_actors": self._new_actors(rels, statements),
            "relations": self._relation_changes(rels),
            "statements": self._statements(in_window),
            "timeline": _timeline([s.date for s in in_window if s.date], w),
            "stances": self._stances(rels),
            # documents retracted in the window (graph.curation): what went with them
            "retractions": [
                r for r in self.graph.retractions() if w.contains(str(r.get("at", ""))[:10])
            ],
        }
        self.progress("channels and brokers")
        data["channels"] = [self._channel(p) for p in self.watch.pairs]
        self.progress("influence ranking")
        data["influence"] = self._influence()
        data["truncated"] = self.truncated
        data["empty"] = not (
            data["new_actors"]
            or data["relations"]["new_count"]
            or data["relations"]["ended_count"]
            or in_window
            or data["retractions"]
            or any(c.get("new_paths") or c.get("lost_paths") for c in data["channels"])
        )
        return data

    def _previous_meta(self) -> dict[str, Any] | None:
        p = self.previous
        if not p:
            return None
        return {"id": p.get("id"), "created": p.get("created"), "window": p.get("window")}

    # ------------------------------------------------------------------ sections
    def _summary(self, rels: list[Relation], in_window: list[Any]) -> dict[str, Any]:
        w = self.window
        docs = self.store.list_nodes(DOCUMENT, limit=MAX_ROWS)
        doc_ids = {d.id for d in docs if w.contains(d.published)}
        doc_ids |= {s.document for s in in_window if s.document}
        active_rels = [r for r in rels if r.in_window(w.since, w.until)]
        actors = {i for s in in_window for i in (s.speaker, s.on_behalf_of) if i}
        for r in active_rels:
            actors.add(r.source)
            if r.target_kind == ACTOR:
                actors.add(r.target)
        total = self.store.counts()
        return {
            "window": {
                "documents": len(doc_ids),
                "statements": len(in_window),
                "actors": len(actors),
                "relations": dict(sorted(Counter(r.type for r in active_rels).items())),
            },
            "total": {
                "documents": total["nodes"].get(DOCUMENT, 0),
                "statements": total["nodes"].get("Statement", 0),
                "actors": total["nodes"].get(ACTOR, 0),
                "relations": dict(sorted(total["relations"].items())),
            },
        }

    def _new_actors(self, rels: list[Relation], statements: list[Any]) -> list[dict[str, Any]]:
        first: dict[str, tuple[str, str]] = {}

        def see(actor: str, day: str | None, via: str) -> None:
            if day and (actor not in first or day[:10] < first[actor][0]):
                first[actor] = (day[:10], via)

        for s in statements:
            see(s.speaker, s.date, "statement")
            if s.on_behalf_of:
                see(s.on_behalf_of, s.date, "statement")
        for r in rels:
            fs = first_seen(r)
            see(r.source, fs, f"relation {r.type}")
            if r.target_kind == ACTOR:
                see(r.target, fs, f"relation {r.type}")
        out: list[dict[str, Any]] = [
            {"actor": self.refs(a), "first_seen": d, "via": via}
            for a, (d, via) in first.items()
            if self.window.contains(d) and self.refs(a)["kind"] == ACTOR
        ]
        out.sort(key=lambda x: (x["first_seen"], x["actor"]["name"].casefold()))
        return out

    def _rel(self, r: Relation) -> dict[str, Any]:
        return {
            "type": r.type,
            "key": r.key,
            "source": self.refs(r.source),
            "target": self.refs(r.target),
            "first_seen": first_seen(r),
            "valid_to": r.valid_to,
            "confidence": r.confidence,
            "evidence": _evidence(r),
            "evidence_count": len(r.evidence),
        }

    @staticmethod
    def _by_type(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for x in items:
            out[x["type"]].append(x)
        for v in out.values():
            v.sort(key=lambda x: (x["source"]["name"].casefold(), x["target"]["name"].casefold()))
        return dict(sorted(out.items()))

    def _relation_changes(self, rels: list[Relation]) -> dict[str, Any]:
        w = self.window
        new = [self._rel(r) for r in rels if w.contains(first_seen(r))]
        ended = [self._rel(r) for r in rels if w.contains(r.valid_to)]
        return {
            "new": self._by_type(new),
            "ended": self._by_type(ended),
            "new_count": len(new),
            "ended_count": len(ended),
        }

    def _statements(self, in_window: list[Any]) -> list[dict[str, Any]]:
        docs = self.store.get_nodes(DOCUMENT, sorted({s.document for s in in_window if s.document}))
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in sorted(in_window, key=lambda s: (s.date or "", s.id)):
            d = docs.get(s.document) if s.document else None
            groups[s.speaker].append(
                {
                    "id": s.id,
                    "date": s.date,
                    "text": s.text,
                    "quote": s.quote,
                    "on_behalf_of": self.refs(s.on_behalf_of) if s.on_behalf_of else None,
                    "about": [self.refs(t) for t in s.about],
                    "document": {"id": d.id, "title": d.title, "url": d.url} if d else None,
                    "evidence": s.evidence,
                }
            )
        out: list[dict[str, Any]] = [
            {"actor": self.refs(a), "count": len(items), "statements": items}
            for a, items in groups.items()
        ]
        out.sort(key=lambda x: (-x["count"], x["actor"]["name"].casefold()))
        return out

    def _stances(self, rels: list[Relation]) -> list[dict[str, Any]]:
        w = self.window
        stance_types = set(self.schema.stance_types)
        stance_rels = [r for r in rels if r.type in stance_types]
        by_pair: dict[tuple[str, str], list[Relation]] = defaultdict(list)
        for r in stance_rels:
            by_pair[(r.source, r.target)].append(r)
        topics: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in stance_rels:
            fs = first_seen(r)
            for change, hit in (("new", w.contains(fs)), ("ended", w.contains(r.valid_to))):
                if not hit:
                    continue
                before = []
                if change == "new":
                    for o in by_pair[(r.source, r.target)]:
                        ofs = first_seen(o)
                        if o.type != r.type and ofs and ofs < (w.since or fs or ""):
                            before.append(o.type)
                topics[r.target].append(
                    {
                        "change": change,
                        "type": r.type,
                        "actor": self.refs(r.source),
                        "first_seen": fs,
                        "valid_to": r.valid_to,
                        "previously": sorted(set(before)),
                        "evidence": _evidence(r),
                    }
                )
        out: list[dict[str, Any]] = []
        for t, items in topics.items():
            items.sort(key=lambda x: (x["change"] != "new", x["actor"]["name"].casefold()))
            out.append({"target": self.refs(t), "changes": items})
        out.sort(key=lambda x: x["target"]["name"].casefold())
        return out

    # ------------------------------------------------------------------ channels and brokers
    def _paths_at(self, result: Any, day: str) -> list[dict[str, Any]]:
        out = []
        for p in result.paths:
            hops = []
            for h in p.hops:
                alive = [
                    rel
                    for rel in h.relations
                    if alive_on(rel.get("first_seen"), rel.get("valid_to"), day)
                ]
                if not alive:
                    break
                hops.append(
                    {
                        "source": h.source,
                        "target": h.target,
                        "relations": [
                            {
                                "type": rel["type"],
                                "direction": rel["direction"],
                                "first_seen": rel.get("first_seen"),
                                "valid_to": rel.get("valid_to"),
                                "evidence": (rel.get("evidence") or [{}])[0].get("sentence"),
                            }
                            for rel in alive
                        ],
                    }
                )
            else:
                out.append(
                    {
                        "nodes": [n.id for n in p.nodes],
                        "names": [n.name for n in p.nodes],
                        "length": len(p.hops),
                        "hops": hops,
                    }
                )
        return out

    def _previous_channel(self, key: str) -> dict[str, Any] | None:
        for c in (self.previous or {}).get("channels") or []:
            if c.get("key") == key and "error" not in c:
                return c  # type: ignore[no-any-return]
        return None

    def _channel(self, pair: WatchPair) -> dict[str, Any]:
        entry: dict[str, Any] = {"key": pair.key, "watch": pair.to_dict()}
        try:
            result = self.graph.paths(
                pair.source,
                pair.target,
                relations=list(pair.relations) or None,
                max_hops=pair.max_hops,
                limit=min(PATHS_PER_PAIR, MAX_PATHS),
            )
        except ActorgraphError as exc:
            entry["error"] = str(exc)
            entry["source"] = {"id": pair.source, "name": pair.source}
            entry["target"] = {"id": pair.target, "name": pair.target}
            return entry
        paths = self._paths_at(result, self.window.until)
        entry.update(
            source=result.source.to_dict(),
            target=result.target.to_dict(),
            relations=result.relations,
            truncated=result.truncated,
            paths=paths,
        )
        prev = self._previous_channel(pair.key)
        if prev is not None:
            entry["baseline"] = f"previous report {self.previous.get('id') or ''}".strip()  # type: ignore[union-attr]
            before = prev.get("paths") or []
        elif self.window.start_eve is not None:
            entry["baseline"] = f"the eve of the window ({self.window.start_eve})"
            before = self._paths_at(result, self.window.start_eve)
        else:
            entry["baseline"] = None
            before = None
        if before is not None:
            now_keys = {tuple(p["nodes"]) for p in paths}
            old_keys = {tuple(p["nodes"]) for p in before}
            entry["new_paths"] = [p for p in paths if tuple(p["nodes"]) not in old_keys]
            entry["lost_paths"] = [p for p in before if tuple(p["nodes"]) not in now_keys]
        else:
            entry["new_paths"], entry["lost_paths"] = [], []
        entry["brokers"] = self._brokers(paths, prev)
        return entry

    def _brokers(
        self, paths: list[dict[str, Any]], prev: dict[str, Any] | None
    ) -> list[dict[str, Any]]:
        if not paths:
            return _rank_changes([], prev.get("brokers") if prev else None)
        counts: Counter[str] = Counter()
        for p in paths:
            counts.update(set(p["nodes"][1:-1]))
        ranked = sorted(
            counts.items(), key=lambda kv: (-kv[1], self.refs(kv[0])["name"].casefold(), kv[0])
        )
        rows = [
            {
                "rank": n,
                "actor": self.refs(a),
                "paths": c,
                "share": round(c / len(paths), 6),
            }
            for n, (a, c) in enumerate(ranked[: self.watch.top], 1)
        ]
        return _rank_changes(rows, prev.get("brokers") if prev else None)

    # ------------------------------------------------------------------ influence
    def _influence(self) -> dict[str, Any]:
        w = self.window
        scores = self.graph.influence(
            self.watch.metric,
            relations=list(self.watch.influence_relations) or None,
            since=w.since,
            until=w.until,
            top=max(RANKS_KEPT, self.watch.top),
        )
        rows = [s.to_dict() for s in scores]
        prev_inf = (self.previous or {}).get("influence") or {}
        comparable = (
            self.previous is not None
            and prev_inf.get("metric") == self.watch.metric
            and prev_inf.get("relations") == list(self.watch.influence_relations)
        )
        prev_rows = prev_inf.get("ranking") if comparable else None
        _rank_changes(rows, prev_rows)
        top_ids = {r["actor"]["id"] for r in rows[: self.watch.top]}
        dropped = [
            {"actor": r["actor"], "previous_rank": r["rank"]}
            for r in (prev_rows or [])[: self.watch.top]
            if r["actor"]["id"] not in top_ids
        ]
        return {
            "metric": self.watch.metric,
            "relations": list(self.watch.influence_relations),
            "top": self.watch.top,
            "compared": comparable,
            "ranking": rows,
            "dropped": dropped,
        }


def build_report(
    store: GraphStore,
    window: Window,
    watch: Watch | None = None,
    previous: dict[str, Any] | None = None,
    *,
    report_id: str | None = None,
    created: datetime | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The report data for ``window`` (JSON-able); ``previous`` is the last report's data."""
    return ReportBuilder(store, window, watch, previous, progress).build(
        report_id=report_id, created=created
    )
