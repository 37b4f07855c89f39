#!/usr/bin/env bash
# `make bench`: every speed figure of the project, single thread, medians.
# Generated corpora go to /tmp (never committed).  Figures and how to read
# them: bench/README.md.  BENCH_QUICK=1 runs smaller sizes.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
B="$BUILD/bench"
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
status=0
run() { echo "== $*"; "$@" || { echo "(failed: $*)"; status=1; }; echo; }

# Clean: >= 100 MB of article text generated from ECB+ dev and the seeds.
[ -s /tmp/crossread-bench.txt ] || python3 bench/gen_text.py >/dev/null
run "$B/bench_clean" /tmp/crossread-bench.txt --runs 5 --verify
run "$B/bench_boiler" -m 32 examples/dprk-russia-2024-07/*.txt
# Bytes to text on the same corpus.
run "$B/bench_text" /tmp/crossread-bench.txt
# MinHash signatures and dedup at 10k and 100k articles.
run "$B/bench_minhash" --mb 64 --dedup 10000,100000
# Stories: 10k..160k generated articles with known labels.
N=160000; [ -n "${BENCH_QUICK:-}" ] && N=40000
[ -s /tmp/gen-$N.jsonl ] || python3 scripts/gen_stories.py -n $N -o /tmp/gen-$N.jsonl
if [ -n "${BENCH_QUICK:-}" ]; then
  run "$B/bench_cluster" /tmp/gen-$N.jsonl 10000 20000 40000
else
  run "$B/bench_cluster" /tmp/gen-$N.jsonl 10000 20000 40000 80000 100000 160000
fi
# Extraction: names, dates, quantities.
run "$B/bench_extract"
# Briefs: a 5-article and a 200-article story.
run "$B/bench_brief"
exit $status
