#!/usr/bin/env python3
"""Build a labelled test set of copies for `crossread dedup` (docs/dedup.md).

Real articles (the five seed articles and ECB+ dev topics 1-35, CC BY 3.0,
Cybulska and Vossen 2014) are the originals.  Each chosen original gets one
to three generated copies of known kinds, planted among thousands of
unrelated articles (the rest of ECB+ dev, GUM news/other genres, and
pseudo-articles of consecutive WikiANN train/dev sentences).

Kinds and their labels (relation between the original and the copy):
  exact, rewrap, boilerplate, delete, insert, reorder, light, mixed
                                  -> duplicate
  addition (original + added paragraphs, >= 40% more text)
                                  -> contains   (copy contains original)
  excerpt (the first half or so of the original)
                                  -> contains   (original contains copy)
  paraphrase (same sentence order, many words replaced by synonyms or
              dropped, clauses moved, a few sentences merged, dropped or
              added), heavy-paraphrase (the same, harder)
                                  -> rewrite

Output (DIR, default /tmp/crossread-copies):
  articles.jsonl  one article a line: {"id", "text", "published"?}
  labels.json     {"pairs": [{"a", "b", "relation", "kind"}], ...}
                  for contains, a holds b.

usage: scripts/make_copies.py [--out DIR] [--unrelated N] [--originals N]
                              [--seed S] [--shared DIR]
"""
import argparse
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# A small thesaurus for news prose: each word maps to replacements that
# keep the sense.  Used for light rewrites (a few words) and paraphrases
# (most of the words it covers).
SYN = {
    "said": ["stated", "noted", "remarked"], "says": ["states", "notes"],
    "told": ["informed", "advised"], "reported": ["stated", "announced"],
    "announced": ["declared", "revealed"], "according": ["per"],
    "officials": ["authorities", "representatives"], "official": ["representative"],
    "police": ["officers", "law enforcement"], "killed": ["slain"],
    "died": ["perished", "passed away"], "dead": ["deceased"],
    "people": ["individuals", "persons"], "man": ["male"], "woman": ["female"],
    "children": ["kids", "youngsters"], "home": ["house", "residence"],
    "big": ["large", "major"], "large": ["big", "sizable"], "small": ["minor", "little"],
    "new": ["fresh", "recent"], "first": ["initial", "earliest"], "last": ["previous", "final"],
    "after": ["following"], "before": ["prior to"], "during": ["throughout", "amid"],
    "because": ["since", "as"], "but": ["however", "yet"], "also": ["additionally", "too"],
    "about": ["roughly", "approximately"], "around": ["about", "roughly"],
    "near": ["close to", "by"], "help": ["assist", "aid"], "helped": ["assisted", "aided"],
    "began": ["started", "commenced"], "begin": ["start", "commence"], "start": ["begin"],
    "started": ["began", "launched"], "ended": ["finished", "concluded"],
    "show": ["demonstrate", "indicate"], "showed": ["demonstrated", "indicated"],
    "found": ["discovered", "located"], "find": ["discover", "locate"],
    "made": ["produced", "created"], "make": ["create", "produce"],
    "took": ["seized", "grabbed"], "take": ["seize", "grab"], "gave": ["handed", "provided"],
    "give": ["provide", "hand"], "get": ["obtain", "receive"], "got": ["obtained", "received"],
    "went": ["headed", "traveled"], "left": ["departed"], "arrived": ["reached", "landed"],
    "building": ["structure", "facility"], "city": ["town", "municipality"],
    "country": ["nation"], "countries": ["nations"], "government": ["administration"],
    "leader": ["head", "chief"], "leaders": ["heads", "chiefs"], "president": ["head of state"],
    "company": ["firm", "business"], "companies": ["firms", "businesses"],
    "agreement": ["deal", "accord"], "deal": ["agreement", "accord"], "treaty": ["pact", "accord"],
    "military": ["armed forces"], "army": ["troops"], "attack": ["assault", "strike"],
    "attacks": ["assaults", "strikes"], "war": ["conflict"], "fire": ["blaze", "flames"],
    "earthquake": ["quake", "tremor"], "storm": ["tempest"], "arrested": ["detained", "apprehended"],
    "charged": ["accused", "indicted"], "court": ["tribunal"], "judge": ["magistrate"],
    "meeting": ["talks", "session"], "talks": ["discussions", "negotiations"],
    "week": ["seven days"], "month": ["four weeks"], "year": ["twelve months"],
    "today": ["this day"], "recently": ["lately"], "soon": ["shortly"],
    "quickly": ["rapidly", "swiftly"], "important": ["significant", "key"],
    "major": ["significant", "big"], "several": ["a number of", "various"],
    "many": ["numerous", "a lot of"], "most": ["the majority of"], "some": ["certain", "a few"],
    "more": ["additional", "further"], "increase": ["rise", "growth"], "decrease": ["drop", "decline"],
    "plan": ["scheme", "proposal"], "plans": ["intends", "schemes"], "want": ["wish", "desire"],
    "wanted": ["wished", "desired"], "think": ["believe"], "believe": ["think", "hold"],
    "believed": ["thought"], "called": ["described as", "named"], "named": ["called", "appointed"],
    "hospital": ["medical center"], "injured": ["wounded", "hurt"], "victims": ["casualties"],
    "car": ["vehicle", "automobile"], "road": ["route", "street"], "area": ["region", "zone"],
    "region": ["area", "territory"], "team": ["squad", "side"], "game": ["match", "contest"],
    "won": ["secured", "clinched"], "win": ["victory"], "lost": ["was defeated"],
    "star": ["celebrity"], "actor": ["performer"], "actress": ["performer"], "film": ["movie"],
    "movie": ["film"], "show": ["program"], "released": ["issued", "put out"],
    "statement": ["announcement", "release"], "spokesman": ["spokesperson", "representative"],
    "spokeswoman": ["spokesperson", "representative"], "investigation": ["inquiry", "probe"],
    "investigators": ["detectives", "inquirers"], "suspect": ["accused"], "shot": ["fired at"],
    "shooting": ["gunfire incident"], "happened": ["occurred", "took place"],
    "occurred": ["happened", "took place"], "expected": ["anticipated", "likely"],
    "would": ["will"], "could": ["might", "may"], "should": ["ought to"],
    "however": ["but", "nevertheless"], "while": ["whereas", "although"],
    "although": ["though", "even though"], "including": ["among them", "such as"],
    "between": ["among"], "against": ["versus", "opposing"], "across": ["throughout"],
    "visit": ["trip", "tour"], "visited": ["toured", "went to"], "trip": ["journey", "visit"],
    "growing": ["increasing", "rising"], "strong": ["powerful", "robust"], "ties": ["relations", "links"],
    "concern": ["worry", "unease"], "concerns": ["worries", "fears"], "threat": ["danger", "menace"],
    "security": ["safety"], "support": ["backing", "assistance"], "weapons": ["arms"],
    "late": ["delayed"], "early": ["premature"], "night": ["evening"], "morning": ["forenoon"],
    "died.": ["perished."], "million": ["millions of"], "percent": ["per cent"],
}

BOILER_HEAD = ["Share this article", "Advertisement", "Subscribe to our newsletter",
               "Follow us on social media", "Listen to this article", "Skip to content"]
BOILER_TAIL = ["Copyright 2024 {o}. All rights reserved.", "Read more stories from {o}.",
               "Sign up for the {o} daily briefing.", "Click here to comment.",
               "Related: more news from {o}", "This story has been updated."]
OUTLETS = ["Daily Courier", "Metro Tribune", "Evening Ledger", "The Observer Online",
           "Northern Herald", "Coast News Network"]


def sentences(text):
    """Split into sentences, keeping paragraphs as lists of sentences."""
    paras = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if not para:
            continue
        sents = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])|(?<=[.!?][\"”’'])\s+(?=[A-Z“\"‘'])", para)
        paras.append([s.strip() for s in sents if s.strip()])
    return paras


def join(paras, sep="\n\n"):
    return sep.join(" ".join(p) for p in paras if p)


def synonym(word, rnd):
    low = word.lower()
    if low not in SYN:
        return None
    rep = rnd.choice(SYN[low])
    if word[:1].isupper():
        rep = rep[:1].upper() + rep[1:]
    return rep


def substitute(sentence, rnd, rate):
    words = sentence.split(" ")
    out = []
    for w in words:
        m = re.match(r"^([\"“‘']?)([A-Za-z]+)([.,;:!?\"”’']*)$", w)
        if m and rnd.random() < rate:
            rep = synonym(m.group(2), rnd)
            if rep:
                out.append(m.group(1) + rep + m.group(3))
                continue
        out.append(w)
    return " ".join(out)


def light_rewrite(paras, rnd):
    """A few word substitutions: about one word in 40."""
    n = sum(len(s.split()) for p in paras for s in p)
    budget = max(1, n // 40)
    flat = [(i, j) for i, p in enumerate(paras) for j in range(len(p))]
    out = [list(p) for p in paras]
    tries = 0
    while budget > 0 and tries < 200:
        tries += 1
        i, j = rnd.choice(flat)
        words = out[i][j].split(" ")
        k = rnd.randrange(len(words))
        m = re.match(r"^([A-Za-z]+)([.,;:]?)$", words[k])
        if not m:
            continue
        rep = synonym(m.group(1), rnd)
        if not rep:
            # a typo: swap two inner letters
            w = m.group(1)
            if len(w) < 5:
                continue
            x = rnd.randrange(1, len(w) - 2)
            rep = w[:x] + w[x + 1] + w[x] + w[x + 2:]
        words[k] = rep + m.group(2)
        out[i][j] = " ".join(words)
        budget -= 1
    return out


def move_clause(s, rnd):
    """Reorder the clauses of one sentence the way a rewriter does."""
    body = s.rstrip(".!?")
    end = s[len(body):] or "."
    # "X, said Y" / "X, Y said" -> "Y said X"
    m = re.match(r"^(.{20,}),\s+((?:[A-Z][\w.'-]*\s?){1,4}|(?:he|she|they|officials|police))\s+(said|says|told \w+)$", body)
    if m:
        quote = m.group(1).strip("\"“”")
        return f"{m.group(2)} {m.group(3)} that {quote[0].lower() + quote[1:]}{end}"
    # "A, B" with a leading subordinate clause -> "B, A" (or the reverse)
    parts = body.split(", ")
    if len(parts) >= 2 and len(parts[0].split()) >= 3 and len(parts[-1].split()) >= 3:
        first, rest = parts[0], ", ".join(parts[1:])
        if re.match(r"^(After|Before|When|While|Although|Because|As|Since|During|In|On|At)\b", first):
            rest = rest[0].upper() + rest[1:]
            return f"{rest} {first[0].lower() + first[1:]}{end}"
        if rnd.random() < 0.5 and re.match(r"^(after|before|when|while|because|as|since|during|in|on|at)\b", parts[-1]):
            last = parts[-1]
            lead = ", ".join(parts[:-1])
            return f"{last[0].upper() + last[1:]}, {lead[0].lower() + lead[1:]}{end}"
    # "X and Y" swap of two coordinated clauses
    m = re.match(r"^(.{15,}?),? and (.{15,})$", body)
    if m and rnd.random() < 0.5:
        a, b = m.group(1), m.group(2)
        return f"{b[0].upper() + b[1:]}, and {a[0].lower() + a[1:]}{end}"
    return s


STOP = set("""a an the of to in on at by for with from and or but as is are was were be been
being has have had it its this that these those he she they we you i his her their our not no
said says will would can could may might also than then there here who whom which what when
where while about after before into over under more most some such only very just""".split())
MARKERS = ["Meanwhile,", "Notably,", "In addition,", "Separately,", "At the same time,",
           "According to reports,", "As a result,", "Importantly,"]
FILLER = ["The situation continues to develop.", "Further details were not immediately available.",
          "The development has drawn attention from observers.",
          "Officials have not yet commented further on the matter.",
          "The news quickly spread across social media."]


def drop_words(sentence, rnd, rate):
    """Drop some ordinary words (not names, numbers or function words), as
    a rewriter who tightens a sentence does."""
    words = sentence.split(" ")
    out = []
    for k, w in enumerate(words):
        core = re.sub(r"[^A-Za-z]", "", w)
        if (k > 0 and core and core.islower() and len(core) >= 4 and core not in STOP
                and w == core and rnd.random() < rate):
            continue
        out.append(w)
    return " ".join(out)


def paraphrase(paras, rnd, heavy=False):
    """Keep the sentence order, change many words: synonyms, dropped words,
    moved clauses, discourse markers; merge a few adjacent sentences, drop
    a few and add a little filler, as a rewriting desk (or a model) does."""
    out = []
    for p in paras:
        q = []
        i = 0
        while i < len(p):
            s = p[i]
            drop_rate = 0.4 if heavy else 0.25
            if rnd.random() < (0.15 if heavy else 0.08) and len(p) > 2:
                i += 1          # dropped sentence
                continue
            s2 = substitute(s, rnd, 0.9)
            s2 = drop_words(s2, rnd, drop_rate)
            s2 = move_clause(s2, rnd)
            if rnd.random() < 0.2:
                m = rnd.choice(MARKERS)
                s2 = f"{m} {s2[0].lower() + s2[1:]}" if s2[:1].isupper() and not s2[1:2].isupper() else f"{m} {s2}"
            if i + 1 < len(p) and rnd.random() < (0.25 if heavy else 0.15):
                nxt = move_clause(drop_words(substitute(p[i + 1], rnd, 0.9), rnd, drop_rate), rnd)
                s2 = s2.rstrip(".!?") + ", and " + (nxt[0].lower() + nxt[1:] if nxt[:1].isupper() and not nxt[1:2].isupper() else nxt)
                i += 1
            q.append(s2)
            i += 1
        if rnd.random() < (0.35 if heavy else 0.15):
            q.append(rnd.choice(FILLER))
        out.append(q)
    return out


def rewrap(text, width):
    out = []
    for para in text.split("\n\n"):
        words = para.split()
        line = ""
        lines = []
        for w in words:
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        if line:
            lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def boilerplate(text, rnd):
    o = rnd.choice(OUTLETS)
    head = rnd.sample(BOILER_HEAD, 2)
    tail = [t.format(o=o) for t in rnd.sample(BOILER_TAIL, 2)]
    return "\n\n".join(head + [text] + tail)


def load_ecb(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append(r)
    return rows


def load_gum(folder):
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "*.conll"))):
        toks, sents = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    continue
                toks.append(parts[1])
                if parts[1] in (".", "!", "?") and len(toks) >= 4:
                    sents.append(detok(toks))
                    toks = []
        if toks:
            sents.append(detok(toks))
        if len(sents) >= 4:
            docs.append((os.path.basename(path)[:-6], sents))
    return docs


def detok(toks):
    s = " ".join(toks)
    s = re.sub(r" ([.,;:!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return s


def load_wikiann(paths):
    sents, cur = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    if cur:
                        sents.append(detok(cur))
                        cur = []
                    continue
                tok = line.split("\t")[0]
                if tok.startswith("en:"):
                    tok = tok[3:]
                cur.append(tok)
    if cur:
        sents.append(detok(cur))
    return sents


def shingle_set(text, k=5):
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i: i + k]) for i in range(len(words) - k + 1)}


def natural_copies(ecb):
    """Copies already in ECB+ (one report republished by two sites): pairs
    of one topic whose 5-word shingles overlap a lot.  They are listed in
    labels.json as "natural" so that finding them is not counted wrong."""
    by_topic = {}
    for r in ecb:
        by_topic.setdefault(r["topic"], []).append((r["id"], shingle_set(r["text"])))
    out = []
    for topic in sorted(by_topic):
        docs = by_topic[topic]
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                a, b = docs[i][1], docs[j][1]
                inter = len(a & b)
                if not inter:
                    continue
                jac = inter / len(a | b)
                cont = inter / min(len(a), len(b))
                if jac >= 0.3 or cont >= 0.5:
                    out.append({"a": docs[i][0], "b": docs[j][0], "jaccard": round(jac, 3),
                                "containment": round(cont, 3)})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/crossread-copies")
    ap.add_argument("--shared", default=None, help="the shared data folder (default: REPO/../shared)")
    ap.add_argument("--unrelated", type=int, default=2500, help="unrelated articles (at least)")
    ap.add_argument("--originals", type=int, default=150, help="ECB+ articles given copies")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    shared = a.shared or os.path.join(HERE, "..", "..", "shared")
    if not os.path.isdir(shared):
        shared = "/work/shared"
    rnd = random.Random(a.seed)

    ecb = load_ecb(os.path.join(shared, "data", "ecbplus-dev", "ecbplus-dev.jsonl"))
    seeds = []
    for path in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            seeds.append((os.path.basename(path)[:-4], f.read()))
    gum = load_gum(os.path.join(shared, "data", "ner", "gum-conll"))
    wiki = load_wikiann([os.path.join(shared, "data", "ner", "wikiann-en", n) for n in ("train", "dev")])

    natural = natural_copies(ecb)
    # The seeds: 002 paraphrases 000 sentence by sentence (examples/README);
    # the other seed pairs are one story told by different outlets.
    sid = {n[:3]: n for n in (os.path.basename(p)[:-4] for p in glob.glob(os.path.join(shared, "seeds", "*.txt")))}
    if "000" in sid and "002" in sid:
        natural.append({"a": sid["000"], "b": sid["002"], "relation": "rewrite"})
    articles = []   # (id, text, published or None)
    pairs = []

    def add(aid, text, pub=None):
        articles.append({"id": aid, "text": text, **({"published": pub} if pub else {})})

    # Originals: ECB+ articles long enough to edit, plus the seeds.
    long_ecb = [r for r in ecb if sum(len(p) for p in sentences(r["text"])) >= 6]
    rnd.shuffle(long_ecb)
    originals = [(r["id"], r["text"]) for r in long_ecb[: a.originals]] + seeds
    used = {r["id"] for r in long_ecb[: a.originals]}
    # Filler paragraphs for additions/insertions come from GUM texts that are
    # not otherwise in the set (so they are unrelated to everything).
    rnd.shuffle(gum)
    filler_docs, gum_unrelated = gum[: len(gum) // 3], gum[len(gum) // 3:]
    filler = [s for _, ss in filler_docs for s in ss if len(s.split()) >= 8]
    rnd.shuffle(filler)
    fi = 0

    def take_filler(n):
        nonlocal fi
        out = filler[fi: fi + n]
        fi = (fi + n) % max(1, len(filler) - n)
        return out

    kinds_dup = ["exact", "rewrap", "boilerplate", "delete", "insert", "reorder", "light", "mixed"]
    kinds = kinds_dup + ["addition", "excerpt", "paraphrase", "heavy-paraphrase"]
    for oid, text in originals:
        base_pub = f"2024-0{rnd.randint(1, 9)}-{rnd.randint(10, 28)}T{rnd.randint(10, 20)}:00:00Z"
        with_dates = rnd.random() < 0.6
        add(oid, text, base_pub if with_dates else None)
        paras = sentences(text)
        nsent = sum(len(p) for p in paras)
        for c in range(rnd.randint(1, 3)):
            kind = rnd.choice(kinds)
            # a sentence cut from or added to a very short article changes
            # a third of it: that is no longer a small edit
            while kind in ("delete", "insert") and nsent < 10:
                kind = rnd.choice(kinds)
            cid = f"{oid}~copy{c + 1}-{kind}"
            rel = "duplicate"
            a_id, b_id = oid, cid
            if kind == "exact":
                t = text
            elif kind == "rewrap":
                t = rewrap(join(paras), rnd.choice([60, 72, 80]))
            elif kind == "boilerplate":
                t = boilerplate(join(paras), rnd)
            elif kind == "delete":
                flat = [(i, j) for i, p in enumerate(paras) for j in range(len(p))]
                drop = set(rnd.sample(flat, max(1, nsent // 12)))
                t = join([[s for j, s in enumerate(p) if (i, j) not in drop] for i, p in enumerate(paras)])
            elif kind == "insert":
                q = [list(p) for p in paras]
                for s in take_filler(max(1, nsent // 12)):
                    i = rnd.randrange(len(q))
                    q[i].insert(rnd.randrange(len(q[i]) + 1), s)
                t = join(q)
            elif kind == "reorder":
                q = [list(p) for p in paras]
                if len(q) >= 3:
                    i, j = rnd.sample(range(len(q)), 2)
                    q[i], q[j] = q[j], q[i]
                else:
                    p = max(q, key=len)
                    if len(p) >= 2:
                        i, j = rnd.sample(range(len(p)), 2)
                        p[i], p[j] = p[j], p[i]
                t = join(q)
            elif kind == "light":
                t = join(light_rewrite(paras, rnd))
            elif kind == "mixed":
                q = light_rewrite(paras, rnd)
                t = boilerplate(rewrap(join(q), 76), rnd)
            elif kind == "addition":
                extra = take_filler(max(3, int(nsent * rnd.uniform(0.5, 1.0))))
                t = join(paras) + "\n\n" + "\n\n".join(" ".join(extra[i: i + 2]) for i in range(0, len(extra), 2))
                rel, a_id, b_id = "contains", cid, oid
            elif kind == "excerpt":
                keep = []
                cnt = 0
                for p in paras:
                    if cnt >= max(3, int(nsent * 0.55)):
                        break
                    keep.append(p)
                    cnt += len(p)
                if cnt >= nsent:   # one long paragraph: cut sentences
                    flat = [s for p in paras for s in p]
                    keep = [flat[: max(3, int(nsent * 0.55))]]
                t = join(keep)
                rel = "contains"
            else:   # paraphrase, heavy-paraphrase
                t = join(paraphrase(paras, rnd, heavy=kind.startswith("heavy")))
                rel = "rewrite"
            pub = None
            if with_dates and rnd.random() < 0.7:
                # a copy is published a day after its original
                day = int(base_pub[8:10]) + 1
                pub = base_pub[:8] + f"{day:02d}" + base_pub[10:]
            add(cid, t, pub)
            pairs.append({"a": a_id, "b": b_id, "relation": rel, "kind": kind})

    # Unrelated articles: the rest of ECB+, GUM, WikiANN pseudo-articles.
    n_unrel = 0
    for r in ecb:
        if r["id"] not in used:
            add(r["id"], r["text"])
            n_unrel += 1
    for gid, ss in gum_unrelated:
        add(gid, " ".join(ss[: len(ss) // 2]) + "\n\n" + " ".join(ss[len(ss) // 2:]))
        n_unrel += 1
    wi = 0
    k = 0
    while n_unrel < a.unrelated and wi < len(wiki):
        n = rnd.randint(6, 14)
        chunk = wiki[wi: wi + n]
        wi += n
        paras = [" ".join(chunk[i: i + 3]) for i in range(0, len(chunk), 3)]
        add(f"wiki{k:05d}", "\n\n".join(paras))
        k += 1
        n_unrel += 1

    order = list(range(len(articles)))
    rnd.shuffle(order)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for i in order:
            f.write(json.dumps(articles[i], ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"about": "planted copies; see scripts/make_copies.py",
                   "articles": len(articles), "unrelated": n_unrel,
                   "originals": len(originals), "pairs": pairs,
                   "natural": natural,
                   "events": {**{r["id"]: r["event"] for r in ecb},
                              **{sid: "seeds" for sid, _ in seeds}}}, f, indent=1)
    print(f"{len(articles)} articles ({n_unrel} unrelated, {len(originals)} originals, "
          f"{len(pairs)} planted copies) in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
