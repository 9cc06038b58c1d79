// Exact restore on real pages, in Chromium with the real extension. For each: serialize
// the DOM, click (clean), check that no page element was removed (page code holding
// references still finds them connected), click again (restore), serialize again —
// byte-identical. One browser for all pages, pages answered from memory; their scripts are
// stripped so the DOM only changes when Byline changes it.
//
// Pages: every fixture of tests/fixtures/ (the folders, the bundled aggregator pages and the
// bundled readability sample). With BYLINE_RESTORE_CORPUS=1 (scripts/eval/check-corpus.sh)
// the dev corpora at ../shared (BYLINE_SHARED) instead of the bundled sample: the whole
// readability corpus and a fixed sample of the trafilatura corpus, BYLINE_RESTORE_SAMPLE=N
// pages of it (default 60; 0: none, "all": all).

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_ACTION_TITLE, FIXTURES, REPO, SHARED, fixtureNames, serializePage, useBrowser, waitFor } from "./harness.mjs";

// Requests a page may still make while it re-lays out (an image scrolled into view);
// anything else during a clean or restore (fetch, xhr, beacon, websocket…) would be Byline's.
const LAYOUT_REQUESTS = new Set(["image", "font", "media", "stylesheet"]);
const OWN = join(REPO, "tests/fixtures");

/** The pages `<id>/source.html` of corpus folder `dir`, every one or `sample` of them. */
function corpusPages(label, dir, sample) {
  let ids = readdirSync(dir).filter((id) => existsSync(join(dir, id, "source.html"))).sort();
  if (sample !== undefined && sample < ids.length) {
    const step = ids.length / sample;
    ids = Array.from({ length: sample }, (_, i) => ids[Math.floor(i * step)]);
  }
  return ids.map((id) => {
    let url = null;
    try {
      url = JSON.parse(readFileSync(join(dir, id, "meta.json"), "utf8")).url ?? null;
    } catch {}
    // The page's own address when it is a plain one (it is the key pages are served by).
    const plain = (() => {
      try {
        return url && /^https?:/.test(url) && new URL(url).href === url;
      } catch {
        return false;
      }
    })();
    return { name: `${label}/${id}`, url: plain ? url : `https://${label}.corpus.test/${id}/`, path: join(dir, id, "source.html") };
  });
}

/** The hand-labelled pages: the folders of tests/fixtures/ and the aggregator pages. */
function fixturePages() {
  const folders = readdirSync(OWN).filter((n) => existsSync(join(OWN, n, "page.html"))).sort().map((n) => ({
    name: n, dir: join(OWN, n), page: "page.html", expect: "expect.json" }));
  const aggregator = fixtureNames().filter((n) => !existsSync(join(OWN, n))).map((n) => ({
    name: `aggregator/${n}`, dir: FIXTURES, page: `${n}.html`, expect: `${n}.expect.json` }));
  return [...folders, ...aggregator].map((f) => ({
    name: f.name,
    url: JSON.parse(readFileSync(join(f.dir, f.expect), "utf8")).url,
    path: join(f.dir, f.page),
  }));
}

function corpora() {
  if (process.env.BYLINE_RESTORE_CORPUS !== "1") return corpusPages("readability", join(OWN, "readability"));
  if (!existsSync(join(SHARED, "corpus"))) {
    throw new Error(`needs ../shared (the dev corpora) beside the repository; set BYLINE_SHARED=… (looked in ${SHARED})`);
  }
  const sampleEnv = process.env.BYLINE_RESTORE_SAMPLE ?? "60";
  const trafilatura = join(SHARED, "corpus/trafilatura");
  return [
    ...corpusPages("readability", join(SHARED, "corpus/readability")),
    ...(sampleEnv === "all" ? corpusPages("trafilatura", trafilatura) : corpusPages("trafilatura", trafilatura, Number(sampleEnv))),
  ];
}

const only = process.env.BYLINE_RESTORE_ONLY; // a substring of page names, for debugging
const pages = [...fixturePages(), ...corpora()];
const minPages = process.env.BYLINE_RESTORE_CORPUS === "1" ? 150 : 55;

/** The page without its scripts, inline event handlers or srcdoc frames (by bytes: any encoding survives). */
function withoutScripts(bytes) {
  const s = bytes.toString("latin1");
  const out = s
    .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/(<[a-z][^>]*?\s)(?:on[a-z]+|srcdoc)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "$1");
  return Buffer.from(out, "latin1");
}

const h = useBrowser();

const title = async () => (await h.actionState()).title;

test(`clean → restore is the identity on ${pages.length} pages; nothing is removed`, { timeout: 600_000 }, async () => {
  if (!only) assert.ok(pages.length >= minPages, `the pages are there (${pages.length}, at least ${minPages})`);
  const failures = [];
  let cleaned = 0;
  const started = Date.now();
  const run = pages.filter((p) => !only || p.name.includes(only));
  for (const p of run) {
    // Only the page's own URL is answered; a corpus page may carry one it shares with another.
    h.serve(p.url, withoutScripts(readFileSync(p.path)));
    const page = await h.page();
    try {
      await page.goto(p.url, { waitUntil: "load" });
      await waitFor(async () => (await title()) === DEFAULT_ACTION_TITLE, { what: "a fresh button", timeout: 5_000 });
      const original = await serializePage(page);
      // A page script's view: every element, held by reference across the clean.
      await page.evaluate(() => {
        window.__held = [...document.querySelectorAll("*")];
      });
      // The browser itself fetches the page's icons (type "other") when it gets round to it.
      const icons = new Set(await page.evaluate(() => [...document.querySelectorAll("link[rel~=icon i], link[rel*=icon i]")].map((l) => l.href)));
      // A frame the page marked loading="lazy" loads when hiding blocks above it brings it
      // into view, like a lazy image (its document request, to the URL the page gave it).
      const lazyFrames = new Set(await page.evaluate(() => [...document.querySelectorAll("iframe[loading=lazy i][src]")].map((f) => f.src)));
      const blocked = h.blocked.length;
      await h.clickAction(page);
      const answer = await waitFor(async () => {
        const t = await title();
        return t !== DEFAULT_ACTION_TITLE && t;
      }, { what: `${p.name}: the click's answer` });
      if (/could not clean/.test(answer)) throw new Error(`error on click: ${answer}`);
      const held = await page.evaluate(() => ({
        disconnected: window.__held.filter((e) => !e.isConnected).length,
        gone: window.__held.filter((e) => !e.isConnected).slice(0, 3).map((e) => e.outerHTML.slice(0, 120)),
        count: window.__held.length,
        applied: document.querySelector("[data-byline]") !== null,
      }));
      assert.equal(held.disconnected, 0, `no element of the page was removed (${answer}): ${JSON.stringify(held.gone)}`);
      if (held.applied) {
        cleaned++;
        await h.clickAction(page);
        await waitFor(async () => (await title()) === DEFAULT_ACTION_TITLE, { what: `${p.name}: the restore` });
      }
      const restored = await serializePage(page);
      if (restored !== original) {
        let i = 0;
        while (i < original.length && original[i] === restored[i]) i++;
        throw new Error(`not restored byte for byte: at ${i}: ${JSON.stringify(original.slice(i - 60, i + 60))} became ${JSON.stringify(restored.slice(i - 60, i + 60))}`);
      }
      const extra = h.blocked.slice(blocked).filter((r) => !LAYOUT_REQUESTS.has(r.type) && !icons.has(r.url)
        && !(r.type === "document" && lazyFrames.has(r.url)));
      assert.deepEqual(extra, [], `no request while cleaning and restoring: ${JSON.stringify(extra).slice(0, 300)}`);
    } catch (e) {
      failures.push(`${p.name}: ${e.message.split("\n")[0]}`);
    }
  }
  console.log(`restore identity: ${run.length} pages (${cleaned} cleaned) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(failures, [], `pages that failed:\n${failures.join("\n")}`);
  assert.ok(cleaned >= run.length / 2, `most pages were really cleaned (${cleaned} of ${run.length})`);
});
