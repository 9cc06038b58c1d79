#!/usr/bin/env bash
# Exports and labels the training data.
#   bash scripts/train/features.sh OUT_DIR          block rows: for every dev corpus,
#       `byline features` (the core's own feature rows) then align.py (labels from the
#       corpus's gold); ~3 min
#   bash scripts/train/features.sh OUT_DIR --pages  page rows for the page-type classifier:
#       every dev corpus and the project's own fixtures (laid out by fixture_corpus.py in
#       OUT_DIR/corpora/fixtures); then
#       python3 scripts/train/page_type.py OUT_DIR --corpora ../shared/corpus --corpora OUT_DIR/corpora
# Both need ../shared (or BYLINE_SHARED).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: features.sh OUT_DIR [--pages]}
shared=${BYLINE_SHARED:-../shared}
[ -d "$shared/corpus" ] || { echo "features.sh: needs the dev corpora in $shared/corpus (set BYLINE_SHARED)" >&2; exit 1; }
mkdir -p "$out"
cargo build --release -p byline-cli
if [ "${2:-}" = "--pages" ]; then
  python3 scripts/train/fixture_corpus.py "$out/corpora/fixtures"
  for c in readability trafilatura scrapinghub goose3 htmldate wcxb zh-cwce; do
    target/release/byline features "$shared/corpus/$c" --pages --out "$out/$c.jsonl"
  done
  target/release/byline features "$out/corpora/fixtures" --pages --out "$out/fixtures.jsonl"
  exit 0
fi
for c in scrapinghub readability zh-cwce trafilatura wcxb; do
  target/release/byline features "$shared/corpus/$c" --out "$out/$c.jsonl"
  python3 scripts/train/align.py "$shared/corpus/$c" "$out/$c.jsonl" "$out/$c.npz"
done
