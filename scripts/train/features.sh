#!/usr/bin/env bash
# Exports and labels the training data: for every dev corpus, `byline features` (the core's
# own feature rows) then align.py (labels from the corpus's gold).
#   bash scripts/train/features.sh OUT_DIR      (needs ../shared; ~3 min)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: features.sh OUT_DIR}
shared=${BYLINE_SHARED:-../shared}
[ -d "$shared/corpus" ] || { echo "features.sh: needs the dev corpora in $shared/corpus (set BYLINE_SHARED)" >&2; exit 1; }
mkdir -p "$out"
cargo build --release -p byline-cli
for c in scrapinghub readability zh-cwce trafilatura wcxb; do
  target/release/byline features "$shared/corpus/$c" --out "$out/$c.jsonl"
  python3 scripts/train/align.py "$shared/corpus/$c" "$out/$c.jsonl" "$out/$c.npz"
done
