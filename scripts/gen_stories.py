#!/usr/bin/env python3
"""Generate a realistic synthetic news corpus with known story labels.

Sentences of the ECB+ dev corpus (../shared/data/ecbplus-dev) are the raw
material.  Each synthetic story draws a core of sentences from one real
event (so stories of the same kind share vocabulary, the hard case: two
earthquakes, two arrests), gets its own names, numbers and date (what tells
same-kind stories apart), and each of its articles takes a shuffled sample of
the core, mutated (words dropped, neighbours swapped, names and numbers
replaced by the story's own), plus a title.  Story sizes follow a news pool:
mostly 2-3 articles, some large, and off-topic singletons.

    python3 scripts/gen_stories.py -n 12700 -o /tmp/pool.jsonl
    python3 scripts/gen_stories.py -n 160000 --seed 7 -o /tmp/gen-160k.jsonl

Each line: {"id", "story", "published", "title", "text"}; articles are
written in a shuffled order (batch clustering must not depend on it).
"""
import argparse
import collections
import datetime
import json
import os
import random
import re
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(REPO, "..", "shared", "data", "ecbplus-dev", "ecbplus-dev.jsonl")

SYL = ["ka", "ro", "mi", "lan", "te", "vo", "shi", "dor", "ben", "al", "ri", "zu", "ne", "mar",
       "to", "sel", "vi", "gor", "ha", "lu", "pe", "quin", "sa", "bri", "en", "dal", "or", "fi"]


def fake_word(rng, lo=2, hi=3):
    return "".join(rng.choice(SYL) for _ in range(rng.randint(lo, hi))).capitalize()


def sentences(text):
    out = []
    for line in text.split("\n"):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip()):
            if 40 <= len(s) <= 400:
                out.append(s)
    return out


def mutate(rng, sent, names, numbers):
    words = sent.split()
    out = []
    for i, w in enumerate(words):
        core = w.strip(".,;:!?\"“”'()")
        if i > 0 and core[:1].isupper() and core[1:].islower() and len(core) > 2:
            w = w.replace(core, names[zlib.crc32(core.encode()) % len(names)])
        elif re.search(r"\d", core):
            w = w.replace(core, numbers[zlib.crc32(core.encode()) % len(numbers)])
        if rng.random() < 0.08:
            continue
        out.append(w)
    if len(out) > 3 and rng.random() < 0.3:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out)


def story_size(rng, singleton_share):
    r = rng.random()
    if r < singleton_share:
        return 1
    r = rng.random()
    if r < 0.50:
        return 2
    if r < 0.78:
        return 3
    if r < 0.95:
        return rng.randint(4, 6)
    return rng.randint(7, 20)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=12700, help="articles (default 12700)")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--singletons", type=float, default=0.12, help="share of off-topic singleton stories")
    ap.add_argument("--per-day", type=float, default=0, help="articles a day (default n/60)")
    a = ap.parse_args()
    if not os.path.exists(a.input):
        print("gen_stories: %s not found (needs ../shared beside the clone)" % a.input, file=sys.stderr)
        return 1
    rng = random.Random(a.seed)
    pools = collections.defaultdict(list)
    for line in open(a.input, encoding="utf-8"):
        o = json.loads(line)
        pools[o["event"]].extend(sentences(o["text"]))
    events = sorted(e for e in pools if len(pools[e]) >= 12)
    per_day = a.per_day or max(50.0, a.n / 60.0)
    days = max(1.0, a.n / per_day)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    rows = []
    k = 0
    while len(rows) < a.n:
        k += 1
        size = min(story_size(rng, a.singletons), a.n - len(rows))
        ev = rng.choice(events)
        pool = pools[ev]
        core = rng.sample(pool, min(len(pool), rng.randint(10, 18)))
        names = [fake_word(rng) for _ in range(rng.randint(3, 6))]
        numbers = [str(rng.randint(2, 999)) for _ in range(3)]
        t0 = start + datetime.timedelta(days=rng.uniform(0, days))
        title_src = rng.choice(core)
        for j in range(size):
            sents = rng.sample(core, min(len(core), rng.randint(5, 10)))
            text = "\n\n".join(mutate(rng, s, names, numbers) for s in sents)
            title = mutate(rng, title_src, names, numbers)[:120]
            pub = t0 + datetime.timedelta(hours=rng.expovariate(1 / 10.0))
            rows.append({"id": "g%d-%d" % (k, j), "story": "g%d" % k,
                         "published": pub.strftime("%Y-%m-%dT%H:%M:%SZ"), "title": title, "text": text})
    rng.shuffle(rows)
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    print("gen_stories: %d articles in %d stories over %.0f days" % (len(rows), k, days), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
