#!/usr/bin/env bash
# brief_seeds.sh — the brief of the example story (five outlets, one event)
# meets every `story` expectation of tests/data/seeds-gold.json, and each
# story of tests/data/stories/ meets its .expect.json.
# usage: bash tests/golden/brief_seeds.sh path/to/crossread   (from the repo root)
set -u
CR=${1:?usage: brief_seeds.sh CROSSREAD}
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Expectations needing dates or entities are reported as SKIP while the
# extraction stage is not in the build (it answers "not implemented");
# once it is, they are checked like the rest.
lenient=
if "$CR" entities --json examples/dprk-russia-2024-07/ 2>&1 | grep -q "not implemented"; then
    lenient=--lenient
fi

"$CR" brief --json examples/dprk-russia-2024-07/ >"$tmp/seeds.json" || { echo "FAIL: crossread brief --json exited $?"; exit 1; }
echo "== seeds"
python3 tests/golden/check_brief.py tests/data/seeds-gold.json "$tmp/seeds.json" $lenient || fail=1

for exp in tests/data/stories/*.expect.json; do
    [ -e "$exp" ] || continue
    dir=${exp%.expect.json}
    [ -d "$dir" ] || continue
    echo "== $(basename "$dir")"
    "$CR" brief --json "$dir" >"$tmp/story.json" || { echo "FAIL: brief exited $? on $dir"; fail=1; continue; }
    python3 tests/golden/check_brief.py "$exp" "$tmp/story.json" $lenient || fail=1
done

# the text and Markdown forms hold the same sections and quote the same summary
"$CR" brief --no-color examples/dprk-russia-2024-07/ >"$tmp/brief.txt" || { echo "FAIL: text brief"; fail=1; }
"$CR" brief --markdown examples/dprk-russia-2024-07/ >"$tmp/brief.md" || { echo "FAIL: markdown brief"; fail=1; }
for section in Summary Sources "Corroborated facts" Timeline; do
    grep -q "$section" "$tmp/brief.txt" || { echo "FAIL: text brief lacks $section"; fail=1; }
    grep -q "### $section" "$tmp/brief.md" || { echo "FAIL: markdown brief lacks $section"; fail=1; }
done
if grep -q $'\033' "$tmp/brief.txt"; then echo "FAIL: colour codes when not on a terminal"; fail=1; fi
COLUMNS=50 "$CR" brief --no-color examples/dprk-russia-2024-07/ >"$tmp/narrow.txt"
long=$(python3 -c 'import sys; print(sum(1 for l in open(sys.argv[1], encoding="utf-8") if len(l.rstrip("\n")) > 50))' "$tmp/narrow.txt")
# a single word longer than the width may overflow; nothing else
[ "$long" -le 2 ] || { echo "FAIL: $long lines wider than 50 columns"; fail=1; }

# options and exit statuses
"$CR" brief --sentences 2 --json examples/dprk-russia-2024-07/ >"$tmp/s2.json" || { echo "FAIL: --sentences"; fail=1; }
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["stories"][0]["summary"]; sys.exit(0 if len(s) == 2 else 1)' "$tmp/s2.json" \
    || { echo "FAIL: --sentences 2 did not give 2 summary sentences"; fail=1; }
"$CR" brief --words 40 --json examples/dprk-russia-2024-07/ >"$tmp/w40.json" || { echo "FAIL: --words"; fail=1; }
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["stories"][0]["summary"]; n=sum(len(x["text"].split()) for x in s); sys.exit(0 if 1 <= len(s) and (n <= 40 or len(s) == 1) else 1)' "$tmp/w40.json" \
    || { echo "FAIL: --words 40 gave more than 40 words"; fail=1; }
"$CR" brief --sentences 0 examples/dprk-russia-2024-07/ >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: --sentences 0 is not a usage error"; fail=1; }
printf '\x00\x01\x02binary' >"$tmp/bin.dat"
"$CR" brief --no-color examples/dprk-russia-2024-07/ "$tmp/bin.dat" >"$tmp/mixed.txt" 2>"$tmp/mixed.err"; st=$?
[ $st = 1 ] || { echo "FAIL: a rejected input should exit 1 (got $st)"; fail=1; }
grep -q "Summary" "$tmp/mixed.txt" || { echo "FAIL: the other inputs still get their brief"; fail=1; }
NO_COLOR=1 "$CR" brief --color examples/dprk-russia-2024-07/ | grep -q $'\033' || { echo "FAIL: --color ignored"; fail=1; }

[ $fail = 0 ] && echo "brief_seeds: all checks passed"
exit $fail
