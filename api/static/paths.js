// The path finder: communication paths between two actors over chosen relation types
// (optionally only through intermediaries), hop by hop with evidence, and the brokers that
// sit on them ranked by their share of the paths.

import { api, listOf } from "./api.js";
import { inChunks } from "./chunks.js";
import { app, learnDocuments } from "./context.js";
import { $, $$, fill, h, plural } from "./dom.js";
import { edgeId } from "./graph.js";
import { evidenceList, relationLine, relSwatch } from "./panel.js";

export const pathPick = { source: null, target: null };
const cache = new Map();

/** Relation types the path finder may walk: every type with an actor at both ends. */
export function walkable() {
  return app.schema.relations.filter((t) => {
    const r = app.schema.relationInfo[t] || {};
    const ends = (x) => !Array.isArray(x) || x.includes("Actor");
    return ends(r.source) && ends(r.target) && r.traverse !== "none";
  });
}
export function defaultWalked() {
  const ch = walkable().filter((t) => (app.schema.relationInfo[t] || {}).channel);
  return ch.length ? ch : walkable();
}

export function buildPathControls() {
  const box = $("#path-rels");
  const on = new Set(app.state.prel || defaultWalked());
  box.replaceChildren(
    ...walkable().map((t) =>
      h(
        "label",
        { class: "check", title: (app.schema.relationInfo[t] || {}).description || t },
        h("input", { type: "checkbox", name: "prel", value: t, checked: on.has(t) }),
        relSwatch(t),
        t,
      ),
    ),
  );
  syncPathControls();
}

export function syncPathControls() {
  const on = new Set(app.state.prel || defaultWalked());
  $$("input[name=prel]").forEach((x) => (x.checked = on.has(x.value)));
  $("#path-inter").checked = !!app.state.inter;
  $("#hops").value = String(app.state.hops);
  $("#path-rels-count").textContent = `(${on.size})`;
}

export function readPathControls() {
  const on = $$("input[name=prel]:checked").map((x) => x.value);
  const dflt = defaultWalked();
  const same = on.length === dflt.length && dflt.every((t) => on.includes(t));
  app.state.prel = same ? null : on;
  app.state.inter = $("#path-inter").checked;
  app.state.hops = +$("#hops").value || 4;
  $("#path-rels-count").textContent = `(${on.length})`;
}

/** Ask for paths and brokers; returns the result (also kept in app.pathResult) or null. */
export async function fetchPaths(source, target) {
  const s = app.state;
  const relations = s.prel || undefined;
  const opts = { maxHops: s.hops, relations, intermediariesOnly: s.inter };
  const key = JSON.stringify([source, target, opts]);
  let hit = cache.get(key);
  if (!hit) {
    const [paths, brokers] = await Promise.all([
      api.paths(source, target, opts),
      api.brokers(source, target, opts).catch((err) => {
        if (err.unreachable) throw err;
        return { data: [], error: err.message };
      }),
    ]);
    hit = { paths, brokers };
    cache.set(key, hit);
  }
  const body = structuredClone(hit.paths);
  // "only through intermediaries": the server filters when it knows how; the page makes sure
  if (s.inter) {
    const before = (body.paths || []).length;
    body.paths = (body.paths || []).filter((p) => p.nodes.slice(1, -1).every((n) => n.intermediary));
    body.filteredHere = before - body.paths.length;
  }
  body.brokers = listOf(hit.brokers);
  if (s.inter) body.brokers = body.brokers.filter((b) => b.actor && b.actor.intermediary);
  const docIds = [];
  for (const p of body.paths || []) for (const hop of p.hops || []) for (const r of hop.relations || []) for (const e of r.evidence || []) docIds.push(e.document);
  await learnDocuments(docIds, api);
  return body;
}

export function pathElements(p) {
  const nodes = new Set(p.nodes.map((n) => n.id));
  const edges = new Set();
  for (const hop of p.hops || []) for (const r of hop.relations || []) edges.add(edgeId(r));
  return { nodes, edges };
}

/** Nodes and relations of the current path result, for merging into the view. */
export function pathSubgraph(body) {
  if (!body) return { nodes: [], edges: [] };
  const nodes = [body.source, body.target];
  const edges = [];
  for (const p of body.paths || []) {
    nodes.push(...p.nodes);
    for (const hop of p.hops || []) for (const r of hop.relations || []) edges.push(r);
  }
  return { nodes, edges };
}

const PATH_CLASSES = ["on-path", "path-broker", "path-end", "faded"];
const CLASSES_PER_FRAME = 300;
// big views: only what is on a path is marked (the rest fades in the page's drawing), and
// Cytoscape's first drawing of each marked element (label, arrow, texture) is the cost
const MARKS_PER_FRAME_BIG = 40;

/**
 * Mark the chosen paths (or all) in the view and fade the rest. Only elements whose marks
 * change are touched, a slice per frame on big views (resolves when all are marked).
 */
export function highlightPath() {
  const cy = app.cy;
  const result = app.pathResult;
  const paths = result ? result.paths || [] : [];
  const chosen = app.selectedPath >= 0 ? [paths[app.selectedPath]].filter(Boolean) : paths;
  const onNodes = new Set();
  const onEdges = new Set();
  for (const p of chosen) {
    const { nodes, edges } = pathElements(p);
    nodes.forEach((x) => onNodes.add(x));
    edges.forEach((x) => onEdges.add(x));
  }
  const lit = onNodes.size > 0;
  const ends = result ? new Set([result.source.id, result.target.id]) : new Set();
  // big views: the page draws what is off the path faded (biglayer.js); a class on each of
  // thousands of elements made Cytoscape restyle them all, for nothing it draws
  const layer = app.bigLayer && app.bigLayer.on ? app.bigLayer : null;
  const off = layer ? "" : "faded";
  if (app.bigLayer) app.bigLayer.setOffPath(!!layer && lit);
  const wanted = (ele) => {
    if (!lit) return "";
    const id = ele.id();
    if (ele.isEdge()) return onEdges.has(id) ? "on-path" : off;
    if (!onNodes.has(id)) return off;
    if (ends.has(id)) return "on-path path-end";
    return ele.data("intermediary") ? "on-path path-broker" : "on-path";
  };
  const changes = [];
  cy.elements().forEach((ele) => {
    const want = wanted(ele).split(" ");
    if (!PATH_CLASSES.every((c) => ele.hasClass(c) === want.includes(c))) changes.push([ele, want.join(" ")]);
  });
  // what is on the path first, so it shows at once
  changes.sort((a, b) => Number(b[1].startsWith("on-path")) - Number(a[1].startsWith("on-path")));
  return inChunks("path-marks", changes, layer ? MARKS_PER_FRAME_BIG : CLASSES_PER_FRAME, (slice) =>
    cy.batch(() =>
      slice.forEach(([ele, want]) => {
        ele.removeClass(PATH_CLASSES.join(" "));
        if (want) ele.addClass(want);
      }),
    ),
  );
}

function brokerList(result) {
  const rows = result.brokers || [];
  if (!rows.length) return null;
  return [
    h("h3", { class: "sub" }, "Brokers"),
    h(
      "ol",
      { class: "brokers", "aria-label": "brokers ranked by their share of the paths" },
      ...rows.map((b) =>
        h(
          "li",
          {},
          h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), app.select(`n:${b.actor.id}`, { focusPanel: true })) }, b.actor.name),
          b.actor.intermediary ? [" ", h("span", { class: "badge broker-badge" }, "intermediary")] : null,
          h("span", { class: "share-bar", "aria-hidden": "true" }, h("span", { style: { width: `${Math.round(100 * b.share)}%` } })),
          h("span", { class: "meta" }, ` ${Math.round(100 * b.share)}% · ${plural(b.paths, "path")}`),
        ),
      ),
    ),
  ];
}

export function renderPaths() {
  const box = $("#path-results");
  const result = app.pathResult;
  if (!result) {
    box.replaceChildren();
    $("#path-clear").hidden = true;
    return;
  }
  $("#path-clear").hidden = false;
  const paths = result.paths || [];
  const nameOf = new Map();
  for (const n of [result.source, result.target, ...paths.flatMap((p) => p.nodes)]) nameOf.set(n.id, n);
  const names = (id) => (nameOf.get(id) || { name: id }).name;
  const brokers = new Map();
  for (const p of paths) for (const n of p.nodes.slice(1, -1)) if (n.intermediary) brokers.set(n.id, n.name);
  const over = (result.relations || app.state.prel || defaultWalked()).join(", ");
  const head = h(
    "p",
    { class: "summary" },
    paths.length
      ? `${plural(paths.length, "path")}${result.truncated ? " (more exist)" : ""} from ${result.source.name} to ${result.target.name}`
      : `No path from ${result.source.name} to ${result.target.name} within ${result.max_hops || app.state.hops} hops`,
    ` over ${over}${app.state.inter ? ", only through intermediaries" : ""}.`,
    brokers.size ? h("span", {}, " Intermediaries: ", ...[...brokers.values()].map((b, i) => [i ? ", " : "", h("b", { class: "broker" }, b)])) : null,
  );
  const list = h(
    "ol",
    { class: "paths" },
    ...paths.map((p, i) =>
      h(
        "li",
        { class: i === app.selectedPath ? "path active" : "path", "data-index": i },
        h(
          "button",
          {
            type: "button",
            class: "path-title",
            "aria-pressed": String(i === app.selectedPath),
            title: "Highlight only this path (again for all)",
            onclick: () => {
              app.selectedPath = app.selectedPath === i ? -1 : i;
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
              ...(hop.relations || []).map((r) => {
                const total = Number.isInteger(r.evidence_total) ? r.evidence_total : (r.evidence || []).length;
                const holder = h("div", {});
                const draw = (evs, t) =>
                  holder.replaceChildren(
                    evidenceList(evs, {
                      total: t,
                      relation: r,
                      onMore: (all) => {
                        r.evidence = all;
                        r.evidence_total = all.length;
                        draw(all, all.length);
                      },
                    }),
                  );
                draw(r.evidence || [], total);
                return h(
                  "details",
                  { class: "hop-rel" },
                  h("summary", {}, relationLine(r, names), r.direction === "reverse" ? h("span", { class: "muted" }, " (walked backwards)") : null, h("span", { class: "meta" }, ` · ${plural(total, "sentence")}`)),
                  holder,
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
  fill(box, head, brokerList(result), paths.length ? h("h3", { class: "sub" }, "Paths") : null, list);
}
