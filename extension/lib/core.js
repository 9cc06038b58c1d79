// The Rust core, seen from a content script. Normally the wasm runs right here. Where the
// page's CSP forbids compiling WebAssembly in the content script (Chromium applies a
// `script-src` without 'wasm-unsafe-eval' to it), the same functions run in the
// extension's worker instead: the arguments (plain data: a page snapshot, storage
// contents) go there by message and the answer comes back. The caller cannot tell apart.

import { MSG } from "./messages.js";

let local; // the wasm module, null when it cannot run here, undefined before trying
let why = null;

async function loadLocal() {
  if (local !== undefined) return local;
  try {
    const mod = await import(chrome.runtime.getURL("pkg/byline.js"));
    await mod.default({ module_or_path: chrome.runtime.getURL("pkg/byline_bg.wasm") });
    local = mod;
  } catch (e) {
    why = String((e && e.message) || e);
    local = null;
  }
  return local;
}

async function remote(fn, args) {
  const answer = await chrome.runtime.sendMessage({ type: MSG.core, fn, args });
  if (!answer || "error" in answer) throw new Error(answer ? answer.error : "the extension's worker gave no answer");
  return answer.value;
}

/** {via: "page"|"worker", why, call(fn, ...args) → Promise}. */
export async function getCore() {
  const mod = await loadLocal();
  if (mod) return { via: "page", why: null, call: async (fn, ...args) => mod[fn](...args) };
  return { via: "worker", why, call: (fn, ...args) => remote(fn, args) };
}

/** A snapshot as plain data for messaging (typed arrays do not survive it; elements stay here). */
export function transportable(snap, via) {
  if (via === "page") return snap;
  return { ops: Array.from(snap.ops), strings: snap.strings, matches: snap.matches };
}
