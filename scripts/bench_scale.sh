#!/usr/bin/env bash
# Network model at city scale: the bundled town's map with 25,000, 250,000 and
# 1,000,000 synthesized residents (shelter places scaled with them), one whole 3-hour
# run each (REPEATS times, default 1), CPU time of loading and of the run, state bytes
# per resident and peak memory; appended to bench/results-scale.csv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSAFESTREET_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)" --target bench_town
for n in ${SIZES:-25000 250000 1000000}; do
  for _ in $(seq "${REPEATS:-1}"); do
    build/bench/bench_town --scale "$n" scenarios/lauf.yaml bench/results-scale.csv
  done
done
