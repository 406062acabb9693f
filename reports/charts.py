"""The report's pictures: the network of the window's changes and statements over time.

Drawn with matplotlib (Agg, no display needed) over networkx; each returns PNG bytes, or
``None`` when there is nothing to draw.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

import matplotlib

matplotlib.use("Agg")

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

NEW, ENDED = "#2a9d8f", "#e63946"
ACTOR_COLOR, INTERMEDIARY_COLOR, TOPIC_COLOR = "#457b9d", "#f4a261", "#e9c46a"
#: At most this many changed relations are drawn (the report lists all of them).
MAX_EDGES = 80


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _label(name: str) -> str:
    return "\n".join(textwrap.wrap(name, 18, max_lines=2, placeholder="…"))


def network_png(data: dict[str, Any]) -> bytes | None:
    """New relations (solid, green) and ended ones (dashed, red) among their ends."""
    changes: list[tuple[dict[str, Any], str]] = []
    for kind in ("new", "ended"):
        for items in data["relations"][kind].values():
            changes.extend((r, kind) for r in items)
    if not changes:
        return None
    changes = changes[:MAX_EDGES]
    g = nx.MultiDiGraph()
    for r, kind in changes:
        for end in (r["source"], r["target"]):
            g.add_node(
                end["id"], name=end["name"], kind=end.get("kind"), inter=end.get("intermediary")
            )
        g.add_edge(r["source"]["id"], r["target"]["id"], type=r["type"], change=kind)
    n = g.number_of_nodes()
    pos = nx.spring_layout(nx.Graph(g), seed=7, k=2.2 / max(n, 1) ** 0.5, iterations=300)
    fig = Figure(figsize=(10, 6.5 if n < 20 else 9))
    ax = fig.add_subplot()
    ax.set_axis_off()
    colors = [
        TOPIC_COLOR if d["kind"] == "Topic" else INTERMEDIARY_COLOR if d["inter"] else ACTOR_COLOR
        for _, d in g.nodes(data=True)
    ]
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colors, node_size=520, alpha=0.9)
    nx.draw_networkx_labels(
        g, pos, ax=ax, labels={i: _label(d["name"]) for i, d in g.nodes(data=True)}, font_size=8
    )
    for kind, color, style in (("new", NEW, "solid"), ("ended", ENDED, "dashed")):
        edges = [(u, v) for u, v, d in g.edges(data=True) if d["change"] == kind]
        if edges:
            nx.draw_networkx_edges(
                g,
                pos,
                ax=ax,
                edgelist=edges,
                edge_color=color,
                style=style,
                width=1.8,
                arrows=True,
                arrowsize=14,
                node_size=520,
                connectionstyle="arc3,rad=0.08",
            )
    labels: dict[tuple[str, str], str] = {}
    for u, v, d in g.edges(data=True):
        labels[(u, v)] = ", ".join(x for x in (labels.get((u, v)), d["type"]) if x)
    nx.draw_networkx_edge_labels(g, pos, ax=ax, edge_labels=labels, font_size=7, alpha=0.8)
    ax.legend(
        handles=[
            Line2D([], [], color=NEW, lw=2, label="new relation"),
            Line2D([], [], color=ENDED, lw=2, ls="--", label="ended relation"),
            Line2D([], [], marker="o", ls="", color=ACTOR_COLOR, label="actor"),
            Line2D([], [], marker="o", ls="", color=INTERMEDIARY_COLOR, label="intermediary"),
            Line2D([], [], marker="o", ls="", color=TOPIC_COLOR, label="topic"),
        ],
        loc="lower left",
        fontsize=8,
        frameon=False,
    )
    ax.set_title(f"Changes in {data['window']['label']}", fontsize=11)
    ax.margins(0.12)
    return _png(fig)


def statements_png(data: dict[str, Any]) -> bytes | None:
    """Bars of statements per day (or week) in the window."""
    buckets = data["timeline"]["buckets"]
    if not any(b["count"] for b in buckets):
        return None
    fig = Figure(figsize=(10, 3.2))
    ax = fig.add_subplot()
    xs = list(range(len(buckets)))
    ax.bar(xs, [b["count"] for b in buckets], color=ACTOR_COLOR, width=0.8)
    step = max(1, len(buckets) // 14)
    ax.set_xticks(xs[::step], [b["date"] for b in buckets][::step], rotation=35, ha="right")
    ax.set_ylabel(f"statements per {data['timeline']['unit']}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Statements over time", fontsize=11)
    return _png(fig)
