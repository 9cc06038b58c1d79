#!/usr/bin/env node
// Byline vs Readability.js over one corpus folder, scored by the shared score.py, side by side.
//
//   cd bench/compare && npm install && node compare.mjs ../../../shared/corpus/readability
//   node compare.mjs ../../../shared/corpus/trafilatura --mode focus --field visible_text
//
// Byline: `target/release/byline eval CORPUS --out OUT/byline [--mode M] [--field F]` (build the
// release CLI first). Readability.js 0.6.0 on jsdom: for every CORPUS/<id>/source.html the
// article's content HTML is turned into text lines by shared/eval/html2text.py (the same rules
// that made the readability corpus's expected.txt); with `--field visible_text` the title line
// comes first (Reader View shows it), with `article_text` only the content (as in the gold).
// Pages where Readability returns null count as empty predictions. Throughput: wall-clock
// pages per second, Byline as reported by its CLI (parse + analysis, one thread, native),
// Readability per page as jsdom parse + parse() (the eval loop's file I/O excluded for both).
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

function usage(msg) {
  if (msg) console.error(`compare: ${msg}`);
  console.error("usage: node compare.mjs CORPUS_DIR [--mode tidy|focus] [--field article_text|visible_text] [--out DIR] [--eval DIR]");
  process.exit(2);
}

const args = process.argv.slice(2);
let corpus = null;
const opt = { mode: "tidy", field: "article_text", out: null, evalDir: path.resolve(repo, "../shared/eval") };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--mode") opt.mode = args[++i];
  else if (a === "--field") opt.field = args[++i];
  else if (a === "--out") opt.out = args[++i];
  else if (a === "--eval") opt.evalDir = args[++i];
  else if (a.startsWith("--")) usage(`unknown option ${a}`);
  else if (!corpus) corpus = path.resolve(a);
  else usage("one corpus at a time");
}
if (!corpus) usage();
if (!["tidy", "focus"].includes(opt.mode)) usage("--mode is tidy or focus");
if (!["article_text", "visible_text"].includes(opt.field)) usage("--field is article_text or visible_text");
const out = path.resolve(opt.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "byline-compare-")));
const byline = path.join(repo, "target/release/byline");
if (!fs.existsSync(byline)) usage(`${byline} missing: run \`cargo build --release\` first`);
const scorer = path.join(opt.evalDir, "score.py");
if (!fs.existsSync(scorer)) usage(`${scorer} missing (--eval DIR points at shared/eval)`);

const ids = fs
  .readdirSync(corpus)
  .filter((d) => fs.existsSync(path.join(corpus, d, "source.html")))
  .sort();
if (ids.length === 0) usage(`${corpus}: no <id>/source.html pages`);

// ---- Byline ----
const bylineOut = path.join(out, "byline");
const run = spawnSync(byline, ["eval", corpus, "--out", bylineOut, "--mode", opt.mode, "--field", opt.field], {
  encoding: "utf8",
});
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const bylineRate = /\(([\d.]+) pages\/s\)/.exec(run.stderr)?.[1] ?? "?";

// ---- Readability.js ----
// UTF-8 when the bytes are valid UTF-8 (the readability corpus is stored that way whatever
// its meta says), else the raw bytes so jsdom honours the declared charset.
function source(id) {
  const bytes = fs.readFileSync(path.join(corpus, id, "source.html"));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}
function pageUrl(id) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(corpus, id, "meta.json"), "utf8"));
    if (typeof m.url === "string" && /^https?:/.test(m.url)) return m.url;
  } catch {}
  return `http://${id.replace(/[^a-z0-9.-]/gi, "-")}.example/`;
}
const rbHtml = path.join(out, "readability-html");
const rbOut = path.join(out, "readability");
fs.mkdirSync(rbHtml, { recursive: true });
fs.mkdirSync(rbOut, { recursive: true });
const quiet = new VirtualConsole(); // pages' own console noise and CSS errors stay quiet
let rbMs = 0;
let rbNull = 0;
for (const id of ids) {
  const html = source(id);
  const t0 = performance.now();
  let article = null;
  try {
    const dom = new JSDOM(html, { url: pageUrl(id), virtualConsole: quiet });
    article = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch {
    article = null;
  }
  rbMs += performance.now() - t0;
  if (!article) rbNull++;
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const title = opt.field === "visible_text" && article?.title ? `<h1>${esc(article.title)}</h1>` : "";
  fs.writeFileSync(path.join(rbHtml, `${id}.html`), title + (article?.content ?? ""));
}
const rbRate = (ids.length / (rbMs / 1000)).toFixed(0);
// Text lines by the corpus's own html2text rules.
execFileSync(
  "python3",
  [
    "-c",
    `import os, sys
sys.path.insert(0, sys.argv[1])
from html2text import html_to_text
src, dst = sys.argv[2], sys.argv[3]
for f in os.listdir(src):
    with open(os.path.join(src, f), encoding="utf-8") as h:
        text = html_to_text(h.read())
    with open(os.path.join(dst, f[:-5] + ".txt"), "w", encoding="utf-8") as o:
        o.write(text + "\\n")`,
    opt.evalDir,
    rbHtml,
    rbOut,
  ],
  { stdio: "inherit" },
);

// ---- scores ----
function summary(dir, label) {
  const s = execFileSync("python3", [scorer, corpus, dir, "--summary", "--label", label], { encoding: "utf8" });
  return s.trim().split("\n").pop();
}
const fields = (line) => Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], m[2]]));
const rows = [
  ["byline", fields(summary(bylineOut, "byline")), bylineRate],
  ["readability.js", fields(summary(rbOut, "readability.js")), rbRate],
];
const keys = ["precision", "recall", "f1", "with", "without", "snippet_f1"].filter((k) => k in rows[0][1]);
console.log(`corpus ${path.basename(corpus)} (${ids.length} pages), mode ${opt.mode}, field ${opt.field}`);
console.log(["system".padEnd(15), ...keys.map((k) => k.padStart(10)), "pages/s".padStart(9)].join(" "));
for (const [name, f, rate] of rows) {
  console.log([name.padEnd(15), ...keys.map((k) => (f[k] ?? "-").padStart(10)), String(rate).padStart(9)].join(" "));
}
if (rbNull) console.log(`(Readability.js returned null on ${rbNull} pages: scored as empty)`);
console.log(`predictions: ${out}`);
