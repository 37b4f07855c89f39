#!/usr/bin/env bash
# `make demo`: crossread on the example story (five outlets, one event).
set -u
BUILD=${1:-build}
CR="$BUILD/crossread"
EX=examples/dprk-russia-2024-07
hr() { printf '\n== %s\n\n' "$*"; }
hr "crossread clean $EX/*.txt"
"$CR" clean "$EX"/*.txt
hr "crossread dedup $EX/"
"$CR" dedup "$EX/" || true
hr "crossread cluster $EX/"
"$CR" cluster "$EX/" || true
hr "crossread brief $EX/"
"$CR" brief "$EX/" || true
