#!/usr/bin/env python3
"""Evaluate mojibake repair on a TSV collection (input<TAB>expected).

Runs every input through the library's bytes-to-text stages (text.c decode,
mojibake.c repair, normalize.c NFC) with `bench_text --filter`, and prints
the share of mojibake cases fixed exactly and how many clean cases (input ==
expected) were changed.

    python3 scripts/eval_mojibake.py [--bin build/bench/bench_text] [-v] [TSV...]

Default collection: tests/data/mojibake/cases.tsv.  Exit status 1 when fewer
than 95% are fixed or any clean case changed.
"""
import argparse
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "bench", "bench_text"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list failures")
    ap.add_argument("tsv", nargs="*",
                    default=[os.path.join(REPO, "tests", "data", "mojibake", "cases.tsv")])
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"eval_mojibake: {args.bin} not found; build first (make) or pass --bin")

    cases = []
    for path in args.tsv:
        with open(path, encoding="utf-8", newline="\n") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#") or "\t" not in line:
                    continue
                a, e = line.split("\t", 1)
                cases.append((a, e))
    inp = "".join(a + "\n" for a, _ in cases).encode("utf-8")
    res = subprocess.run([args.bin, "--filter"], input=inp, capture_output=True, check=True)
    outs = res.stdout.decode("utf-8").split("\n")[: len(cases)]

    n_bad = n_fixed = n_clean = n_changed = 0
    for (a, e), o in zip(cases, outs):
        if a == e:
            n_clean += 1
            if o != e:
                n_changed += 1
                if args.verbose:
                    print(f"CLEAN CHANGED: {a!r} -> {o!r}")
        else:
            n_bad += 1
            if o == e:
                n_fixed += 1
            elif args.verbose:
                print(f"NOT FIXED: {a!r}\n   got      {o!r}\n   expected {e!r}")
    rate = 100.0 * n_fixed / n_bad if n_bad else 100.0
    print(f"mojibake fixed: {n_fixed}/{n_bad} ({rate:.1f}%)")
    print(f"clean changed:  {n_changed}/{n_clean}")
    return 0 if rate >= 95.0 and n_changed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
