#!/bin/sh
# Builds the Python wheel of manifest-lint from a release archive, with
# PyPI's standard tools (build, hatchling), and prints its path:
#
#   dist/manifest_lint-<version>-py3-none-<platform tag>.whl
#
#   scripts/build-wheel.sh [ARCHIVE]      (default: the one scripts/package.sh writes)
#
# The wheel holds the archive's binary as its script: `pip install` puts
# `manifest-lint` on PATH. The platform tag is the honest one for that
# binary: a fully static executable loads no C library, so it is tagged for
# glibc and musl systems alike (manylinux_2_17, musllinux_1_1); a binary
# that needs the system's libraries would be tagged plain linux_<arch>.
# The build tools go into a virtual environment under .build/, made once.
set -eu
cd "$(dirname "$0")/.."
here=$(pwd)
. scripts/open-release-archive.sh

if readelf -l "$binary" | grep -q "Requesting program interpreter"; then
  platform="linux_$arch"
else
  platform="manylinux_2_17_$arch.manylinux2014_$arch.musllinux_1_1_$arch"
fi

project="$stage/project"
mkdir "$project"
cp packaging/python/pyproject.toml packaging/python/hatch_build.py "$project/"
cp "$release/README.md" "$release/LICENSE" "$binary" "$project/"

tools=.build/wheel-tools
if [ ! -x "$tools/bin/pyproject-build" ]; then
  python3 -m venv "$tools" >&2
  "$tools/bin/pip" install --quiet build >&2
fi
mkdir -p dist
MANIFEST_LINT_VERSION=$version MANIFEST_LINT_WHEEL_PLATFORM=$platform \
  "$tools/bin/pyproject-build" --wheel --outdir dist "$project" >&2
wheel="dist/manifest_lint-$version-py3-none-$platform.whl"
[ -f "$wheel" ] || { echo "build-wheel.sh: the build did not write $wheel" >&2; exit 1; }
echo "$wheel"
