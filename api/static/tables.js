// The two other ways to read the view: a table of its nodes and relations (sortable,
// paged), and the stances (who demands, rejects, supports or threatens what), grouped per
// topic or per actor, each with its sentences.

import { api, listOf } from "./api.js";
import { app, learnDocuments, nameOf } from "./context.js";
import { $, fill, h, plural } from "./dom.js";
import { nodeLink, relSwatch, stanceItem } from "./panel.js";

const PAGE = 100;
const table = { what: "nodes", sort: { nodes: ["degree", -1], relations: ["evidence", -1] }, page: 0 };

const NODE_COLUMNS = [
  ["name", "Name", (n) => n.data("name")],
  ["type", "Kind", (n) => n.data("type")],
  ["intermediary", "Intermediary", (n) => (n.data("intermediary") ? "yes" : "")],
  ["degree", "Relations in view", (n, deg) => deg.get(n.id()) || 0],
  ["score", "Score", (n) => (app.scores ? app.scores.get(n.id()) ?? 0 : null)],
];
const REL_COLUMNS = [
  ["source", "Source", (e) => nameOf(e.data("source"))],
  ["type", "Relation", (e) => e.data("type")],
  ["target", "Target", (e) => nameOf(e.data("target"))],
  ["first_seen", "First seen", (e) => e.data("first_seen") || ""],
  ["last_seen", "Last seen", (e) => e.data("last_seen") || ""],
  ["evidence", "Evidence", (e) => Math.max(e.data("evidence_total") || 0, e.data("evidence").length)],
  ["confidence", "Confidence", (e) => e.data("confidence") ?? ""],
];

const collator = new Intl.Collator("en", { numeric: true }); // one, not one per comparison

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a ?? ""), String(b ?? ""));
}

export function renderTable() {
  const box = $("#table-view");
  const cy = app.cy;
  const isNodes = table.what === "nodes";
  // what is in view, in one pass each (a selector over thousands of elements costs more)
  const nodesShown = [];
  const edgesShown = [];
  cy.nodes().forEach((n) => {
    if (!n.hasClass("hidden")) nodesShown.push(n);
  });
  cy.edges().forEach((e) => {
    if (!e.hasClass("hidden")) edgesShown.push(e);
  });
  const eles = isNodes ? nodesShown : edgesShown;
  const columns = isNodes ? NODE_COLUMNS.filter(([k]) => k !== "score" || app.scores) : REL_COLUMNS;
  const [key, dir] = table.sort[table.what];
  const col = columns.find(([k]) => k === key) || columns[0];
  // relations in view per node, counted in one pass (not once per node)
  const deg = new Map();
  if (isNodes) {
    edgesShown.forEach((e) => {
      const { source, target } = e.data();
      for (const end of source === target ? [source] : [source, target]) deg.set(end, (deg.get(end) || 0) + 1);
    });
  }
  // every row's sort key and name; the other cells only for the page shown
  const key0 = columns[0][2];
  const keyOf = col[2];
  const rows = eles.map((e) => ({ e, key: keyOf(e, deg), name: key0(e, deg) }));
  rows.sort((a, b) => dir * compare(a.key, b.key) || compare(a.name, b.name));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  table.page = Math.min(table.page, pages - 1);
  const shown = rows.slice(table.page * PAGE, (table.page + 1) * PAGE).map(({ e }) => ({ e, cells: columns.map(([, , f]) => f(e, deg)) }));
  const nNodes = nodesShown.length;
  const nEdges = edgesShown.length;
  const tabBtn = (what, label) =>
    h("button", { type: "button", "aria-pressed": String(table.what === what), onclick: () => ((table.what = what), (table.page = 0), renderTable()) }, label);
  fill(
    box,
    h(
      "div",
      { class: "toolbar" },
      tabBtn("nodes", `Nodes (${nNodes})`),
      tabBtn("relations", `Relations (${nEdges})`),
      h("span", { class: "spacer" }),
      pages > 1
        ? [
            h("button", { type: "button", disabled: table.page === 0, onclick: () => (table.page--, renderTable()) }, "Previous"),
            h("span", { class: "meta" }, ` page ${table.page + 1} of ${pages} `),
            h("button", { type: "button", disabled: table.page >= pages - 1, onclick: () => (table.page++, renderTable()) }, "Next"),
          ]
        : null,
    ),
    h(
      "table",
      { class: "data", id: "view-table" },
      h("caption", { class: "sr-only" }, isNodes ? "Nodes in view" : "Relations in view"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...columns.map(([k, label]) =>
            h(
              "th",
              { scope: "col", "aria-sort": k === col[0] ? (dir > 0 ? "ascending" : "descending") : "none" },
              h(
                "button",
                {
                  type: "button",
                  class: "sort",
                  onclick: () => {
                    const [cur, d] = table.sort[table.what];
                    table.sort[table.what] = [k, cur === k ? -d : 1];
                    renderTable();
                  },
                },
                label,
                k === col[0] ? (dir > 0 ? " ▲" : " ▼") : "",
              ),
            ),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        ...shown.map(({ e, cells }) =>
          h(
            "tr",
            { "data-id": e.id() },
            ...cells.map((v, i) => {
              if (i === 0) {
                const sel = isNodes ? `n:${e.id()}` : `e:${e.id()}`;
                return h("th", { scope: "row" }, h("button", { type: "button", class: "link row-link", onclick: () => app.select(sel, { focusPanel: true }) }, String(v)));
              }
              if (!isNodes && columns[i][0] === "type") return h("td", {}, relSwatch(v), v);
              return h("td", {}, typeof v === "number" && !Number.isInteger(v) ? v.toPrecision(3) : v ?? "");
            }),
          ),
        ),
      ),
    ),
    rows.length ? null : h("p", { class: "muted" }, "Nothing in view."),
  );
}

// ---------------------------------------------------------------- stances
const stances = { group: "topic", scope: "view", seq: 0, cache: new Map() };

function stanceTypes() {
  const all = app.schema.relations.filter((t) => (app.schema.relationInfo[t] || {}).stance);
  return app.state.rel ? all.filter((t) => app.state.rel.includes(t)) : all;
}

/** Stance relations among what is in view, shaped like /stances rows. */
function stancesInView() {
  const types = new Set(stanceTypes());
  const ref = (id) => {
    const n = app.cy.$id(id);
    return { id, name: n.data("name"), kind: n.data("kind") };
  };
  return app.cy
    .edges()
    .not(".hidden")
    .filter((e) => types.has(e.data("type")))
    .map((e) => {
      const d = e.data();
      return { type: d.type, source: ref(d.source), target: ref(d.target), first_seen: d.first_seen, last_seen: d.last_seen, evidence: d.evidence };
    });
}

export async function renderStances() {
  const box = $("#stances-view");
  const seq = ++stances.seq;
  const s = app.state;
  let rows;
  let note = "";
  if (stances.scope === "view") {
    rows = stancesInView();
    note = `${plural(rows.length, "stance")} among the relations in view.`;
  } else {
    const query = { type: stanceTypes(), since: s.since || undefined, until: s.until || undefined, limit: 500 };
    const key = JSON.stringify(query);
    if (!stances.cache.has(key)) fill(box, toolbar(), h("p", { class: "muted" }, "Loading…"));
    try {
      if (!stances.cache.has(key)) stances.cache.set(key, await api.stances(query));
      const body = stances.cache.get(key);
      rows = listOf(body);
      note = `${rows.length < body.count ? `The first ${rows.length} of` : "All"} ${plural(body.count, "stance")} in the graph${s.since || s.until ? " in the date window" : ""}.`;
    } catch (err) {
      if (seq === stances.seq) fill(box, toolbar(), h("p", { class: "error" }, err.message));
      return;
    }
  }
  await learnDocuments(rows.flatMap((r) => (r.evidence || []).map((e) => e.document)), api);
  if (seq !== stances.seq) return;
  const by = stances.group === "topic" ? "target" : "source";
  const groups = new Map();
  for (const r of rows) {
    const k = r[by].id;
    if (!groups.has(k)) groups.set(k, { ref: r[by], rows: [] });
    groups.get(k).rows.push(r);
  }
  const ordered = [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.ref.name.localeCompare(b.ref.name));
  fill(
    box,
    toolbar(),
    h("p", { class: "meta" }, note),
    ordered.length
      ? ordered.map((g) =>
          h(
            "section",
            { class: "stance-group" },
            h("h3", {}, nodeLink(g.ref.id, g.ref.name), h("span", { class: "meta" }, ` · ${summary(g.rows)}`)),
            h("ul", { class: "stances" }, ...g.rows.sort((a, b) => a.type.localeCompare(b.type) || a[by === "target" ? "source" : "target"].name.localeCompare(b[by === "target" ? "source" : "target"].name)).map((r) => stanceItem(r, { show: by === "target" ? "source" : "target" }))),
          ),
        )
      : h("p", { class: "muted" }, "No stance here: demands, rejects, supports and threatens relations appear here."),
  );
}

function summary(rows) {
  const c = new Map();
  for (const r of rows) c.set(r.type, (c.get(r.type) || 0) + 1);
  return [...c.entries()].map(([t, n]) => `${n} ${t}`).join(", ");
}

function toolbar() {
  const select = (id, label, value, options, onchange) =>
    h(
      "label",
      {},
      `${label} `,
      h("select", { id, onchange: (ev) => onchange(ev.target.value) }, ...options.map(([v, t]) => h("option", { value: v, selected: v === value }, t))),
    );
  return h(
    "div",
    { class: "toolbar" },
    select("stance-group", "Group by", stances.group, [["topic", "what (topic or actor)"], ["actor", "who takes the stance"]], (v) => ((stances.group = v), renderStances())),
    select("stance-scope", "Scope", stances.scope, [["view", "relations in view"], ["graph", "whole graph"]], (v) => ((stances.scope = v), renderStances())),
  );
}
