// What the page's modules share: the Cytoscape instance, the view's state, the vocabulary,
// known documents, and the actions app.js registers (select, expand, commit…). A plain
// object, filled by app.js at start, so modules need not import each other in circles.

import { relationColor, typeColor } from "./graph.js";
import { emptyState } from "./urlstate.js";

export const app = {
  cy: null,
  state: emptyState(),
  schema: { relations: [], relationInfo: {}, actorTypes: [], actorTypeInfo: {}, metrics: [], loaded: false },
  docs: new Map(), // document id -> {id, title, url, published, …}
  bigLayer: null, // biglayer.js: draws big views
  pathResult: null,
  selectedPath: -1,
  scores: null, // id -> score of the chosen metric
  overview: null,
  // actions, registered by app.js
  select: () => {},
  expand: () => {},
  pickActor: () => {},
  removeNode: () => {},
  togglePin: () => {},
  setPathEnd: () => {},
  commit: () => {},
  handleError: () => {},
  toast: () => {},
  refresh: () => {},
};

export const ctx = {
  relationColor: (t) => relationColor(t, Math.max(0, app.schema.relations.indexOf(t))),
  typeColor: (t) => typeColor(t, Math.max(0, app.schema.actorTypes.indexOf(t))),
  symmetric: (t) => !!(app.schema.relationInfo[t] && app.schema.relationInfo[t].symmetric),
};

/** Display name of a node id: from the view, else the path result, else the id. */
export function nameOf(id) {
  const n = app.cy && app.cy.$id(id);
  if (n && n.nonempty()) return n.data("name");
  const r = app.pathResult;
  if (r) {
    for (const x of [r.source, r.target, ...(r.paths || []).flatMap((p) => p.nodes)]) if (x.id === id) return x.name;
  }
  return id;
}

/** Titles for documents not known yet, in one request (errors leave ids as they are). */
export async function learnDocuments(ids, api) {
  const missing = [...new Set(ids.filter((d) => d && !app.docs.has(d)))];
  if (!missing.length) return false;
  try {
    for (let i = 0; i < missing.length; i += 200) {
      const body = await api.documents(missing.slice(i, i + 200));
      for (const d of body.data || []) app.docs.set(d.id, d);
    }
  } catch {
    return false;
  }
  return true;
}
