// The element picker: hover (or ↑/↓) to choose a block, click or Enter to hide it on this
// site. The core writes the selector and the rule; the page is then cleaned again with it.

import { reclean } from "./clean.js";
import { getCore } from "./core.js";
import { STATE } from "./protocol.js";
import { readAreas, writeAreas } from "./storage.js";
import { toast } from "./toast.js";

const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

let picking = null;

/** Starts the picker (once: a second call while it runs does nothing). */
export function pick() {
  if (picking) return { state: STATE.picking };
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
  return { state: STATE.picking };
}

// The picked element and its ancestors, as the core's pick_selector reads them.
function pathOf(el) {
  const path = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.localName === e.localName) : [e];
    path.push({ tag: e.localName, id: e.id || "", classes: [...e.classList], nth: same.indexOf(e) + 1, same: same.length });
  }
  return path;
}

// Saves `host##selector` for the picked element and cleans the page with it.
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
    await reclean({ onlyIfCleaned: false });
  } catch (e) {
    toast(t("pickerFailed", [String((e && e.message) || e)]), 10_000);
  }
}
