#!/usr/bin/env bash
# Installs what building and testing Byline needs. Idempotent: each step runs only when
# its tool is missing or at the wrong version, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests, chromedriver for wasm-bindgen-test, a CJK font so the
# screenshots of Chinese pages show text instead of empty boxes.
# firefox-esr: scripts/test/firefox-smoke.sh installs the Firefox package into it.
apt_packages=(chromium chromium-driver fonts-wqy-zenhei firefox-esr)
if [ ! -x /usr/bin/chromium ] || ! dpkg-query -W "${apt_packages[@]}" >/dev/null 2>&1; then
  echo "setup: installing ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${apt_packages[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found: ${have:-none}); this takes several minutes"
  # No --locked: the CLI's own lock pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want"
fi

# playwright-core, binaryen (wasm-opt) and web-ext, exactly as locked.
# A stamp holding the lock file's hash tells whether node_modules matches it.
stamp=node_modules/.byline-lock.sha256
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund
  sha256sum package-lock.json > "$stamp"
fi
echo "setup: ok"
