# Stages for scripts/test.sh and scripts/eval/check-corpus.sh (sourced): `stage NAME CMD…`
# runs CMD under a header and records a failure without stopping; `stages_done LABEL`
# prints the tally and returns non-zero if any stage failed.
failed=()
stages=0

stage() {
  local name=$1; shift
  stages=$((stages + 1))
  echo
  echo "=== $name"
  if "$@"; then echo "=== $name: ok"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}

stages_done() {
  echo
  [ ${#failed[@]} -eq 0 ] || printf '%s: FAILED stages: %s\n' "$1" "${failed[*]}"
  echo "$1: $((stages - ${#failed[@]})) stages passed, ${#failed[@]} failed"
  [ ${#failed[@]} -eq 0 ]
}
