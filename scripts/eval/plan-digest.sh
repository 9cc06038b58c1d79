#!/usr/bin/env bash
# Writes the plan of every corpus and fixture page, in both modes, to OUT/ (one JSON per
# page and mode), for checking that a change meant to be behaviour-neutral (a speed-up, a
# refactor) changes no plan:  scripts/eval/plan-digest.sh /tmp/before; <change>;
# scripts/eval/plan-digest.sh /tmp/after; diff -r /tmp/before /tmp/after
# The last line is one digest of all plans: `plan-digest: N pages, 2 modes, sha256 HEX`,
# the sha256 of the plan files concatenated in sorted name order.
# Pages: the readability and trafilatura corpora and the aggregator pages of ../shared
# (BYLINE_SHARED), and the fixture folders tests/fixtures/*/page.html.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: scripts/eval/plan-digest.sh OUT_DIR}
bin=${BYLINE:-target/release/byline}
shared=${BYLINE_SHARED:-../shared}
if [ ! -d "$shared/corpus" ]; then
  echo "plan-digest: needs ../shared (the dev corpora) beside the repository; set BYLINE_SHARED=/path/to/shared" >&2
  exit 1
fi
mkdir -p "$out"
n=0
for f in "$shared"/corpus/readability/*/source.html "$shared"/corpus/trafilatura/*/source.html \
         "$shared"/fixtures/aggregator/*.html tests/fixtures/*/page.html; do
  [ -f "$f" ] || continue
  # The page's path below ../shared (or the repository), slashes as underscores.
  id=${f#"$shared"/}
  id=${id//\//_}
  for mode in tidy focus; do
    "$bin" plan --mode "$mode" "$f" > "$out/$id.$mode.json" 2>&1 || echo "exit $?" >> "$out/$id.$mode.json"
  done
  n=$((n + 1))
done
echo "plan-digest: plans in $out"
digest=$(cd "$out" && find . -maxdepth 1 -type f -name '*.json' -printf '%f\n' | LC_ALL=C sort \
  | xargs -d '\n' cat | sha256sum | cut -d' ' -f1)
echo "plan-digest: $n pages, 2 modes, sha256 $digest"
