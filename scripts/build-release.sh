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
set -eu
cd "$(dirname "$0")/.."
if swift build -c release -Xswiftc -static-executable --product manifest-lint >&2; then
  echo "$(swift build -c release -Xswiftc -static-executable --show-bin-path)/manifest-lint"
  exit 0
fi
echo "note: a fully static link failed; linking only the Swift standard library statically" >&2
swift build -c release --static-swift-stdlib --product manifest-lint >&2
echo "$(swift build -c release --static-swift-stdlib --show-bin-path)/manifest-lint"
