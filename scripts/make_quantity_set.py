#!/usr/bin/env python3
"""make_quantity_set.py — candidate sentences with numbers from ECB+ dev
(../shared/data/ecbplus-dev/ecbplus-dev.jsonl, topics 1-35, CC BY 3.0) for
annotating quantities (value and unit/head) by hand.

Writes: doc_id <TAB> number as written <TAB> sentence
Years, times, ordinals and numbers right after a month name are left out
(they are not quantities).  ECB+ text is tokenized ("13, 000", "0. 07",
"32 - bit"); the sentences are detokenized first.  A fixed seed keeps the
sample reproducible.

usage: scripts/make_quantity_set.py [JSONL] [N] > candidates.tsv
"""
import json
import os
import random
import re
import sys

NUMW = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"forty|fifty|sixty|hundred|thousand|dozen|dozens|hundreds|thousands|millions)")
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


def detok(s):
    s = re.sub(r"(\d), (\d{3})\b", r"\1,\2", s)
    s = re.sub(r"(\d)\. (\d)", r"\1.\2", s)
    s = re.sub(r"(\d): (\d\d)", r"\1:\2", s)
    s = re.sub(r"(\w) - (?=\w)", r"\1-", s)
    s = re.sub(r"\b([ap])\. m\b\.?", r"\1.m.", s)
    s = re.sub(r" ([’'])\s?s\b", r"\1s", s)
    return s


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "ecbplus-dev", "ecbplus-dev.jsonl")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 190
    random.seed(7)
    cands = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        for sent in d["text"].split("\n"):
            sent = detok(sent)
            if len(sent) < 30 or len(sent) > 400 or sent.startswith("http"):
                continue
            for m in re.finditer(r"(?<![\w.,:/-])(\$?\d[\d,.]*%?|" + NUMW + r")\b", sent, re.I):
                tok = m.group(1)
                if re.fullmatch(r"(19|20)\d\d", tok):
                    continue
                after = sent[m.end():m.end() + 12]
                before = sent[max(0, m.start() - 12):m.start()]
                if re.match(r"\s*(:|st\b|nd\b|rd\b|th\b|a\.m|p\.m|am\b|pm\b)", after, re.I):
                    continue
                if re.search(MONTH + r"\.?\s*$", before) or re.match(r"\s*" + MONTH, after):
                    continue
                if tok.lower() == "one" and re.match(r"\s+(of|another)\b", after):
                    continue
                cands.append((d["id"], tok, sent))
    random.shuffle(cands)
    seen = set()
    out = []
    for c in cands:
        if (c[0], c[2]) in seen:
            continue
        seen.add((c[0], c[2]))
        out.append(c)
        if len(out) >= n:
            break
    for c in out:
        print("\t".join(c))


if __name__ == "__main__":
    main()
