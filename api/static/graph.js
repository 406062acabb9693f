// Cytoscape setup: palette, dash patterns, node shapes, styles, and the element data the
// page builds from API answers.
/* global cytoscape, cytoscapeFcose */

import { inChunks } from "./chunks.js";

if (typeof cytoscape !== "undefined" && typeof cytoscapeFcose !== "undefined") cytoscape.use(cytoscapeFcose);

// Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), with a shape
// per actor type, so colour is never the only cue.
export const TYPE_STYLE = {
  person: { color: "#009E73", shape: "ellipse" },
  organization: { color: "#E69F00", shape: "round-rectangle" },
  state: { color: "#56B4E9", shape: "round-hexagon" },
  topic: { color: "#CC79A7", shape: "round-diamond" },
  other: { color: "#999999", shape: "ellipse" },
};
const EXTRA_TYPE_COLORS = ["#F0E442", "#0072B2", "#D55E00", "#7f7f7f"];

// The four core relation types differ in dash pattern and in colour, also under simulated
// protanopia, deuteranopia and tritanopia (CIE ΔE ≥ 30 between any two; chosen from the
// Okabe-Ito and Tol palettes); the others differ in colour.
export const RELATION_STYLE = {
  speaks_for: { color: "#0072B2", dash: null, label: "solid" },
  mediates: { color: "#E69F00", dash: [10, 5], label: "long dashes" },
  rejects: { color: "#000000", dash: [2, 4], label: "dots" },
  demands: { color: "#882255", dash: [10, 4, 2, 4], label: "dash-dot" },
  supports: { color: "#009E73", dash: null },
  threatens: { color: "#332288", dash: null },
  pressures: { color: "#CC79A7", dash: null },
  allied_with: { color: "#56B4E9", dash: null },
  owned_by: { color: "#888888", dash: null },
};
const PALETTE = ["#117733", "#44AA99", "#999933", "#AA4499", "#661100", "#6699CC", "#888888"];
export const CORE_RELATIONS = ["speaks_for", "mediates", "rejects", "demands"];

export function relationColor(type, index = 0) {
  return (RELATION_STYLE[type] || {}).color || PALETTE[index % PALETTE.length];
}
export function relationDash(type) {
  return (RELATION_STYLE[type] || {}).dash || null;
}
export function typeColor(type, index = 0) {
  return (TYPE_STYLE[type] || {}).color || EXTRA_TYPE_COLORS[index % EXTRA_TYPE_COLORS.length];
}
export function typeShape(type) {
  return (TYPE_STYLE[type] || TYPE_STYLE.other).shape;
}

/** Corners of a node shape drawn as a polygon ("x,y x,y …"), or null (circle, square). */
export function shapePoints(shape, x, y, r) {
  if (shape === "round-diamond") return `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`;
  if (shape === "round-hexagon") {
    const pts = [];
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      pts.push(`${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`);
    }
    return pts.join(" ");
  }
  return null;
}

const HEXAGON = [0, 1, 2, 3, 4, 5].map((i) => [Math.cos((Math.PI / 3) * i), Math.sin((Math.PI / 3) * i)]);
const DIAMOND = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

/** Add a node's outline to the current path of a 2D context (a subpath of its own; the
 * corners of shapePoints, without its text). */
export function traceShape(g, shape, x, y, r) {
  const corners = shape === "round-hexagon" ? HEXAGON : shape === "round-diamond" ? DIAMOND : null;
  if (corners) {
    g.moveTo(x + r * corners[0][0], y + r * corners[0][1]);
    for (let i = 1; i < corners.length; i++) g.lineTo(x + r * corners[i][0], y + r * corners[i][1]);
    g.closePath();
  } else if (shape === "round-rectangle") g.rect(x - r, y - r, 2 * r, 2 * r);
  else {
    g.moveTo(x + r, y);
    g.arc(x, y, r, 0, 2 * Math.PI);
  }
}

export const LAYOUTS = {
  fcose: "Force-directed",
  concentric: "Concentric (by degree)",
  breadthfirst: "Tree (breadth-first)",
  circle: "Circle",
  grid: "Grid",
};

export const BASE_SIZE = { Actor: 30, Topic: 24 };

function style() {
  const dashed = Object.entries(RELATION_STYLE)
    .filter(([, s]) => s.dash)
    .map(([t, s]) => ({
      selector: `edge[type = "${t}"]`,
      style: { "line-style": "dashed", "line-dash-pattern": s.dash, width: 2.2 },
    }));
  return [
    {
      selector: "node",
      style: {
        label: "data(name)",
        shape: "data(shape)",
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
        "min-zoomed-font-size": 8,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    {
      selector: "node.intermediary",
      style: { "border-width": 4, "border-color": "#7a5c00", "border-style": "double" },
    },
    { selector: "node.seed", style: { "font-weight": "bold" } },
    {
      selector: "node.pinned",
      style: { "outline-width": 2, "outline-color": "#343a40", "outline-offset": 2 },
    },
    {
      selector: "edge",
      style: {
        width: 2,
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "bezier",
        opacity: 0.9,
        "font-size": 9,
        "text-rotation": "autorotate",
        "text-outline-color": "#fff",
        "text-outline-width": 2,
        color: "#343a40",
        "min-zoomed-font-size": 8,
      },
    },
    ...dashed,
    { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
    { selector: "edge.labelled, edge:selected, edge.on-path", style: { label: "data(type)" } },
    // big views: the page draws them itself, a kind at a time (biglayer.js); Cytoscape draws
    // only the relations selected or on a path (straight, with arrowheads), and keeps the nodes
    // transparent (to click, drag and hover), drawing those selected, focused, pinned or on a path
    { selector: "edge.many", style: { display: "none", "curve-style": "straight", opacity: 1 } },
    { selector: "edge.many:selected, edge.many.on-path", style: { display: "element" } },
    { selector: ".hidden, .pending", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.3 } },
    // (no label either: the page draws the names, and measuring 1,600 labels nobody sees took
    // much of Cytoscape's frame)
    { selector: "node.many", style: { opacity: 0, label: "" } },
    { selector: "node.many:selected, node.many.on-path, node.many.kb-focus, node.many.pinned", style: { opacity: 1, label: "data(name)" } },
    {
      selector: "node.on-path",
      style: { "border-width": 3, "border-color": "#c92a2a", "border-style": "solid" },
    },
    {
      selector: "node.path-broker",
      style: {
        "border-width": 6,
        "border-color": "#7a5c00",
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
    {
      selector: "node.kb-focus",
      style: {
        "outline-width": 3,
        "outline-color": "#1864ab",
        "outline-offset": 4,
        "outline-style": "solid",
      },
    },
  ];
}

export function createCy(container) {
  return cytoscape({
    container,
    style: style(),
    minZoom: 0.03,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    motionBlur: false,
    pixelRatio: 1,
  });
}

const BIG = 1500;
const TUNE_PER_FRAME = 500;
export const MANY_EDGES = 1200;
export const LABELLED_EDGES = 60;

/** Classes of an edge in a view of `nEdges` relations (set when it is added). */
export function edgeClasses(nEdges) {
  return `${nEdges > MANY_EDGES ? "many" : ""} ${nEdges <= LABELLED_EDGES ? "labelled" : ""}`.trim();
}

/** Classes of a node in a view of `nEdges` relations (set when it is added). */
export function nodeClasses(d, nEdges) {
  return `${d.intermediary ? "intermediary" : ""} ${nEdges > MANY_EDGES ? "many" : ""}`.trim();
}

/** Make big views cheaper to draw (called after every change of the elements); `bigLayer`
 * draws views with more than MANY_EDGES relations. */
export function tuneForSize(cy, bigLayer = null) {
  const edges = cy.edges();
  const big = cy.nodes().length + edges.length > BIG;
  const r = cy.renderer();
  if (r && r.options) {
    r.options.textureOnViewport = big;
    r.options.hideEdgesOnViewport = big;
    r.textureOnViewport = big;
    r.hideEdgesOnViewport = big;
  }
  // edge labels only when the view is small enough to read them (dash patterns and the
  // legend tell types apart otherwise); straight lines when there are many
  const labelled = edges.length <= LABELLED_EDGES;
  const many = edges.length > MANY_EDGES;
  // (arrays, not collections: this runs after every change, and collections of thousands of
  // elements cost a map each)
  const change = [];
  edges.forEach((e) => {
    if (e.hasClass("labelled") !== labelled || e.hasClass("many") !== many) change.push(e);
  });
  cy.nodes().forEach((n) => {
    if (n.hasClass("many") !== many) change.push(n);
  });
  if (bigLayer && many) bigLayer.setActive(true);
  // a slice per frame: crossing the threshold restyles every element
  const done = inChunks("tune", change, TUNE_PER_FRAME, (slice) =>
    cy.batch(() => {
      for (const ele of slice) {
        if (ele.isEdge()) ele.toggleClass("labelled", labelled);
        ele.toggleClass("many", many);
      }
    }),
  );
  if (bigLayer && !many) done.then((ok) => ok && bigLayer.setActive(false));
}

/** Day number of an ISO date (for the timeline), or null. */
export function dayOf(iso) {
  if (!iso || typeof iso !== "string") return null;
  const t = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(t) ? null : Math.round(t / 86400000);
}
export function isoOfDay(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Evidence days of a relation (each piece of evidence once; undated ones left out). */
export function evidenceDays(e) {
  const days = [];
  for (const ev of e.evidence || []) {
    const d = dayOf(ev.date || ev.valid_from);
    if (d !== null) days.push(d);
  }
  return days;
}

export function edgeDates(e) {
  const days = evidenceDays(e);
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
    shape: typeShape(t),
    size: BASE_SIZE[kind] || 30,
  };
}

export function edgeData(e, ctx) {
  const evidence = e.evidence || [];
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
    evidence,
    evidence_total: Number.isInteger(e.evidence_total) ? e.evidence_total : evidence.length,
    days: evidenceDays(e),
    ...edgeDates(e),
  };
}
