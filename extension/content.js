// Injected on demand by background.js (chrome.scripting.executeScript) into the page's
// isolated world on a toolbar click. It loads the content module (extension/lib/page.js,
// cached for the page's lifetime) and toggles: clean, or restore when cleaned. The
// promise is this script's completion value, which executeScript hands back to
// background.js; an error becomes {state: "error", message} so it crosses as plain data.
(async () => {
  const { errorResult } = await import(chrome.runtime.getURL("lib/protocol.js"));
  try {
    const page = await import(chrome.runtime.getURL("lib/page.js"));
    return await page.toggle();
  } catch (e) {
    return errorResult(e);
  }
})();
