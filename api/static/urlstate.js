// The view's state in the URL hash, so a copied link reproduces the view.
//
//   #seeds=hamas,qatar          actors whose neighbors are loaded (searched or expanded)
//   &removed=al-manar           nodes the researcher removed
//   &pin=hamas:120:-40          pinned nodes and their positions
//   &rel=mediates,speaks_for    relation types shown (absent = all)
//   &types=state,person,topic   actor types shown, `topic` for topics (absent = all)
//   &since=2024-05-01&until=…   evidence date window
//   &path=united-states,hamas   path finder source and target (&hops=4)
//   &metric=pagerank            node size by influence metric
//   &layout=fcose               layout
//   &sel=n:hamas | e:<edge id>  selected node or edge (its side panel is open)

const LISTS = ["seeds", "removed", "rel", "types"];

export function emptyState() {
  return {
    seeds: [],
    removed: [],
    pins: {}, // id -> {x, y}
    rel: null, // null = all relation types
    types: null, // null = all actor types (+ topic)
    since: "",
    until: "",
    path: null, // {source, target}
    hops: 4,
    metric: "",
    layout: "fcose",
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
  s.since = one("since");
  s.until = one("until");
  const path = splitList(p.has("path") ? p.get("path") : null);
  if (path && path.length === 2 && path[0] && path[1]) s.path = { source: path[0], target: path[1] };
  const hops = parseInt(p.get("hops") || "", 10);
  if (hops >= 1 && hops <= 6) s.hops = hops;
  s.metric = one("metric");
  s.layout = one("layout") || s.layout;
  s.sel = one("sel");
  return s;
}

export function toHash(s) {
  // Built by hand so that commas and `>` stay readable in the address bar.
  const parts = [];
  const add = (k, v) => parts.push(`${k}=${v}`);
  if (s.seeds.length) add("seeds", joinList(s.seeds));
  if (s.removed.length) add("removed", joinList(s.removed));
  const pins = Object.entries(s.pins);
  if (pins.length) {
    add(
      "pin",
      pins.map(([id, p]) => `${encodeURIComponent(id)}:${Math.round(p.x)}:${Math.round(p.y)}`).join(","),
    );
  }
  if (s.rel) add("rel", joinList(s.rel));
  if (s.types) add("types", joinList(s.types));
  if (s.since) add("since", s.since);
  if (s.until) add("until", s.until);
  if (s.path) {
    add("path", joinList([s.path.source, s.path.target]));
    if (s.hops !== 4) add("hops", s.hops);
  }
  if (s.metric) add("metric", s.metric);
  if (s.layout && s.layout !== "fcose") add("layout", s.layout);
  if (s.sel) add("sel", encodeURIComponent(s.sel));
  return parts.length ? `#${parts.join("&")}` : "";
}
