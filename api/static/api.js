// A small client for the actorgraph JSON API, served from the same origin as this page.
//
// Every call rejects with an ApiError: `unreachable` is true when no HTTP answer came back
// at all (server down, network gone), `cancelled` when the person cancelled it, so the page
// can say so instead of failing silently. Requests in flight are listed (with what they are
// for) so the page can show progress and offer to cancel slow ones.

export class ApiError extends Error {
  constructor(message, { status = 0, code = "", details = {}, unreachable = false, cancelled = false } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details || {};
    this.unreachable = unreachable;
    this.cancelled = cancelled;
  }
}

// ---------------------------------------------------------------- requests in flight
const inflight = new Map(); // id -> {label, started, ctrl}
const listeners = new Set();
let nextId = 1;
function changed() {
  for (const f of listeners) f(inflight.size);
}
export function onPending(f) {
  listeners.add(f);
}
export function pendingCount() {
  return inflight.size;
}
/** The oldest request in flight: {id, label, started} (or null). */
export function oldestPending() {
  let best = null;
  for (const [id, r] of inflight) if (!best || r.started < best.started) best = { id, ...r };
  return best;
}
/** Cancel every request in flight (the person pressed Cancel). */
export function cancelPending() {
  for (const r of inflight.values()) r.ctrl.abort("cancelled");
}

// Base URL of the API: the page's own origin, unless `?api=` names another one.
const params = new URLSearchParams(location.search);
export const BASE = (params.get("api") || "").replace(/\/$/, "");

/** Build a query string; arrays become repeated params, empty values are dropped. */
export function qs(query = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

export async function get(path, query = {}, { timeoutMs = 120000, label = "" } = {}) {
  const url = `${BASE}${path}${qs(query)}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort("timeout"), timeoutMs);
  const id = nextId++;
  inflight.set(id, { label: label || path, started: performance.now(), ctrl });
  changed();
  let res;
  let text;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" }, signal: ctrl.signal });
    text = await res.text();
  } catch (err) {
    if (ctrl.signal.reason === "cancelled") throw new ApiError(`Cancelled: ${label || path}.`, { cancelled: true });
    throw new ApiError(
      ctrl.signal.aborted
        ? `The API did not answer within ${timeoutMs / 1000} s (${path}).`
        : `The API cannot be reached (${BASE || location.origin}).`,
      { unreachable: true },
    );
  } finally {
    clearTimeout(timer);
    inflight.delete(id);
    changed();
  }
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = body && body.error;
    if (!e && res.status >= 502 && res.status <= 504) {
      throw new ApiError(`The API cannot be reached (HTTP ${res.status}).`, { status: res.status, unreachable: true });
    }
    throw new ApiError(e ? e.message : `HTTP ${res.status} from ${path}`, {
      status: res.status,
      code: e ? e.code : "",
      details: e ? e.details : {},
    });
  }
  if (body === null) throw new ApiError(`The API sent something that is not JSON (${path}).`);
  return body;
}

/** The list inside a response, whatever it is called: `data`, `items`, … or the body itself. */
export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const k of [...keys, "data", "items", "results"]) {
    if (body && Array.isArray(body[k])) return body[k];
  }
  return [];
}

const enc = encodeURIComponent;
const METRIC_NAMES = { pagerank: "PageRank", betweenness: "betweenness centrality", degree: "degree centrality" };

export const api = {
  schema: () => get("/schema", {}, { label: "Loading the vocabulary" }),
  overview: () => get("/overview", { top: 8 }, { label: "Reading the graph's overview" }),
  documents: (ids) => get("/documents", { id: ids, limit: Math.max(1, ids.length) }, { label: "Looking up documents" }),
  searchActors: (q, limit = 8) => get("/actors", { q, limit }, { label: `Searching “${q}”` }),
  actor: (id) => get(`/actors/${enc(id)}`, {}, { label: "Loading the actor" }),
  /** One actor's neighbourhood with the view's filters (relation types, dates). */
  neighbors: (id, { depth = 1, limit, relations, since, until } = {}) =>
    get(`/actors/${enc(id)}/neighbors`, { depth, limit, relations, since, until }, { label: `Loading the network of ${id}` }),
  paths: (source, target, { maxHops = 4, limit = 25, relations, intermediariesOnly = false } = {}) =>
    get(
      "/paths",
      { source, target, max_hops: maxHops, limit, relations, relation: relations, intermediaries_only: intermediariesOnly || undefined },
      { label: "Finding paths" },
    ),
  brokers: (source, target, { maxHops = 4, relations, intermediariesOnly = false, top = 10 } = {}) =>
    get(
      "/brokers",
      { source, target, max_hops: maxHops, top, relations, relation: relations, intermediaries_only: intermediariesOnly || undefined },
      { label: "Ranking brokers" },
    ),
  relationEvidence: (type, source, target, { offset = 0, limit = 50 } = {}) =>
    get("/relations/evidence", { type, source, target, offset, limit }, { label: "Loading evidence" }),
  influence: (metric, { relations, since, until, top = 500 } = {}) =>
    get("/influence", { metric, relations, since, until, top }, { label: `Computing ${METRIC_NAMES[metric] || metric} on the whole graph` }),
  statements: (query) => get("/statements", { limit: 50, ...query }, { label: "Loading statements" }),
  stances: (query) => get("/stances", { limit: 200, ...query }, { label: "Loading stances" }),
};
