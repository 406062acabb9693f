// The overview a researcher sees on opening: how much is in the graph, over which dates
// (evidence per month), from which documents, and the most central actors to start from.

import { app } from "./context.js";
import { fill, h, plural, svg } from "./dom.js";

function sparkline(months) {
  if (!months.length) return null;
  const W = 360;
  const H = 48;
  const max = Math.max(1, ...months.map((m) => m.evidence));
  const bw = W / months.length;
  const total = months.reduce((s, m) => s + m.evidence, 0);
  return svg(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "spark", role: "img", "aria-label": `Evidence per month, ${months[0].month} to ${months[months.length - 1].month}: ${plural(total, "piece")} in all; the busiest month has ${max}.` },
    ...months.map((m, i) => {
      const hgt = Math.max(1, (m.evidence / max) * (H - 2));
      return svg("rect", { x: i * bw, y: H - hgt, width: Math.max(1, bw - 1), height: hgt }, svg("title", {}, `${m.month}: ${m.evidence}`));
    }),
  );
}

/** The overview as a block of elements (used in the empty view and in "About this graph"). */
export function overviewBlock(o, { compact = false } = {}) {
  const c = o.counts;
  const nodes = c.nodes || {};
  const rels = Object.entries(c.relations || {}).sort((a, b) => b[1] - a[1]);
  const nRel = rels.reduce((s, [, n]) => s + n, 0);
  const types = Object.entries(c.actor_types || {}).map(([t, n]) => `${n.toLocaleString("en")} ${t}`).join(", ");
  const d = o.dates;
  return h(
    "div",
    { class: "overview" },
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Actors"),
      h("dd", {}, `${(nodes.Actor || 0).toLocaleString("en")}${types ? ` (${types})` : ""}, ${plural(c.intermediaries || 0, "intermediary", "intermediaries")}`),
      h("dt", {}, "Topics"),
      h("dd", {}, (nodes.Topic || 0).toLocaleString("en")),
      h("dt", {}, "Relations"),
      h("dd", {}, `${nRel.toLocaleString("en")}${rels.length ? `: ${rels.slice(0, compact ? 4 : 9).map(([t, n]) => `${n.toLocaleString("en")} ${t}`).join(", ")}` : ""}`),
      h("dt", {}, "Evidence"),
      h("dd", {}, `${plural(c.evidence || 0, "sentence")}, ${plural(nodes.Statement || 0, "statement")}`),
      h("dt", {}, "Dates"),
      h("dd", {}, d.first ? `${d.first} to ${d.last}${d.undated ? ` (${d.undated} undated)` : ""}` : "no dated evidence"),
      h("dt", {}, "Documents"),
      h("dd", {}, (o.documents.count || 0).toLocaleString("en")),
    ),
    compact ? null : sparkline(d.by_month || []),
    compact || !o.documents.cited.length
      ? null
      : [
          h("h3", {}, "Documents cited most"),
          h(
            "ul",
            { class: "cited" },
            ...o.documents.cited.slice(0, 5).map((doc) =>
              h(
                "li",
                {},
                doc.url ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, doc.title) : h("span", { class: "doc" }, doc.title),
                h("span", { class: "meta" }, `${doc.published ? ` · ${doc.published}` : ""} · ${plural(doc.evidence, "sentence")}`),
              ),
            ),
          ),
        ],
  );
}

export function renderOverview(o) {
  app.overview = o;
  for (const doc of o.documents.cited || []) app.docs.set(doc.id, doc);
  fill(document.querySelector("#overview-body"), overviewBlock(o));
  fill(document.querySelector("#about-body"), overviewBlock(o, { compact: true }));
  const central = (o.central && o.central.data) || [];
  fill(
    document.querySelector("#starters"),
    central.length ? h("h3", {}, "Most central actors (degree): start from one") : null,
    h(
      "div",
      { class: "chips" },
      ...central.map((r) => h("button", { type: "button", class: "chip", onclick: () => app.pickActor(r.actor.id) }, r.actor.name)),
    ),
  );
}
