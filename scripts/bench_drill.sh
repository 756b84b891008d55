#!/usr/bin/env bash
# The drill benchmark (docs/drills.md "Measurements"): the bundled flood drill
# (scenarios/drills/lauf_flood_drill.yaml) as a trainer's laptop runs it, REPEATS times
# (default 3), wall-clock seconds from /usr/bin/time:
#   * run     `safestreet drill run` start to end;
#   * resume  `safestreet drill resume` of a drill killed (SIGKILL) once its 1:00:00
#             inject was journaled;
#   * replay  `safestreet replay` of that journal.
# Prints each time, the medians, and whether the three run folders are the same bytes
# (summary.json's wall_seconds aside). SAFESTREET_BIN: the program (default build/safestreet).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${SAFESTREET_BIN:-$root/build/safestreet}"
drill="$root/scenarios/drills/lauf_flood_drill.yaml"
players="$root/scenarios/drills/lauf_flood_drill_players.csv"
repeats="${REPEATS:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# One digest of a run folder: every file's bytes, summary.json without wall_seconds.
digest() {
  (cd "$1" && find . -type f | sort | while read -r f; do
    if [[ "$f" == ./summary.json ]]; then grep -v wall_seconds "$f"; else cat "$f"; fi | sha256sum
  done) | sha256sum | cut -c1-16
}
timed() {  # timed NAME COMMAND...: wall seconds into $out/NAME
  /usr/bin/time -f "%e" -a -o "$out/$1" "${@:2}" --quiet
}
median() { sort -n "$out/$1" | sed -n "$(((repeats + 1) / 2))p"; }
same=yes
for ((i = 1; i <= repeats; i++)); do
  timed run "$bin" drill run "$drill" --players "$players" --journal "$out/run$i.jsonl" --out "$out/run$i"
  # Paced so that the kill lands half-way whatever the machine's speed.
  "$bin" drill run "$drill" --players "$players" --journal "$out/killed$i.jsonl" --out "$out/resumed$i" \
    --quiet --speed 1000 &
  pid=$!
  until grep -q '"id":"M08"' "$out/killed$i.jsonl" 2>/dev/null; do sleep 0.02; done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  timed resume "$bin" drill resume "$out/killed$i.jsonl" --out "$out/resumed$i"
  timed replay "$bin" replay "$out/killed$i.jsonl" --out "$out/replayed$i"
  a="$(digest "$out/run$i")" b="$(digest "$out/resumed$i")" c="$(digest "$out/replayed$i")"
  echo "repeat $i: run $(tail -1 "$out/run") s, resume $(tail -1 "$out/resume") s, replay $(tail -1 "$out/replay") s;" \
    "outputs $a $b $c"
  [[ "$a" == "$b" && "$a" == "$c" ]] || same=no
done
echo "median of $repeats: run $(median run) s, resume after a kill at 1:00:00 $(median resume) s, replay $(median replay) s"
echo "byte-identical outputs (run, resumed, replayed): $same"
[[ "$same" == yes ]]
