// The element picker and single-page-app navigations, end to end.

import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_ACTION_TITLE, loadOwnFixture, clickAndWait, useBrowser, waitFor } from "./harness.mjs";

const seed = loadOwnFixture("seed-zibo-yonhap");
const h = useBrowser();


test("the picker writes a host##selector rule for the picked block, says so, and hides it", { timeout: 90_000 }, async () => {
  h.serve(seed.url, seed.html);
  const page = await h.page();
  await page.goto(seed.url);
  await clickAndWait(h, page); // the click grants activeTab, as the context menu does
  assert.equal(await page.$eval("#scbar", (e) => e.hasAttribute("data-byline-hidden")), false);
  const blockedBefore = h.blocked.length;
  const tabId = await h.tabId(page);
  await h.worker.evaluate((tabId) => chrome.scripting.executeScript({ target: { tabId }, files: ["pick.js"] }), tabId);
  await page.waitForSelector("[data-byline=picker]", { state: "attached" });
  const box = await page.$eval("#scbar_txt", (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.keyboard.press("ArrowUp"); // from the input to its form
  await page.keyboard.press("ArrowUp"); // … to the search bar block, #scbar
  await page.keyboard.press("Enter");
  const rules = await waitFor(async () => {
    const items = await h.worker.evaluate(() => chrome.storage.sync.get(null));
    const text = Object.keys(items).filter((k) => k.startsWith("rules.")).sort().map((k) => items[k]).join("");
    return text || null;
  }, { what: "the picked rule to be saved" });
  assert.equal(rules, "www.zibo-news.example###scbar\n");
  await page.waitForSelector("#scbar[data-byline-hidden=site_rule]", { state: "attached", timeout: 5_000 });
  assert.equal(await page.$("[data-byline=picker]"), null, "the picker is gone");
  const toast = await page.$("byline-toast");
  assert.ok(toast, "a message says which rule was written");
  assert.deepEqual(h.blocked.slice(blockedBefore), [], "no request");
  await h.worker.evaluate(() => chrome.storage.sync.clear());
});

test("the popup lists what was hidden and why; Show again brings one block back", { timeout: 90_000 }, async () => {
  h.serve(seed.url, seed.html);
  const page = await h.page();
  await page.goto(seed.url);
  const cleaned = await clickAndWait(h, page);
  const tabId = await h.tabId(page);
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}&url=${encodeURIComponent(seed.url)}`);
  await popup.waitForSelector("#hidden li");
  const items = await popup.$$eval("#hidden li", (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, Number(cleaned.text), "one entry per hidden block");
  const friend = items.findIndex((t) => t.includes("friend links") && t.includes("友情链接"));
  assert.ok(friend >= 0, `the friend links are listed with their reason: ${items.join(" | ")}`);
  const button = (await popup.$$("#hidden li button"))[friend];
  assert.match(await button.getAttribute("aria-label"), /友情链接/, "the button says which block it shows");
  await button.click();
  await popup.waitForFunction((i) => document.querySelectorAll("#hidden li button")[i].disabled, friend);
  await page.bringToFront();
  await waitFor(async () => (await h.actionState()).text === String(Number(cleaned.text) - 1), { what: "the count to drop by one" });
  assert.ok((await page.evaluate(() => document.body.innerText)).includes("潍坊新闻网"), "the friend links are visible again");
  await popup.close();
  await h.clickAction(page);
  await waitFor(async () => (await h.actionState()).title === DEFAULT_ACTION_TITLE, { what: "the restore" });
});

test("an SPA navigation re-runs detection", { timeout: 90_000 }, async () => {
  const url = "http://spa.example/html/2024/0922/87410.html";
  h.serve(url, seed.html);
  const page = await h.page();
  await page.goto(url);
  const first = await clickAndWait(h, page);
  assert.match(first.text, /^[1-9]/);
  const blockedBefore = h.blocked.length;
  // The app switches to its front page: a list of headlines, no article.
  await page.evaluate(() => {
    history.pushState({}, "", "/");
    document.body.innerHTML = "<h1>Latest</h1><ul>" +
      Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}.html">Headline number ${i} about the news</a></li>`).join("") + "</ul>";
  });
  await waitFor(async () => (await h.actionState()).title === DEFAULT_ACTION_TITLE, { what: "the button to reset on the new view" });
  assert.equal(await page.$("[data-byline-hidden]"), null);
  assert.equal(await page.$("byline-badge"), null);
  // And back to an article view: it is detected and cleaned again.
  const article = seed.html.toString("utf8").match(/<body[^>]*>([\s\S]*)<\/body>/)[1];
  await page.evaluate((html) => {
    history.pushState({}, "", "/html/2024/0922/87411.html");
    document.body.innerHTML = html;
  }, article);
  // Nothing to click: the page was cleaned when it navigated, so the new view is cleaned too.
  await waitFor(async () => /^[1-9]/.test((await h.actionState()).text), { what: "the new article view to be cleaned" });
  await page.waitForSelector("byline-badge", { state: "attached" });
  assert.ok((await page.$$("[data-byline-hidden]")).length >= 5);
  assert.deepEqual(h.blocked.filter((r, i) => i >= blockedBefore && new URL(r.url).origin !== "http://spa.example"), [], "no request but the page's own");
});
