// Carries out the core's answer on the live page, reversibly: a data attribute on each
// hidden block, one <style>, and the source badge in a closed shadow root built from text
// nodes only. It decides nothing: which elements, which kind, what the badge says all come
// from the core (analyze_snapshot). Restore removes exactly what was added.

export class Applied {
  constructor(config) {
    this.attr = config.hidden_attr;
    this.style = config.style;
    /** [{el, kind, reason, code, args, text, shown}] in the order the core listed them. */
    this.items = [];
    this.added = [];
  }

  /** Hides the elements of `hide` entries (indices into `elements`); returns how many. */
  hide(hide, elements, accept = () => true) {
    let n = 0;
    for (const h of hide) {
      const el = elements[h.element];
      // An attribute the page set itself is not ours to remove on restore.
      if (!el || el.hasAttribute(this.attr) || this.items.some((i) => i.el === el) || !accept(el)) continue;
      el.setAttribute(this.attr, h.kind);
      this.items.push({ el, kind: h.kind, reason: h.reason, code: h.code, args: h.args, text: h.text, shown: false });
      n++;
    }
    return n;
  }

  addStyle() {
    const style = document.createElement("style");
    style.setAttribute("data-byline", "style");
    style.textContent = this.style;
    (document.head ?? document.documentElement).appendChild(style);
    this.added.push(style);
  }

  addBadge(model, anchor, elements) {
    if (!model) return;
    const host = buildBadge(model);
    const at = anchor && elements[anchor.element];
    if (at && at.isConnected) {
      if (anchor.after) at.after(host);
      else at.before(host);
    } else {
      (document.body ?? document.documentElement).prepend(host);
    }
    this.added.push(host);
  }

  /** Shows item `index` again (until the next clean). */
  showAgain(index) {
    const item = this.items[index];
    if (!item || item.shown) return false;
    if (item.el.getAttribute(this.attr) === item.kind) item.el.removeAttribute(this.attr);
    item.shown = true;
    return true;
  }

  get hiddenCount() {
    return this.items.filter((i) => !i.shown).length;
  }

  restore() {
    for (const item of this.items) {
      if (!item.shown && item.el.getAttribute(this.attr) === item.kind) item.el.removeAttribute(this.attr);
    }
    for (const el of this.added) el.remove();
    this.items = [];
    this.added = [];
  }
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The badge host: `<byline-badge data-byline="badge">` with a closed shadow root. */
export function buildBadge(model) {
  const host = document.createElement("byline-badge");
  host.setAttribute("data-byline", "badge");
  const root = host.attachShadow({ mode: "closed" });
  root.append(el("style", null, model.css));
  const box = el("div", "b");
  box.setAttribute("role", "note");
  box.setAttribute("aria-label", model.label);
  box.append(el("div", "s", model.line));
  if (model.warning) box.append(el("div", "w", model.warning));
  if (model.details) {
    const details = el("details");
    details.append(el("summary", null, model.details));
    const list = el("ul");
    for (const item of model.items) list.append(el("li", null, item));
    details.append(list);
    box.append(details);
  }
  root.append(box);
  return host;
}
