// The options page: the rules as text (checked by the core as you type: a malformed line
// shows its line number and message and stays in the text), import/export of the rules
// file, reset, and every site with its own switches.
//
// Import/export round-trips byte for byte: the imported text is stored exactly as decoded
// (BOM and CRLF line ends included) and exported from storage, not from the textarea
// (whose value the browser normalizes to LF); only typing in the textarea replaces it.

import { loadCore, loadSettings, localize, requestHost, saveSettings, say, SWITCHES, t } from "./lib/ui.js";

const $ = (id) => document.getElementById(id);
let settings = null; // as loaded/saved; settings.rules is the exact stored text
let edited = false; // the textarea holds changes not yet saved

function check(text) {
  loadCore().then((core) => {
    const set = core.check_rules(text);
    // The core checks the syntax it knows; the browser's own selector engine has the last
    // word on the CSS (a selector it cannot compile would be skipped on every page).
    for (const rule of set.rules) {
      try {
        document.createDocumentFragment().querySelector(rule.selector);
      } catch (e) {
        set.diagnostics.push({ line: rule.line, message: t("ruleBadSelector"), text: text.split("\n")[rule.line - 1].replace(/\r$/, "") });
      }
    }
    set.diagnostics.sort((a, b) => a.line - b.line);
    const list = $("diagnostics");
    list.replaceChildren();
    if (set.diagnostics.length === 0) {
      $("check-summary").textContent = t("rulesOk", [String(set.rules.length)]);
      $("check-summary").className = "muted";
      return;
    }
    $("check-summary").textContent = t("rulesErrors", [String(set.diagnostics.length)]);
    $("check-summary").className = "error";
    for (const d of set.diagnostics) {
      const li = document.createElement("li");
      li.className = "error diagnostic";
      li.dataset.line = String(d.line);
      const code = document.createElement("code");
      code.textContent = d.text;
      li.append(`${t("ruleLine", [String(d.line)])}: ${d.message} — `, code);
      list.append(li);
    }
  });
}

function showRules() {
  $("rules").value = settings.rules;
  edited = false;
  check(settings.rules);
}

async function save(next, message = t("rulesSaved")) {
  try {
    const note = await saveSettings(next);
    settings = next;
    say($("notice"), note);
    $("saved").textContent = message;
  } catch (e) {
    $("saved").textContent = t("saveFailed", [String(e.message || e)]);
  }
}

function renderSites() {
  const body = $("sites").querySelector("tbody");
  body.replaceChildren();
  const hosts = Object.keys(settings.sites).sort();
  $("sites").hidden = hosts.length === 0;
  $("sites-empty").hidden = hosts.length > 0;
  for (const host of hosts) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = host;
    tr.append(th);
    for (const [flag, label] of SWITCHES) {
      const td = document.createElement("td");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.checked = settings.sites[host][flag] ?? (flag !== "auto_clean");
      input.setAttribute("aria-label", `${host}: ${t(label)}`);
      input.addEventListener("change", async () => {
        if (flag === "auto_clean" && input.checked && !(await requestHost(host).catch(() => false))) {
          input.checked = false;
          say($("notice"), t("popupPermissionDenied", [host]));
          return;
        }
        const next = structuredClone(settings);
        next.sites[host] = { ...next.sites[host], [flag]: input.checked };
        await save(next);
      });
      td.append(input);
      tr.append(td);
    }
    const td = document.createElement("td");
    const forget = document.createElement("button");
    forget.type = "button";
    forget.textContent = t("siteRemove");
    forget.setAttribute("aria-label", `${t("siteRemove")}: ${host}`);
    forget.addEventListener("click", async () => {
      const next = structuredClone(settings);
      delete next.sites[host];
      await save(next);
      renderSites();
    });
    td.append(forget);
    tr.append(td);
    body.append(tr);
  }
}

async function main() {
  localize();
  const head = $("sites-head");
  for (const key of ["siteHost", ...SWITCHES.map(([, l]) => l), null]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = key ? t(key) : "";
    head.append(th);
  }
  const loaded = await loadSettings();
  settings = loaded.settings;
  if (loaded.notice) say($("notice"), loaded.notice);
  showRules();
  renderSites();

  let timer = 0;
  $("rules").addEventListener("input", () => {
    edited = true;
    clearTimeout(timer);
    timer = setTimeout(() => check($("rules").value), 150);
  });
  $("save").addEventListener("click", () => {
    if (!edited) return save(settings);
    return save({ ...settings, rules: $("rules").value }).then(() => (edited = false));
  });
  $("import").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async () => {
    const file = $("import-file").files[0];
    $("import-file").value = "";
    if (!file) return;
    let text;
    try {
      // fatal: a file that is not UTF-8 is refused rather than silently altered;
      // ignoreBOM: a byte-order mark is kept, so the export gives back the same bytes.
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch (e) {
      say($("notice"), t("importFailed", [String(e.message || e)]));
      return;
    }
    await save({ ...settings, rules: text });
    showRules();
  });
  $("export").addEventListener("click", () => {
    const text = edited ? $("rules").value : settings.rules;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "byline-rules.txt";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  $("reset").addEventListener("click", async () => {
    if (!confirm(t("resetConfirm"))) return;
    await save({ rules: "", sites: {} }, t("resetDone"));
    showRules();
    renderSites();
  });
  chrome.storage.onChanged.addListener(async () => {
    if (edited) return;
    const again = await loadSettings();
    settings = again.settings;
    showRules();
    renderSites();
  });
}

main().catch((e) => say($("notice"), String(e.message || e)));
