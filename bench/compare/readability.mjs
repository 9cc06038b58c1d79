// Readability.js 0.6.0 on jsdom over a list of corpus pages, the way bench/compare runs it:
// for every CORPUS/<id>/source.html (or source.html.gz) the article's content HTML is turned
// into text lines by shared/eval/html2text.py (the rules that made the readability corpus's
// expected.txt). With `title` the title line comes first (Reader View shows it); without it
// only the content (as in the corpora's gold). A null article or an exception is an empty
// prediction.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/// The page file of a corpus folder: source.html, or source.html.gz.
export function pageFile(dir) {
  for (const f of ["source.html", "source.html.gz"]) {
    if (fs.existsSync(path.join(dir, f))) return path.join(dir, f);
  }
  return null;
}

/// The page's text: UTF-8 when the bytes are valid UTF-8 (the readability corpus is stored
/// that way whatever its meta says), else the raw bytes so jsdom honours the declared charset.
export function pageSource(dir) {
  let bytes = fs.readFileSync(pageFile(dir));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}

/// meta.json's url when it is an http(s) address.
export function metaUrl(dir) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
    if (typeof m.url === "string" && /^https?:/.test(m.url)) return m.url;
  } catch {}
  return null;
}

/// Readability over `ids` of `corpus` in this process: writes HTML_DIR/<id>.html (the
/// article's content, after its title as <h1> with `title`); returns {ms, nulls}.
function parsePages(corpus, ids, htmlDir, title) {
  const quiet = new VirtualConsole(); // pages' own console noise and CSS errors stay quiet
  let ms = 0;
  let nulls = 0;
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  for (const id of ids) {
    const dir = path.join(corpus, id);
    const html = pageSource(dir);
    const url = metaUrl(dir) ?? `http://${id.replace(/[^a-z0-9.-]/gi, "-")}.example/`;
    const t0 = performance.now();
    let article = null;
    let dom = null;
    try {
      dom = new JSDOM(html, { url, virtualConsole: quiet });
      article = new Readability(dom.window.document).parse();
    } catch {
      article = null;
    } finally {
      dom?.window.close();
    }
    ms += performance.now() - t0;
    if (!article) nulls++;
    const head = title && article?.title ? `<h1>${esc(article.title)}</h1>` : "";
    fs.writeFileSync(path.join(htmlDir, `${id}.html`), head + (article?.content ?? ""));
  }
  return { ms, nulls };
}

const self = fileURLToPath(import.meta.url);
/// Pages per worker process: jsdom's memory is only given back when its process ends (one
/// process for all 1,497 WCXB pages ran out of heap).
const BATCH = 50;

/// One batch in a fresh `node` process; a process that dies (a page that exhausts its heap)
/// or runs out of time is retried page by page, and a page whose process dies is a null.
function parseBatch(corpus, ids, htmlDir, title) {
  const r = spawnSync(process.execPath, [self, "--worker", corpus, htmlDir, title ? "1" : "0", ...ids], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    timeout: ids.length * 60_000, // a page that takes a minute is stuck
  });
  if (r.status === 0) return JSON.parse(r.stdout.trim().split("\n").pop());
  if (ids.length === 1) {
    fs.writeFileSync(path.join(htmlDir, `${ids[0]}.html`), "");
    return { ms: 0, nulls: 1 };
  }
  const total = { ms: 0, nulls: 0 };
  for (const id of ids) {
    const one = parseBatch(corpus, [id], htmlDir, title);
    total.ms += one.ms;
    total.nulls += one.nulls;
  }
  return total;
}

/// Runs Readability over `ids` of `corpus`, writes OUT/<id>.txt; returns {ms, nulls}
/// (ms: jsdom parse + parse(), file I/O and process starts excluded).
export function runReadability(corpus, ids, out, evalDir, { title = false } = {}) {
  const htmlDir = `${out}-html`;
  fs.mkdirSync(htmlDir, { recursive: true });
  fs.mkdirSync(out, { recursive: true });
  let ms = 0;
  let nulls = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const r = parseBatch(corpus, ids.slice(i, i + BATCH), htmlDir, title);
    ms += r.ms;
    nulls += r.nulls;
  }
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
      evalDir,
      htmlDir,
      out,
    ],
    { stdio: "inherit" },
  );
  return { ms, nulls };
}

// `node readability.mjs --worker CORPUS HTML_DIR TITLE(0|1) ID...`: one batch (runReadability).
if (process.argv[1] === self && process.argv[2] === "--worker") {
  const [corpus, htmlDir, title, ...ids] = process.argv.slice(3);
  console.log(JSON.stringify(parsePages(corpus, ids, htmlDir, title === "1")));
}
