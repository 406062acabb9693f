// Cytoscape setup: styles, colors, layouts and merging API subgraphs into the view.
/* global cytoscape, cytoscapeFcose */

if (typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);

export const TYPE_COLORS = {
  state: "#4e79a7",
  organization: "#f28e2b",
  person: "#59a14f",
  topic: "#b07aa1",
  other: "#9c9c9c",
};
const EXTRA_TYPE_COLORS = ["#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"];

// Relation colors: fixed for the usual types, the rest from a palette in schema order.
const RELATION_COLORS = {
  speaks_for: "#2b8a3e",
  mediates: "#d4a017",
  rejects: "#c92a2a",
  demands: "#e8590c",
  threatens: "#862e9c",
  supports: "#1971c2",
  allied_with: "#0b7285",
  pressures: "#a61e4d",
  owned_by: "#868e96",
};
const PALETTE = ["#5c940d", "#364fc7", "#e64980", "#087f5b", "#f08c00", "#495057", "#9c36b5"];

export function relationColor(type, index = 0) {
  return RELATION_COLORS[type] || PALETTE[index % PALETTE.length];
}
export function typeColor(type, index = 0) {
  return TYPE_COLORS[type] || EXTRA_TYPE_COLORS[index % EXTRA_TYPE_COLORS.length];
}

export const LAYOUTS = {
  fcose: "Force-directed (fCoSE)",
  cose: "Force-directed (CoSE)",
  concentric: "Concentric (by degree)",
  breadthfirst: "Tree (breadth-first)",
  circle: "Circle",
  grid: "Grid",
};

function style() {
  return [
    {
      selector: "node",
      style: {
        label: "data(name)",
        "background-color": "data(color)",
        width: "data(size)",
        height: "data(size)",
        "font-size": 11,
        "font-family": "system-ui, sans-serif",
        color: "#212529",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 130,
        "text-outline-color": "#fff",
        "text-outline-width": 2,
        "min-zoomed-font-size": 7,
        "border-width": 1,
        "border-color": "#fff",
      },
    },
    { selector: 'node[kind = "Topic"]', style: { shape: "round-diamond" } },
    {
      selector: "node.intermediary",
      style: { "border-width": 4, "border-color": "#d4a017", "border-style": "double" },
    },
    { selector: "node.seed", style: { "font-weight": "bold" } },
    {
      selector: "node.pinned",
      style: { "outline-width": 2, "outline-color": "#495057", "outline-offset": 2 },
    },
    {
      selector: "edge",
      style: {
        width: 1.6,
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "bezier",
        opacity: 0.85,
        "font-size": 9,
        "text-rotation": "autorotate",
        "text-outline-color": "#fff",
        "text-outline-width": 2,
        color: "#495057",
        "min-zoomed-font-size": 8,
      },
    },
    { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
    { selector: "edge.labelled, edge:selected, edge.on-path", style: { label: "data(type)" } },
    { selector: ".hidden", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.3 } },
    {
      selector: "node.on-path",
      style: { "border-width": 3, "border-color": "#e03131", "border-style": "solid" },
    },
    {
      selector: "node.path-broker",
      style: {
        "border-width": 6,
        "border-color": "#d4a017",
        "border-style": "double",
        "underlay-color": "#ffd43b",
        "underlay-opacity": 0.55,
        "underlay-padding": 8,
        "underlay-shape": "ellipse",
        "font-weight": "bold",
      },
    },
    { selector: "edge.on-path", style: { width: 4, opacity: 1, "z-index": 10 } },
    {
      selector: ":selected",
      style: { "overlay-color": "#1c7ed6", "overlay-opacity": 0.18, "overlay-padding": 6 },
    },
    { selector: "edge:selected", style: { width: 4 } },
  ];
}

export function createCy(container) {
  return cytoscape({
    container,
    style: style(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    // keep panning and zooming smooth on big views
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    motionBlur: false,
    pixelRatio: "auto",
  });
}

/** Make big views cheaper to draw (called after every merge). */
export function tuneForSize(cy) {
  const n = cy.elements().length;
  const big = n > 1500;
  const r = cy.renderer();
  if (r && r.options) {
    r.options.textureOnViewport = big;
    r.options.hideEdgesOnViewport = big;
    r.textureOnViewport = big;
    r.hideEdgesOnViewport = big;
  }
  // edge labels only when the view is small enough to read them
  cy.edges().toggleClass("labelled", cy.edges().length <= 60);
}

/** Day number of an ISO date (for the time slider), or null. */
export function dayOf(iso) {
  if (!iso || typeof iso !== "string") return null;
  const t = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(t) ? null : Math.round(t / 86400000);
}
export function isoOfDay(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function edgeDates(e) {
  const days = [];
  for (const ev of e.evidence || []) {
    const d = dayOf(ev.date);
    if (d !== null) days.push(d);
  }
  for (const k of ["first_seen", "last_seen"]) {
    const d = dayOf(e[k]);
    if (d !== null) days.push(d);
  }
  if (!days.length) return { dmin: null, dmax: null };
  return { dmin: Math.min(...days), dmax: Math.max(...days) };
}

export function edgeId(e) {
  return e.id || `${e.type}|${e.source}|${e.target}`;
}

export function nodeData(n, ctx) {
  const kind = n.kind || "Actor";
  const t = kind === "Topic" ? "topic" : n.type || "other";
  return {
    id: n.id,
    name: n.name || n.id,
    kind,
    type: t,
    intermediary: !!n.intermediary,
    color: ctx.typeColor(t),
    size: kind === "Topic" ? 24 : 30,
  };
}

export function edgeData(e, ctx) {
  return {
    id: edgeId(e),
    source: e.source,
    target: e.target,
    type: e.type,
    color: ctx.relationColor(e.type),
    symmetric: !!ctx.symmetric(e.type),
    confidence: e.confidence,
    first_seen: e.first_seen || null,
    last_seen: e.last_seen || null,
    evidence: e.evidence || [],
    ...edgeDates(e),
  };
}
