// Byline's bulk DOM reader. One walk over the live document fills a flat op list and
// one string table, so the whole page crosses into wasm in a single call instead of one
// call per node. It makes no decisions: the Rust PageBuilder decides what enters the model.
const OPEN = 1, TEXT = 2, CLOSE = 3;
const SEP = "\u0000";

function clean(s) {
  return s.indexOf(SEP) < 0 ? s : s.split(SEP).join("\uFFFD");
}

// The elements each selector matches, as indices into `elements` (null: the browser
// cannot compile the selector). Matching is the browser's own querySelectorAll, the same
// engine the page's CSS uses; the Rust side decides what a match means.
function matchSelectors(selectors, elements) {
  if (!selectors || selectors.length === 0) return [];
  const index = new Map();
  for (let i = 0; i < elements.length; i++) index.set(elements[i], i);
  return Array.from(selectors, (sel) => {
    let found;
    try {
      found = document.querySelectorAll(sel);
    } catch {
      return null;
    }
    const out = [];
    for (const el of found) {
      const i = index.get(el);
      if (i !== undefined) out.push(i);
    }
    return out;
  });
}

// `opaque`: comma-separated tag names whose children are not walked (from the Rust side).
// `selectors`: the site rules' CSS selectors to match in the same pass (may be omitted).
export function snapshot_document(opaque, selectors) {
  const skip = new Set(opaque.split(","));
  const ops = [];
  const strings = [];
  const elements = [];
  const root = document.documentElement;
  if (!root) return { ops: new Uint32Array(0), strings: "", elements, matches: [] };
  let node = root;
  for (;;) {
    let descend = false;
    const type = node.nodeType;
    if (type === 1 && !node.hasAttribute("data-byline")) {
      const attrs = node.attributes;
      ops.push(OPEN, attrs.length);
      strings.push(clean(node.localName));
      for (let i = 0; i < attrs.length; i++) strings.push(clean(attrs[i].name), clean(attrs[i].value));
      elements.push(node);
      const name = node.localName;
      // A script's text reaches the model only for JSON-LD (PageBuilder drops the rest);
      // not copying it here saves the largest strings of most pages.
      const inert = skip.has(name) || (name === "script" && !/ld\+json/i.test(node.getAttribute("type") || ""));
      if (node.firstChild && !inert) descend = true;
      else ops.push(CLOSE);
    } else if (type === 3 || type === 4) {
      ops.push(TEXT);
      strings.push(clean(node.data));
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    for (;;) {
      if (node === root) {
        return { ops: Uint32Array.from(ops), strings: strings.join(SEP), elements, matches: matchSelectors(selectors, elements) };
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      ops.push(CLOSE);
    }
  }
}
