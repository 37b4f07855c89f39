#!/usr/bin/env bash
# Golden test: `crossread clean --json` on the example story must match the
# checked-in output byte for byte (tests/golden/expected/).  After an intended
# change, regenerate with: UPDATE_GOLDEN=1 bash tests/golden/clean_seeds.sh build/crossread
# and review the diff like code.
set -u
CR=${1:?usage: clean_seeds.sh path/to/crossread}
EXP=tests/golden/expected
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
for cmd in "clean --json" "clean"; do
  name=$(echo "$cmd" | tr ' ' '_' | tr -d '-')
  # the readable report names sources by path: run from the repo root
  $CR $cmd examples/dprk-russia-2024-07/ >"$T/$name.out" 2>"$T/$name.err"
  rc=$?
  [ $rc -eq 0 ] || { echo "FAIL: $cmd exited $rc: $(cat "$T/$name.err")"; fail=1; continue; }
  if [ -n "${UPDATE_GOLDEN:-}" ]; then
    cp "$T/$name.out" "$EXP/seeds.$name.out"; echo "updated $EXP/seeds.$name.out"; continue
  fi
  if ! cmp -s "$T/$name.out" "$EXP/seeds.$name.out"; then
    echo "FAIL: crossread $cmd differs from $EXP/seeds.$name.out:"
    diff <(python3 -m json.tool "$EXP/seeds.$name.out" 2>/dev/null || cat "$EXP/seeds.$name.out") \
         <(python3 -m json.tool "$T/$name.out" 2>/dev/null || cat "$T/$name.out") | head -40
    fail=1
  fi
done
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
