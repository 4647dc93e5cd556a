#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
# Runs each libFuzzer target for SECONDS (default 25) from its seed corpus (tests/fuzz/corpus/
# <name>, read only) into a working corpus in BUILD_DIR/fuzz-corpus/<name> that grows between
# runs. A crash, leak, sanitizer report or timeout fails the run; the input that did it is left
# as BUILD_DIR/fuzz-artifacts/<target>-crash-* (replay: BUILD_DIR/tests/fuzz/<target> FILE).
# Prints one line per target: executions, corpus size, result.
# Build first: cmake --preset fuzz && cmake --build build-fuzz --target fuzzers
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-25}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(manifest scenario toml geojson image decode)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/fuzz-artifacts"
failed=0
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$t"
  [ -x "$exe" ] || { echo "fuzz_$t: not built ($exe)"; failed=1; continue; }
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work"
  log="$build/fuzz-artifacts/fuzz_$t.log"
  # -timeout: one input slower than 10 s is a hang; -rss_limit_mb: the image decoder may
  # legitimately take ~200 MB for a 40-megapixel photo, more is a bug.
  "$exe" "$work" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
         -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
         -artifact_prefix="$build/fuzz-artifacts/fuzz_$t-" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  units=$(ls "$work" | wc -l)
  if [ $rc -eq 0 ]; then
    printf 'fuzz_%-9s ok    %10s executions in %s s, corpus %s\n' "$t" "${execs:-?}" "$seconds" "$units"
  else
    printf 'fuzz_%-9s FAIL  exit %s after %s executions; see %s\n' "$t" "$rc" "${execs:-?}" "$log"
    grep -m3 -E "ERROR: |runtime error|deadly signal|Test unit written" "$log" | sed 's/^/    /'
    failed=1
  fi
done
exit $failed
