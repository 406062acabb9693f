// actorgraph explorer: search actors, grow their network, filter it, find communication
// paths, size nodes by influence and read the evidence behind every node and edge.
//
// Plain ES module over Cytoscape.js; the view's state lives in the URL hash (urlstate.js).
// `window.actorgraph` exposes the Cytoscape instance and a few hooks for tests.

import { api, ApiError, listOf, onPending, pendingCount } from "./api.js";
import {
  LAYOUTS,
  createCy,
  dayOf,
  edgeData,
  edgeId,
  isoOfDay,
  nodeData,
  relationColor,
  tuneForSize,
  typeColor,
} from "./graph.js";
import { emptyState, parseHash, toHash } from "./urlstate.js";

// Caps that keep the page responsive: how many neighbors one request asks for (doubled by
// "show more"), and how many nodes the view holds at most.
const FIRST_LIMIT = 150;
const MAX_LIMIT = 10000;
const MAX_NODES = 3000;
const ANIMATE_BELOW = 250;

const $ = (sel) => document.querySelector(sel);

/** Tiny DOM builder: h("a", {href}, "text", child…); strings are text, never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replace an element's children; nested arrays are flattened, null/false skipped. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

// ------------------------------------------------------------------------ state
let state = emptyState();
const schema = { relations: [], relationInfo: {}, actorTypes: [], loaded: false };
const docs = new Map(); // document id -> {title, url, published, …}
const actorCache = new Map(); // actor id -> /actors/{id} body
let limit = FIRST_LIMIT;
let truncated = false;
let capped = false;
let layoutRunning = false;
let restoring = false;
let pathResult = null;
let scores = null; // id -> score of the chosen metric

const cy = createCy($("#cy"));
const ctx = {
  relationColor: (t) => relationColor(t, Math.max(0, schema.relations.indexOf(t))),
  typeColor: (t) => typeColor(t, Math.max(0, schema.actorTypes.indexOf(t))),
  symmetric: (t) => !!(schema.relationInfo[t] && schema.relationInfo[t].symmetric),
};

function saveHash() {
  if (restoring) return;
  const hash = toHash(state);
  if (hash !== location.hash && !(hash === "" && location.hash === "")) {
    history.replaceState(null, "", `${location.pathname}${location.search}${hash || "#"}`);
  }
  $("#share-url").value = location.href;
}

// ------------------------------------------------------------------------ messages
function showBanner(text, { retry = false } = {}) {
  const b = $("#banner");
  b.replaceChildren(
    h("strong", {}, "API unreachable. "),
    text,
    retry ? h("button", { type: "button", onclick: () => boot() }, "Retry") : null,
  );
  b.hidden = false;
  document.body.classList.add("offline");
}
function hideBanner() {
  $("#banner").hidden = true;
  document.body.classList.remove("offline");
}

let toastTimer;
function toast(text, { kind = "info", html = null } = {}) {
  const t = $("#toast");
  t.replaceChildren(html || text);
  t.className = `toast ${kind}`;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), kind === "error" ? 9000 : 4000);
}

function handleError(err, what = "") {
  if (err instanceof ApiError && err.unreachable) {
    showBanner(
      `${err.message} Start it with \`actorgraph serve\` (or check the network), then retry.`,
      { retry: true },
    );
    return;
  }
  const sugg = err && err.details && err.details.suggestions;
  if (sugg && sugg.length) {
    toast(null, {
      kind: "error",
      html: h(
        "span",
        {},
        `${err.message}. Did you mean: `,
        ...sugg.map((s, i) => [
          i ? ", " : "",
          h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), pickActor(s)) }, s),
        ]),
        "?",
      ),
    });
    return;
  }
  console.error(err);
  toast(`${what ? what + ": " : ""}${err.message || err}`, { kind: "error" });
}

// ------------------------------------------------------------------------ graph contents
/** Add API nodes and edges to the view; returns the added nodes. */
function merge(sub, { around = null, force = false } = {}) {
  const removed = new Set(state.removed);
  const nodes = [];
  const edges = [];
  let room = MAX_NODES - cy.nodes().length;
  const center = around && cy.$id(around).nonempty() ? cy.$id(around).position() : null;
  for (const n of sub.nodes || []) {
    if (!n || !n.id) continue;
    const existing = cy.$id(n.id);
    if (existing.nonempty()) {
      if (n.intermediary) existing.data("intermediary", true).addClass("intermediary");
      continue;
    }
    if (removed.has(n.id) && !force) continue;
    if (room <= 0) {
      capped = true;
      continue;
    }
    room -= 1;
    const d = nodeData(n, ctx);
    const el = { group: "nodes", data: d, classes: d.intermediary ? "intermediary" : "" };
    if (center) {
      const a = Math.random() * 2 * Math.PI;
      const r = 60 + Math.random() * 60;
      el.position = { x: center.x + r * Math.cos(a), y: center.y + r * Math.sin(a) };
    }
    nodes.push(el);
  }
  const ids = new Set(nodes.map((n) => n.data.id));
  const has = (id) => ids.has(id) || cy.$id(id).nonempty();
  for (const e of sub.edges || []) {
    const id = edgeId(e);
    if (cy.$id(id).nonempty() || !has(e.source) || !has(e.target)) continue;
    edges.push({ group: "edges", data: edgeData(e, ctx) });
  }
  let added = cy.collection();
  cy.batch(() => {
    added = cy.add([...nodes, ...edges]);
  });
  if (sub.truncated) truncated = true;
  tuneForSize(cy);
  return added.nodes();
}

function markSeeds() {
  cy.batch(() => {
    cy.nodes().removeClass("seed");
    for (const s of state.seeds) cy.$id(s).addClass("seed");
  });
}

function applyPins() {
  cy.batch(() => {
    cy.nodes(".pinned").unlock().removeClass("pinned");
    for (const [id, p] of Object.entries(state.pins)) {
      const n = cy.$id(id);
      if (n.empty()) continue;
      n.unlock().position(p).lock().addClass("pinned");
    }
  });
}

async function expand(id, { silent = false } = {}) {
  const n = cy.$id(id);
  if (n.nonempty() && n.data("kind") !== "Actor") {
    toast("Only actors can be expanded; this is a topic.");
    return;
  }
  try {
    const had = n.nonempty();
    const sub = await api.neighbors(id, { depth: 1, limit });
    const added = merge(sub, { around: id });
    if (!state.seeds.includes(id)) state.seeds.push(id);
    markSeeds();
    // new nodes start around the expanded one; a node that was not in view has no place yet
    afterChange({ layout: added.length > 0 || cy.nodes().length <= 1, randomize: !had });
    if (!silent && added.length === 0) toast("No new neighbors under the current view.");
  } catch (err) {
    handleError(err, "Expand");
  }
}

function removeNode(id) {
  const n = cy.$id(id);
  if (n.empty()) return;
  n.remove();
  if (!state.removed.includes(id)) state.removed.push(id);
  state.seeds = state.seeds.filter((s) => s !== id);
  delete state.pins[id];
  if (state.sel === `n:${id}` || (state.sel.startsWith("e:") && cy.$id(state.sel.slice(2)).empty())) {
    closePanel();
  }
  afterChange();
}

function togglePin(id) {
  const n = cy.$id(id);
  if (n.empty()) return;
  if (state.pins[id]) {
    delete state.pins[id];
    n.unlock().removeClass("pinned");
  } else {
    state.pins[id] = { ...n.position() };
    n.lock().addClass("pinned");
  }
  saveHash();
  if (state.sel === `n:${id}`) renderPanel();
}

// ------------------------------------------------------------------------ filters
function enabledRelations() {
  return state.rel ? new Set(state.rel) : null;
}
function enabledTypes() {
  return state.types ? new Set(state.types) : null;
}

function applyFilters() {
  const rel = enabledRelations();
  const types = enabledTypes();
  const since = dayOf(state.since);
  const until = dayOf(state.until);
  const seeds = new Set(state.seeds);
  let hiddenEdges = 0;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass("hidden", !!types && !types.has(n.data("type")));
    });
    cy.edges().forEach((e) => {
      const d = e.data();
      let hide = (rel && !rel.has(d.type)) || e.source().hasClass("hidden") || e.target().hasClass("hidden");
      if (!hide && d.dmin !== null) {
        if (since !== null && d.dmax < since) hide = true;
        if (until !== null && d.dmin > until) hide = true;
      }
      e.toggleClass("hidden", hide);
      if (hide) hiddenEdges += 1;
    });
    // nodes left with no visible relation go too, except the actors the researcher chose
    const ends = pathResult ? new Set([pathResult.source.id, pathResult.target.id]) : new Set();
    cy.nodes().forEach((n) => {
      if (n.hasClass("hidden") || seeds.has(n.id()) || ends.has(n.id())) return;
      const all = n.connectedEdges();
      if (all.nonempty() && all.filter((e) => !e.hasClass("hidden")).empty()) n.addClass("hidden");
    });
  });
  return hiddenEdges;
}

function updateDateSlider() {
  let lo = null;
  let hi = null;
  cy.edges().forEach((e) => {
    const { dmin, dmax } = e.data();
    if (dmin !== null && (lo === null || dmin < lo)) lo = dmin;
    if (dmax !== null && (hi === null || dmax > hi)) hi = dmax;
  });
  for (const v of [dayOf(state.since), dayOf(state.until)]) {
    if (v === null) continue;
    lo = lo === null ? v : Math.min(lo, v);
    hi = hi === null ? v : Math.max(hi, v);
  }
  const from = $("#date-from");
  const to = $("#date-to");
  const box = $("#date-filter");
  if (lo === null) {
    box.classList.add("disabled");
    from.disabled = to.disabled = true;
    $("#date-label").textContent = "no dated evidence in view";
    return;
  }
  box.classList.remove("disabled");
  from.disabled = to.disabled = false;
  for (const inp of [from, to]) {
    inp.min = lo;
    inp.max = hi;
  }
  from.value = dayOf(state.since) ?? lo;
  to.value = dayOf(state.until) ?? hi;
  $("#date-label").textContent = `${isoOfDay(+from.value)} → ${isoOfDay(+to.value)}`;
}

function onDateInput(ev) {
  const from = $("#date-from");
  const to = $("#date-to");
  if (+from.value > +to.value) {
    if (ev.target === from) to.value = from.value;
    else from.value = to.value;
  }
  state.since = +from.value > +from.min ? isoOfDay(+from.value) : "";
  state.until = +to.value < +to.max ? isoOfDay(+to.value) : "";
  $("#date-label").textContent = `${isoOfDay(+from.value)} → ${isoOfDay(+to.value)}`;
  afterFilterChange();
}

let metricTimer;
function afterFilterChange() {
  afterChange({ refit: false });
  // the influence ranking depends on relation types and dates: refresh it, debounced
  if (state.metric) {
    clearTimeout(metricTimer);
    metricTimer = setTimeout(() => applyMetric(), 250);
  }
}

// ------------------------------------------------------------------------ influence
async function applyMetric() {
  const metric = state.metric;
  if (!metric) {
    scores = null;
    cy.batch(() => cy.nodes().forEach((n) => n.data("size", n.data("kind") === "Topic" ? 24 : 30)));
    renderRanking([]);
    return;
  }
  const query = { since: state.since || undefined, until: state.until || undefined };
  let body;
  try {
    try {
      body = await api.influence(metric, { ...query, relations: state.rel || undefined });
    } catch (err) {
      if (err.unreachable || !state.rel) throw err;
      body = await api.influence(metric, query); // some shown types may not be actor relations
    }
  } catch (err) {
    handleError(err, "Influence");
    return;
  }
  if (metric !== state.metric) return;
  const rows = listOf(body, "scores", "ranking");
  scores = new Map(rows.map((r) => [(r.actor && r.actor.id) || r.id, r.score]));
  sizeByScores();
  renderRanking(rows.slice(0, 8));
}

function sizeByScores() {
  if (!scores) return;
  const max = Math.max(1e-12, ...scores.values());
  cy.batch(() =>
    cy.nodes().forEach((n) => {
      const s = scores.get(n.id());
      n.data("score", s ?? 0);
      n.data("size", s === undefined ? 16 : 18 + 62 * Math.sqrt(Math.max(0, s) / max));
    }),
  );
}

function renderRanking(rows) {
  const ol = $("#ranking");
  ol.replaceChildren(
    ...rows.map((r) => {
      const a = r.actor || r;
      return h(
        "li",
        {},
        h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), pickActor(a.id)) }, a.name || a.id),
        h("span", { class: "muted" }, ` ${Number(r.score).toPrecision(3)}`),
      );
    }),
  );
  $("#ranking-box").hidden = rows.length === 0;
}

// ------------------------------------------------------------------------ layouts
function runLayout({ randomize = false } = {}) {
  const eles = cy.elements().not(".hidden");
  const nodes = eles.nodes();
  if (nodes.empty()) return;
  const n = nodes.length;
  // mostly new nodes (nothing laid out yet): start from scratch rather than from a heap
  const placed = nodes.filter((x) => x.scratch("_placed")).length;
  if (placed < n / 2) randomize = true;
  const animate = n < ANIMATE_BELOW && !restoring;
  const common = { fit: true, padding: 40, animate, animationDuration: 350 };
  let opts;
  switch (state.layout) {
    case "cose":
      opts = { name: "cose", ...common, randomize, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, numIter: n > 1000 ? 400 : 1000 };
      break;
    case "concentric":
      opts = { name: "concentric", ...common, concentric: (x) => x.degree(), levelWidth: () => 2, minNodeSpacing: 20 };
      break;
    case "breadthfirst": {
      const roots = cy.collection(state.seeds.map((s) => cy.$id(s)).filter((x) => x.nonempty()));
      opts = { name: "breadthfirst", ...common, directed: false, spacingFactor: 1.1, roots: roots.nonempty() ? roots : undefined };
      break;
    }
    case "circle":
      opts = { name: "circle", ...common };
      break;
    case "grid":
      opts = { name: "grid", ...common, avoidOverlap: true };
      break;
    default: {
      const fixed = Object.entries(state.pins)
        .filter(([id]) => nodes.$id(id).nonempty())
        .map(([nodeId, position]) => ({ nodeId, position }));
      opts = {
        name: typeof cytoscapeFcose !== "undefined" ? "fcose" : "cose",
        ...common,
        // draft is much faster on big views, but fCoSE allows it only from random positions
        quality: n > 1200 && randomize ? "draft" : "default",
        randomize: randomize || n < 3,
        nodeRepulsion: 9000,
        idealEdgeLength: 90,
        nodeSeparation: 80,
        packComponents: true,
        fixedNodeConstraint: fixed.length ? fixed : undefined,
      };
    }
  }
  layoutRunning = true;
  updateIdle();
  const layout = eles.layout(opts);
  layout.one("layoutstop", () => {
    nodes.scratch("_placed", true);
    layoutRunning = false;
    updateIdle();
  });
  try {
    layout.run();
  } catch (err) {
    console.error(err);
    layoutRunning = false;
    updateIdle();
  }
}

// ------------------------------------------------------------------------ after every change
function afterChange({ layout = false, refit = true, randomize = false } = {}) {
  const hiddenEdges = applyFilters();
  applyPins();
  markSeeds();
  highlightPath();
  if (scores) sizeByScores();
  updateDateSlider();
  renderLegend();
  renderStatus(hiddenEdges);
  $("#empty").hidden = cy.nodes().nonempty();
  if (layout) runLayout({ randomize });
  else if (refit && !restoring && !layoutRunning) {
    const shown = cy.elements().not(".hidden");
    const bb = shown.boundingBox();
    if (shown.nonempty() && bb.w > 1 && bb.h > 1) cy.fit(shown, 40);
  }
  saveHash();
}

function renderStatus(hiddenEdges) {
  const n = cy.nodes().not(".hidden").length;
  const e = cy.edges().not(".hidden").length;
  const parts = [
    `${n} node${n === 1 ? "" : "s"} · ${e} relation${e === 1 ? "" : "s"}`,
    hiddenEdges ? ` (${hiddenEdges} hidden by filters)` : "",
  ];
  const bar = $("#status");
  bar.replaceChildren(h("span", {}, parts.join("")));
  if (truncated && limit < MAX_LIMIT) {
    bar.append(
      h("span", { class: "warn" }, " · more neighbors exist "),
      h("button", { type: "button", id: "show-more", onclick: showMore }, "Show more"),
    );
  }
  if (capped) {
    bar.append(h("span", { class: "warn" }, ` · view capped at ${MAX_NODES} nodes: remove nodes or start over to see others`));
  }
  if (state.removed.length) {
    bar.append(
      h("span", {}, ` · ${state.removed.length} removed `),
      h("button", { type: "button", onclick: restoreRemoved }, "Restore"),
    );
  }
}

async function showMore() {
  limit = Math.min(MAX_LIMIT, limit * 2);
  truncated = false;
  await loadSeeds(state.seeds);
  afterChange({ layout: true });
}

async function restoreRemoved() {
  state.removed = [];
  await loadSeeds(state.seeds);
  afterChange({ layout: true });
}

async function loadSeeds(seeds) {
  if (!seeds.length) return;
  try {
    const sub = await api.subgraph(seeds, { depth: 1, limit });
    merge(sub);
  } catch (err) {
    if (err.unreachable) throw err;
    // one unknown seed should not lose the others: load them one by one
    for (const s of seeds) {
      try {
        merge(await api.neighbors(s, { depth: 1, limit }));
      } catch (e) {
        if (e.unreachable) throw e;
        state.seeds = state.seeds.filter((x) => x !== s);
        handleError(e, `Actor '${s}'`);
      }
    }
  }
}

// ------------------------------------------------------------------------ path finder
const pathPick = { source: null, target: null };

async function findPaths(source, target, { quiet = false } = {}) {
  if (!source || !target) {
    toast("Pick two actors for the path finder.");
    return;
  }
  state.hops = +$("#hops").value || 4;
  let body;
  try {
    body = await api.paths(source, target, { maxHops: state.hops });
  } catch (err) {
    handleError(err, "Paths");
    return;
  }
  pathResult = body;
  state.path = { source: body.source.id, target: body.target.id };
  $("#path-from").value = body.source.name;
  $("#path-to").value = body.target.name;
  pathPick.source = body.source.id;
  pathPick.target = body.target.id;
  // put the paths into the view, even nodes the researcher had removed
  const nodes = [body.source, body.target];
  const edges = [];
  for (const p of body.paths || []) {
    nodes.push(...p.nodes);
    for (const hop of p.hops || []) for (const r of hop.relations || []) edges.push(r);
  }
  const before = cy.nodes().length;
  const ids = new Set(nodes.map((n) => n.id));
  state.removed = state.removed.filter((r) => !ids.has(r));
  const added = merge({ nodes, edges }, { force: true });
  selectedPath = -1;
  renderPaths();
  if (!quiet) afterChange({ layout: added.length > 0, randomize: added.length > before });
}

let selectedPath = -1;

function pathElements(p) {
  const nodes = new Set(p.nodes.map((n) => n.id));
  const edges = new Set();
  for (const hop of p.hops || []) for (const r of hop.relations || []) edges.add(edgeId(r));
  return { nodes, edges };
}

function highlightPath() {
  cy.batch(() => {
    cy.elements().removeClass("on-path path-broker path-end faded");
    if (!pathResult) return;
    const paths = pathResult.paths || [];
    const chosen = selectedPath >= 0 ? [paths[selectedPath]].filter(Boolean) : paths;
    const onNodes = new Set();
    const onEdges = new Set();
    for (const p of chosen) {
      const { nodes, edges } = pathElements(p);
      nodes.forEach((x) => onNodes.add(x));
      edges.forEach((x) => onEdges.add(x));
    }
    if (!onNodes.size) return;
    const ends = new Set([pathResult.source.id, pathResult.target.id]);
    cy.nodes().forEach((n) => {
      if (onNodes.has(n.id())) {
        n.addClass("on-path");
        if (ends.has(n.id())) n.addClass("path-end");
        else if (n.data("intermediary")) n.addClass("path-broker");
      } else n.addClass("faded");
    });
    cy.edges().forEach((e) => (onEdges.has(e.id()) ? e.addClass("on-path") : e.addClass("faded")));
  });
}

function relationLine(r, names) {
  const arrow = ctx.symmetric(r.type) ? "—" : "→";
  return h(
    "span",
    { class: "rel" },
    names(r.source),
    " ",
    h("span", { class: "reltype", style: { borderColor: ctx.relationColor(r.type) } }, r.type),
    ` ${arrow} `,
    names(r.target),
  );
}

function renderPaths() {
  const box = $("#path-results");
  if (!pathResult) {
    box.replaceChildren();
    $("#path-clear").hidden = true;
    return;
  }
  $("#path-clear").hidden = false;
  const paths = pathResult.paths || [];
  const nameOf = new Map();
  for (const n of [pathResult.source, pathResult.target, ...paths.flatMap((p) => p.nodes)]) nameOf.set(n.id, n);
  const names = (id) => (nameOf.get(id) || { name: id }).name;
  const brokers = new Map();
  for (const p of paths) for (const n of p.nodes.slice(1, -1)) if (n.intermediary) brokers.set(n.id, n.name);
  const head = h(
    "p",
    { class: "summary" },
    paths.length
      ? `${paths.length} path${paths.length === 1 ? "" : "s"}${pathResult.truncated ? " (more exist)" : ""} from ${pathResult.source.name} to ${pathResult.target.name}.`
      : `No path from ${pathResult.source.name} to ${pathResult.target.name} within ${pathResult.max_hops || state.hops} hops.`,
    brokers.size ? h("span", {}, " Intermediaries: ", ...[...brokers.values()].map((b, i) => [i ? ", " : "", h("b", { class: "broker" }, b)])) : null,
  );
  const list = h(
    "ol",
    { class: "paths" },
    ...paths.map((p, i) =>
      h(
        "li",
        {
          class: i === selectedPath ? "path active" : "path",
          "data-index": i,
        },
        h(
          "button",
          {
            type: "button",
            class: "path-title",
            title: "Highlight only this path (click again for all)",
            onclick: () => {
              selectedPath = selectedPath === i ? -1 : i;
              renderPaths();
              highlightPath();
            },
          },
          p.nodes.map((n, j) => [j ? " › " : "", n.intermediary && j > 0 && j < p.nodes.length - 1 ? h("b", { class: "broker" }, n.name) : n.name]),
        ),
        h(
          "ol",
          { class: "hops" },
          ...(p.hops || []).map((hop) =>
            h(
              "li",
              { class: "hop" },
              h("div", { class: "hop-head" }, `${names(hop.source)} → ${names(hop.target)}`),
              ...(hop.relations || []).map((r) =>
                h(
                  "details",
                  { class: "hop-rel" },
                  h("summary", {}, relationLine(r, names), r.direction === "reverse" ? h("span", { class: "muted" }, " (walked backwards)") : null),
                  evidenceList(r.evidence || []),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  box.replaceChildren(head, list);
}

function clearPath() {
  pathResult = null;
  selectedPath = -1;
  state.path = null;
  renderPaths();
  afterChange();
}

// ------------------------------------------------------------------------ side panel
function closePanel() {
  state.sel = "";
  cy.elements().unselect();
  $("#panel").classList.add("closed");
  $("#panel-body").replaceChildren(h("p", { class: "muted" }, "Click a node or a relation to see its evidence."));
  saveHash();
}

function docLink(docId, fallbackDate) {
  const d = docs.get(docId);
  const title = d ? d.title : docId;
  const date = fallbackDate || (d && d.published);
  const link = d && d.url ? h("a", { href: d.url, target: "_blank", rel: "noopener noreferrer", class: "doc" }, title) : h("span", { class: "doc", title: d && d.file ? d.file : "" }, title);
  return h("span", { class: "source" }, link, date ? h("span", { class: "date" }, ` · ${date}`) : null);
}

function evidenceList(evidence) {
  if (!evidence.length) return h("p", { class: "muted" }, "No evidence sentence recorded.");
  return h(
    "ul",
    { class: "evidence" },
    ...evidence.map((ev) =>
      h(
        "li",
        {},
        h("blockquote", { class: "sentence" }, ev.sentence || "(no sentence)"),
        h(
          "div",
          { class: "meta" },
          ev.document ? docLink(ev.document, ev.date) : ev.date ? h("span", { class: "date" }, ev.date) : null,
          ev.origin ? h("span", { class: "muted" }, ` · ${ev.origin}`) : null,
          ev.confidence !== undefined && ev.confidence !== null ? h("span", { class: "muted" }, ` · confidence ${ev.confidence}`) : null,
        ),
      ),
    ),
  );
}

function statementItem(s) {
  const who = s.speaker ? s.speaker.name : "";
  const behalf = s.on_behalf_of ? ` for ${s.on_behalf_of.name}` : "";
  const doc = s.document || null;
  if (doc && doc.id) docs.set(doc.id, doc);
  return h(
    "li",
    { class: "statement" },
    h("div", { class: s.quote ? "said quote" : "said" }, s.quote ? `“${s.text}”` : s.text),
    h("div", { class: "meta" }, `${who}${behalf}`, s.about && s.about.length ? h("span", { class: "muted" }, ` · about ${s.about.map((a) => a.name).join(", ")}`) : null),
    s.evidence ? h("blockquote", { class: "sentence" }, s.evidence) : null,
    h("div", { class: "meta" }, doc ? docLink(doc.id, s.date) : s.date ? h("span", { class: "date" }, s.date) : null),
  );
}

function selectNames(id) {
  const n = cy.$id(id);
  const name = n.nonempty() ? n.data("name") : id;
  return h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), selectElement(`n:${id}`)) }, name);
}

let panelSeq = 0;
async function renderPanel() {
  const seq = ++panelSeq;
  const body = $("#panel-body");
  const sel = state.sel;
  if (!sel) return;
  $("#panel").classList.remove("closed");
  const id = sel.slice(2);
  const ele = cy.$id(id);
  if (sel.startsWith("n:")) {
    const kind = ele.nonempty() ? ele.data("kind") : "Actor";
    const name = ele.nonempty() ? ele.data("name") : id;
    fill(body, h("h2", {}, name), h("p", { class: "muted" }, "Loading…"));
    try {
      if (kind === "Topic") {
        const st = await api.statements({ topic: id });
        if (seq !== panelSeq) return;
        const items = listOf(st, "statements");
        fill(body, 
          h("h2", {}, name),
          h("p", {}, h("span", { class: "badge", style: { background: ctx.typeColor("topic") } }, "topic")),
          nodeActions(id, false),
          h("h3", {}, `Statements about it (${items.length})`),
          items.length ? h("ul", { class: "statements" }, ...items.map(statementItem)) : h("p", { class: "muted" }, "None recorded."),
          edgeSummary(ele),
        );
        return;
      }
      let actor = actorCache.get(id);
      if (!actor) {
        actor = await api.actor(id);
        actorCache.set(id, actor);
      }
      const st = await api.statements({ actor: id });
      if (seq !== panelSeq) return;
      const items = listOf(st, "statements");
      const roles = actor.roles || [];
      fill(body, 
        h("h2", {}, actor.name),
        h(
          "p",
          {},
          h("span", { class: "badge", style: { background: ctx.typeColor(actor.type) } }, actor.type || "actor"),
          actor.intermediary ? h("span", { class: "badge broker-badge" }, "intermediary") : null,
          h("span", { class: "muted" }, ` ${actor.id}`),
        ),
        actor.description ? h("p", {}, actor.description) : null,
        nodeActions(id, true),
        h("h3", {}, "Aliases"),
        actor.aliases && actor.aliases.length ? h("p", { class: "aliases" }, actor.aliases.join(" · ")) : h("p", { class: "muted" }, "none"),
        h("h3", {}, "Roles"),
        roles.length
          ? h(
              "ul",
              { class: "roles" },
              ...roles.map((r) =>
                h("li", {}, r.title || "role", r.of ? [" of ", selectNames(r.of)] : null, r.valid_from || r.valid_to ? h("span", { class: "muted" }, ` (${r.valid_from || "…"} – ${r.valid_to || "…"})`) : null),
              ),
            )
          : h("p", { class: "muted" }, "none recorded"),
        actor.relations && Object.keys(actor.relations).length
          ? [h("h3", {}, "Relations"), h("p", {}, Object.entries(actor.relations).map(([t, c], i) => [i ? ", " : "", h("span", { class: "reltype", style: { borderColor: ctx.relationColor(t) } }, t), ` ${c}`]))]
          : null,
        h("h3", {}, `Statements (${st.count ?? items.length})`),
        items.length ? h("ul", { class: "statements" }, ...items.map(statementItem)) : h("p", { class: "muted" }, "None recorded."),
        edgeSummary(ele),
      );
    } catch (err) {
      if (seq !== panelSeq) return;
      fill(body, h("h2", {}, name), h("p", { class: "error" }, err.message));
      if (err.unreachable) handleError(err);
    }
    return;
  }
  // an edge
  if (ele.empty()) {
    fill(body, h("p", { class: "muted" }, "This relation is not in the view."));
    return;
  }
  const d = ele.data();
  const info = schema.relationInfo[d.type] || {};
  const draw = () =>
    fill(body, 
      h("h2", {}, h("span", { class: "reltype big", style: { borderColor: d.color } }, d.type)),
      info.description ? h("p", { class: "muted" }, info.description) : null,
      h("p", { class: "edge-ends" }, selectNames(d.source), ctx.symmetric(d.type) ? " — " : " → ", selectNames(d.target)),
      h(
        "dl",
        { class: "facts" },
        d.confidence !== undefined && d.confidence !== null ? [h("dt", {}, "confidence"), h("dd", {}, String(d.confidence))] : null,
        d.first_seen ? [h("dt", {}, "first seen"), h("dd", {}, d.first_seen)] : null,
        d.last_seen ? [h("dt", {}, "last seen"), h("dd", {}, d.last_seen)] : null,
      ),
      h("h3", {}, `Evidence (${d.evidence.length})`),
      evidenceList(d.evidence),
    );
  draw();
  // resolve document titles through the statements of the two ends (they carry documents)
  const unknown = d.evidence.some((ev) => ev.document && !docs.has(ev.document));
  if (unknown) {
    for (const end of [d.source, d.target]) {
      if (cy.$id(end).data("kind") !== "Actor") continue;
      try {
        listOf(await api.statements({ actor: end }), "statements").forEach((s) => s.document && s.document.id && docs.set(s.document.id, s.document));
      } catch {
        /* titles stay as ids */
      }
      if (!d.evidence.some((ev) => ev.document && !docs.has(ev.document))) break;
    }
    if (seq === panelSeq) draw();
  }
}

function edgeSummary(ele) {
  if (!ele || ele.empty()) return null;
  const edges = ele.connectedEdges().not(".hidden");
  if (edges.empty()) return null;
  return [
    h("h3", {}, `Relations in view (${edges.length})`),
    h(
      "ul",
      { class: "edge-list" },
      ...edges.map((e) =>
        h(
          "li",
          {},
          h(
            "a",
            { href: "#", onclick: (ev) => (ev.preventDefault(), selectElement(`e:${e.id()}`)) },
            relationLine(e.data(), (x) => (cy.$id(x).nonempty() ? cy.$id(x).data("name") : x)),
          ),
        ),
      ),
    ),
  ];
}

function nodeActions(id, isActor) {
  const pinned = !!state.pins[id];
  return h(
    "div",
    { class: "actions" },
    isActor ? h("button", { type: "button", id: "act-expand", onclick: () => expand(id) }, "Expand neighbors") : null,
    h("button", { type: "button", id: "act-pin", onclick: () => togglePin(id) }, pinned ? "Unpin" : "Pin"),
    h("button", { type: "button", id: "act-remove", onclick: () => removeNode(id) }, "Remove"),
    isActor ? h("button", { type: "button", onclick: () => setPathEnd("source", id) }, "Path from") : null,
    isActor ? h("button", { type: "button", onclick: () => setPathEnd("target", id) }, "Path to") : null,
  );
}

function setPathEnd(which, id) {
  pathPick[which] = id;
  const n = cy.$id(id);
  $(which === "source" ? "#path-from" : "#path-to").value = n.nonempty() ? n.data("name") : id;
  if (pathPick.source && pathPick.target) findPaths(pathPick.source, pathPick.target);
}

function selectElement(sel) {
  state.sel = sel;
  cy.elements().unselect();
  const ele = cy.$id(sel.slice(2));
  if (ele.nonempty()) ele.select();
  saveHash();
  renderPanel();
}

// ------------------------------------------------------------------------ legend and filters UI
function renderLegend() {
  const present = new Map();
  cy.edges().forEach((e) => present.set(e.data("type"), (present.get(e.data("type")) || 0) + 1));
  const types = new Set(cy.nodes().map((n) => n.data("type")));
  const sw = (color, shape = "dot") => h("span", { class: `swatch ${shape}`, style: { background: color } });
  $("#legend").replaceChildren(
    h(
      "ul",
      {},
      ...[...schema.actorTypes, "topic"].filter((t) => types.has(t) || schema.actorTypes.includes(t)).map((t) => h("li", {}, sw(ctx.typeColor(t), t === "topic" ? "diamond" : "dot"), t)),
      h("li", {}, h("span", { class: "swatch ring" }), "intermediary"),
      h("li", {}, h("span", { class: "swatch halo" }), "intermediary on a path"),
      h("li", {}, h("span", { class: "swatch pathring" }), "on a path"),
      h("li", {}, h("span", { class: "swatch pinring" }), "pinned"),
      state.metric ? h("li", {}, h("span", { class: "muted" }, `node size: ${state.metric}`)) : null,
    ),
    present.size
      ? h("ul", {}, ...[...present.entries()].map(([t, c]) => h("li", {}, h("span", { class: "swatch line", style: { background: ctx.relationColor(t) } }), `${t} (${c})`)))
      : null,
  );
}

function buildFilterControls() {
  const relBox = $("#rel-filter");
  relBox.replaceChildren(
    ...schema.relations.map((t) =>
      h(
        "label",
        { class: "check", title: (schema.relationInfo[t] || {}).description || t },
        h("input", { type: "checkbox", name: "rel", value: t, checked: !state.rel || state.rel.includes(t) }),
        h("span", { class: "swatch line", style: { background: ctx.relationColor(t) } }),
        t,
      ),
    ),
  );
  const typeBox = $("#type-filter");
  typeBox.replaceChildren(
    ...[...schema.actorTypes, "topic"].map((t) =>
      h(
        "label",
        { class: "check", title: t === "topic" ? "topics (what is demanded, rejected…)" : (schema.actorTypeInfo || {})[t] || t },
        h("input", { type: "checkbox", name: "type", value: t, checked: !state.types || state.types.includes(t) }),
        h("span", { class: `swatch ${t === "topic" ? "diamond" : "dot"}`, style: { background: ctx.typeColor(t) } }),
        t,
      ),
    ),
  );
}

function readChecks(name, all) {
  const on = [...document.querySelectorAll(`input[name=${name}]:checked`)].map((x) => x.value);
  return on.length === all.length ? null : on;
}

function syncControls() {
  document.querySelectorAll("input[name=rel]").forEach((x) => (x.checked = !state.rel || state.rel.includes(x.value)));
  document.querySelectorAll("input[name=type]").forEach((x) => (x.checked = !state.types || state.types.includes(x.value)));
  $("#layout").value = state.layout in LAYOUTS ? state.layout : "fcose";
  $("#metric").value = state.metric;
  $("#hops").value = String(state.hops);
}

// ------------------------------------------------------------------------ autocomplete
function combobox(input, list, onPick) {
  let items = [];
  let active = -1;
  let seq = 0;
  let timer = null;
  let inflight = null;
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((a, i) =>
        h(
          "li",
          {
            role: "option",
            id: `${list.id}-${i}`,
            class: i === active ? "active" : "",
            "aria-selected": i === active ? "true" : "false",
            onmousedown: (ev) => (ev.preventDefault(), pick(i)),
          },
          h("span", { class: "swatch dot", style: { background: ctx.typeColor(a.type) } }),
          a.name,
          a.intermediary ? h("span", { class: "badge broker-badge" }, "intermediary") : null,
          h("span", { class: "muted" }, ` ${a.type || ""}`),
        ),
      ),
    );
    if (!items.length) list.append(h("li", { class: "none" }, "No actor matches."));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const query = async () => {
    timer = null;
    const q = input.value.trim();
    if (!q) {
      items = [];
      close();
      return;
    }
    const my = ++seq;
    inflight = api.searchActors(q, 8).then(
      (r) => {
        if (my !== seq) return;
        items = listOf(r, "actors");
        active = items.length ? 0 : -1;
        render();
      },
      (err) => handleError(err, "Search"),
    );
    await inflight;
  };
  const pick = (i) => {
    const a = items[i];
    if (!a) return;
    input.value = a.name;
    input.dataset.id = a.id;
    close();
    onPick(a);
  };
  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    timer = setTimeout(query, 120);
  });
  input.addEventListener("keydown", async (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (list.hidden) {
        await query();
        return;
      }
      if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      render();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (timer) {
        clearTimeout(timer);
        await query(); // typed and pressed Enter at once: ask now, take the best match
      } else if (inflight) await inflight;
      if (items.length) pick(Math.max(0, active));
    } else if (ev.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("focus", () => {
    if (input.value.trim() && items.length && !input.dataset.id) render();
  });
}

async function pickActor(idOrName) {
  try {
    const id = cy.$id(idOrName).nonempty() ? idOrName : idOrName;
    const had = cy.$id(id).nonempty();
    await expand(id, { silent: true });
    const target = cy.$id(id).nonempty() ? id : (cy.nodes().filter((n) => n.data("name") === idOrName)[0] || { id: () => id }).id();
    selectElement(`n:${target}`);
    if (had && !layoutRunning) cy.animate({ center: { eles: cy.$id(target) }, duration: 300 });
  } catch (err) {
    handleError(err);
  }
}

// ------------------------------------------------------------------------ wiring
function wire() {
  combobox($("#search"), $("#search-list"), (a) => {
    pickActor(a.id);
    $("#search").value = "";
  });
  combobox($("#path-from"), $("#path-from-list"), (a) => (pathPick.source = a.id));
  combobox($("#path-to"), $("#path-to-list"), (a) => (pathPick.target = a.id));
  $("#path-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const s = pathPick.source || $("#path-from").value.trim();
    const t = pathPick.target || $("#path-to").value.trim();
    findPaths(s, t);
  });
  $("#path-from").addEventListener("input", () => (pathPick.source = null));
  $("#path-to").addEventListener("input", () => (pathPick.target = null));
  $("#path-clear").addEventListener("click", clearPath);
  $("#path-swap").addEventListener("click", () => {
    [pathPick.source, pathPick.target] = [pathPick.target, pathPick.source];
    const a = $("#path-from").value;
    $("#path-from").value = $("#path-to").value;
    $("#path-to").value = a;
  });

  $("#rel-filter").addEventListener("change", () => {
    state.rel = readChecks("rel", schema.relations);
    afterFilterChange();
  });
  $("#type-filter").addEventListener("change", () => {
    state.types = readChecks("type", [...schema.actorTypes, "topic"]);
    afterFilterChange();
  });
  for (const [btn, name, all] of [
    ["#rel-all", "rel", true],
    ["#rel-none", "rel", false],
  ]) {
    $(btn).addEventListener("click", () => {
      document.querySelectorAll(`input[name=${name}]`).forEach((x) => (x.checked = all));
      state.rel = readChecks("rel", schema.relations);
      afterFilterChange();
    });
  }
  $("#date-from").addEventListener("input", onDateInput);
  $("#date-to").addEventListener("input", onDateInput);
  $("#date-reset").addEventListener("click", () => {
    state.since = state.until = "";
    afterFilterChange();
  });

  const layoutSel = $("#layout");
  layoutSel.replaceChildren(...Object.entries(LAYOUTS).map(([k, v]) => h("option", { value: k }, v)));
  layoutSel.addEventListener("change", () => {
    state.layout = layoutSel.value;
    runLayout({ randomize: true });
    saveHash();
  });
  $("#metric").addEventListener("change", async () => {
    state.metric = $("#metric").value;
    await applyMetric();
    renderLegend();
    saveHash();
  });
  $("#hops").addEventListener("change", () => (state.hops = +$("#hops").value));
  $("#fit").addEventListener("click", () => cy.fit(cy.elements().not(".hidden"), 40));
  $("#relayout").addEventListener("click", () => runLayout({ randomize: true }));
  $("#clear").addEventListener("click", () => {
    const keep = { layout: state.layout, metric: state.metric, rel: state.rel, types: state.types };
    state = { ...emptyState(), ...keep };
    cy.elements().remove();
    pathResult = null;
    truncated = capped = false;
    limit = FIRST_LIMIT;
    renderPaths();
    closePanel();
    afterChange();
  });
  $("#export-png").addEventListener("click", () => {
    const blob = cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob", maxWidth: 4000, maxHeight: 4000 });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: `actorgraph-${new Date().toISOString().slice(0, 10)}.png` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  });
  $("#copy-link").addEventListener("click", async () => {
    const inp = $("#share-url");
    inp.value = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      toast("Link to this view copied.");
    } catch {
      inp.select();
      toast("Select and copy the link shown under “Share”.");
    }
  });
  $("#panel-close").addEventListener("click", closePanel);

  cy.on("tap", "node, edge", (ev) => selectElement(`${ev.target.isNode() ? "n" : "e"}:${ev.target.id()}`));
  cy.on("tap", (ev) => {
    if (ev.target === cy) closePanel();
  });
  cy.on("dbltap", "node", (ev) => expand(ev.target.id()));
  cy.on("dragfree", "node", (ev) => {
    const n = ev.target;
    if (state.pins[n.id()]) {
      state.pins[n.id()] = { ...n.position() };
      saveHash();
    }
  });
  cy.on("mouseover", "node", (ev) => {
    $("#cy").title = `${ev.target.data("name")} (${ev.target.data("type")})${ev.target.data("kind") === "Actor" ? " — double-click to expand" : ""}`;
  });

  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
    if (ev.key === "/") {
      ev.preventDefault();
      $("#search").focus();
      return;
    }
    if (!state.sel.startsWith("n:")) return;
    const id = state.sel.slice(2);
    if (ev.key === "Delete" || ev.key === "Backspace") removeNode(id);
    else if (ev.key === "e") expand(id);
    else if (ev.key === "p") togglePin(id);
  });

  window.addEventListener("hashchange", () => restore(parseHash(location.hash)));
}

// ------------------------------------------------------------------------ start
async function loadSchema() {
  const body = await api.schema();
  let rels = body.relations || body.relation_types || [];
  if (!Array.isArray(rels)) rels = Object.entries(rels).map(([name, v]) => ({ name, ...(v || {}) }));
  // only relations an actor takes part in are drawn (not statement → document bookkeeping)
  const drawn = (kinds) => !Array.isArray(kinds) || kinds.includes("Actor") || kinds.includes("Topic");
  rels = rels.filter((r) => typeof r === "string" || (drawn(r.source) && drawn(r.target) && (!Array.isArray(r.source) || r.source.includes("Actor"))));
  schema.relations = rels.map((r) => (typeof r === "string" ? r : r.name));
  schema.relationInfo = Object.fromEntries(rels.map((r) => (typeof r === "string" ? [r, {}] : [r.name, r])));
  let types = body.actor_types || [];
  schema.actorTypeInfo = {};
  if (!Array.isArray(types)) {
    schema.actorTypeInfo = Object.fromEntries(Object.entries(types).map(([k, v]) => [k, typeof v === "string" ? v : (v && v.description) || k]));
    types = Object.keys(types);
  } else {
    for (const t of types) if (t && typeof t === "object") schema.actorTypeInfo[t.name] = t.description || t.name;
    types = types.map((t) => (typeof t === "string" ? t : t.name));
  }
  // the metric list comes from the API when it says which it has
  if (Array.isArray(body.metrics) && body.metrics.length) {
    const sel = $("#metric");
    const labels = { pagerank: "PageRank", betweenness: "Betweenness", degree: "Degree" };
    sel.replaceChildren(h("option", { value: "" }, "—"), ...body.metrics.map((m) => h("option", { value: m }, labels[m] || m)));
    sel.value = state.metric;
  }
  schema.actorTypes = types;
  schema.loaded = true;
}

async function restore(next) {
  restoring = true;
  updateIdle();
  try {
    state = next;
    syncControls();
    cy.elements().remove();
    pathResult = null;
    selectedPath = -1;
    truncated = capped = false;
    await loadSeeds(state.seeds);
    if (state.path) await findPaths(state.path.source, state.path.target, { quiet: true });
    else renderPaths();
    if (state.metric) await applyMetric();
    else renderRanking([]);
    afterChangeNoHash();
    runLayout({ randomize: true }); // not animated while restoring: the link's view at once
    restoring = false;
    if (state.sel) selectElement(state.sel);
    else closePanel();
  } catch (err) {
    handleError(err);
  } finally {
    restoring = false;
    saveHash();
    updateIdle();
  }
}

function afterChangeNoHash() {
  const hidden = applyFilters();
  applyPins();
  markSeeds();
  highlightPath();
  if (scores) sizeByScores();
  updateDateSlider();
  renderLegend();
  renderStatus(hidden);
  $("#empty").hidden = cy.nodes().nonempty();
}

async function renderStarters() {
  try {
    const body = await api.influence("degree", { top: 6 });
    const rows = listOf(body, "scores", "ranking");
    $("#starters").replaceChildren(
      ...rows.map((r) => {
        const a = r.actor || r;
        return h("button", { type: "button", class: "chip", onclick: () => pickActor(a.id) }, a.name);
      }),
    );
  } catch {
    /* the hint still works without examples */
  }
}

async function boot() {
  hideBanner();
  try {
    await loadSchema();
  } catch (err) {
    handleError(err, "Schema");
    return;
  }
  buildFilterControls();
  renderStarters();
  await restore(parseHash(location.hash));
}

// ------------------------------------------------------------------------ test hook
function updateIdle() {
  const idle = pendingCount() === 0 && !layoutRunning && !restoring;
  document.body.dataset.idle = idle ? "1" : "0";
  hook.idle = idle;
}
onPending(() => updateIdle());

const hook = {
  cy,
  idle: false,
  get state() {
    return JSON.parse(JSON.stringify(state));
  },
  get path() {
    return pathResult;
  },
  expand,
  removeNode,
  togglePin,
  findPaths,
  select: selectElement,
  merge: (sub) => {
    const added = merge(sub);
    afterChange({ layout: true });
    return added.length;
  },
  png: (opts = {}) => cy.png({ full: true, bg: "#ffffff", ...opts }),
  limits: { FIRST_LIMIT, MAX_NODES },
};
window.actorgraph = hook;
window.cy = cy;

wire();
boot();
