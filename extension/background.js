// Byline's background script (a module service worker in Chrome, an event page in Firefox).
//
// It decides nothing about pages. It:
//  - runs content.js in the tab on a toolbar click (or the Alt+Shift+B shortcut) and shows
//    the answer on the toolbar button (hidden-block count as badge text, a summary as title);
//  - offers the action's context menu: site settings and hidden blocks (popup.html in a
//    small window), the element picker, the options page;
//  - runs the Rust core for the content scripts: one instance, shared by every tab and kept
//    warm, receives their page snapshots and returns the plans (lib/core.js);
//  - keeps one registered content script per host the user opted into auto-cleaning.
// It makes no network requests: the wasm is fetched from the extension's own package.

import init, * as core from "./pkg/byline.js";
import { isMessage, MSG, PORT_NAME, STATE } from "./lib/protocol.js";

const BADGE_COLOUR = "#1f3a5f";
const ERROR_COLOUR = "#b3261e";
// Waits (ms) before retrying an injection refused for want of host permission (see runInTab).
const PERMISSION_RETRIES = [50, 150, 400];
const NOT_YET_GRANTED = /cannot access contents of|missing host permission/i;
// Core functions a content script may ask the worker to run.
const CORE_CALLS = new Set(["site_config", "analyze_snapshot", "pick_selector", "add_hide_rule", "save_settings", "load_settings"]);
const MENU = { details: "byline-details", pick: "byline-pick", options: "byline-options" };
const AUTO_PREFIX = "byline-auto-";
const VEIL_PREFIX = "byline-veil-";

const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

let ready = null;
let trapped = null; // why the worker's core instance may no longer be used
function loadCore() {
  ready ??= init({ module_or_path: chrome.runtime.getURL("pkg/byline_bg.wasm") });
  return ready;
}

// The worker mostly starts because of a click or a content script's first call: compile
// the wasm and build the lexicon automata now, while the content script is injected and
// takes its snapshot, rather than after its message arrives.
loadCore()
  .then(() => core.prepare())
  .catch((e) => console.error("Byline: loading the core:", errorText(e)));

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined || tab.id === chrome.tabs.TAB_ID_NONE) return;
  toggleTab(tab.id).catch((e) => console.error("Byline:", e));
});

chrome.runtime.onInstalled.addListener(() => {
  setUpMenus();
  syncAutoClean().catch((e) => console.error("Byline: auto-clean registrations:", e));
});
chrome.runtime.onStartup.addListener(() => {
  syncAutoClean().catch((e) => console.error("Byline: auto-clean registrations:", e));
});
chrome.storage.onChanged.addListener(() => {
  syncAutoClean().catch((e) => console.error("Byline: auto-clean registrations:", e));
});
chrome.permissions.onRemoved?.addListener(() => {
  syncAutoClean().catch((e) => console.error("Byline: auto-clean registrations:", e));
});

function setUpMenus() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU.details, title: t("menuDetails"), contexts: ["action"] });
    chrome.contextMenus.create({ id: MENU.pick, title: t("menuPick"), contexts: ["action"] });
    chrome.contextMenus.create({ id: MENU.options, title: t("menuOptions"), contexts: ["action"] });
  });
}

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU.options) {
    chrome.runtime.openOptionsPage();
  } else if (info.menuItemId === MENU.details && tab?.id !== undefined) {
    openDetails(tab).catch((e) => console.error("Byline:", e));
  } else if (info.menuItemId === MENU.pick && tab?.id !== undefined) {
    runInTab(tab.id, "pick.js").then((r) => r.state === STATE.error && show(tab.id, r));
  }
});

// The popup (per-site switches and the hidden list) in a small window of its own, so a
// click on the toolbar button itself always cleans.
async function openDetails(tab) {
  const url = new URL(chrome.runtime.getURL("popup.html"));
  url.searchParams.set("tab", String(tab.id));
  if (tab.url) url.searchParams.set("url", tab.url);
  await chrome.windows.create({ url: url.href, type: "popup", width: 420, height: 600 });
}

async function toggleTab(tabId) {
  await show(tabId, await runInTab(tabId, "content.js"));
}

// Runs a script file in the tab's top frame and returns its answer, or an
// {state: STATE.error} object when the page cannot be scripted (chrome://, the web store,
// PDF viewer, a tab closed meanwhile) or the script produced nothing.
async function runInTab(tabId, file) {
  let frames;
  for (let attempt = 0; ; attempt++) {
    try {
      frames = await chrome.scripting.executeScript({ target: { tabId }, files: [file] });
      break;
    } catch (e) {
      // Chromium can run onClicked before the activeTab grant has reached the page's
      // renderer; the injection is then refused without running anything, and succeeds a
      // moment later. Only that refusal is retried, so the script never runs twice.
      if (attempt < PERMISSION_RETRIES.length && NOT_YET_GRANTED.test(errorText(e))) {
        await new Promise((resolve) => setTimeout(resolve, PERMISSION_RETRIES[attempt]));
        continue;
      }
      return { state: STATE.error, message: t("errorCannotScript", [errorText(e)]) };
    }
  }
  const frame = frames && frames[0];
  if (frame && frame.result && typeof frame.result === "object") return frame.result;
  return { state: STATE.error, message: frame && frame.error ? errorText(frame.error) : t("errorNoAnswer") };
}

async function show(tabId, result) {
  let text, title, colour = BADGE_COLOUR;
  switch (result.state) {
    case STATE.cleaned:
      text = String(result.hidden.length);
      title = summary(result);
      break;
    case STATE.restored:
    case STATE.skipped:
      text = "";
      title = t("actionTitle");
      break;
    case STATE.notArticle:
      text = "";
      title = t("titleNotArticle");
      break;
    case STATE.degraded:
      // Above the core's element budget: nothing analysed, nothing hidden, and the
      // button says why instead of leaving the reader guessing.
      text = "–";
      title = t("titleDegraded", [String(result.degraded?.elements ?? "?"), String(result.degraded?.budget ?? "?")]);
      break;
    default:
      text = "!";
      title = t("titleError", [result.message || result.state]);
      colour = ERROR_COLOUR;
  }
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: colour });
    await chrome.action.setBadgeText({ tabId, text });
    await chrome.action.setTitle({ tabId, title });
  } catch (e) {
    // The tab was closed or navigated away while the page was being cleaned.
    console.warn("Byline: cannot update the toolbar button:", errorText(e));
  }
}

// "Byline: 7 blocks hidden — source: Yonhap (via 淄博新闻网)". The source's names come as
// the core made them fit to show (`shown`: plain, one line, cut).
function summary(result) {
  const n = result.hidden.length;
  let line = t(n === 1 ? "titleHiddenOne" : "titleHiddenMany", [String(n)]);
  if (!result.is_article) line += ` ${t("titleNotArticleShort")}`;
  const shown = result.shown || {};
  if (shown.original) {
    line += ` — ${t("titleSource", [shown.original])}`;
    if (shown.republisher) line += ` ${t("titleVia", [shown.republisher])}`;
  }
  return line;
}

// Core calls from content scripts arrive on their port (lib/core.js), answered in order of
// completion with the request's id.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  port.onMessage.addListener((message) => {
    if (!isMessage(message) || message.type !== MSG.core) return;
    const answer = (body) => {
      try {
        port.postMessage({ id: message.id, ...body });
      } catch {
        // The page went away meanwhile.
      }
    };
    if (!CORE_CALLS.has(message.fn)) return answer({ error: `unknown core call ${message.fn}` });
    if (trapped) return answer({ unavailable: trapped, final: true });
    loadCore()
      .then(() => {
        const t0 = performance.now();
        const value = core[message.fn](...message.args);
        answer({ value, ms: performance.now() - t0 }); // ms: the core's own time, for the popup and the benchmark
      })
      .catch((e) => {
        // A trap (a Rust panic) leaves the instance's memory in an unknown state, and a
        // module worker cannot load a second instance: until the worker restarts, the
        // content scripts run the core themselves (lib/core.js).
        if (!(e instanceof WebAssembly.RuntimeError)) return answer({ error: errorText(e) });
        trapped = `its core failed: ${errorText(e)}`;
        answer({ error: `Byline's core failed (${errorText(e)}); the next try runs it in the page` });
      });
  });
});

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!isMessage(message)) return false;
  switch (message.type) {
    case MSG.state:
      // A content script cleaned on its own (auto-clean, a late block, an SPA navigation).
      if (sender.tab?.id !== undefined) show(sender.tab.id, message.result);
      return false;
    case MSG.toggle:
      toggleTab(message.tabId).then(() => reply({ ok: true }), (e) => reply({ error: errorText(e) }));
      return true;
    default:
      return false;
  }
});

// One pair of registered content scripts per opted-in host whose permission is granted:
// a veil at document_start (so clutter does not flash) and the cleaner at document_idle.
let syncing = Promise.resolve();
function syncAutoClean() {
  syncing = syncing.then(syncAutoCleanNow, syncAutoCleanNow);
  return syncing;
}

async function syncAutoCleanNow() {
  await loadCore();
  const [sync, local] = await Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]);
  const wanted = new Map(); // script id -> registration
  for (const host of core.auto_clean_hosts(sync, local)) {
    const matches = [`*://${host}/*`];
    if (!(await chrome.permissions.contains({ origins: matches }))) continue;
    const veil = `${VEIL_PREFIX}${host}`, auto = `${AUTO_PREFIX}${host}`;
    wanted.set(veil, { id: veil, matches, js: ["veil.js"], runAt: "document_start", persistAcrossSessions: true });
    wanted.set(auto, { id: auto, matches, js: ["auto.js"], runAt: "document_idle", persistAcrossSessions: true });
  }
  const ours = (await chrome.scripting.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith(AUTO_PREFIX) || id.startsWith(VEIL_PREFIX));
  const remove = ours.filter((id) => !wanted.has(id));
  if (remove.length) await chrome.scripting.unregisterContentScripts({ ids: remove });
  const add = [...wanted.values()].filter((s) => !ours.includes(s.id));
  if (add.length) await chrome.scripting.registerContentScripts(add);
}

function errorText(e) {
  return String((e && e.message) || e);
}
