// The comparison table of bench/compare: every dev corpus × every system, in one run.
// (compare.mjs parses the command line and calls `table`; its header documents the command.)
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { metaUrl, pageFile, runReadability } from "./readability.mjs";

/// The rows: a corpus of ../shared/corpus, optionally a subset of its pages by meta.json's
/// page_type (WCXB labels seven; articles and the rest are scored apart).
export const ROWS = [
  { row: "readability", corpus: "readability" },
  { row: "scrapinghub", corpus: "scrapinghub" },
  { row: "goose3", corpus: "goose3" },
  { row: "trafilatura", corpus: "trafilatura" },
  { row: "zh-cwce", corpus: "zh-cwce" },
  { row: "wcxb-article", corpus: "wcxb", pageType: (t) => t === "article" },
  { row: "wcxb-other", corpus: "wcxb", pageType: (t) => t !== "article" },
];

/// The systems, in table order: where each one's predictions of a row go (OUT/<row>/<dir>).
export const SYSTEMS = [
  { name: "Byline article_text", dir: "byline-article" },
  { name: "Byline focus (visible)", dir: "byline-focus" },
  { name: "Byline tidy (visible)", dir: "byline-tidy" },
  { name: "Readability.js 0.6", dir: "readability" },
  { name: "dom_smoothie 0.19", dir: "dom_smoothie" },
  { name: "rs-trafilatura 0.2.2", dir: "rs-trafilatura" },
];

function pageType(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")).page_type ?? null;
  } catch {
    return null;
  }
}

/// OUT/views/<row>/<id> -> the corpus page folder (a symlink), for the row's pages: every
/// tool then runs on exactly those pages and score.py scores exactly those.
function makeView(spec, shared, out, limit) {
  const corpus = path.join(shared, "corpus", spec.corpus);
  let ids = fs
    .readdirSync(corpus)
    .filter((d) => pageFile(path.join(corpus, d)))
    .sort();
  if (spec.pageType) ids = ids.filter((id) => spec.pageType(pageType(path.join(corpus, id))));
  if (limit) ids = ids.slice(0, limit);
  const view = path.join(out, "views", spec.row);
  fs.rmSync(view, { recursive: true, force: true });
  fs.mkdirSync(view, { recursive: true });
  for (const id of ids) fs.symlinkSync(path.join(corpus, id), path.join(view, id), "dir");
  return { view, ids };
}

/// `byline eval` of one view; a page it could not clean is a missing (empty) prediction.
function bylineEval(bin, view, out, args) {
  const r = spawnSync(bin, ["eval", view, "--out", out, ...args], { encoding: "utf8" });
  const failed = Number(/(\d+) failed/.exec(r.stderr ?? "")?.[1] ?? 0);
  if (r.status !== 0 && !failed) throw new Error(`byline eval ${view}: ${r.stderr}`);
  return failed;
}

/// Byline's "is article" verdict for every page of the view (`byline clean --format json`,
/// two at a time): { id: true|false|null }.
async function verdicts(bin, view, ids) {
  const run = promisify(execFile);
  const result = {};
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++];
      const dir = path.join(view, id);
      const url = metaUrl(dir);
      try {
        const { stdout } = await run(bin, ["clean", pageFile(dir), "--format", "json", ...(url ? ["--url", url] : [])], {
          maxBuffer: 1 << 28,
        });
        result[id] = JSON.parse(stdout).is_article === true;
      } catch {
        result[id] = null;
      }
    }
  }
  await Promise.all([worker(), worker()]);
  return result;
}

const f3 = (v) => (typeof v === "number" ? v.toFixed(3) : "–");
const pct = (v) => (typeof v === "number" ? `${(100 * v).toFixed(1)} %` : "–");

function markdown(results, verdictRows, typeRows, meta) {
  const lines = [];
  lines.push(
    `Dev corpora × systems (${meta.date}; ${meta.limit ? `first ${meta.limit} pages of each row` : "all pages"}; wall time ${meta.wallSeconds.toFixed(0)} s).`,
  );
  lines.push("");
  lines.push("| corpus (pages) | system | tok P | tok R | tok F1 | sh P | sh R | sh F1 | with | without | snip F1 | kept | empty | failed |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const s = r.summary;
    lines.push(
      `| ${r.row} (${r.pages}) | ${r.system} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.sh_precision)} | ${f3(s.sh_recall)} | ${f3(s.sh_f1)} | ${f3(s.with)} | ${f3(s.without)} | ${f3(s.snippet_f1)} | ${f3(s.kept)} | ${pct(s.empty)} | ${r.failed} |`,
    );
  }
  lines.push("");
  lines.push(
    "tok: score.py's token P/R/F1 (mean over pages); sh: its 4-token shingle P/R/F1 (`--shingles`, the article-extraction benchmark's definition); with / without / snip F1: the snippet shares and pooled F1; kept: median of predicted / gold tokens; empty: pages with no predicted token; failed: pages where the system errored, panicked or returned null (scored as empty).",
  );
  lines.push("");
  lines.push("Byline's verdict (`byline clean --format json`, `is_article`):");
  lines.push("");
  lines.push("| corpus / page type | pages | says article |");
  lines.push("|---|---|---|");
  for (const v of [...verdictRows, ...typeRows]) lines.push(`| ${v.label} | ${v.pages} | ${v.article} (${pct(v.share)}) |`);
  return lines.join("\n") + "\n";
}

export async function table(opt) {
  const started = performance.now();
  const out = opt.out;
  const rows = ROWS.filter((r) => !opt.corpus || r.row === opt.corpus || r.corpus === opt.corpus);
  if (rows.length === 0) throw new Error(`--corpus ${opt.corpus}: one of ${ROWS.map((r) => r.row).join(", ")} (or wcxb)`);
  const results = [];
  const verdictRows = [];
  const byType = new Map();
  for (const spec of rows) {
    const { view, ids } = makeView(spec, opt.shared, out, opt.limit);
    if (ids.length === 0) continue;
    const dir = path.join(out, spec.row);
    const pred = (s) => path.join(dir, s);
    console.error(`[${spec.row}] ${ids.length} pages`);
    const failed = {};
    failed["byline-article"] = bylineEval(opt.byline, view, pred("byline-article"), ["--field", "article_text"]);
    failed["byline-focus"] = bylineEval(opt.byline, view, pred("byline-focus"), ["--field", "visible_text", "--mode", "focus"]);
    failed["byline-tidy"] = bylineEval(opt.byline, view, pred("byline-tidy"), ["--field", "visible_text", "--mode", "tidy"]);
    failed.readability = runReadability(view, ids, pred("readability"), opt.evalDir).nulls;
    const peers = spawnSync(opt.peers, [view, dir], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (peers.status !== 0) throw new Error(`${opt.peers}: ${peers.stderr}`);
    for (const m of peers.stderr.matchAll(/^(\S+): \d+ pages .* (\d+) empty by failure/gm)) failed[m[1]] = Number(m[2]);
    const scored = JSON.parse(
      execFileSync("python3", [path.join(opt.here, "score_row.py"), opt.evalDir, view, ...SYSTEMS.map((s) => `${s.dir}=${pred(s.dir)}`)], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      }),
    );
    for (const s of SYSTEMS) {
      results.push({ row: spec.row, pages: ids.length, system: s.name, summary: scored[s.dir], failed: failed[s.dir] ?? 0 });
    }
    const v = await verdicts(opt.byline, view, ids);
    const yes = ids.filter((id) => v[id]).length;
    verdictRows.push({ label: spec.row, pages: ids.length, article: yes, share: yes / ids.length });
    if (spec.corpus === "wcxb") {
      for (const id of ids) {
        const t = pageType(path.join(view, id)) ?? "?";
        const e = byType.get(t) ?? { pages: 0, article: 0 };
        e.pages++;
        e.article += v[id] ? 1 : 0;
        byType.set(t, e);
      }
    }
  }
  const typeRows = [...byType.entries()]
    .sort((a, b) => b[1].pages - a[1].pages)
    .map(([t, e]) => ({ label: `wcxb ${t}`, pages: e.pages, article: e.article, share: e.article / e.pages }));
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    limit: opt.limit ?? null,
    corpus: opt.corpus ?? null,
    wallSeconds: (performance.now() - started) / 1000,
    out,
  };
  const md = markdown(results, verdictRows, typeRows, meta);
  fs.writeFileSync(path.join(out, "table.md"), md);
  fs.writeFileSync(
    path.join(out, "table.json"),
    JSON.stringify({ meta, systems: SYSTEMS.map((s) => s.name), rows: results, verdicts: verdictRows, page_types: typeRows }, null, 1) + "\n",
  );
  process.stdout.write(md);
  console.error(`predictions, table.md and table.json in ${out}`);
}
