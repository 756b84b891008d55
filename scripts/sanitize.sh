#!/usr/bin/env bash
# Builds everything (GUI, tests and fuzz targets; benchmarks not) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer into ./build-asan, assertions on
# (scripts/sanitize-config.sh), and runs every test there: the Catch2 binaries, the
# command line's end-to-end tests with their child processes, the MPI batch, the
# browser report and the GUI tests under Xvfb. Any sanitizer report from any process
# fails it; the reports are printed at the end. scripts/test.sh runs it in CI.
#   scripts/sanitize.sh [CMAKE_ARGS...] [-- CTEST_ARGS...]
#   e.g. scripts/sanitize.sh -- -R golden      (only the golden-results tests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/sanitize-config.sh
build=$sanitized_build
cmake_args=() ctest_args=()
while (($#)); do
  if [[ "$1" == -- ]]; then
    shift
    ctest_args=("$@")
    break
  fi
  cmake_args+=("$1")
  shift
done

start=$SECONDS
configure_sanitized_build "$build" "${cmake_args[@]}"
cmake --build "$build" -j"$(nproc)"
built=$((SECONDS - start))

# Every process writes its reports to $reports/report.<pid> rather than stderr, so a
# finding in a child whose output a test discards (batch runs, killed runs) or whose
# failure a test expects (bad input) is not lost. Each finding stops its process.
reports="$root/$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
common="log_path=$reports/report"
export ASAN_OPTIONS="$common:halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1\
:check_initialization_order=1:strict_init_order=1:strict_string_checks=1"
export UBSAN_OPTIONS="$common:halt_on_error=1:print_stacktrace=1"
# Leaks inside Debian's libraries that SafeStreet cannot free: scripts/lsan.supp,
# third-party frames only.
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0"
# LeakSanitizer's stop-the-world tracer, which suspends every thread at exit to scan
# their stacks, intermittently crashes itself ("Tracer caught signal 11", a known
# runtime fault: github.com/google/sanitizers/issues/1353) in GUI processes, which under
# Xvfb carry Mesa llvmpipe's rasterizer and helper threads (5 besides the main thread).
# llvmpipe draws on the calling thread when LP_NUM_THREADS=0 (Mesa's llvmpipe
# documentation); the pictures are the same, and the GUI is left with one thread besides
# the main one (GDAL's disk cache): fewer threads to suspend, fewer chances to trip it.
export LP_NUM_THREADS=0

# It still trips now and then on a loaded machine: a test whose process it failed that
# way runs once more (`--repeat until-pass:2`), and its report is told apart below.
start=$SECONDS
status=0
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --repeat until-pass:2 "${ctest_args[@]}" || status=$?
tested=$((SECONDS - start))

# A process killed while its runtime had just opened the report file leaves it empty
# (the kill test's SIGKILL landing as a run ends does, rarely): an empty file holds no
# finding. Every report starts with its ERROR line.
# A report that holds only the tracer's crash (no ERROR line) found nothing: the leak
# check of that one process did not run, and its test ran again above (a leak there
# is reported then). Any other report is a finding.
shopt -s nullglob
found=() empty=0 tracer=()
for f in "$reports"/report.*; do
  if [[ ! -s "$f" ]]; then
    empty=$((empty + 1))
  elif grep -q "^Tracer caught signal" "$f" && ! grep -q "ERROR:" "$f"; then
    tracer+=("$f")
  else
    found+=("$f")
  fi
done
for f in "${tracer[@]}"; do
  echo "sanitize: LeakSanitizer's tracer crashed in one process, no leak check there ($f):"
  cat "$f"
done
for f in "${found[@]}"; do
  echo "=== $f"
  cat "$f"
done
echo "sanitize: built in $((built / 60)) min $((built % 60)) s, tests in $((tested / 60)) min $((tested % 60)) s;" \
  "${#found[@]} sanitizer reports ($empty empty report files of killed processes," \
  "${#tracer[@]} leak checks lost to the tracer's crash)"
if ((${#found[@]})); then
  echo "sanitize: the sanitizers reported the findings above (also in $reports)" >&2
  exit 1
fi
exit "$status"
