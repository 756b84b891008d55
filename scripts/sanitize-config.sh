# Sourced by scripts/sanitize.sh and scripts/fuzz.sh. One build tree, ./build-asan:
# clang with AddressSanitizer and UBSan, assertions on (-O1 for speed, -g1 for file
# and line in reports), libFuzzer's edge coverage on every file so that the fuzz
# targets link against the same libraries the whole test suite ran on. The GUI and
# the tests are built too, any compiler warning failing the build; benchmarks are not.
# SAFESTREET_FUZZ_BUILD=build-fuzz (any name but build-asan) makes scripts/fuzz.sh use
# a tree of its own with libFuzzer's full coverage (comparisons traced too) and only
# the libraries: for long searches (fuzz/README.md).
sanitized_build=build-asan
configure_sanitized_build() {
  command -v clang++ > /dev/null || { echo "clang++ not found (scripts/setup.sh installs it)" >&2; return 1; }
  local build="${1:-$sanitized_build}"
  shift || true
  local extra=(-DSAFESTREET_FUZZ_COVERAGE=edges)
  if [[ "$build" != "$sanitized_build" ]]; then
    extra=(-DSAFESTREET_FUZZ_COVERAGE=full -DSAFESTREET_GUI=OFF -DSAFESTREET_TESTS=OFF -DSAFESTREET_MPI=OFF)
  fi
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DSAFESTREET_FUZZ=ON -DSAFESTREET_SANITIZE=ON \
    -DCMAKE_CXX_FLAGS=-Werror -DSAFESTREET_BENCH=OFF "${extra[@]}" "$@" > /dev/null
}
