#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. GUI tests start their own
# virtual display (Xvfb), so this runs the same with or without a screen.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
# The code's layout is .clang-format's: any difference fails here, before building.
scripts/check-format.sh
scripts/build.sh "$@"
ctest --test-dir build --output-on-failure -j2
# clang-tidy over every engine file (.clang-tidy); any finding fails.
scripts/tidy.sh
# The engine once more as a Debug build, so its assertions (compiled out in Release)
# are checked by the engine tests too.
cmake -S . -B build-debug -DCMAKE_BUILD_TYPE=Debug -DSAFESTREET_GUI=OFF > /dev/null
cmake --build build-debug -j2 --target safestreet_engine_tests
build-debug/tests/safestreet_engine_tests
# Every fuzz target (fuzz/README.md) for a short, fixed time from its seed corpus,
# built with clang, libFuzzer, ASan and UBSan; any finding fails.
scripts/fuzz.sh "${SAFESTREET_FUZZ_SECONDS:-20}"
