#!/usr/bin/env bash
# Tries the release artifacts in dist/ as their users would, each in a
# directory of its own: the archive (its checksum, install.sh --from, the
# unpacked binary on the seed and the fixed seed), the wheel (pip install in
# a fresh virtual environment) and the npm package (npm install from the
# tarball, npx, a husky-style pre-commit hook, another platform refused).
#
#   scripts/test-release-artifacts.sh ARCHIVE WHEEL NPM_TARBALL
#
# Needs python3 with venv, Node and npm (no registry: everything installs
# from the files given). Prints each step's time and
# "release-artifacts: N passed, M failed".
set -euo pipefail
[ $# -eq 3 ] || { sed -n '8p' "$0" | sed 's/^# *//' >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
archive=$(absolute "$1")
wheel=$(absolute "$2")
tarball=$(absolute "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig" HOME="$work"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
# npm: no registry, no cache of the user's, nothing sent anywhere.
export npm_config_cache="$work/npm-cache" npm_config_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

passed=0
failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*" >&2; fi; }
step_start=0
step() { [ "$step_start" -eq 0 ] || echo "    ($(( $(date +%s) - step_start )) s)"; echo "==> $1"; step_start=$(date +%s); }

# Runs a manifest-lint on the seed (expects 1 and main-bin-mismatch) and on the fixed seed (expects 0).
check_on_seeds() {
  local out status
  out=$("$@" check "$here/examples/seed-tap-stack" --format concise 2>&1) && status=0 || status=$?
  check test "$status" -eq 1
  check grep -q 'error\[main-bin-mismatch\]' <<<"$out"
  "$@" check "$here/examples/seed-tap-stack-fixed" --quiet && status=0 || status=$?
  check test "$status" -eq 0
}

step "The archive: checksum, contents, the binary on the seed"
(cd "$(dirname "$archive")" && sha256sum --check --ignore-missing --quiet SHA256SUMS)
check grep -q " $(basename "$archive")\$" "$(dirname "$archive")/SHA256SUMS"
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
name=$(basename "$archive" .tar.gz)
unpacked="$work/unpacked/$name"
for file in manifest-lint README.md LICENSE hooks/pre-commit; do check test -f "$unpacked/$file"; done
check test -x "$unpacked/manifest-lint"
# Stripped, and fully static: no program interpreter, so no shared library is loaded.
check test -z "$(readelf -S "$unpacked/manifest-lint" | grep -E '\.debug_|\.symtab' || true)"
check test -z "$(readelf -l "$unpacked/manifest-lint" | grep 'program interpreter' || true)"
check_on_seeds "$unpacked/manifest-lint"

step "The archive: no C library needed (the binary alone in a chroot, with /proc)"
root="$work/chroot"
mkdir -p "$root/proc"
cp "$unpacked/manifest-lint" "$root/"
cp -R "$here/examples/seed-tap-stack" "$root/seed"
if [ "$(id -u)" -eq 0 ] && mount -t proc proc "$root/proc" 2>/dev/null; then
  status=0
  chroot "$root" /manifest-lint check /seed --quiet --format concise > /dev/null || status=$?
  umount "$root/proc"
  check test "$status" -eq 1
else
  echo "note: not root, or /proc cannot be mounted here: the chroot check is skipped"
fi

step "install.sh --from: installs a matching archive, refuses a changed one"
"$here/install.sh" --from "$archive" --prefix "$work/prefix" --no-demo
check_on_seeds "$work/prefix/bin/manifest-lint"
mkdir "$work/tampered"
cp "$archive" "$(dirname "$archive")/SHA256SUMS" "$work/tampered/"
printf 'x' >> "$work/tampered/$(basename "$archive")"
status=0
"$here/install.sh" --from "$work/tampered/$(basename "$archive")" --prefix "$work/prefix-tampered" --no-demo 2> "$work/tampered.err" || status=$?
check test "$status" -ne 0
check grep -q "does not match its checksum" "$work/tampered.err"
check test ! -e "$work/prefix-tampered/bin/manifest-lint"

step "The wheel: pip install in a fresh virtual environment puts manifest-lint on PATH"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel"
check test -x "$work/venv/bin/manifest-lint"
check_on_seeds env PATH="$work/venv/bin:/usr/bin:/bin" manifest-lint

step "The npm package: npm install from the tarball, then npx"
# No install scripts and no dependencies.
tar -xzOf "$tarball" package/package.json > "$work/package.json"
check node -e '
  const p = require(process.argv[1]);
  const scripts = Object.keys(p.scripts || {});
  const dependencies = ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies"].filter(k => p[k] && Object.keys(p[k]).length);
  process.exit(scripts.length || dependencies.length ? 1 : 0);' "$work/package.json"
project="$work/app"
mkdir -p "$project/infra"
cp -R "$here/examples/seed-tap-stack/." "$project/infra/"
cd "$project"
printf '{"name": "app", "version": "1.0.0", "private": true}\n' > package.json
git init -q -b main
npm install --no-save "$tarball"
check test -x node_modules/.bin/manifest-lint
out=$(npx --no-install manifest-lint check --format concise 2>&1) && status=0 || status=$?
check test "$status" -eq 1
check grep -q 'infra/package.json:5:12: error\[main-bin-mismatch\]' <<<"$out"

step "The npm package: a husky-style .husky/pre-commit with npx --no-install blocks the seed, passes the fix"
# As husky 9 lays it out: core.hooksPath is .husky/_, whose hook runs .husky/pre-commit with sh -e.
mkdir -p .husky/_
printf '#!/usr/bin/env sh\nexport PATH="node_modules/.bin:$PATH"\nsh -e "$(dirname "$(dirname "$0")")/$(basename "$0")" "$@"\n' > .husky/_/pre-commit
chmod +x .husky/_/pre-commit
echo 'npx --no-install manifest-lint check --staged' > .husky/pre-commit
git config core.hooksPath .husky/_
printf 'node_modules/\n' > .gitignore
git add -A
out=$(git commit -qm seed 2>&1) && status=0 || status=$?
tail -n 3 <<<"$out"
check test "$status" -ne 0
check grep -q 'error\[main-bin-mismatch\]' <<<"$out"
cp -R "$here/examples/seed-tap-stack-fixed/." infra/
git add -A
git commit -qm fixed && status=0 || status=$?
check test "$status" -eq 0

step "The npm package: another platform is refused, naming it"
mkdir "$work/other-platform"
tar -xzf "$tarball" -C "$work/other-platform"
(cd "$work/other-platform/package" && npm pkg set "os[0]=darwin" "cpu[0]=arm64")
tar -czf "$work/other-platform.tgz" -C "$work/other-platform" package
mkdir "$work/app-other" && cd "$work/app-other"
printf '{"name": "app", "version": "1.0.0", "private": true}\n' > package.json
out=$(npm install --no-save "$work/other-platform.tgz" 2>&1) && status=0 || status=$?
check test "$status" -ne 0
check grep -q 'EBADPLATFORM' <<<"$out"
check grep -q 'current: {"os":"linux"' <<<"$out"

step "Done"
echo "release-artifacts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
