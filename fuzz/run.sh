#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each; FUZZ_SECONDS=N to change).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). New corpus entries
# go to fuzz/corpus/<target>/ (not committed); a crash stops the run and leaves its input in
# fuzz/artifacts/<target>/ — copy it to fuzz/regressions/<target>/ and fix the code: the
# plain test tests/fuzz_corpus.rs then runs it on every `cargo test`.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
# What the fuzzer needs, installed when missing (libFuzzer's instrumentation needs nightly).
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
for target in ${FUZZ_TARGETS:-html_plan rules dates settings}; do
  mkdir -p "corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 -timeout=10 -print_final_stats=1
done
