#!/usr/bin/env bash
# A short tour: build everything, clean the seed page on the command line, then clean it
# in real Chromium through the extension's toolbar button and keep before/after screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=tests/fixtures/seed-zibo-yonhap   # bundled: the demo needs nothing outside the repo

bash scripts/setup.sh
bash scripts/build.sh

url=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$seed/expect.json")
echo
echo "=== byline clean $seed/page.html --url $url"
target/release/byline clean "$seed/page.html" --url "$url" --format text

echo
echo "=== the extension in Chromium"
node --test tests/e2e/seed.test.mjs

echo
echo "Screenshots of the seed page before and after cleaning:"
echo "  $PWD/target/screenshots/seed-before.png"
echo "  $PWD/target/screenshots/seed-after.png"
