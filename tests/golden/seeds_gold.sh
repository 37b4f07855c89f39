#!/usr/bin/env bash
# Every document-level expectation of the seeds' gold file (titles, bylines,
# outlets, dates, body lines that must stay or go, captions, cites) holds on
# `crossread clean --json examples/dprk-russia-2024-07/`; and the
# boilerplate test articles in tests/data/boilerplate/ meet their .expect
# sidecars.  Run from the repo root: bash tests/golden/seeds_gold.sh BIN
set -euo pipefail
BIN=${1:?usage: seeds_gold.sh /path/to/crossread}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
GOLD=tests/data/seeds-gold.json
if [ -f ../shared/seeds/gold.json ]; then GOLD=../shared/seeds/gold.json; fi
"$BIN" clean --json examples/dprk-russia-2024-07/ > "$TMP/seeds.json"
python3 tests/golden/check_gold.py gold "$TMP/seeds.json" "$GOLD"
D=tests/data/boilerplate
"$BIN" clean --json "$D"/*.txt "$D"/*.jsonl > "$TMP/bp.json"
python3 tests/golden/check_gold.py expect "$TMP/bp.json" "$D"
