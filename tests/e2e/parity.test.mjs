// Parity between the two page adapters of the Rust core: the wasm build planning from a
// snapshot of the live DOM in Chromium (the extension's own path: snapshot.js, then the
// core's `plan_snapshot` over the same decoding as `analyze_snapshot`) and the native CLI
// parsing HTML must produce the same plan for the same document. The browser's document is serialised after the page has loaded (its inline
// scripts have run) and the CLI plans that serialisation.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PKG, fixtureNames, launch, loadFixture, requireBuild, runCli, serializePage } from "./harness.mjs";

// Where the wasm-bindgen output is served on each fixture's own host.
const PKG_PATH = "/__byline_test_pkg__/";

let h;
let scratch;
before(async () => {
  requireBuild({ wasm: true, cli: true });
  h = await launch({ extension: false });
  scratch = mkdtempSync(join(tmpdir(), "byline-parity-"));
});
after(async () => {
  await h?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// Loads extension/pkg (the core and the snapshot walker) into the page's main world through
// a module script, waits for init, then removes the script element so the analysed
// document is the page's own.
async function loadCore(page, base) {
  const error = await page.evaluate(async (base) => {
    const done = new Promise((resolve) => {
      addEventListener("byline-test-ready", () => resolve(null), { once: true });
      addEventListener("byline-test-error", (e) => resolve(e.detail), { once: true });
    });
    const script = document.createElement("script");
    script.type = "module";
    script.textContent = `
      try {
        const mod = await import(${JSON.stringify(base + "byline.js")});
        await mod.default({ module_or_path: ${JSON.stringify(base + "byline_bg.wasm")} });
        const { snapshot_document } = await import(${JSON.stringify(base + "snapshot.js")});
        window.__bylineTest = { core: mod, snapshot_document };
        dispatchEvent(new Event("byline-test-ready"));
      } catch (e) {
        dispatchEvent(new CustomEvent("byline-test-error", { detail: String(e && e.stack || e) }));
      }`;
    document.head.appendChild(script);
    const result = await done;
    script.remove();
    return result;
  }, base);
  if (error) throw new Error(`loading the wasm core failed: ${error}`);
}

// The wasm plan of the live document, as the extension gets there: the site configuration
// for the URL (with \`rules\` saved as the user's rules text, through the core's own storage
// format), one snapshot matching the host's rule selectors, then \`plan_snapshot\`.
function wasmPlan(page, url, rules = null) {
  return page.evaluate(([url, rules]) => {
    const { core, snapshot_document } = window.__bylineTest;
    const saved = rules === null ? { sync: {}, local: {} } : core.save_settings({ rules, sites: {} });
    const config = core.site_config(saved.sync, saved.local, url);
    const snap = snapshot_document(config.opaque, config.attrs, config.full, config.rules.map((r) => r.selector));
    return core.plan_snapshot(snap, { url, rules: config.rules });
  }, [url, rules]);
}

// Rules that exercise the selector engines: per-host and every-site rules, keep rules,
// attribute operators, structural pseudo-classes, :not(), combinators, a malformed line.
function parityRules(host) {
  return [
    "! parity rules",
    `${host}##h3`,
    `${host}#@#ul > li:last-child`,
    "##[class*=\"foot\"], [id$=\"ft\"]",
    "##li:nth-child(2n+1) > a[href$=\".html\"]:not([title])",
    "##div > p:first-child:last-child",
    "##.friendLink ~ div",
    "other.example##p",
    "#@#[id*=\"friend\" i]",
    "##div[broken",
  ].join("\n") + "\n";
}

// True when the fixture has a script the browser would run (JSON-LD and the like do not count).
function hasExecutableScript(html) {
  for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (!type || type === "module" || /(^|\/)(x-)?(java|ecma)script$/.test(type)) return true;
  }
  return false;
}

describe("wasm plan_snapshot in Chromium equals byline plan on the same document", () => {
  const ruleHits = []; // fixtures where the rules hid something (so the rule parity is not vacuous)
  for (const name of fixtureNames()) {
    test(name, { timeout: 60_000 }, async (t) => {
      const fx = loadFixture(name);
      const base = new URL(PKG_PATH, fx.url).href;
      h.serve(fx.url, fx.html);
      h.serveDir(base, PKG);
      const page = await h.context.newPage();
      try {
        await page.goto(fx.url);
        const scripts = () => page.evaluate(() => document.scripts.length);
        const scriptsBefore = await scripts();
        await loadCore(page, base);
        assert.equal(await scripts(), scriptsBefore, "the loader script is gone before analysis");
        const before = await serializePage(page);
        const wasmPlainPlan = await wasmPlan(page, fx.url);
        assert.equal(typeof wasmPlainPlan, "string");
        assert.equal(await serializePage(page), before, "planning does not change the page");

        const live = join(scratch, `${name}.live.html`);
        writeFileSync(live, before);
        const nativePlan = runCli(["plan", live, "--url", fx.url]);
        assert.deepStrictEqual(JSON.parse(wasmPlainPlan), JSON.parse(nativePlan));

        // With site rules: the browser's querySelectorAll and scraper must match the same
        // elements, and the core must decide the same from them.
        const rules = parityRules(new URL(fx.url).hostname);
        const rulesFile = join(scratch, `${name}.rules.txt`);
        writeFileSync(rulesFile, rules);
        const wasmRuled = JSON.parse(await wasmPlan(page, fx.url, rules));
        const nativeRuled = JSON.parse(runCli(["plan", live, "--url", fx.url, "--rules", rulesFile]));
        assert.deepStrictEqual(wasmRuled, nativeRuled, "the same plan with site rules");
        if (wasmRuled.hidden.some((h) => h.kind === "site_rule")) ruleHits.push(name);

        // The fixture file itself: the same plan unless the page's scripts changed the DOM.
        const filePlan = JSON.parse(runCli(["plan", fx.path, "--url", fx.url]));
        if (hasExecutableScript(fx.html.toString("utf8"))) {
          try {
            assert.deepStrictEqual(JSON.parse(wasmPlainPlan), filePlan);
          } catch {
            t.diagnostic(`${name}: the plan of the fixture file differs from the live page's (the page runs scripts)`);
          }
        } else {
          assert.deepStrictEqual(JSON.parse(wasmPlainPlan), filePlan, "a page without scripts plans the same from its file");
        }
      } finally {
        await page.close();
      }
    });
  }
  test("the parity rules hid blocks on most fixtures", () => {
    assert.ok(ruleHits.length >= fixtureNames().length / 2, `site_rule hides on: ${ruleHits.join(", ")}`);
  });
});
