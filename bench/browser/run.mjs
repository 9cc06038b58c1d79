// In-browser benchmark: for each page, in the same page and run, in Debian's
// Chromium with the extension loaded, time
//   (a) Byline's full clean as the extension does it — the toolbar button's content script
//       takes the bulk DOM snapshot, the core answers from the extension's worker (its wasm
//       instance warm, shared by every tab), the content script applies the plan — as the
//       content script measures it (settings read before and the restore after not timed),
//   (b) Readability.js: `new Readability(document.cloneNode(true)).parse()`,
//   (c) the floor: a bare TreeWalker pass reading each element's tag and own text length,
// and, for comparison, the page-local fallback (the same core instantiated in the page: what
// a content script does when the worker cannot serve), with its phases inside
// analyze_snapshot, its wasm load, the first clean on each page (the click) and the first
// clean with the worker stopped before (--cold). The measures take turns; median of RUNS
// runs per page; p50/p95 over pages; ratios a/b and a/c. Pages are served from 127.0.0.1;
// every other request is aborted.
//
// Pages: all of ../shared/corpus/readability, plus a fixed sample of ../shared/corpus/trafilatura
// (every TRAF_STEP-th page id in sorted order). Usage (repo root, after scripts/build.sh):
//   npm --prefix bench/browser ci && node bench/browser/run.mjs [--runs 5] [--limit N] [--cold 10] [--replot]
// (--cold N: the first N pages are clicked with the extension's worker stopped first.)
// Writes target/bench/browser.{json,csv,svg}.

import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { clickToolbar, liveWorker, stopServiceWorkers } from "../../tests/e2e/harness.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = resolve(process.env.BYLINE_SHARED ?? join(REPO, "../shared"));
const EXT = join(REPO, "extension");
const PKG = join(EXT, "pkg");
const OUT = join(REPO, "target/bench");
const TRAF_STEP = 8;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt("--runs", 5);
const LIMIT = opt("--limit", Infinity);
const COLD = opt("--cold", 10);
const READABILITY = createRequire(import.meta.url).resolve("@mozilla/readability/Readability.js");

function corpusPages() {
  const pages = [];
  const rb = join(SHARED, "corpus/readability");
  for (const id of readdirSync(rb).sort()) {
    if (existsSync(join(rb, id, "source.html"))) pages.push({ corpus: "readability", id, file: join(rb, id, "source.html") });
  }
  const tf = join(SHARED, "corpus/trafilatura");
  const ids = readdirSync(tf).filter((id) => existsSync(join(tf, id, "source.html"))).sort();
  ids.forEach((id, i) => {
    if (i % TRAF_STEP === 0) pages.push({ corpus: "trafilatura", id, file: join(tf, id, "source.html") });
  });
  return pages.slice(0, LIMIT);
}

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };

function serve(pages) {
  const byPath = new Map(pages.map((p) => [`/${p.corpus}/${p.id}/`, p.file]));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = byPath.get(path);
    let type = "text/html; charset=utf-8"; // the corpora are stored as UTF-8 whatever their meta says
    if (!file && path.startsWith("/__byline/pkg/")) {
      file = resolve(PKG, path.slice("/__byline/pkg/".length));
      if (!file.startsWith(PKG + "/")) file = undefined;
      type = TYPES[extname(file ?? "")] ?? "application/octet-stream";
    }
    const EXT = join(REPO, "extension");
    if (!file && path.startsWith("/__byline/ext/")) {
      file = resolve(EXT, path.slice("/__byline/ext/".length));
      if (!file.startsWith(EXT + "/")) file = undefined;
      type = TYPES[extname(file ?? "")] ?? "application/octet-stream";
    }
    if (!file && path === "/__bench/Readability.js") {
      file = READABILITY;
      type = "text/javascript";
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    res.writeHead(200, {
      "Content-Type": type,
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// Runs inside the page, once: loads the page-local wasm (the fallback path) and the helpers.
async function setupInPage({ origin }) {
  const elements = document.getElementsByTagName("*").length;
  const t0 = performance.now();
  const mod = await import(`${origin}/__byline/pkg/byline.js`);
  try {
    await mod.default({ module_or_path: `${origin}/__byline/pkg/byline_bg.wasm` });
  } catch (e) {
    // The page's CSP forbids WebAssembly here (the extension's path, in its worker, is not
    // affected): no page-local measures on this page.
    globalThis.__bench = null;
    return { load: null, elements, why: String(e.message).split("\n")[0].slice(0, 120) };
  }
  const load = performance.now() - t0;
  const { snapshot_document } = await import(`${origin}/__byline/pkg/snapshot.js`);
  const { Applied } = await import(`${origin}/__byline/ext/lib/apply.js`);
  const config = mod.site_config({}, {}, location.href);
  globalThis.__bench = { mod, snapshot_document, Applied, config,
    request: { url: location.href, mode: "tidy", flags: config.flags, rules: config.rules },
    selectors: config.rules.map((r) => r.selector) };
  return { load, elements };
}

// Runs inside the page, once per run: the page-local clean (the fallback: wasm in the page,
// no messaging), Readability.js on a clone, and the bare walk.
function runInPage() {
  const out = { inpage: null, inpageSnapshot: null, inpageCall: null, inpageApply: null, phases: null };
  if (globalThis.__bench) Object.assign(out, pageLocalClean());

  const tr = performance.now();
  new Readability(document.cloneNode(true)).parse();
  out.readability = performance.now() - tr;

  const tw = performance.now();
  const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  let sum = 0;
  for (let el = w.currentNode; el; el = w.nextNode()) {
    sum += el.tagName.length;
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) sum += c.data.length;
  }
  out.walk = performance.now() - tw;
  if (sum < 0) throw new Error("unreachable");
  return out;

  function pageLocalClean() {
    const { mod, snapshot_document, Applied, config, request, selectors } = globalThis.__bench;
    const t = performance.now();
    const snap = snapshot_document(config.opaque, config.attrs, config.full, selectors);
    const t1 = performance.now();
    const r = mod.analyze_snapshot(snap, request);
    const t2 = performance.now();
    const applied = new Applied(config);
    if (r.state === "cleaned") {
      applied.addStyle();
      applied.hide(r.hide, snap.elements);
      applied.addBadge(r.badge, r.anchor, snap.elements);
    }
    const t3 = performance.now();
    applied.restore();
    // Inside analyze_snapshot: [decode the snapshot, build the page model, analyze, answer, free].
    const phases = Array.from(mod.profile_snapshot(snap, request));
    return { inpage: t3 - t, inpageSnapshot: t1 - t, inpageCall: t2 - t1, inpageApply: t3 - t2, phases };
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function svgPlot(rows, summary) {
  // Per-page times sorted ascending (one line per measure), log-scale y.
  const W = 720, H = 360, L = 60, B = 40, T = 30, R = 150;
  const series = [
    ["Readability.js parse", "readability", "#c0392b"],
    ["Byline clean", "clean", "#2471a3"],
    ["Byline first clean (click)", "first", "#8e44ad"],
    ["page-local first clean", "inpage_first", "#e67e22"],
    ["Byline page-local", "inpage", "#27ae60"],
    ["bare TreeWalker", "walk", "#7f8c8d"],
  ];
  const all = rows.flatMap((r) => series.map(([, key]) => r[key])).filter((v) => v > 0);
  const lo = Math.log10(Math.max(0.005, Math.min(...all))), hi = Math.log10(Math.max(...all));
  const x = (i, n) => L + (i / Math.max(1, n - 1)) * (W - L - R);
  const y = (v) => T + (1 - (Math.log10(Math.max(v, 0.005)) - lo) / (hi - lo || 1)) * (H - T - B);
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`;
  s += `<rect width="100%" height="100%" fill="white"/>`;
  s += `<text x="${L}" y="18" font-size="14">Per-page time in Chromium, ${rows.length} pages, sorted (log scale)</text>`;
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
    const v = 10 ** e;
    s += `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toFixed(Math.max(0, -e))} ms</text>`;
  }
  series.forEach(([label, key, color], k) => {
    const vals = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
    s += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${vals.map((v, i) => `${x(i, vals.length).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}"/>`;
    s += `<rect x="${W - R + 10}" y="${T + k * 36}" width="12" height="12" fill="${color}"/><text x="${W - R + 28}" y="${T + k * 36 + 10}">${label}</text>`;
    s += `<text x="${W - R + 28}" y="${T + k * 36 + 24}" fill="#555" font-size="10">p50 ${summary[key].p50.toFixed(2)} ms</text>`;
  });
  s += `<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">pages, fastest to slowest</text></svg>`;
  return s;
}

async function main() {
  if (args.includes("--replot")) {
    // Redraw the plot from the last run's JSON (no browser).
    const last = JSON.parse(readFileSync(join(OUT, "browser.json"), "utf8"));
    writeFileSync(join(OUT, "browser.svg"), svgPlot(last.rows, last.summary));
    console.log(`wrote ${join(OUT, "browser.svg")}`);
    return;
  }
  if (!existsSync(join(PKG, "byline_bg.wasm"))) throw new Error("extension/pkg missing: run scripts/build.sh first");
  const pages = corpusPages();
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  // The extension as shipped (extension/, after scripts/build.sh), in a fresh profile.
  const profile = mkdtempSync(join(tmpdir(), "byline-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.BYLINE_CHROMIUM ?? "/usr/bin/chromium",
    headless: false, // the real switch is --headless=new: extensions need the new mode
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--enable-unsafe-extension-debugging", `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
  });
  const browser = context.browser();
  const firstWorker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))
    ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  const live = () => liveWorker(context, extensionId);
  let aborted = 0;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("chrome-extension://")) return route.continue();
    aborted++;
    return route.abort();
  });
  // The toolbar button, clicked as a user would (grants activeTab for the page).
  const click = (page) => clickToolbar(context, extensionId, page);
  // What the popup asks the page: the last clean's timing ({state: "not_cleaned"} before it).
  const asked = async (tabId) => (await live()).evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: "byline/hidden" }).catch(() => null), tabId);
  // One toggle as the button does it (content.js in the page): clean, or restore.
  const toggle = async (tabId) => (await live()).evaluate(async (tabId) => (await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] }))[0].result, tabId);
  const total = (tm) => tm.snapshot + tm.analyze + (tm.apply ?? 0);

  const rows = [];
  const failures = [];
  const started = Date.now();
  for (const [i, p] of pages.entries()) {
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/${p.corpus}/${p.id}/`, { waitUntil: "load", timeout: 30_000 });
      // Absolute URLs: some pages carry a <base href> to their original host.
      await page.addScriptTag({ url: `${origin}/__bench/Readability.js` });
      await page.bringToFront();
      const { load, elements, why } = await page.evaluate(setupInPage, { origin });
      if (why) failures.push(`${p.corpus}/${p.id}: page-local fallback not measured (${why})`);
      // The first page-local clean in the fresh instance (builds the lexicon automata, runs in
      // V8's baseline tier): what every page paid when each had its own instance.
      const inpageFirst = why ? null : (await page.evaluate(runInPage)).inpage;
      // The first clean on this page: the click loads the content module; the worker's core
      // is warm, except on the first COLD pages (reported apart, as first_cold).
      // The first COLD pages are clicked with the worker stopped, as Chromium leaves it after
      // 30 s idle: the click starts it, and the core loads while the content script works.
      const cold = i < COLD;
      if (cold) await stopServiceWorkers(context, page);
      await click(page);
      // The tab's URL is visible to the extension once the click granted activeTab.
      const tabId = await (await live()).evaluate((url) => chrome.tabs.query({}).then((ts) => ts.find((t) => t.url === url)?.id), page.url());
      if (tabId === undefined) throw new Error("the tab is not visible to the extension");
      let firstAnswer = null;
      for (let k = 0; k < 200 && !firstAnswer; k++) {
        const a = await asked(tabId);
        if (a && a.state !== "not_cleaned") firstAnswer = a;
        else if (a && k > 20) firstAnswer = a; // not an article: the click hid nothing
        else await new Promise((ok) => setTimeout(ok, 50));
      }
      if (firstAnswer?.state === "cleaned") await toggle(tabId); // restore
      const ext = [], extSnap = [], extCall = [], extCore = [], extApply = [], inpage = [], inSnap = [], inCall = [], inApply = [], phases = [], readability = [], walk = [];
      let state = null, via = null;
      for (let k = 0; k < RUNS; k++) {
        const r = await toggle(tabId);
        if (!r || !r.timing) throw new Error(`no clean: ${JSON.stringify(r).slice(0, 200)}`);
        state = r.state;
        via = r.via;
        ext.push(total(r.timing));
        extSnap.push(r.timing.snapshot);
        extCall.push(r.timing.analyze);
        extCore.push(r.timing.core);
        extApply.push(r.timing.apply ?? 0);
        if (r.state === "cleaned") {
          const back = await toggle(tabId);
          if (back?.state !== "restored") throw new Error(`restore failed: ${JSON.stringify(back).slice(0, 200)}`);
        }
        const q = await page.evaluate(runInPage);
        inpage.push(q.inpage);
        inSnap.push(q.inpageSnapshot);
        inCall.push(q.inpageCall);
        inApply.push(q.inpageApply);
        phases.push(q.phases);
        readability.push(q.readability);
        walk.push(q.walk);
      }
      const local = phases[0] !== null;
      const phase = (k) => (local ? median(phases.map((ph) => ph[k])) : null);
      const med = (xs) => (local ? median(xs) : null);
      rows.push({ corpus: p.corpus, id: p.id, load, elements, state, via, cold,
        first: !cold && firstAnswer?.timing ? total(firstAnswer.timing) : null,
        first_cold: cold && firstAnswer?.timing ? total(firstAnswer.timing) : null,
        clean: median(ext), snapshot: median(extSnap), call: median(extCall), core: median(extCore), apply: median(extApply),
        messaging: median(extCall.map((c, k) => c - extCore[k])),
        inpage_first: inpageFirst, inpage: med(inpage), inpage_snapshot: med(inSnap), inpage_call: med(inCall), inpage_apply: med(inApply),
        decode: phase(0), build: phase(1), analyze: phase(2), answer: phase(3), free: phase(4),
        readability: median(readability), walk: median(walk) });
    } catch (e) {
      failures.push(`${p.corpus}/${p.id}: ${String(e.message).split("\n")[0]}`);
    } finally {
      await page.close();
    }
    process.stderr.write(`\r${i + 1}/${pages.length} pages (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write("\n");
  const chromiumVersion = browser.version();
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();

  if (rows.length === 0) {
    console.error(`no page could be measured:\n  ${failures.slice(0, 10).join("\n  ")}`);
    process.exit(1);
  }
  const summary = {};
  for (const key of ["first", "first_cold", "clean", "readability", "walk", "load", "elements", "snapshot", "call", "core", "messaging", "apply",
    "inpage_first", "inpage", "inpage_snapshot", "inpage_call", "inpage_apply", "decode", "build", "analyze", "answer", "free"]) {
    const xs = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
    summary[key] = { p50: pct(xs, 50), p95: pct(xs, 95) };
  }
  const ratios = {
    clean_over_readability_p50: summary.clean.p50 / summary.readability.p50,
    clean_over_readability_p95: summary.clean.p95 / summary.readability.p95,
    clean_over_walk_p50: summary.clean.p50 / summary.walk.p50,
    clean_over_walk_p95: summary.clean.p95 / summary.walk.p95,
    inpage_over_readability_p50: summary.inpage.p50 / summary.readability.p50,
    first_over_readability_p50: summary.first.p50 / summary.readability.p50,
    per_page_clean_over_readability_median: pct(rows.map((r) => r.clean / r.readability), 50),
    per_page_clean_over_walk_median: pct(rows.map((r) => r.clean / r.walk), 50),
  };
  const result = { date: new Date().toISOString(), chromium: chromiumVersion, runs_per_page: RUNS, pages: rows.length,
    trafilatura_step: TRAF_STEP, aborted_requests: aborted, cold_pages: COLD, failures, summary, ratios, rows };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "browser.json"), JSON.stringify(result, null, 1));
  const cols = ["corpus", "id", "elements", "state", "via", "clean", "snapshot", "call", "core", "messaging", "apply", "first", "first_cold", "inpage_first", "inpage", "inpage_snapshot",
    "inpage_call", "inpage_apply", "build", "analyze", "readability", "walk", "load"];
  const cell = (v) => (typeof v === "number" ? v.toFixed(3) : v ?? "");
  writeFileSync(join(OUT, "browser.csv"), [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n");
  writeFileSync(join(OUT, "browser.svg"), svgPlot(rows, summary));

  const f = (v) => (v === undefined ? "n/a" : v.toFixed(2)).padStart(8); // n/a: no page measured (e.g. --cold 0)
  const line = (label, key) => console.log(`${label.padEnd(36)}${f(summary[key].p50)} ${f(summary[key].p95)}`);
  console.log(`Chromium ${chromiumVersion}, ${rows.length} pages (readability corpus + every ${TRAF_STEP}th trafilatura page), median of ${RUNS} runs per page`);
  console.log(`${"".padEnd(36)}  p50 ms   p95 ms`);
  line("(a) Byline clean (the extension)", "clean");
  line("    snapshot (content script)", "snapshot");
  line("    analysis (worker round trip)", "call");
  line("      of which the core in the worker", "core");
  line("      and the messages each way", "messaging");
  line("    apply (content script)", "apply");
  line("(b) Readability.js parse", "readability");
  line("(c) bare walk", "walk");
  line("page-local fallback clean", "inpage");
  line("    snapshot", "inpage_snapshot");
  line("    analyze_snapshot", "inpage_call");
  line("      decode", "decode");
  line("      build model", "build");
  line("      analyze", "analyze");
  line("      answer", "answer");
  line("      free the model", "free");
  line("    apply", "inpage_apply");
  line("first clean on a page (click)", "first");
  line("page-local wasm load+init", "load");
  line("page-local first clean (new instance)", "inpage_first");
  line("elements", "elements");
  line(`first clean, worker stopped before (${COLD} pages)`, "first_cold");
  console.log(`a/b p50 ${ratios.clean_over_readability_p50.toFixed(3)}  p95 ${ratios.clean_over_readability_p95.toFixed(3)}   a/c p50 ${ratios.clean_over_walk_p50.toFixed(2)}  p95 ${ratios.clean_over_walk_p95.toFixed(2)}   page-local/b p50 ${ratios.inpage_over_readability_p50.toFixed(3)}`);
  console.log(`first clean (click)/b p50 ${ratios.first_over_readability_p50.toFixed(3)}`);
  console.log(`per-page median ratio: a/b ${ratios.per_page_clean_over_readability_median.toFixed(3)}, a/c ${ratios.per_page_clean_over_walk_median.toFixed(2)}`);
  if (failures.length) console.log(`failures (${failures.length}):\n  ${failures.join("\n  ")}`);
  console.log(`wrote ${join(OUT, "browser.json")}, browser.csv, browser.svg`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
