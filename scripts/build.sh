#!/usr/bin/env bash
# Builds the native CLI, the wasm core for the extension, and the two extension packages:
#   target/release/byline              the command-line cleaner
#   extension/pkg/                     wasm-bindgen output loaded by extension/content.js
#   dist/{chrome,firefox}/ + dist/byline-{chrome,firefox}.zip
set -euo pipefail
cd "$(dirname "$0")/.."

echo "build: native CLI"
cargo build --release -p byline-cli

echo "build: wasm core"
cargo build -p byline-wasm --lib --profile wasm --target wasm32-unknown-unknown
raw=target/wasm32-unknown-unknown/wasm/byline_wasm.wasm
rm -rf extension/pkg
wasm-bindgen --target web --out-name byline --out-dir extension/pkg "$raw"
# The content script's DOM walker, which takes the snapshot the core reads.
cp crates/wasm/snapshot.js extension/pkg/snapshot.js

# wasm-opt from the npm package binaryen (Debian's binaryen 108 breaks wasm-bindgen output).
# The feature flags match what rustc's wasm32 target emits; without them wasm-opt rejects
# the module. A failure here is not fatal: the unoptimised module works, it is just larger.
wasm=extension/pkg/byline_bg.wasm
# -O3 to match the opt-level 3 of Cargo.toml's wasm profile (chosen for speed; see there).
# --low-memory-unused: Rust's wasm32 memory starts with the 1 MB stack, growing down
# towards address 0, so the lowest 1 KB is only touched by a stack about to overflow
# (the core has no recursion); knowing it unused lets wasm-opt fold address arithmetic
# into load and store offsets (1.3 KB smaller gzip).
# --converge repeats the passes until the module stops shrinking (306 bytes smaller gzip);
# --strip-producers drops the toolchain's "producers" metadata section (106 bytes).
# --reorder-functions-by-name lays the functions out in name order, so the copies of one
# generic function (one per type, one per crate) sit side by side where gzip finds them:
# about 2.2 KB smaller gzip, the code itself unchanged (replay.mjs 22.76 ms before,
# 22.74 ms after, same run).
if node_modules/.bin/wasm-opt -O3 --converge --strip-producers --low-memory-unused --reorder-functions-by-name \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"; then
  mv "$wasm.opt" "$wasm"
else
  rm -f "$wasm.opt"
  echo "build: WARNING: wasm-opt failed; keeping the unoptimised $wasm" >&2
fi
size() { printf '%s bytes raw, %s bytes gzip' "$(wc -c < "$1")" "$(gzip -9c "$1" | wc -c)"; }
echo "build: $raw: $(size "$raw")"
# Raw and gzip size of what ships, against the budget; over it is a warning here and a
# failed stage in scripts/test.sh.
bash scripts/test/wasm-size.sh "$wasm" || echo "build: WARNING: $wasm is over its size budget" >&2

echo "build: extension packages"
rm -rf dist/chrome dist/firefox dist/byline-chrome.zip dist/byline-firefox.zip
mkdir -p dist
for browser in chrome firefox; do
  # Everything the extension ships, minus the TypeScript declarations wasm-bindgen writes.
  cp -r extension "dist/$browser"
  find "dist/$browser" -name '*.d.ts' -delete
  zipfile="$PWD/dist/byline-$browser.zip"
  if command -v zip >/dev/null; then
    (cd "dist/$browser" && zip -qrX "$zipfile" .)
  else
    python3 - "dist/$browser" "$zipfile" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(src):
        for name in sorted(files):
            path = os.path.join(root, name)
            z.write(path, os.path.relpath(path, src))
PY
  fi
  echo "build: $zipfile ($(wc -c < "$zipfile") bytes)"
done
