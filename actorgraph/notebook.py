"""The notebook API: ``import actorgraph; g = actorgraph.open(...)``.

A thin handle over the one query facade (:class:`actorgraph.graph.facade.Graph`) for
researchers in Jupyter: the same questions as the CLI and the API, answered as Python
objects, networkx graphs and pandas data frames. Frames need pandas, an optional dependency
(``pip install 'actorgraph[notebook]'``); everything else works without it.

.. code-block:: python

    import actorgraph

    with actorgraph.open("my-store") as g:  # or "bolt://...", neo4j_password="..."
        g.ingest("examples/ceasefire-2024/records.jsonl")
        g.paths("United States", "Hamas", as_of="2024-05-15")
        df = g.relations_frame()

``examples/research.ipynb`` works through a question with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.graph.exports.tables import TABLES, iter_rows
from actorgraph.graph.facade import Graph
from actorgraph.graph.open import decisions_path, open_store
from actorgraph.settings import Settings, load_settings

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from actorgraph.graph.model import Broker, PathResult
    from actorgraph.ingest.loader import IngestReport


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:  # an optional dependency
        raise ImportError(
            "data frames need pandas: pip install 'actorgraph[notebook]' (or pandas)"
        ) from None
    return pd


class OpenGraph:
    """A graph opened for a notebook; close it (or use ``with``) when done.

    Every method takes the options of the CLI command of the same name (``relations``,
    ``since``, ``until``, ``as_of``...). ``graph`` is the facade itself, for anything else.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = open_store(settings)
        self.graph = Graph(self.store)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.graph.close()
        self.store.close()

    def __enter__(self) -> OpenGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<actorgraph {self.store.describe()}>"

    # ------------------------------------------------------------------ loading
    def ingest(self, *paths: str | Path, date: str | None = None) -> list[IngestReport]:
        """Load record files or articles, as ``actorgraph ingest`` does (duplicate-review
        merges applied)."""
        from actorgraph.ingest.inputs import expand
        from actorgraph.ingest.service import Ingest

        ingest = Ingest(
            self.store,
            self.settings,
            batch_size=self.settings.batch_size,
            decisions=decisions_path(self.settings),
        )
        return [ingest.file(p, date=date) for p in expand([Path(x) for x in paths])]

    # ------------------------------------------------------------------ questions
    def stats(self) -> dict[str, Any]:
        """Counts of nodes, relations and evidence."""
        return self.graph.stats()

    def paths(self, source: str, target: str, **options: Any) -> PathResult:
        """Communication paths between two actors, best first (see ``actorgraph paths``)."""
        return self.graph.paths(source, target, **options)

    def brokers(self, source: str, target: str, **options: Any) -> list[Broker]:
        """Actors on the best paths between two actors, by share of those paths."""
        return self.graph.brokers(source, target, **options)

    def brokerage(self, group_by: Any = "type", **options: Any) -> pd.DataFrame:
        """Gould–Fernandez brokerage roles and Burt's constraint, one row per actor and
        window: ``raw_<role>`` counts and ``z_<role>`` z-scores (as R's sna::brokerage).
        ``group_by``: ``type``, ``intermediary`` or a mapping from actor to group."""
        pd = _pandas()
        data = self.graph.brokerage(group_by, **options)
        rows = []
        for w in data["windows"]:
            for a in w["actors"]:
                row = {
                    "since": w["since"],
                    "until": w["until"],
                    "as_of": w["as_of"],
                    "actor": a["actor"]["id"],
                    "name": a["actor"]["name"],
                    "group": a["group"],
                }
                row.update({f"raw_{k}": v for k, v in a["raw"].items()})
                row.update({f"z_{k}": v for k, v in a["z"].items()})
                row.update({k: a[k] for k in ("constraint", "effective_size", "efficiency")})
                rows.append(row)
        return pd.DataFrame(rows)

    def stances(self, topic: str | None = None, **options: Any) -> list[dict[str, Any]]:
        """Who demands or rejects what (``as_of``: the stances held that day)."""
        items, _total = self.graph.stances(topic, **options)
        return items

    def to_networkx(
        self,
        relations: list[str] | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
    ) -> nx.MultiDiGraph:
        """The actor graph for your own analyses: actors (``name``, ``type``) and one edge
        per relation (``type``, ``confidence``), observed in the window or in force on
        ``as_of``."""
        return self.graph.projection(relations, since=since, until=until, as_of=as_of)

    def relations_frame(
        self, relations: list[str] | None = None, *, as_of: str | None = None
    ) -> pd.DataFrame:
        """One row per piece of evidence, the columns of the ``relations`` table export
        (both ends' ids and names, type, date, validity, document, sentence, confidence);
        only these relation types, and only the relations in force on ``as_of``."""
        pd = _pandas()
        columns = [c.name for c in TABLES["relations"]]
        keep: set[str] | None = None
        if as_of is not None:
            types = relations or self.store.schema.fact_types
            keep = {r.key for r in self.graph.relations_in_force(types, as_of)}
        wanted = set(relations) if relations else None
        rows = [
            row
            for table, row in iter_rows(self.store.iter_records())
            if table == "relations"
            and (wanted is None or row["type"] in wanted)
            and (keep is None or row["key"] in keep)
        ]
        return pd.DataFrame(rows, columns=columns)


def open_graph(store: str | Path | None = None, **settings: Any) -> OpenGraph:
    """Open a store: a directory (the embedded store, created if missing) or a Neo4j URI;
    other settings as keywords (``neo4j_password=...``) or from ``ACTORGRAPH_*``."""
    return OpenGraph(load_settings(store=None if store is None else str(store), **settings))
