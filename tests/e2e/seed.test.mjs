// End to end on the seed page: the real extension in real Chromium, clicked from the
// toolbar, cleans the page in place, shows where the story comes from, and a second click
// gives back the page byte for byte — without a single request leaving the machine.

import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  DEFAULT_ACTION_TITLE, REPO, countOccurrences, loadOwnFixture, normalizeText,
  readShadowRoot, serializePage, squash, useBrowser, waitFor } from "./harness.mjs";

const SHOTS = join(REPO, "target/screenshots");
const DOCS_SHOTS = join(REPO, "docs/screenshots");
// The seed page's folder (tests/fixtures/seed-zibo-yonhap/), which the demo also uses.
const seed = loadOwnFixture("seed-zibo-yonhap");
const { article, source } = seed.expect;

const h = useBrowser();

const visibleText = (page) => page.evaluate(() => document.body.innerText);
const hasBadgeHost = (page) =>
  page.evaluate(() => document.documentElement.querySelector("byline-badge") !== null);

// The toolbar button's state changes only after content.js has answered, so waiting for it
// means waiting for the whole click to finish; an error title fails the test with its message.
async function waitForAction(want, what) {
  const state = await waitFor(async () => {
    const s = await h.actionState();
    return want(s) || s.text === "!" ? s : null;
  }, { what });
  assert.notEqual(state.text, "!", `the extension reported an error: ${state.title}`);
  return state;
}

test("seed page: clean in place, show the source, restore byte for byte, stay offline", { timeout: 120_000 }, async () => {
  h.serve(seed.url, seed.html);
  const page = await h.page();
  await page.goto(seed.url);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, "seed-before.png"), fullPage: true });

  const original = await serializePage(page);
  const textBefore = normalizeText(await visibleText(page));
  // Preconditions, so the checks below measure the extension and not the fixture.
  for (const snippet of article.must_hide) {
    assert.ok(textBefore.includes(normalizeText(snippet)), `fixture shows ${JSON.stringify(snippet)} before cleaning`);
  }
  const caption = squash(article.repeated_caption);
  assert.ok(countOccurrences(squash(textBefore), caption) >= 2, "the caption is repeated before cleaning");
  assert.equal(await hasBadgeHost(page), false);
  assert.deepEqual(await h.actionState(), { text: "", title: DEFAULT_ACTION_TITLE });
  const blockedBeforeClick = h.blocked.length;

  // First click: clean.
  await h.clickAction(page);
  const cleaned = await waitForAction((s) => s.title !== DEFAULT_ACTION_TITLE, "the page to be cleaned");
  await page.waitForFunction(() => document.documentElement.querySelector("byline-badge") !== null, null, { timeout: 5_000 });

  const textAfter = normalizeText(await visibleText(page));
  for (const snippet of article.must_keep) {
    assert.ok(textAfter.includes(normalizeText(snippet)), `still visible: ${JSON.stringify(snippet)}`);
  }
  for (const snippet of article.must_hide) {
    assert.ok(!textAfter.includes(normalizeText(snippet)), `hidden: ${JSON.stringify(snippet)}`);
  }
  assert.equal(countOccurrences(squash(textAfter), caption), article.caption_visible_times,
    "the repeated caption is visible exactly once");

  // The toolbar button: number of hidden blocks and a summary naming the source.
  assert.match(cleaned.text, /^[1-9][0-9]*$/, "badge text is the number of hidden blocks");
  assert.ok(cleaned.title.includes(`source: ${source.original}`), `button title names the source: ${cleaned.title}`);

  // The source badge lives in a closed shadow root: invisible to page scripts, read via CDP.
  assert.equal(await page.evaluate(() => document.querySelector("byline-badge").shadowRoot), null,
    "page scripts cannot reach the badge's shadow root");
  const badge = await readShadowRoot(page, "byline-badge");
  assert.ok(badge, "the badge host has a shadow root");
  assert.equal(badge.mode, "closed");
  for (const want of [source.original, source.republisher, source.page_date, source.story_date]) {
    assert.ok(badge.text.includes(want), `badge shows ${want}: ${JSON.stringify(badge.text)}`);
  }
  await page.screenshot({ path: join(SHOTS, "seed-after.png"), fullPage: true });

  // Second click: restore exactly what was there.
  await h.clickAction(page);
  await waitForAction((s) => s.text === "" && s.title === DEFAULT_ACTION_TITLE, "the page to be restored");
  assert.equal(await hasBadgeHost(page), false, "the badge is gone");
  assert.equal(await serializePage(page), original, "the restored page is byte-identical to the original");

  // The page's own sub-resources (style sheet, images) were blocked before the click; the
  // extension itself must not have asked the network for anything.
  assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");
  assert.deepEqual([...new Set(h.served)], [seed.url], "the only answered request is the page itself");
  for (const r of h.blocked) {
    assert.equal(new URL(r.url).origin, new URL(seed.url).origin, `only the page's own resources were requested: ${r.url}`);
  }

  if (process.env.BYLINE_UPDATE_DOCS === "1") {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    for (const name of ["seed-before.png", "seed-after.png"]) copyFileSync(join(SHOTS, name), join(DOCS_SHOTS, name));
  }
});
