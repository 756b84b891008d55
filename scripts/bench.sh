#!/usr/bin/env bash
# Builds the benchmarks and runs the network-model benchmark on the bundled town.
# Medians of REPEATS runs (default 5) are printed and appended to bench/results.csv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSAFESTREET_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)" --target bench_town
build/bench/bench_town scenarios/lauf.yaml "${REPEATS:-5}" bench/results.csv
