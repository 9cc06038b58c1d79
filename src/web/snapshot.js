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
// `attrs`: comma-separated attribute names the analysis reads (the others are not copied).
// `selectors`: the site rules' CSS selectors to match in the same pass (may be omitted).
export function snapshot_document(opaque, attrs, selectors) {
  const skip = new Set(opaque.split(","));
  const wanted = new Set(attrs.split(","));
  const ops = [];
  const strings = [];
  const elements = [];
  const root = document.documentElement;
  if (!root) return { ops: new Uint32Array(0), strings: "", elements, matches: [] };
  let node = root;
  for (;;) {
    let descend = false;
    const type = node.nodeType;
    if (type === 1 && !(node.hasAttributes() && node.hasAttribute("data-byline"))) {
      const name = node.localName;
      const at = ops.length;
      ops.push(OPEN, 0);
      strings.push(clean(name));
      let inert = skip.has(name);
      if (node.hasAttributes()) {
        const list = node.attributes;
        let kept = 0;
        for (let i = 0; i < list.length; i++) {
          const a = list[i];
          if (wanted.has(a.name)) {
            strings.push(a.name, clean(a.value));
            kept++;
          }
        }
        ops[at + 1] = kept;
        // A script's text reaches the model only for JSON-LD (PageBuilder drops the rest);
        // not copying it here saves the largest strings of most pages.
        if (name === "script") inert = !/ld\+json/i.test(node.getAttribute("type") || "");
      } else if (name === "script") {
        inert = true;
      }
      elements.push(node);
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
