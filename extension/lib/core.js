// The Rust core, seen from a content script. Normally the wasm runs right here. Where the
// page's CSP forbids compiling WebAssembly in the content script (Chromium applies a
// `script-src` without 'wasm-unsafe-eval' to it), the same functions run in the
// extension's worker instead: the arguments (plain data: a page snapshot, storage
// contents) go there by message and the answer comes back. The caller cannot tell apart.

import { MSG } from "./messages.js";

let local; // the wasm module, null when it cannot run here, undefined before trying
let why = null;
// A trap (a Rust panic: the wasm is built with panic=abort) leaves that instance's memory
// in an unknown state. The failing call reports an error, and the next call loads a fresh
// instance (a new module URL is a new module record, hence a new wasm instance).
let generation = 0;

async function loadLocal() {
  if (local !== undefined) return local;
  try {
    const suffix = generation ? `?instance=${generation}` : "";
    const mod = await import(chrome.runtime.getURL(`pkg/byline.js${suffix}`));
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
  if (mod) {
    const call = async (fn, ...args) => {
      try {
        return mod[fn](...args);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          if (local === mod) {
            local = undefined;
            generation++;
          }
          throw new Error(`Byline's core failed (${e.message}); it is reloaded for the next try`);
        }
        throw e;
      }
    };
    return { via: "page", why: null, call };
  }
  return { via: "worker", why, call: (fn, ...args) => remote(fn, args) };
}

/** A snapshot as plain data for messaging (typed arrays do not survive it; elements stay here). */
export function transportable(snap, via) {
  if (via === "page") return snap;
  return { ops: Array.from(snap.ops), strings: snap.strings, matches: snap.matches };
}
