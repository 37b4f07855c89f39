#!/bin/bash
# tests/cli/dedup.sh — `crossread dedup` as a user runs it: the report and
# JSON on the example story, exit codes, rejected inputs, a flood of
# identical articles and a 16 MB article.
#   bash tests/cli/dedup.sh /path/to/crossread   (from the repository root)
set -u
CR=${1:?usage: dedup.sh /path/to/crossread}
EX=examples/dprk-russia-2024-07
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fail=$((fail + 1)); }

# 1. the example story: seed 002 is a rewrite of seed 000, nothing else copies
"$CR" dedup "$EX" >"$T/out.txt" 2>"$T/err.txt"; rc=$?
[ $rc -eq 0 ] && ok || bad "example: exit $rc"
grep -q "002_d521b363f5ac9094 rewrite of 000_cc5872542598d7f9" "$T/out.txt" && ok || bad "example: rewrite 002/000 not reported: $(cat "$T/out.txt")"
grep -q "original" "$T/out.txt" && ok || bad "example: no group with its original"
grep -q "duplicate of\| contains " "$T/out.txt" && bad "example: duplicate/contains among five outlets' own reports" || ok

"$CR" dedup --json "$EX" >"$T/out.json"; rc=$?
[ $rc -eq 0 ] && ok || bad "json: exit $rc"
for k in '"documents"' '"copies"' '"copy_groups"' '"errors"' '"relation": *"rewrite"' '"aligned_sentences"' '"jaccard"' '"containment"' '"why"' '"original"'; do
    grep -q "$k" "$T/out.json" && ok || bad "json: no $k"
done
"$CR" dedup --pretty "$EX" | grep -q '^  "copies": \[' && ok || bad "pretty: not indented"

# 2. usage errors and help
"$CR" dedup --threshold 0 "$EX" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--threshold 0 should be a usage error"
"$CR" dedup --threshold abc "$EX" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--threshold abc should be a usage error"
"$CR" dedup --shingle 0 "$EX" >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "--shingle 0 should be a usage error"
"$CR" dedup --help | grep -q "usage: crossread dedup" && ok || bad "--help"
"$CR" dedup --threshold 0.9 --shingle 3 "$EX" >/dev/null 2>&1; [ $? -eq 0 ] && ok || bad "--threshold 0.9 --shingle 3"

# 3. an empty article is rejected (exit 1, listed in errors), the rest deduped
mkdir -p "$T/mix"
: >"$T/mix/empty.txt"
cp "$EX/000_cc5872542598d7f9.txt" "$T/mix/a.txt"
cp "$EX/000_cc5872542598d7f9.txt" "$T/mix/b.txt"
echo "Word" >"$T/mix/oneword.txt"
"$CR" dedup --json "$T/mix" >"$T/mix.json" 2>"$T/mix.err"; rc=$?
[ $rc -eq 1 ] && ok || bad "empty article: exit $rc, expected 1"
grep -q '"input": *"[^"]*empty.txt"' "$T/mix.json" && ok || bad "empty article not in errors"
grep -q '"a": *"a", *"b": *"b", *"relation": *"duplicate"' "$T/mix.json" && ok || bad "identical a/b not a duplicate: $(grep -o '"copies".*' "$T/mix.json" | head -c 300)"

# 4. 2,000 identical articles from different outlets, one unrelated:
#    one group, quickly (no quadratic blow-up)
if command -v python3 >/dev/null; then
    python3 - "$EX/004_1428ae4cc26c0931.txt" "$EX/001_35b098383a2d3d3d.txt" >"$T/flood.jsonl" <<'EOF'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(2000):
    print(json.dumps({"id": f"copy{i:04d}", "outlet": f"Outlet {i}", "text": text}))
print(json.dumps({"id": "other", "outlet": "Other", "text": open(sys.argv[2], encoding="utf-8").read()}))
EOF
    start=$(date +%s)
    "$CR" dedup --json "$T/flood.jsonl" >"$T/flood.json" 2>"$T/flood.err"; rc=$?
    secs=$(( $(date +%s) - start ))
    [ $rc -eq 0 ] && ok || bad "flood: exit $rc: $(head -3 "$T/flood.err")"
    [ $secs -le 60 ] && ok || bad "flood: took ${secs}s"
    python3 - "$T/flood.json" <<'EOF' && ok || bad "flood: not one group of 2000"
import json, sys
d = json.load(open(sys.argv[1]))
g = d["copy_groups"]
sys.exit(0 if len(g) == 1 and len(g[0]["members"]) == 2000 and "other" not in g[0]["members"] else 1)
EOF
else
    echo "skip: python3 not found (flood test)"
fi

# 5. a 16 MB article and a copy of its first paragraphs
awk 'BEGIN { srand(7); for (p = 0; p < 13000; p++) { line = "";
        for (w = 0; w < 180; w++) line = line sprintf("w%d ", int(rand() * 40000));
        print line "end."; print "" } }' >"$T/big.txt"
head -c 20000 "$T/big.txt" | sed '$d' >"$T/head.txt"
size=$(wc -c <"$T/big.txt")
[ "$size" -gt 15000000 ] && ok || bad "big article only $size bytes"
start=$(date +%s)
"$CR" dedup --raw --json "$T/big.txt" "$T/head.txt" >"$T/big.json" 2>"$T/big.err"; rc=$?
secs=$(( $(date +%s) - start ))
[ $rc -eq 0 ] && ok || bad "16 MB: exit $rc: $(head -3 "$T/big.err")"
[ $secs -le 120 ] && ok || bad "16 MB: took ${secs}s"
grep -q '"a": *"big", *"b": *"head", *"relation": *"contains"' "$T/big.json" && ok || bad "16 MB: contained copy not found"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
