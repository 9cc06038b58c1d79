#!/usr/bin/env bash
# Loads the Firefox package into headless firefox-esr with `web-ext run` (as a temporary
# add-on) and checks that Firefox accepted it. What this cannot check headlessly: that
# the toolbar click cleans a page (Firefox has no equivalent of Chromium's
# Extensions.triggerAction over a debugging protocol web-ext exposes); see README.
set -euo pipefail
cd "$(dirname "$0")/../.."
firefox=${BYLINE_FIREFOX:-/usr/bin/firefox-esr}
if [ ! -x "$firefox" ]; then
  echo "firefox-smoke: $firefox not found (scripts/setup.sh installs firefox-esr)"
  exit 1
fi
log=$(mktemp)
# web-ext keeps running until stopped; 40 s is ample for the install on 2 cores.
timeout 40 node_modules/.bin/web-ext run --source-dir dist/firefox --firefox="$firefox" \
  --arg=--headless --no-reload --no-input >"$log" 2>&1 || true
if grep -q "as a temporary add-on" "$log"; then
  echo "firefox-smoke: $(grep -o 'Installed .* as a temporary add-on' "$log")"
  rm -f "$log"
else
  echo "firefox-smoke: the add-on was not installed; web-ext said:"
  grep -v -i "network" "$log" | tail -20
  rm -f "$log"
  exit 1
fi
