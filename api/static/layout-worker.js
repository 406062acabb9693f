// Layouts off the page's main thread, so a big view never freezes the page.
//
// The page posts {id, engine, name, nodes: [{id, size, x, y, fixed}], edges: [{source,
// target}], incremental, roots}; this worker answers {id, progress} now and then and
// {id, positions: Float64Array [x0, y0, x1, y1, …] in the order of `nodes`} at the end.
//
// engines: "fcose" (Cytoscape + fCoSE, headless: best for views up to a few hundred nodes),
// "force" (d3-force with Barnes-Hut repulsion and collision: thousands of nodes in seconds,
// no two nodes on one spot), "cy" (Cytoscape's own concentric, breadthfirst, circle, grid).
/* global cytoscape, cytoscapeFcose, d3 */
importScripts(
  "vendor/cytoscape.min.js",
  "vendor/layout-base.js",
  "vendor/cose-base.js",
  "vendor/cytoscape-fcose.js",
  "vendor/d3-dispatch.min.js",
  "vendor/d3-quadtree.min.js",
  "vendor/d3-timer.min.js",
  "vendor/d3-force.min.js",
);
cytoscape.use(cytoscapeFcose);

function headless(nodes, edges) {
  const ids = new Set(nodes.map((n) => n.id));
  return cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: "preset" }, // keep the positions given (the default puts every node at 0,0)
    elements: [
      ...nodes.map((n) => ({ group: "nodes", data: { id: n.id, size: n.size }, position: { x: n.x || 0, y: n.y || 0 } })),
      ...edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e, i) => ({ group: "edges", data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
  });
}

function runCytoscape(msg, options) {
  return new Promise((resolve) => {
    const cy = headless(msg.nodes, msg.edges);
    const layout = cy.layout({ ...options, animate: false, fit: false });
    layout.one("layoutstop", () => {
      const out = new Float64Array(msg.nodes.length * 2);
      msg.nodes.forEach((n, i) => {
        const p = cy.getElementById(n.id).position();
        out[2 * i] = p.x;
        out[2 * i + 1] = p.y;
      });
      cy.destroy();
      resolve(out);
    });
    layout.run();
  });
}

function fcose(msg) {
  const fixed = msg.nodes.filter((n) => n.fixed).map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }));
  return runCytoscape(msg, {
    name: "fcose",
    quality: "default",
    randomize: !msg.incremental,
    nodeRepulsion: 9000,
    idealEdgeLength: 90,
    nodeSeparation: 80,
    packComponents: true,
    fixedNodeConstraint: fixed.length ? fixed : undefined,
  });
}

function cyLayout(msg) {
  const common = { padding: 30 };
  const opts = {
    concentric: { name: "concentric", concentric: (x) => x.degree(), levelWidth: () => 2, minNodeSpacing: 20 },
    breadthfirst: { name: "breadthfirst", directed: false, spacingFactor: 1.1, roots: msg.roots && msg.roots.length ? msg.roots : undefined },
    circle: { name: "circle", avoidOverlap: true },
    grid: { name: "grid", avoidOverlap: true, avoidOverlapPadding: 12 },
  }[msg.name] || { name: "grid", avoidOverlap: true };
  // Cytoscape's layouts size their canvas from a bounding box: give them room
  const side = Math.max(600, Math.sqrt(msg.nodes.length) * 90);
  return runCytoscape(msg, { ...common, ...opts, boundingBox: { x1: 0, y1: 0, w: side, h: side } });
}

function force(msg) {
  const nodes = msg.nodes.map((n) => ({
    id: n.id,
    r: n.size / 2,
    x: msg.incremental || n.fixed ? n.x : undefined,
    y: msg.incremental || n.fixed ? n.y : undefined,
    fx: n.fixed ? n.x : undefined,
    fy: n.fixed ? n.y : undefined,
  }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = msg.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target }));
  const n = nodes.length;
  const sim = d3
    .forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance((l) => 40 + l.source.r + l.target.r).strength(0.25))
    .force("charge", d3.forceManyBody().strength(-140).theta(0.9).distanceMax(1200))
    .force("collide", d3.forceCollide((d) => d.r + 8).iterations(2))
    .force("x", d3.forceX(0).strength(0.04))
    .force("y", d3.forceY(0).strength(0.04))
    .stop();
  let ticks = 300;
  if (msg.incremental) {
    sim.alpha(0.35);
    ticks = 140;
  }
  if (n > 3000) ticks = Math.round(ticks * 0.6);
  for (let i = 0; i < ticks; i++) {
    sim.tick();
    if (i % 20 === 19) postMessage({ id: msg.id, progress: i / ticks });
  }
  const out = new Float64Array(n * 2);
  nodes.forEach((d, i) => {
    out[2 * i] = d.x;
    out[2 * i + 1] = d.y;
  });
  return out;
}

onmessage = async (ev) => {
  const msg = ev.data;
  const t0 = performance.now();
  try {
    let positions;
    if (msg.engine === "force") positions = force(msg);
    else if (msg.engine === "fcose") positions = await fcose(msg);
    else positions = await cyLayout(msg);
    postMessage({ id: msg.id, positions, ms: performance.now() - t0 }, [positions.buffer]);
  } catch (err) {
    postMessage({ id: msg.id, error: String((err && err.message) || err) });
  }
};
