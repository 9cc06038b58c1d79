#!/usr/bin/env bash
# The test command: setup, build, the wasm size budget, Rust tests (native and in a real
# browser through wasm-bindgen-test), the extension's browser tests, the extension lint and
# a Firefox install of the package. Needs nothing outside the repository: the tests read
# the project's own fixtures (tests/fixtures/). The corpus-scale checks, which need the dev
# corpora at ../shared, are scripts/eval/check-corpus.sh. A failing build stops at once;
# the test stages all run and the script fails at the end if any of them failed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

source scripts/test/stages.sh

stage "wasm size budget" bash scripts/test/wasm-size.sh
stage "cargo test" cargo test --workspace --exclude byline-wasm --exclude byline-bench
stage "cargo test (wasm32, in Chromium)" env CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/test/webdriver.json" \
  cargo test -p byline-wasm --target wasm32-unknown-unknown
stage "extension browser tests" node --test tests/e2e/
stage "web-ext lint (Firefox package)" node_modules/.bin/web-ext lint --source-dir dist/firefox
stage "Firefox loads the package (web-ext run, firefox-esr headless)" bash scripts/test/firefox-smoke.sh

stages_done test
