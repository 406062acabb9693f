// The view's state in the URL hash, so a copied link reproduces the view, and every change
// is a history entry (browser Back undoes it).
//
//   #seeds=hamas,qatar          actors whose neighbourhoods are loaded (searched or expanded)
//   &depth=2                    hops out from each of them (default 1)
//   &limit=300                  neighbours per actor (default 150; "Show more" doubles it)
//   &removed=al-manar           nodes the researcher removed
//   &pin=hamas:120:-40          pinned nodes and their positions
//   &pos=<deflated, base64url>  every node's position (so a link restores the same picture)
//   &rel=mediates,speaks_for    relation types shown (absent = all)
//   &types=state,person,topic   actor types shown, `topic` for topics (absent = all)
//   &since=2024-05-01&until=…   evidence date window
//   &path=united-states,hamas   path finder source and target (&hops=4)
//   &prel=mediates,speaks_for   relation types the path finder walks (absent = the default)
//   &inter=1                    paths only through intermediaries
//   &metric=pagerank            node size by influence metric
//   &layout=circle              layout (absent = force-directed)
//   &tab=table | stances        what the main area shows (absent = the graph)
//   &sel=n:hamas | e:<edge id>  selected node or edge (its side panel is open)

const LISTS = ["seeds", "removed", "rel", "types", "prel"];
export const DEFAULT_LIMIT = 150;
export const MAX_LIMIT = 10000;
const LAYOUT_NAMES = new Set(["fcose", "concentric", "breadthfirst", "circle", "grid"]);
const TABS = new Set(["graph", "table", "stances"]);

export function emptyState() {
  return {
    seeds: [],
    depth: 1,
    limit: DEFAULT_LIMIT,
    removed: [],
    pins: {}, // id -> {x, y}
    pos: "", // encoded positions (see encodePositions)
    rel: null, // null = all relation types
    types: null, // null = all actor types (+ topic)
    since: "",
    until: "",
    path: null, // {source, target}
    hops: 4,
    prel: null, // null = the API's default (channel relations)
    inter: false,
    metric: "",
    layout: "fcose",
    tab: "graph",
    sel: "",
  };
}

const splitList = (v) =>
  v === null ? null : v === "" ? [] : v.split(",").map((x) => decodeURIComponent(x));
const joinList = (a) => a.map((x) => encodeURIComponent(x)).join(",");

export function parseHash(hash) {
  const s = emptyState();
  const raw = (hash || "").replace(/^#/, "");
  if (!raw) return s;
  // Parsed by hand: list items are percent-encoded one by one, so decode after splitting.
  const p = new Map();
  for (const part of raw.split("&")) {
    const i = part.indexOf("=");
    if (i > 0) p.set(part.slice(0, i), part.slice(i + 1));
  }
  for (const k of LISTS) {
    if (p.has(k)) s[k] = splitList(p.get(k));
  }
  s.seeds = s.seeds || [];
  s.removed = s.removed || [];
  for (const item of (p.get("pin") || "").split(",").filter(Boolean)) {
    const [id, x, y] = item.split(":");
    if (id && Number.isFinite(+x) && Number.isFinite(+y)) {
      s.pins[decodeURIComponent(id)] = { x: +x, y: +y };
    }
  }
  const one = (k) => (p.has(k) ? decodeURIComponent(p.get(k)) : "");
  const int = (k, lo, hi, dflt) => {
    const v = parseInt(p.get(k) || "", 10);
    return v >= lo && v <= hi ? v : dflt;
  };
  s.since = one("since");
  s.until = one("until");
  const path = splitList(p.has("path") ? p.get("path") : null);
  if (path && path.length === 2 && path[0] && path[1]) s.path = { source: path[0], target: path[1] };
  s.hops = int("hops", 1, 6, 4);
  s.depth = int("depth", 1, 3, 1);
  s.limit = int("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  s.inter = one("inter") === "1";
  s.metric = one("metric");
  const layout = one("layout");
  s.layout = LAYOUT_NAMES.has(layout) ? layout : "fcose"; // old links: cose -> force-directed
  const tab = one("tab");
  s.tab = TABS.has(tab) ? tab : "graph";
  s.sel = one("sel");
  s.pos = p.get("pos") || "";
  return s;
}

export function toHash(s) {
  // Built by hand so that commas stay readable in the address bar.
  const parts = [];
  const add = (k, v) => parts.push(`${k}=${v}`);
  if (s.seeds.length) add("seeds", joinList(s.seeds));
  if (s.depth !== 1) add("depth", s.depth);
  if (s.limit !== DEFAULT_LIMIT) add("limit", s.limit);
  if (s.removed.length) add("removed", joinList(s.removed));
  const pins = Object.entries(s.pins);
  if (pins.length) {
    add("pin", pins.map(([id, p]) => `${encodeURIComponent(id)}:${Math.round(p.x)}:${Math.round(p.y)}`).join(","));
  }
  if (s.rel) add("rel", joinList(s.rel));
  if (s.types) add("types", joinList(s.types));
  if (s.since) add("since", s.since);
  if (s.until) add("until", s.until);
  if (s.path) {
    add("path", joinList([s.path.source, s.path.target]));
    if (s.hops !== 4) add("hops", s.hops);
    if (s.prel) add("prel", joinList(s.prel));
    if (s.inter) add("inter", "1");
  }
  if (s.metric) add("metric", s.metric);
  if (s.layout && s.layout !== "fcose") add("layout", s.layout);
  if (s.tab && s.tab !== "graph") add("tab", s.tab);
  if (s.sel) add("sel", encodeURIComponent(s.sel));
  if (s.pos) add("pos", s.pos);
  return parts.length ? `#${parts.join("&")}` : "";
}

// ---------------------------------------------------------------- positions
// "id x y" lines, deflated and base64url-encoded: 1,500 positions fit in a few kB of link.

function toBase64Url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function fromBase64Url(text) {
  const b = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}
async function pipe(bytes, stream) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

/** Encode {id: {x, y}} for the `pos` parameter. */
export async function encodePositions(positions) {
  const lines = Object.entries(positions).map(([id, p]) => `${id}\t${Math.round(p.x)}\t${Math.round(p.y)}`);
  if (!lines.length) return "";
  const bytes = new TextEncoder().encode(lines.join("\n"));
  return toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
}

/** Decode the `pos` parameter; {} when it is empty or damaged. */
export async function decodePositions(text) {
  if (!text) return {};
  try {
    const raw = new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream("deflate-raw")));
    const out = {};
    for (const line of raw.split("\n")) {
      const [id, x, y] = line.split("\t");
      if (id && Number.isFinite(+x) && Number.isFinite(+y)) out[id] = { x: +x, y: +y };
    }
    return out;
  } catch {
    return {};
  }
}
