// Exports of what is in view: GEXF 1.3 and GraphML (Gephi, Gephi Lite, networkx, yEd),
// CSV of the relations with one row per evidence sentence, and SVG/PNG pictures with a
// legend and a caption that names the sources.
//
// Positions are the view's, with y pointing up (Gephi's convention), so the picture is the
// same in Gephi as on screen.

import { api } from "./api.js";
import { app, ctx, learnDocuments } from "./context.js";
import { plural, svg } from "./dom.js";
import { relationDash, shapePoints, traceShape } from "./graph.js";
import { allEvidence } from "./panel.js";
import { drawBigView } from "./biglayer.js";

const xml = (s) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // characters XML 1.0 cannot carry
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

function rgb(hex) {
  const n = parseInt(String(hex || "#999999").replace("#", ""), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The visible nodes and relations, as plain records. */
export function viewData() {
  const cy = app.cy;
  const nodes = cy.nodes().not(".hidden");
  const edges = cy.edges().not(".hidden");
  const seeds = new Set(app.state.seeds);
  return {
    nodes: nodes.map((n) => {
      const d = n.data();
      const p = n.position();
      return {
        id: d.id,
        label: d.name,
        kind: d.kind,
        type: d.type,
        intermediary: !!d.intermediary,
        seed: seeds.has(d.id),
        score: app.scores ? app.scores.get(d.id) ?? 0 : null,
        x: p.x,
        y: p.y,
        size: d.size,
        color: d.color,
        shape: d.shape,
      };
    }),
    edges: edges.map((e) => {
      const d = e.data();
      return {
        id: d.id,
        source: d.source,
        target: d.target,
        type: d.type,
        symmetric: !!d.symmetric,
        confidence: d.confidence ?? 1,
        first_seen: d.first_seen || "",
        last_seen: d.last_seen || "",
        evidence: d.evidence || [],
        evidence_count: Math.max(d.evidence_total || 0, (d.evidence || []).length),
        color: d.color,
      };
    }),
  };
}

/** Documents cited by the evidence in view: [{id, title, published, url}]. */
function citedDocuments(data) {
  const ids = new Set();
  for (const e of data.edges) for (const ev of e.evidence) if (ev.document) ids.add(ev.document);
  return [...ids].map((id) => app.docs.get(id) || { id, title: id }).sort((a, b) => String(a.title).localeCompare(String(b.title)));
}

/** The caption's lines: what is shown, under which filters, from which sources, when. */
export function captionLines(data) {
  const s = app.state;
  const docs = citedDocuments(data);
  const filters = [];
  if (s.rel) filters.push(`relations: ${s.rel.join(", ") || "none"}`);
  if (s.types) filters.push(`kinds: ${s.types.join(", ") || "none"}`);
  if (s.since || s.until) filters.push(`evidence dates ${s.since || "…"} to ${s.until || "…"}`);
  if (s.path) filters.push(`paths ${s.path.source} → ${s.path.target}`);
  if (s.metric) filters.push(`node size: ${s.metric}`);
  const lines = [
    `actorgraph view: ${plural(data.nodes.length, "node")}, ${plural(data.edges.length, "relation")}${filters.length ? ` (${filters.join("; ")})` : ""}.`,
    docs.length
      ? `Sources (${docs.length}): ${docs.slice(0, 6).map((d) => `${d.title}${d.published ? ` (${d.published})` : ""}`).join("; ")}${docs.length > 6 ? `; and ${docs.length - 6} more` : ""}.`
      : "Sources: no document cited by the relations in view.",
    `Exported ${today()} from ${location.origin}${location.pathname}`,
  ];
  return lines;
}

export function legendModel(data) {
  const nodeTypes = new Map();
  for (const n of data.nodes) if (!nodeTypes.has(n.type)) nodeTypes.set(n.type, { label: n.type, color: n.color, shape: n.shape });
  const rels = new Map();
  for (const e of data.edges) {
    const r = rels.get(e.type) || { type: e.type, color: e.color, dash: relationDash(e.type), count: 0 };
    r.count += 1;
    rels.set(e.type, r);
  }
  return {
    nodes: [...nodeTypes.values()],
    relations: [...rels.values()],
    intermediaries: data.nodes.some((n) => n.intermediary),
    sizeBy: app.state.metric || "",
  };
}

// ---------------------------------------------------------------- GEXF and GraphML

const GEXF_SHAPE = { ellipse: "disc", "round-rectangle": "square", "round-hexagon": "disc", "round-diamond": "diamond" };

export function toGexf(data = viewData()) {
  const out = [];
  const caption = captionLines(data).join(" ");
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push(`  <meta lastmodifieddate="${today()}"><creator>actorgraph</creator><description>${xml(caption)}</description></meta>`);
  out.push('  <graph defaultedgetype="directed" mode="static">');
  out.push('    <attributes class="node">');
  for (const [id, type] of [["kind", "string"], ["type", "string"], ["intermediary", "boolean"], ["seed", "boolean"], ["score", "double"]]) {
    out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`);
  }
  out.push("    </attributes>");
  out.push('    <attributes class="edge">');
  for (const [id, type] of [["type", "string"], ["confidence", "double"], ["first_seen", "string"], ["last_seen", "string"], ["evidence_count", "integer"], ["evidence", "string"], ["documents", "string"], ["symmetric", "boolean"]]) {
    out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`);
  }
  out.push("    </attributes>");
  out.push("    <nodes>");
  for (const n of data.nodes) {
    const c = rgb(n.color);
    const vals = [["kind", n.kind], ["type", n.type], ["intermediary", String(n.intermediary)], ["seed", String(n.seed)]];
    if (n.score !== null) vals.push(["score", n.score]);
    out.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}">`);
    out.push(`        <attvalues>${vals.map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join("")}</attvalues>`);
    out.push(`        <viz:color r="${c.r}" g="${c.g}" b="${c.b}" a="1.0"/>`);
    out.push(`        <viz:position x="${n.x.toFixed(2)}" y="${(-n.y).toFixed(2)}" z="0.0"/>`);
    out.push(`        <viz:size value="${(n.size / 2).toFixed(2)}"/>`);
    out.push(`        <viz:shape value="${GEXF_SHAPE[n.shape] || "disc"}"/>`);
    out.push("      </node>");
  }
  out.push("    </nodes>");
  out.push("    <edges>");
  for (const e of data.edges) {
    const c = rgb(e.color);
    const dash = relationDash(e.type);
    const vals = [
      ["type", e.type],
      ["confidence", e.confidence],
      ["first_seen", e.first_seen],
      ["last_seen", e.last_seen],
      ["evidence_count", e.evidence_count],
      ["evidence", (e.evidence[0] && e.evidence[0].sentence) || ""],
      ["documents", [...new Set(e.evidence.map((ev) => ev.document).filter(Boolean))].join(" ")],
      ["symmetric", String(e.symmetric)],
    ];
    out.push(`      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}" kind="${xml(e.type)}" weight="${Number(e.confidence) || 1}">`);
    out.push(`        <attvalues>${vals.map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join("")}</attvalues>`);
    out.push(`        <viz:color r="${c.r}" g="${c.g}" b="${c.b}" a="1.0"/>`);
    out.push(`        <viz:thickness value="2"/>`);
    out.push(`        <viz:shape value="${dash ? (dash[0] <= 2 ? "dotted" : "dashed") : "solid"}"/>`);
    out.push("      </edge>");
  }
  out.push("    </edges>");
  out.push("  </graph>");
  out.push("</gexf>");
  return out.join("\n") + "\n";
}

export function toGraphml(data = viewData()) {
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  out.push(`  <!-- ${xml(captionLines(data).join(" ")).replace(/--/g, "- -")} -->`);
  const nodeKeys = [["label", "string"], ["kind", "string"], ["type", "string"], ["intermediary", "boolean"], ["seed", "boolean"], ["score", "double"], ["x", "double"], ["y", "double"], ["size", "double"], ["r", "int"], ["g", "int"], ["b", "int"], ["color", "string"]];
  const edgeKeys = [["label", "string"], ["type", "string"], ["confidence", "double"], ["first_seen", "string"], ["last_seen", "string"], ["evidence_count", "int"], ["evidence", "string"], ["documents", "string"], ["symmetric", "boolean"], ["color", "string"]];
  for (const [k, t] of nodeKeys) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  out.push('  <graph id="actorgraph" edgedefault="directed">');
  for (const n of data.nodes) {
    const c = rgb(n.color);
    const vals = { label: n.label, kind: n.kind, type: n.type, intermediary: n.intermediary, seed: n.seed, score: n.score, x: n.x.toFixed(2), y: (-n.y).toFixed(2), size: n.size, r: c.r, g: c.g, b: c.b, color: n.color };
    out.push(`    <node id="${xml(n.id)}">${Object.entries(vals).filter(([, v]) => v !== null).map(([k, v]) => `<data key="n_${k}">${xml(v)}</data>`).join("")}</node>`);
  }
  for (const e of data.edges) {
    const vals = {
      label: e.type,
      type: e.type,
      confidence: e.confidence,
      first_seen: e.first_seen,
      last_seen: e.last_seen,
      evidence_count: e.evidence_count,
      evidence: (e.evidence[0] && e.evidence[0].sentence) || "",
      documents: [...new Set(e.evidence.map((ev) => ev.document).filter(Boolean))].join(" "),
      symmetric: e.symmetric,
      color: e.color,
    };
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${Object.entries(vals).map(([k, v]) => `<data key="e_${k}">${xml(v)}</data>`).join("")}</edge>`);
  }
  out.push("  </graph>");
  out.push("</graphml>");
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------- CSV

const CSV_COLUMNS = [
  "relation_id", "type", "source_id", "source_name", "target_id", "target_name", "confidence", "first_seen", "last_seen",
  "evidence_sentence", "evidence_date", "evidence_confidence", "evidence_origin", "document_id", "document_title", "document_url", "document_published",
];

function csvCell(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`; // not a formula when opened in a spreadsheet
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Relations in view, one row per piece of evidence (all of it, paged from the API). */
export async function toCsv(data = viewData()) {
  const names = new Map(data.nodes.map((n) => [n.id, n.label]));
  let incomplete = 0;
  for (const e of data.edges) {
    if (e.evidence_count > e.evidence.length) {
      try {
        e.evidence = await allEvidence(e, e.evidence_count);
      } catch {
        incomplete += 1;
      }
    }
  }
  await learnDocuments(data.edges.flatMap((e) => e.evidence.map((ev) => ev.document)), api);
  const rows = [CSV_COLUMNS.join(",")];
  for (const e of data.edges) {
    const base = [e.id, e.type, e.source, names.get(e.source) || e.source, e.target, names.get(e.target) || e.target, e.confidence, e.first_seen, e.last_seen];
    const evs = e.evidence.length ? e.evidence : [{}];
    for (const ev of evs) {
      const d = (ev.document && app.docs.get(ev.document)) || {};
      rows.push(
        [...base, ev.sentence, ev.date || ev.valid_from, ev.confidence, ev.origin, ev.document, d.title, d.url, d.published].map(csvCell).join(","),
      );
    }
  }
  return { text: "\uFEFF" + rows.join("\r\n") + "\r\n", incomplete };
}

// ---------------------------------------------------------------- pictures

function nodeShape(n, x, y, r, extra = {}) {
  const common = { fill: n.color, stroke: n.intermediary ? "#7a5c00" : "#ffffff", "stroke-width": n.intermediary ? 3 : 1, ...extra };
  const pts = shapePoints(n.shape, x, y, r);
  if (pts) return svg("polygon", { points: pts, ...common });
  if (n.shape === "round-rectangle") return svg("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, rx: r / 4, ...common });
  return svg("circle", { cx: x, cy: y, r, ...common });
}

function wrap(text, width) {
  const words = text.split(" ");
  const lines = [];
  let line = "";
  for (const w of words) {
    if ((line + " " + w).trim().length > width && line) {
      lines.push(line);
      line = w;
    } else line = (line + " " + w).trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** The view as a standalone SVG document, with a legend and a source caption. */
export function toSvg(data = viewData()) {
  const pad = 40;
  const legendW = 230;
  const xs = data.nodes.map((n) => n.x);
  const ys = data.nodes.map((n) => n.y);
  const x1 = Math.min(0, ...xs) - pad;
  const y1 = Math.min(0, ...ys) - pad;
  const gw = Math.max(200, Math.max(0, ...xs) + pad - x1);
  const gh = Math.max(200, Math.max(0, ...ys) + pad + 16 - y1);
  const caption = captionLines(data).flatMap((l) => wrap(l, Math.max(60, Math.round((gw + legendW) / 7))));
  const legend = legendModel(data);
  const legendH = 40 + 20 * (legend.nodes.length + legend.relations.length + (legend.intermediaries ? 1 : 0) + (legend.sizeBy ? 1 : 0));
  const height = Math.max(gh, legendH) + 24 + caption.length * 16;
  const width = gw + legendW;
  const pos = new Map(data.nodes.map((n) => [n.id, n]));
  const markers = legend.relations.map((r) =>
    svg("marker", { id: `arrow-${r.type}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: r.color })),
  );
  const edges = data.edges.map((e) => {
    const s = pos.get(e.source);
    const t = pos.get(e.target);
    if (!s || !t) return null;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const rt = t.size / 2 + 2;
    const dash = relationDash(e.type);
    return svg(
      "line",
      {
        x1: (s.x - x1).toFixed(1),
        y1: (s.y - y1).toFixed(1),
        x2: (t.x - x1 - (dx / len) * rt).toFixed(1),
        y2: (t.y - y1 - (dy / len) * rt).toFixed(1),
        stroke: e.color,
        "stroke-width": 2,
        "stroke-dasharray": dash ? dash.join(" ") : null,
        "marker-end": e.symmetric ? null : `url(#arrow-${e.type})`,
        class: `edge ${e.type}`,
      },
      svg("title", {}, `${e.source} ${e.type} ${e.target}`),
    );
  });
  const nodes = data.nodes.map((n) =>
    svg(
      "g",
      { class: "node" },
      nodeShape(n, n.x - x1, n.y - y1, n.size / 2),
      svg("text", { x: (n.x - x1).toFixed(1), y: (n.y - y1 + n.size / 2 + 12).toFixed(1), "text-anchor": "middle", class: "label" }, n.label),
    ),
  );
  let ly = 28;
  const lx = gw + 12;
  const legendItems = [svg("text", { x: lx, y: ly, class: "legend-title" }, "Legend")];
  for (const t of legend.nodes) {
    ly += 20;
    legendItems.push(nodeShape({ ...t, intermediary: false }, lx + 8, ly - 4, 7), svg("text", { x: lx + 24, y: ly }, t.label));
  }
  if (legend.intermediaries) {
    ly += 20;
    legendItems.push(svg("circle", { cx: lx + 8, cy: ly - 4, r: 7, fill: "#ffffff", stroke: "#7a5c00", "stroke-width": 3 }), svg("text", { x: lx + 24, y: ly }, "intermediary"));
  }
  for (const r of legend.relations) {
    ly += 20;
    legendItems.push(
      svg("line", { x1: lx, y1: ly - 4, x2: lx + 18, y2: ly - 4, stroke: r.color, "stroke-width": 2.5, "stroke-dasharray": r.dash ? r.dash.join(" ") : null }),
      svg("text", { x: lx + 24, y: ly }, `${r.type} (${r.count})`),
    );
  }
  if (legend.sizeBy) {
    ly += 20;
    legendItems.push(svg("text", { x: lx, y: ly }, `node size: ${legend.sizeBy}`));
  }
  const capY = Math.max(gh, legendH) + 20;
  const doc = svg(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: Math.round(width), height: Math.round(height), viewBox: `0 0 ${Math.round(width)} ${Math.round(height)}`, "font-family": "system-ui, sans-serif", "font-size": 12 },
    svg("title", {}, "actorgraph view"),
    svg("desc", {}, captionLines(data).join(" ")),
    svg("style", {}, ".label{font-size:11px;fill:#212529;paint-order:stroke;stroke:#fff;stroke-width:3px}.legend-title{font-weight:bold}.caption{fill:#343a40}"),
    svg("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" }),
    svg("defs", {}, ...markers),
    svg("g", { class: "edges" }, ...edges.filter(Boolean)),
    svg("g", { class: "nodes" }, ...nodes),
    svg("g", { class: "legend" }, ...legendItems),
    svg("g", { class: "caption" }, ...caption.map((line, i) => svg("text", { x: 12, y: capY + i * 16, class: "caption" }, line))),
  );
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + "\n";
}

/** The view as a PNG: Cytoscape's own drawing, with the legend beside it and the caption below. */
export async function toPng(data = viewData()) {
  const cy = app.cy;
  const scale = 2;
  // big views: the page draws nodes and relations itself (biglayer.js), Cytoscape what is
  // selected or on a path, on top
  const layered = !!(app.bigLayer && app.bigLayer.on);
  const shot = await cy.png({ full: true, scale, bg: layered ? undefined : "#ffffff", output: "blob-promise", maxWidth: 4000, maxHeight: 4000 });
  const img = await createImageBitmap(shot);
  const legend = legendModel(data);
  const legendW = 240 * scale;
  const lines = captionLines(data).flatMap((l) => wrap(l, Math.max(60, Math.round((img.width + legendW) / (7 * scale)))));
  const legendH = (40 + 22 * (legend.nodes.length + legend.relations.length + 2)) * scale;
  const width = img.width + legendW;
  const height = Math.max(img.height, legendH) + (24 + lines.length * 18) * scale;
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, width, height);
  if (layered) {
    const bb = cy.mutableElements().boundingBox();
    const s = img.width / Math.max(1, Math.ceil(bb.w)); // the scale Cytoscape used
    drawBigView(cy, g, s, { x: -bb.x1 * s, y: -bb.y1 * s }, Infinity, Infinity, app.bigLayer.offPath);
  }
  g.drawImage(img, 0, 0);
  g.scale(scale, scale);
  g.font = "12px system-ui, sans-serif";
  g.fillStyle = "#212529";
  const lx = img.width / scale + 12;
  let ly = 28;
  g.font = "bold 12px system-ui, sans-serif";
  g.fillText("Legend", lx, ly);
  g.font = "12px system-ui, sans-serif";
  for (const t of legend.nodes) {
    ly += 22;
    g.fillStyle = t.color;
    g.beginPath();
    traceShape(g, t.shape, lx + 8, ly - 4, 7);
    g.fill();
    g.fillStyle = "#212529";
    g.fillText(t.label, lx + 24, ly);
  }
  if (legend.intermediaries) {
    ly += 22;
    g.strokeStyle = "#7a5c00";
    g.lineWidth = 3;
    g.beginPath();
    traceShape(g, "ellipse", lx + 8, ly - 4, 6);
    g.stroke();
    g.fillText("intermediary", lx + 24, ly);
  }
  for (const r of legend.relations) {
    ly += 22;
    g.strokeStyle = r.color;
    g.lineWidth = 2.5;
    g.setLineDash(r.dash || []);
    g.beginPath();
    g.moveTo(lx, ly - 4);
    g.lineTo(lx + 18, ly - 4);
    g.stroke();
    g.setLineDash([]);
    g.fillText(`${r.type} (${r.count})`, lx + 24, ly);
  }
  if (legend.sizeBy) {
    ly += 22;
    g.fillText(`node size: ${legend.sizeBy}`, lx, ly);
  }
  const capY = Math.max(img.height, legendH) / scale + 20;
  g.fillStyle = "#343a40";
  lines.forEach((line, i) => g.fillText(line, 12, capY + i * 18));
  return canvas.convertToBlob({ type: "image/png" });
}
