#!/usr/bin/env bash
# Runs the real pre-commit framework against this repository as a hook
# repository: each hook tried must refuse a commit of the seed project,
# accept the fixed one, and accept a commit with a warning while showing it.
#
#   scripts/test-pre-commit-framework.sh --binary PATH/TO/manifest-lint
#       the system hook (`manifest-lint`), with that binary on PATH
#   scripts/test-pre-commit-framework.sh --wheel PATH/TO/manifest_lint-*.whl
#       the Python hook (`manifest-lint-python`), whose additional_dependencies
#       name that wheel; no manifest-lint on PATH, so the wheel must bring it
#
# Both may be given. Needs python3 with venv and PyPI (pip installs
# pre-commit into a temporary virtual environment). pre-commit clones this
# checkout at its committed HEAD. Prints "pre-commit-framework: N passed, M failed".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
binary=""
wheel=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --wheel) wheel=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    *) echo "test-pre-commit-framework.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$binary$wheel" ] || { echo "test-pre-commit-framework.sh: give --binary, --wheel or both" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig" HOME="$work"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
export PRE_COMMIT_HOME="$work/cache"
rev=$(git -C "$here" rev-parse HEAD)
base_path=$PATH

passed=0
failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*" >&2; fi; }

# Commits the seed project, then the fixed one, in a new repository whose
# pre-commit configuration holds the hook given as YAML lines.
try_hook() {
  local label=$1 hook_yaml=$2
  echo "--- $label"
  local repo="$work/project-$label"
  mkdir "$repo"
  (
    cd "$repo"
    git init -q -b main
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n%s\n' "$here" "$rev" "$hook_yaml" > .pre-commit-config.yaml
    cp -R "$here/examples/seed-tap-stack/." .
    pre-commit install >/dev/null
    git add -A
    local out status
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
    # A warning passes the commit, and is shown (the hooks are verbose).
    printf 'config:\n  TapStack:endpoint: https://$API_HOST/v1\n' > Pulumi.dev.yaml
    git add -A
    out=$(git commit -qm warning 2>&1) && status=0 || status=$?
    echo "$out"
    check test "$status" -eq 0
    check grep -q 'warning\[config-value-placeholder\]' <<<"$out"
    # A resource renamed without an alias: read against HEAD, shown, and the commit passes.
    sed -i "s/'lambda-code-bucket'/'lambda-code-bucket-v2'/" lib/tap-stack.mjs
    git add -A
    out=$(git commit -qm rename 2>&1) && status=0 || status=$?
    echo "$out"
    check test "$status" -eq 0
    check grep -q 'warning\[resource-renamed-without-alias\]' <<<"$out"
    echo "$passed $failed" > "$work/counts"
  )
  read -r passed failed < "$work/counts"
}

if [ -n "$binary" ]; then
  mkdir -p "$work/bin"
  ln -sf "$binary" "$work/bin/manifest-lint"
  PATH="$work/bin:$work/venv/bin:$base_path" try_hook system "      - id: manifest-lint"
fi

if [ -n "$wheel" ]; then
  # No manifest-lint on PATH: the hook's environment must have it from the wheel.
  clean_path=$(printf '%s' "$base_path" | tr ':' '\n' | while read -r dir; do
    [ -n "$dir" ] && [ ! -x "$dir/manifest-lint" ] && printf '%s:' "$dir"; done)
  PATH="$work/venv/bin:${clean_path%:}" try_hook python "      - id: manifest-lint-python
        additional_dependencies: [\"$wheel\"]"
  check test -x "$(find "$PRE_COMMIT_HOME" -path '*/bin/manifest-lint' | head -n 1)"
fi

echo "pre-commit-framework: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
