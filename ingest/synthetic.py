"""Seeded synthetic graphs in the exchange format, for benchmarks and tests.

Actors get heavy-tailed degrees (endpoints drawn with Pareto weights), relations are spread
over the vocabulary's actor relation types and over two years of dates, and every relation
cites a document and an evidence sentence, as extracted data would.

>>> recs = list(synthetic_records(relations=50, seed=1))
>>> sum(r["kind"] == "relation" for r in recs)
50
>>> recs == list(synthetic_records(relations=50, seed=1))
True
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

ACTOR_TYPES = ("person", "organization", "state")
REL_TYPES = (
    ("mediates", 0.15),
    ("speaks_for", 0.15),
    ("demands", 0.2),
    ("rejects", 0.2),
    ("supports", 0.1),
    ("threatens", 0.05),
    ("pressures", 0.1),
    ("allied_with", 0.05),
)


def synthetic_records(
    relations: int,
    *,
    actors: int | None = None,
    seed: int = 42,
    start: date = date(2023, 1, 1),
    days: int = 730,
) -> Iterator[dict[str, Any]]:
    """Records for a graph with ``relations`` relations (documents, actors, topics first)."""
    rng = random.Random(seed)
    n_actors = actors or max(20, relations // 10)
    n_docs = max(1, relations // 20)
    n_topics = max(5, n_actors // 20)
    for d in range(n_docs):
        yield {
            "kind": "document",
            "id": f"doc-{d}",
            "title": f"Synthetic article {d}",
            "published": (start + timedelta(days=rng.randrange(days))).isoformat(),
        }
    weights = [rng.paretovariate(1.2) for _ in range(n_actors)]
    cum_weights = list(itertools.accumulate(weights))  # O(log n) draws instead of O(n)
    for a in range(n_actors):
        yield {
            "kind": "actor",
            "id": f"actor-{a}",
            "name": f"Actor {a}",
            "type": ACTOR_TYPES[a % 3],
            "aliases": [f"A{a}"],
        }
    for t in range(n_topics):
        yield {"kind": "topic", "id": f"topic-{t}", "name": f"Topic {t}", "keywords": [f"t{t}"]}
    types = [t for t, _ in REL_TYPES]
    type_cum = list(itertools.accumulate(w for _, w in REL_TYPES))
    ids = list(range(n_actors))
    for r in range(relations):
        rtype = rng.choices(types, cum_weights=type_cum)[0]
        src, dst = rng.choices(ids, cum_weights=cum_weights, k=2)
        if src == dst:
            dst = (dst + 1) % n_actors
        target = f"actor-{dst}"
        if rtype in ("demands", "rejects", "supports") and rng.random() < 0.5:
            target = f"topic-{rng.randrange(n_topics)}"
        doc = rng.randrange(n_docs)
        yield {
            "kind": "relation",
            "type": rtype,
            "source": f"actor-{src}",
            "target": target,
            "document": f"doc-{doc}",
            "evidence": f"Sentence {r} of synthetic article {doc}.",
            "date": (start + timedelta(days=rng.randrange(days))).isoformat(),
            "confidence": round(rng.uniform(0.5, 1.0), 2),
        }
