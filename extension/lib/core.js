// The Rust core, seen from a content script.
//
// It runs in the extension's worker: one wasm instance for every tab. Its lexicon automata
// are built once and its code is optimised by V8 after the first pages, so a clean pays
// one message each way instead of compiling the module, building the automata and running
// in V8's baseline tier on every page (bench/browser/run.mjs measures both paths). The
// arguments are plain data (a page snapshot, storage contents) and the answer comes back
// the same way.
//
// When the worker cannot serve — messaging fails, or its instance trapped (a Rust panic:
// the wasm is built with panic=abort) and it says so — the same functions run in a wasm
// instance in this content script. On a page whose CSP forbids WebAssembly in content
// scripts that fallback cannot load either, and the call reports why.

import { MSG, PORT_NAME } from "./protocol.js";

let workerDown = false; // the worker could not serve a call: this page uses its own instance
let local; // the page's own wasm module, null when it cannot run here, undefined before trying
let why = null;
// A trap leaves that instance's memory in an unknown state. The failing call reports an
// error, and the next call loads a fresh instance (a new module URL is a new module record,
// hence a new wasm instance).
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

// {value, ms}: the answer and the milliseconds the core itself took.
async function timedLocal(fn, args) {
  const mod = await loadLocal();
  if (!mod) throw new Error(`Byline's core cannot run here (${why})`);
  try {
    const t0 = performance.now();
    const value = mod[fn](...args);
    return { value, ms: performance.now() - t0 };
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
}

// One long-lived port to the worker: a message on an open port costs far less than
// runtime.sendMessage, which opens a channel per message. Answers carry the request's id.
let port = null;
let nextId = 1;
const waiting = new Map(); // id → {resolve}

function openPort() {
  if (port) return port;
  port = chrome.runtime.connect({ name: PORT_NAME });
  port.onMessage.addListener((answer) => {
    const w = answer && waiting.get(answer.id);
    if (!w) return;
    waiting.delete(answer.id);
    w.resolve(answer);
  });
  port.onDisconnect.addListener(() => {
    // The worker stopped (idle, updated): calls in flight fail over, the next call reconnects.
    port = null;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve({ unavailable: "the extension's worker stopped" });
    }
  });
  return port;
}

function ask(fn, args) {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, { resolve });
    try {
      openPort().postMessage({ type: MSG.core, id, fn, args });
    } catch (e) {
      waiting.delete(id);
      port = null;
      resolve({ unavailable: String((e && e.message) || e) });
    }
  });
}

async function callWorker(fn, args) {
  let answer = await ask(fn, args);
  // A worker stopped while idle drops the port; one retry on a fresh port starts it again.
  if ("unavailable" in answer && !answer.final) answer = await ask(fn, args);
  if ("unavailable" in answer) {
    console.warn(`Byline: the worker cannot run the core (${answer.unavailable}); this page uses its own`);
    workerDown = true;
    return timedLocal(fn, args);
  }
  if ("error" in answer) throw new Error(answer.error);
  return { value: answer.value, ms: answer.ms };
}

/**
 * {via: "worker"|"page", call(fn, ...args) → Promise of the answer, timed(fn, ...args) →
 * Promise of {value, ms}: the answer and the time the core took (without the messaging)}.
 */
export async function getCore() {
  const timed = (fn, ...args) => (workerDown ? timedLocal(fn, args) : callWorker(fn, args));
  return {
    get via() {
      return workerDown ? "page" : "worker";
    },
    timed,
    call: async (fn, ...args) => (await timed(fn, ...args)).value,
  };
}

/** A snapshot as plain data for messaging: the token table and the matches (the elements stay here). */
export function transportable(snap) {
  return { table: snap.table, matches: snap.matches };
}
