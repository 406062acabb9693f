// Big views drawn in one pass per relation type and per kind of node.
//
// Cytoscape draws and restyles element by element: on a view of 1,600 nodes and 6,000
// relations, any change (one class on one node) costs a frame of 100–500 ms on the main
// thread in software rendering (headless chromium, laptops without a GPU). Over MANY_EDGES
// relations the page draws the view itself on a canvas under Cytoscape's: the relations of one
// type (and emphasis) make one path, stroked once, in the type's colour and dash pattern (from
// a zoom where dashes can be told apart); the nodes of one kind make one path, filled once,
// intermediaries ringed; names where they are readable. Cytoscape keeps every element as data
// and for interaction (nodes stay there, transparent: click, double-click, drag, hover), and
// still draws, on top, what is selected, focused, pinned or on a path. A click on an empty
// spot picks the nearest relation drawn here. Directed relations end in an arrowhead (one
// fill per type) from the zoom at which one is a few pixels long.

import { relationDash, traceShape } from "./graph.js";

const FADED_ALPHA = 0.15;
const EDGE_WIDTH = 1.6; // model units
const HIT_PX = 5; // how near (screen pixels) a click must be to pick a relation
const DASH_ZOOM = 0.5; // dashes from this zoom on (a 2-unit dot is a pixel there)
const LABEL_ZOOM = 8 / 11; // names once 11-unit text is 8 px, as Cytoscape does
const ARROW_LEN = 7; // model units (Cytoscape's triangle at arrow-scale 0.9 on a 1.6 line)
const ARROW_HALF = 3.5;
const ARROW_ZOOM = 0.4; // arrowheads from this zoom on (about 3 px long there)
const RING = "#7a5c00"; // intermediaries, as in the stylesheet

const shown = (ele) => !ele.hasClass("hidden") && !ele.hasClass("pending");

/** What to draw: edges grouped by look ("type|faded"), nodes grouped by look. `offPath`:
 * a path is highlighted and what is not on it fades (big views keep "faded" out of
 * Cytoscape's classes: restyling thousands of elements for it blocked the page). */
function scene(cy, offPath = false) {
  const fades = (ele) => ele.hasClass("faded") || (offPath && !ele.hasClass("on-path"));
  const spots = new Map(); // node id -> position, for nodes that are drawn
  const radii = new Map(); // node id -> radius (model units)
  const nodeGroups = new Map();
  cy.nodes().forEach((n) => {
    if (!shown(n)) return;
    const p = n.position();
    spots.set(n.id(), p);
    const d = n.data();
    radii.set(n.id(), (d.size || 30) / 2);
    const faded = fades(n);
    const key = `${d.shape}|${d.color}|${faded ? 1 : 0}`;
    let g = nodeGroups.get(key);
    if (!g) nodeGroups.set(key, (g = { shape: d.shape, color: d.color, faded, nodes: [] }));
    g.nodes.push({ x: p.x, y: p.y, r: (d.size || 30) / 2, name: d.name, intermediary: d.intermediary });
  });
  const edgeGroups = new Map();
  cy.edges().forEach((e) => {
    if (!e.hasClass("many") || !shown(e) || e.hasClass("on-path") || e.selected()) return;
    const d = e.data();
    const p = spots.get(d.source);
    const q = spots.get(d.target);
    if (!p || !q) return;
    const faded = fades(e);
    const key = `${d.type}|${faded ? 1 : 0}`;
    let g = edgeGroups.get(key);
    if (!g) edgeGroups.set(key, (g = { type: d.type, color: d.color, faded, edges: [], xy: [], heads: [] }));
    g.edges.push(e);
    g.xy.push(p.x, p.y, q.x, q.y);
    // where an arrowhead goes: the target's radius (symmetric relations have none)
    if (!d.symmetric) g.heads.push(g.xy.length - 4, radii.get(d.target));
  });
  const fadedFirst = (a, b) => Number(b.faded) - Number(a.faded);
  return { edges: [...edgeGroups.values()].sort(fadedFirst), nodes: [...nodeGroups.values()].sort(fadedFirst) };
}

/**
 * Draw the big view onto `g` (a 2D context) at `zoom` and `pan` (Cytoscape's viewport:
 * screen = model * zoom + pan), within `w` × `h` pixels (names outside are skipped).
 * Faded groups first, so emphasis stays on top (`offPath`: what is not on a path fades).
 * Returns the edge groups (for hit tests).
 */
export function drawBigView(cy, g, zoom, pan, w = Infinity, h = Infinity, offPath = false) {
  const { edges, nodes } = scene(cy, offPath);
  const X = (x) => x * zoom + pan.x;
  const Y = (y) => y * zoom + pan.y;
  g.save();
  g.lineCap = "butt";
  g.lineWidth = EDGE_WIDTH * zoom;
  for (const grp of edges) {
    // dash patterns where they can be told apart (colours differ everywhere; the legend,
    // the panel and the table name every type); below that zoom they cost and show nothing
    const dash = zoom >= DASH_ZOOM ? relationDash(grp.type) : null;
    g.setLineDash(dash ? dash.map((d) => d * zoom) : []);
    g.strokeStyle = grp.color;
    g.globalAlpha = grp.faded ? FADED_ALPHA : 1;
    g.beginPath();
    const xy = grp.xy;
    for (let i = 0; i < xy.length; i += 4) {
      g.moveTo(X(xy[i]), Y(xy[i + 1]));
      g.lineTo(X(xy[i + 2]), Y(xy[i + 3]));
    }
    g.stroke();
  }
  g.setLineDash([]);
  if (zoom >= ARROW_ZOOM) {
    for (const grp of edges) {
      g.fillStyle = grp.color;
      g.globalAlpha = grp.faded ? FADED_ALPHA : 1;
      g.beginPath();
      traceArrowheads(g, grp, X, Y);
      g.fill();
    }
  }
  for (const grp of nodes) {
    g.globalAlpha = grp.faded ? FADED_ALPHA : 1;
    g.fillStyle = grp.color;
    g.beginPath();
    for (const n of grp.nodes) traceShape(g, grp.shape, X(n.x), Y(n.y), n.r * zoom);
    g.fill();
    g.strokeStyle = "#ffffff";
    g.lineWidth = Math.max(0.5, zoom);
    g.stroke();
    const rings = grp.nodes.filter((n) => n.intermediary);
    if (rings.length) {
      g.strokeStyle = RING;
      g.lineWidth = Math.max(1, 3 * zoom);
      g.beginPath();
      for (const n of rings) traceShape(g, grp.shape, X(n.x), Y(n.y), n.r * zoom);
      g.stroke();
    }
  }
  if (zoom >= LABEL_ZOOM) {
    g.font = `${11 * zoom}px system-ui, sans-serif`;
    g.textAlign = "center";
    g.textBaseline = "top";
    g.lineJoin = "round";
    g.lineWidth = 2 * zoom;
    g.strokeStyle = "#ffffff";
    g.fillStyle = "#212529";
    for (const grp of nodes) {
      g.globalAlpha = grp.faded ? 0.3 : 1;
      for (const n of grp.nodes) {
        const x = X(n.x);
        const y = Y(n.y + n.r + 3);
        if (x < -200 || y < -20 || x > w + 200 || y > h + 20) continue;
        g.strokeText(n.name, x, y, 130 * zoom);
        g.fillText(n.name, x, y, 130 * zoom);
      }
    }
  }
  g.restore();
  return edges;
}

/** Whether Cytoscape draws `ele` in a big view (the stylesheet's `.many` rules: nodes are
 * transparent and relations not displayed unless selected, on a path, focused or pinned). */
const drawnByCytoscape = (ele) =>
  !ele.hasClass("many") || ele.selected() || ele.hasClass("on-path") || ele.hasClass("kb-focus") || ele.hasClass("pinned");

/**
 * Make Cytoscape's renderer consider, while `layer.on`, only the elements it draws in a big
 * view. Its frame sorts every element by z-order whenever one is added or removed or changes
 * display or z-index (7,800 elements here: up to 400 ms on a loaded machine), then computes
 * the bounding box of each before skipping the invisible ones. The list it draws from is
 * now those it draws (tens), sorted as before; hit tests still see every interactive element
 * (the transparent nodes under the ones drawn, so a click or drag finds any node).
 */
function drawOnlyWhatShows(cy, layer) {
  const r = cy.renderer();
  if (!r || typeof r.getCachedZSortedEles !== "function" || r._bigViewPatched) return;
  r._bigViewPatched = true;
  const own = r.getCachedZSortedEles;
  r.getCachedZSortedEles = function (forceRecalc) {
    if (!layer.on) return own.call(this, forceRecalc);
    if (forceRecalc || !this.cachedZSortedEles) {
      const drawn = [];
      const rest = [];
      for (const ele of cy.mutableElements().toArray()) (drawnByCytoscape(ele) ? drawn : ele.isNode() ? rest : null)?.push(ele);
      const sorted = own.call({ cy: { mutableElements: () => ({ toArray: () => drawn }) }, updateCachedGrabbedEles() {} }, true);
      sorted.interactive = [...rest.filter((e) => e.interactive()), ...sorted.interactive];
      this.cachedZSortedEles = sorted;
      this.updateCachedGrabbedEles();
    }
    return this.cachedZSortedEles;
  };
  // what Cytoscape draws changes with these too (its own cache follows display and z-index)
  cy.on("class select unselect", () => layer.on && r.invalidateCachedZSortedEles());
}

export class BigViewLayer {
  constructor(cy) {
    this.cy = cy;
    this.canvas = null;
    this.on = false;
    this.offPath = false; // a path is highlighted: what is not on it is drawn faded
    this.edges = []; // edge groups as last drawn
    this.dirty = true;
    this.timer = null;
    this.onChange = () => {};
    const mark = () => (this.dirty = true);
    cy.on("position", "node", mark);
    cy.on("add remove viewport resize", mark);
    cy.on("class", mark); // shown, hidden, faded, on a path
    cy.on("data", "node", mark); // sizes
    cy.on("select unselect", mark);
    // after Cytoscape's frame, in a task (and a frame) of its own
    cy.on("render", () => this.schedule());
    cy.on("resize", () => this.schedule());
  }

  schedule() {
    if (!this.on || !this.dirty || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, 0);
  }

  /** Fade what is not on a path (or stop fading). */
  setOffPath(on) {
    if (on === this.offPath) return;
    this.offPath = on;
    this.dirty = true;
    this.schedule();
  }

  /** Whether the big view is drawn here (set by tuneForSize); `onChange(on)` is told. */
  setActive(on) {
    if (on === this.on) return;
    this.on = on;
    drawOnlyWhatShows(this.cy, this);
    this.cy.renderer()?.invalidateCachedZSortedEles?.();
    this.onChange(on);
    if (on && !this.canvas) {
      const host = this.cy.renderer().data.canvasContainer;
      const c = document.createElement("canvas");
      c.setAttribute("aria-hidden", "true");
      c.dataset.id = "big-view-layer";
      Object.assign(c.style, { position: "absolute", left: "0", top: "0", zIndex: "0", pointerEvents: "none" });
      host.insertBefore(c, host.firstChild);
      this.canvas = c;
    }
    if (this.canvas) this.canvas.hidden = !on;
    this.dirty = true;
    this.draw();
  }

  draw() {
    const c = this.canvas;
    if (!this.on || !c) return;
    const cy = this.cy;
    const w = cy.width();
    const h = cy.height();
    if (!w || !h) return; // the graph pane is hidden (another tab)
    this.dirty = false;
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    const g = c.getContext("2d");
    g.clearRect(0, 0, w, h);
    this.edges = drawBigView(cy, g, cy.zoom(), cy.pan(), w, h, this.offPath);
  }

  /** The relation drawn here nearest to `pos` (model coordinates), within a few pixels. */
  edgeAt(pos) {
    if (!this.on) return null;
    if (this.dirty) this.draw();
    const tol = HIT_PX / this.cy.zoom();
    let best = null;
    let bestD = tol * tol;
    for (const grp of this.edges) {
      if (grp.faded) continue;
      const xy = grp.xy;
      for (let i = 0; i < xy.length; i += 4) {
        const d = segmentDistance2(pos.x, pos.y, xy[i], xy[i + 1], xy[i + 2], xy[i + 3]);
        if (d < bestD) {
          bestD = d;
          best = grp.edges[i / 4];
        }
      }
    }
    return best;
  }
}

/** Add the arrowheads of an edge group (at each target's outline) to the current path. */
function traceArrowheads(g, grp, X, Y) {
  const { xy, heads } = grp;
  for (let k = 0; k < heads.length; k += 2) {
    const i = heads[k];
    const dx = xy[i + 2] - xy[i];
    const dy = xy[i + 3] - xy[i + 1];
    const len = Math.hypot(dx, dy);
    const r = heads[k + 1];
    if (len <= r + ARROW_LEN) continue; // ends overlapping: nothing to point at
    const ux = dx / len;
    const uy = dy / len;
    const tx = xy[i + 2] - ux * r; // the tip, on the target's outline
    const ty = xy[i + 3] - uy * r;
    const bx = tx - ux * ARROW_LEN;
    const by = ty - uy * ARROW_LEN;
    g.moveTo(X(tx), Y(ty));
    g.lineTo(X(bx - uy * ARROW_HALF), Y(by + ux * ARROW_HALF));
    g.lineTo(X(bx + uy * ARROW_HALF), Y(by - ux * ARROW_HALF));
    g.closePath();
  }
}

function segmentDistance2(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}
