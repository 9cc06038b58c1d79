// The core runs in the extension's worker, shared by every tab (lib/core.js). Chromium stops
// an idle worker after 30 s; the content script's port to it then closes, and the next
// clean must start the worker again instead of failing or falling back for good.

import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_ACTION_TITLE, liveWorker, loadOwnFixture, stopServiceWorkers, useBrowser, waitFor } from "./harness.mjs";
import { MSG, STATE } from "../../extension/lib/protocol.js";

const h = useBrowser();

async function buttonText() {
  const worker = await liveWorker(h.context, h.extensionId);
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  });
}

// What the popup would show for the active tab: {state, via, timing, items}.
async function details() {
  const worker = await liveWorker(h.context, h.extensionId);
  return worker.evaluate(async (type) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, { type });
  }, MSG.hidden);
}

async function click(page, want) {
  await h.clickAction(page);
  return waitFor(async () => {
    const s = await buttonText();
    return want(s) ? s : null;
  }, { what: "the click's answer" });
}

test("cleans through the worker, and again after Chromium stopped the idle worker", { timeout: 120_000 }, async () => {
  const fx = loadOwnFixture("seed-zibo-yonhap");
  h.serve(fx.url, fx.html);
  const page = await h.page();
  await page.goto(fx.url);

  const first = await click(page, (s) => s.title !== DEFAULT_ACTION_TITLE);
  assert.match(first.text, /^[1-9]\d*$/, first.title);
  const d = await details();
  assert.equal(d.state, STATE.cleaned);
  assert.equal(d.via, "worker", "the core answered from the worker");
  for (const k of ["snapshot", "analyze", "core", "apply"]) {
    assert.ok(typeof d.timing[k] === "number" && d.timing[k] >= 0, `timing.${k}: ${JSON.stringify(d.timing)}`);
  }
  assert.ok(d.timing.core <= d.timing.analyze, "the core's own time is part of the round trip");

  await click(page, (s) => s.title === DEFAULT_ACTION_TITLE); // restore
  await stopServiceWorkers(h.context, page);

  // The click starts the worker again; the content script's old port is closed, so its
  // core call opens a new one to the new worker.
  const again = await click(page, (s) => s.title !== DEFAULT_ACTION_TITLE);
  assert.equal(again.text, first.text, again.title);
  const d2 = await details();
  assert.equal(d2.state, STATE.cleaned);
  assert.equal(d2.via, "worker", "still the worker, not the page's fallback");
  assert.deepEqual(d2.items.map((i) => i.kind), d.items.map((i) => i.kind), "the same blocks hidden");
});
