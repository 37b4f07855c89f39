#!/usr/bin/env bash
# `make eval`: every quality figure of the project, each printed with what it
# measures.  Needs ../shared (ECB+ dev, NER data) beside the repository; the
# copies and story sets are generated into /tmp.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
CR="$BUILD/crossread"
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
export CROSSREAD="$CR" CROSSREAD_BUILD="$BUILD" CROSSREAD_SHARED="$SHARED"
[ -d "$SHARED" ] || echo "note: $SHARED not found; evaluations that need it are skipped"
status=0
run() { echo "== $*"; "$@" || { echo "(failed: $*)"; status=1; }; echo; }

# Cleaning: mojibake repair on our own collection (fixed share, clean cases changed).
run python3 scripts/eval_mojibake.py --bin "$BUILD/bench/bench_text"
# Stories: ECB+ dev, pairwise and B-cubed against gold events and topics,
# with two-fold cross-validation over topic halves.
# The default threshold (0.18) was tuned on the odd topics, so "even" is its
# held-out figure; 0.15 is the threshold tuned on the even topics, tested on odd.
run python3 scripts/eval_cluster.py --binary "$CR" --cv
run python3 scripts/eval_cluster.py --binary "$CR" --threshold 0.15 --topics odd
# Copies: a labelled set of planted copies among unrelated articles.
run python3 scripts/make_copies.py --out /tmp/crossread-copies
run python3 scripts/eval_copies.py --crossread "$CR" --dir /tmp/crossread-copies
# Named entities, dates, quantities.
run bash scripts/eval_ner.sh "$BUILD"
run sh scripts/eval_extract.sh "$CR"
# Briefs: seed and ECB+ story expectations, ROUGE-1 against our references.
run bash scripts/eval_brief.sh "$BUILD"
exit $status
