#!/bin/sh
# eval_extract.sh — accuracy of the date and quantity extractors on our
# hand-annotated sets:
#   tests/data/timex/timex.tsv        exact TIMEX3 value of the expression
#   tests/data/timex/blind.tsv        the same on a blind set (written before the system ran)
#                                     overlapping each annotated mention
#   tests/data/quantities/quantities.tsv  exact value and unit/head of the
#                                     quantity containing each annotated number
#   tests/data/quantities/blind.tsv   the same, written blind (expected values
#                                     set before running the extractor)
# usage: scripts/eval_extract.sh [path/to/crossread] [--errors]
set -eu
REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$REPO/build/crossread}
SHOW=${2:-}
[ -x "$BIN" ] || { echo "eval_extract: no binary at $BIN (build first)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$BIN" "$REPO" "$TMP" "$SHOW" <<'PY'
import json, subprocess, sys, math
bin_, repo, tmp, show = sys.argv[1:5]

def run(docs):
    path = tmp + "/in.jsonl"
    with open(path, "w") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    out = subprocess.run([bin_, "entities", "--json", "--raw", path], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("crossread failed: " + out.stderr)
    return {d["id"]: d for d in json.loads(out.stdout)["documents"]}

def read_tsv(rel):
    rows = []
    for line in open(repo + "/" + rel, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows

def span_of(doc, text):
    """Byte offsets of text's first occurrence in the document's body, or None."""
    if not doc:
        return None
    body = doc["body"]
    a = body.find(text)
    if a < 0:
        return None
    a = len(body[:a].encode())
    return a, a + len(text.encode())

def date_at(doc, text):
    """Value of the first date overlapping text, or None."""
    sp = span_of(doc, text)
    for t in doc["dates"] if sp else []:
        if t["start"] < sp[1] and t["end"] > sp[0]:
            return t["value"]
    return None

def report(line, errs):
    print(line)
    if show:
        print("\n".join(errs))

# ---- dates
rows = read_tsv("tests/data/timex/timex.tsv")   # id, published, gold value, type, mention, sentence
docs = []
for i, f in enumerate(rows):
    d = {"id": "t%d" % i, "text": f[5]}
    if f[1]:
        d["published"] = f[1]
    docs.append(d)
out = run(docs)
ok = found = 0
errs = []
for i, f in enumerate(rows):
    val = date_at(out.get("t%d" % i), f[4])
    found += val is not None
    if val == f[2]:
        ok += 1
    else:
        errs.append("%s\t%s\tgold %s\tgot %s\t%s" % (f[0], f[1] or "-", f[2], val, f[4]))
n = len(rows)
report("dates:      %d mentions, recognized %.3f, exact value accuracy %.3f" % (n, found / n, ok / n), errs)

# ---- dates, blind set: sentences written for the set, values written before
# the system ran on them; gold alternatives separated by ';', NONE = must not be tagged
rows = read_tsv("tests/data/timex/blind.tsv")
docs = [{"id": "b%d" % i, "text": f[5], "published": f[1]} for i, f in enumerate(rows)]
out = run(docs)
ok = found = pos = fp = neg = 0
errs = []
for i, f in enumerate(rows):
    val = date_at(out.get("b%d" % i), f[4])
    if f[2] == "NONE":
        neg += 1
        fp += val is not None
        if val is not None:
            errs.append("%s\t%s\tgold NONE\tgot %s\t%s" % (f[0], f[1], val, f[4]))
        continue
    pos += 1
    found += val is not None
    if val in f[2].split(";"):
        ok += 1
    else:
        errs.append("%s\t%s\tgold %s\tgot %s\t%s" % (f[0], f[1], f[2], val, f[4]))
report("blind:      %d mentions, recognized %.3f, exact value accuracy %.3f; %d/%d non-dates tagged"
       % (pos, found / pos, ok / pos, fp, neg), errs)

# ---- quantities: the quantity holding the annotated number's first byte
rows = read_tsv("tests/data/quantities/quantities.tsv")   # source, number text, value, unit, sentence
docs = [{"id": "q%d" % i, "text": f[4]} for i, f in enumerate(rows)]
out = run(docs)
ok = okv = 0
errs = []
for i, f in enumerate(rows):
    doc = out.get("q%d" % i)
    sp = span_of(doc, f[1])
    got = None
    for q in doc["quantities"] if sp else []:
        if q["start"] <= sp[0] < q["end"]:
            got = q
            break
    gv = float(f[2])
    gu = f[3] or None
    vok = got is not None and got["value"] is not None and math.isclose(got["value"], gv, rel_tol=1e-9)
    okv += vok
    if vok and got["unit"] == gu:
        ok += 1
    else:
        errs.append("%s\tgold %s %s\tgot %s %s\t%s" % (f[0], f[2], gu, got and got["value"], got and got["unit"], f[1]))
n = len(rows)
report("quantities: %d numbers, value accuracy %.3f, value+unit accuracy %.3f" % (n, okv / n, ok / n), errs)

# ---- blind quantities: written with the expected value before the extractor
# was run on them.  Column 2 may include a qualifier or currency, so any
# quantity overlapping it counts; value "none" means no quantity may overlap.
rows = read_tsv("tests/data/quantities/blind.tsv")   # id, text, value, unit, sentence
docs = [{"id": "b%d" % i, "text": f[4]} for i, f in enumerate(rows)]
out = run(docs)
ok = okv = 0
errs = []
for i, f in enumerate(rows):
    doc = out.get("b%d" % i)
    sp = span_of(doc, f[1])
    cands = [q for q in doc["quantities"] if q["start"] < sp[1] and q["end"] > sp[0]] if sp else []
    gu = f[3] or None
    if f[2] == "none":
        vok = uok = not cands
        got = cands[0] if cands else None
    else:
        gv = float(f[2])
        got = None
        for q in cands:
            if q["value"] is not None and math.isclose(q["value"], gv, rel_tol=1e-9, abs_tol=1e-12):
                got = q
                break
        vok = got is not None
        uok = vok and got["unit"] == gu
        if got is None and cands:
            got = cands[0]
    okv += vok
    ok += uok
    if not uok:
        errs.append("%s\tgold %s %s\tgot %s %s\t%s" % (f[0], f[2], gu, got and got["value"], got and got["unit"], f[1]))
n = len(rows)
report("blind qty:  %d numbers, value accuracy %.3f, value+unit accuracy %.3f" % (n, okv / n, ok / n), errs)
PY
