#!/usr/bin/env bash
# Reproduce models/ner.model, the named-entity model embedded in the library
# (lib/ner_model.c), from the open corpora in ../shared/data/ner (WikiANN
# English train, GUM without its four held-out news documents, WNUT17 train;
# see tools/train_ner.c).  Training is deterministic: the same data give the
# same bytes.  Then rebuild so the library picks the new model up.
# usage: scripts/train_ner.sh [build-dir] [epochs]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
EPOCHS=${2:-10}
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
DATA="$SHARED/data/ner"
[ -d "$DATA" ] || { echo "train_ner: $DATA not found" >&2; exit 2; }
[ -x "$BUILD/tools/train_ner" ] || {
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j2 --target train_ner
}
start=$(date +%s.%N)
"$BUILD/tools/train_ner" train models/ner.model "$DATA" "$EPOCHS"
end=$(date +%s.%N)
printf 'models/ner.model: %s bytes, trained in %.1f s (wall)\n' \
  "$(wc -c < models/ner.model)" "$(echo "$end - $start" | bc)"
