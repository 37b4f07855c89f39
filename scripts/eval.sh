#!/usr/bin/env bash
# `make eval`: every quality measure of the project, each printed with what
# it measures.  Needs ../shared (ECB+ dev, NER data) beside the repository.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
export CROSSREAD="$PWD/$BUILD/crossread" CROSSREAD_BUILD="$PWD/$BUILD"
SHARED=${CROSSREAD_SHARED:-$PWD/../shared}
export CROSSREAD_SHARED="$SHARED"
[ -d "$SHARED" ] || echo "note: $SHARED not found; evaluations that need it are skipped"
status=0
for s in scripts/eval_*.sh scripts/eval_*.py; do
  [ -e "$s" ] || continue
  echo "== $s"
  case "$s" in
    *.sh) bash "$s" "$BUILD" || status=1 ;;
    *.py) python3 "$s" || status=1 ;;
  esac
  echo
done
exit $status
