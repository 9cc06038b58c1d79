// Dynamic pages, once cleaned: a MutationObserver re-applies the plan to blocks added
// later, at a bounded cost, and an SPA navigation (a new URL in the same document) cleans
// the new view. Installed at the first clean, kept for the page's life.

import { analyze, cleaned, cleanNewView, isEngaged, report, serial, summary } from "./clean.js";
import { STATE } from "./protocol.js";

// A re-analysis runs at most once per RECHECK_MIN_MS and never takes more than
// 1/RECHECK_COST_FACTOR of the time (a 40 ms analysis waits at least 400 ms).
export const RECHECK_MIN_MS = 1000;
export const RECHECK_COST_FACTOR = 10;
// After an SPA navigation, wait this long for the new view to render before detecting.
export const SPA_SETTLE_MS = 600;
// Added subtrees remembered between two re-analyses (more: the whole page is re-checked).
const MAX_ADDED = 2000;

let watcher = null; // {observer, url, timer}

/** Starts watching the page (once; later calls do nothing). */
export function watch() {
  if (watcher) return;
  watcher = { url: location.href, timer: 0 };
  watcher.observer = new MutationObserver((records) => {
    if (location.href !== watcher.url) return navigated();
    const state = cleaned();
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

// Analyses the page again and hides what the new plan finds inside the added blocks.
async function recheck(state) {
  state.timer = 0;
  if (cleaned() !== state) return;
  const roots = [...state.added].filter((n) => n.isConnected);
  const everything = state.added.size > MAX_ADDED;
  state.added.clear();
  if (!roots.length) return;
  const started = performance.now();
  state.lastRun = started;
  try {
    const { result, elements } = await analyze(state.core, state.config);
    state.lastCost = performance.now() - started;
    if (cleaned() !== state || result.state !== STATE.cleaned) return;
    const isNew = everything ? () => true : (el) => roots.some((r) => r.contains(el));
    if (state.applied.hide(result.hide, elements, isNew) > 0) report(summary(result));
  } catch (e) {
    console.warn("Byline: re-checking added blocks failed:", e);
  }
}

function navigated() {
  watcher.url = location.href; // once per navigation
  const state = cleaned();
  if (state) clearTimeout(state.timer);
  clearTimeout(watcher.timer);
  if (!isEngaged()) return;
  watcher.timer = setTimeout(cleanNewView, SPA_SETTLE_MS);
}
