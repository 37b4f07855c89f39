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
# topics) and of even topics only (scored on odd); prints each row and the
# means.  The dev documents themselves are never trained on.
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
unset NER_ECB_TOPICS NER_ECB_ALL NER_ECB_REPEAT NER_ECB_NOPROP
printf '%-6s %-22s %-22s\n' seed "baseline odd / even" "ECB+ fold odd / even"
for s in $SEEDS; do
  NER_SEED=$s "$T" train "$TMP/base" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=even "$T" train "$TMP/even" "$DATA" 10 2>/dev/null
  NER_SEED=$s NER_ECB="$ECB" NER_ECB_EXCLUDE=$DOCS NER_ECB_TOPICS=odd "$T" train "$TMP/odd" "$DATA" 10 2>/dev/null
  printf '%-6s %s / %s          %s / %s\n' "$s" "$(score "$TMP/base" odd)" "$(score "$TMP/base" even)" \
    "$(score "$TMP/even" odd)" "$(score "$TMP/odd" even)"
done | tee "$TMP/rows"
awk '{b1+=$2; b2+=$4; e1+=$5; e2+=$7; n++}
     END {printf "mean   %.3f / %.3f (%.3f)  %.3f / %.3f (%.3f)\n", b1/n, b2/n, (b1+b2)/2/n, e1/n, e2/n, (e1+e2)/2/n}' "$TMP/rows"
