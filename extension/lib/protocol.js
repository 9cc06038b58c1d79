// What Byline's parts say to each other: the messages (one union, one guard: anything else
// that arrives, from another extension or a page, is ignored), the content scripts' port
// to the worker, the states a page can be in, and the message names of the core's reasons.
//
//   {type: "byline/core", id, fn, args} content script → worker, on the port PORT_NAME: run a
//                                      core function there; answered on the port with
//                                      {id, value, ms} (ms: the core's own time), {id, error},
//                                      or {id, unavailable, final}
//                                      (its instance cannot be used: the caller runs its own)
//   {type: "byline/state", result}    content script → worker: show this result on the button
//   {type: "byline/toggle", tabId}    popup → worker: clean or restore that tab
//   {type: "byline/hidden"}           popup → content script: reply {state, items}
//   {type: "byline/show", index}      popup → content script: show hidden item `index` again
//   {type: "byline/reclean"}          popup → content script: settings changed, clean again

// The content scripts' port to the worker, which carries core calls (byline/core above).
export const PORT_NAME = "byline-core";

export const MSG = Object.freeze({
  core: "byline/core",
  state: "byline/state",
  toggle: "byline/toggle",
  hidden: "byline/hidden",
  show: "byline/show",
  reclean: "byline/reclean",
});

// Where a page stands (a result's `state`). The same list as the core's State
// (crates/wasm/src/protocol.rs), in the same order; tests/e2e/protocol.test.mjs compares them.
export const STATE = Object.freeze({
  cleaned: "cleaned", // the plan is applied
  notArticle: "not_article", // no article found: nothing hidden
  degraded: "degraded", // above the element budget: nothing analysed or hidden
  restored: "restored", // a click put the page back
  skipped: "skipped", // auto-clean is off for this site
  error: "error", // cleaning failed: {message}
  notCleaned: "not_cleaned", // the popup asked a page that is not cleaned
  picking: "picking", // the element picker is running
});

const SHAPES = {
  [MSG.core]: (m) => Number.isInteger(m.id) && typeof m.fn === "string" && Array.isArray(m.args),
  [MSG.state]: (m) => m.result !== null && typeof m.result === "object",
  [MSG.toggle]: (m) => Number.isInteger(m.tabId),
  [MSG.hidden]: () => true,
  [MSG.show]: (m) => Number.isInteger(m.index) && m.index >= 0,
  [MSG.reclean]: () => true,
};

export function isMessage(m) {
  return m !== null && typeof m === "object" && Object.hasOwn(SHAPES, m.type) && SHAPES[m.type](m);
}

/** An error as a result: {state: "error", message}. */
export function errorResult(e) {
  return { state: STATE.error, message: String((e && e.message) || e) };
}

/** The _locales message of a reason code (src/plan/reason.rs): comment_section → reasonCommentSection. */
export function reasonKey(code) {
  return `reason${code.replace(/(?:^|_)([a-z])/g, (_, c) => c.toUpperCase())}`;
}
