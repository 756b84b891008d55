#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. GUI tests start their own
# virtual display (Xvfb), so this runs the same with or without a screen.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
# The code's layout is .clang-format's: any difference fails here, before building.
scripts/check-format.sh
# Everything built with clang, AddressSanitizer, UndefinedBehaviorSanitizer and
# assertions on (build-asan/), and every test run there: any sanitizer report, failed
# assertion or failed test fails (scripts/sanitize.sh). The release build
# (scripts/build.sh, build/) runs the same tests with `ctest --test-dir build`, and the
# golden results pin the same bytes in both.
scripts/sanitize.sh "$@"
# clang-tidy over every engine file (.clang-tidy); any finding fails.
SAFESTREET_TIDY_BUILD=build-asan scripts/tidy.sh
# Every fuzz target (fuzz/README.md) for a short, fixed time from its seed corpus, from
# the same build; any finding fails.
scripts/fuzz.sh "${SAFESTREET_FUZZ_SECONDS:-20}"
