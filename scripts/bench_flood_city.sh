#!/usr/bin/env bash
# The flood solver at city size: the 2,000 x 2,000 valley at 5 m (100 km², 4 M cells;
# tests/integration/flood_city_case.hpp, docs/flood.md "City-size benchmark") with its
# river's 12-hour flood wave, on 1 and 2 threads, median of REPEATS (default 3) each.
# Wall and CPU seconds, cell-updates per second, the depth hash (the same for every
# thread count) and peak RSS are appended to bench/results-flood.csv.
#
#   scripts/bench_flood_city.sh                 # 12 h: about 1 G cell-updates a simulated hour
#   HOURS=1 THREADS=1,2,4 scripts/bench_flood_city.sh
#
# Too long for CI: the test suite runs the same valley for 2 simulated minutes
# (tests/integration/flood_threads_test.cpp).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${BUILD:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSAFESTREET_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target bench_flood
lscpu | grep -E "Model name|^CPU\(s\)" || true
"$build"/bench/bench_flood "${REPEATS:-3}" bench/results-flood.csv city --city --hours "${HOURS:-12}" \
  --threads "${THREADS:-1,2}"
