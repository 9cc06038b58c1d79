// Registered (chrome.scripting.registerContentScripts) at document_idle for the hosts the
// user opted into auto-cleaning, and only those. Cleans when the core says the page is an
// article (the readerable check keeps it off the site's other pages), then lifts the veil
// veil.js put on at document_start.
(async () => {
  try {
    const page = await import(chrome.runtime.getURL("lib/page.js"));
    await page.autoClean();
  } catch (e) {
    console.warn("Byline: auto-clean failed:", e);
  } finally {
    for (const veil of document.querySelectorAll('style[data-byline="veil"]')) veil.remove();
  }
})();
