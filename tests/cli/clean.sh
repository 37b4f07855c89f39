#!/usr/bin/env bash
# CLI tests for `crossread clean`: arguments, exit codes, each kind of bad
# input (one line on stderr, an entry in "errors", the rest still processed).
set -u
CR=${1:?usage: clean.sh path/to/crossread}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0; pass=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*" >&2; }
expect_rc() { # expected actual what
  if [ "$1" = "$2" ]; then ok; else bad "$3: exit $2, expected $1"; fi
}
has() { # file pattern what
  if grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' not found in $(head -c 300 "$1")"; fi
}
EX=examples/dprk-russia-2024-07

# help and usage
"$CR" --help >"$T/out" 2>&1; expect_rc 0 $? "--help"
has "$T/out" "usage: crossread" "--help text"
"$CR" clean --help >"$T/out" 2>&1; expect_rc 0 $? "clean --help"
has "$T/out" "example:" "clean --help shows an example"
"$CR" >"$T/out" 2>&1; expect_rc 2 $? "no command"
"$CR" frobnicate >"$T/out" 2>&1; expect_rc 2 $? "unknown command"
"$CR" clean --bogus "$EX" >"$T/out" 2>&1; expect_rc 2 $? "unknown option"
"$CR" clean --max-bytes abc "$EX" >"$T/out" 2>&1; expect_rc 2 $? "bad --max-bytes"
"$CR" clean --max-bytes >"$T/out" 2>&1; expect_rc 2 $? "--max-bytes without value"

# good input: readable report and JSON
"$CR" clean "$EX"/*.txt >"$T/out" 2>"$T/err"; expect_rc 0 $? "clean seeds"
has "$T/out" "000_cc5872542598d7f9" "report names the document"
[ -s "$T/err" ] && bad "clean seeds wrote to stderr: $(cat "$T/err")" || ok
"$CR" clean --json "$EX/" >"$T/a.json" 2>"$T/err"; expect_rc 0 $? "clean --json dir"
python3 - "$T/a.json" <<'PY' && ok || bad "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) >= {"documents", "errors"}, d.keys()
assert len(d["documents"]) == 5 and d["errors"] == []
ids = [x["id"] for x in d["documents"]]
assert ids == sorted(ids), ids            # directory walked in sorted order
for x in d["documents"]:
    for k in ("id","source","title","byline","outlet","published","language","body",
              "captions","removed","repairs","cites","sentences"):
        assert k in x, k
    b = x["body"].encode()
    for s in x["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(b)
PY
# determinism: same input, same bytes; input order does not matter per document
"$CR" clean --json "$EX/" >"$T/b.json" 2>/dev/null
cmp -s "$T/a.json" "$T/b.json" && ok || bad "two runs differ"

# stdin, plain text and JSON Lines
printf 'Title line here\n\nThe first sentence is here. The second one follows.\n' | "$CR" clean --json - >"$T/out" 2>"$T/err"
expect_rc 0 $? "stdin text"
has "$T/out" '"id":"stdin"' "stdin id"
printf '{"id":"a1","text":"Officials said on Monday that the bridge would reopen next week.","outlet":"Example News","published":"2024-07-09T10:00:00+02:00"}\n' >"$T/one.jsonl"
"$CR" clean --json "$T/one.jsonl" >"$T/out" 2>"$T/err"; expect_rc 0 $? "jsonl"
has "$T/out" '"id":"a1"' "jsonl id"
has "$T/out" '"outlet":"Example News"' "jsonl outlet field"
# content sniffing: JSON Lines without the extension
cp "$T/one.jsonl" "$T/one.dat"
"$CR" clean --json "$T/one.dat" >"$T/out" 2>"$T/err"; expect_rc 0 $? "jsonl sniffed"
has "$T/out" '"id":"a1"' "jsonl sniffed id"

# bad inputs: each one line on stderr + an entry in errors; others processed
: >"$T/empty.txt"
printf '   \n\n  \n' >"$T/blank.txt"
# fixed bytes, not /dev/urandom: a random first byte of "{" or "[" would
# read as JSON and fail this test one run in a hundred
python3 -c "import random,sys; r=random.Random(7); sys.stdout.buffer.write(bytes([0x89]) + bytes(r.randrange(256) for _ in range(3000)) + bytes(4))" >"$T/random.bin"
printf '%%PDF-1.4\n%%binary\n' >"$T/doc.txt"
printf '{"id":"ok","text":"A good line of article text."}\n{"id":"broken", "text": \n{"text":"no id"}\n[1,2]\n' >"$T/mixed.jsonl"
python3 -c "print('word ' * 300000)" >"$T/big.txt"
mkdir "$T/unreadable"; printf 'x' >"$T/unreadable/secret.txt"; chmod 000 "$T/unreadable/secret.txt"
"$CR" clean --json --max-bytes 1M "$T/empty.txt" "$T/blank.txt" "$T/random.bin" "$T/doc.txt" \
  "$T/mixed.jsonl" "$T/big.txt" "$T/missing.txt" "$EX/000_cc5872542598d7f9.txt" >"$T/out" 2>"$T/err"
expect_rc 1 $? "bad inputs exit 1"
has "$T/err" "crossread: $T/empty.txt: empty" "empty file message"
has "$T/err" "crossread: $T/blank.txt: empty" "blank file message"
has "$T/err" "crossread: $T/random.bin: not text" "binary message"
has "$T/err" "crossread: $T/doc.txt: not text: looks like a PDF" "pdf message"
has "$T/err" "crossread: $T/mixed.jsonl:2: malformed JSON" "malformed line message"
has "$T/err" "crossread: $T/mixed.jsonl:3: missing \"id\"" "missing id message"
has "$T/err" "crossread: $T/mixed.jsonl:4: JSON line is not an object" "non-object line"
has "$T/err" "crossread: $T/big.txt: .*over the limit" "oversized message"
has "$T/err" "crossread: $T/missing.txt: no such file" "missing file message"
python3 - "$T/out" <<'PY' && ok || bad "bad-input JSON"
import json, sys
d = json.load(open(sys.argv[1]))
ids = [x["id"] for x in d["documents"]]
assert ids == ["ok", "000_cc5872542598d7f9"], ids
assert len(d["errors"]) == 9, d["errors"]
for e in d["errors"]:
    assert set(e) == {"input", "error"} and e["error"], e
PY
n=$(wc -l <"$T/err"); [ "$n" -eq 9 ] && ok || bad "expected 9 stderr lines, got $n"
if [ "$(id -u)" != 0 ]; then
  "$CR" clean "$T/unreadable" >"$T/out" 2>"$T/err"; expect_rc 1 $? "unreadable file"
  has "$T/err" "cannot open" "unreadable message"
fi

# random bytes are never taken for text (a 10% control-byte threshold let
# one file in thirty through): 60 seeded files, all rejected
mkdir "$T/rand"
python3 -c "
import random
for k in range(60):
    r = random.Random(k)
    open('$T/rand/%02d.bin' % k, 'wb').write(bytes(r.randrange(256) for _ in range(3000)))"
"$CR" clean --json "$T"/rand/*.bin >"$T/out" 2>"$T/err"; expect_rc 1 $? "random bytes"
n=$(grep -c 'not text' "$T/err"); [ "$n" -eq 60 ] && ok || bad "random bytes: $n of 60 rejected"

# --max-bytes bounds each JSON Lines article, not the file: a feed larger
# than the limit is read line by line
python3 -c "
import json
for i in range(50): print(json.dumps({'id': 'n%d' % i, 'text': 'Article %d says the council met on Monday to vote on the plan. ' % i * 3}))
print(json.dumps({'id': 'huge', 'text': 'x ' * 5000}))" >"$T/feed.jsonl"
"$CR" clean --json --max-bytes 2K "$T/feed.jsonl" >"$T/out" 2>"$T/err"; expect_rc 1 $? "feed over the limit"
has "$T/err" "feed.jsonl:51: line is over the limit" "oversized line named"
python3 -c "import json; d=json.load(open('$T/out')); assert len(d['documents'])==50, len(d['documents'])" && ok || bad "feed articles kept"

# all inputs rejected still exits 1 with valid JSON
"$CR" clean --json "$T/empty.txt" >"$T/out" 2>/dev/null; expect_rc 1 $? "only bad input"
python3 -c "import json,sys; d=json.load(open('$T/out')); assert d['documents']==[] and len(d['errors'])==1" && ok || bad "only-bad JSON"

# write error (stdout closed) is a failure, not a crash
"$CR" clean --json "$EX" >&- 2>/dev/null; rc=$?; [ $rc -eq 3 ] && ok || bad "closed stdout: exit $rc, expected 3"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
