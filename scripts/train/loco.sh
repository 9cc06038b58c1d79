#!/usr/bin/env bash
# Leave one corpus out, end to end: for every dev corpus, a block model trained on the other
# corpora (scripts/train/train.py --exclude) and one trained on all of them clean the corpus
# (`byline eval --block-model`), and shared/eval/score.py scores both: left-out next to
# in-sample, for the tidy click (visible text) and the article text.
#   bash scripts/train/loco.sh FEATURE_DIR   (FEATURE_DIR from features.sh; ~10 min)
set -euo pipefail
cd "$(dirname "$0")/../.."
feat=${1:?usage: loco.sh FEATURE_DIR}
shared=${BYLINE_SHARED:-../shared}
work=$(mktemp -d)
cargo build --release -p byline-cli >/dev/null 2>&1
bin=target/release/byline
python3 scripts/train/train.py "$feat" --quick --out "$work/all.bin" >/dev/null
printf '%-12s %-8s %-10s %s\n' corpus model output score
for c in scrapinghub readability zh-cwce trafilatura wcxb; do
  python3 scripts/train/train.py "$feat" --quick --exclude "$c" --out "$work/no-$c.bin" >/dev/null
  for m in all no-$c; do
    label=$([ "$m" = all ] && echo in-sample || echo left-out)
    for field in visible_text article_text; do
      "$bin" eval "$shared/corpus/$c" --out "$work/$m-$c-$field" --mode tidy --field "$field" \
        --block-model "$work/$m.bin" >/dev/null 2>&1
      score=$(python3 "$shared/eval/score.py" "$shared/corpus/$c" "$work/$m-$c-$field" --summary | sed 's/.*missing=[0-9]* //')
      printf '%-12s %-9s %-13s %s\n' "$c" "$label" "tidy-$field" "$score"
    done
  done
done
rm -rf "$work"
