// In-browser benchmark (issue 7): for each page, in the same page and run, in Debian's
// Chromium, time
//   (a) Byline's full clean as the extension does it — bulk DOM snapshot, analyze_snapshot
//       in wasm, the JS applier — with the wasm already loaded (the restore is not timed),
//   (b) Readability.js: `new Readability(document.cloneNode(true)).parse()`,
//   (c) the floor: a bare TreeWalker pass reading each element's tag and own text length,
// and separately the wasm load + instantiate time and the first clean in a fresh instance
// (lexicon automata built). The measures take turns; median of RUNS runs per page; p50/p95 over
// pages; ratios a/b and a/c. Pages are served from 127.0.0.1; every other request is aborted.
//
// Pages: all of ../shared/corpus/readability, plus a fixed sample of ../shared/corpus/trafilatura
// (every TRAF_STEP-th page id in sorted order). Usage (repo root, after scripts/build.sh):
//   npm --prefix bench/browser ci && node bench/browser/run.mjs [--runs 5] [--limit N] [--replot]
// Writes target/bench/browser.{json,csv,svg}.

import { createServer } from "node:http";
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = resolve(process.env.BYLINE_SHARED ?? join(REPO, "../shared"));
const PKG = join(REPO, "extension/pkg");
const OUT = join(REPO, "target/bench");
const TRAF_STEP = 8;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt("--runs", 5);
const LIMIT = opt("--limit", Infinity);
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

// Runs inside the page.
async function measureInPage({ runs, origin }) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  };
  const t0 = performance.now();
  const mod = await import(`${origin}/__byline/pkg/byline.js`);
  await mod.default({ module_or_path: `${origin}/__byline/pkg/byline_bg.wasm` });
  const load = performance.now() - t0;
  const { snapshot_document } = await import(`${origin}/__byline/pkg/snapshot.js`);
  const { Applied } = await import(`${origin}/__byline/ext/lib/apply.js`);
  const elements = document.getElementsByTagName("*").length;
  const clean = [], readability = [], walk = [], snapT = [], analyzeT = [], applyT = [], phases = [];
  let state = null;
  // The extension's own path (lib/page.js): site configuration → one bulk snapshot →
  // analyze_snapshot in wasm → the JS applier (attribute + stylesheet + badge).
  const config = mod.site_config({}, {}, location.href);
  const request = { url: location.href, mode: "tidy", flags: config.flags, rules: config.rules };
  const selectors = config.rules.map((r) => r.selector);
  // The three measures take turns, so that a burst of load on the (shared) machine falls on
  // all of them alike rather than on whichever ran during it.
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const snap = snapshot_document(config.opaque, config.attrs, selectors);
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
    clean.push(t3 - t);
    snapT.push(t1 - t);
    analyzeT.push(t2 - t1);
    applyT.push(t3 - t2);
    state = r.state;
    applied.restore();
    // Inside analyze_snapshot: [decode the snapshot, build the page model, analyze, answer].
    phases.push(Array.from(mod.profile_snapshot(snap, request)));

    const tr = performance.now();
    new Readability(document.cloneNode(true)).parse();
    readability.push(performance.now() - tr);

    const tw = performance.now();
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
    let sum = 0;
    for (let el = w.currentNode; el; el = w.nextNode()) {
      sum += el.tagName.length;
      for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) sum += c.data.length;
    }
    walk.push(performance.now() - tw);
    if (sum < 0) throw new Error("unreachable");
  }
  const phase = (k) => median(phases.map((p) => p[k]));
  // `first`: the first clean in a fresh wasm instance (builds the lexicon automata), as an
  // auto-clean on page load pays it.
  return { load, elements, state, first: clean[0], clean: median(clean), readability: median(readability), walk: median(walk),
    snapshot: median(snapT), call: median(analyzeT), apply: median(applyT),
    decode: phase(0), build: phase(1), analyze: phase(2), answer: phase(3) };
}

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
    ["bare TreeWalker", "walk", "#7f8c8d"],
  ];
  const all = rows.flatMap((r) => [r.clean, r.readability, r.walk]).filter((v) => v > 0);
  const lo = Math.log10(Math.max(0.005, Math.min(...all))), hi = Math.log10(Math.max(...all));
  const x = (i) => L + (i / Math.max(1, rows.length - 1)) * (W - L - R);
  const y = (v) => T + (1 - (Math.log10(Math.max(v, 0.005)) - lo) / (hi - lo || 1)) * (H - T - B);
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`;
  s += `<rect width="100%" height="100%" fill="white"/>`;
  s += `<text x="${L}" y="18" font-size="14">Per-page time in Chromium, ${rows.length} pages, sorted (log scale)</text>`;
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
    const v = 10 ** e;
    s += `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toFixed(Math.max(0, -e))} ms</text>`;
  }
  series.forEach(([label, key, color], k) => {
    const vals = rows.map((r) => r[key]).sort((a, b) => a - b);
    s += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}"/>`;
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
  const browser = await chromium.launch({
    executablePath: process.env.BYLINE_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext();
  let aborted = 0;
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(origin + "/")) return route.continue();
    aborted++;
    return route.abort();
  });
  const rows = [];
  const failures = [];
  const started = Date.now();
  for (const [i, p] of pages.entries()) {
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/${p.corpus}/${p.id}/`, { waitUntil: "load", timeout: 30_000 });
      // Absolute URLs: some pages carry a <base href> to their original host.
      await page.addScriptTag({ url: `${origin}/__bench/Readability.js` });
      const r = await page.evaluate(measureInPage, { runs: RUNS, origin });
      rows.push({ corpus: p.corpus, id: p.id, ...r });
    } catch (e) {
      failures.push(`${p.corpus}/${p.id}: ${String(e.message).split("\n")[0]}`);
    } finally {
      await page.close();
    }
    process.stderr.write(`\r${i + 1}/${pages.length} pages (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  process.stderr.write("\n");
  await browser.close();
  server.close();

  if (rows.length === 0) {
    console.error(`no page could be measured:\n  ${failures.slice(0, 10).join("\n  ")}`);
    process.exit(1);
  }
  const summary = {};
  for (const key of ["first", "clean", "readability", "walk", "load", "elements", "snapshot", "call", "apply", "decode", "build", "analyze", "answer"]) {
    const xs = rows.map((r) => r[key]);
    summary[key] = { p50: pct(xs, 50), p95: pct(xs, 95) };
  }
  const ratios = {
    clean_over_readability_p50: summary.clean.p50 / summary.readability.p50,
    clean_over_readability_p95: summary.clean.p95 / summary.readability.p95,
    clean_over_walk_p50: summary.clean.p50 / summary.walk.p50,
    clean_over_walk_p95: summary.clean.p95 / summary.walk.p95,
    per_page_clean_over_readability_median: pct(rows.map((r) => r.clean / r.readability), 50),
    per_page_clean_over_walk_median: pct(rows.map((r) => r.clean / r.walk), 50),
  };
  const chromiumVersion = browser.version();
  const result = { date: new Date().toISOString(), chromium: chromiumVersion, runs_per_page: RUNS, pages: rows.length, trafilatura_step: TRAF_STEP, aborted_requests: aborted, failures, summary, ratios, rows };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "browser.json"), JSON.stringify(result, null, 1));
  writeFileSync(join(OUT, "browser.csv"), ["corpus,id,elements,clean_ms,readability_ms,walk_ms,load_ms,snapshot_ms,analyze_snapshot_ms,apply_ms,model_ms,analyze_ms,state",
    ...rows.map((r) => [r.corpus, r.id, r.elements, r.clean.toFixed(3), r.readability.toFixed(3), r.walk.toFixed(3), r.load.toFixed(3), r.snapshot.toFixed(3), r.call.toFixed(3), r.apply.toFixed(3), r.build.toFixed(3), r.analyze.toFixed(3), r.state].join(","))].join("\n") + "\n");
  writeFileSync(join(OUT, "browser.svg"), svgPlot(rows, summary));

  const f = (v) => v.toFixed(2).padStart(8);
  console.log(`Chromium ${chromiumVersion}, ${rows.length} pages (readability corpus + every ${TRAF_STEP}th trafilatura page), median of ${RUNS} runs per page`);
  console.log(`                      p50 ms   p95 ms`);
  console.log(`(a) Byline clean    ${f(summary.clean.p50)} ${f(summary.clean.p95)}`);
  console.log(`(b) Readability.js  ${f(summary.readability.p50)} ${f(summary.readability.p95)}`);
  console.log(`(c) bare walk       ${f(summary.walk.p50)} ${f(summary.walk.p95)}`);
  console.log(`  snapshot (JS)     ${f(summary.snapshot.p50)} ${f(summary.snapshot.p95)}`);
  console.log(`  analyze_snapshot  ${f(summary.call.p50)} ${f(summary.call.p95)}`);
  console.log(`    decode          ${f(summary.decode.p50)} ${f(summary.decode.p95)}`);
  console.log(`    build model     ${f(summary.build.p50)} ${f(summary.build.p95)}`);
  console.log(`    analyze         ${f(summary.analyze.p50)} ${f(summary.analyze.p95)}`);
  console.log(`    answer          ${f(summary.answer.p50)} ${f(summary.answer.p95)}`);
  console.log(`  apply (JS)        ${f(summary.apply.p50)} ${f(summary.apply.p95)}`);
  console.log(`wasm load+init      ${f(summary.load.p50)} ${f(summary.load.p95)}`);
  console.log(`first clean         ${f(summary.first.p50)} ${f(summary.first.p95)}`);
  console.log(`elements            ${f(summary.elements.p50)} ${f(summary.elements.p95)}`);
  console.log(`a/b p50 ${ratios.clean_over_readability_p50.toFixed(3)}  p95 ${ratios.clean_over_readability_p95.toFixed(3)}   a/c p50 ${ratios.clean_over_walk_p50.toFixed(2)}  p95 ${ratios.clean_over_walk_p95.toFixed(2)}`);
  console.log(`per-page median ratio: a/b ${ratios.per_page_clean_over_readability_median.toFixed(3)}, a/c ${ratios.per_page_clean_over_walk_median.toFixed(2)}`);
  if (failures.length) console.log(`failures (${failures.length}):\n  ${failures.join("\n  ")}`);
  console.log(`wrote ${join(OUT, "browser.json")}, browser.csv, browser.svg`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
