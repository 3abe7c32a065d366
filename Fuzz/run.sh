#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS (default 60): libFuzzer
# with AddressSanitizer, each target's seeds (Fuzz/seeds, from the project's
# test inputs) and the corpus it grows (Fuzz/.corpus, not in git). A crash,
# a hang or a disagreement stops with the input in Fuzz/.artifacts/<target>/
# and a non-zero exit; keep such an input as a regression test.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzJSON FuzzYAML FuzzShell FuzzJavaScript FuzzPython FuzzGo FuzzGlobs FuzzConfiguration FuzzCheck)
echo "==> Building the fuzz targets (debug, -sanitize=fuzzer,address)"
mkdir -p .artifacts
if ! swift build -c debug -Xswiftc -sanitize=fuzzer,address > .artifacts/build.log 2>&1; then
  grep -E "error" .artifacts/build.log | head -20 >&2
  echo "FAIL: the fuzz targets do not build (Fuzz/.artifacts/build.log)" >&2
  exit 1
fi
bin=$(swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)
status=0
for target in "${targets[@]}"; do
  mkdir -p ".corpus/$target" ".artifacts/$target"
  echo "==> $target for ${seconds}s"
  if ! SWIFT_BACKTRACE=enable=no "$bin/$target" ".corpus/$target" "seeds/$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=4096 -max_len=16384 -artifact_prefix=".artifacts/$target/" -print_final_stats=1 2> ".artifacts/$target/log"; then
    echo "FAIL: $target (see Fuzz/.artifacts/$target/)" >&2
    tail -40 ".artifacts/$target/log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:|DONE" ".artifacts/$target/log" | tail -3 || true
done
exit $status
