#!/bin/bash
# cluster.sh — `crossread cluster`: JSON shape, the seed articles as one
# story, same grouping whatever the input order, deterministic output,
# streaming lines and errors, bad input with exit status 1.
set -u
BIN=${1:?usage: cluster.sh /path/to/crossread}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fail=1; }

SEEDS=examples/dprk-russia-2024-07
"$BIN" cluster --help | grep -q -- "--stream" && ok "help" || bad "help"

# seeds: one story holding all five, with a label and why
"$BIN" cluster --json "$SEEDS" > "$T/a.json"; rc=$?
[ $rc -eq 0 ] && ok "exit 0" || bad "exit $rc"
python3 - "$T/a.json" <<'PY' && ok "seeds form one story" || bad "seeds form one story"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["stories"]
assert len(s) == 1 and len(s[0]["documents"]) == 5, s
assert s[0]["id"] == "s1" and s[0]["label"] and s[0]["why"], s
assert d["errors"] == []
PY

# input order does not matter; two runs give the same bytes
"$BIN" cluster --json $(ls "$SEEDS"/*.txt | sort -r) > "$T/b.json"
python3 -c 'import json,sys; a,b=(json.load(open(p))["stories"] for p in sys.argv[1:]); sys.exit(a!=b)' \
  "$T/a.json" "$T/b.json" && ok "order-independent" || bad "order-independent"
"$BIN" cluster --json "$SEEDS" > "$T/c.json"
cmp -s "$T/a.json" "$T/c.json" && ok "deterministic" || bad "deterministic"

# readable listing names the story and its members
"$BIN" cluster "$SEEDS" > "$T/list.txt"
grep -q "^s1 " "$T/list.txt" && grep -q "5 articles" "$T/list.txt" && ok "listing" || bad "listing"

# two different events in JSON Lines, shuffled: two stories, same grouping
cat > "$T/ev.jsonl" <<'J'
{"id": "a1", "published": "2024-03-01T08:00:00Z", "text": "A magnitude 6.1 earthquake struck near the Kermadec Islands on Friday. No tsunami warning was issued for New Zealand. Raoul Island residents felt strong shaking."}
{"id": "a2", "published": "2024-03-01T10:00:00Z", "text": "A strong 6.1 quake hit the Kermadec Islands on Friday; officials said there was no tsunami threat to New Zealand. Staff on Raoul Island felt the shaking."}
{"id": "b1", "published": "2024-03-05T10:00:00Z", "text": "The parliament of Estland passed the Harbor Bridge budget on Tuesday. Finance minister Aino Kask said construction would begin in June."}
{"id": "b2", "published": "2024-03-05T12:00:00Z", "text": "Estland lawmakers approved funding for the Harbor Bridge on Tuesday. Finance minister Aino Kask said construction of the bridge starts in June."}
J
tac "$T/ev.jsonl" > "$T/ev-rev.jsonl"
"$BIN" cluster --json "$T/ev.jsonl" > "$T/e1.json"
"$BIN" cluster --json "$T/ev-rev.jsonl" > "$T/e2.json"
python3 - "$T/e1.json" "$T/e2.json" <<'PY' && ok "two events, order-independent" || bad "two events, order-independent"
import json, sys
for p in sys.argv[1:]:
    g = sorted(sorted(s["documents"]) for s in json.load(open(p))["stories"])
    assert g == [["a1", "a2"], ["b1", "b2"]], g
PY

# streaming: one line per article; malformed lines -> error line, stderr, exit 1
printf '%s\n' "$(head -2 "$T/ev.jsonl")" 'not json' '{"id": "e", "text": ""}' "$(tail -2 "$T/ev.jsonl")" \
  | "$BIN" cluster --stream --window 48h > "$T/s.jsonl" 2> "$T/s.err"; rc=$?
[ $rc -eq 1 ] && ok "stream exit 1 on bad lines" || bad "stream exit $rc"
[ "$(wc -l < "$T/s.jsonl")" -eq 6 ] && ok "stream: a line per input line" || bad "stream line count"
[ -s "$T/s.err" ] && ok "stream: message on stderr" || bad "stream stderr"
python3 - "$T/s.jsonl" <<'PY' && ok "stream assignments" || bad "stream assignments"
import json, sys
L = [json.loads(l) for l in open(sys.argv[1])]
assert L[0]["story"] == "s1" and L[1]["story"] == "s1" and L[1]["why"], L[:2]
assert L[2] == {"id": None, "error": L[2]["error"]} and L[2]["error"], L[2]
assert L[3]["id"] == "e" and "error" in L[3], L[3]
assert L[4]["story"] == L[5]["story"] != "s1", L[4:]
for x in (L[0], L[1], L[4], L[5]):
    assert set(x) == {"id", "story", "score", "why"}, x
PY
"$BIN" cluster --stream "$SEEDS" >/dev/null 2>&1; [ $? -eq 2 ] && ok "stream takes no INPUT" || bad "stream with INPUT"

# bad input in batch: an empty file is reported, the rest clustered
mkdir "$T/bad"; cp "$SEEDS"/*.txt "$T/bad/"; : > "$T/bad/empty.txt"; echo "Word" > "$T/bad/one.txt"
"$BIN" cluster --json "$T/bad" > "$T/bad.json" 2> "$T/bad.err"; rc=$?
[ $rc -eq 1 ] && grep -q "empty" "$T/bad.err" && ok "empty input reported, exit 1" || bad "empty input (rc $rc)"
python3 - "$T/bad.json" <<'PY' && ok "bad input: seeds still one story" || bad "bad input grouping"
import json, sys
d = json.load(open(sys.argv[1]))
big = max(d["stories"], key=lambda s: len(s["documents"]))
assert len(big["documents"]) == 5 and "one" not in big["documents"], d["stories"]
assert len(d["errors"]) == 1
PY
# pathological: a sentence of 100,000 capitalized words, a document of only
# numbers, beside the seeds: fast, and the seeds still one story
mkdir "$T/patho"; cp "$SEEDS"/*.txt "$T/patho/"
python3 - "$T/patho" <<'PY'
import random, sys
r = random.Random(1)
w = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
open(sys.argv[1] + "/caps.txt", "w").write(" ".join(r.choice(w) for _ in range(100000)) + ".\n")
open(sys.argv[1] + "/nums.txt", "w").write("\n".join(" ".join(str(r.randint(0, 10**6)) for _ in range(20)) for _ in range(20000)) + "\n")
PY
start=$(date +%s)
"$BIN" cluster --json "$T/patho" > "$T/patho.json" 2>/dev/null
took=$(( $(date +%s) - start ))
[ "$took" -lt 30 ] && ok "pathological inputs in ${took}s" || bad "pathological inputs took ${took}s"
python3 - "$T/patho.json" <<'PY' && ok "pathological: seeds one story" || bad "pathological grouping"
import json, sys
d = json.load(open(sys.argv[1]))
big = max(d["stories"], key=lambda s: len(s["documents"]))
assert sorted(big["documents"]) == sorted(x["id"] for x in d["documents"] if x["id"][:3].isdigit()), d["stories"]
PY
exit $fail
