// The graph by keyboard: the canvas takes focus (Tab), arrow keys move to the nearest node
// in that direction, [ and ] step through the focused node's neighbours, Enter opens its
// details, E expands it, P pins it, Delete removes it, + and − zoom, 0 fits. What has focus
// is read out through a live region.

import { app, nameOf } from "./context.js";
import { $ } from "./dom.js";

let focused = null; // node id
let neighbourIndex = -1;

export function focusedNode() {
  return focused;
}

function describe(n) {
  const d = n.data();
  const edges = n.connectedEdges().not(".hidden");
  const kinds = new Map();
  edges.forEach((e) => kinds.set(e.data("type"), (kinds.get(e.data("type")) || 0) + 1));
  const rels = [...kinds.entries()].map(([t, c]) => `${c} ${t}`).join(", ");
  return `${d.name}, ${d.kind === "Topic" ? "topic" : d.type}${d.intermediary ? ", intermediary" : ""}${app.state.pins[d.id] ? ", pinned" : ""}: ${edges.length} relation${edges.length === 1 ? "" : "s"} in view${rels ? ` (${rels})` : ""}.`;
}

export function setFocus(id, { announce = true } = {}) {
  const cy = app.cy;
  cy.nodes(".kb-focus").removeClass("kb-focus");
  focused = null;
  const n = id ? cy.$id(id) : cy.collection();
  if (n.empty() || n.hasClass("hidden")) return;
  focused = id;
  n.addClass("kb-focus");
  // keep it on screen
  const p = n.renderedPosition();
  const w = cy.width();
  const hgt = cy.height();
  if (p.x < 30 || p.y < 30 || p.x > w - 30 || p.y > hgt - 30) cy.animate({ center: { eles: n }, duration: 200 });
  if (announce) $("#cy-live").textContent = describe(n);
}

function visibleNodes() {
  return app.cy.nodes().not(".hidden");
}

function firstNode() {
  const vis = visibleNodes();
  const seed = app.state.seeds.map((s) => app.cy.$id(s)).find((n) => n.nonempty() && !n.hasClass("hidden"));
  if (seed) return seed;
  return vis.max((n) => n.degree()).ele;
}

/** The nearest visible node from `from` within 60° of the direction (dx, dy). */
function nearestInDirection(from, dx, dy) {
  const p = from.position();
  let best = null;
  let bestScore = Infinity;
  visibleNodes().forEach((n) => {
    if (n.same(from)) return;
    const q = n.position();
    const vx = q.x - p.x;
    const vy = q.y - p.y;
    const dist = Math.hypot(vx, vy);
    if (dist < 1e-6) return;
    const cos = (vx * dx + vy * dy) / dist;
    if (cos < 0.5) return;
    const score = dist * (2 - cos);
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  });
  return best;
}

const DIRS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function wireKeyboard() {
  const box = $("#cy");
  box.addEventListener("focus", () => {
    if (!focused || app.cy.$id(focused).empty()) {
      const n = firstNode();
      if (n) setFocus(n.id());
      else $("#cy-live").textContent = "The graph is empty: search an actor first.";
    } else setFocus(focused);
  });
  box.addEventListener("blur", () => app.cy.nodes(".kb-focus").removeClass("kb-focus"));
  box.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const cy = app.cy;
    const cur = focused ? cy.$id(focused) : cy.collection();
    if (DIRS[ev.key]) {
      ev.preventDefault();
      if (cur.empty()) {
        const n = firstNode();
        if (n) setFocus(n.id());
        return;
      }
      const next = nearestInDirection(cur, ...DIRS[ev.key]);
      if (next) setFocus(next.id());
      else $("#cy-live").textContent = `No node further ${ev.key.replace("Arrow", "").toLowerCase()} of ${cur.data("name")}.`;
      neighbourIndex = -1;
      return;
    }
    if (ev.key === "[" || ev.key === "]") {
      ev.preventDefault();
      if (cur.empty()) return;
      const nbrs = cur.closedNeighborhood().nodes().not(".hidden").not(cur).sort((a, b) => a.data("name").localeCompare(b.data("name")));
      if (nbrs.empty()) return;
      neighbourIndex = (neighbourIndex + (ev.key === "]" ? 1 : -1) + nbrs.length) % nbrs.length;
      const to = nbrs[neighbourIndex];
      const via = cur.edgesWith(to).not(".hidden").map((e) => e.data("type")).join(", ");
      setFocus(to.id(), { announce: false });
      focused = to.id();
      $("#cy-live").textContent = `${nameOf(cur.id())} ${via} ${to.data("name")}. ${describe(to)}`;
      return;
    }
    if (ev.key === "+" || ev.key === "=") {
      cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      return;
    }
    if (ev.key === "-") {
      cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      return;
    }
    if (ev.key === "0") {
      cy.fit(cy.elements().not(".hidden"), 40);
      return;
    }
    if (cur.empty()) return;
    const id = cur.id();
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      app.select(`n:${id}`, { from: box });
    } else if (ev.key === "e" || ev.key === "E") app.expand(id);
    else if (ev.key === "p" || ev.key === "P") app.togglePin(id);
    else if (ev.key === "Delete" || ev.key === "Backspace") {
      ev.preventDefault();
      const next = nearestInDirection(cur, 1, 0) || nearestInDirection(cur, -1, 0);
      app.removeNode(id);
      if (next) setFocus(next.id());
    }
  });
}
