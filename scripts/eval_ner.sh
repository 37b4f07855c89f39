#!/usr/bin/env bash
# Named-entity tagging quality of the embedded model (models/ner.model):
# span F1 (boundaries right) and typed F1 (boundaries and type right), with
# typed F1 per type, on data never trained on:
#   - tests/data/ner-news-dev.txt: 160 news sentences, 365 names (ECB+ dev topics)
#     annotated by hand in CoNLL style (PER, ORG, LOC, MISC);
#   - four held-out GUM news documents (GUM's named, linked mentions), per
#     sentence and tagged whole through the library (document-level steps);
#   - the news sentences again in capitals (truecasing);
#   - WikiANN English dev (PER, ORG, LOC; MISC predictions not scored);
#   - WNUT17 dev (social media; a stress test, not a target).
# usage: scripts/eval_ner.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
DATA="$SHARED/data/ner"
if [ ! -d "$DATA" ]; then echo "eval_ner: $DATA not found; skipped"; exit 0; fi
[ -x "$BUILD/tools/train_ner" ] || { echo "eval_ner: build $BUILD/tools/train_ner first" >&2; exit 2; }
"$BUILD/tools/train_ner" eval models/ner.model "$DATA" tests/data/ner-news-dev.txt
