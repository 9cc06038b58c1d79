// Cleaning and restoring the page, and the page's cleaning state. One module instance per
// page (the content script's world caches it), so a second click finds the first one's state.
//
// One pass: read the user's settings → ask the core for this site's configuration → one
// bulk snapshot of the DOM (matching the site rules' selectors in the same walk) → ask the
// core for the plan → apply it (lib/apply.js). Operations run one at a time (serial).

import { snapshot_document } from "../pkg/snapshot.js";
import { Applied } from "./apply.js";
import { getCore, transportable } from "./core.js";
import { errorResult, MSG, reasonKey, STATE } from "./protocol.js";
import { readAreas } from "./storage.js";

// The badge's words in the browser's language, from _locales; the core fills them in (an
// empty string falls back to English there). The reasons' templates go in the order of the
// core's codes (site_config's `reasons`) and keep their `$1`, `$2`: they are passed as their
// own substitutions.
const badgeStrings = (reasons) => ({
  label: chrome.i18n.getMessage("badgeLabel"),
  source: chrome.i18n.getMessage("badgeSource"),
  unknown: chrome.i18n.getMessage("badgeUnknown"),
  republished_by: chrome.i18n.getMessage("badgeRepublishedBy"),
  date_warning: chrome.i18n.getMessage("badgeDateWarning"),
  evidence: chrome.i18n.getMessage("badgeEvidence"),
  hidden: chrome.i18n.getMessage("badgeHidden"),
  reasons: reasons.map((code) => chrome.i18n.getMessage(reasonKey(code), ["$1", "$2"])),
});

// The cleaned page: {applied, config, core, result, auto, timing} plus what lib/watch.js
// keeps for re-checking added blocks ({added, lastRun, lastCost, timer}); null when the
// page is as it was.
let current = null;
let degraded = null; // {elements, budget} when the last clean found the page above the element budget
// The user wants this tab cleaned (a click or auto-clean cleaned it, no click restored
// it since): SPA navigations to another view clean that view too.
let engaged = false;
let queue = Promise.resolve(); // one operation at a time
let onCleaned = () => {};

/** The cleaned page's state, or null. */
export const cleaned = () => current;
/** {elements, budget} when the last clean found the page too large, else null. */
export const degradedBy = () => degraded;
/** The user wants this tab cleaned. */
export const isEngaged = () => engaged;

/** Calls `fn` after every clean that applied a plan (page.js starts lib/watch.js with it). */
export function whenCleaned(fn) {
  onCleaned = fn;
}

/** Runs `fn` after every operation queued before it. */
export function serial(fn) {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/** Snapshots the page and asks the core for the plan: {result, elements, timing}. */
export async function analyze(core, config) {
  const t0 = performance.now();
  const snap = snapshot_document(config.opaque, config.attrs, config.full, config.rules.map((r) => r.selector));
  const t1 = performance.now();
  const { value: result, ms } = await core.timed("analyze_snapshot", transportable(snap), {
    url: location.href,
    mode: "tidy",
    flags: config.flags,
    rules: config.rules,
    strings: badgeStrings(config.reasons),
  });
  // Milliseconds: the snapshot, the core's answer as this script waited for it (with the
  // messaging), the core's own time.
  return { result, elements: snap.elements, timing: { snapshot: t1 - t0, analyze: performance.now() - t1, core: ms } };
}

/** A core answer as the toolbar button and the popup see it, with what is hidden now. */
export function summary(result, extra = {}) {
  const hidden = current ? current.applied.items.filter((i) => !i.shown).map(({ kind, reason, code, args, text }) => ({ kind, reason, code, args, text })) : [];
  return {
    state: result.state,
    is_article: result.is_article,
    title: result.title,
    hidden: result.state === STATE.cleaned ? hidden : result.hidden ?? [],
    source: result.source,
    shown: result.shown,
    ...(result.degraded ? { degraded: result.degraded } : {}),
    ...extra,
  };
}

async function clean({ auto }) {
  const started = performance.now();
  const core = await getCore();
  const [sync, local] = await readAreas();
  const config = await core.call("site_config", sync, local, location.href);
  if (auto && !config.flags.auto_clean) return { state: STATE.skipped };
  const configured = performance.now();
  const { result, elements, timing } = await analyze(core, config);
  // Milliseconds: reading the settings and the site's configuration, the DOM snapshot,
  // the core's answer (a round trip to the worker), applying the plan.
  timing.settings = configured - started;
  degraded = result.state === STATE.degraded ? result.degraded : null;
  if (result.state !== STATE.cleaned) return summary(result, { via: core.via, timing });
  const applying = performance.now();
  const applied = new Applied(config);
  applied.addStyle();
  applied.hide(result.hide, elements);
  applied.addBadge(result.badge, result.anchor, elements);
  timing.apply = performance.now() - applying;
  current = { applied, config, core, result, auto, timing, added: new Set(), lastRun: 0, lastCost: 0, timer: 0 };
  engaged = true;
  onCleaned();
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
        return { state: STATE.restored };
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
    if (current) return { state: STATE.cleaned };
    try {
      const result = await clean({ auto: true });
      if (result.state === STATE.cleaned) report(result);
      return result;
    } catch (e) {
      return errorResult(e);
    }
  });
}

/**
 * Cleans again from the page as it is (settings or rules changed) and shows the result on
 * the toolbar button; with `onlyIfCleaned`, a page that is not cleaned stays as it is.
 */
export function reclean({ onlyIfCleaned }) {
  return serial(async () => {
    if (onlyIfCleaned && !current) return { state: STATE.notCleaned };
    restore();
    const result = await clean({ auto: false });
    report(result);
    return result;
  });
}

/** After an SPA navigation: cleans the new view when the user wants this tab cleaned. */
export function cleanNewView() {
  return serial(async () => {
    if (!engaged) return;
    restore();
    try {
      const result = await clean({ auto: false });
      report(result.state === STATE.notArticle ? { state: STATE.restored } : result);
    } catch (e) {
      report(errorResult(e));
    }
  });
}

/** Shows a result on the toolbar button (the worker receives it). */
export function report(result) {
  chrome.runtime.sendMessage({ type: MSG.state, result }).catch(() => {});
}
