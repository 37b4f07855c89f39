#!/usr/bin/env bash
# CLI tests for `crossread entities`: arguments and exit codes, the seeds'
# summit dates (2024-06-18 in 003, 2024-06-19 in 001, "departed on Monday"
# = 2024-07-08 in 004, all by general rules), quantities, --raw, the
# readable report, and a pathological input under a time limit.
set -u
CR=${1:?usage: entities.sh path/to/crossread}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0; pass=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*" >&2; }
expect_rc() { if [ "$1" = "$2" ]; then ok; else bad "$3: exit $2, expected $1"; fi; }
has() { if grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' not found in $(head -c 300 "$1")"; fi; }
EX=examples/dprk-russia-2024-07

"$CR" entities --help >"$T/out" 2>&1; expect_rc 0 $? "entities --help"
has "$T/out" "example:" "entities --help shows an example"
"$CR" entities --bogus "$EX" >"$T/out" 2>&1; expect_rc 2 $? "unknown option"
"$CR" entities "$T/missing.txt" >"$T/out" 2>"$T/err"; expect_rc 1 $? "missing input"

"$CR" entities --json "$EX" >"$T/j" 2>"$T/err"; expect_rc 0 $? "entities --json on the seeds"
python3 - "$T/j" <<'PY' || fail=$((fail+1))
import json, sys
d = json.load(open(sys.argv[1]))
docs = {x["id"][:3]: x for x in d["documents"]}
def value(doc, text):
    for t in docs[doc]["dates"]:
        if t["text"] == text:
            return t["value"]
    return None
errs = []
if value("003", "June 18") != "2024-06-18": errs.append("003 June 18: %s" % value("003", "June 18"))
if value("001", "19 June") != "2024-06-19": errs.append("001 19 June: %s" % value("001", "19 June"))
if docs["004"].get("published", "").startswith("2024-07-09") and value("004", "Monday") != "2024-07-08":
    errs.append("004 Monday: %s" % value("004", "Monday"))
q = {x["text"]: x for x in docs["003"]["quantities"]}
a = q.get("approximately 1.6 million artillery pieces")
if not a or a["value"] != 1600000 or a["unit"] != "artillery piece" or a["qualifier"] != "about":
    errs.append("003 1.6 million artillery pieces: %s" % a)
for doc in d["documents"]:
    body = doc["body"].encode()
    for t in doc["dates"] + doc["quantities"]:
        if not (0 <= t["start"] < t["end"] <= len(body)) or body[t["start"]:t["end"]].decode() != t["text"]:
            errs.append("%s: bad span %s" % (doc["id"], t))
if "stories" not in d or not d["stories"] or "entities" not in d["stories"][0]:
    errs.append("no stories/entities")
for e in errs:
    print("FAIL:", e, file=sys.stderr)
sys.exit(1 if errs else 0)
PY
[ $? -eq 0 ] && ok

# readable report
"$CR" entities "$EX" >"$T/out" 2>&1; expect_rc 0 $? "entities report"
has "$T/out" "2024-06-18" "report shows the 003 summit date"
has "$T/out" "story s1" "report shows the story"

# --raw: the text is the body as it is; no publication date -> nothing invented
printf 'Title line\nThe talks ended on Monday after 12 days, with 5,000 troops withdrawn.\n' >"$T/raw.txt"
"$CR" entities --raw --json "$T/raw.txt" >"$T/j" 2>&1; expect_rc 0 $? "--raw"
has "$T/j" '"value":"XXXX-WXX-1"' "--raw: an unanchored weekday"
has "$T/j" '"value":5000,"unit":"troop"' "--raw: a quantity"
has "$T/j" '"body":"Title line' "--raw keeps the first line in the body"

# pathological: a document of only numbers, under a time limit
python3 -c "
import sys
sys.stdout.write(' '.join(str((i * 7919) % 100000) for i in range(300000)))" >"$T/nums.txt"
timeout 20 "$CR" entities --raw --json "$T/nums.txt" >/dev/null 2>&1; expect_rc 0 $? "a document of only numbers"

echo "entities.sh: $pass passed, $fail failed"
[ $fail -eq 0 ]
