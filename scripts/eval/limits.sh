#!/usr/bin/env bash
# Measures Byline's limits with the release CLI: a 200 000-element page and a 10 000-deep
# nesting (the pages tests/limits.rs builds), parse + analysis time (--timings) and peak
# memory (GNU time's maximum resident set size, when /usr/bin/time is installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x target/release/byline ] || cargo build --release -p byline-cli
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
art = "<article><h1>Council approves the new bridge over the river</h1>" + "".join(
    f"<p>Paragraph {i} of the story, with enough words, commas, and sentences to look like prose. "
    "The council met on Tuesday and voted, after a long debate, to fund the bridge.</p>" for i in range(30)) + "</article>"
items = "".join(f'<li><a href="/n/{i}">Story {i}</a><span>{i}</span><b>x</b></li>' for i in range(50000))
open(f"{d}/wide.html", "w").write(f"<!doctype html><html><head><title>Wide</title></head><body>{art}<ul>{items}</ul></body></html>")
deep = "<div>" * 10000 + "<p>The innermost paragraph, with words, and commas.</p>" + "</div>" * 10000
open(f"{d}/deep.html", "w").write(f"<!doctype html><html><head><title>Deep</title></head><body>{deep}{art}</body></html>")
PY
run() {
  local name=$1; shift
  echo "== $name: byline clean $* --timings"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak memory: %M KB, wall %e s" target/release/byline clean "$@" --timings --format text >/dev/null
  else
    target/release/byline clean "$@" --timings --format text >/dev/null
  fi
}
run "200k elements, full analysis" "$dir/wide.html" --max-elements 1000000
run "200k elements, default budget (degrades)" "$dir/wide.html"
run "10k deep" "$dir/deep.html"
