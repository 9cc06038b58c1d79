// The messages Byline's parts send each other: one union, one guard. Anything else that
// arrives (another extension, a page) is ignored.
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

// The content scripts' port to the worker, which carries core calls
// (see byline/core above).
export const PORT_NAME = "byline-core";

export const MSG = {
  core: "byline/core",
  state: "byline/state",
  toggle: "byline/toggle",
  hidden: "byline/hidden",
  show: "byline/show",
  reclean: "byline/reclean",
};

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
