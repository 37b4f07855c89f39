#!/usr/bin/env bash
# Named-entity tagging quality of the embedded model (models/ner.model):
# span F1 (boundaries right) and typed F1 (boundaries and type right), with
# typed F1 per type, on data never trained on:
#   - tests/data/ner-news-dev.txt: 160 news sentences, 365 names (ECB+ dev topics)
#     annotated by hand in CoNLL style (PER, ORG, LOC, MISC); the model trains
#     on other ECB+ documents of the same topics, so this row is optimistic:
#     see --folds;
#   - four held-out GUM news documents (GUM's named, linked mentions), per
#     sentence and tagged whole through the library (document-level steps);
#   - the news sentences again in capitals (truecasing);
#   - WikiANN English dev (PER, ORG, LOC; MISC predictions not scored);
#   - WNUT17 dev (social media; a stress test, not a target).
#
# --folds: the topic-held-out figure.  For each shuffle seed, trains models in
# /tmp (about 3 s each): without ECB+ (the baseline) and with the ECB+
# documents of odd topics only (scored on the news dev sentences of even
# topics) and of even topics only (scored on odd), then the same folds with
# the hand-annotated training sentences of their own parity added
# (tests/data/ner-news-train-{odd,even}.txt, weighted as tools/train_ner.c
# does by default; NER_ANNOT_REPEAT and NER_ANNOT_REPL in the environment
# change that); prints each row and the means, then the same models scored on
# the other half's annotated training sentences (also held out by topic, four
# times as many as the dev sentences).  The dev documents themselves are
# never trained on.
# usage: scripts/eval_ner.sh [build-dir]
#        scripts/eval_ner.sh --folds [build-dir] [seeds, default "1 2 3 4 5"]
set -euo pipefail
cd "$(dirname "$0")/.."
FOLDS=0
if [ "${1:-}" = --folds ]; then FOLDS=1; shift; fi
BUILD=${1:-build}
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
DATA="$SHARED/data/ner"
ECB="$SHARED/data/ecbplus-dev"
if [ ! -d "$DATA" ]; then echo "eval_ner: $DATA not found; skipped"; exit 0; fi
[ -x "$BUILD/tools/train_ner" ] || { echo "eval_ner: build $BUILD/tools/train_ner first" >&2; exit 2; }
T="$BUILD/tools/train_ner"
DEV=tests/data/ner-news-dev.txt
DOCS=tests/data/ner-news-dev-docs.txt
if [ $FOLDS = 0 ]; then
  "$T" eval models/ner.model "$DATA" "$DEV"
  exit 0
fi
[ -d "$ECB/xml" ] || { echo "eval_ner: $ECB/xml not found; skipped"; exit 0; }
SEEDS=${2:-1 2 3 4 5}
TMP=$(mktemp -d /tmp/eval_ner.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
typed() { sed -n 's/.*typed F1 \([0-9.]*\).*/\1/p' | head -1; }
score() {   # model topics -> typed F1 on the dev sentences of those topics
  NER_DEV_DOCS=$DOCS NER_DEV_TOPICS=$2 "$T" eval "$1" "$DATA" "$DEV" | typed
}
unset NER_ECB_TOPICS NER_ECB_ALL NER_ECB_REPEAT NER_ECB_NOPROP NER_ANNOT
ANN=tests/data/ner-news-train
ann() {     # model topics -> typed F1 on the annotated training sentences of those topics
  "$T" eval "$1" "$DATA" "$ANN-$2.txt" 2>/dev/null | typed
}
printf '%-6s %-22s %-22s %-22s\n' seed "baseline odd / even" "ECB+ fold odd / even" "+annotated odd / even"
for s in $SEEDS; do
  NER_SEED=$s "$T" train "$TMP/base" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=even "$T" train "$TMP/even" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=odd "$T" train "$TMP/odd" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=even NER_ANNOT=$ANN "$T" train "$TMP/aeven" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=odd NER_ANNOT=$ANN "$T" train "$TMP/aodd" "$DATA" 10 2>/dev/null
  printf '%-6s %s / %s          %s / %s          %s / %s\n' "$s" "$(score "$TMP/base" odd)" "$(score "$TMP/base" even)" \
    "$(score "$TMP/even" odd)" "$(score "$TMP/odd" even)" "$(score "$TMP/aeven" odd)" "$(score "$TMP/aodd" even)"
  # the same models on the other half's annotated training sentences (held
  # out by topic as well, and four times the dev sentences)
  if [ -f $ANN-odd.txt ] && [ -f $ANN-even.txt ]; then
    printf '%-6s %s / %s          %s / %s          %s / %s\n' "$s" "$(ann "$TMP/base" odd)" "$(ann "$TMP/base" even)" \
      "$(ann "$TMP/even" odd)" "$(ann "$TMP/odd" even)" "$(ann "$TMP/aeven" odd)" "$(ann "$TMP/aodd" even)" >> "$TMP/rows2"
  fi
done | tee "$TMP/rows"
mean() {
  awk '{b1+=$2; b2+=$4; e1+=$5; e2+=$7; a1+=$8; a2+=$10; n++}
       END {printf "mean   %.3f / %.3f (%.3f)  %.3f / %.3f (%.3f)  %.3f / %.3f (%.3f)\n", b1/n, b2/n, (b1+b2)/2/n,
            e1/n, e2/n, (e1+e2)/2/n, a1/n, a2/n, (a1+a2)/2/n}' "$1"
}
mean "$TMP/rows"
if [ -s "$TMP/rows2" ]; then
  echo "scored on the other half's annotated training sentences ($ANN-{odd,even}.txt):"
  cat "$TMP/rows2"
  mean "$TMP/rows2"
fi
