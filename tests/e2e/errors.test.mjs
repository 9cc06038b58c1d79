// What a click does where Byline cannot work as usual: on a page extensions may not touch
// the toolbar button says so ("!" and a title with the reason); on a strict-CSP page the
// core runs in the extension's worker instead and the click works as anywhere else.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_ACTION_TITLE, loadFixture, normalizeText, readShadowRoot, serializePage, useBrowser, waitFor } from "./harness.mjs";

const h = useBrowser();

// Clicks the button and waits for its answer; checks first that no earlier answer is showing.
async function click(page) {
  assert.deepEqual(await h.actionState(), { text: "", title: DEFAULT_ACTION_TITLE }, "the button starts in its default state");
  await h.clickAction(page);
  return changedAction();
}

const changedAction = () => waitFor(async () => {
  const s = await h.actionState();
  return s.title !== DEFAULT_ACTION_TITLE ? s : null;
}, { what: "the toolbar button to change" });

test("a browser page that extensions may not script gets an error badge", { timeout: 60_000 }, async () => {
  const page = await h.page();
  await page.goto("chrome://version/");
  const state = await click(page);
  assert.equal(state.text, "!");
  assert.match(state.title, /cannot be changed by extensions/);
});

// Chromium refuses to compile WebAssembly in a content script on a page whose CSP lacks
// 'wasm-unsafe-eval'. The content script then sends its snapshot of the page to the
// extension's worker, which runs the same core and returns the plan: the user sees no
// difference — the page is cleaned, the badge is shown, the restore is exact.
test("a page with a strict CSP is cleaned through the worker, badge shown, restored exactly", { timeout: 60_000 }, async () => {
  const seed = loadFixture("seed-zibo-yonhap");
  h.serve(seed.url, seed.html, { headers: { "Content-Security-Policy": "script-src 'self'" } });
  const page = await h.page();
  await page.goto(seed.url);
  // The CSP really forbids WebAssembly on this page (else this test would prove nothing).
  const wasmAllowed = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => true, () => false));
  assert.equal(wasmAllowed, false, "the page's CSP blocks WebAssembly");
  const original = await serializePage(page);
  const blockedBeforeClick = h.blocked.length;

  const state = await click(page);
  assert.match(state.text, /^[1-9][0-9]*$/, `cleaned, with the hidden-block count on the button: ${state.title}`);
  assert.ok(state.title.includes(`source: ${seed.expect.source.original}`), state.title);
  const badge = await readShadowRoot(page, "byline-badge");
  assert.ok(badge && badge.mode === "closed", "the source badge is shown");
  assert.ok(badge.text.includes(seed.expect.source.original), badge.text);
  const text = normalizeText(await page.evaluate(() => document.body.innerText));
  for (const snippet of seed.expect.article.must_hide) {
    assert.ok(!text.includes(normalizeText(snippet)), `hidden: ${snippet}`);
  }

  await h.clickAction(page);
  await waitFor(async () => (await h.actionState()).title === DEFAULT_ACTION_TITLE, { what: "the restore" });
  assert.equal(await serializePage(page), original, "the restored page is byte-identical");
  assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");
});
