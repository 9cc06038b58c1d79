// Hostile and unusual pages, in Chromium with the real extension:
// - metadata full of markup, scripts, bidi overrides and enormous strings shows in the
//   badge as plain, cut text; the page cannot style, script or even see the badge, and
//   Byline's styles do not leak onto the page;
// - a page cannot start a clean or read Byline's state (events, messages, globals);
// - negative controls: on pages that are not articles nothing is hidden and no badge shows;
// - a page above the element budget is left alone and the button says why;
// - a trap in the core (what a Rust panic becomes) is reported as an error, changes
//   nothing, and the next click works;
// - none of it makes a network request.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  DEFAULT_ACTION_TITLE, EXTENSION, launch, loadFixture, loadOwnFixture, readShadowRoot, serializePage, useBrowser, waitFor,
} from "./harness.mjs";
import { MSG } from "../../extension/lib/protocol.js";

const h = useBrowser();

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
const HUGE = "A".repeat(100_000);
const PROSE = [
  "SEOUL, Nov. 23 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Wednesday, the military said, in its latest show of force.",
  "The Joint Chiefs of Staff said the missile was launched from the Pyongyang area, and that it flew about 500 kilometres before landing.",
  "South Korea and the United States are analysing the details of the launch, officials said, adding that the military had stepped up its surveillance.",
  "The launch came days after the North warned of fierce responses to the allies' joint air drills, which it calls rehearsals for an invasion.",
  "Pyongyang has fired a record number of missiles this year, and officials in Seoul have warned that a nuclear test could follow at any time.",
];

function hostilePage() {
  const evil = `<img src=x onerror="window.__pwned=1">\u202e${HUGE}<script>window.__pwned=2</script>`;
  const jsonld = JSON.stringify({
    "@context": "https://schema.org", "@type": "NewsArticle",
    headline: `<script>window.__pwned=3</script>\u202eHeadline`,
    author: { "@type": "Person", name: `<b onmouseover="window.__pwned=4">Evil</b>\u202e${HUGE}` },
    publisher: { "@type": "Organization", name: evil },
    datePublished: "2024-09-22T10:00:00+09:00",
  }).replace(/</g, "\\u003c");
  return `<!doctype html><html><head><meta charset="utf-8">
<title>&lt;script&gt;window.__pwned=5&lt;/script&gt;\u202eMissile launch ${HUGE} - Evil News</title>
<meta property="og:site_name" content="${evil.replace(/"/g, "&quot;")}">
<meta name="author" content="&lt;i&gt;x&lt;/i&gt;\u202e${HUGE}">
<script type="application/ld+json">${jsonld}</script>
<style>
  byline-badge { display: none !important; color: red !important; position: absolute !important; left: -9999px !important }
  * { font-family: monospace !important }
  .b, .s, .w { background: rgb(0, 128, 0) !important }
</style>
<script>
  // What a hostile page can try from its own world.
  window.__shadowCalls = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { window.__shadowCalls.push(this.localName); return attach.call(this, init); };
  window.__created = [];
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag, o) { window.__created.push(String(tag)); return create.call(this, tag, o); };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.localName === "byline-badge") window.__badgeRoot = n.shadowRoot;
  }).observe(document.documentElement, { childList: true, subtree: true });
</script>
</head><body>
<div class="b" id="page-b">the page's own .b block</div>
<article><h1>Missile launch\u202e ${"<b>x</b>".repeat(3)}</h1>
<p class="byline">By <b>Evil</b>\u202e Reporter ${HUGE.slice(0, 5000)}</p>
${PROSE.map((p) => `<p>${p}</p>`).join("\n")}
</article>
<div class="recommend"><h3>Recommended</h3><ul>${[1, 2, 3, 4, 5].map((i) => `<li><a href="/n/${i}">Story ${i} headline here</a></li>`).join("")}</ul></div>
</body></html>`;
}

const title = async () => (await h.actionState()).title;
const answered = () => waitFor(async () => {
  const t = await title();
  return t !== DEFAULT_ACTION_TITLE && t;
}, { what: "the click's answer" });

test("hostile metadata: plain cut text in a badge the page cannot style, script or see", { timeout: 60_000 }, async () => {
  const url = "https://evil.example/news/2024/09/22/missile.html";
  h.serve(url, hostilePage());
  const page = await h.page();
  await page.goto(url);
  const pageBBefore = await page.evaluate(() => getComputedStyle(document.getElementById("page-b")).backgroundColor);
  const blocked = h.blocked.length;
  await h.clickAction(page);
  const answer = await answered();
  assert.match(answer, /blocks? hidden/, answer);
  assert.ok(!BIDI.test(answer) && answer.length < 400, `the button's title is plain and short: ${answer.length} chars`);

  const badge = await readShadowRoot(page, "byline-badge");
  assert.equal(badge?.mode, "closed");
  assert.ok(badge.text.includes("Yonhap"), badge.text.slice(0, 300));
  assert.ok(!BIDI.test(badge.text), "no bidi controls in the badge");
  assert.ok(badge.text.length < 3000, `the badge's text is cut (${badge.text.length} chars)`);
  const seen = await page.evaluate(() => {
    const host = document.querySelector("byline-badge");
    const r = host.getBoundingClientRect();
    return {
      pwned: window.__pwned ?? null,
      shadowFromPage: host.shadowRoot,
      observedRoot: window.__badgeRoot ?? null,
      shadowCalls: window.__shadowCalls,
      createdByByline: window.__created.filter((t) => /byline|style|div|details/i.test(t)),
      hostChildren: host.childNodes.length,
      visible: r.width > 0 && r.height > 0 && r.left >= 0,
      pageB: getComputedStyle(document.getElementById("page-b")).backgroundColor,
      globals: Object.getOwnPropertyNames(window).filter((n) => /byline/i.test(n)),
    };
  });
  assert.equal(seen.pwned, null, "no page-supplied markup ran");
  assert.equal(seen.shadowFromPage, null, "the badge's root is closed to the page");
  assert.equal(seen.observedRoot, null, "a page observer sees the host but not its root");
  assert.deepEqual(seen.shadowCalls, [], "Byline does not use the page's (patched) DOM functions");
  assert.deepEqual(seen.createdByByline, [], "Byline does not use the page's (patched) DOM functions");
  assert.equal(seen.hostChildren, 0, "nothing of the badge sits in the page's light DOM");
  assert.ok(seen.visible, "page CSS cannot hide or move the badge");
  assert.equal(seen.pageB, pageBBefore, "Byline's styles do not leak onto the page");
  assert.deepEqual(seen.globals, [], "no Byline globals in the page's world");
  assert.deepEqual(h.blocked.slice(blocked), [], "no request");
});

test("a page cannot start a clean or read Byline's state", { timeout: 60_000 }, async () => {
  const fx = loadOwnFixture("seed-zibo-yonhap");
  h.serve(fx.url, fx.html);
  const page = await h.page();
  await page.goto(fx.url);
  const original = await serializePage(page);
  const tries = await page.evaluate(async ({ extensionId, MSG }) => {
    const out = {};
    window.postMessage({ type: MSG.toggle, tabId: 1 }, "*");
    window.postMessage({ type: MSG.reclean }, "*");
    for (const name of ["byline", MSG.toggle, "byline-clean"]) document.dispatchEvent(new CustomEvent(name, { detail: { type: MSG.toggle } }));
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "B", code: "KeyB", altKey: true, shiftKey: true, bubbles: true }));
    out.runtime = typeof globalThis.chrome?.runtime?.sendMessage;
    try {
      await globalThis.chrome.runtime.sendMessage(extensionId, { type: MSG.toggle, tabId: 1 });
      out.sent = "delivered";
    } catch (e) {
      out.sent = "refused";
    }
    out.globals = Object.getOwnPropertyNames(window).filter((n) => /byline/i.test(n));
    return out;
  }, { extensionId: h.extensionId, MSG });
  await new Promise((r) => setTimeout(r, 1500));
  assert.notEqual(tries.sent, "delivered", "the page cannot message the extension");
  assert.deepEqual(tries.globals, []);
  assert.equal(await title(), DEFAULT_ACTION_TITLE, "nothing happened on the button");
  assert.equal(await serializePage(page), original, "nothing happened on the page");
});

const VIDEO_PAGE = `<!doctype html><html><head><title>Cats playing piano - VideoTube</title></head><body>
<header><nav><a href="/">VideoTube</a> <a href="/trending">Trending</a> <a href="/subs">Subscriptions</a></nav></header>
<main><div id="player"><video controls width="640" src="/v/cats.mp4"></video></div>
<h1>Cats playing piano</h1><div class="meta">1,234,567 views · 3 years ago</div>
<div class="desc">Two cats play the piano. Subscribe for more!</div>
<section class="comments"><h3>Comments</h3>${Array.from({ length: 8 }, (_, i) => `<div class="comment"><a href="/u/${i}">user${i}</a><p>So cute, lol ${i}</p></div>`).join("")}</section></main>
<aside><h3>Up next</h3><ul>${Array.from({ length: 15 }, (_, i) => `<li><a href="/v/${i}">Funny video number ${i} you will love</a><span>${i}:0${i % 6}</span></li>`).join("")}</ul></aside>
</body></html>`;

const WEB_APP = `<!doctype html><html><head><title>Inbox (3) - Mailbox</title></head><body>
<div id="app"><div class="toolbar"><button>Compose</button><input placeholder="Search mail"></div>
<div class="folders"><a href="#inbox">Inbox</a><a href="#sent">Sent</a><a href="#drafts">Drafts</a></div>
<table class="messages">${Array.from({ length: 25 }, (_, i) => `<tr><td><input type="checkbox"></td><td>Sender ${i}</td><td><a href="#m${i}">Subject line of message ${i}</a> — a short preview of the message body</td><td>10:${String(i).padStart(2, "0")}</td></tr>`).join("")}</table>
</div></body></html>`;

const controls = [
  ["aggregator homepage", () => loadFixture("en-homepage-nonarticle")],
  ["forum thread", () => loadOwnFixture("de-forum-thread-nonarticle")],
  ["search results", () => loadOwnFixture("de-search-results-nonarticle")],
  ["listing", () => loadOwnFixture("de-listing-nonarticle")],
  ["video page", () => ({ url: "https://videotube.example/watch?v=cats", html: VIDEO_PAGE })],
  ["web app", () => ({ url: "https://mail.example/#inbox", html: WEB_APP })],
];

for (const [name, load] of controls) {
  test(`negative control, ${name}: nothing hidden, no badge, page unchanged`, { timeout: 60_000 }, async () => {
    const fx = load();
    h.serve(fx.url.split("#")[0], fx.html);
    const page = await h.page();
    await page.goto(fx.url);
    const original = await serializePage(page);
    const blocked = h.blocked.length;
    await h.clickAction(page);
    const answer = await answered();
    assert.match(answer, /not an article/, `${name}: ${answer}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll("[data-byline-hidden], byline-badge, [data-byline]").length), 0);
    assert.equal(await serializePage(page), original);
    assert.deepEqual(h.blocked.slice(blocked), [], "no request");
  });
}

test("above the element budget: nothing hidden, the button says why, the tab stays responsive", { timeout: 120_000 }, async () => {
  const items = 40_000; // 4 elements each: 160 000 elements, above the default 100 000
  const list = Array.from({ length: items }, (_, i) => `<li><a href="/n/${i}">Story ${i}</a><span>${i}</span><b>x</b></li>`).join("");
  const html = `<!doctype html><html><head><title>Huge</title></head><body><article><h1>Huge page</h1>${PROSE.map((p) => `<p>${p}</p>`).join("")}</article><ul>${list}</ul></body></html>`;
  const url = "https://huge.example/page.html";
  h.serve(url, html);
  const page = await h.page();
  await page.goto(url);
  const started = Date.now();
  await h.clickAction(page);
  const answer = await answered();
  const ms = Date.now() - started;
  assert.match(answer, /too large to clean \(16\d{4} elements, limit 100000\)/, answer);
  assert.equal((await h.actionState()).text, "–");
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-byline-hidden], byline-badge").length), 0);
  console.log(`element budget: ${items * 4 + 8} elements refused in ${ms} ms (click to answer)`);
});

test("a trap in the core is reported as an error, changes nothing, and the next click works", { timeout: 90_000 }, async () => {
  // A copy of the extension whose first analyze_snapshot call in each JS realm hits a real
  // WebAssembly trap (`unreachable`, which is what a Rust panic becomes under panic=abort).
  // The worker's instance is then unusable, so the next click runs the core in the page,
  // whose first instance traps too; the click after that loads a fresh one there.
  const dir = mkdtempSync(join(tmpdir(), "byline-trap-"));
  cpSync(EXTENSION, dir, { recursive: true });
  const js = join(dir, "pkg/byline.js");
  const src = readFileSync(js, "utf8");
  const marker = "export function analyze_snapshot(";
  assert.ok(src.includes(marker), "the wasm-bindgen glue exports analyze_snapshot");
  const trap = `if (!globalThis.__bylineTrapped) { globalThis.__bylineTrapped = true;
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,116,0,0,10,5,1,3,0,0,11]))).exports.t(); }\n`;
  writeFileSync(js, src.replace(/(export function analyze_snapshot\([^)]*\)\s*\{)/, `$1\n${trap}`));
  const t = await launch({ extensionDir: dir });
  try {
    const fx = loadOwnFixture("seed-zibo-yonhap");
    t.serve(fx.url, fx.html);
    const page = await t.page();
    await page.goto(fx.url);
    const original = await serializePage(page);
    await t.clickAction(page);
    const state = await waitFor(async () => {
      const s = await t.actionState();
      return s.title !== DEFAULT_ACTION_TITLE && s;
    }, { what: "the error" });
    assert.equal(state.text, "!");
    assert.match(state.title, /could not clean.*core failed.*unreachable/i, state.title);
    assert.equal(await serializePage(page), original, "a failed clean changes nothing");
    // The button keeps showing "!" between the two failures: wait for the title to change.
    await t.clickAction(page);
    const second = await waitFor(async () => {
      const s = await t.actionState();
      return s.title !== state.title && s;
    }, { what: "the second click" });
    assert.equal(second.text, "!");
    assert.match(second.title, /could not clean.*core failed.*reloaded/i, second.title);
    assert.equal(await serializePage(page), original, "a failed clean changes nothing");
    await t.clickAction(page);
    const again = await waitFor(async () => {
      const s = await t.actionState();
      return s.text !== "!" && s;
    }, { what: "the third click" });
    assert.match(again.text, /^[1-9]\d*$/, `the page's own core cleans: ${again.title}`);
  } finally {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
