// Work on many elements spread over frames, so that no frame blocks the page for long.
//
// Cytoscape recomputes the style (and redraws) of every element a change touches in the
// next frame: a class or a size set on 6,000 elements at once is one task of several hundred
// milliseconds. `inChunks` applies a change a slice per frame instead; a newer job of the
// same kind stops an older one (it starts from whatever the older left, so the end state is
// the newer's). Small jobs run at once, as before.

import { nextFrame } from "./dom.js";

let running = 0;
let onChange = () => {};
const latest = new Map(); // kind -> token of the newest job

/** Called whenever chunked work starts or ends (the page's idle flag). */
export function onChunkWork(f) {
  onChange = f;
}

/** Whether chunked work is still going on. */
export function chunking() {
  return running > 0;
}

/**
 * Run `fn(slice)` over `items` (an array or a Cytoscape collection), `size` at a time, one
 * slice per frame. Resolves to true when every slice ran, false when a newer job of the same
 * `kind` took over.
 */
export async function inChunks(kind, items, size, fn) {
  const token = {};
  latest.set(kind, token);
  if (items.length <= size) {
    fn(items);
    return true;
  }
  running += 1;
  onChange();
  try {
    for (let i = 0; i < items.length; i += size) {
      if (latest.get(kind) !== token) return false;
      fn(items.slice(i, i + size));
      if (i + size < items.length) await nextFrame();
    }
    return latest.get(kind) === token;
  } finally {
    running -= 1;
    onChange();
  }
}
