// Shared pieces of the browser tests: Debian's Chromium driven by playwright-core, the
// extension loaded unpacked, fixture pages served at their notional URLs from memory, and
// every other request blocked and recorded so a test can prove nothing left the machine.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// The dev corpora, read only by the corpus-scale run (scripts/eval/check-corpus.sh).
export const SHARED = resolve(process.env.BYLINE_SHARED ?? join(REPO, "../shared"));
// The aggregator pages, bundled (tests/fixtures/aggregator/README.md).
export const FIXTURES = join(REPO, "tests/fixtures/aggregator");
export const EXTENSION = join(REPO, "extension");
export const PKG = join(EXTENSION, "pkg");
export const CLI = join(REPO, "target/release/byline");
export const CHROMIUM = process.env.BYLINE_CHROMIUM ?? "/usr/bin/chromium";

// The title background.js gives the toolbar button when the page is not cleaned.
export const DEFAULT_ACTION_TITLE = "Byline: clean this page";

/** Fails early, with the command to run, when the build outputs a test needs are missing. */
export function requireBuild({ wasm = true, cli = false } = {}) {
  const missing = [];
  if (wasm && !existsSync(join(PKG, "byline.js"))) missing.push(join(PKG, "byline.js"));
  if (wasm && !existsSync(join(PKG, "byline_bg.wasm"))) missing.push(join(PKG, "byline_bg.wasm"));
  if (cli && !existsSync(CLI)) missing.push(CLI);
  if (missing.length) throw new Error(`missing ${missing.join(", ")}: run scripts/build.sh first`);
}

export function fixtureNames() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".expect.json"))
    .map((f) => f.slice(0, -".expect.json".length))
    .sort();
}

/** {name, path, html, expect, url} for one aggregator fixture. */
export function loadFixture(name) {
  const path = join(FIXTURES, `${name}.html`);
  const expect = JSON.parse(readFileSync(join(FIXTURES, `${name}.expect.json`), "utf8"));
  return { name, path, html: readFileSync(path), expect, url: expect.url };
}

/** {name, path, html, expect, url} for one of our own fixtures: tests/fixtures/<name>/. */
export function loadOwnFixture(name) {
  const dir = join(REPO, "tests/fixtures", name);
  const path = join(dir, "page.html");
  const expect = JSON.parse(readFileSync(join(dir, "expect.json"), "utf8"));
  return { name, path, html: readFileSync(path), expect, url: expect.url };
}

/**
 * One browser for a whole test file: built outputs checked and Chromium launched before
 * the file's tests, closed after them. Returns the harness (valid once the tests run).
 */
export function useBrowser(options = {}, { cli = false } = {}) {
  let h = null;
  before(async () => {
    requireBuild({ wasm: true, cli });
    h = await launch(options);
  });
  after(async () => {
    await h?.close();
  });
  return new Proxy({}, {
    get(_, key) {
      if (!h) throw new Error("the browser is not running (use the harness inside a test)");
      const value = h[key];
      return typeof value === "function" ? value.bind(h) : value;
    },
  });
}

/** Clicks the toolbar button and waits for its answer; fails if the extension reports an error. */
export async function clickAndWait(h, page) {
  await h.clickAction(page);
  const state = await waitFor(async () => {
    const s = await h.actionState();
    return s.title !== DEFAULT_ACTION_TITLE ? s : null;
  }, { what: "the click's answer" });
  if (state.text === "!") throw new Error(`the extension reported an error: ${state.title}`);
  return state;
}

/** Runs the native CLI and returns its stdout. */
export function runCli(args) {
  return execFileSync(CLI, args, { encoding: "utf8", maxBuffer: 64 << 20 });
}

const CONTENT_TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
};

/**
 * Starts Chromium with a fresh profile. With `extension: true` (the default) the unpacked
 * extension is loaded and its service worker and id are found.
 *
 * Every request goes through one route: URLs registered with serve()/serveDir() are
 * answered from memory or disk, chrome-extension:// requests (the content script loading
 * pkg/*) continue, and anything else is aborted and appended to `blocked`.
 */
export async function launch({ extension = true, profile = null, extensionDir = EXTENSION } = {}) {
  // A given profile directory is reused (browser restarts) and left for the caller to remove.
  const ownProfile = !profile;
  profile ??= mkdtempSync(join(tmpdir(), "byline-profile-"));
  const args = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ];
  if (extension) {
    args.push("--enable-unsafe-extension-debugging",
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the real switch is --headless=new above: extensions need the new mode
    args,
    viewport: { width: 1280, height: 900 },
  });

  const pages = new Map(); // url -> {body, contentType}
  const dirs = []; // [{prefix, dir}]
  const blocked = [];
  const served = [];
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith("chrome-extension://")) return route.continue();
    const page = pages.get(url);
    if (page) {
      served.push(url);
      return route.fulfill({ status: 200, contentType: page.contentType, headers: page.headers, body: page.body });
    }
    for (const { prefix, dir } of dirs) {
      if (url.startsWith(prefix)) {
        const file = resolve(dir, decodeURIComponent(new URL(url).pathname.slice(new URL(prefix).pathname.length)));
        if (file.startsWith(dir + "/") && existsSync(file)) {
          served.push(url);
          return route.fulfill({
            status: 200,
            contentType: CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
            body: readFileSync(file),
          });
        }
      }
    }
    blocked.push({ url, method: request.method(), type: request.resourceType() });
    return route.abort("blockedbyclient");
  });

  let worker = null;
  let extensionId = null;
  if (extension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))
      ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }

  const harness = {
    context,
    worker,
    extensionId,
    /** Requests that were aborted, in order: [{url, method, type}]. */
    blocked,
    /** URLs answered by serve()/serveDir(), in order. */
    served,

    serve(url, body, { contentType = "text/html; charset=utf-8", headers = {} } = {}) {
      pages.set(url, { body, contentType, headers });
    },

    /** Answers every URL under `prefix` (an absolute URL ending in /) with files of `dir`. */
    serveDir(prefix, dir) {
      dirs.push({ prefix, dir: resolve(dir) });
    },

    /** The first tab of the profile (reused so the test page is the active tab). */
    async page() {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.bringToFront();
      return page;
    },

    /** Clicks the extension's toolbar button for `page`, like a user would. */
    clickAction(page) {
      return clickToolbar(context, extensionId, page);
    },

    /** {text, title} of the toolbar button in the active tab, read in the service worker. */
    async actionState() {
      return worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return {
          text: await chrome.action.getBadgeText({ tabId: tab.id }),
          title: await chrome.action.getTitle({ tabId: tab.id }),
        };
      });
    },

    /** Opens one of the extension's own pages (options.html, popup.html?…) in a new tab. */
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },

    /** The id of the browser tab showing `page` (for popup.html?tab=…). */
    async tabId(page) {
      const url = page.url();
      return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, url);
    },

    async close() {
      await context.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Clicks extension `extensionId`'s toolbar button for `page` (CDP), like a user would. */
export async function clickToolbar(context, extensionId, page) {
  const cdp = await context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * The extension's live service worker: a stopped worker's handle is dead and a restarted
 * one is a new handle (Playwright keeps listing the old one), so the newest that answers.
 */
export function liveWorker(context, extensionId) {
  return waitFor(async () => {
    const ours = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    for (const w of ours.reverse()) {
      if (await w.evaluate(() => true).catch(() => false)) return w;
    }
    return null;
  }, { what: "the extension's worker", interval: 50 });
}

/** Stops the extension's service worker now, as Chromium does after 30 s idle. */
export async function stopServiceWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  const browser = await context.browser().newBrowserCDPSession();
  try {
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await waitFor(async () => {
      const { targetInfos } = await browser.send("Target.getTargets");
      return !targetInfos.some((t) => t.type === "service_worker") || null;
    }, { what: "the worker to stop", interval: 25 });
  } finally {
    await cdp.detach();
    await browser.detach();
  }
}

/** Polls `probe` until it returns a truthy value; returns that value or throws after `timeout` ms. */
export async function waitFor(probe, { timeout = 20_000, interval = 100, what = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** '<!DOCTYPE …>' + document.documentElement.outerHTML of the page's main frame. */
export function serializePage(page) {
  return page.evaluate(() => {
    const d = document.doctype;
    return (d ? new XMLSerializer().serializeToString(d) : "") + document.documentElement.outerHTML;
  });
}

/**
 * Reads a shadow root of the first `<hostTag>` element through CDP, which reaches closed
 * roots too. User-agent roots (those of <img>, <input>…) are skipped. Returns
 * {mode, text} with the root's text (style sheets left out, whitespace collapsed), or null
 * when the host or its root is missing.
 */
export async function readShadowRoot(page, hostTag) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const host = findNode(root, (n) => n.nodeType === 1 && n.localName === hostTag);
    const shadow = host?.shadowRoots?.find((r) => r.shadowRootType !== "user-agent");
    if (!shadow) return null;
    const parts = [];
    collectText(shadow, parts);
    return { mode: shadow.shadowRootType, text: parts.join(" ").replace(/\s+/g, " ").trim() };
  } finally {
    await cdp.detach();
  }
}

function children(node) {
  return [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
}

function findNode(node, test) {
  if (test(node)) return node;
  for (const child of children(node)) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

function collectText(node, parts) {
  if (node.nodeType === 3) parts.push(node.nodeValue);
  if (node.nodeType === 1 && (node.localName === "style" || node.localName === "script")) return;
  for (const child of node.children ?? []) collectText(child, parts);
  for (const root of node.shadowRoots ?? []) if (root.shadowRootType !== "user-agent") collectText(root, parts);
}

/** NFKC, case-folded, whitespace collapsed: how the fixture scorer compares snippets. */
export function normalizeText(s) {
  return (s ?? "").normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** normalizeText without any whitespace, punctuation or symbol: for counting captions. */
export function squash(s) {
  return normalizeText(s).replace(/[\s\p{P}\p{S}]/gu, "");
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack, needle) {
  if (!needle) throw new Error("empty needle");
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}
