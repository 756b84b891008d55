#!/usr/bin/env bash
# Load once, run many: the same batch of the bundled town (variants base and
# school_only, SEEDS seeds each, 2 at a time) with every run forked from a model
# loaded once per variant (the default) and with every run loading the map itself
# (--load-per-run). Prints the CPU time (user + sys, the batch and all its runs) and
# wall time of each, REPEATS times (default 3), and checks that both batches wrote
# the same run folders (the CSV, GeoPackage and HTML files). bench/results-batch-load.csv
# holds the figures quoted in README.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seeds="${SEEDS:-5}"
exe="${SAFESTREET:-build/safestreet}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq "${REPEATS:-3}"); do
  for mode in forked load-per-run; do
    flag=""
    [[ $mode == load-per-run ]] && flag="--load-per-run"
    rm -rf "$work/$mode"
    /usr/bin/time -f "$mode,$i,%U,%S,%e" -o "$work/time.txt" \
      "$exe" batch scenarios/lauf.yaml --variants base,school_only --seeds "$seeds" -j2 -q --out "$work/$mode" $flag
    awk -F, '{printf "%-13s repeat %s  CPU %6.2f s (user %s + sys %s)  wall %s s\n", $1, $2, $3 + $4, $3, $4, $5}' "$work/time.txt"
  done
  for f in $(cd "$work/forked" && find . -name '*.csv' -o -name '*.gpkg' -o -name '*.html' | sort); do
    cmp -s "$work/forked/$f" "$work/load-per-run/$f" || { echo "differs: $f" >&2; exit 1; }
  done
done
echo "same run folders in both modes"
