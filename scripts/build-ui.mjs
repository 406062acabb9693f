#!/usr/bin/env node
// Copies the page's third-party scripts from node_modules/ into api/static/vendor/.
//
// The explorer page (api/static/) is plain JS modules with no bundling; it only needs
// Cytoscape.js and the fCoSE layout (with its two helper libraries) as browser scripts.
// They come from npm (package.json + package-lock.json), never from a CDN, and the copies
// are generated (api/static/vendor/ is gitignored). Run with `npm run build`; `npm ci`
// runs it too (postinstall).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "api", "static", "vendor");

// [package, file inside the package, name in vendor/] in load order.
const FILES = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["layout-base", "layout-base.js", "layout-base.js"],
  ["cose-base", "cose-base.js", "cose-base.js"],
  ["cytoscape-fcose", "cytoscape-fcose.js", "cytoscape-fcose.js"],
  // d3-force (and the three d3 modules it needs) lays out large views in a Web Worker
  ["d3-dispatch", "dist/d3-dispatch.min.js", "d3-dispatch.min.js"],
  ["d3-quadtree", "dist/d3-quadtree.min.js", "d3-quadtree.min.js"],
  ["d3-timer", "dist/d3-timer.min.js", "d3-timer.min.js"],
  ["d3-force", "dist/d3-force.min.js", "d3-force.min.js"],
];

mkdirSync(out, { recursive: true });
const manifest = {};
let licenses = "";
for (const [pkg, file, name] of FILES) {
  const dir = join(root, "node_modules", pkg);
  const src = join(dir, file);
  if (!existsSync(src)) {
    console.error(`build-ui: ${src} is missing; run \`npm ci\` first`);
    process.exit(1);
  }
  copyFileSync(src, join(out, name));
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  manifest[name] = `${meta.name}@${meta.version}`;
  const lic = join(dir, "LICENSE");
  if (existsSync(lic)) {
    licenses += `== ${meta.name}@${meta.version} (${meta.license ?? "see below"}) ==\n`;
    licenses += readFileSync(lic, "utf8") + "\n";
  }
}
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(out, "LICENSES.txt"), licenses);
console.log(`build-ui: ${Object.keys(manifest).length} files -> ${out}`);
