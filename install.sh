#!/bin/sh
# Installs manifest-lint from this checkout: libyaml-dev when it is missing,
# a release build linked statically (scripts/build-release.sh), the
# binary in PREFIX/bin; then runs it on the bundled example projects.
# With --from, the binary comes from a release archive instead (no Swift
# needed), after its checksum is found in the SHA256SUMS file beside it.
#
#   ./install.sh [--prefix DIR] [--no-demo] [--from ARCHIVE]
#   ./install.sh --hook [REPO] [--binary PATH]     install the git pre-commit hook
#   ./install.sh --uninstall-hook [REPO]           remove it, restoring what was there
#
# PREFIX defaults to /usr/local when it is writable, else ~/.local. The hook
# goes where git runs hooks (core.hooksPath when set); a pre-commit hook that
# is already there keeps running, before manifest-lint. --hook uses the
# manifest-lint on PATH (or --binary, or PREFIX's), and installs it first when
# there is none. The build's own output (the static linker's expected
# warnings among it) goes to .build/install-build.log, named if it fails.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
start=$(pwd)
cd "$here"

prefix=""
demo=yes
action=install
repo=""
binary=""
archive=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --no-demo) demo=no; shift ;;
    --from) [ $# -ge 2 ] || { echo "install.sh: --from needs a release archive" >&2; exit 2; }; archive=$2; shift 2 ;;
    --from=*) archive=${1#--from=}; shift ;;
    --binary) [ $# -ge 2 ] || { echo "install.sh: --binary needs a path" >&2; exit 2; }; binary=$2; shift 2 ;;
    --hook|--uninstall-hook)
      action=${1#--}
      shift
      if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then repo=$1; shift; fi ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

default_prefix() {
  if [ -w /usr/local/bin ] || { [ ! -e /usr/local/bin ] && [ -w /usr/local ]; }; then echo /usr/local; else echo "$HOME/.local"; fi
}

# The directory where git runs the repository's hooks (core.hooksPath honoured).
hooks_dir() {
  top=$(git -C "$1" rev-parse --show-toplevel 2>/dev/null) || {
    echo "install.sh: $1 is not a git work tree" >&2; exit 2; }
  dir=$(cd "$top" && git rev-parse --git-path hooks)
  case "$dir" in /*) ;; *) dir="$top/$dir" ;; esac
  echo "$dir"
}

is_our_hook() {
  [ -f "$1" ] && grep -q '^# manifest-lint-hook:' "$1"
}

if [ "$action" = uninstall-hook ]; then
  case "${repo:-.}" in /*) target=${repo:-.} ;; *) target="$start/${repo:-.}" ;; esac
  dir=$(hooks_dir "$target")
  if is_our_hook "$dir/pre-commit"; then
    rm -f "$dir/pre-commit" "$dir/manifest-lint.path"
    if [ -e "$dir/pre-commit.before-manifest-lint" ]; then
      mv "$dir/pre-commit.before-manifest-lint" "$dir/pre-commit"
      echo "==> Removed the manifest-lint hook from $dir and restored the pre-commit hook that was there"
    else
      echo "==> Removed the manifest-lint hook from $dir"
    fi
  else
    echo "==> No manifest-lint hook in $dir; nothing to do"
  fi
  exit 0
fi

if [ "$action" = hook ]; then
  case "${repo:-.}" in /*) target=${repo:-.} ;; *) target="$start/${repo:-.}" ;; esac
  dir=$(hooks_dir "$target")
  if [ -n "$binary" ]; then
    case "$binary" in /*) ;; *) binary="$start/$binary" ;; esac
  else
    binary=$(command -v manifest-lint 2>/dev/null || true)
    [ -n "$binary" ] || binary="${prefix:-$(default_prefix)}/bin/manifest-lint"
    if [ ! -x "$binary" ]; then
      echo "==> manifest-lint is not installed yet: installing it first"
      "$here/install.sh" ${prefix:+--prefix "$prefix"} --no-demo
      binary="${prefix:-$(default_prefix)}/bin/manifest-lint"
    fi
  fi
  [ -x "$binary" ] || { echo "install.sh: $binary is not an executable manifest-lint" >&2; exit 1; }
  mkdir -p "$dir"
  if [ -e "$dir/pre-commit" ] && ! is_our_hook "$dir/pre-commit"; then
    mv "$dir/pre-commit" "$dir/pre-commit.before-manifest-lint"
    echo "==> Kept the existing pre-commit hook: it now runs first, as pre-commit.before-manifest-lint"
  fi
  cp "$here/hooks/pre-commit" "$dir/pre-commit"
  chmod +x "$dir/pre-commit"
  printf '%s\n' "$binary" > "$dir/manifest-lint.path"
  echo "==> Installed the manifest-lint pre-commit hook in $dir (using $binary)"
  exit 0
fi

# Sets `built` to a release archive's binary, unpacked once the archive's
# checksum is found in the SHA256SUMS file beside it.
unpack_archive() {
  case "$archive" in /*) ;; *) archive="$start/$archive" ;; esac
  [ -f "$archive" ] || { echo "install.sh: $archive is not a file" >&2; exit 2; }
  sums="$(dirname "$archive")/SHA256SUMS"
  [ -f "$sums" ] || { echo "install.sh: no SHA256SUMS beside $archive: its checksum cannot be checked" >&2; exit 1; }
  file=$(basename "$archive")
  expected=$(awk -v file="$file" '$2 == file || $2 == "*" file { print $1 }' "$sums")
  [ -n "$expected" ] || { echo "install.sh: $sums has no line for $file" >&2; exit 1; }
  actual=$(sha256sum "$archive" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    echo "install.sh: $file does not match its checksum in SHA256SUMS (expected $expected, got $actual); not installed" >&2
    exit 1
  fi
  echo "==> $file matches SHA256SUMS"
  unpacked=$(mktemp -d)
  trap 'rm -rf "$unpacked"' EXIT
  tar -xzf "$archive" -C "$unpacked"
  built=$(find "$unpacked" -mindepth 2 -maxdepth 2 -type f -name manifest-lint | head -n 1)
  [ -n "$built" ] && [ -x "$built" ] || { echo "install.sh: $file holds no manifest-lint binary" >&2; exit 1; }
}

if [ -n "$archive" ]; then
  unpack_archive
else
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

  # 2. A release build, linked statically so that start-up is fast. Its
  # output, with the static linker's expected warnings, goes to a log.
  echo "==> Building manifest-lint (release; about two minutes the first time)"
  mkdir -p .build
  log="$here/.build/install-build.log"
  if ! built=$(scripts/build-release.sh 2> "$log"); then
    tail -n 20 "$log" >&2
    echo "install.sh: the build failed; its whole output is in $log" >&2
    exit 1
  fi
fi

# 3. Install.
[ -n "$prefix" ] || prefix=$(default_prefix)
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
