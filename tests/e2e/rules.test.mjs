// Site rules end to end: written on the options page, checked as you type, stored, applied
// by a toolbar click; the rules file imported and exported byte for byte.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DEFAULT_ACTION_TITLE, launch, loadOwnFixture, normalizeText, requireBuild, clickAndWait, waitFor } from "./harness.mjs";

const seed = loadOwnFixture("seed-zibo-yonhap");
let h;
let scratch;
before(async () => {
  requireBuild();
  h = await launch();
  scratch = mkdtempSync(join(tmpdir(), "byline-rules-"));
});
after(async () => {
  await h?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});


async function writeRules(options, text) {
  // As if typed (one input event); page.fill is too slow for very long texts.
  await options.$eval("#rules", (el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    document.getElementById("saved").textContent = "";
  }, text);
  await options.click("#save");
  await options.waitForFunction(() => document.getElementById("saved").textContent !== "");
}

test("a ## rule hides, a #@# rule protects, a malformed rule shows its error and keeps its line", { timeout: 90_000 }, async () => {
  const options = await h.extensionPage("options.html");
  const rules = [
    "! my rules",
    "www.zibo-news.example##.hdc", // the site header: not clutter to the core, hidden by rule
    "zibo-news.example#@#.friendLink", // the friend links: clutter to the core, protected
    "this line is not a rule",
    "other.example##.mn", // another site: must not apply
    "##p:frobnicate", // well-formed to the core, but no CSS the browser knows
  ].join("\n");
  await writeRules(options, rules);
  // The check runs as you type (debounced), so wait for its answer.
  await options.waitForFunction(() => document.querySelectorAll("#diagnostics li").length > 0);
  const diagnostics = await options.$$eval("#diagnostics li", (lis) => lis.map((li) => ({ line: li.dataset.line, text: li.textContent })));
  assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
  assert.equal(diagnostics[0].line, "4");
  assert.match(diagnostics[0].text, /this line is not a rule/);
  assert.match(diagnostics[0].text, /host##selector/, "the message says what a rule looks like");
  assert.equal(diagnostics[1].line, "6");
  assert.match(diagnostics[1].text, /cannot use this CSS selector.*p:frobnicate/);
  // Kept: after a reload the stored text still has the lines.
  await options.reload();
  await options.waitForFunction(() => document.getElementById("diagnostics").children.length === 2);
  assert.equal(await options.inputValue("#rules"), rules, "the malformed line is kept in the stored rules");
  await options.close();

  h.serve(seed.url, seed.html);
  const page = await h.page();
  await page.goto(seed.url);
  const before = normalizeText(await page.evaluate(() => document.body.innerText));
  assert.ok(before.includes("友情链接") && before.includes("潍坊新闻网"));
  const blockedBeforeClick = h.blocked.length;
  const state = await clickAndWait(h, page);
  assert.match(state.text, /^[1-9][0-9]*$/);

  const marks = await page.$$eval("[data-byline-hidden]", (els) => els.map((e) => [e.className, e.getAttribute("data-byline-hidden")]));
  assert.ok(marks.some(([cls, kind]) => cls === "hdc cl" && kind === "site_rule"), `the ## rule hid .hdc: ${JSON.stringify(marks)}`);
  assert.equal(await page.$eval(".hdc", (e) => getComputedStyle(e).display), "none");
  assert.ok(!marks.some(([cls]) => /friendLink/.test(cls)), "the #@# rule kept the friend links");
  const after = normalizeText(await page.evaluate(() => document.body.innerText));
  assert.ok(after.includes("友情链接") && after.includes("潍坊新闻网"), "friend links still visible");
  assert.ok(!after.includes("随机为您推荐"), "other clutter is still hidden");
  assert.ok(await page.$eval(".mn", (e) => !e.hasAttribute("data-byline-hidden")), "another site's rule does not apply");
  assert.deepEqual(h.blocked.slice(blockedBeforeClick), [], "no request after the click");

  await h.clickAction(page); // restore, so later tests start from a clean tab
  await waitFor(async () => (await h.actionState()).title === DEFAULT_ACTION_TITLE, { what: "the restore" });
});

test("import → export round-trips the rules file byte for byte", { timeout: 60_000 }, async () => {
  // A BOM, CRLF and LF line ends, CJK, a malformed line, no newline at the end.
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from("! 我的规则\r\nwww.zibo-news.example##.bm_h\r\nnews.example#@#.keep\nnot a rule at all\r\n##div[data-x=\"推荐\"]", "utf8"),
  ]);
  const file = join(scratch, "rules-in.txt");
  writeFileSync(file, bytes);
  const options = await h.extensionPage("options.html");
  const blockedBefore = h.blocked.length;
  await options.setInputFiles("#import-file", file);
  await options.waitForFunction(() => document.getElementById("diagnostics").children.length === 1);
  assert.equal(await options.$eval("#diagnostics li", (li) => li.dataset.line), "4");
  // Export from what was stored, after a reload.
  await options.reload();
  await options.waitForFunction(() => document.getElementById("rules").value.includes("not a rule"));
  const [download] = await Promise.all([options.waitForEvent("download"), options.click("#export")]);
  const out = join(scratch, "rules-out.txt");
  await download.saveAs(out);
  assert.deepEqual(readFileSync(out), bytes, "exported bytes equal imported bytes");
  assert.deepEqual(h.blocked.slice(blockedBefore), [], "no network request");
  await options.close();
});

test("rules too large for storage.sync are kept locally with a visible note", { timeout: 60_000 }, async () => {
  const options = await h.extensionPage("options.html");
  const big = Array.from({ length: 7000 }, (_, i) => `site${i}.example##.block-${i}`).join("\n");
  await writeRules(options, big);
  await options.waitForFunction(() => !document.getElementById("notice").hidden);
  assert.match(await options.textContent("#notice"), /this browser only/);
  const where = await h.worker.evaluate(async () => ({
    sync: await chrome.storage.sync.get(null),
    local: Object.keys(await chrome.storage.local.get(null)).length,
  }));
  assert.deepEqual(where.sync, { settings: { schema: 2, location: "local" } });
  assert.ok(where.local > 1);
  await options.reload();
  await options.waitForFunction(() => document.getElementById("rules").value.length > 100);
  assert.equal(await options.inputValue("#rules"), big, "the large rules load back");
  await writeRules(options, ""); // back to sync for the other tests
  await options.close();
});

test("corrupt stored settings reset with a visible notice", { timeout: 60_000 }, async () => {
  await h.worker.evaluate(() => chrome.storage.sync.set({ settings: { schema: 2, rules_chunks: 3 } }));
  const options = await h.extensionPage("options.html");
  await options.waitForFunction(() => !document.getElementById("notice").hidden);
  assert.match(await options.textContent("#notice"), /reset/);
  assert.equal(await options.inputValue("#rules"), "");
  await options.close();
  await h.worker.evaluate(() => chrome.storage.sync.clear());
});

test("settings stored by schema 1 are migrated and used", { timeout: 60_000 }, async () => {
  await h.worker.evaluate(() => chrome.storage.sync.set({
    settings: { schema: 1, rules: "x.example##.a\r\nnot a rule", sites: { "x.example": { hide_captions: false } } },
  }));
  const options = await h.extensionPage("options.html");
  await options.waitForFunction(() => document.getElementById("diagnostics").children.length === 1);
  assert.equal(await options.inputValue("#rules"), "x.example##.a\nnot a rule", "the schema-1 rules are shown");
  assert.equal(await options.$eval("#notice", (n) => n.hidden), true, "a migration is not an error");
  assert.equal(await options.textContent("#sites tbody th"), "x.example");
  // The next save writes schema 2.
  await options.click("#save");
  await waitFor(async () => (await h.worker.evaluate(() => chrome.storage.sync.get("settings"))).settings.schema === 2, { what: "schema 2" });
  const stored = await h.worker.evaluate(() => chrome.storage.sync.get(null));
  assert.equal(stored["rules.0"], "x.example##.a\r\nnot a rule", "the text is kept exactly (CRLF included)");
  await options.close();
  await h.worker.evaluate(() => chrome.storage.sync.clear());
});
