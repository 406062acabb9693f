// Work on many elements spread over frames, so that no frame blocks the page for long.
//
// Cytoscape recomputes the style (and redraws) of every element a change touches in the
// next frame: a class or a size set on 6,000 elements at once is one task of several hundred
// milliseconds. `inChunks` applies a change a slice per frame instead; a newer job of the
// same kind stops an older one (it starts from whatever the older left, so the end state is
// the newer's). Small jobs run at once, as before.
//
// How much a slice costs depends on the machine and on what else runs on it (two shared
// cores under load stretch every task 2–5×), so the slice size is learned per kind of job:
// each slice is timed (the slice itself, and the frame after it, which restyles and draws
// it); over BUDGET_MS the next slice is made smaller in proportion, well under it bigger
// again, between half the size the caller gives and that size (a frame also has a
// cost that no slice size changes: smaller slices past that only make the job longer).

const BUDGET_MS = 80; // the slice's task, and the frame's
const MIN_SLICE = 20;

/** The next frame; resolves (in a task of its own, after it) to how long the frame's
 * callbacks ran before this one (Cytoscape's restyle and drawing). */
const frame = () =>
  new Promise((resolve) =>
    requestAnimationFrame((start) => {
      const ms = performance.now() - start;
      setTimeout(() => resolve(ms), 0);
    }),
  );

let running = 0;
let onChange = () => {};
const latest = new Map(); // kind -> token of the newest job
const learned = new Map(); // kind -> slice size that kept within the budget last time

/** Called whenever chunked work starts or ends (the page's idle flag). */
export function onChunkWork(f) {
  onChange = f;
}

/** Whether chunked work is still going on. */
export function chunking() {
  return running > 0;
}

/** How many items of a job of `kind` go in one slice now (at most `size`). */
export function sliceSize(kind, size) {
  return Math.min(size, learned.get(kind) || size);
}

/** The next slice size after a slice of `n` took `ms` (itself or its frame; at most `max`). */
export function nextSliceSize(n, ms, max) {
  const least = Math.min(max, Math.max(MIN_SLICE, Math.ceil(max / 2)));
  if (ms > BUDGET_MS) return Math.max(least, Math.floor((n * BUDGET_MS) / ms));
  if (ms < BUDGET_MS / 2) return Math.min(max, Math.ceil(n * 1.5));
  return n;
}

/**
 * Run `fn(slice)` over `items` (an array or a Cytoscape collection), at most `size` at a
 * time (fewer when slices take long here), one slice per frame. Resolves to true when every
 * slice ran, false when a newer job of the same `kind` took over.
 */
export async function inChunks(kind, items, size, fn) {
  const token = {};
  latest.set(kind, token);
  let n = sliceSize(kind, size);
  if (items.length <= n) {
    fn(items);
    return true;
  }
  running += 1;
  onChange();
  try {
    let i = 0;
    while (i < items.length) {
      if (latest.get(kind) !== token) return false;
      const t0 = performance.now();
      fn(items.slice(i, i + n));
      const own = performance.now() - t0;
      i += n;
      if (i < items.length) {
        const drawn = await frame();
        n = nextSliceSize(n, Math.max(own, drawn), size);
        learned.set(kind, n);
      }
    }
    return latest.get(kind) === token;
  } finally {
    running -= 1;
    onChange();
  }
}
