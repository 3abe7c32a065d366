#!/usr/bin/env bash
# Whether this checkout reports what another revision reports, byte for byte:
# `check --format json` of both release builds on examples/, Tests/Fixtures,
# bench's 1,000-project tree and ../shared/testdata/real-projects (when they
# are there). For changes that must not change behaviour.
#
#   scripts/same-output.sh REV
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/same-output.sh REV" >&2; exit 2; }
commit=$(git rev-parse --verify "$1^{commit}")
source="bench/out/against-$commit"
if [ ! -f "$source/Package.swift" ]; then
  rm -rf "$source" && mkdir -p "$source"
  git archive "$commit" | tar -x -C "$source"
fi
echo "==> Building this checkout and $1 (release)" >&2
now=$(scripts/build-release.sh 2>/dev/null)
then=$("$source/scripts/build-release.sh" 2>/dev/null)
trees=(examples Tests/Fixtures)
if [ ! -f bench/out/projects-1000/.complete ]; then
  python3 bench/generate.py projects 1000 bench/out/projects-1000 && touch bench/out/projects-1000/.complete
fi
trees+=(bench/out/projects-1000)
[ -d ../shared/testdata/real-projects ] && trees+=(../shared/testdata/real-projects)
status=0
for tree in "${trees[@]}"; do
  if cmp -s <(cd "$tree" && "$now" check . --format json --exit-zero) <(cd "$tree" && "$then" check . --format json --exit-zero); then
    echo "same: $tree"
  else
    echo "DIFFERENT: $tree"
    status=1
  fi
done
exit $status
