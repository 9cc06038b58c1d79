// Injected from the toolbar button's context menu ("Hide a block on this site…"): starts
// the element picker (extension/lib/picker.js, through the content module lib/page.js).
(async () => {
  const { errorResult } = await import(chrome.runtime.getURL("lib/protocol.js"));
  try {
    const page = await import(chrome.runtime.getURL("lib/page.js"));
    return page.pick();
  } catch (e) {
    return errorResult(e);
  }
})();
