#!/usr/bin/env bash
# `make bench`: every benchmark program in BUILD/bench, each printing its
# medians.  Figures and how to read them: bench/README.md.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
status=0
for b in "$BUILD"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" || status=1
  echo
done
exit $status
