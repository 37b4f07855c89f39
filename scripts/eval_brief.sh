#!/usr/bin/env bash
# eval_brief.sh — the brief's figures on the stories we annotated:
#   1. every expectation of tests/data/seeds-gold.json (the example story)
#      and of tests/data/stories/*.expect.json (PASS/FAIL/MISS lines);
#   2. ROUGE-1 F1 (first 100 words, Porter stems, no stopword removal) of the
#      brief's summary against the reference summary NAME.summary.txt written
#      for each story, beside the lead baseline (first sentences of each
#      article in turn).
# usage: bash scripts/eval_brief.sh [BUILD_DIR]      (from the repo root)
set -u
BUILD=${1:-build}
CR=$BUILD/crossread
[ -x "$CR" ] || { echo "eval_brief: $CR not found (build first)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== expectations"
fails=0
"$CR" brief --json examples/dprk-russia-2024-07/ >"$tmp/dprk-russia-2024-07.json"
python3 tests/golden/check_brief.py tests/data/seeds-gold.json "$tmp/dprk-russia-2024-07.json" >"$tmp/check.txt"; fails=$((fails + $?))
for exp in tests/data/stories/*.expect.json; do
    name=$(basename "$exp" .expect.json)
    "$CR" brief --json "tests/data/stories/$name" >"$tmp/$name.json"
    python3 tests/golden/check_brief.py "$exp" "$tmp/$name.json" >>"$tmp/check.txt"; fails=$((fails + $?))
done
printf "pass %s  fail %s  miss (stretch) %s  skip %s\n" \
    "$(grep -c '^PASS' "$tmp/check.txt")" "$(grep -c '^FAIL' "$tmp/check.txt")" \
    "$(grep -c '^MISS' "$tmp/check.txt")" "$(grep -c '^SKIP' "$tmp/check.txt")"
grep -E '^(FAIL|MISS)' "$tmp/check.txt" | sed 's/^/  /'

echo "== ROUGE-1 F1 (summary cut to 100 words) against tests/data/stories/*.summary.txt"
python3 - "$tmp" <<'PY'
import json, os, sys
sys.path.insert(0, "scripts")
import rouge
tmp = sys.argv[1]
rows = []
for ref in sorted(os.listdir("tests/data/stories")):
    if not ref.endswith(".summary.txt"):
        continue
    name = ref[: -len(".summary.txt")]
    path = os.path.join(tmp, name + ".json")
    if not os.path.exists(path):
        continue
    out = json.load(open(path, encoding="utf-8"))
    refs = [open(os.path.join("tests/data/stories", ref), encoding="utf-8").read()]
    story = max(out["stories"], key=lambda s: len(s["documents"]))
    summary = " ".join(s["text"] for s in story.get("summary", []))
    # lead baseline: first sentence of each article in turn, then the second...
    docs = [d for d in out["documents"]]
    sents = [[d["body"][s["start"]:s["end"]] for s in d["sentences"]] for d in docs]
    lead, i = [], 0
    while len(" ".join(lead).split()) < 100 and any(i < len(s) for s in sents):
        lead += [s[i] for s in sents if i < len(s)]
        i += 1
    rows.append((name, rouge.rouge1(summary, refs)[2], rouge.rouge1(" ".join(lead), refs)[2], len(story.get("summary", []))))
print("%-28s %8s %8s %6s" % ("story", "brief", "lead", "sents"))
for n, b, l, k in rows:
    print("%-28s %8.3f %8.3f %6d" % (n, b, l, k))
if rows:
    print("%-28s %8.3f %8.3f" % ("mean", sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows)))
PY
exit 0
