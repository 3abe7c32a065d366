#!/bin/sh
# Writes the release archive of manifest-lint for this machine's Linux
# architecture, and prints its path:
#
#   dist/manifest-lint-<version>-linux-<arch>.tar.gz
#       manifest-lint-<version>-linux-<arch>/manifest-lint   the stripped static binary
#       manifest-lint-<version>-linux-<arch>/README.md, LICENSE, hooks/pre-commit
#   dist/manifest-lint-<version>-linux-<arch>.debug     its debug information (gdb finds it by the binary's debuglink)
#   dist/SHA256SUMS                                    the checksums of both
#
#   scripts/package.sh [--binary PATH]
#
# The binary is the release build (scripts/build-release.sh), or the one
# --binary names. The version is the one the binary prints (`--version`,
# ManifestLintVersion.swift): the single source the wheel and the npm
# package take it from too. The archive is the same bytes for the same
# binary and commit: entries sorted, owned by root, dated by the commit.
set -eu
cd "$(dirname "$0")/.."
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) [ $# -ge 2 ] || { echo "package.sh: --binary needs a path" >&2; exit 2; }; binary=$2; shift 2 ;;
    *) echo "package.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$binary" ] || binary=$(scripts/build-release.sh)
[ -x "$binary" ] || { echo "package.sh: $binary is not an executable" >&2; exit 1; }

version=$("$binary" --version)
arch=$(uname -m)
name="manifest-lint-$version-linux-$arch"
mkdir -p dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/hooks"

# Debug information apart, the binary stripped, and a link between them.
objcopy --only-keep-debug --compress-debug-sections=zlib "$binary" "dist/$name.debug"
chmod 644 "dist/$name.debug"
strip --strip-all -o "$stage/$name/manifest-lint" "$binary"
(cd dist && objcopy --add-gnu-debuglink="$name.debug" "$stage/$name/manifest-lint")
chmod 755 "$stage/$name/manifest-lint"
cp README.md LICENSE "$stage/$name/"
cp hooks/pre-commit "$stage/$name/hooks/pre-commit"
chmod 755 "$stage/$name/hooks/pre-commit"

date=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$date" -cf - "$name" | gzip -9n > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" "$name.debug" > SHA256SUMS)
echo "dist/$name.tar.gz"
