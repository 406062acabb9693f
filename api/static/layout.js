// Layouts of the view: computed in a Web Worker (layout-worker.js), applied here.
//
// New or newly revealed nodes are first placed around the neighbours already on screen
// (never all on one spot), then an incremental layout settles them; a full layout starts
// from scratch. Views up to FCOSE_MAX nodes use fCoSE, bigger ones d3-force; a newer layout
// request replaces a running one.

import { inChunks } from "./chunks.js";

/** Not hidden by the filters (a function: `.not(".hidden")` matches a selector over every
 * element and builds two collections). */
export const shown = (ele) => !ele.hasClass("hidden");

const FCOSE_MAX = 400;
const POSITIONS_PER_FRAME = 200;
const ANIMATE_BELOW = 250;
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

// Which nodes are placed is kept here, by element (an element removed and added again is a
// new one), not in Cytoscape's scratch: setting scratch restyles the element, and marking the
// 1,600 nodes of a big view after a layout was one task of 100-250 ms.
const placed = new WeakSet();
const spotted = new WeakSet();
const one = (n) => n[0] || n;

/** Laid out (or positioned by the person or a link). */
export const isPlaced = (n) => placed.has(one(n));
/** Has a position at all: laid out, or put near its neighbours until the next layout. */
const hasSpot = (n) => placed.has(one(n)) || spotted.has(one(n));
/** Mark nodes (a collection or an array) as placed. */
export function markPlaced(nodes) {
  nodes.forEach((n) => placed.add(one(n)));
}

/**
 * Give every node of `nodes` that has no position yet one near its neighbours that have
 * (or, with none, on a spiral beside what is already drawn), until a layout settles them.
 * Returns how many were given a spot.
 */
export function placeNew(cy, nodes) {
  const todo = nodes.filter((n) => !hasSpot(n));
  if (todo.empty()) return 0;
  // the box of what is drawn, from positions (Cytoscape's boundingBox() measures each
  // node's style and label: a long task on big views)
  const bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  cy.nodes().forEach((n) => {
    if (!hasSpot(n) || n.hasClass("hidden")) return;
    const p = n.position();
    const r = (n.data("size") || 30) / 2;
    bb.x1 = Math.min(bb.x1, p.x - r);
    bb.y1 = Math.min(bb.y1, p.y - r);
    bb.x2 = Math.max(bb.x2, p.x + r);
    bb.y2 = Math.max(bb.y2, p.y + r);
  });
  if (bb.x1 === Infinity) Object.assign(bb, { x1: 0, y1: 0, x2: 0, y2: 0 });
  bb.w = bb.x2 - bb.x1;
  bb.h = bb.y2 - bb.y1;
  const cx = (bb.x1 + bb.x2) / 2;
  const cy0 = (bb.y1 + bb.y2) / 2;
  const around = new Map(); // anchor id -> how many placed around it so far
  let lonely = 0;
  cy.batch(() => {
    todo.forEach((n) => {
      const anchors = n.neighborhood("node").filter((m) => hasSpot(m));
      let x;
      let y;
      if (anchors.nonempty()) {
        let sx = 0;
        let sy = 0;
        anchors.forEach((m) => {
          const p = m.position();
          sx += p.x;
          sy += p.y;
        });
        const key = anchors[0].id();
        const k = (around.get(key) || 0) + 1;
        around.set(key, k);
        const r = 45 + 14 * Math.sqrt(k);
        x = sx / anchors.length + r * Math.cos(k * GOLDEN);
        y = sy / anchors.length + r * Math.sin(k * GOLDEN);
      } else {
        lonely += 1;
        const r = Math.max(bb.w, bb.h) / 2 + 60 + 22 * Math.sqrt(lonely);
        x = cx + r * Math.cos(lonely * GOLDEN);
        y = cy0 + r * Math.sin(lonely * GOLDEN);
      }
      n.position({ x, y });
      spotted.add(one(n));
    });
  });
  return todo.length;
}

export class LayoutRunner {
  constructor(cy, { onProgress = () => {}, onBusy = () => {} } = {}) {
    this.cy = cy;
    this.onProgress = onProgress;
    this.onBusy = onBusy;
    this.worker = null;
    this.seq = 0;
    this.pending = null; // {id, resolve}
    this.lastMs = 0;
  }

  get running() {
    return this.pending !== null;
  }

  _worker() {
    if (this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL("layout-worker.js", import.meta.url));
    } catch {
      this.worker = null;
      return null;
    }
    this.worker.onmessage = (ev) => this._message(ev.data);
    this.worker.onerror = (ev) => {
      console.error("layout worker:", ev.message);
      this._finish(null);
    };
    return this.worker;
  }

  _message(msg) {
    if (!this.pending || msg.id !== this.pending.id) return;
    if (msg.progress !== undefined) {
      this.onProgress(msg.progress, this.pending.n);
      return;
    }
    if (msg.error) console.error("layout:", msg.error);
    this.lastMs = msg.ms || 0;
    this._finish(msg.positions || null);
  }

  _finish(positions) {
    const p = this.pending;
    this.pending = null;
    this.onBusy(false);
    if (p) p.resolve(positions);
  }

  /** Stop a running layout (its result is dropped). */
  cancel() {
    if (!this.pending) return;
    this.worker.terminate();
    this.worker = null;
    this._finish(null);
  }

  /**
   * Lay out the visible nodes. `name`: a LAYOUTS key; `incremental`: start from where
   * nodes are; `pins`: {id: {x, y}} that stay put; `roots`: ids for the tree layout.
   * Resolves to true when positions were applied (false when replaced or failed).
   */
  async run({ name = "fcose", incremental = false, pins = {}, roots = [], animate = true, fit = true } = {}) {
    const cy = this.cy;
    const visible = cy.nodes().filter(shown);
    if (visible.empty()) return false;
    this.cancel();
    placeNew(cy, visible);
    const nodes = visible.map((n) => {
      const p = n.position();
      const pin = pins[n.id()];
      return { id: n.id(), size: n.data("size") || 30, x: pin ? pin.x : p.x, y: pin ? pin.y : p.y, fixed: !!pin };
    });
    const edges = cy
      .edges()
      .filter(shown)
      .map((e) => ({ source: e.data("source"), target: e.data("target") }));
    const engine = name === "fcose" ? (nodes.length <= FCOSE_MAX ? "fcose" : "force") : "cy";
    const worker = this._worker();
    if (!worker) return false;
    const id = ++this.seq;
    const positions = await new Promise((resolve) => {
      this.pending = { id, resolve, n: nodes.length };
      this.onBusy(true, nodes.length);
      worker.postMessage({ id, engine, name, nodes, edges, incremental, roots });
    });
    if (!positions || id !== this.seq) return false;
    const byId = new Map();
    nodes.forEach((n, i) => byId.set(n.id, { x: positions[2 * i], y: positions[2 * i + 1] }));
    // the layout's frame is arbitrary: keep pinned nodes exactly where they were pinned
    const eles = cy.nodes().filter((n) => byId.has(n.id()));
    if (animate && nodes.length < ANIMATE_BELOW) {
      await new Promise((resolve) => {
        const l = eles.layout({
          name: "preset",
          positions: (n) => byId.get(n.id()),
          animate: true,
          animationDuration: 300,
          fit,
          padding: 40,
        });
        l.one("layoutstop", resolve);
        l.run();
      });
    } else {
      // big views: a slice of the nodes moves per frame (moving them all at once is one
      // long task of restyling and redrawing); the viewport is fitted to where they go first
      if (fit) fitView(cy, 40, byId);
      const done = await inChunks("positions", eles, POSITIONS_PER_FRAME, (slice) => cy.batch(() => slice.positions((n) => byId.get(n.id()))));
      if (!done || id !== this.seq) return false;
    }
    markPlaced(eles);
    return true;
  }
}

/**
 * Fit the visible nodes, never zooming in so far that one node fills the screen. Computed
 * from node positions (Cytoscape's own fit measures every edge and label: slow on big views),
 * or from `positions` (a Map id -> {x, y}) where the nodes are about to go.
 */
export function fitView(cy, padding = 40, positions = null) {
  const nodes = cy.nodes().filter(shown);
  if (nodes.empty()) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  nodes.forEach((n) => {
    const p = (positions && positions.get(n.id())) || n.position();
    const r = (n.data("size") || 30) / 2;
    x1 = Math.min(x1, p.x - r);
    x2 = Math.max(x2, p.x + r);
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 16); // the label under the node
  });
  const w = cy.width();
  const h = cy.height();
  let zoom = Math.min((w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1));
  zoom = Math.max(cy.minZoom(), Math.min(1.6, zoom));
  cy.viewport({ zoom, pan: { x: w / 2 - zoom * (x1 + x2) / 2, y: h / 2 - zoom * (y1 + y2) / 2 } });
}
