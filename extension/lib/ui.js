// Shared by the popup and the options page: the core in an extension page (where the
// extension's CSP allows WebAssembly), localized text, and settings load/save.

import init, * as core from "../pkg/byline.js";
import { reasonKey } from "./protocol.js";
import { readAreas, writeAreas } from "./storage.js";

export const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

let ready = null;
export async function loadCore() {
  ready ??= init({ module_or_path: chrome.runtime.getURL("pkg/byline_bg.wasm") });
  await ready;
  return core;
}

/** Why a hidden item is hidden, in the UI language; the core's English when there is no message. */
export function reasonText(item) {
  return (item.code && chrome.i18n.getMessage(reasonKey(item.code), item.args ?? [])) || item.reason;
}

/** Fills every [data-i18n] element's text (and [data-i18n-title] titles) in the UI language. */
export function localize(root = document) {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
}

/** {settings, notice, area, from_schema} from storage (never throws on bad contents). */
export async function loadSettings() {
  const c = await loadCore();
  const [sync, local] = await readAreas();
  return c.load_settings(sync, local);
}

/** Saves settings; returns the note to show when they could not go to sync storage. */
export async function saveSettings(settings) {
  const c = await loadCore();
  const save = c.save_settings(settings);
  await writeAreas(save);
  return save.note ?? null;
}

export const SWITCHES = [
  ["auto_clean", "switchAutoClean"],
  ["hide_clutter", "switchClutter"],
  ["hide_captions", "switchCaptions"],
  ["show_badge", "switchBadge"],
];

/** Asks for the host permission auto-clean needs (must run in a click handler). */
export function requestHost(host) {
  return chrome.permissions.request({ origins: [`*://${host}/*`] });
}

export function say(el, text) {
  el.textContent = text ?? "";
  el.hidden = !text;
}
