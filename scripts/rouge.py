#!/usr/bin/env python3
"""rouge.py — ROUGE-1 F1 of a summary against one or more reference summaries.

The summary is cut to its first 100 words (whitespace-separated, as ROUGE's
-l 100), then summary and references are lower-cased and split into
alphanumeric tokens, each reduced by the Porter stemmer (implemented here,
after Porter 1980 as in ROUGE-1.5.5); stopwords are kept.  Unigram counts are
clipped; with several references the best F1 is taken.

usage:
  rouge.py SUMMARY.txt REFERENCE.txt [REFERENCE.txt...]      prints P R F1
  python3 -c 'import rouge; rouge.rouge1(summary, [refs])'  -> (p, r, f)
"""
import re
import sys
from collections import Counter

WORD_LIMIT = 100


class Porter:
    """The Porter stemming algorithm (M.F. Porter, 1980)."""

    def cons(self, w, i):
        c = w[i]
        if c in "aeiou":
            return False
        if c == "y":
            return i == 0 or not self.cons(w, i - 1)
        return True

    def m(self, w, j):
        # number of VC sequences in w[:j+1]
        n, i = 0, 0
        while True:
            if i > j:
                return n
            if not self.cons(w, i):
                break
            i += 1
        i += 1
        while True:
            while True:
                if i > j:
                    return n
                if self.cons(w, i):
                    break
                i += 1
            i += 1
            n += 1
            while True:
                if i > j:
                    return n
                if not self.cons(w, i):
                    break
                i += 1
            i += 1

    def vowel_in(self, w, j):
        return any(not self.cons(w, i) for i in range(j + 1))

    def doublec(self, w, j):
        return j >= 1 and w[j] == w[j - 1] and self.cons(w, j)

    def cvc(self, w, i):
        if i < 2 or not self.cons(w, i) or self.cons(w, i - 1) or not self.cons(w, i - 2):
            return False
        return w[i] not in "wxy"

    def ends(self, w, s):
        return w.endswith(s)

    def setto(self, w, s, r):
        return w[: len(w) - len(s)] + r

    def r(self, w, s, rep):
        # replace suffix s by rep when m() of the stem > 0
        if self.m(w, len(w) - len(s) - 1) > 0:
            return self.setto(w, s, rep)
        return w

    def step1ab(self, w):
        if w.endswith("s"):
            if w.endswith("sses"):
                w = w[:-2]
            elif w.endswith("ies"):
                w = w[:-2]
            elif not w.endswith("ss"):
                w = w[:-1]
        if w.endswith("eed"):
            if self.m(w, len(w) - 4) > 0:
                w = w[:-1]
        elif (w.endswith("ed") and self.vowel_in(w, len(w) - 3)) or (w.endswith("ing") and self.vowel_in(w, len(w) - 4)):
            w = w[:-2] if w.endswith("ed") else w[:-3]
            if w.endswith("at") or w.endswith("bl") or w.endswith("iz"):
                w += "e"
            elif self.doublec(w, len(w) - 1):
                if w[-1] not in "lsz":
                    w = w[:-1]
            elif self.m(w, len(w) - 1) == 1 and self.cvc(w, len(w) - 1):
                w += "e"
        return w

    def step1c(self, w):
        if w.endswith("y") and self.vowel_in(w, len(w) - 2):
            w = w[:-1] + "i"
        return w

    S2 = [("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
          ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
          ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
          ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
          ("logi", "log")]
    S3 = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
          ("ness", "")]
    S4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
          "ism", "ate", "iti", "ous", "ive", "ize"]

    def step2(self, w):
        for s, rep in self.S2:
            if w.endswith(s):
                return self.r(w, s, rep)
        return w

    def step3(self, w):
        for s, rep in self.S3:
            if w.endswith(s):
                return self.r(w, s, rep)
        return w

    def step4(self, w):
        for s in self.S4:
            if w.endswith(s):
                j = len(w) - len(s) - 1
                if s == "ion":
                    if j >= 0 and w[j] in "st" and self.m(w, j) > 1:
                        return w[: j + 1]
                    return w
                if self.m(w, j) > 1:
                    return w[: j + 1]
                return w
        return w

    def step5(self, w):
        if w.endswith("e"):
            a = self.m(w, len(w) - 2)
            if a > 1 or (a == 1 and not self.cvc(w, len(w) - 2)):
                w = w[:-1]
        if w.endswith("ll") and self.m(w, len(w) - 1) > 1:
            w = w[:-1]
        return w

    def stem(self, w):
        if len(w) <= 2:
            return w
        w = self.step1ab(w)
        w = self.step1c(w)
        w = self.step2(w)
        w = self.step3(w)
        w = self.step4(w)
        w = self.step5(w)
        return w


_porter = Porter()
_cache = {}


def stem(w):
    s = _cache.get(w)
    if s is None:
        s = _cache[w] = _porter.stem(w) if w.isalpha() else w
    return s


def tokens(text, limit=None):
    if limit is not None:
        text = " ".join(text.split()[:limit])
    return [stem(t) for t in re.findall(r"[a-z0-9]+", text.lower())]


def rouge1(summary, references, limit=WORD_LIMIT):
    s = Counter(tokens(summary, limit))
    best = (0.0, 0.0, 0.0)
    for ref in references:
        r = Counter(tokens(ref))
        overlap = sum((s & r).values())
        p = overlap / max(1, sum(s.values()))
        rc = overlap / max(1, sum(r.values()))
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        if f > best[2]:
            best = (p, rc, f)
    return best


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    summary = open(sys.argv[1], encoding="utf-8").read()
    refs = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    p, r, f = rouge1(summary, refs)
    print("P %.4f R %.4f F1 %.4f" % (p, r, f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
