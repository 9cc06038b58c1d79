// Byline's background script (a service worker in Chrome, an event page in Firefox).
//
// A toolbar click (or the _execute_action shortcut) runs content.js in the tab; content.js
// asks the Rust core to clean the page or to restore it and hands back the core's answer.
// This file only shows that answer on the toolbar button: the number of hidden blocks as
// badge text and a one-line summary as the button's title. It makes no decisions about the
// page and no network requests.

const DEFAULT_TITLE = "Byline: clean this page";
const BADGE_COLOUR = "#1f3a5f";
const ERROR_COLOUR = "#b3261e";
// Waits (ms) before retrying an injection refused for want of host permission (see runInTab).
const PERMISSION_RETRIES = [50, 150, 400];
const NOT_YET_GRANTED = /cannot access contents of|missing host permission/i;

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined || tab.id === chrome.tabs.TAB_ID_NONE) return;
  toggleTab(tab.id).catch((e) => console.error("Byline:", e));
});

async function toggleTab(tabId) {
  await show(tabId, await runInTab(tabId));
}

// Runs content.js in the tab's top frame and returns the core's answer, or an
// {state: "error"} object when the page cannot be scripted (chrome://, the web store,
// PDF viewer, a tab closed meanwhile) or the script produced nothing.
async function runInTab(tabId) {
  let frames;
  for (let attempt = 0; ; attempt++) {
    try {
      frames = await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
      break;
    } catch (e) {
      // Chromium can run onClicked before the activeTab grant has reached the page's
      // renderer; the injection is then refused without running anything, and succeeds a
      // moment later. Only that refusal is retried, so content.js never runs twice.
      if (attempt < PERMISSION_RETRIES.length && NOT_YET_GRANTED.test(errorText(e))) {
        await new Promise((resolve) => setTimeout(resolve, PERMISSION_RETRIES[attempt]));
        continue;
      }
      return { state: "error", message: `this page cannot be changed by extensions (${errorText(e)})` };
    }
  }
  const frame = frames && frames[0];
  if (frame && frame.result && typeof frame.result === "object") return frame.result;
  return { state: "error", message: frame && frame.error ? errorText(frame.error) : "the page gave no answer" };
}

async function show(tabId, result) {
  let text, title, colour = BADGE_COLOUR;
  switch (result.state) {
    case "cleaned":
      text = String(result.hidden.length);
      title = summary(result);
      break;
    case "restored":
      text = "";
      title = DEFAULT_TITLE;
      break;
    default:
      text = "!";
      title = `Byline could not clean this page: ${result.message || result.state}`;
      colour = ERROR_COLOUR;
  }
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: colour });
    await chrome.action.setBadgeText({ tabId, text });
    await chrome.action.setTitle({ tabId, title });
  } catch (e) {
    // The tab was closed or navigated away while the page was being cleaned.
    console.warn("Byline: cannot update the toolbar button:", errorText(e));
  }
}

// "Byline: 7 blocks hidden — source: Yonhap (via 淄博新闻网)"
function summary(result) {
  const n = result.hidden.length;
  let line = `Byline: ${n} ${n === 1 ? "block" : "blocks"} hidden`;
  if (!result.is_article) line += " (not an article)";
  const source = result.source || {};
  if (source.original) {
    line += ` — source: ${source.original}`;
    if (source.republisher) line += ` (via ${source.republisher})`;
  }
  return line;
}

function errorText(e) {
  return String((e && e.message) || e);
}
