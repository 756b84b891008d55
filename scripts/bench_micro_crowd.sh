#!/usr/bin/env bash
# The micro model at crowd scale (docs/micro.md, "Crowd scale"): the bottleneck scene
# of bench_micro (N residents at 1.6 P/m², 2 m door, dt 0.05 s) run until the room is
# empty (whole evacuation: CPU µs per resident-step over every step, simulated time,
# door flow) and the jam phase alone (STEPS steps from when the door flow stops
# rising). Medians of REPEATS runs, appended to bench/results-micro.csv.
#   SIZES="1000 10000" REPEATS=3 JAM_STEPS=2000 scripts/bench_micro_crowd.sh
#   SIZES=40000 HORIZON=600 scripts/bench_micro_crowd.sh   # a 40,000 run cut at 600 s
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${BUILD:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSAFESTREET_BENCH=ON >/dev/null
cmake --build "$build" -j1 --target bench_micro
for n in ${SIZES:-1000 10000}; do
  if [ -n "${HORIZON:-}" ]; then
    "$build/bench/bench_micro" --whole --horizon "$HORIZON" --repeats "${REPEATS:-3}" --sizes "$n"
  else
    "$build/bench/bench_micro" --whole --repeats "${REPEATS:-3}" --sizes "$n"
  fi
  "$build/bench/bench_micro" --jam "${JAM_STEPS:-2000}" --repeats "${REPEATS:-3}" --sizes "$n"
done
