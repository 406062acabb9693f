// A small client for the actorgraph JSON API, served from the same origin as this page.
//
// Every call rejects with an ApiError: `unreachable` is true when no HTTP answer came back
// at all (server down, network gone), so the page can say so instead of failing silently.

export class ApiError extends Error {
  constructor(message, { status = 0, code = "", details = {}, unreachable = false } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details || {};
    this.unreachable = unreachable;
  }
}

let pending = 0;
const listeners = new Set();
function bump(d) {
  pending += d;
  for (const f of listeners) f(pending);
}
export function onPending(f) {
  listeners.add(f);
}
export function pendingCount() {
  return pending;
}

// Base URL of the API: the page's own origin, unless `?api=` names another one.
const params = new URLSearchParams(location.search);
export const BASE = (params.get("api") || "").replace(/\/$/, "");

/** Build a query string; arrays become repeated params, empty values are dropped. */
export function qs(query = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

export async function get(path, query = {}, { timeoutMs = 30000 } = {}) {
  const url = `${BASE}${path}${qs(query)}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  bump(1);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" }, signal: ctrl.signal });
  } catch (err) {
    throw new ApiError(
      ctrl.signal.aborted
        ? `The API did not answer within ${timeoutMs / 1000} s (${path}).`
        : `The API cannot be reached (${BASE || location.origin}).`,
      { unreachable: true },
    );
  } finally {
    clearTimeout(timer);
    bump(-1);
  }
  let body = null;
  const text = await res.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = body && body.error;
    if (!e && res.status >= 502 && res.status <= 504) {
      throw new ApiError(`The API cannot be reached (HTTP ${res.status}).`, {
        status: res.status,
        unreachable: true,
      });
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

export const api = {
  schema: () => get("/schema"),
  stats: () => get("/stats"),
  searchActors: (q, limit = 8) => get("/actors", { q, limit }),
  actor: (id) => get(`/actors/${enc(id)}`),
  neighbors: (id, { depth = 1, limit } = {}) =>
    get(`/actors/${enc(id)}/neighbors`, { depth, limit }),
  subgraph: (actors, { depth = 1, limit } = {}) => get("/subgraph", { actors, depth, limit }),
  paths: (source, target, { maxHops = 4, limit = 25, relations } = {}) =>
    get("/paths", { source, target, max_hops: maxHops, limit, relations }),
  influence: (metric, { relations, since, until, top = 500 } = {}) =>
    get("/influence", { metric, relations, since, until, top }),
  statements: (query) => get("/statements", { limit: 50, ...query }),
};
