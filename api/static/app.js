// actorgraph explorer: search actors, grow their network, filter it (also when asking the
// API), find communication paths and their brokers, size nodes by influence, read the
// evidence behind every node and relation, as a graph, a table or a list of stances, over
// a timeline; undo with Back, share or save the view (positions included), export it.
//
// Plain ES modules over Cytoscape.js; layouts run in a Web Worker (layout.js). The view's
// state lives in the URL hash (urlstate.js) and every change is a history entry.
// `window.actorgraph` exposes the Cytoscape instance and a few hooks for tests.

import { ApiError, api, cancelPending, listOf, oldestPending, onPending, pendingCount } from "./api.js";
import { app, ctx } from "./context.js";
import { $, $$, download, fill, h, nextFrame, nextTask, plural, textOn } from "./dom.js";
import { chunking, inChunks, onChunkWork, sliceSize } from "./chunks.js";
import { BigViewLayer } from "./biglayer.js";
import { captionLines, toCsv, toGexf, toGraphml, toPng, toSvg, today, viewData } from "./exporters.js";
import { BASE_SIZE, LAYOUTS, createCy, dayOf, edgeClasses, edgeData, edgeId, nodeClasses, nodeData, tuneForSize } from "./graph.js";
import { focusedNode, setFocus, wireKeyboard } from "./keyboard.js";
import { LayoutRunner, fitView, isPlaced, markPlaced, placeNew, shown } from "./layout.js";
import { renderOverview } from "./overview.js";
import { closePanelBody, relSwatch, renderPanel } from "./panel.js";
import {
  buildPathControls,
  fetchPaths,
  highlightPath,
  pathPick,
  pathSubgraph,
  readPathControls,
  renderPaths,
  syncPathControls,
} from "./paths.js";
import { renderStances, renderTable } from "./tables.js";
import { initTimeline, isPlaying, stopPlayback, updateTimeline } from "./timeline.js";
import { DEFAULT_LIMIT, MAX_LIMIT, decodePositions, emptyState, encodePositions, parseHash, toHash } from "./urlstate.js";

const MAX_NODES = 3000;
const SLOW_MS = 400; // requests slower than this show progress
const QUIET_ADD = 600; // elements: more than this are laid out before they are drawn
// elements per frame when many are added, revealed or resized (each frame restyles them)
const ADD_PER_FRAME = 150;
const REVEAL_PER_FRAME = 300;
const REMOVE_PER_FRAME = 300;
const SIZES_PER_FRAME = 150;
const FILTER_PER_FRAME = 500;
const POSITIONS_PER_FRAME = 200;

// ------------------------------------------------------------------------ missing assets
if (typeof cytoscape === "undefined") {
  const box = document.getElementById("missing-assets");
  box.hidden = false;
  document.body.dataset.idle = "1";
  throw new Error("the explorer's scripts (api/static/vendor/) are missing: run `make ui`");
}

const cy = createCy($("#cy"));
app.cy = cy;
const bigLayer = new BigViewLayer(cy);
app.bigLayer = bigLayer;
// a path's faded rest is drawn by the big view, or marked in Cytoscape's classes on small ones
bigLayer.onChange = () => app.pathResult && highlightPath();
let restoring = 0;
let actions = 0; // person's actions still at work (for the idle flag tests wait on)
let truncations = []; // [{seed, name, left_out}]
let capped = false;
let firstRestore = true;

const layouts = new LayoutRunner(cy, {
  onProgress: (f, n) => showProgress(`Laying out ${plural(n, "node")}`, f),
  onBusy: () => updateIdle(),
});

// ------------------------------------------------------------------------ history
let lastCommit = { kind: "", at: 0 };
let appliedHash = null;

function currentHash() {
  return toHash(app.state) || "#";
}

/** A change the person made: a new history entry (Back undoes it). */
function commit(label, { coalesce = "" } = {}) {
  if (restoring) return;
  const now = performance.now();
  const hash = currentHash();
  const same = coalesce && lastCommit.kind === coalesce && now - lastCommit.at < 1500;
  if (hash === location.hash || (hash === "#" && !location.hash)) return;
  if (same || isPlaying()) history.replaceState({ label }, "", hash);
  else history.pushState({ label }, "", hash);
  appliedHash = hash;
  lastCommit = { kind: coalesce || label, at: now };
  afterHashChange();
}

/** A detail of the current entry (selection, positions after a layout): no new entry. */
function replaceHash() {
  if (restoring) return;
  const hash = currentHash();
  if (hash !== location.hash) history.replaceState(history.state, "", hash);
  appliedHash = hash;
  afterHashChange();
}

function afterHashChange() {
  $("#share-url").value = location.href;
  const label = (history.state && history.state.label) || "";
  $("#undo").title = label ? `Undo: ${label} (browser Back)` : "Undo (browser Back)";
}

let posTimer = null;
let savingPositions = false;
/** Write every placed node's position into the hash (after a layout or a drag). */
let pushPositions = ""; // the next positions are a change of their own (relayout, a drag)
function savePositions({ push = "" } = {}) {
  if (push) pushPositions = push;
  clearTimeout(posTimer);
  savingPositions = true;
  updateIdle();
  posTimer = setTimeout(async () => {
    posTimer = null;
    await writePositions();
    updateIdle();
  }, 60);
}

async function writePositions() {
  const pos = {};
  cy.nodes().forEach((n) => {
    if (isPlaced(n)) pos[n.id()] = n.position();
  });
  app.state.pos = await encodePositions(pos);
  savingPositions = false;
  if (pushPositions) {
    const label = pushPositions;
    pushPositions = "";
    lastCommit.kind = "";
    commit(label);
  } else replaceHash();
}

// ------------------------------------------------------------------------ messages
function showBanner(text, { retry = false } = {}) {
  const b = $("#banner");
  b.replaceChildren(h("strong", {}, "API unreachable. "), text, retry ? h("button", { type: "button", onclick: () => boot() }, "Retry") : null);
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
  t.setAttribute("role", kind === "error" ? "alert" : "status");
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), kind === "error" ? 9000 : 4000);
}

function handleError(err, what = "") {
  if (err instanceof ApiError && err.cancelled) {
    toast(err.message);
    return;
  }
  if (err instanceof ApiError && err.unreachable) {
    showBanner(`${err.message} Start it with \`actorgraph serve\` (or check the network), then retry.`, { retry: true });
    return;
  }
  const sugg = err && err.details && err.details.suggestions;
  if (sugg && sugg.length) {
    // the API's message already ends with "(did you mean: …?)": say it once, as links
    const message = String(err.message).replace(/\s*\(did you mean[^)]*\)\s*$/i, "");
    toast(null, {
      kind: "error",
      html: h(
        "span",
        {},
        `${what ? what + ": " : ""}${message}. Did you mean `,
        ...sugg.map((s, i) => [i ? (i === sugg.length - 1 ? " or " : ", ") : "", h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), pickActor(s)) }, s)]),
        "?",
      ),
    });
    return;
  }
  console.warn(err);
  toast(`${what ? what + ": " : ""}${err.message || err}`, { kind: "error" });
}

// ------------------------------------------------------------------------ progress
let progressTimer = null;
let layoutProgress = null; // {text, fraction}

function showProgress(text, fraction) {
  layoutProgress = { text, fraction };
  renderProgress();
}

function renderProgress() {
  const box = $("#progress");
  const req = oldestPending();
  const now = performance.now();
  let text = null;
  let fraction = null;
  let cancellable = false;
  if (req && now - req.started > SLOW_MS) {
    text = `${req.label}… ${Math.floor((now - req.started) / 1000)} s`;
    cancellable = true;
  } else if (layouts.running && layoutProgress) {
    text = `${layoutProgress.text}… ${Math.round(100 * layoutProgress.fraction)}%`;
    fraction = layoutProgress.fraction;
  }
  if (!text) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  $("#progress-text").textContent = text;
  const bar = $("#progress-bar");
  if (fraction === null) bar.removeAttribute("value");
  else bar.value = fraction;
  $("#progress-cancel").hidden = !cancellable;
}

function tickProgress() {
  renderProgress();
  if (pendingCount() || layouts.running) progressTimer = setTimeout(tickProgress, 250);
  else {
    progressTimer = null;
    layoutProgress = null;
    renderProgress();
  }
}

// ------------------------------------------------------------------------ loading the view
const hoodCache = new Map(); // JSON key -> neighbourhood answer

/** What neighbourhood requests carry: the filters the view shows (null: nothing to ask). */
function fetchParams() {
  const s = app.state;
  if (s.rel && s.rel.length === 0) return null;
  return { depth: s.depth, limit: s.limit, relations: s.rel || undefined, since: s.since || undefined, until: s.until || undefined };
}

async function neighbourhood(seed, params) {
  const key = JSON.stringify([seed, params]);
  if (!hoodCache.has(key)) {
    const p = api.neighbors(seed, params);
    hoodCache.set(key, p);
    p.catch(() => hoodCache.delete(key));
    if (hoodCache.size > 200) hoodCache.delete(hoodCache.keys().next().value);
  }
  return hoodCache.get(key);
}

/**
 * Make the view what the state says: the union of each seed's neighbourhood (asked with
 * the view's filters), the path finder's paths, less removed nodes. Elements already drawn
 * keep their place. Returns the nodes added.
 */
async function reloadView() {
  const s = app.state;
  const params = fetchParams();
  const answers = [];
  if (params) {
    const results = await Promise.allSettled(s.seeds.map((seed) => neighbourhood(seed, params)));
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.status === "fulfilled") answers.push([s.seeds[i], r.value]);
      else if (r.reason && r.reason.unreachable) throw r.reason;
      else if (!(r.reason && r.reason.cancelled)) {
        handleError(r.reason, `Actor '${s.seeds[i]}'`);
        s.seeds = s.seeds.filter((x) => x !== s.seeds[i]);
      }
    }
  }
  const nodes = new Map();
  const edges = new Map();
  truncations = [];
  for (const [seed, sub] of answers) {
    for (const n of sub.nodes || []) {
      const had = nodes.get(n.id);
      nodes.set(n.id, had ? { ...had, intermediary: had.intermediary || n.intermediary } : n);
    }
    for (const e of sub.edges || []) edges.set(edgeId(e), e);
    if (sub.truncated) {
      const me = (sub.nodes || []).find((n) => n.id === seed);
      truncations.push({ seed, name: me ? me.name : seed, left_out: sub.left_out || null, exact: sub.left_out_exact !== false });
    }
  }
  const removed = new Set(s.removed);
  for (const id of removed) nodes.delete(id);
  const onPath = pathSubgraph(app.pathResult);
  for (const n of onPath.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  // a path's relations may carry only their first sentences (evidence_limit): keep the fuller
  for (const e of onPath.edges) {
    const had = edges.get(edgeId(e));
    if (!had || (e.evidence || []).length > (had.evidence || []).length) edges.set(edgeId(e), e);
  }
  // seeds first, then in answer order, up to the cap
  capped = nodes.size > MAX_NODES;
  const keep = new Set([...s.seeds.filter((x) => nodes.has(x)), ...onPath.nodes.map((n) => n.id), ...nodes.keys()].slice(0, MAX_NODES));
  const newNodes = [];
  const newEdges = [];
  const kept = [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target));
  const classes = edgeClasses(kept.length);
  const drawn = new Map(cy.elements().map((x) => [x.id(), x])); // one pass, not a lookup each
  for (const [id, n] of nodes) {
    if (!keep.has(id)) continue;
    const have = drawn.get(id);
    if (have) {
      if (n.intermediary && !have.data("intermediary")) have.data("intermediary", true).addClass("intermediary");
      continue;
    }
    const d = nodeData(n, ctx);
    newNodes.push({ group: "nodes", data: d, classes: nodeClasses(d, kept.length) });
  }
  for (const e of kept) {
    const have = drawn.get(edgeId(e));
    if (have) {
      // a fuller answer (e.g. after "show all evidence") is kept
      if ((e.evidence || []).length > have.data("evidence").length) have.data(edgeData(e, ctx));
      continue;
    }
    newEdges.push({ group: "edges", data: edgeData(e, ctx), classes });
  }
  const keptIds = new Set(kept.map(edgeId));
  // what goes, a slice per frame too (edges first: removing a node removes its edges)
  const stale = [];
  for (const [id, x] of drawn) if (x.isEdge() && !keptIds.has(id)) stale.push(x);
  for (const [id, x] of drawn) if (x.isNode() && !keep.has(id)) stale.push(x);
  let added = cy.collection();
  await inChunks("remove", stale, REMOVE_PER_FRAME, (slice) => cy.batch(() => cy.collection(slice.filter((x) => x.inside())).remove()));
  // Big additions come in slices and stay undrawn ("pending") until they are laid out, so
  // no frame draws a half-built heap; small ones are placed near their neighbours at once.
  const all = [...newNodes, ...newEdges];
  const quiet = all.length > QUIET_ADD;
  const SLICE = ADD_PER_FRAME;
  for (let i = 0; i < all.length; i += SLICE) {
    let slice;
    const part = all.slice(i, i + SLICE);
    if (quiet) for (const x of part) x.classes = `${x.classes || ""} pending`;
    cy.batch(() => {
      slice = cy.add(part);
    });
    added = added.union(slice);
    if (!quiet) placeNew(cy, slice.nodes());
    if (i + SLICE < all.length) await nextFrame();
  }
  tuneForSize(cy, bigLayer);
  await nextFrame(); // what the caller does next (filters, marks, panels) in a task of its own
  return added.nodes();
}

// ------------------------------------------------------------------------ filters
let filterJob = Promise.resolve(true); // the classes of the last filter change, applied

/** Hide what the filters leave out (classes hidden and type-hidden): {hiddenEdges, revealed
 * (nodes shown again), chunked (still being applied: see filterJob)}. */
function applyFilters() {
  const s = app.state;
  const rel = s.rel ? new Set(s.rel) : null;
  const types = s.types ? new Set(s.types) : null;
  const since = dayOf(s.since);
  const until = dayOf(s.until);
  const keepShown = new Set(s.seeds);
  if (app.pathResult) {
    keepShown.add(app.pathResult.source.id);
    keepShown.add(app.pathResult.target.id);
  }
  // decided on the elements' data in one pass each (no collection per element: on a big view
  // that was most of a filter change), then only what changes is toggled
  const typeHidden = new Set();
  cy.nodes().forEach((n) => {
    if (types && !types.has(n.data("type"))) typeHidden.add(n.id());
  });
  const hasEdges = new Set();
  const shownEdges = new Set(); // nodes with a visible relation
  const toggles = [];
  let hiddenEdges = 0;
  cy.edges().forEach((e) => {
    const d = e.data();
    let hide = (rel && !rel.has(d.type)) || typeHidden.has(d.source) || typeHidden.has(d.target);
    if (!hide && d.dmin !== null) {
      if (since !== null && d.dmax < since) hide = true;
      if (until !== null && d.dmin > until) hide = true;
    }
    hasEdges.add(d.source).add(d.target);
    if (!hide) shownEdges.add(d.source).add(d.target);
    if (e.hasClass("hidden") !== hide) toggles.push([e, "hidden", hide]);
    if (hide) hiddenEdges += 1;
  });
  // nodes left with no visible relation go too, except those the researcher chose
  cy.nodes().forEach((n) => {
    const id = n.id();
    const off = typeHidden.has(id);
    if (n.hasClass("type-hidden") !== off) toggles.push([n, "type-hidden", off]);
    const hide = off || (!keepShown.has(id) && hasEdges.has(id) && !shownEdges.has(id));
    if (n.hasClass("hidden") !== hide) toggles.push([n, "hidden", hide]);
  });
  // on big views, a slice per frame (whoever needs the classes waits for filterJob)
  const chunked = toggles.length > sliceSize("filter", FILTER_PER_FRAME);
  filterJob = inChunks("filter", toggles, FILTER_PER_FRAME, (slice) => cy.batch(() => slice.forEach(([ele, cls, on]) => ele.toggleClass(cls, on))));
  const revealed = toggles.filter(([ele, cls, on]) => cls === "hidden" && !on && ele.isNode()).map(([ele]) => ele);
  return { hiddenEdges, revealed, chunked };
}

let reloadTimer = null;
let reloadPending = false;
/** After a filter change: hide at once, then ask the API again with the new filters. */
function scheduleReload(delay = 350) {
  clearTimeout(reloadTimer);
  reloadPending = true;
  updateIdle();
  reloadTimer = setTimeout(async () => {
    reloadTimer = null;
    try {
      const added = await reloadView();
      refreshView();
      await settle(added);
    } catch (err) {
      handleError(err, "Loading");
    } finally {
      reloadPending = false;
      updateIdle();
    }
  }, delay);
}

function onFilterChange(label) {
  commit(label, { coalesce: "filter" });
  const revealed = refreshView();
  if (!isPlaying()) scheduleReload();
  else if (revealed.nonempty()) placeNew(cy, revealed); // playback: keep the picture still
  if (app.state.metric) scheduleMetric();
}

// ------------------------------------------------------------------------ after every change
const LATE_OVER = 2000; // elements: over this, what follows a change comes in tasks of its own
let late = null; // the rest of a refresh on a big view, while it runs
let lateAgain = false;
let lateHidden = 0;
let lateQuiet = false;

/** Filters, highlights, sizes, legend, status, timeline, open panel and tab; returns the
 * nodes that became visible without ever having been laid out. On big views only the
 * filters are applied in this task; the rest follows, a task each (refreshLate). */
function refreshView() {
  const { hiddenEdges, revealed, chunked } = applyFilters();
  applyPins();
  markSeeds();
  lateHidden = hiddenEdges;
  lateQuiet = restoring > 0;
  if (cy.elements().length > LATE_OVER) refreshLate();
  else {
    highlightPath();
    if (app.scores) sizeByScores();
    updateTimeline();
    refreshShown();
  }
  if (chunked) {
    const job = filterJob;
    job.then((done) => done && job === filterJob && refreshShown());
  }
  return cy.collection(revealed).filter((n) => !isPlaced(n));
}

/** Legend, status, empty view, tab and open panel, as the view now is. */
function refreshShown() {
  renderLegend();
  renderStatus(lateHidden);
  $("#empty").hidden = cy.nodes().nonempty() || restoring > 0;
  refreshTab();
  if (app.state.sel && !restoring && !lateQuiet) renderPanel();
}

/** The rest of a refresh on a big view: path marks and sizes, the timeline, what is shown,
 * each in a task of its own (each is a pass over thousands of elements); a refresh asked
 * while one runs makes it run again. */
function refreshLate() {
  if (late) {
    lateAgain = true;
    return;
  }
  late = (async () => {
    try {
      do {
        lateAgain = false;
        await nextTask();
        highlightPath();
        if (app.scores) sizeByScores();
        await nextTask();
        updateTimeline();
        await nextTask();
        refreshShown();
      } while (lateAgain);
    } finally {
      late = null;
      updateIdle();
    }
  })();
  updateIdle();
}

/** Lay out what needs it: everything when most nodes are new, else the newcomers. */
const settle = busy(async function settle(added = cy.collection(), { full = false } = {}) {
  await filterJob;
  const visible = cy.nodes().filter(shown);
  if (visible.empty()) return revealPending();
  const unplaced = visible.filter((n) => !isPlaced(n));
  if (!full && unplaced.empty()) {
    if (added.nonempty()) fitView(cy);
    return revealPending();
  }
  const fresh = full || unplaced.length > visible.length / 2;
  const ok = await layouts.run({
    name: app.state.layout,
    incremental: !fresh,
    pins: app.state.pins,
    roots: app.state.seeds,
    animate: restoring === 0 && cy.$(".pending").empty(),
  });
  if (ok) {
    markPlaced(cy.nodes().filter(shown));
    savePositions();
  }
  await revealPending();
  return ok;
});

/** Draw what was added undrawn, a slice per frame. */
async function revealPending() {
  const pending = cy.elements(".pending");
  placeNew(cy, pending.nodes());
  await inChunks("reveal", pending, REVEAL_PER_FRAME, (slice) => slice.removeClass("pending"));
}

function markSeeds() {
  const seeds = new Set(app.state.seeds);
  cy.batch(() => {
    cy.nodes(".seed").filter((n) => !seeds.has(n.id())).removeClass("seed");
    for (const s of seeds) cy.$id(s).addClass("seed");
  });
}

function applyPins() {
  cy.batch(() => {
    cy.nodes(".pinned").filter((n) => !app.state.pins[n.id()]).unlock().removeClass("pinned");
    for (const [id, p] of Object.entries(app.state.pins)) {
      const n = cy.$id(id);
      if (n.empty()) continue;
      n.unlock().position(p).lock().addClass("pinned");
      markPlaced([n]);
    }
  });
}

function renderStatus(hiddenEdges) {
  const n = cy.nodes().filter((x) => !x.hasClass("hidden")).length;
  const e = cy.edges().length - hiddenEdges;
  const bar = $("#status");
  bar.replaceChildren(h("span", {}, `${plural(n, "node")} · ${plural(e, "relation")}`, hiddenEdges ? ` (${hiddenEdges} hidden by filters)` : ""));
  for (const t of truncations) {
    const lo = t.left_out;
    const what = lo
      ? Object.entries(lo)
          .filter(([, c]) => c > 0)
          .map(([k, c]) => plural(c, k === "Topic" ? "topic" : k === "Actor" ? "actor" : k.toLowerCase()))
          .join(" and ")
      : "";
    bar.append(
      h("span", { class: "warn" }, ` · around ${t.name}, ${what ? `${t.exact ? "" : "at least "}${what} left out` : "more neighbours exist"} (cap ${app.state.limit}${app.state.rel ? ", with the relation filter" : ""}) `),
    );
  }
  if (truncations.length && app.state.limit < MAX_LIMIT) {
    bar.append(h("button", { type: "button", id: "show-more", onclick: showMore }, "Show more"));
  }
  if (capped) bar.append(h("span", { class: "warn" }, ` · view capped at ${MAX_NODES} nodes: remove seeds or start over to see others`));
  if (app.state.removed.length) {
    bar.append(h("span", {}, ` · ${app.state.removed.length} removed `), h("button", { type: "button", onclick: restoreRemoved }, "Restore"));
  }
}

async function showMore() {
  app.state.limit = Math.min(MAX_LIMIT, app.state.limit * 2);
  commit("Show more neighbours");
  await refetchAndSettle();
}

async function restoreRemoved() {
  app.state.removed = [];
  commit("Restore removed nodes");
  await refetchAndSettle();
}

const refetchAndSettle = busy(async function refetchAndSettle() {
  try {
    const added = await reloadView();
    refreshView();
    await settle(added);
  } catch (err) {
    handleError(err, "Loading");
  }
});

// ------------------------------------------------------------------------ actions
const expand = busy(async function expand(id, { silent = false } = {}) {
  const n = cy.$id(id);
  if (n.nonempty() && n.data("kind") !== "Actor") {
    toast("Only actors can be expanded; this is a topic.");
    return;
  }
  if (app.state.seeds.includes(id) && n.nonempty()) {
    if (!silent) toast(`${n.data("name")}'s neighbours are already in view.`);
    return;
  }
  const before = cy.nodes().length;
  app.state.seeds.push(id);
  commit(`Expand ${n.nonempty() ? n.data("name") : id}`);
  try {
    const added = await reloadView();
    refreshView();
    await settle(added, { full: before === 0 });
    if (!silent && added.length === 0 && cy.nodes().length > 1) toast("No new neighbours under the current filters.");
  } catch (err) {
    handleError(err, "Expand");
  }
});

function removeNode(id) {
  const n = cy.$id(id);
  if (n.empty()) return;
  const name = n.data("name");
  n.remove();
  if (!app.state.removed.includes(id)) app.state.removed.push(id);
  app.state.seeds = app.state.seeds.filter((s) => s !== id);
  delete app.state.pins[id];
  if (app.state.sel === `n:${id}` || (app.state.sel.startsWith("e:") && cy.$id(app.state.sel.slice(2)).empty())) closePanel({ quiet: true });
  commit(`Remove ${name}`);
  refreshView();
  savePositions();
}

function togglePin(id) {
  const n = cy.$id(id);
  if (n.empty()) return;
  if (app.state.pins[id]) {
    delete app.state.pins[id];
    n.unlock().removeClass("pinned");
  } else {
    app.state.pins[id] = { ...n.position() };
    n.lock().addClass("pinned");
  }
  commit(`${app.state.pins[id] ? "Pin" : "Unpin"} ${n.data("name")}`);
  if (app.state.sel === `n:${id}`) renderPanel();
}

const pickActor = busy(async function pickActor(idOrName) {
  try {
    let id = idOrName;
    if (cy.$id(id).empty()) {
      // a name (from a suggestion link): resolve it
      const found = listOf(await api.searchActors(idOrName, 1), "actors");
      if (found.length) id = found[0].id;
    }
    const had = cy.$id(id).nonempty();
    await expand(id, { silent: true });
    if (cy.$id(id).nonempty()) {
      selectElement(`n:${id}`);
      const lonely = cy.$id(id).connectedEdges().empty();
      if (lonely) toast(`${cy.$id(id).data("name")} has no relation${app.state.rel || app.state.since || app.state.until ? " under the current filters" : " in the graph"}.`);
      if (had && !layouts.running) cy.animate({ center: { eles: cy.$id(id) }, duration: 300 });
    }
  } catch (err) {
    handleError(err);
  }
});

// ------------------------------------------------------------------------ influence
const scoreCache = new Map();
let metricTimer;
function scheduleMetric() {
  clearTimeout(metricTimer);
  metricTimer = setTimeout(() => applyMetric({ relayout: false }), 300);
}

const applyMetric = busy(async function applyMetric({ relayout = true } = {}) {
  const metric = app.state.metric;
  if (!metric) {
    app.scores = null;
    renderRanking([]);
    await sizeByScores();
    return;
  }
  const s = app.state;
  const actorRels = app.schema.relations.filter((t) => {
    const r = app.schema.relationInfo[t] || {};
    return !Array.isArray(r.target) || r.target.includes("Actor");
  });
  const rels = s.rel ? s.rel.filter((t) => actorRels.includes(t)) : undefined;
  // a score for every actor in view, not just the first 500 of the graph
  const top = Math.min(10000, Math.max(500, cy.nodes().length));
  const query = { relations: rels && rels.length ? rels : undefined, since: s.since || undefined, until: s.until || undefined, top };
  const key = JSON.stringify([metric, query]);
  let rows = scoreCache.get(key);
  if (!rows) {
    try {
      rows = listOf(await api.influence(metric, query), "scores", "ranking");
      scoreCache.set(key, rows);
    } catch (err) {
      handleError(err, "Influence");
      if (err.cancelled && app.state.metric === metric) {
        app.state.metric = "";
        $("#metric").value = "";
        app.scores = null;
        sizeByScores();
        replaceHash();
      }
      return;
    }
  }
  if (metric !== app.state.metric) return;
  app.scores = new Map(rows.map((r) => [(r.actor && r.actor.id) || r.id, r.score]));
  renderRanking(rows.slice(0, 8));
  if (!(await sizeByScores())) return; // a newer size setting took over
  await filterJob;
  if (relayout && cy.nodes().filter(shown).nonempty()) {
    // bigger nodes need room: settle them where they are
    const ok = await layouts.run({ name: app.state.layout, incremental: true, pins: app.state.pins, roots: app.state.seeds, animate: restoring === 0 });
    if (ok) savePositions();
  }
});

/** Node sizes from the scores (or the base sizes), a slice of the changed nodes per frame. */
function sizeByScores() {
  const scores = app.scores;
  const max = scores ? Math.max(1e-12, ...scores.values()) : 1;
  const changes = [];
  cy.nodes().forEach((n) => {
    let size = BASE_SIZE[n.data("kind")] || 30;
    let score = null;
    if (scores) {
      const sc = scores.get(n.id());
      size = sc === undefined ? 16 : 18 + 62 * Math.sqrt(Math.max(0, sc) / max);
      score = sc ?? 0;
    }
    if (Math.abs((n.data("size") || 0) - size) > 0.01 || (scores && n.data("score") !== score)) changes.push([n, size, score]);
  });
  return inChunks("sizes", changes, SIZES_PER_FRAME, (slice) =>
    cy.batch(() =>
      slice.forEach(([n, size, score]) => {
        if (Math.abs((n.data("size") || 0) - size) > 0.01) n.data("size", size);
        if (score !== null) n.data("score", score);
      }),
    ),
  );
}

function renderRanking(rows) {
  fill(
    $("#ranking"),
    ...rows.map((r) => {
      const a = r.actor || r;
      return h(
        "li",
        {},
        h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), pickActor(a.id)) }, a.name || a.id),
        h("span", { class: "meta" }, ` ${Number(r.score).toPrecision(3)}`),
      );
    }),
  );
  $("#ranking-box").hidden = rows.length === 0;
}

// ------------------------------------------------------------------------ path finder
const findPaths = busy(async function findPaths(source, target, { quiet = false } = {}) {
  if (!source || !target) {
    toast("Pick two actors for the path finder.");
    return;
  }
  readPathControls();
  let body;
  try {
    body = await fetchPaths(source, target);
  } catch (err) {
    handleError(err, "Paths");
    return;
  }
  app.pathResult = body;
  app.selectedPath = -1;
  app.state.path = { source: body.source.id, target: body.target.id };
  $("#path-from").value = body.source.name;
  $("#path-to").value = body.target.name;
  pathPick.source = body.source.id;
  pathPick.target = body.target.id;
  // the paths' nodes come in even if the researcher had removed them
  const ids = new Set(pathSubgraph(body).nodes.map((n) => n.id));
  app.state.removed = app.state.removed.filter((r) => !ids.has(r));
  renderPaths();
  if (quiet) return;
  commit(`Paths ${body.source.name} → ${body.target.name}`);
  try {
    const before = cy.nodes().length;
    const added = await reloadView();
    refreshView();
    await settle(added, { full: before === 0 });
  } catch (err) {
    handleError(err, "Paths");
  }
});

function clearPath() {
  app.pathResult = null;
  app.selectedPath = -1;
  app.state.path = null;
  renderPaths();
  commit("Clear paths");
  refetchAndSettle();
}

function setPathEnd(which, id) {
  pathPick[which] = id;
  const n = cy.$id(id);
  $(which === "source" ? "#path-from" : "#path-to").value = n.nonempty() ? n.data("name") : id;
  if (pathPick.source && pathPick.target) findPaths(pathPick.source, pathPick.target);
}

// ------------------------------------------------------------------------ panel and selection
let panelOpener = null;

function selectElement(sel, { focusPanel = false, from = null } = {}) {
  // Esc returns focus to what opened the panel: the canvas, a table row, a search field…
  if (from) panelOpener = from;
  else if (!app.state.sel && !$("#panel").contains(document.activeElement)) panelOpener = document.activeElement;
  app.state.sel = sel;
  cy.elements(":selected").unselect();
  const ele = cy.$id(sel.slice(2));
  if (ele.nonempty()) ele.select();
  replaceHash();
  renderPanel({ focus: focusPanel || from !== null });
}

function closePanel({ quiet = false, restoreFocus = false } = {}) {
  app.state.sel = "";
  cy.elements(":selected").unselect();
  closePanelBody();
  if (!quiet) replaceHash();
  if (restoreFocus) {
    const back = panelOpener && document.contains(panelOpener) && panelOpener !== document.body ? panelOpener : $("#cy");
    back.focus();
  }
  panelOpener = null;
}

// ------------------------------------------------------------------------ legend and filter controls
function renderLegend() {
  const present = new Map();
  cy.edges().forEach((e) => {
    if (e.hasClass("hidden")) return;
    const t = e.data("type");
    present.set(t, (present.get(t) || 0) + 1);
  });
  const kinds = [...app.schema.actorTypes, "topic"];
  const item = (swatch, text) => h("li", {}, swatch, text);
  fill(
    $("#legend"),
    h(
      "ul",
      { "aria-label": "kinds of node" },
      ...kinds.map((t) => item(h("span", { class: `swatch shape-${t}`, "aria-hidden": "true", style: { background: ctx.typeColor(t) } }), t)),
      item(h("span", { class: "swatch ring", "aria-hidden": "true" }), "intermediary"),
      item(h("span", { class: "swatch halo", "aria-hidden": "true" }), "intermediary on a path"),
      item(h("span", { class: "swatch pathring", "aria-hidden": "true" }), "on a path"),
      item(h("span", { class: "swatch pinring", "aria-hidden": "true" }), "pinned"),
      app.state.metric ? h("li", { class: "meta" }, `node size: ${app.state.metric}`) : null,
    ),
    present.size
      ? h("ul", { "aria-label": "relations in view" }, ...[...present.entries()].map(([t, c]) => item(relSwatch(t), `${t} (${c})`)))
      : h("p", { class: "meta" }, "No relation in view."),
  );
}

function buildFilterControls() {
  const s = app.schema;
  $("#rel-filter").replaceChildren(
    ...s.relations.map((t) =>
      h(
        "label",
        { class: "check", title: (s.relationInfo[t] || {}).description || t },
        h("input", { type: "checkbox", name: "rel", value: t, checked: !app.state.rel || app.state.rel.includes(t) }),
        relSwatch(t),
        t,
      ),
    ),
  );
  $("#type-filter").replaceChildren(
    ...[...s.actorTypes, "topic"].map((t) =>
      h(
        "label",
        { class: "check", title: t === "topic" ? "topics (what is demanded, rejected…)" : s.actorTypeInfo[t] || t },
        h("input", { type: "checkbox", name: "type", value: t, checked: !app.state.types || app.state.types.includes(t) }),
        h("span", { class: `swatch shape-${t}`, "aria-hidden": "true", style: { background: ctx.typeColor(t) } }),
        t,
      ),
    ),
  );
  buildPathControls();
}

function readChecks(name, all) {
  const on = $$(`input[name=${name}]:checked`).map((x) => x.value);
  return on.length === all.length ? null : on;
}

function syncControls() {
  const s = app.state;
  $$("input[name=rel]").forEach((x) => (x.checked = !s.rel || s.rel.includes(x.value)));
  $$("input[name=type]").forEach((x) => (x.checked = !s.types || s.types.includes(x.value)));
  $("#layout").value = s.layout in LAYOUTS ? s.layout : "fcose";
  $("#metric").value = s.metric;
  $("#depth").value = String(s.depth);
  syncPathControls();
}

// ------------------------------------------------------------------------ tabs
function refreshTab() {
  const tab = app.state.tab;
  for (const t of ["graph", "table", "stances"]) {
    const btn = $(`#tab-${t}`);
    btn.setAttribute("aria-selected", String(t === tab));
    btn.tabIndex = t === tab ? 0 : -1;
  }
  $("#graph-pane").hidden = tab !== "graph";
  $("#table-view").hidden = tab !== "table";
  $("#stances-view").hidden = tab !== "stances";
  if (tab === "table") renderTable();
  if (tab === "stances" && !restoring) renderStances();
}

function setTab(tab) {
  if (app.state.tab === tab) return;
  app.state.tab = tab;
  commit(`Show the ${tab}`);
  refreshTab();
  if (tab === "graph") cy.resize();
}

// ------------------------------------------------------------------------ saved views
const SAVED = "actorgraph.savedViews";
function savedViews() {
  try {
    return JSON.parse(localStorage.getItem(SAVED) || "[]");
  } catch {
    return [];
  }
}
function renderSaved() {
  const views = savedViews();
  fill(
    $("#saved-list"),
    ...views.map((v, i) =>
      h(
        "li",
        {},
        h("a", { href: `${location.pathname}${location.search}${v.hash}`, class: "saved-view" }, v.name),
        h("span", { class: "meta" }, ` ${v.saved}`),
        h(
          "button",
          {
            type: "button",
            class: "link",
            "aria-label": `Delete the saved view ${v.name}`,
            onclick: () => {
              const all = savedViews();
              all.splice(i, 1);
              localStorage.setItem(SAVED, JSON.stringify(all));
              renderSaved();
            },
          },
          "delete",
        ),
      ),
    ),
  );
  $("#saved-empty").hidden = views.length > 0;
}
async function saveView(name) {
  await flushPositions();
  const views = savedViews().filter((v) => v.name !== name);
  views.unshift({ name, hash: location.hash, saved: today() });
  localStorage.setItem(SAVED, JSON.stringify(views.slice(0, 50)));
  renderSaved();
  toast(`Saved “${name}” (in this browser). Its link keeps the positions too.`);
}
async function flushPositions() {
  if (posTimer !== null || savingPositions) {
    clearTimeout(posTimer);
    posTimer = null;
    await writePositions();
  }
}

// ------------------------------------------------------------------------ exports
const exportAs = busy(async function exportAs(format) {
  const data = viewData();
  if (!data.nodes.length) {
    toast("Nothing in view to export.");
    return;
  }
  const stem = `actorgraph-${today()}`;
  try {
    if (format === "gexf") download(new Blob([toGexf(data)], { type: "application/gexf+xml" }), `${stem}.gexf`);
    else if (format === "graphml") download(new Blob([toGraphml(data)], { type: "application/graphml+xml" }), `${stem}.graphml`);
    else if (format === "svg") download(new Blob([toSvg(data)], { type: "image/svg+xml" }), `${stem}.svg`);
    else if (format === "png") download(await toPng(data), `${stem}.png`);
    else if (format === "csv") {
      const { text, incomplete } = await toCsv(data);
      download(new Blob([text], { type: "text/csv;charset=utf-8" }), `${stem}-relations.csv`);
      if (incomplete) toast(`${plural(incomplete, "relation")} had more evidence than this server could list; the CSV has what was loaded.`);
    }
  } catch (err) {
    handleError(err, "Export");
  }
});

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
    // the answer may come after the person has moved on: never open over another field
    if (document.activeElement !== input) return;
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
          h("span", { class: `swatch shape-${a.type}`, "aria-hidden": "true", style: { background: ctx.typeColor(a.type) } }),
          a.name,
          a.intermediary ? h("span", { class: "badge broker-badge" }, "intermediary") : null,
          h("span", { class: "meta" }, ` ${a.type || ""}`),
        ),
      ),
    );
    if (!items.length) list.append(h("li", { class: "none", role: "option", "aria-disabled": "true", "aria-selected": "false" }, "No actor matches."));
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
      if (!list.hidden) {
        ev.stopPropagation();
        close();
      }
    } else if (ev.key === "Tab") {
      clearTimeout(timer);
      timer = null;
      seq += 1; // an answer still on its way is dropped
      close();
    }
  });
  input.addEventListener("blur", () => {
    clearTimeout(timer);
    timer = null;
    seq += 1;
    setTimeout(close, 100);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && items.length && !input.dataset.id) render();
  });
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
    findPaths(pathPick.source || $("#path-from").value.trim(), pathPick.target || $("#path-to").value.trim());
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
  $("#path-options").addEventListener("change", () => {
    readPathControls();
    if (app.state.path) findPaths(app.state.path.source, app.state.path.target);
  });
  $("#hops").addEventListener("change", () => {
    readPathControls();
    if (app.state.path) findPaths(app.state.path.source, app.state.path.target);
  });

  $("#rel-filter").addEventListener("change", () => {
    app.state.rel = readChecks("rel", app.schema.relations);
    onFilterChange("Relation filter");
  });
  $("#type-filter").addEventListener("change", () => {
    app.state.types = readChecks("type", [...app.schema.actorTypes, "topic"]);
    onFilterChange("Kind filter");
  });
  for (const [btn, all] of [
    ["#rel-all", true],
    ["#rel-none", false],
  ]) {
    $(btn).addEventListener("click", () => {
      $$("input[name=rel]").forEach((x) => (x.checked = all));
      app.state.rel = readChecks("rel", app.schema.relations);
      onFilterChange("Relation filter");
    });
  }
  initTimeline((since, until, { final }) => {
    app.state.since = since;
    app.state.until = until;
    if (final && !isPlaying()) onFilterChange("Date window");
    else {
      if (isPlaying()) replaceHash();
      else commit("Date window", { coalesce: "filter" });
      const revealed = refreshView();
      if (revealed.nonempty()) placeNew(cy, revealed);
    }
  });

  const layoutSel = $("#layout");
  layoutSel.replaceChildren(...Object.entries(LAYOUTS).map(([k, v]) => h("option", { value: k }, v)));
  layoutSel.addEventListener("change", async () => {
    app.state.layout = layoutSel.value;
    commit(`Layout: ${LAYOUTS[app.state.layout]}`);
    await settle(cy.collection(), { full: true });
  });
  $("#metric").addEventListener("change", async () => {
    app.state.metric = $("#metric").value;
    commit(app.state.metric ? `Size by ${app.state.metric}` : "Size: none");
    await applyMetric();
    renderLegend();
    if (app.state.tab === "table") renderTable();
  });
  $("#depth").addEventListener("change", async () => {
    app.state.depth = +$("#depth").value || 1;
    commit(`Depth ${app.state.depth}`);
    await refetchAndSettle();
  });
  $("#relayout").addEventListener("click", async () => {
    pushPositions = "Relayout"; // its positions make a history entry of their own
    if (!(await settle(cy.collection(), { full: true }))) pushPositions = "";
  });
  $("#fit").addEventListener("click", () => fitView(cy));
  $("#undo").addEventListener("click", () => history.back());
  $("#redo").addEventListener("click", () => history.forward());
  $("#clear").addEventListener("click", () => {
    const keep = { layout: app.state.layout, metric: app.state.metric, rel: app.state.rel, types: app.state.types, depth: app.state.depth };
    app.state = { ...emptyState(), ...keep };
    app.pathResult = null;
    renderPaths();
    closePanel({ quiet: true });
    commit("Clear the view");
    cy.elements().remove();
    refreshView();
  });
  $("#export-btn").addEventListener("click", () => {
    const menu = $("#export-menu");
    menu.hidden = !menu.hidden;
    $("#export-btn").setAttribute("aria-expanded", String(!menu.hidden));
    if (!menu.hidden) menu.querySelector("button").focus();
  });
  $("#export-menu").addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-format]");
    if (!b) return;
    $("#export-menu").hidden = true;
    $("#export-btn").setAttribute("aria-expanded", "false");
    $("#export-btn").focus();
    exportAs(b.dataset.format);
  });
  $("#export-menu").addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.stopPropagation();
      $("#export-menu").hidden = true;
      $("#export-btn").setAttribute("aria-expanded", "false");
      $("#export-btn").focus();
    }
  });
  $("#copy-link").addEventListener("click", async () => {
    await flushPositions();
    $("#share-url").value = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      toast("Link to this view copied (positions included).");
    } catch {
      $("#share-url").select();
      toast("Select and copy the link shown under “Saved views”.");
    }
  });
  $("#save-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = $("#save-name").value.trim() || `View of ${today()}`;
    saveView(name);
    $("#save-name").value = "";
  });
  $("#panel-close").addEventListener("click", () => closePanel({ restoreFocus: true }));
  $("#progress-cancel").addEventListener("click", () => cancelPending());
  for (const t of ["graph", "table", "stances"]) $(`#tab-${t}`).addEventListener("click", () => setTab(t));
  $("#tabs").addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowRight" && ev.key !== "ArrowLeft") return;
    const order = ["graph", "table", "stances"];
    const i = order.indexOf(app.state.tab);
    const next = order[(i + (ev.key === "ArrowRight" ? 1 : 2)) % 3];
    setTab(next);
    $(`#tab-${next}`).focus();
  });

  cy.on("tap", "node, edge", (ev) => selectElement(`${ev.target.isNode() ? "n" : "e"}:${ev.target.id()}`, { from: $("#cy") }));
  cy.on("tap", (ev) => {
    if (ev.target !== cy) return;
    // big views: relations are drawn by the page (biglayer.js), which finds the one clicked
    const edge = bigLayer.edgeAt(ev.position);
    if (edge) selectElement(`e:${edge.id()}`, { from: $("#cy") });
    else if (app.state.sel) closePanel();
  });
  cy.on("dbltap", "node", (ev) => expand(ev.target.id()));
  cy.on("dragfree", "node", (ev) => {
    const n = ev.target;
    if (app.state.pins[n.id()]) app.state.pins[n.id()] = { ...n.position() };
    markPlaced([n]);
    savePositions({ push: `Move ${n.data("name")}` });
  });
  cy.on("mouseover", "node", (ev) => {
    $("#cy").title = `${ev.target.data("name")} (${ev.target.data("type")})${ev.target.data("kind") === "Actor" ? " — double-click to expand" : ""}`;
  });
  wireKeyboard();

  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    if (ev.key === "Escape") {
      if (!$("#export-menu").hidden) {
        $("#export-menu").hidden = true;
        $("#export-btn").setAttribute("aria-expanded", "false");
        return;
      }
      if (app.state.sel) {
        ev.preventDefault();
        closePanel({ restoreFocus: true });
      }
      return;
    }
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
    if (ev.key === "/") {
      ev.preventDefault();
      $("#search").focus();
      return;
    }
    if (t && t.id === "cy") return; // the canvas has its own keys
    if (!app.state.sel.startsWith("n:") || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const id = app.state.sel.slice(2);
    if (t && t.tagName === "BUTTON") return;
    if (ev.key === "Delete") removeNode(id);
    else if (ev.key === "e") expand(id);
    else if (ev.key === "p") togglePin(id);
  });
  document.addEventListener("click", (ev) => {
    if (!$("#export-menu").hidden && !ev.target.closest(".menu")) {
      $("#export-menu").hidden = true;
      $("#export-btn").setAttribute("aria-expanded", "false");
    }
  });

  const onHistory = () => {
    if (location.hash === appliedHash || (!location.hash && appliedHash === "#")) return;
    restore(parseHash(location.hash));
  };
  window.addEventListener("popstate", onHistory);
  window.addEventListener("hashchange", onHistory);
}

// ------------------------------------------------------------------------ start
async function loadSchema() {
  const body = await api.schema();
  let rels = body.relations || body.relation_types || [];
  if (!Array.isArray(rels)) rels = Object.entries(rels).map(([name, v]) => ({ name, ...(v || {}) }));
  // only relations an actor takes part in are drawn (not statement → document bookkeeping)
  const drawn = (kinds) => !Array.isArray(kinds) || kinds.includes("Actor") || kinds.includes("Topic");
  rels = rels.filter((r) => typeof r === "string" || (drawn(r.source) && drawn(r.target) && (!Array.isArray(r.source) || r.source.includes("Actor"))));
  const s = app.schema;
  s.relations = rels.map((r) => (typeof r === "string" ? r : r.name));
  s.relationInfo = Object.fromEntries(rels.map((r) => (typeof r === "string" ? [r, {}] : [r.name, r])));
  let types = body.actor_types || [];
  s.actorTypeInfo = {};
  if (!Array.isArray(types)) {
    s.actorTypeInfo = Object.fromEntries(Object.entries(types).map(([k, v]) => [k, typeof v === "string" ? v : (v && v.description) || k]));
    types = Object.keys(types);
  } else {
    for (const t of types) if (t && typeof t === "object") s.actorTypeInfo[t.name] = t.description || t.name;
    types = types.map((t) => (typeof t === "string" ? t : t.name));
  }
  if (Array.isArray(body.metrics) && body.metrics.length) {
    const labels = { pagerank: "PageRank", betweenness: "Betweenness", degree: "Degree" };
    $("#metric").replaceChildren(h("option", { value: "" }, "—"), ...body.metrics.map((m) => h("option", { value: m }, labels[m] || m)));
  }
  s.actorTypes = types;
  s.loaded = true;
}

function fetchKey(s) {
  return JSON.stringify([s.seeds, s.depth, s.limit, s.removed, s.rel, s.since, s.until]);
}
function metricKey(s) {
  return JSON.stringify([s.metric, s.rel, s.since, s.until]);
}
function pathKey(s) {
  return JSON.stringify([s.path, s.hops, s.prel, s.inter]);
}

/** Make the page show `next` (a link, Back or Forward), reusing what is already loaded. */
async function restore(next) {
  restoring += 1;
  updateIdle();
  stopPlayback();
  layouts.cancel();
  const before = app.state;
  try {
    app.state = next;
    appliedHash = currentHash();
    syncControls();
    const positions = await decodePositions(next.pos);
    if (pathKey(before) !== pathKey(next) || (next.path && !app.pathResult) || firstRestore) {
      if (next.path) await findPaths(next.path.source, next.path.target, { quiet: true });
      else {
        app.pathResult = null;
        renderPaths();
      }
    }
    if (fetchKey(before) !== fetchKey(next) || firstRestore || cy.nodes().empty()) await reloadView();
    if (metricKey(next) !== metricKey(before) || firstRestore || (next.metric && !app.scores)) await applyMetric({ relayout: false });
    // positions: the link's own, then newcomers around them, else a fresh layout
    // (only nodes not already there move, a slice per frame: Back on a big view moves few)
    let known = 0;
    const moves = [];
    cy.nodes().forEach((n) => {
      const p = positions[n.id()];
      if (p && !next.pins[n.id()]) {
        const q = n.position();
        if (Math.abs(q.x - p.x) > 0.5 || Math.abs(q.y - p.y) > 0.5) moves.push([n, p]);
        markPlaced([n]);
        known += 1;
      }
    });
    await inChunks("positions", moves, POSITIONS_PER_FRAME, (slice) => cy.batch(() => slice.forEach(([n, p]) => n.position(p))));
    refreshView();
    await filterJob;
    const visible = cy.nodes().filter(shown);
    if (known === 0 && visible.nonempty() && (next.layout !== before.layout || !visible.every(isPlaced) || firstRestore)) {
      await settle(cy.collection(), { full: true });
    } else if (visible.some((n) => !isPlaced(n))) {
      await settle();
    } else if (visible.nonempty()) fitView(cy);
    await revealPending();
  } catch (err) {
    handleError(err);
  } finally {
    restoring -= 1;
    firstRestore = false;
    $("#empty").hidden = cy.nodes().nonempty();
    refreshTab();
    if (app.state.sel) selectElement(app.state.sel);
    else closePanel({ quiet: true });
    appliedHash = currentHash();
    if (appliedHash !== (location.hash || "#")) history.replaceState(history.state, "", appliedHash);
    afterHashChange();
    updateIdle();
  }
}

async function boot() {
  hideBanner();
  try {
    await loadSchema();
  } catch (err) {
    handleError(err, "Schema");
    updateIdle(true);
    return;
  }
  buildFilterControls();
  renderSaved();
  api.overview().then(renderOverview, (err) => {
    if (err.unreachable) handleError(err);
    else $("#overview-body").textContent = `The overview is not available: ${err.message}`;
  });
  await restore(parseHash(location.hash));
}

// ------------------------------------------------------------------------ test hook
/** Run an action, counted as work in progress until it ends. */
function busy(f) {
  return async (...args) => {
    actions += 1;
    updateIdle();
    try {
      return await f(...args);
    } finally {
      actions -= 1;
      updateIdle();
    }
  };
}

function updateIdle(force = false) {
  const idle = force || (pendingCount() === 0 && actions === 0 && !layouts.running && restoring === 0 && !reloadPending && !savingPositions && !chunking() && late === null);
  document.body.dataset.idle = idle ? "1" : "0";
  hook.idle = idle;
  if (!progressTimer && (pendingCount() || layouts.running)) progressTimer = setTimeout(tickProgress, SLOW_MS);
}
onPending(() => updateIdle());
onChunkWork(() => updateIdle());

Object.assign(app, { select: selectElement, expand, pickActor, removeNode, togglePin, setPathEnd, commit, handleError, toast, refresh: refreshView });

const hook = {
  cy,
  idle: false,
  get state() {
    return JSON.parse(JSON.stringify(app.state));
  },
  get path() {
    return app.pathResult;
  },
  get focused() {
    return focusedNode();
  },
  get lastLayoutMs() {
    return layouts.lastMs;
  },
  expand,
  removeNode,
  togglePin,
  findPaths,
  select: selectElement,
  focus: setFocus,
  /** Add API-shaped nodes and edges (as a neighbourhood answer would) and lay them out. */
  merge: async (sub) => {
    const d = (n) => nodeData(n, ctx);
    const before = cy.nodes().length;
    const add = [];
    for (const n of sub.nodes || []) if (cy.$id(n.id).empty()) add.push({ group: "nodes", data: d(n), classes: n.intermediary ? "intermediary" : "" });
    for (const e of sub.edges || []) if (cy.$id(edgeId(e)).empty()) add.push({ group: "edges", data: edgeData(e, ctx) });
    cy.batch(() => cy.add(add));
    tuneForSize(cy, bigLayer);
    refreshView();
    await settle(cy.collection(), { full: before === 0 });
    return cy.nodes().length - before;
  },
  exports: { gexf: () => toGexf(), graphml: () => toGraphml(), svg: () => toSvg(), csv: async () => (await toCsv()).text, caption: () => captionLines(viewData()) },
  limits: { DEFAULT_LIMIT, MAX_NODES },
  textOn,
};
window.actorgraph = hook;
window.cy = cy;

wire();
boot();
