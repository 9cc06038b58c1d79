// The source badge as a reader sees it, on three republished stories: the seed page (English
// story on a Chinese farm), the Korean portal and the Japanese matome. After a real toolbar
// click, the closed shadow root (read through CDP, as page scripts cannot) must name the
// original source and the republisher, and show the date warning exactly when the page's
// date and the story's date are more than a day apart.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO, loadFixture, loadOwnFixture, readShadowRoot, useBrowser, waitFor } from "./harness.mjs";

const SHOTS = join(REPO, "target/screenshots");
const DAY = 24 * 3600 * 1000;

const h = useBrowser();

const cases = [
  ["seed-zibo-yonhap", () => loadOwnFixture("seed-zibo-yonhap")],
  ["ko-portal-yonhap", () => loadFixture("ko-portal-yonhap")],
  ["ja-matome-kyodo", () => loadFixture("ja-matome-kyodo")],
];

for (const [name, load] of cases) {
  test(`badge on ${name}: names, republisher, date warning`, { timeout: 60_000 }, async () => {
    const fx = load();
    const { source } = fx.expect;
    h.serve(fx.url, fx.html);
    const page = await h.page();
    await page.goto(fx.url);
    await h.clickAction(page);
    await waitFor(() => page.evaluate(() => document.querySelector("byline-badge") !== null), { what: "the badge" });
    const badge = await readShadowRoot(page, "byline-badge");
    assert.equal(badge?.mode, "closed");
    assert.ok(badge.text.includes(source.original), `${name}: badge names ${source.original}: ${badge.text}`);
    assert.ok(badge.text.includes(source.republisher), `${name}: badge names the republisher ${source.republisher}: ${badge.text}`);
    const apart = Math.abs(Date.parse(source.page_date) - Date.parse(source.story_date)) / DAY;
    if (apart > 1) {
      assert.ok(badge.text.includes("⚠") && badge.text.includes(source.story_date) && badge.text.includes(source.page_date),
        `${name}: dates ${apart} days apart are flagged: ${badge.text}`);
    } else {
      assert.ok(!badge.text.includes("⚠"), `${name}: no warning for dates ${apart} days apart: ${badge.text}`);
    }
    // The badge sits below the headline, never over it.
    const boxes = await page.evaluate(() => {
      const h1 = document.querySelector("h1");
      const b = document.querySelector("byline-badge");
      const r = (e) => e && e.getBoundingClientRect();
      return { h1: r(h1) && { top: r(h1).top, bottom: r(h1).bottom }, badge: { top: r(b).top, bottom: r(b).bottom } };
    });
    if (boxes.h1) assert.ok(boxes.badge.top >= boxes.h1.bottom - 1, `${name}: badge below the headline: ${JSON.stringify(boxes)}`);
    mkdirSync(SHOTS, { recursive: true });
    await page.locator("byline-badge").screenshot({ path: join(SHOTS, `badge-${name}.png`) });
    await page.close();
  });
}
