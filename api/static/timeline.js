// The timeline: how the evidence in view spreads over time (a histogram), a date window
// chosen with two sliders that read as dates, and playback that moves the window (or, over
// the whole span, grows it) step by step.

import { app } from "./context.js";
import { $, h, plural, svg } from "./dom.js";
import { dayOf, isoOfDay } from "./graph.js";

const W = 264;
const H = 56;
let span = null; // {lo, hi} in days
let bins = []; // [{start, end, count}]
let playing = null; // timer id
let unloadedPieces = 0;
let onChange = () => {};

/** Wire the controls; `change(since, until, {final})` is called as the window moves. */
export function initTimeline(change) {
  onChange = change;
  $("#date-from").addEventListener("input", (ev) => slide(ev.target));
  $("#date-to").addEventListener("input", (ev) => slide(ev.target));
  $("#date-from").addEventListener("change", () => onChange(app.state.since, app.state.until, { final: true }));
  $("#date-to").addEventListener("change", () => onChange(app.state.since, app.state.until, { final: true }));
  $("#date-reset").addEventListener("click", () => {
    stopPlayback();
    onChange("", "", { final: true });
  });
  $("#play").addEventListener("click", () => (playing ? stopPlayback({ final: true }) : startPlayback({ stepMs: +$("#play-speed").value || 700 })));
}

function binSize(days) {
  if (days <= 45) return 1;
  if (days <= 400) return 7;
  return 30;
}

/** The evidence days the histogram counts: relations that pass every filter but the dates. */
function evidenceDays() {
  const rel = app.state.rel ? new Set(app.state.rel) : null;
  const days = [];
  let undated = 0;
  let unloaded = 0; // pieces the API did not send with the relation (it sends the best few)
  const typeHidden = new Set(app.cy.nodes(".type-hidden").map((n) => n.id()));
  app.cy.edges().forEach((e) => {
    const data = e.data();
    if (rel && !rel.has(data.type)) return;
    if (typeHidden.has(data.source) || typeHidden.has(data.target)) return;
    const d = data.days;
    if (d && d.length) for (const x of d) days.push(x);
    else if (data.dmin !== null) days.push(data.dmin);
    else undated += 1;
    unloaded += Math.max(0, (data.evidence_total || 0) - data.evidence.length);
  });
  return { days, undated, unloaded };
}

/** Recompute the histogram and the sliders from the view (after every change). */
export function updateTimeline() {
  const { days, undated, unloaded } = evidenceDays();
  unloadedPieces = unloaded;
  const from = $("#date-from");
  const to = $("#date-to");
  const box = $("#date-filter");
  const since = dayOf(app.state.since);
  const until = dayOf(app.state.until);
  let lo = null;
  let hi = null;
  for (const d of days) {
    if (lo === null || d < lo) lo = d;
    if (hi === null || d > hi) hi = d;
  }
  for (const v of [since, until]) {
    if (v === null) continue;
    lo = lo === null ? v : Math.min(lo, v);
    hi = hi === null ? v : Math.max(hi, v);
  }
  if (lo === null) {
    span = null;
    bins = [];
    box.classList.add("disabled");
    from.disabled = to.disabled = true;
    $("#play").disabled = true;
    $("#date-label").textContent = "No dated evidence in view.";
    $("#histogram").replaceChildren();
    return;
  }
  span = { lo, hi };
  box.classList.remove("disabled");
  from.disabled = to.disabled = false;
  $("#play").disabled = hi === lo;
  for (const inp of [from, to]) {
    inp.min = lo;
    inp.max = hi;
  }
  from.value = since ?? lo;
  to.value = until ?? hi;
  const size = binSize(hi - lo + 1);
  bins = [];
  for (let s = lo; s <= hi; s += size) bins.push({ start: s, end: Math.min(hi, s + size - 1), count: 0 });
  for (const d of days) bins[Math.min(bins.length - 1, Math.floor((d - lo) / size))].count += 1;
  drawHistogram(undated);
  label();
}

function inWindow(b) {
  const a = +$("#date-from").value;
  const z = +$("#date-to").value;
  return b.end >= a && b.start <= z;
}

function drawHistogram(undated) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = W / Math.max(1, bins.length);
  const total = bins.reduce((s, b) => s + b.count, 0);
  const unit = bins.length && bins[0].end - bins[0].start >= 29 ? "month" : bins.length && bins[0].end > bins[0].start ? "week" : "day";
  const bars = bins.map((b, i) => {
    const hgt = b.count ? Math.max(2, (b.count / max) * (H - 4)) : 0;
    return svg(
      "rect",
      { x: i * bw, y: H - hgt, width: Math.max(1, bw - 1), height: hgt, class: inWindow(b) ? "bar in" : "bar" },
      svg("title", {}, `${isoOfDay(b.start)}${b.end > b.start ? ` – ${isoOfDay(b.end)}` : ""}: ${plural(b.count, "piece")} of evidence`),
    );
  });
  $("#histogram").replaceChildren(
    svg(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": `Evidence in view per ${unit}: ${plural(total, "dated piece")}${undated ? `, ${undated} relations undated` : ""}, from ${isoOfDay(span.lo)} to ${isoOfDay(span.hi)}.` },
      ...bars,
    ),
  );
}

function label() {
  const a = +$("#date-from").value;
  const z = +$("#date-to").value;
  const shown = bins.filter(inWindow).reduce((s, b) => s + b.count, 0);
  const total = bins.reduce((s, b) => s + b.count, 0);
  const more = unloadedPieces ? ` (and ${plural(unloadedPieces, "piece")} not loaded: select a relation for all)` : "";
  $("#date-label").textContent = `${isoOfDay(a)} → ${isoOfDay(z)} · ${shown} of ${plural(total, "dated piece")} of evidence${more}`;
  $("#date-from").setAttribute("aria-valuetext", isoOfDay(a));
  $("#date-to").setAttribute("aria-valuetext", isoOfDay(z));
  document.querySelectorAll("#histogram rect").forEach((r, i) => r.setAttribute("class", bins[i] && inWindow(bins[i]) ? "bar in" : "bar"));
}

function slide(target) {
  const from = $("#date-from");
  const to = $("#date-to");
  if (+from.value > +to.value) {
    if (target === from) to.value = from.value;
    else from.value = to.value;
  }
  label();
  emit({ final: false });
}

function emit({ final }) {
  const from = $("#date-from");
  const to = $("#date-to");
  const since = +from.value > +from.min ? isoOfDay(+from.value) : "";
  const until = +to.value < +to.max ? isoOfDay(+to.value) : "";
  onChange(since, until, { final });
}

export function isPlaying() {
  return playing !== null;
}

/** Play: slide the chosen window to the end; with no window, grow one from the start. */
export function startPlayback({ stepMs = 700 } = {}) {
  if (!span || span.hi === span.lo) return;
  const from = $("#date-from");
  const to = $("#date-to");
  let a = +from.value;
  let z = +to.value;
  const width = z - a;
  const step = bins.length > 1 ? bins[1].start - bins[0].start : 1;
  const cumulative = a === span.lo && z === span.hi;
  if (cumulative) z = span.lo + step - 1;
  else if (z >= span.hi) {
    a = span.lo;
    z = span.lo + width;
  }
  const apply = () => {
    from.value = a;
    to.value = Math.min(z, span.hi);
    label();
    emit({ final: false });
  };
  $("#play").textContent = "❚❚ Pause";
  $("#play").setAttribute("aria-pressed", "true");
  app.commit("Play the timeline");
  apply();
  playing = setInterval(() => {
    if (z >= span.hi) {
      stopPlayback({ final: true });
      return;
    }
    z += step;
    if (!cumulative) a += step;
    apply();
  }, stepMs);
}

export function stopPlayback({ final = false } = {}) {
  if (playing === null) return;
  clearInterval(playing);
  playing = null;
  $("#play").textContent = "▶ Play";
  $("#play").setAttribute("aria-pressed", "false");
  if (final) emit({ final: true });
}
