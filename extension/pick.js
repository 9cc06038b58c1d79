// Injected from the toolbar button's context menu ("Hide a block on this site…"): starts
// the element picker of extension/lib/page.js.
(async () => {
  try {
    const page = await import(chrome.runtime.getURL("lib/page.js"));
    return page.pick();
  } catch (e) {
    return { state: "error", message: String((e && e.message) || e) };
  }
})();
