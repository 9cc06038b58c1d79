#!/usr/bin/env bash
# Writes the plan of every corpus and fixture page, in both modes, to OUT/ (one JSON per
# page and mode), for checking that a change meant to be behaviour-neutral (a speed-up, a
# refactor) changes no plan:  scripts/plan-digest.sh /tmp/before; <change>;
# scripts/plan-digest.sh /tmp/after; diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/plan-digest.sh OUT_DIR}
bin=${BYLINE:-target/release/byline}
mkdir -p "$out"
shared=../shared
n=0
for f in "$shared"/corpus/readability/*/source.html "$shared"/corpus/trafilatura/*/source.html \
         "$shared"/fixtures/aggregator/*.html tests/fixtures/*/page.html; do
  [ -f "$f" ] || continue
  id=$(echo "$f" | sed -e 's|^\.\./shared/||' -e 's|/|_|g')
  for mode in tidy focus; do
    "$bin" plan --mode "$mode" "$f" > "$out/$id.$mode.json" 2>&1 || echo "exit $?" >> "$out/$id.$mode.json"
  done
  n=$((n + 1))
done
echo "plan-digest: $n pages, 2 modes, in $out"
