#!/bin/sh
# Installs manifest-lint from this checkout: libyaml-dev when it is missing,
# a release build with the Swift standard library linked statically, the
# binary in PREFIX/bin; then runs it on the bundled example projects.
#
#   ./install.sh [--prefix DIR] [--no-demo]
#
# PREFIX defaults to /usr/local when it is writable, else ~/.local.
set -eu
cd "$(dirname "$0")"

prefix=""
demo=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --no-demo) demo=no; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# 1. libyaml, from Debian's libyaml-dev.
if [ ! -f /usr/include/yaml.h ]; then
  echo "==> Installing libyaml-dev"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install.sh: libyaml's headers are missing and apt-get is not available; install libyaml (yaml.h) first" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq libyaml-dev pkg-config
fi

# 2. A release build; the static standard library keeps start-up fast.
echo "==> Building manifest-lint (release)"
swift build -c release --static-swift-stdlib --product manifest-lint
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/manifest-lint"

# 3. Install.
if [ -z "$prefix" ]; then
  if [ -w /usr/local/bin ] || { [ ! -e /usr/local/bin ] && [ -w /usr/local ]; }; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
mkdir -p "$prefix/bin"
install -m 755 "$built" "$prefix/bin/manifest-lint"
echo "==> Installed $prefix/bin/manifest-lint"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "    ($prefix/bin is not on PATH; add it to use manifest-lint by name)" ;;
esac

# 4. The main job, on the bundled examples.
if [ "$demo" = yes ]; then
  echo
  echo "==> manifest-lint check examples/seed-tap-stack   (broken on purpose: expect exit 1)"
  status=0
  "$prefix/bin/manifest-lint" check examples/seed-tap-stack || status=$?
  echo "    exit $status"
  echo
  echo "==> manifest-lint check examples/seed-tap-stack-fixed   (expect exit 0)"
  status=0
  "$prefix/bin/manifest-lint" check examples/seed-tap-stack-fixed || status=$?
  echo "    exit $status"
fi
