// Byline's bulk DOM reader. One walk over the live document writes one string — the whole
// page as a sequence of tokens — so the page crosses into wasm (or, as one plain string,
// into the extension's worker) in a single call. It makes no decisions: which tags are not
// entered, which attributes are copied and of which elements all come from the Rust side
// (page::opaque_selector, page::MODEL_ATTRS, page::FULL_ATTRS_SELECTOR), and the Rust
// PageBuilder decides what enters the model.
//
// Format (web::build_from_snapshot reads it): tokens separated by SEP, U+FDD0, a Unicode
// noncharacter (never in text a page means to show, and unlike a control character it is
// copied as it is when a message to the worker is serialized).
//   "o<N>" <tag> N × (<name> <value>)   an element opens, with N attributes
//   "t" <text>                           a text node (" " when it is only whitespace)
//   "c"                                  the innermost open element closes
const SEP = "\uFDD0";
// A text node of HTML whitespace only: sent as one space (PageBuilder::text reads any such
// node as one space, so the model is the same; page::is_html_whitespace is its Rust twin).
const BLANK = /^[ \t\n\f\r]+$/;
const OPEN = Array.from({ length: 32 }, (_, n) => `o${n}`);

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

// A querySelectorAll result read alongside the walk: both are in document order, so telling
// whether the walk's element is in the list is one comparison.
function cursor(list) {
  let i = 0;
  return {
    at(node) {
      if (list[i] !== node) return false;
      i++;
      return true;
    },
    // The walk does not enter `node`: pass what the list holds inside it.
    pass(node) {
      while (i < list.length && node.contains(list[i])) i++;
    },
  };
}

// `opaque`: a selector for the elements whose contents are not walked.
// `attrs`: comma-separated attribute names the analysis reads. Every element contributes
//   its `class` and `id`; only elements matching `full` (a selector list) contribute the
//   others — reading every attribute of every element was most of this walk's time.
// `selectors`: the site rules' CSS selectors to match in the same pass (may be omitted).
// Returns {table, elements, matches}: the token string, the elements in the order of their
// "o" tokens, and the selectors' matches.
export function snapshot_document(opaque, attrs, full, selectors) {
  const wanted = new Set(attrs.split(","));
  const tokens = [];
  const elements = [];
  const root = document.documentElement;
  if (!root) return { table: "", elements, matches: [] };
  const rich = cursor(document.querySelectorAll(full));
  const inert = cursor(document.querySelectorAll(opaque));
  let node = root;
  for (;;) {
    let descend = false;
    const type = node.nodeType;
    if (type === 1 && node.hasAttributes() && node.hasAttribute("data-byline")) {
      // Byline's own element (stylesheet, badge): neither it nor anything in it.
      rich.pass(node);
      inert.pass(node);
    } else if (type === 1) {
      const at = tokens.length;
      tokens.push(OPEN[0], clean(node.localName));
      let kept = 0;
      if (rich.at(node)) {
        const list = node.attributes;
        for (let i = 0; i < list.length; i++) {
          const a = list[i];
          if (wanted.has(a.name)) {
            tokens.push(a.name, clean(a.value));
            kept++;
          }
        }
      } else if (node.hasAttributes()) {
        const c = node.getAttribute("class");
        if (c !== null) {
          tokens.push("class", clean(c));
          kept++;
        }
        const id = node.getAttribute("id");
        if (id !== null) {
          tokens.push("id", clean(id));
          kept++;
        }
      }
      if (kept) tokens[at] = kept < OPEN.length ? OPEN[kept] : `o${kept}`;
      elements.push(node);
      // Not entered (an svg, a script that is not JSON-LD…): what matched in there is passed by.
      if (!inert.at(node) && node.firstChild) {
        descend = true;
      } else {
        tokens.push("c");
        if (node.firstChild) {
          rich.pass(node);
          inert.pass(node);
        }
      }
    } else if (type === 3 || type === 4) {
      const d = node.data;
      tokens.push("t", d.length > 1 && BLANK.test(d) ? " " : clean(d));
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    for (;;) {
      if (node === root) {
        return { table: tokens.join(SEP), elements, matches: matchSelectors(selectors, elements) };
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      tokens.push("c");
    }
  }
}
