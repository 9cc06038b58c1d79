// Registered at document_start next to auto.js, for opted-in hosts only: keeps the page
// unpainted until auto.js has cleaned it, so the clutter never flashes. A timer lifts the
// veil whatever happens, so a slow or failed clean can never leave the page blank.
(() => {
  if (!document.documentElement) return;
  const VEIL_MAX_MS = 1500;
  const veil = document.createElement("style");
  veil.setAttribute("data-byline", "veil");
  veil.textContent = "html{visibility:hidden!important}";
  (document.head ?? document.documentElement).append(veil);
  setTimeout(() => veil.remove(), VEIL_MAX_MS);
})();
