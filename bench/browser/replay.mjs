// Analysis-only timing without the page: takes each page's snapshot once in Chromium (the
// extension's own walker), then replays analyze_snapshot on the snapshots in Node's V8,
// many times, and prints the per-page minimum of each phase [decode, build model, analyze,
// answer, free]. Minimums are what a shared, noisy machine can still compare between two builds
// of the wasm (e.g. opt-levels); bench/browser/run.mjs is the end-to-end measure.
//   node bench/browser/replay.mjs [--runs 30] [page ids of ../shared/corpus/readability …]
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = resolve(process.env.BYLINE_SHARED ?? join(REPO, "../shared"), "corpus/readability");
const PKG = join(REPO, "extension/pkg");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 30;
const ids = args.length ? args : ["bbc-1", "cnn", "ehow-1", "engadget", "firefox-nightly-blog", "guardian-1", "heise", "lemonde-1", "medium-1", "nytimes-1", "wikipedia"];

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.startsWith("/pkg/") ? join(PKG, path.slice(5)) : join(CORPUS, path, "source.html");
  if (!file.startsWith(PKG) && !file.startsWith(CORPUS)) return res.writeHead(404).end();
  if (!existsSync(file)) return res.writeHead(404).end();
  const type = file.endsWith(".wasm") ? "application/wasm" : file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
  res.writeHead(200, { "Content-Type": type }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.BYLINE_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const context = await browser.newContext();
await context.route("**/*", (r) => (r.request().url().startsWith(origin + "/") ? r.continue() : r.abort()));
const snaps = [];
for (const id of ids) {
  const page = await context.newPage();
  await page.goto(`${origin}/${id}/`);
  snaps.push([id, await page.evaluate(async (origin) => {
    const { snapshot_document } = await import(`${origin}/pkg/snapshot.js`);
    const mod = await import(`${origin}/pkg/byline.js`);
    await mod.default({ module_or_path: `${origin}/pkg/byline_bg.wasm` });
    const config = mod.site_config({}, {}, location.href);
    const s = snapshot_document(config.opaque, config.attrs, config.full, []);
    return { table: s.table, url: location.href };
  }, origin)]);
  await page.close();
}
await browser.close();
server.close();

const mod = await import(join(PKG, "byline.js"));
mod.initSync({ module: readFileSync(join(PKG, "byline_bg.wasm")) });
let sum = 0;
console.log(`${"page".padEnd(22)} decode  build analyze answer   free  (ms, minimum of ${RUNS})`);
for (const [id, s] of snaps) {
  const snap = { table: s.table, matches: [] };
  const request = { url: s.url, mode: "tidy" };
  const runs = Array.from({ length: RUNS }, () => Array.from(mod.profile_snapshot(snap, request)));
  const best = runs[0].map((_, k) => Math.min(...runs.map((r) => r[k])));
  sum += best.reduce((a, b) => a + b, 0);
  console.log(id.padEnd(22), best.map((x) => x.toFixed(2).padStart(6)).join(" "));
}
console.log(`sum of per-page minimum totals: ${sum.toFixed(2)} ms`);
