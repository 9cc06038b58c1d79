// Injected on demand by background.js (chrome.scripting.executeScript) into the page's
// isolated world. It only loads the Rust core and forwards one call to it: every decision
// (what is clutter, what the source is, how to restore) is made in Rust. The promise of the
// async IIFE is this script's completion value, which executeScript hands back to
// background.js; an error becomes {state: "error", message} so it crosses as plain data.
(async () => {
  try {
    const mod = await import(chrome.runtime.getURL("pkg/byline.js"));
    await mod.default({ module_or_path: chrome.runtime.getURL("pkg/byline_bg.wasm") });
    return mod.toggle({ url: location.href, mode: "tidy" });
  } catch (e) {
    return { state: "error", message: String((e && e.message) || e) };
  }
})();
