// The side panel: what a node or a relation is, with the evidence behind it (sentences,
// documents, dates, confidence), statements, and the stances an actor takes or a topic
// draws.

import { api, listOf } from "./api.js";
import { app, ctx, learnDocuments, nameOf } from "./context.js";
import { $, fill, h, plural, svg, textOn } from "./dom.js";
import { relationDash } from "./graph.js";

const cache = new Map(); // request key -> promise (one answer per panel and graph session)
function cached(key, f) {
  if (!cache.has(key)) {
    const p = f();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

export function docLink(docId, date) {
  const d = app.docs.get(docId);
  const title = d ? d.title : docId;
  const when = date || (d && d.published);
  const link = d && d.url
    ? h("a", { href: d.url, target: "_blank", rel: "noopener noreferrer", class: "doc" }, title)
    : h("span", { class: "doc", title: d && d.file ? d.file : "" }, title);
  return h("span", { class: "source" }, link, when ? h("span", { class: "date" }, ` · ${when}`) : null);
}

/** A small line sample in the relation's colour and dash pattern (for legends and lists). */
export function relSwatch(type) {
  const dash = relationDash(type);
  return svg(
    "svg",
    { class: "swatch-line", width: 22, height: 8, viewBox: "0 0 22 8", "aria-hidden": "true", focusable: "false" },
    svg("line", { x1: 0, y1: 4, x2: 22, y2: 4, stroke: ctx.relationColor(type), "stroke-width": 3, "stroke-dasharray": dash ? dash.map((d) => d * 0.7).join(" ") : null }),
  );
}

export function relationLine(r, names = nameOf) {
  const arrow = ctx.symmetric(r.type) ? "—" : "→";
  return h(
    "span",
    { class: "rel" },
    names(r.source),
    " ",
    h("span", { class: "reltype" }, relSwatch(r.type), r.type),
    ` ${arrow} `,
    names(r.target),
  );
}

export function evidenceList(evidence, { total = evidence.length, relation = null, onMore = null } = {}) {
  if (!evidence.length) return h("p", { class: "muted" }, "No evidence sentence recorded.");
  const list = h(
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
          ev.origin ? h("span", {}, ` · ${ev.origin}`) : null,
          ev.confidence !== undefined && ev.confidence !== null ? h("span", {}, ` · confidence ${ev.confidence}`) : null,
        ),
      ),
    ),
  );
  if (!relation || total <= evidence.length) return list;
  const more = h(
    "button",
    {
      type: "button",
      class: "more-evidence",
      onclick: async () => {
        more.disabled = true;
        more.textContent = "Loading…";
        try {
          const all = await allEvidence(relation, total);
          await learnDocuments(all.map((e) => e.document), api);
          if (onMore) onMore(all);
        } catch (err) {
          more.replaceWith(h("p", { class: "muted" }, err.status === 404 ? "This server cannot list more evidence yet." : err.message));
        }
      },
    },
    `Show all ${plural(total, "sentence")}`,
  );
  return h("div", {}, list, more);
}

/** Every piece of evidence of a relation, paged from /relations/evidence. */
export async function allEvidence(r, total) {
  const out = [];
  for (let offset = 0; offset < Math.min(total, 2000); offset += 200) {
    const body = await api.relationEvidence(r.type, r.source, r.target, { offset, limit: 200 });
    const page = listOf(body);
    out.push(...page);
    if (page.length < 200) break;
  }
  return out;
}

function statementItem(s) {
  const who = s.speaker ? s.speaker.name : "";
  const behalf = s.on_behalf_of ? ` for ${s.on_behalf_of.name}` : "";
  const doc = s.document || null;
  if (doc && doc.id) app.docs.set(doc.id, doc);
  return h(
    "li",
    { class: "statement" },
    h("div", { class: s.quote ? "said quote" : "said" }, s.quote ? `“${s.text}”` : s.text),
    h("div", { class: "meta" }, `${who}${behalf}`, s.about && s.about.length ? h("span", {}, ` · about ${s.about.map((a) => a.name).join(", ")}`) : null),
    s.evidence ? h("blockquote", { class: "sentence" }, s.evidence) : null,
    h("div", { class: "meta" }, doc ? docLink(doc.id, s.date) : s.date ? h("span", { class: "date" }, s.date) : null),
  );
}

/** One stance (who demands/rejects what) with its sentences. */
export function stanceItem(s, { show = "both" } = {}) {
  const src = s.source;
  const tgt = s.target;
  return h(
    "li",
    { class: "stance" },
    h(
      "div",
      { class: "stance-head" },
      show !== "target" ? nodeLink(src.id, src.name) : null,
      " ",
      h("span", { class: "reltype" }, relSwatch(s.type), s.type),
      " ",
      show !== "source" ? nodeLink(tgt.id, tgt.name) : null,
      s.first_seen ? h("span", { class: "date" }, ` · ${s.first_seen}${s.last_seen && s.last_seen !== s.first_seen ? ` – ${s.last_seen}` : ""}`) : null,
    ),
    evidenceList((s.evidence || []).slice(0, 3)),
    (s.evidence || []).length > 3 ? h("p", { class: "meta" }, `and ${plural(s.evidence.length - 3, "more sentence")}`) : null,
  );
}

export function nodeLink(id, name = nameOf(id)) {
  return h(
    "a",
    { href: "#", class: "node-link", onclick: (ev) => (ev.preventDefault(), app.select(`n:${id}`, { focusPanel: true })) },
    name,
  );
}

function badge(text, color) {
  return h("span", { class: "badge", style: { background: color, color: textOn(color) } }, text);
}

function nodeActions(id, isActor) {
  const pinned = !!app.state.pins[id];
  return h(
    "div",
    { class: "actions" },
    isActor ? h("button", { type: "button", id: "act-expand", onclick: () => app.expand(id) }, "Expand neighbours") : null,
    h("button", { type: "button", id: "act-pin", "aria-pressed": String(pinned), onclick: () => app.togglePin(id) }, pinned ? "Unpin" : "Pin"),
    h("button", { type: "button", id: "act-remove", onclick: () => app.removeNode(id) }, "Remove"),
    isActor ? h("button", { type: "button", onclick: () => app.setPathEnd("source", id) }, "Path from") : null,
    isActor ? h("button", { type: "button", onclick: () => app.setPathEnd("target", id) }, "Path to") : null,
  );
}

function edgeSummary(ele) {
  if (!ele || ele.empty()) return null;
  const edges = ele.connectedEdges().not(".hidden");
  if (edges.empty()) return [h("h3", {}, "Relations in view (0)"), h("p", { class: "muted" }, "None under the current filters.")];
  const shown = edges.slice(0, 200);
  return [
    h("h3", {}, `Relations in view (${edges.length})`),
    h(
      "ul",
      { class: "edge-list" },
      ...shown.map((e) =>
        h(
          "li",
          {},
          h("a", { href: "#", onclick: (ev) => (ev.preventDefault(), app.select(`e:${e.id()}`, { focusPanel: true })) }, relationLine(e.data())),
        ),
      ),
    ),
    edges.length > shown.length ? h("p", { class: "meta" }, `and ${edges.length - shown.length} more (see the table view)`) : null,
  ];
}

let panelSeq = 0;

/** Draw the panel for the selected node or relation (state.sel). */
export async function renderPanel({ focus = false } = {}) {
  const seq = ++panelSeq;
  const body = $("#panel-body");
  const sel = app.state.sel;
  if (!sel) return;
  $("#panel").classList.remove("closed");
  const id = sel.slice(2);
  const ele = app.cy.$id(id);
  const done = () => {
    if (focus && seq === panelSeq) {
      const head = $("#panel-body h2");
      if (head) head.focus();
    }
  };
  if (sel.startsWith("e:")) {
    renderEdge(body, ele, seq);
    done();
    return;
  }
  const kind = ele.nonempty() ? ele.data("kind") : "Actor";
  const name = ele.nonempty() ? ele.data("name") : id;
  fill(body, h("h2", { tabindex: "-1" }, name), h("p", { class: "muted" }, "Loading…"));
  try {
    if (kind === "Topic") await renderTopic(body, id, name, ele, seq);
    else await renderActor(body, id, ele, seq);
  } catch (err) {
    if (seq !== panelSeq) return;
    fill(body, h("h2", { tabindex: "-1" }, name), h("p", { class: "error" }, err.message));
    if (err.unreachable) app.handleError(err);
  }
  done();
}

async function renderTopic(body, id, name, ele, seq) {
  const [st, stances] = await Promise.all([
    cached(`st:t:${id}`, () => api.statements({ topic: id })),
    cached(`sn:t:${id}`, () => api.stances({ topic: id, limit: 100 })),
  ]);
  const rows = listOf(stances);
  await learnDocuments(rows.flatMap((s) => (s.evidence || []).map((e) => e.document)), api);
  if (seq !== panelSeq) return;
  const items = listOf(st, "statements");
  fill(
    body,
    h("h2", { tabindex: "-1" }, name),
    h("p", {}, badge("topic", ctx.typeColor("topic"))),
    nodeActions(id, false),
    h("h3", {}, `Stances on it (${stances.count ?? rows.length})`),
    rows.length ? h("ul", { class: "stances" }, ...rows.map((s) => stanceItem(s, { show: "source" }))) : h("p", { class: "muted" }, "None recorded."),
    h("h3", {}, `Statements about it (${st.count ?? items.length})`),
    items.length ? h("ul", { class: "statements" }, ...items.map(statementItem)) : h("p", { class: "muted" }, "None recorded."),
    edgeSummary(ele),
  );
}

async function renderActor(body, id, ele, seq) {
  const [actor, st, stances] = await Promise.all([
    cached(`a:${id}`, () => api.actor(id)),
    cached(`st:a:${id}`, () => api.statements({ actor: id })),
    cached(`sn:a:${id}`, () => api.stances({ actor: id, limit: 50 })),
  ]);
  const stanceRows = listOf(stances);
  await learnDocuments(stanceRows.flatMap((s) => (s.evidence || []).map((e) => e.document)), api);
  if (seq !== panelSeq) return;
  const items = listOf(st, "statements");
  const roles = actor.roles || [];
  fill(
    body,
    h("h2", { tabindex: "-1" }, actor.name),
    h(
      "p",
      {},
      badge(actor.type || "actor", ctx.typeColor(actor.type)),
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
            h("li", {}, r.title || "role", r.of ? [" of ", nodeLink(r.of)] : null, r.valid_from || r.valid_to ? h("span", { class: "muted" }, ` (${r.valid_from || "…"} – ${r.valid_to || "…"})`) : null),
          ),
        )
      : h("p", { class: "muted" }, "none recorded"),
    actor.relations && Object.keys(actor.relations).length
      ? [h("h3", {}, "Relations in the graph"), h("p", {}, Object.entries(actor.relations).map(([t, c], i) => [i ? ", " : "", h("span", { class: "reltype" }, relSwatch(t), t), ` ${c}`]))]
      : null,
    h("h3", {}, `Stances (${stances.count ?? stanceRows.length})`),
    stanceRows.length ? h("ul", { class: "stances" }, ...stanceRows.map((s) => stanceItem(s, { show: "target" }))) : h("p", { class: "muted" }, "None recorded."),
    h("h3", {}, `Statements (${st.count ?? items.length})`),
    items.length ? h("ul", { class: "statements" }, ...items.map(statementItem)) : h("p", { class: "muted" }, "None recorded."),
    edgeSummary(ele),
  );
}

function renderEdge(body, ele, seq) {
  if (ele.empty()) {
    fill(body, h("h2", { tabindex: "-1" }, "Relation"), h("p", { class: "muted" }, "This relation is not in the view."));
    return;
  }
  const d = ele.data();
  const info = app.schema.relationInfo[d.type] || {};
  const draw = (evidence) =>
    fill(
      body,
      h("h2", { tabindex: "-1" }, h("span", { class: "reltype big" }, relSwatch(d.type), d.type)),
      info.description ? h("p", { class: "muted" }, info.description) : null,
      h("p", { class: "edge-ends" }, nodeLink(d.source), ctx.symmetric(d.type) ? " — " : " → ", nodeLink(d.target)),
      h(
        "dl",
        { class: "facts" },
        d.confidence !== undefined && d.confidence !== null ? [h("dt", {}, "confidence"), h("dd", {}, String(d.confidence))] : null,
        d.first_seen ? [h("dt", {}, "first seen"), h("dd", {}, d.first_seen)] : null,
        d.last_seen ? [h("dt", {}, "last seen"), h("dd", {}, d.last_seen)] : null,
      ),
      h("h3", {}, `Evidence (${Math.max(d.evidence_total || 0, evidence.length)})`),
      evidenceList(evidence, {
        total: Math.max(d.evidence_total || 0, evidence.length),
        relation: d,
        onMore: (all) => {
          ele.data({ evidence: all, evidence_total: all.length });
          if (seq === panelSeq) draw(all);
        },
      }),
    );
  draw(d.evidence);
  learnDocuments(d.evidence.map((e) => e.document), api).then((learnt) => {
    if (learnt && seq === panelSeq) draw(ele.data("evidence"));
  });
}

export function closePanelBody() {
  $("#panel").classList.add("closed");
  $("#panel-body").replaceChildren(h("p", { class: "muted" }, "Select a node or a relation to see its evidence."));
}
