// Per-site behaviour end to end: the popup's switches (persisting across reloads and
// browser restarts, and taking effect), auto-clean on an opted-in host only, and a block
// a page adds after load. Every test also checks that the extension asked the network
// for nothing.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  DEFAULT_ACTION_TITLE, EXTENSION, countOccurrences, launch, loadOwnFixture, normalizeText, requireBuild, squash, waitFor,
} from "./harness.mjs";

const seed = loadOwnFixture("seed-zibo-yonhap");
const seedHtml = seed.html.toString("utf8");
const caption = squash(seed.expect.article.repeated_caption);
let scratch;
before(() => {
  requireBuild();
  scratch = mkdtempSync(join(tmpdir(), "byline-site-"));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function actionState(h, page) {
  await page.bringToFront();
  return h.actionState();
}

async function clickAndWait(h, page) {
  await h.clickAction(page);
  const state = await waitFor(async () => {
    const s = await actionState(h, page);
    return s.title !== DEFAULT_ACTION_TITLE ? s : null;
  }, { what: "the click's answer" });
  assert.notEqual(state.text, "!", state.title);
  return state;
}

const switches = (popup) =>
  popup.$$eval("#switches input[type=checkbox]", (inputs) => Object.fromEntries(inputs.map((i) => [i.id.replace("switch-", ""), i.checked])));

async function openPopup(h, tabId, url) {
  const popup = await h.extensionPage(`popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`);
  await popup.waitForSelector("#switch-show_badge");
  return popup;
}

/** Every request that was blocked came from the page itself (its own images, styles). */
function assertOnlyPageRequests(h, origins) {
  for (const r of h.blocked) {
    assert.ok(origins.includes(new URL(r.url).origin), `unexpected request: ${r.url}`);
  }
}

test("popup switches persist across reloads and browser restarts, and take effect", { timeout: 180_000 }, async () => {
  const profile = mkdtempSync(join(scratch, "profile-"));
  let h = await launch({ profile });
  try {
    h.serve(seed.url, seed.html);
    const page = await h.page();
    await page.goto(seed.url);
    const tabId = await h.tabId(page);
    const popup = await openPopup(h, tabId, seed.url);
    assert.deepEqual(await switches(popup), { auto_clean: false, hide_clutter: true, hide_captions: true, show_badge: true });
    assert.match(await popup.textContent("#site"), /www\.zibo-news\.example/);
    await popup.click("#switch-hide_captions");
    await popup.click("#switch-show_badge");
    const stored = () => h.worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings?.sites);
    await waitFor(async () => (await stored())?.["www.zibo-news.example"]?.show_badge === false, { what: "the switches to be saved" });
    await popup.reload();
    await popup.waitForSelector("#switch-show_badge");
    const want = { auto_clean: false, hide_clutter: true, hide_captions: false, show_badge: false };
    assert.deepEqual(await switches(popup), want, "after a reload");
    await popup.close();

    // They take effect: the repeated caption stays, no badge, the clutter still goes.
    const blockedBeforeClick = h.blocked.length;
    await clickAndWait(h, page);
    const text = await page.evaluate(() => document.body.innerText);
    assert.equal(countOccurrences(squash(text), caption), 2, "captions switch off: both copies visible");
    assert.equal(await page.$("byline-badge"), null, "badge switch off: no badge");
    assert.ok(!normalizeText(text).includes("随机为您推荐"), "recommendations still hidden");
    assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");

    // The options page lists the site with the same switches.
    const options = await h.extensionPage("options.html");
    await options.waitForSelector("#sites tbody tr");
    assert.equal(await options.textContent("#sites tbody th"), "www.zibo-news.example");
    await options.close();
    await h.close();

    // A browser restart on the same profile.
    h = await launch({ profile });
    h.serve(seed.url, seed.html);
    const again = await openPopup(h, 1, seed.url);
    assert.deepEqual(await switches(again), want, "after a browser restart");
    assertOnlyPageRequests(h, []);
  } finally {
    await h.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("auto-clean runs on the opted-in host, not on another, and not on a non-article page", { timeout: 180_000 }, async () => {
  // Granting a host permission is a browser prompt that cannot be answered in headless
  // Chromium, so this test loads a copy of the extension whose manifest grants the two
  // test hosts at install. permissions.request() then resolves true at once, and what is
  // under test is the rest: opting in registers the scripts for that host only.
  const dir = join(scratch, "extension");
  cpSync(EXTENSION, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  manifest.host_permissions = ["*://auto.example/*", "*://other.example/*"];
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));

  const h = await launch({ extensionDir: dir });
  try {
    const story = "http://auto.example/html/2024/0922/87410.html";
    const otherStory = "http://other.example/html/2024/0922/87410.html";
    const home = "http://auto.example/";
    const homeHtml = "<!DOCTYPE html><html><head><title>Auto Example</title></head><body><h1>Latest</h1><ul>" +
      Array.from({ length: 12 }, (_, i) => `<li><a href="/html/2024/0922/${i}.html">Headline number ${i} about the news</a></li>`).join("") +
      "</ul><div class=\"footer\">版权声明:本站资源均来自互联网</div></body></html>";
    h.serve(story, seed.html);
    h.serve(otherStory, seed.html);
    h.serve(home, homeHtml);

    const popup = await openPopup(h, 0, story);
    await popup.click("#switch-auto_clean");
    await popup.waitForTimeout(300);
    assert.equal(await popup.isChecked("#switch-auto_clean"), true, await popup.textContent("#notice"));
    const registered = () => h.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches.join(" "), s.runAt]).sort());
    const scripts = await waitFor(async () => {
      const r = await registered();
      return r.length === 2 ? r : null;
    }, { what: "the auto-clean scripts to be registered" });
    assert.deepEqual(scripts, [
      ["byline-auto-auto.example", "*://auto.example/*", "document_idle"],
      ["byline-veil-auto.example", "*://auto.example/*", "document_start"],
    ]);
    await popup.close();

    const page = await h.page();
    await page.goto(story);
    await page.waitForSelector("byline-badge", { state: "attached", timeout: 10_000 });
    const hidden = await page.$$eval("[data-byline-hidden]", (els) => els.length);
    assert.ok(hidden >= 5, `auto-clean hid the clutter (${hidden} blocks)`);
    const state = await waitFor(async () => {
      const s = await actionState(h, page);
      return s.text !== "" ? s : null;
    }, { what: "the toolbar button to show the auto-clean" });
    assert.equal(state.text, String(hidden));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).visibility), "visible", "the veil is lifted");

    await page.goto(otherStory);
    await page.waitForTimeout(2500);
    assert.equal(await page.$$eval("[data-byline-hidden]", (els) => els.length), 0, "another host is not cleaned");
    assert.equal(await page.$("byline-badge"), null);

    await page.goto(home);
    await page.waitForTimeout(2500);
    assert.equal(await page.$$eval("[data-byline-hidden]", (els) => els.length), 0, "a non-article page of the host is left alone");
    assert.equal(await page.$("[data-byline]"), null, "nothing of Byline's stays on it (the veil is gone)");
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).visibility), "visible");

    // Opting out unregisters the scripts.
    const popup2 = await openPopup(h, 0, story);
    await popup2.click("#switch-auto_clean");
    await waitFor(async () => (await registered()).length === 0, { what: "the scripts to be unregistered" });
    await popup2.close();
    assertOnlyPageRequests(h, ["http://auto.example", "http://other.example"]);
  } finally {
    await h.close();
  }
});

test("a recommendation block added 2 s after load is hidden", { timeout: 120_000 }, async () => {
  const h = await launch();
  try {
    const late = `<script>
      setTimeout(() => {
        const d = document.createElement("div");
        d.id = "late-recs";
        d.innerHTML = "<h3>相关推荐</h3><ul>" + [1, 2, 3, 4, 5].map((i) =>
          '<li><a href="/html/2024/0922/8' + i + '.html">推荐文章标题 ' + i + ' 新闻内容</a></li>').join("") + "</ul>";
        document.body.appendChild(d);
      }, 2000);
    </script>`;
    h.serve(seed.url, seedHtml.replace("</body>", `${late}</body>`));
    const page = await h.page();
    await page.goto(seed.url);
    const blockedBeforeClick = h.blocked.length;
    const first = await clickAndWait(h, page);
    assert.equal(await page.$("#late-recs"), null, "the block is not there yet at the click");
    await page.waitForSelector("#late-recs", { state: "attached", timeout: 5_000 });
    await page.waitForSelector("#late-recs[data-byline-hidden=recommendations]", { state: "attached", timeout: 5_000 });
    assert.equal(await page.$eval("#late-recs", (e) => getComputedStyle(e).display), "none");
    const later = await waitFor(async () => {
      const s = await actionState(h, page);
      return s.text !== first.text ? s : null;
    }, { what: "the toolbar count to include the late block" });
    assert.equal(Number(later.text), Number(first.text) + 1);
    assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");
  } finally {
    await h.close();
  }
});
