// A short message at the bottom of the page, in a closed shadow root (the page's CSS
// cannot reach it).

/** Shows `text` for `ms` milliseconds (0: until removed); returns the host element. */
export function toast(text, ms) {
  const host = document.createElement("byline-toast");
  host.setAttribute("data-byline", "toast");
  const root = host.attachShadow({ mode: "closed" });
  const style = document.createElement("style");
  style.textContent = ":host{all:initial}div{position:fixed;z-index:2147483647;left:50%;bottom:16px;transform:translateX(-50%);max-width:90vw;font:14px/1.4 system-ui,sans-serif;color:#fff;background:#1f3a5f;padding:8px 14px;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3);word-break:break-all}";
  const div = document.createElement("div");
  div.setAttribute("role", "status");
  div.textContent = text;
  root.append(style, div);
  document.documentElement.append(host);
  if (ms) setTimeout(() => host.remove(), ms);
  return host;
}
