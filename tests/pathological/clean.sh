#!/usr/bin/env bash
# Pathological inputs for the cleaning pipeline: each must finish within its
# time budget (linear behaviour) and not crash.  Budgets are 5x larger under
# sanitizers (CR_SANITIZED=1).
set -u
CR=${1:?usage: clean.sh path/to/crossread}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0; pass=0
scale=1; [ -n "${CR_SANITIZED:-}" ] && scale=5
run() { # name budget_seconds file...
  local name=$1 budget=$(( $2 * scale )); shift 2
  local s=$(date +%s%N)
  timeout "$budget" "$CR" clean --json "$@" >"$T/out" 2>"$T/err"
  local rc=$? ms=$(( ($(date +%s%N) - s) / 1000000 ))
  if [ $rc -eq 124 ]; then fail=$((fail+1)); echo "FAIL: $name: over ${budget}s" >&2
  elif [ $rc -gt 3 ]; then fail=$((fail+1)); echo "FAIL: $name: exit $rc" >&2; cat "$T/err" >&2
  else pass=$((pass+1)); echo "ok: $name (${ms} ms, exit $rc)"; fi
}
python3 - "$T" <<'PY'
import sys, random
t = sys.argv[1]
random.seed(7)
words = "the minister said officials were told about a report on security and the talks".split()
# a 10 MB single line of words (no line breaks, few periods)
with open(f"{t}/line.txt", "w") as f:
    f.write(" ".join(random.choice(words) for _ in range(1_800_000)))
# a million blank lines around one sentence
with open(f"{t}/blank.txt", "w") as f:
    f.write("\n" * 500_000 + "A sentence in the middle of nowhere.\n" + "\n" * 500_000)
# one giant token
with open(f"{t}/token.txt", "w") as f:
    f.write("Start. " + "x" * 8_000_000 + " end.\n")
# a sentence of 100,000 capitalized words
with open(f"{t}/caps.txt", "w") as f:
    f.write(" ".join(random.choice(["Kim", "Putin", "Moscow", "North", "Korea", "Summit"]) for _ in range(100_000)) + ".\n")
# a document of only numbers
with open(f"{t}/numbers.txt", "w") as f:
    f.write("\n".join(" ".join(str(random.randint(0, 10**6)) for _ in range(20)) for _ in range(20000)))
# ten thousand periods and abbreviations
with open(f"{t}/dots.txt", "w") as f:
    f.write(("U.S. St. Dr. ... e.g. " * 50000) + "\n")
# many short lines of mojibake
with open(f"{t}/moji.txt", "w") as f:
    f.write("donâ€™t stop Ã© Â \n" * 100000)
# a hash-collision-ish flood: many identical lines
with open(f"{t}/repeat.txt", "w") as f:
    f.write("Subscribe to our newsletter\n" * 200000 + "The actual story is one sentence.\n")
PY
run "10 MB single line" 10 "$T/line.txt"
run "a million blank lines" 10 "$T/blank.txt"
run "one 8 MB token" 10 "$T/token.txt"
run "100,000 capitalized words" 10 "$T/caps.txt"
run "only numbers" 10 "$T/numbers.txt"
run "abbreviations and dots" 10 "$T/dots.txt"
run "mojibake lines" 10 "$T/moji.txt"
run "200,000 repeated lines" 10 "$T/repeat.txt"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
