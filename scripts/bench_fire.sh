#!/usr/bin/env bash
# The fire benchmark: the Lauf old-town fire (25,000 residents, 3 simulated hours,
# smoke on a 20 m grid) as a whole job. Two figures, medians of REPEATS runs
# (default 5), appended to bench/results.csv and bench/results-fire.csv:
#   * bench_town on scenarios/lauf_fire.yaml: loading, and the whole run in-process;
#   * the command a user runs, `safestreet run scenarios/lauf_fire.yaml`, as CPU
#     seconds (user + system) of the whole process: map loading, the fire's
#     preparation (neighbours, forecast), the run and writing every output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repeats="${REPEATS:-5}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSAFESTREET_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)" --target bench_town safestreet
build/bench/bench_town scenarios/lauf_fire.yaml "$repeats" bench/results.csv
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cpu=()
for ((i = 0; i < repeats; i++)); do
  /usr/bin/time -f "%U %S" -o "$out/time" build/safestreet run scenarios/lauf_fire.yaml --out "$out/run" --quiet
  cpu+=("$(awk '{print $1 + $2}' "$out/time")")
done
median="$(printf '%s\n' "${cpu[@]}" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')"
echo "safestreet run scenarios/lauf_fire.yaml: CPU ${cpu[*]} s; median ${median} s (target under 5 s)"
csv=bench/results-fire.csv
[[ -f "$csv" ]] || echo "date,scenario,repeats,cpu_median_s,cpu_runs_s" >"$csv"
echo "$(date +%F),lauf_fire.yaml,${repeats},${median},${cpu[*]}" >>"$csv"
