#!/usr/bin/env bash
# The shipped wasm's size against its budget (issue 7): prints raw and gzip -9 bytes and
# fails when the gzipped size is above BYLINE_WASM_BUDGET bytes (0 turns the check off).
# The default holds today's size (opt-level 3, chosen for speed: see Cargo.toml) so the
# wasm cannot grow unnoticed; issue 7's goal of 150000 is not met yet. Raised once, from
# 220000 (217,537 then) to 225000, for in-story prompt detection and its lexicon, the
# snapshot's token format and interned tag names (222,773); then to 240000 for the analysis
# speed-up of session 4 (235,438: per-text lexicon caches, ASCII fast paths in the text
# helpers; analysis 1.46x faster in V8, bench/browser/replay.mjs 31.6 -> 23.5 ms). scripts/build.sh prints it after
# building; CI runs it as a stage of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=${1:-extension/pkg/byline_bg.wasm}
budget=${BYLINE_WASM_BUDGET:-240000}
if [ ! -f "$wasm" ]; then
  echo "wasm size: $wasm is missing (run scripts/build.sh)" >&2
  exit 1
fi
raw=$(wc -c < "$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
echo "wasm size: $wasm: $raw bytes raw, $gz bytes gzip -9 (budget: $budget bytes gzip)"
if [ "$budget" -gt 0 ] && [ "$gz" -gt "$budget" ]; then
  echo "wasm size: over budget by $((gz - budget)) bytes gzip" >&2
  exit 1
fi
