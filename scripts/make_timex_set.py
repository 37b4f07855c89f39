#!/usr/bin/env python3
"""make_timex_set.py — candidate sentences with time expressions from the
ECB+ dev XML (../shared/data/ecbplus-dev/xml/, topics 1-35, CC BY 3.0), for
annotating TIMEX3 values by hand.

ECB+ marks time expressions (TIME_DATE, TIME_OF_THE_DAY, TIME_DURATION,
TIME_REPETITION) but not their values.  This script writes one line per
mention:

    doc_id <TAB> published <TAB> type <TAB> mention <TAB> sentence

`published` is the article's date when the text or URL states it (a date
line near the top such as "May 03, 2013", or /2013/may/03/ in the URL), else
empty.  The annotator then adds the value column by careful reading (see
docs/extract.md, "Evaluation sets").  Sentences are detokenized (ECB+ is
tokenized: "90 - day" -> "90-day").

usage: scripts/make_timex_set.py [XML_DIR] > candidates.tsv
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
for k, v in list(MONTHS.items()):
    MONTHS[k[:3]] = v
MONTHS["sept"] = 9


def detok(tokens):
    # ECB+ splits "3:33", "2,129", "40.3", "a.m." and "9/11": glue them back
    glued = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (glued and t in {":", ",", ".", "/"} and i + 1 < len(tokens) and glued[-1][-1:].isdigit()
                and tokens[i + 1][:1].isdigit()
                and (t != "," or re.fullmatch(r"\d{3}", tokens[i + 1]))
                and (t != ":" or re.fullmatch(r"\d{2}\w*", tokens[i + 1]))):
            glued[-1] += t + tokens[i + 1]
            i += 2
            continue
        if (t.lower() in {"a", "p"} and i + 2 < len(tokens) and tokens[i + 1] == "."
                and tokens[i + 2].lower() == "m" and glued and glued[-1][-1:].isdigit()):
            dot = i + 3 < len(tokens) and tokens[i + 3] == "."
            glued.append(t + ".m" + ("." if dot else ""))
            i += 4 if dot else 3
            continue
        if (t in {"a.", "p.", "A.", "P."} and i + 1 < len(tokens) and tokens[i + 1].lower() in {"m", "m."}):
            glued.append(t + tokens[i + 1])
            i += 2
            continue
        glued.append(t)
        i += 1
    tokens = glued
    out = ""
    for i, t in enumerate(tokens):
        if not out:
            out = t
            continue
        prev = tokens[i - 1]
        if t in {",", ".", ";", ":", "!", "?", "%", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "’s"}:
            out += t
        elif prev in {"(", "$", "#"}:
            out += t
        elif t == "-" or prev == "-":
            if prev == "-" and i >= 2 and re.match(r"\w", tokens[i - 2][-1:] or "") and re.match(r"\w", t[:1]):
                out += t
            elif t == "-" and i + 1 < len(tokens) and re.match(r"\w", prev[-1:]) and re.match(r"\w", tokens[i + 1][:1]):
                out += t
            else:
                out += " " + t
        else:
            out += " " + t
    return out


def find_pub(sents, url_tokens):
    url = "".join(url_tokens)
    m = re.search(r"/(20\d\d|19\d\d)/(\d\d?|[a-z]{3,9})/(\d\d?)/", url, re.I)
    if m:
        y = int(m.group(1))
        mo = m.group(2).lower()
        mo = int(mo) if mo.isdigit() else MONTHS.get(mo)
        d = int(m.group(3))
        if mo and 1 <= mo <= 12 and 1 <= d <= 31:
            return "%04d-%02d-%02d" % (y, mo, d)
    m = re.search(r"(20\d\d|19\d\d)(\d\d)(\d\d)", url)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return "%s-%s-%s" % m.groups()
    # a date line near the top: "May 03, 2013", "Tuesday, 9 July 2024", "03 May 2013"
    for s in sents[:4]:
        text = " ".join(s)
        m = re.search(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}) ?,? (\d{4})\b", text)
        if m and m.group(1).lower() in MONTHS:
            return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(1).lower()], int(m.group(2)))
        m = re.search(r"\b(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})\b", text)
        if m and m.group(2).lower() in MONTHS:
            return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)))
    return ""


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "ecbplus-dev", "xml")
    for topic in sorted(os.listdir(root), key=lambda s: int(s) if s.isdigit() else 0):
        tdir = os.path.join(root, topic)
        for name in sorted(os.listdir(tdir)):
            if not name.endswith(".xml"):
                continue
            tree = ET.parse(os.path.join(tdir, name))
            doc = tree.getroot()
            toks = {}
            sents = {}
            for t in doc.iter("token"):
                tid = int(t.get("t_id"))
                s = int(t.get("sentence"))
                toks[tid] = (s, t.text or "")
                sents.setdefault(s, []).append(tid)
            order = [sents[k] for k in sorted(sents)]
            url_tokens = []
            if order and toks[order[0][0]][1].lower() == "http":
                url_tokens = [toks[t][1] for t in order[0]]
            pub = find_pub([[toks[t][1] for t in s] for s in order], url_tokens)
            markables = doc.find("Markables")
            if markables is None:
                continue
            for m in markables:
                if not m.tag.startswith("TIME_"):
                    continue
                ids = [int(a.get("t_id")) for a in m.findall("token_anchor")]
                if not ids:
                    continue
                s = toks[ids[0]][0]
                if url_tokens and s == 0:
                    continue
                words = [toks[t][1] for t in sents[s]]
                mention = detok([toks[t][1] for t in sorted(ids)])
                sentence = detok(words)
                print("\t".join([name[:-4], pub, m.tag, mention, sentence]))


if __name__ == "__main__":
    main()
