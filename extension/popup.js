// Site settings and the hidden list for one tab (opened from the toolbar button's context
// menu with ?tab=ID&url=URL). Switch changes are saved at once and the page re-cleaned.

import { MSG, STATE } from "./lib/protocol.js";
import { loadCore, loadSettings, localize, reasonText, requestHost, saveSettings, say, SWITCHES, t } from "./lib/ui.js";
import { readAreas } from "./lib/storage.js";

const params = new URLSearchParams(location.search);
const tabId = Number(params.get("tab"));
const $ = (id) => document.getElementById(id);

async function pageUrl() {
  if (params.get("url")) return params.get("url");
  try {
    return (await chrome.tabs.get(tabId)).url ?? "";
  } catch {
    return "";
  }
}

async function main() {
  localize();
  const core = await loadCore();
  const url = await pageUrl();
  const host = core.host_of(url);
  $("options").addEventListener("click", () => chrome.runtime.openOptionsPage());
  if (!host) {
    say($("notice"), t("popupNoSite"));
    $("switches").disabled = true;
    $("clean").disabled = true;
    return;
  }
  $("site").textContent = t("popupSite", [host]);
  const [sync, local] = await readAreas();
  const config = core.site_config(sync, local, url);
  if (config.notice) say($("notice"), config.notice);
  for (const [flag, label] of SWITCHES) {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = `switch-${flag}`;
    input.checked = config.flags[flag];
    input.addEventListener("change", () => setSwitch(host, flag, input));
    const l = document.createElement("label");
    l.append(input, " ", t(label));
    $("switches").append(l);
  }
  $("clean").addEventListener("click", async () => {
    await chrome.runtime.sendMessage({ type: MSG.toggle, tabId });
    await showHidden();
  });
  await showHidden();
}

async function setSwitch(host, flag, input) {
  const value = input.checked;
  if (flag === "auto_clean" && value && !(await requestHost(host).catch(() => false))) {
    input.checked = false;
    say($("notice"), t("popupPermissionDenied", [host]));
    return;
  }
  try {
    const { settings } = await loadSettings();
    settings.sites[host] = { ...(settings.sites[host] ?? {}), [flag]: value };
    const note = await saveSettings(settings);
    say($("notice"), note);
  } catch (e) {
    input.checked = !value;
    say($("notice"), t("saveFailed", [String(e.message || e)]));
    return;
  }
  if (flag !== "auto_clean") {
    await chrome.tabs.sendMessage(tabId, { type: MSG.reclean }).catch(() => null);
    await showHidden();
  }
}

async function showHidden() {
  const list = $("hidden");
  list.replaceChildren();
  const answer = await chrome.tabs.sendMessage(tabId, { type: MSG.hidden }).catch(() => null);
  if (answer?.state === STATE.degraded) {
    $("hidden-status").textContent = t("popupDegraded", [String(answer.degraded.elements), String(answer.degraded.budget)]);
    return;
  }
  if (!answer || answer.state !== STATE.cleaned) {
    $("hidden-status").textContent = t("popupNotCleaned");
    return;
  }
  $("hidden-status").textContent = answer.items.length ? "" : t("popupNothingHidden");
  const ms = (v) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
  const tm = answer.timing;
  $("timing").textContent = tm ? t("popupTiming", [ms(tm.snapshot + tm.analyze + tm.apply), ms(tm.snapshot), ms(tm.analyze), ms(tm.apply)]) : "";
  answer.items.forEach((item, index) => {
    const li = document.createElement("li");
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = item.kind.replace(/_/g, " ");
    const reason = document.createElement("span");
    reason.textContent = ` — ${reasonText(item)}`;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = item.text;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = item.shown ? t("shownAgain") : t("showAgain");
    button.disabled = item.shown;
    button.setAttribute("aria-label", `${t("showAgain")}: ${item.kind.replace(/_/g, " ")} ${item.text}`);
    button.addEventListener("click", async () => {
      const r = await chrome.tabs.sendMessage(tabId, { type: MSG.show, index }).catch(() => null);
      if (r?.ok) {
        button.textContent = t("shownAgain");
        button.disabled = true;
      }
    });
    li.append(kind, reason, text, button);
    list.append(li);
  });
}

main().catch((e) => say($("notice"), String(e.message || e)));
