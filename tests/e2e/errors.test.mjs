// What a click does where Byline cannot work: the toolbar button says so ("!" and a title
// with the reason) and the page is left exactly as it was.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DEFAULT_ACTION_TITLE, launch, loadFixture, requireBuild, serializePage, waitFor } from "./harness.mjs";

let h;
before(async () => {
  requireBuild();
  h = await launch();
});
after(async () => {
  await h?.close();
});

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
// 'wasm-unsafe-eval'. Until the core can also run outside the page (see the notes on
// strict-CSP pages), the click must fail visibly and change nothing.
test("a page with a strict CSP is left untouched and the error is shown", { timeout: 60_000 }, async () => {
  const seed = loadFixture("seed-zibo-yonhap");
  h.serve(seed.url, seed.html, { headers: { "Content-Security-Policy": "script-src 'self'" } });
  const page = await h.page();
  await page.goto(seed.url);
  const original = await serializePage(page);
  const blockedBeforeClick = h.blocked.length;

  const state = await click(page);
  assert.equal(state.text, "!");
  assert.match(state.title, /^Byline could not clean this page: /);
  assert.equal(await serializePage(page), original, "the page is unchanged");
  assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");
});
