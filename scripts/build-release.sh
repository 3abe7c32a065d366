#!/bin/sh
# Builds the release manifest-lint and prints the binary's path (build output
# goes to standard error). install.sh and bench/run.sh build through here.
#
# The binary is a fully static executable: no dynamic loader resolving
# libstdc++'s and libc's symbols at every start, which was half of a
# one-project check. The static glibc warns at link time about getpwnam_r and
# the like, which Foundation's file code holds and manifest-lint never calls.
# Where a static link is not possible (no libyaml.a, say), the Swift standard
# library alone is linked statically, as before.
#
# Release code leaves out the run-time exclusivity checks
# (-enforce-exclusivity=unchecked): 1.3% of a check's instructions went to
# them. Debug builds, which the tests run, keep them, so a conflicting access
# still fails there.
#
# The stages are separate modules (Package.swift); link-time optimization
# lets the optimizer inline across them as it did when they were one module
# (1,000 projects: 515.4 M instructions without it, 491.9 M with it, 495.2 M
# as one module).
#
# An incremental release build is not trusted across a change of the
# sources: after a public type gained a stored property, the modules that
# use it were not rebuilt, and the binary crashed on every check (seen
# twice). When the sources differ from those of the last release build,
# this project's modules are built afresh (the dependencies are kept).
set -eu
cd "$(dirname "$0")/.."
flags="-Xswiftc -enforce-exclusivity=unchecked --experimental-lto-mode=full"
stamp=.build/release-sources.cksum
sources=$(find Sources Package.swift -type f -exec cksum {} + | LC_ALL=C sort -k3 | cksum)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$sources" ]; then
  rm -rf .build/*/release/ManifestLint*.build .build/*/release/manifest_lint.build \
    .build/*/release/CLibYAML.build .build/*/release/CSystemCalls.build .build/*/release/Modules/ManifestLint*
fi
# shellcheck disable=SC2086 # $flags is two words on purpose
if swift build -c release $flags -Xswiftc -static-executable --product manifest-lint >&2; then
  mkdir -p .build && echo "$sources" > "$stamp"
  echo "$(swift build -c release $flags -Xswiftc -static-executable --show-bin-path)/manifest-lint"
  exit 0
fi
echo "note: a fully static link failed; linking only the Swift standard library statically" >&2
# shellcheck disable=SC2086
swift build -c release $flags --static-swift-stdlib --product manifest-lint >&2
echo "$sources" > "$stamp"
echo "$(swift build -c release $flags --static-swift-stdlib --show-bin-path)/manifest-lint"
