#!/usr/bin/env python3
"""gen.py - hard-wrapped copies of the seed articles (examples/dprk-russia-2024-07/)
for tests/golden/wrap_seeds.sh: each article re-wrapped with python's textwrap
at 60 columns (paragraphs still separated by blank lines) and at 72 columns
(no blank lines between paragraphs, as many e-mailed texts arrive).  Run from
the repo root: python3 tests/data/boilerplate/wrap/gen.py
"""
import glob
import os
import textwrap

OUT = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob("examples/dprk-russia-2024-07/*.txt")):
    base = os.path.basename(path)[:3]
    lines = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
    paras = [l for l in lines if l]
    for width, sep in ((60, "\n\n"), (72, "\n")):
        out = sep.join(textwrap.fill(p, width=width) for p in paras) + "\n"
        with open(os.path.join(OUT, f"{base}_w{width}.txt"), "w", encoding="utf-8") as f:
            f.write(out)
