#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) in ./build-asan and
# runs each for SECONDS (default 30) from its seed corpus (fuzz/corpus/<target>).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      targets: scenario registry micro_geometry micro_scenario flood_raster drill_journal msel
# A finding (crash, escaped exception, hang over 10 s, leak, more than 2 GB) stops that
# target and fails the script; the input is kept in build-asan/findings/<target>/.
# After fixing, copy it into fuzz/regressions/<target>/: every test build replays it
# (ctest -R fuzz_regressions). New corpus entries the fuzzer finds stay in
# build-asan/corpus/<target>/ and are reused by the next run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-30}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(scenario registry micro_geometry micro_scenario flood_raster drill_journal msel)
# The fuzz targets live in the sanitizer build (scripts/sanitize-config.sh); after
# scripts/sanitize.sh they are built already. SAFESTREET_FUZZ_BUILD=build-fuzz: a tree
# of their own with full coverage, for long searches.
source scripts/sanitize-config.sh
build="${SAFESTREET_FUZZ_BUILD:-$sanitized_build}"
configure_sanitized_build "$build"
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# ASan: leaks are findings too; UBSan stops at the first report (-fno-sanitize-recover).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# GDAL's messages for the bad inputs would flood the log; the readers turn them into
# InputErrors anyway.
export CPL_LOG=/dev/null
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  dict=()
  [[ -f "fuzz/$t.dict" ]] && dict=(-dict="fuzz/$t.dict")
  echo "fuzz: $t for ${seconds} s"
  # -timeout: an input taking 10 s is a hang (the slowest seed takes well under 1 s);
  # -rss_limit_mb / -malloc_limit_mb: a reader must refuse absurd sizes before allocating.
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -malloc_limit_mb=1024 -max_len=65536 -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="$findings/" "$corpus" "fuzz/corpus/$t" 2> "$build/fuzz-$t.log"; then
    echo "fuzz: $t found a problem; input kept in $findings/, log in $build/fuzz-$t.log:" >&2
    grep -E "ERROR|SUMMARY|fuzz:|runtime error" "$build/fuzz-$t.log" | head -20 >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$build/fuzz-$t.log" | tail -3
  fi
done
exit $status
