#!/usr/bin/env bash
# The after-action report benchmark (docs/drills.md "The after-action report"): the
# bundled flood drill run once, then `safestreet report` on its journal REPEATS times
# (default 3) each way, wall-clock seconds from /usr/bin/time:
#   * report   with what each decision was worth (the re-runs in JOBS worker
#              processes, default the number of cores);
#   * alone    with --no-decision-values (the one replay of the journal).
# Prints each time and the medians. SAFESTREET_BIN: the program (default build/safestreet).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${SAFESTREET_BIN:-$root/build/safestreet}"
drill="$root/scenarios/drills/lauf_flood_drill.yaml"
players="$root/scenarios/drills/lauf_flood_drill_players.csv"
repeats="${REPEATS:-3}"
jobs="${JOBS:-$(nproc)}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
timed() {  # timed NAME COMMAND...: wall seconds into $out/NAME
  /usr/bin/time -f "%e" -a -o "$out/$1" "${@:2}" --quiet
}
median() { sort -n "$out/$1" | sed -n "$(((repeats + 1) / 2))p"; }
"$bin" drill run "$drill" --players "$players" --journal "$out/drill.jsonl" --out "$out/drill" --quiet
for ((i = 1; i <= repeats; i++)); do
  timed report "$bin" report "$out/drill.jsonl" --out "$out/report$i.html" --jobs "$jobs"
  timed alone "$bin" report "$out/drill.jsonl" --out "$out/alone$i.html" --no-decision-values
  echo "repeat $i: report with decision values $(tail -1 "$out/report") s, without $(tail -1 "$out/alone") s"
done
echo "median of $repeats ($jobs jobs): report with decision values $(median report) s, with --no-decision-values $(median alone) s"
