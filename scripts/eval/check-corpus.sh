#!/usr/bin/env bash
# The corpus-scale checks, apart from the test command (scripts/test.sh) because they need
# the dev corpora and the shared scorer at ../shared (or BYLINE_SHARED):
#   - the Rust tests named corpus_* (ignored by a plain `cargo test`): the shared scorer
#     agrees with the project's fixture checker, the bundled fixture copies are the shared
#     pages, the attribute rule changes no plan on the corpora;
#   - the shared scorer on the CLI's reports of the shared aggregator pages (every page
#     scored and shown; the seed page must pass every check);
#   - exact restore in Chromium over the readability corpus and a trafilatura sample.
# Builds first (a no-op when scripts/test.sh just built). The stages all run; the script
# fails at the end if any of them failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${BYLINE_SHARED:-../shared}
if [ ! -d "$shared/corpus" ] || [ ! -f "$shared/eval/fixtures.py" ]; then
  echo "check-corpus: needs ../shared (the dev corpora) beside the repository; set BYLINE_SHARED=/path/to/shared" >&2
  exit 1
fi
BYLINE_SHARED=$(cd "$shared" && pwd)
export BYLINE_SHARED
shared=$BYLINE_SHARED

bash scripts/build.sh

source scripts/test/stages.sh

seed_gate() {
  local preds name url
  preds=$(mktemp -d)
  for expect in "$shared"/fixtures/aggregator/*.expect.json; do
    name=$(basename "$expect" .expect.json)
    url=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$expect")
    if ! target/release/byline clean "$shared/fixtures/aggregator/$name.html" --url "$url" \
        --format json > "$preds/$name.json"; then
      echo "check-corpus: byline clean failed on $name"
      rm -f "$preds/$name.json"
    fi
  done
  python3 "$shared/eval/fixtures.py" "$shared/fixtures/aggregator" "$preds" --label byline
  python3 "$shared/eval/fixtures.py" "$shared/fixtures/aggregator" "$preds" --json \
    | python3 -c '
import json, sys
checks = json.load(sys.stdin)["pages"]["seed-zibo-yonhap"]
bad = [k for k, ok in checks.items() if not ok]
if bad or not checks:
    sys.exit("check-corpus: the seed page misses: " + (", ".join(bad) or "its prediction"))
print("check-corpus: the seed page passes all %d checks" % len(checks))'
  rm -rf "$preds"
}

# The same package selection as scripts/test.sh, so its build is reused.
stage "corpus-scale Rust tests" cargo test --workspace --exclude byline-wasm --exclude byline-bench \
  --tests -- --ignored corpus_
stage "shared scorer on the aggregator pages (CLI; the seed page is the gate)" seed_gate
stage "restore over the corpora (Chromium)" env BYLINE_RESTORE_CORPUS=1 node --test tests/e2e/restore.test.mjs

stages_done check-corpus
