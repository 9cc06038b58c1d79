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
  try {
    frames = await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
  } catch (e) {
    return { state: "error", message: `this page cannot be changed by extensions (${errorText(e)})` };
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
