#!/usr/bin/env python3
"""Score `crossread cluster` against gold story labels.

Runs `crossread cluster --json` on a JSON Lines corpus whose objects carry
gold labels (ECB+ dev: "event" and "topic"; generated corpora: "story") and
prints pairwise precision/recall/F1 and B-cubed precision/recall/F1.

    python3 scripts/eval_cluster.py                      # ECB+ dev, all topics
    python3 scripts/eval_cluster.py --topics odd         # tune half
    python3 scripts/eval_cluster.py --cv                 # odd/even halves, both ways
    python3 scripts/eval_cluster.py --input gen.jsonl --gold story

By default the articles go through the full cleaning pipeline (first line as
title, date lines as `published`), as scraped articles would; --raw treats
each text as clean body (ECB+ texts are already clean, so both are fair).
Data: ECB+ (Cybulska and Vossen 2014), CC BY 3.0, ../shared/data/ecbplus-dev.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(REPO, "..", "shared", "data", "ecbplus-dev", "ecbplus-dev.jsonl")


def pairs_count(groups):
    return sum(len(g) * (len(g) - 1) // 2 for g in groups)


def score(pred, gold):
    """pred, gold: dict doc -> label (same keys). Returns a dict of figures."""
    docs = sorted(gold)
    pg = collections.defaultdict(list)
    gg = collections.defaultdict(list)
    for d in docs:
        pg[pred[d]].append(d)
        gg[gold[d]].append(d)
    # pairwise
    joint = collections.Counter((pred[d], gold[d]) for d in docs)
    tp = sum(c * (c - 1) // 2 for c in joint.values())
    pp = pairs_count(pg.values())
    gp = pairs_count(gg.values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    # B-cubed
    bp = br = 0.0
    for d in docs:
        c = joint[(pred[d], gold[d])]
        bp += c / len(pg[pred[d]])
        br += c / len(gg[gold[d]])
    bp /= len(docs)
    br /= len(docs)
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return dict(pair_p=p, pair_r=r, pair_f=f, b3_p=bp, b3_r=br, b3_f=bf,
                n_pred=len(pg), n_gold=len(gg))


def run(binary, rows, raw, threshold, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for o in rows:
            f.write(json.dumps(o) + "\n")
        path = f.name
    cmd = [binary, "cluster", "--json"] + (["--raw"] if raw else [])
    if threshold:
        cmd += ["--threshold", str(threshold)]
    cmd += extra + [path]
    t0 = time.time()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.time() - t0
    os.unlink(path)
    if out.returncode not in (0, 1):
        sys.exit("crossread failed (%d): %s" % (out.returncode, out.stderr.decode()[:500]))
    res = json.loads(out.stdout)
    pred = {}
    for s in res["stories"]:
        for d in s["documents"]:
            pred[d] = s["id"]
    return pred, dt


def report(name, rows, pred, keys):
    for key in keys:
        gold = {str(o["id"]): o[key] for o in rows}
        p = dict(pred)
        # rejected documents count as singletons
        for d in gold:
            p.setdefault(d, "missing:" + d)
        s = score(p, gold)
        print("%-10s %-6s pairwise P %.3f R %.3f F1 %.3f | B3 P %.3f R %.3f F1 %.3f | "
              "%d stories for %d %ss" % (name, key, s["pair_p"], s["pair_r"], s["pair_f"],
                                          s["b3_p"], s["b3_r"], s["b3_f"], s["n_pred"],
                                          s["n_gold"], key))
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "crossread"))
    ap.add_argument("--raw", action="store_true", help="pass --raw (texts are clean bodies)")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--topics", choices=["all", "odd", "even"], default="all")
    ap.add_argument("--cv", action="store_true", help="report odd and even topic halves")
    ap.add_argument("--gold", default=None, help="gold key (default: event and topic, or story)")
    a = ap.parse_args()
    if not os.path.exists(a.input):
        print("eval_cluster: %s not found (needs ../shared beside the clone); skipped" % a.input)
        return 0
    rows = [json.loads(l) for l in open(a.input, encoding="utf-8") if l.strip()]
    keys = [a.gold] if a.gold else (["event", "topic"] if "event" in rows[0] else ["story"])
    halves = ["odd", "even"] if a.cv else [a.topics]
    for h in halves:
        sel = rows
        if h != "all":
            want = 1 if h == "odd" else 0
            sel = [o for o in rows if int(o["topic"]) % 2 == want]
        pred, dt = run(a.binary, sel, a.raw, a.threshold, [])
        print("# %s: %d articles, %.2f s (%s)" % (h, len(sel), dt, "raw" if a.raw else "cleaned"))
        report(h, sel, pred, keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
