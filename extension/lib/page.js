// The content side of Byline, loaded once per page (the module stays cached in the
// content script's world, so a second click finds the first click's state).
//
// One pass: read the user's settings → ask the core for this site's configuration → one
// bulk snapshot of the DOM (matching the site rules' selectors in the same walk) → ask
// the core for the plan → apply it (lib/apply.js). Then a MutationObserver re-applies the
// plan to blocks added later, at a bounded cost, and an SPA navigation re-runs detection.

import { snapshot_document } from "../pkg/snapshot.js";
import { Applied } from "./apply.js";
import { getCore, transportable } from "./core.js";
import { isMessage, MSG } from "./messages.js";
import { readAreas, writeAreas } from "./storage.js";

// Dynamic pages: a re-analysis runs at most once per RECHECK_MIN_MS and never takes more
// than 1/RECHECK_COST_FACTOR of the time (a 40 ms analysis waits at least 400 ms).
export const RECHECK_MIN_MS = 1000;
export const RECHECK_COST_FACTOR = 10;
// After an SPA navigation, wait this long for the new view to render before detecting.
export const SPA_SETTLE_MS = 600;
// Added subtrees remembered between two re-analyses (more: the whole page is re-checked).
const MAX_ADDED = 2000;

const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

// The badge's words in the browser's language, from _locales; the core fills them in
// (an empty string falls back to English there).
const badgeStrings = () => ({
  label: chrome.i18n.getMessage("badgeLabel"),
  source: chrome.i18n.getMessage("badgeSource"),
  unknown: chrome.i18n.getMessage("badgeUnknown"),
  republished_by: chrome.i18n.getMessage("badgeRepublishedBy"),
  date_warning: chrome.i18n.getMessage("badgeDateWarning"),
  evidence: chrome.i18n.getMessage("badgeEvidence"),
  hidden: chrome.i18n.getMessage("badgeHidden"),
});

let current = null; // the cleaned page's state, null when the page is as it was
let degraded = null; // {elements, budget} when the last clean found the page above the element budget
// The user wants this tab cleaned (a click or auto-clean cleaned it, no click restored
// it since): SPA navigations to another view clean that view too.
let engaged = false;
let watcher = null; // {observer, url, timer}: installed at the first clean, kept for the page's life
let queue = Promise.resolve(); // one operation at a time

function serial(fn) {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

function errorResult(e) {
  return { state: "error", message: String((e && e.message) || e) };
}

async function analyze(core, config) {
  const t0 = performance.now();
  const snap = snapshot_document(config.opaque, config.attrs, config.full, config.rules.map((r) => r.selector));
  const t1 = performance.now();
  const { value: result, ms } = await core.timed("analyze_snapshot", transportable(snap), {
    url: location.href,
    mode: "tidy",
    flags: config.flags,
    rules: config.rules,
    strings: badgeStrings(),
  });
  // Milliseconds: the snapshot, the core's answer as this script waited for it (with the
  // messaging), the core's own time.
  return { result, elements: snap.elements, timing: { snapshot: t1 - t0, analyze: performance.now() - t1, core: ms } };
}

function summary(result, extra = {}) {
  const hidden = current ? current.applied.items.filter((i) => !i.shown).map(({ kind, reason, text }) => ({ kind, reason, text })) : [];
  return {
    state: result.state,
    is_article: result.is_article,
    title: result.title,
    hidden: result.state === "cleaned" ? hidden : result.hidden ?? [],
    source: result.source,
    ...(result.degraded ? { degraded: result.degraded } : {}),
    ...extra,
  };
}

async function clean({ auto }) {
  const started = performance.now();
  const core = await getCore();
  const [sync, local] = await readAreas();
  const config = await core.call("site_config", sync, local, location.href);
  if (auto && !config.flags.auto_clean) return { state: "skipped" };
  const configured = performance.now();
  const { result, elements, timing } = await analyze(core, config);
  // Milliseconds: reading the settings and the site's configuration, the DOM snapshot,
  // the core's answer (a round trip to the worker), applying the plan.
  timing.settings = configured - started;
  degraded = result.state === "degraded" ? result.degraded : null;
  if (result.state !== "cleaned") return summary(result, { via: core.via, timing });
  const applying = performance.now();
  const applied = new Applied(config);
  applied.addStyle();
  applied.hide(result.hide, elements);
  applied.addBadge(result.badge, result.anchor, elements);
  timing.apply = performance.now() - applying;
  current = { applied, config, core, result, auto, timing, added: new Set(), lastRun: 0, lastCost: 0, timer: 0 };
  engaged = true;
  watch();
  return summary(result, { via: core.via, notice: config.notice, timing });
}

function restore() {
  if (!current) return false;
  clearTimeout(current.timer);
  current.applied.restore();
  current = null;
  return true;
}

/** A toolbar click: clean, or restore when cleaned. */
export function toggle() {
  return serial(async () => {
    try {
      if (restore()) {
        engaged = false;
        return { state: "restored" };
      }
      return await clean({ auto: false });
    } catch (e) {
      restore();
      return errorResult(e);
    }
  });
}

/** A registered auto-clean script at document_idle: clean when the site is opted in. */
export function autoClean() {
  return serial(async () => {
    if (current) return { state: "cleaned" };
    try {
      const result = await clean({ auto: true });
      if (result.state === "cleaned") report(result);
      return result;
    } catch (e) {
      return errorResult(e);
    }
  });
}

function report(result) {
  chrome.runtime.sendMessage({ type: MSG.state, result }).catch(() => {});
}

// --- dynamic pages ---------------------------------------------------------------------

function watch() {
  if (watcher) return;
  watcher = { url: location.href, timer: 0 };
  watcher.observer = new MutationObserver((records) => {
    if (location.href !== watcher.url) return navigated();
    const state = current;
    if (!state) return;
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && !n.hasAttribute("data-byline")) state.added.add(n);
      }
    }
    if (state.added.size) schedule(state);
  });
  watcher.observer.observe(document.documentElement, { childList: true, subtree: true });
  // Same-document navigations: the Navigation API where there is one, else back/forward;
  // the observer above also notices a changed URL when the app re-renders.
  const onNavigate = () => location.href !== watcher.url && navigated();
  try {
    globalThis.navigation?.addEventListener("navigatesuccess", onNavigate);
  } catch {
    // No Navigation API here (Firefox).
  }
  addEventListener("popstate", onNavigate);
}

function schedule(state) {
  if (state.timer) return;
  const gap = Math.max(RECHECK_MIN_MS, state.lastCost * RECHECK_COST_FACTOR);
  const wait = Math.max(0, state.lastRun + gap - performance.now());
  state.timer = setTimeout(() => serial(() => recheck(state)), wait);
}

async function recheck(state) {
  state.timer = 0;
  if (current !== state) return;
  const roots = [...state.added].filter((n) => n.isConnected);
  const everything = state.added.size > MAX_ADDED;
  state.added.clear();
  if (!roots.length) return;
  const started = performance.now();
  state.lastRun = started;
  try {
    const { result, elements } = await analyze(state.core, state.config);
    state.lastCost = performance.now() - started;
    if (current !== state || result.state !== "cleaned") return;
    const isNew = everything ? () => true : (el) => roots.some((r) => r.contains(el));
    if (state.applied.hide(result.hide, elements, isNew) > 0) report(summary(result));
  } catch (e) {
    console.warn("Byline: re-checking added blocks failed:", e);
  }
}

function navigated() {
  watcher.url = location.href; // once per navigation
  if (current) clearTimeout(current.timer);
  clearTimeout(watcher.timer);
  if (!engaged) return;
  watcher.timer = setTimeout(() => {
    serial(async () => {
      if (!engaged) return;
      restore();
      try {
        const result = await clean({ auto: false });
        report(result.state === "not_article" ? { state: "restored" } : result);
      } catch (e) {
        report(errorResult(e));
      }
    });
  }, SPA_SETTLE_MS);
}

// --- the popup's questions ------------------------------------------------------------

chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (!isMessage(message)) return false;
  switch (message.type) {
    case MSG.hidden:
      reply({
        state: current ? "cleaned" : degraded ? "degraded" : "not_cleaned",
        degraded,
        items: current ? current.applied.items.map(({ kind, reason, text, shown }) => ({ kind, reason, text, shown })) : [],
        timing: current ? current.timing : null,
        via: current ? current.core.via : null,
      });
      return false;
    case MSG.show: {
      const ok = !!current && current.applied.showAgain(message.index);
      if (ok) report(summary(current.result));
      reply({ ok });
      return false;
    }
    case MSG.reclean:
      serial(async () => {
        if (!current) return { state: "not_cleaned" };
        restore();
        const result = await clean({ auto: false });
        report(result);
        return result;
      }).then(reply, (e) => reply(errorResult(e)));
      return true;
    default:
      return false;
  }
});

// --- the element picker ---------------------------------------------------------------

let picking = null;

/** Starts the picker: hover (or ↑/↓) to choose a block, click or Enter to hide it on this site. */
export function pick() {
  if (picking) return { state: "picking" };
  const box = document.createElement("div");
  box.setAttribute("data-byline", "picker");
  box.style.cssText = "position:fixed;z-index:2147483647;pointer-events:none;outline:2px solid #d93025;background:rgba(217,48,37,.12);display:none";
  const tip = toast(t("pickerHelp"), 0);
  document.documentElement.append(box);
  const trail = [];
  let target = null;
  const ours = (el) => !el || el.closest?.("[data-byline]");
  const highlight = (el) => {
    target = el;
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: "block", left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const stop = () => {
    removeEventListener("mousemove", onMove, true);
    removeEventListener("click", onClick, true);
    removeEventListener("keydown", onKey, true);
    box.remove();
    tip.remove();
    picking = null;
  };
  const onMove = (e) => {
    if (ours(e.target) || e.target === document.documentElement || e.target === document.body) return;
    trail.length = 0;
    highlight(e.target);
  };
  const onClick = (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (target) chosen(target, stop);
  };
  const onKey = (e) => {
    if (e.key === "Escape") stop();
    else if (e.key === "Enter" && target) chosen(target, stop);
    else if (e.key === "ArrowUp" && target?.parentElement && target.parentElement !== document.body) {
      trail.push(target);
      highlight(target.parentElement);
    } else if (e.key === "ArrowDown" && trail.length) highlight(trail.pop());
    else if (e.key === "ArrowDown" && !target) highlight(document.querySelector("main, article, body > *") ?? document.body);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  addEventListener("mousemove", onMove, true);
  addEventListener("click", onClick, true);
  addEventListener("keydown", onKey, true);
  picking = { stop };
  return { state: "picking" };
}

function pathOf(el) {
  const path = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [e];
    path.push({ tag: e.localName, id: e.id || "", classes: [...e.classList], nth: same.indexOf(e) + 1, same: same.length });
  }
  return path;
}

async function chosen(el, stop) {
  stop();
  try {
    const core = await getCore();
    const selector = await core.call("pick_selector", pathOf(el));
    const host = location.hostname.toLowerCase();
    const [sync, local] = await readAreas();
    const loaded = await core.call("load_settings", sync, local);
    const rules = await core.call("add_hide_rule", loaded.settings.rules, host, selector);
    const saved = await core.call("save_settings", { ...loaded.settings, rules });
    await writeAreas(saved);
    const count = document.querySelectorAll(selector).length;
    toast(t("pickerSaved", [`${host}##${selector}`, String(count)]), 10_000);
    await serial(async () => {
      if (current) restore();
      const result = await clean({ auto: false });
      report(result);
    });
  } catch (e) {
    toast(t("pickerFailed", [String((e && e.message) || e)]), 10_000);
  }
}

/** A short message at the bottom of the page, in a closed shadow root; 0 ms: stays. */
function toast(text, ms) {
  const host = document.createElement("byline-toast");
  host.setAttribute("data-byline", "toast");
  const root = host.attachShadow({ mode: "closed" });
  const style = document.createElement("style");
  style.textContent = ":host{all:initial}div{position:fixed;z-index:2147483647;left:50%;bottom:16px;transform:translateX(-50%);max-width:90vw;font:14px/1.4 system-ui,sans-serif;color:#fff;background:#1f3a5f;padding:8px 14px;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3);word-break:break-all}";
  const div = document.createElement("div");
  div.setAttribute("role", "status");
  div.textContent = text;
  root.append(style, div);
  document.documentElement.append(host);
  if (ms) setTimeout(() => host.remove(), ms);
  return host;
}
