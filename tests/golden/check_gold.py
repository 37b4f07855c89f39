#!/usr/bin/env python3
"""Check `crossread clean --json` output against document expectations.

  check_gold.py gold OUT.json GOLD.json     the seeds' gold.json ("documents")
  check_gold.py expect OUT.json DIR         DIR/*.expect sidecars (boilerplate tests)
  check_gold.py wrap REF.json WRAPPED.json  documents of the same base name (the
                                            text before "_w") read the same:
                                            sentences, removed lines with their
                                            reasons, captions, title, byline, outlet

Strings are compared after folding quotes/apostrophes, dashes and whitespace.
Gold: title/byline/outlet/published equal; body_must_contain lines in the body;
body_must_not_contain lines absent from it; captions among ours; cites among ours.

An .expect file holds expectations for the document with its base name, or for
several documents in sections opened by "== ID".  Lines:
  title: TEXT | null        byline: ...    outlet: ...    published: ...
  cites: A; B               (each must be among ours)
  no-cites: A; B            (none may be among ours)
  keep: TEXT                (in the body)
  drop: TEXT                (not in the body)
  drop-as: REASON: TEXT     (a removed line containing TEXT has this reason)
  caption: TEXT             (one of our captions contains TEXT)
"""
import json, os, re, sys, unicodedata

def fold(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u201c", '"'),
                 ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

failures = []
checks = 0

def fail(doc, msg):
    failures.append("%s: %s" % (doc, msg))

def check(cond, doc, msg):
    global checks
    checks += 1
    if not cond:
        fail(doc, msg)

def check_doc(did, d, exp):
    body = fold(d["body"])
    for key in ("title", "byline", "outlet", "published"):
        if key in exp:
            check(fold(d.get(key)) == fold(exp[key]), did,
                  "%s: got %r, expected %r" % (key, d.get(key), exp[key]))
    for s in exp.get("body_must_contain", []):
        check(fold(s) in body, did, "body lacks %r" % s)
    for s in exp.get("body_must_not_contain", []):
        check(fold(s) not in body, did, "body still has %r" % s)
    caps = [fold(c) for c in d.get("captions", [])]
    for s in exp.get("captions", []):
        check(fold(s) in caps, did, "caption %r not among %r" % (s, caps))
    for s in exp.get("caption_contains", []):
        check(any(fold(s) in c for c in caps), did, "no caption contains %r (%r)" % (s, caps))
    cites = [fold(c) for c in d.get("cites", [])]
    for s in exp.get("cites", []):
        check(fold(s) in cites, did, "cite %r not among %r" % (s, cites))
    for s in exp.get("no_cites", []):
        check(fold(s) not in cites, did, "cite %r should not be among %r" % (s, cites))
    for reason, s in exp.get("drop_as", []):
        hits = [r["reason"] for r in d.get("removed", []) if fold(s) in fold(r["text"])]
        check(reason in hits, did, "removed line %r: reasons %r, expected %r" % (s, hits, reason))

def parse_expect(path):
    out, cur = {}, None
    base = os.path.splitext(os.path.basename(path))[0]
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            cur = out.setdefault(line[3:].strip(), {})
            continue
        if cur is None:
            cur = out.setdefault(base, {})
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key in ("title", "byline", "outlet", "published"):
            cur[key] = None if val == "null" else val
        elif key == "cites":
            cur.setdefault("cites", []).extend(v.strip() for v in val.split(";") if v.strip())
        elif key == "no-cites":
            cur.setdefault("no_cites", []).extend(v.strip() for v in val.split(";") if v.strip())
        elif key == "keep":
            cur.setdefault("body_must_contain", []).append(val)
        elif key == "drop":
            cur.setdefault("body_must_not_contain", []).append(val)
        elif key == "caption":
            cur.setdefault("caption_contains", []).append(val)
        elif key == "drop-as":
            reason, _, text = val.partition(":")
            cur.setdefault("drop_as", []).append((reason.strip(), text.strip()))
        else:
            raise SystemExit("%s: unknown key %r" % (path, key))
    return out

def sentences(d):
    b = d["body"].encode("utf-8")
    return [fold(b[s["start"]:s["end"]].decode("utf-8")) for s in d.get("sentences", [])]

def check_wrap(ref, wrapped):
    refs = {d["id"]: d for d in ref["documents"]}
    for w in wrapped["documents"]:
        did = w["id"].split("_w")[0]
        r = refs.get(did)
        if r is None:
            fail(w["id"], "no reference document " + did)
            continue
        for key in ("title", "byline", "outlet", "published"):
            check(fold(r.get(key)) == fold(w.get(key)), w["id"],
                  "%s %r, unwrapped %r" % (key, w.get(key), r.get(key)))
        rs, ws = sentences(r), sentences(w)
        check(rs == ws, w["id"], "sentences differ: %s" %
              [(a, b) for a, b in zip(rs + [None] * len(ws), ws + [None] * len(rs)) if a != b][:2])
        rr = [(x["reason"], fold(x["text"])) for x in r.get("removed", [])]
        wr = [(x["reason"], fold(x["text"])) for x in w.get("removed", [])]
        check(rr == wr, w["id"], "removed lines differ: %s" % [x for x in rr + wr if (x in rr) != (x in wr)][:3])
        check([fold(c) for c in r.get("captions", [])] == [fold(c) for c in w.get("captions", [])],
              w["id"], "captions differ")

def main():
    if len(sys.argv) == 4 and sys.argv[1] == "wrap":
        check_wrap(json.load(open(sys.argv[2], encoding="utf-8")),
                   json.load(open(sys.argv[3], encoding="utf-8")))
        for f in failures:
            print("FAIL", f)
        print("%d checks, %d failed" % (checks, len(failures)))
        sys.exit(1 if failures else 0)
    if len(sys.argv) != 4 or sys.argv[1] not in ("gold", "expect"):
        raise SystemExit(__doc__)
    out = json.load(open(sys.argv[2], encoding="utf-8"))
    docs = {d["id"]: d for d in out["documents"]}
    if sys.argv[1] == "gold":
        expected = json.load(open(sys.argv[3], encoding="utf-8"))["documents"]
    else:
        expected = {}
        for name in sorted(os.listdir(sys.argv[3])):
            if name.endswith(".expect"):
                expected.update(parse_expect(os.path.join(sys.argv[3], name)))
    for did, exp in sorted(expected.items()):
        if did not in docs:
            fail(did, "document missing from the output")
            continue
        check_doc(did, docs[did], exp)
    for f in failures:
        print("FAIL", f)
    print("%d checks, %d failed" % (checks, len(failures)))
    sys.exit(1 if failures else 0)

main()
