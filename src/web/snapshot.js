// Byline's bulk DOM reader. One walk over the live document fills a flat op list and
// one string table, so the whole page crosses into wasm in a single call instead of one
// call per node. It makes no decisions: the Rust PageBuilder decides what enters the model.
const OPEN = 1, TEXT = 2, CLOSE = 3;
const SEP = "\u0000";

function clean(s) {
  return s.indexOf(SEP) < 0 ? s : s.split(SEP).join("\uFFFD");
}

// `opaque`: comma-separated tag names whose children are not walked (from the Rust side).
export function snapshot_document(opaque) {
  const skip = new Set(opaque.split(","));
  const ops = [];
  const strings = [];
  const elements = [];
  const root = document.documentElement;
  if (!root) return { ops: new Uint32Array(0), strings: "", elements };
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
      if (node.firstChild && !skip.has(node.localName)) descend = true;
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
      if (node === root) return { ops: Uint32Array.from(ops), strings: strings.join(SEP), elements };
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      ops.push(CLOSE);
    }
  }
}
