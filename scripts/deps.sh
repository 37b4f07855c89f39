#!/usr/bin/env bash
# Install the Debian packages crossread needs to build, test and benchmark,
# only those that are missing.  As non-root, print the apt-get line and stop.
set -euo pipefail

packages=(
  cmake make gcc pkg-config
  libutf8proc-dev       # Unicode normalization and case folding
  libstemmer-dev        # Snowball stemmers
  libjansson-dev        # JSON Lines parsing
  python3               # test, evaluation and data-preparation scripts
  clang-14 libclang-rt-14-dev  # libFuzzer and sanitizers for `make fuzz`
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# python3 may come from elsewhere (pyenv); accept any python3 on PATH.
if command -v python3 >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [ "$p" = python3 ] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "crossread needs these Debian packages; run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "scripts/deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
  apt-get update -qq >/dev/null 2>&1
  apt-get install -y -qq "${missing[@]}" >/dev/null
}
