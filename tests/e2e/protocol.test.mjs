// The protocol's two halves agree: the state names of extension/lib/protocol.js are the
// core's (crates/wasm/src/protocol.rs, through the wasm `states()`), every reason code the
// core can answer with has a message under the name lib/protocol.js looks up, and the
// message guard accepts the shapes it documents and nothing else. Runs in Node: no browser.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { EXTENSION, PKG, requireBuild } from "./harness.mjs";
import { isMessage, MSG, reasonKey, STATE } from "../../extension/lib/protocol.js";

let core;
before(async () => {
  requireBuild({ wasm: true });
  core = await import(join(PKG, "byline.js"));
  core.initSync({ module: readFileSync(join(PKG, "byline_bg.wasm")) });
});

test("the extension's states are the core's, in the same order", () => {
  assert.deepEqual(Object.values(STATE), core.states());
  assert.ok(Object.isFrozen(STATE));
});

test("every reason code has a message in every locale under reasonKey(code)", () => {
  const codes = core.site_config({}, {}, "https://news.example/a.html").reasons;
  assert.ok(codes.length > 20, `the core lists its reason codes: ${codes}`);
  assert.equal(reasonKey("heading_over_links_in_article"), "reasonHeadingOverLinksInArticle");
  for (const lang of ["en", "ja", "ko", "zh_CN"]) {
    const messages = JSON.parse(readFileSync(join(EXTENSION, "_locales", lang, "messages.json"), "utf8"));
    for (const code of codes) assert.ok(messages[reasonKey(code)]?.message, `${lang}: no message for ${code}`);
  }
});

test("the message guard accepts the documented shapes only", () => {
  const good = [
    { type: MSG.core, id: 1, fn: "site_config", args: [] },
    { type: MSG.state, result: { state: STATE.cleaned } },
    { type: MSG.toggle, tabId: 3 },
    { type: MSG.hidden },
    { type: MSG.show, index: 0 },
    { type: MSG.reclean },
  ];
  for (const m of good) assert.ok(isMessage(m), JSON.stringify(m));
  const bad = [null, "byline/hidden", {}, { type: "other" }, { type: MSG.show, index: -1 }, { type: MSG.toggle, tabId: "3" },
    { type: MSG.state, result: null }, { type: MSG.core, id: 1, fn: "f" }, { type: "toString" }];
  for (const m of bad) assert.ok(!isMessage(m), JSON.stringify(m));
});
