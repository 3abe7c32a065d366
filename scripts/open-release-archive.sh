# Sourced by build-wheel.sh and build-npm.sh, from the repository root, with
# the archive as $1 (default: the one scripts/package.sh writes). Unpacks
# the release archive into a temporary directory removed at exit, and sets:
#   archive  its absolute path        name     manifest-lint-<version>-linux-<arch>
#   arch     <arch> (uname -m's word) stage    the temporary directory
#   release  $stage/$name, the unpacked files
#   binary   $release/manifest-lint   version  what the binary's --version prints
script=$(basename "$0")
archive=${1:-$(scripts/package.sh)}
case "$archive" in /*) ;; *) archive="$(pwd)/$archive" ;; esac
name=$(basename "$archive" .tar.gz)
arch=${name##*-linux-}
[ "$arch" != "$name" ] || { echo "$script: $archive is not named manifest-lint-<version>-linux-<arch>.tar.gz" >&2; exit 2; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
tar -xzf "$archive" -C "$stage"
release="$stage/$name"
binary="$release/manifest-lint"
[ -x "$binary" ] || { echo "$script: $archive holds no $name/manifest-lint" >&2; exit 1; }
version=$("$binary" --version)
