#!/usr/bin/env node
// Byline beside its peers on the dev corpora, scored by the shared score.py.
//
// The table (one command, every dev corpus × every system, in one run):
//
//   cargo build --release -p byline-cli
//   cargo build --release --manifest-path bench/peers/Cargo.toml
//   npm --prefix bench/compare ci
//   node bench/compare/compare.mjs [--corpus NAME] [--limit N] [--out DIR]
//
// Rows: readability, scrapinghub, goose3, trafilatura, zh-cwce, and wcxb twice — its article
// pages (meta.json page_type "article") and the others — from ../shared/corpus (--shared DIR
// for another place). `--corpus NAME` runs one row (`wcxb` both of its rows); `--limit N`
// takes the first N pages of each row (ids sorted), for a quick run. Systems:
//   Byline article_text       `byline eval VIEW --field article_text` (the story text)
//   Byline focus / tidy       `byline eval VIEW --field visible_text --mode focus|tidy`: what a
//                             reader sees after the click in each mode
//   Readability.js 0.6        on jsdom; the article's content HTML as text lines by
//                             shared/eval/html2text.py (no title line, as in the gold)
//   dom_smoothie 0.19,        native, by bench/peers (`byline-peers VIEW OUT`): the same
//   rs-trafilatura 0.2.2      decoded page text as Byline's CLI reads, the URL from meta.json
// A page where a system errors, panics or returns null is an empty prediction (column
// `failed`). Each system's predictions (OUT/<row>/<system>/<id>.txt) are scored by score.py's
// own score() (bench/compare/score_row.py): token P/R/F1; shingle P/R/F1 (what `score.py
// --shingles` prints) where the corpus has full gold; with / without snippet shares and the
// pooled snippet F1 where it has snippets; `kept`, the median of predicted / gold tokens
// (on wcxb's non-article pages the interesting number: how much each system keeps); `empty`,
// the share of pages with nothing predicted. A second table gives Byline's `is_article`
// verdict (`byline clean --format json`) per row and per WCXB page type. The Markdown table
// goes to stdout and OUT/table.md, the same as JSON to OUT/table.json. The binaries come from
// $CARGO_TARGET_DIR (else target/) /release, or --byline PATH / --peers PATH.
//
// The older side by side, one corpus folder, Byline and Readability.js only, with throughput:
//
//   node bench/compare/compare.mjs ../shared/corpus/readability
//   node bench/compare/compare.mjs ../shared/corpus/trafilatura --mode focus --field visible_text
//
// Byline: `byline eval CORPUS --out OUT/byline [--mode M] [--field F]`; Readability.js as above
// (with `--field visible_text` the title line comes first: Reader View shows it).
// Throughput: wall-clock pages per second, Byline as reported by its CLI (parse + analysis,
// one thread, native), Readability per page as jsdom parse + parse() (file I/O excluded).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageFile, runReadability } from "./readability.mjs";
import { table } from "./table.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const targetDir = path.resolve(repo, process.env.CARGO_TARGET_DIR ?? "target");

function usage(msg) {
  if (msg) console.error(`compare: ${msg}`);
  console.error(
    "usage: node compare.mjs [--corpus NAME] [--limit N] [--out DIR] [--shared DIR] [--byline PATH] [--peers PATH]\n" +
      "       node compare.mjs CORPUS_DIR [--mode tidy|focus] [--field article_text|visible_text] [--out DIR]",
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let corpus = null;
const opt = {
  mode: "tidy",
  field: "article_text",
  out: null,
  corpus: null,
  limit: null,
  shared: path.resolve(repo, "../shared"),
  evalDir: null,
  byline: path.join(targetDir, "release/byline"),
  peers: path.join(targetDir, "release/byline-peers"),
  here,
};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === "--mode") opt.mode = value();
  else if (a === "--field") opt.field = value();
  else if (a === "--out") opt.out = value();
  else if (a === "--eval") opt.evalDir = path.resolve(value());
  else if (a === "--shared") opt.shared = path.resolve(value());
  else if (a === "--corpus") opt.corpus = value();
  else if (a === "--limit") opt.limit = Number(value());
  else if (a === "--byline") opt.byline = path.resolve(value());
  else if (a === "--peers") opt.peers = path.resolve(value());
  else if (a.startsWith("--")) usage(`unknown option ${a}`);
  else if (!corpus) corpus = path.resolve(a);
  else usage("one corpus at a time");
}
opt.evalDir ??= path.join(opt.shared, "eval");
if (opt.limit !== null && !(Number.isInteger(opt.limit) && opt.limit > 0)) usage("--limit is a positive number of pages");
const out = path.resolve(opt.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "byline-compare-")));
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(opt.byline)) usage(`${opt.byline} missing: run \`cargo build --release -p byline-cli\` first`);
const scorer = path.join(opt.evalDir, "score.py");
if (!fs.existsSync(scorer)) usage(`${scorer} missing (--shared DIR points at shared/, --eval DIR at shared/eval)`);

if (!corpus) {
  if (!fs.existsSync(opt.peers)) usage(`${opt.peers} missing: run \`cargo build --release --manifest-path bench/peers/Cargo.toml\` first`);
  await table({ ...opt, out });
  process.exit(0);
}

// ---- one corpus folder, Byline and Readability.js side by side ----
if (!["tidy", "focus"].includes(opt.mode)) usage("--mode is tidy or focus");
if (!["article_text", "visible_text"].includes(opt.field)) usage("--field is article_text or visible_text");
const ids = fs
  .readdirSync(corpus)
  .filter((d) => pageFile(path.join(corpus, d)))
  .sort();
if (ids.length === 0) usage(`${corpus}: no <id>/source.html pages`);

const bylineOut = path.join(out, "byline");
const run = spawnSync(opt.byline, ["eval", corpus, "--out", bylineOut, "--mode", opt.mode, "--field", opt.field], {
  encoding: "utf8",
});
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const bylineRate = /\(([\d.]+) pages\/s\)/.exec(run.stderr)?.[1] ?? "?";

const rbOut = path.join(out, "readability");
const rb = runReadability(corpus, ids, rbOut, opt.evalDir, { title: opt.field === "visible_text" });
const rbRate = (ids.length / (rb.ms / 1000)).toFixed(0);

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
if (rb.nulls) console.log(`(Readability.js returned null on ${rb.nulls} pages: scored as empty)`);
console.log(`predictions: ${out}`);
