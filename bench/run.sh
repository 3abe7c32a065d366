#!/usr/bin/env bash
# The benchmark: manifest-lint against the floor of merely walking the tree
# (find), the floor of walking it and reading every file in it (bench/iofloor.c,
# two threads, nothing parsed) and against what a pre-commit hook would
# otherwise run (yamllint, and the check-yaml and check-json hooks of
# pre-commit-hooks), on synthetic repositories of 1, 100, 1,000 and 10,000
# Pulumi projects, plus staged mode on a git repository of 10,000 tracked
# files (one manifest and one program file staged), plus what the rules that read the program's source add on one project
# of 50 source files of 500 lines (the same check with those rules off), and
# what asset-path-missing adds at 1,000 projects and on that program, and what
# the Python source rules add on a Python program of 50 modules of 300 lines.
# Prints medians, ratios and peak memory as a table.
#
#   bench/run.sh                the whole benchmark (about 5 minutes here)
#   bench/run.sh --smoke        1 and 100 projects, one run each (CI: the bench cannot rot)
#   bench/run.sh --against REV  also builds git revision REV and times its check
#                               of each tree right after this one's, in the same run
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out="$here/out"
smoke=no
against=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=yes ;;
    --against) against=$2; shift ;;
    *) echo "usage: bench/run.sh [--smoke] [--against REV]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || [ ! -x /usr/bin/time ]; then
  echo "==> Installing hyperfine and time"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine time >/dev/null
fi

echo "==> Building manifest-lint (release, as install.sh builds it) and the I/O floor"
cc -O2 -pthread -o "$out/iofloor" "$here/iofloor.c"
lint=$("$repo/scripts/build-release.sh" 2>"$out/build.log") || { cat "$out/build.log" >&2; exit 1; }
baseline=""
if [ -n "$against" ]; then
  echo "==> Building manifest-lint at $against (release), to time it side by side"
  commit=$(git -C "$repo" rev-parse --verify "$against^{commit}")
  source="$out/against-$commit"
  # An earlier run's copy (and its build) is reused.
  if [ ! -f "$source/Package.swift" ]; then
    rm -rf "$source" && mkdir -p "$source"
    git -C "$repo" archive "$commit" | tar -x -C "$source"
  fi
  baseline=$("$source/scripts/build-release.sh" 2>"$out/build-against.log") || { cat "$out/build-against.log" >&2; exit 1; }
  echo "$against ($commit)" > "$out/against-name"
fi

if [ "$smoke" = yes ]; then
  sizes="1 100"; runs_for() { echo 1; }; warmup=0
else
  sizes="1 100 1000 10000"; warmup=2
  runs_for() { case "$1" in 1) echo 50 ;; 100) echo 20 ;; 1000) echo 10 ;; *) echo 5 ;; esac; }
  if [ ! -x "$out/venv/bin/yamllint" ] || [ ! -x "$out/venv/bin/check-yaml" ]; then
    echo "==> Installing yamllint and pre-commit-hooks in $out/venv"
    python3 -m venv "$out/venv"
    "$out/venv/bin/pip" install --quiet yamllint pre-commit-hooks
  fi
fi

results="$out/results"
rm -rf "$results" && mkdir -p "$results"
# A command's peak resident memory in KiB (one run).
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
measure() { # name runs command...
  local name=$1 count=$2; shift 2
  hyperfine -N --warmup "$warmup" --runs "$count" --export-json "$results/$name.json" -- "$*" >/dev/null 2>&1 || \
    hyperfine -N --warmup "$warmup" --runs "$count" -i --export-json "$results/$name.json" -- "$*" >/dev/null
  rss "$@" > "$results/$name.rss" || true
}

for size in $sizes; do
  tree="$out/projects-$size"
  if [ ! -f "$tree/.complete" ]; then
    echo "==> Generating $size projects"
    rm -rf "$tree" && python3 "$here/generate.py" projects "$size" "$tree" && touch "$tree/.complete"
  fi
  runs=$(runs_for "$size")
  echo "==> $size projects"
  measure "$size-manifest-lint" "$runs" "$lint" check "$tree" --quiet --exit-zero
  if [ -n "$baseline" ]; then measure "$size-baseline" "$runs" "$baseline" check "$tree" --quiet --exit-zero; fi
  measure "$size-find" "$runs" find "$tree" -name Pulumi.yaml
  measure "$size-io-floor" "$runs" "$out/iofloor" "$tree"
  if [ "$size" = 1000 ] && [ "$smoke" = no ]; then
    # The same check with every rule off: what walking, reading, parsing and the graph cost without the rules.
    "$lint" rules --format json | python3 -c 'import json, sys; print("rules:"); [print("  " + rule["id"] + ": off") for rule in json.load(sys.stdin)]' > "$out/every-rule-off.yaml"
    measure "$size-rules-off" "$runs" "$lint" check "$tree" --quiet --exit-zero --config "$out/every-rule-off.yaml"
    # What asset-path-missing adds: path-case-mismatch, which reads the same program paths, off in both runs.
    printf 'rules:\n  path-case-mismatch: off\n' > "$out/path-case-mismatch-off.yaml"
    printf 'rules:\n  path-case-mismatch: off\n  asset-path-missing: off\n' > "$out/asset-path-missing-off.yaml"
    measure "$size-path-case-mismatch-off" "$runs" "$lint" check "$tree" --quiet --exit-zero --config "$out/path-case-mismatch-off.yaml"
    measure "$size-asset-path-missing-off" "$runs" "$lint" check "$tree" --quiet --exit-zero --config "$out/asset-path-missing-off.yaml"
    find "$tree" \( -name '*.yaml' -o -name '*.yml' \) > "$out/yaml-files"
    find "$tree" -name '*.json' > "$out/json-files"
    measure "$size-yamllint" 3 "$out/venv/bin/yamllint" -d relaxed "$tree"
    measure "$size-check-yaml" 3 xargs -a "$out/yaml-files" "$out/venv/bin/check-yaml"
    measure "$size-check-json" 3 xargs -a "$out/json-files" "$out/venv/bin/check-json"
  fi
done

program="$out/program/program"
if [ ! -f "$out/program/.complete" ]; then
  echo "==> Generating a project of 50 source files of 500 lines"
  rm -rf "$out/program" && python3 "$here/generate.py" program "$program" && touch "$out/program/.complete"
fi
echo "==> The program's source rules on it"
program_runs=$([ "$smoke" = yes ] && echo 1 || echo 30)
measure "program-all-rules" "$program_runs" "$lint" check "$program" --quiet --exit-zero
measure "program-source-rules-off" "$program_runs" "$lint" check "$program" --quiet --exit-zero --config "$out/program/program-rules-off.yaml"
measure "program-path-case-mismatch-off" "$program_runs" "$lint" check "$program" --quiet --exit-zero --config "$out/program/path-case-mismatch-off.yaml"
measure "program-asset-path-missing-off" "$program_runs" "$lint" check "$program" --quiet --exit-zero --config "$out/program/asset-path-missing-off.yaml"

python_program="$out/python-program/program"
if [ ! -f "$out/python-program/.complete" ]; then
  echo "==> Generating a Python program of 50 modules of 300 lines"
  rm -rf "$out/python-program" && python3 "$here/generate.py" python-program "$python_program" && touch "$out/python-program/.complete"
fi
echo "==> The Python source rules on it"
measure "python-program-all-rules" "$program_runs" "$lint" check "$python_program" --quiet --exit-zero
measure "python-program-source-rules-off" "$program_runs" "$lint" check "$python_program" --quiet --exit-zero --config "$out/python-program/python-rules-off.yaml"

if [ "$smoke" = no ]; then
  big="$out/bigrepo"
  # The marker names the generator's version: a repository made by an older one is made again.
  if [ ! -f "$big/.complete-2" ]; then
    echo "==> Generating a git repository of 10,000 tracked files"
    rm -rf "$big" && python3 "$here/generate.py" bigrepo "$big" && touch "$big/.complete-2"
  fi
  echo "==> Staged mode on it"
  (cd "$big" && measure "bigrepo-staged" 30 "$lint" check --staged --quiet --exit-zero)
  (cd "$big" && measure "bigrepo-working-tree" 30 "$lint" check --quiet --exit-zero)
fi

python3 "$here/report.py" "$results" "$( [ -n "$against" ] && cat "$out/against-name" || true)"
