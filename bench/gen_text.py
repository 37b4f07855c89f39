#!/usr/bin/env python3
"""gen_text.py - article text for bench_clean, generated at run time in /tmp.

Builds >= 100 MB (default) of realistic news-article text from the ECB+ dev
texts (CC BY 3.0, ../shared/data/ecbplus-dev) and the seed articles
(../shared/seeds, or examples/ in a fresh clone): articles of shuffled and
mutated sentences (numbers, names and words swapped), with a headline,
byline and date line, captions, boilerplate-like lines (subscription and
share prompts, "Read more" links, tag lists, repeated lines), some
mojibake (UTF-8 read as Windows-1252), curly quotes, accented names and a
few non-Latin lines.  Deterministic for a seed.  Never commit the output.

Articles are separated by a line holding only SEPARATOR (below); bench_clean
splits on it.

usage: python3 bench/gen_text.py [--mb 103] [--seed 1] [--out /tmp/crossread-bench.txt]
"""
import argparse
import glob
import json
import os
import random
import re
import sys

SEPARATOR = "@@@@ crossread-bench article @@@@"

BOILERPLATE = [
    "Subscribe to our newsletter for the latest updates.",
    "Sign up for our daily briefing",
    "Share this article",
    "Share on Facebook Share on Twitter Share via Email",
    "Advertisement",
    "ADVERTISEMENT",
    "Click here to read more",
    "Read more: {title}",
    "Related: {title}",
    "Follow us on Twitter and Instagram",
    "Support independent journalism. Donate today.",
    "Comments are closed.",
    "Tags: {tags}",
    "Topics: {tags}",
    "Copyright 2024 All rights reserved.",
    "This story has been updated.",
    "Sign in to comment",
    "Download our app",
    "(With inputs from agencies.)",
    "Have a tip? Email us at tips@example-news.com",
    "Expanded coverage",
    "Most Read",
    "Trending now",
]

CREDITS = ["AP", "Reuters", "Getty Images", "AFP", "EPA", "Bloomberg"]
NAMES = ["Kim Yo Jong", "José Martínez", "Zoë Schäfer", "Søren Kierkegaard", "Łukasz Nowak",
         "François Hollande", "Müller", "Björn Ågren", "Nguyễn Văn An", "Dvořák",
         "Shin Won-sik", "Vladimir Putin", "Lindsay Lohan", "Tara Reid", "Angela Merkel"]
OUTLETS = ["Newsweek", "Reuters", "The Daily Planet", "Devdiscourse", "Korea Herald",
           "The Gazette", "Metro Times", "Global Wire"]
NONLATIN = [
    "北朝鲜代表团抵达莫斯科。双方举行了会谈。",
    "Делегация прибыла в Москву. Переговоры начались в понедельник.",
    "وصل الوفد إلى موسكو صباح اليوم.",
    "代表団が到着した。「会談は成功だ」と述べた。",
    "북한 대표단이 모스크바에 도착했다.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def find_shared(repo):
    for cand in (os.path.join(repo, "..", "shared"), "/work/shared"):
        if os.path.isdir(cand):
            return cand
    return None


def split_sentences(text):
    out = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        for s in re.split(r'(?<=[.!?])\s+(?=["“]?[A-Z])', para):
            s = s.strip()
            if len(s) > 20:
                out.append(s)
    return out


def mojibake(s):
    try:
        return s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return s.encode("utf-8").decode("latin-1")


def curly(s):
    s = re.sub(r'"([^"]*)"', "“\\1”", s)
    return s.replace("'", "’")


def mutate(s, rng, words, caps):
    toks = s.split(" ")
    r = rng.random()
    if r < 0.35 and len(toks) > 6:
        # swap one word for another seen word of the same shape
        i = rng.randrange(len(toks))
        t = toks[i]
        if t[:1].isupper() and caps:
            toks[i] = rng.choice(caps)
        elif t.isalpha() and words:
            toks[i] = rng.choice(words)
    elif r < 0.55:
        toks = [str(rng.randint(2, 99999)) if t.isdigit() else t for t in toks]
    elif r < 0.65 and len(toks) > 8:
        del toks[rng.randrange(1, len(toks) - 1)]
    return " ".join(toks)


def article(rng, pool, words, caps):
    n_par = rng.randint(5, 14)
    sents = []
    title = rng.choice(pool).rstrip(".")
    if len(title) > 90:
        title = title[:90].rsplit(" ", 1)[0]
    lines = [title, ""]
    if rng.random() < 0.7:
        lines += ["By " + rng.choice(NAMES) + (", " + rng.choice(OUTLETS) if rng.random() < 0.5 else ""), ""]
    if rng.random() < 0.7:
        lines += ["Published: %s %d, 2024, %02d:%02d IST" % (rng.choice(MONTHS), rng.randint(1, 28),
                                                          rng.randint(0, 23), rng.randint(0, 59)), ""]
    tags = ", ".join(rng.sample(["Russia", "North Korea", "Politics", "World", "Celebrity",
                                 "Health", "Asia", "Europe", "Defense"], 3))
    for _ in range(n_par):
        k = rng.randint(1, 4)
        sents = [mutate(rng.choice(pool), rng, words, caps) for _ in range(k)]
        para = " ".join(sents)
        r = rng.random()
        if r < 0.04:
            para = mojibake(para)
        elif r < 0.20:
            para = curly(para)
        elif r < 0.23:
            para = rng.choice(NONLATIN)
        elif r < 0.28:
            para = "• " + sents[0]
        lines += [para, ""]
        r = rng.random()
        if r < 0.12:
            lines += [rng.choice(BOILERPLATE).format(title=rng.choice(pool)[:80], tags=tags), ""]
        elif r < 0.16:
            lines += [rng.choice(NAMES) + " speaks in Seoul. " + rng.choice(NAMES).split()[-1] +
                      "/" + rng.choice(CREDITS), ""]
    for _ in range(rng.randint(0, 4)):
        lines += [rng.choice(BOILERPLATE).format(title=rng.choice(pool)[:80], tags=tags), ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=103.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/crossread-bench.txt")
    args = ap.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = find_shared(repo)
    texts = []
    if shared:
        path = os.path.join(shared, "data", "ecbplus-dev", "ecbplus-dev.jsonl")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
        seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    else:
        seeds = []
    if not seeds:
        seeds = sorted(glob.glob(os.path.join(repo, "examples", "*", "*.txt")))
    for p in seeds:
        with open(p, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    if not texts:
        sys.exit("gen_text.py: no source texts (../shared or examples/)")
    pool = [s for t in texts for s in split_sentences(t)]
    words = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    caps = sorted({w for s in pool for w in s.split() if w.isalpha() and w[:1].isupper() and len(w) > 2})
    rng = random.Random(args.seed)
    target = int(args.mb * 1e6)
    n = 0
    written = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while written < target:
            a = article(rng, pool, words, caps) + "\n" + SEPARATOR + "\n"
            f.write(a)
            written += len(a.encode("utf-8"))
            n += 1
    print("%s: %d articles, %.1f MB from %d source texts (%d sentences)"
          % (args.out, n, written / 1e6, len(texts), len(pool)))


if __name__ == "__main__":
    main()
