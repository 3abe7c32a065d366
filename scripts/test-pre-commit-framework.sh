#!/usr/bin/env bash
# Runs the real pre-commit framework against this repository as a hook
# repository, with the system hook (manifest-lint on PATH): it must refuse a
# commit of the seed project and accept the fixed one.
#
#   scripts/test-pre-commit-framework.sh PATH/TO/manifest-lint
#
# Needs python3 with venv and PyPI (pip installs pre-commit into a temporary
# virtual environment). Prints "pre-commit-framework: N passed, M failed".
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
mkdir "$work/bin"
ln -s "$binary" "$work/bin/manifest-lint"
export PATH="$work/bin:$work/venv/bin:$PATH"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig" HOME="$work"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
export PRE_COMMIT_HOME="$work/cache"

# pre-commit clones the hook repository at a commit: use this checkout's committed HEAD.
rev=$(git -C "$here" rev-parse HEAD)
repo="$work/project"
mkdir "$repo"
cd "$repo"
git init -q -b main
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: manifest-lint
YAML
cp -R "$here/examples/seed-tap-stack/." .
pre-commit install >/dev/null
git add -A

passed=0
failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*" >&2; fi; }

out=$(git commit -qm seed 2>&1) && status=0 || status=$?
echo "$out"
check test "$status" -ne 0
check grep -q 'error\[main-bin-mismatch\]' <<<"$out"

# The corrected project, file for file (manifests, program and test).
cp -R "$here/examples/seed-tap-stack-fixed/." .
git add -A
out=$(git commit -qm fixed 2>&1) && status=0 || status=$?
echo "$out"
check test "$status" -eq 0

echo "pre-commit-framework: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
