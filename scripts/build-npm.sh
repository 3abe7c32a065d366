#!/bin/sh
# Builds the npm package of manifest-lint from a release archive with
# `npm pack`, and prints its path:
#
#   dist/manifest-lint-<version>.tgz
#
#   scripts/build-npm.sh [ARCHIVE]      (default: the one scripts/package.sh writes)
#
# The package holds the archive's binary, and its `bin` is that binary
# itself: npm links node_modules/.bin/manifest-lint straight to it, so a run
# starts no Node process. Its `os` and `cpu` (packaging/npm/package.json,
# filled in here from the archive's name) make npm refuse the package on any
# other platform with EBADPLATFORM, naming the platform it has. No install
# scripts, no dependencies. The version is the binary's (`--version`).
set -eu
cd "$(dirname "$0")/.."
here=$(pwd)
. scripts/open-release-archive.sh
case "$arch" in
  x86_64) cpu=x64 ;;
  aarch64|arm64) cpu=arm64 ;;
  *) echo "build-npm.sh: no npm cpu name for the archive's architecture '$arch'" >&2; exit 2 ;;
esac

package="$stage/package"
mkdir -p "$package/bin"
cp packaging/npm/package.json "$package/"
cp "$release/README.md" "$release/LICENSE" "$package/"
cp "$binary" "$package/bin/manifest-lint"
(cd "$package" && npm pkg set "version=$version" "cpu[0]=$cpu" >&2)
mkdir -p dist
tarball=$(cd "$package" && npm pack --pack-destination "$here/dist" --silent)
echo "dist/$tarball"
