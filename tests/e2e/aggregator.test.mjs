// Every aggregator fixture (tests/fixtures/aggregator/), cleaned by the real extension in
// Chromium through the toolbar button, checked on what is actually visible (innerText),
// with the expectations the fixture checker (tests/common/expect.rs) reads: must_keep
// visible, must_hide gone, the repeated caption shown exactly once; on non-article pages
// nothing changes at all. Then a second click restores the page byte for byte.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_ACTION_TITLE, countOccurrences, fixtureNames, loadFixture, normalizeText,
  serializePage, squash, useBrowser, waitFor } from "./harness.mjs";

const h = useBrowser();

const visibleText = (page) => page.evaluate(() => document.body.innerText);

for (const name of fixtureNames()) {
  test(`extension on ${name}`, { timeout: 60_000 }, async () => {
    const fx = loadFixture(name);
    const { article } = fx.expect;
    h.serve(fx.url, fx.html);
    const page = await h.page();
    await page.goto(fx.url);
    const original = await serializePage(page);
    const before = normalizeText(await visibleText(page));

    await h.clickAction(page);
    await waitFor(async () => (await h.actionState()).title !== DEFAULT_ACTION_TITLE, { what: "the click's answer" });
    const after = normalizeText(await visibleText(page));

    if (article.title === null) {
      assert.equal(await page.evaluate(() => document.querySelectorAll("[data-byline-hidden]").length), 0, "nothing hidden");
      assert.equal(await page.evaluate(() => document.querySelector("byline-badge")), null, "no badge");
      assert.equal(after, before, "the visible text is unchanged");
      assert.equal(await serializePage(page), original, "the DOM is unchanged");
      await page.close();
      return;
    }
    await waitFor(() => page.evaluate(() => document.querySelector("byline-badge") !== null), { what: "the badge" });
    for (const s of article.must_keep) assert.ok(after.includes(normalizeText(s)), `${name}: still visible: ${JSON.stringify(s)}`);
    for (const s of article.must_hide) assert.ok(!after.includes(normalizeText(s)), `${name}: hidden: ${JSON.stringify(s)}`);
    if (article.repeated_caption) {
      assert.equal(countOccurrences(squash(after), squash(article.repeated_caption)), article.caption_visible_times,
        `${name}: the repeated caption is visible exactly once`);
    }
    await h.clickAction(page);
    await waitFor(async () => (await h.actionState()).title === DEFAULT_ACTION_TITLE, { what: "the restore" });
    assert.equal(await serializePage(page), original, `${name}: restored byte for byte`);
    await page.close();
  });
}
