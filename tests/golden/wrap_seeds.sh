#!/usr/bin/env bash
# Hard-wrapped text reads as the unwrapped text: the seed articles re-wrapped
# at 60 columns (a blank line after every line of the seed) and at 72
# columns (no blank lines), each compared with the seed's lines laid out
# the same way give the same sentences, the
# same removed lines with the same reasons, captions, title, byline and
# outlet (tests/data/boilerplate/wrap/, made by gen.py there).  Also in
# --raw mode (sentences only).  Run from the repo root:
# bash tests/golden/wrap_seeds.sh BIN
set -euo pipefail
BIN=${1:?usage: wrap_seeds.sh /path/to/crossread}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
W=tests/data/boilerplate/wrap
mkdir -p "$TMP/ref60" "$TMP/ref72"
for f in examples/dprk-russia-2024-07/*.txt; do
  b=$(basename "$f" | cut -c1-3)
  grep -v '^[[:space:]]*$' "$f" | sed 's/$/\n/' > "$TMP/ref60/$b.txt"
  grep -v '^[[:space:]]*$' "$f" > "$TMP/ref72/$b.txt"
done
for w in 60 72; do
  "$BIN" clean --json "$TMP/ref$w"/*.txt > "$TMP/ref$w.json"
  "$BIN" clean --json "$W"/*_w$w.txt > "$TMP/w$w.json"
  python3 tests/golden/check_gold.py wrap "$TMP/ref$w.json" "$TMP/w$w.json"
  "$BIN" clean --raw --json "$TMP/ref$w"/*.txt > "$TMP/rref$w.json"
  "$BIN" clean --raw --json "$W"/*_w$w.txt > "$TMP/rw$w.json"
  python3 tests/golden/check_gold.py wrap "$TMP/rref$w.json" "$TMP/rw$w.json"
done
# --raw keeps one sentence per line apart, and a title line without a final
# stop apart from the capitalized line under it
printf 'Quake Hits Northern Chile\nA strong earthquake struck northern Chile on Monday.\nNo damage was reported\nby local officials.\n' > "$TMP/r.txt"
"$BIN" clean --raw --json "$TMP/r.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)["documents"][0]
b = d["body"].encode()
s = [b[x["start"]:x["end"]].decode() for x in d["sentences"]]
want = ["Quake Hits Northern Chile", "A strong earthquake struck northern Chile on Monday.",
        "No damage was reported by local officials."]
sys.exit(0 if s == want else "raw sentences: %r" % s)'
