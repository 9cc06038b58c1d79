#!/usr/bin/env bash
# Everything CI checks, in order: setup, build, the wasm size budget, Rust tests (native
# and in a real browser through wasm-bindgen-test), the extension's browser tests, the extension lint, and the
# shared fixture scorer. A failing build stops at once; the test stages all run and the
# script fails at the end if any of them failed.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${BYLINE_SHARED:-../shared}

bash scripts/setup.sh
bash scripts/build.sh

failed=()
stages=0
stage() {
  local name=$1; shift
  stages=$((stages + 1))
  echo
  echo "=== $name"
  if "$@"; then echo "=== $name: ok"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}

fixture_score() {
  local preds name url
  preds=$(mktemp -d)
  for expect in "$shared"/fixtures/aggregator/*.expect.json; do
    name=$(basename "$expect" .expect.json)
    url=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$expect")
    if ! target/release/byline clean "$shared/fixtures/aggregator/$name.html" --url "$url" \
        --format json > "$preds/$name.json"; then
      echo "fixtures: byline clean failed on $name"
      rm -f "$preds/$name.json"
    fi
  done
  python3 "$shared/eval/fixtures.py" "$shared/fixtures/aggregator" "$preds" --label byline
  # Only the seed page is a gate; the other pages are scored and shown.
  python3 "$shared/eval/fixtures.py" "$shared/fixtures/aggregator" "$preds" --json \
    | python3 -c '
import json, sys
checks = json.load(sys.stdin)["pages"]["seed-zibo-yonhap"]
bad = [k for k, ok in checks.items() if not ok]
if bad or not checks:
    sys.exit("fixtures: the seed page misses: " + (", ".join(bad) or "its prediction"))
print("fixtures: the seed page passes all %d checks" % len(checks))'
}

stage "wasm size budget" bash scripts/wasm-size.sh
stage "cargo test" cargo test --workspace --exclude byline-wasm --exclude byline-bench
stage "cargo test (wasm32, in Chromium)" env CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json" \
  cargo test -p byline-wasm --target wasm32-unknown-unknown
stage "extension browser tests" node --test tests/e2e/
stage "web-ext lint (Firefox package)" node_modules/.bin/web-ext lint --source-dir dist/firefox
stage "Firefox loads the package (web-ext run, firefox-esr headless)" bash scripts/firefox-smoke.sh
stage "shared fixtures" fixture_score

echo
[ ${#failed[@]} -eq 0 ] || printf 'test: FAILED stages: %s\n' "${failed[*]}"
echo "stages: $((stages - ${#failed[@]})) passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
