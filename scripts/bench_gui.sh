#!/usr/bin/env bash
# GUI speed on the bundled town under Xvfb (Mesa llvmpipe, software GL):
#  * frame time: the whole town and all residents on screen (fit), the simulation
#    playing at 60x real time from 10 simulated minutes on, 400 frames measured
#    after 20 warm-up frames; median and 95th percentile per run;
#  * load to first frame: from the scenario load starting to the first frame that
#    shows it.
# REPEATS runs each (default 3); prints every run and the median over runs.
# Usage: scripts/bench_gui.sh [path/to/safestreet-gui] [scenario.yaml]
# (default build/gui/safestreet-gui; build it with the GUI on first). Set
# FRAME_CSV_DIR to keep each run's per-frame phase times (--frame-stats CSV). Set
# SCALE=N to measure the bundled town (scenarios/lauf.yaml) with N synthesized
# residents instead of 25,000, shelter places scaled with them as
# `bench_town --scale N` does (a dense-city stand-in).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gui="${1:-$root/build/gui/safestreet-gui}"
scenario="${2:-$root/scenarios/lauf.yaml}"
repeats="${REPEATS:-3}"
[[ -x "$gui" ]] || { echo "bench_gui: no GUI binary at $gui (build the safestreet-gui target)" >&2; exit 2; }
[[ -f "$scenario" ]] || { echo "bench_gui: no scenario $scenario" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "bench_gui: xvfb-run not found (apt-get install xvfb)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -n "${SCALE:-}" ]]; then
  # The scenario's paths are relative to it: the copy sits beside a link to data/.
  mkdir -p "$tmp/scenarios"
  ln -s "$root/data" "$tmp/data"
  factor="$(awk -v n="$SCALE" 'BEGIN {print n / 25000}')"
  awk -v n="$SCALE" -v f="$factor" '
    /^    total: 25000/ {sub(/25000/, n)}
    /covered_m2_per_person: 3.5 / {sub(/3.5 /, 3.5 / f " ")}
    /open_m2_per_person: 1.5 / {sub(/1.5 /, 1.5 / f " ")}
    {print}' "$root/scenarios/lauf.yaml" >"$tmp/scenarios/lauf-$SCALE.yaml"
  grep -q "total: $SCALE" "$tmp/scenarios/lauf-$SCALE.yaml" || { echo "bench_gui: cannot scale lauf.yaml" >&2; exit 2; }
  scenario="$tmp/scenarios/lauf-$SCALE.yaml"
  echo "scenario: scenarios/lauf.yaml with $SCALE residents"
fi
cat >"$tmp/frames.script" <<SCRIPT
load $scenario
fit
speed max
run_to 600
speed 60
play
frames 20
stats_reset
frames 400
quit
SCRIPT
cat >"$tmp/load.script" <<SCRIPT
load $scenario
frames 2
quit
SCRIPT

median() { sort -g | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }
xvfb() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

echo "frame time, $repeats runs (ms): median p95 cpu_median frames sim_time_s"
: >"$tmp/med"; : >"$tmp/p95"
for i in $(seq 1 "$repeats"); do
  csv=()
  [[ -n "${FRAME_CSV_DIR:-}" ]] && mkdir -p "$FRAME_CSV_DIR" && csv=(--frame-stats "$FRAME_CSV_DIR/frames-$i.csv")
  out="$(xvfb "$gui" --script "$tmp/frames.script" --stats "${csv[@]}" 2>/dev/null)"
  line="$(grep '^frame_ms' <<<"$out")" || { echo "bench_gui: run $i printed no statistics" >&2; exit 1; }
  med="$(sed -E 's/^frame_ms median=([0-9.]+).*/\1/' <<<"$line")"
  p95="$(sed -E 's/.*p95=([0-9.]+).*/\1/' <<<"$line")"
  cpu="$(sed -E 's/.*cpu_median=([0-9.]+).*/\1/' <<<"$line")"
  frames="$(sed -E 's/.*frames=([0-9]+).*/\1/' <<<"$line")"
  simt="$(grep -oE 'sim_time=[0-9.]+' <<<"$out" | cut -d= -f2)"
  echo "  run $i: $med $p95 $cpu $frames $simt"
  grep '^phase' <<<"$out" | sed 's/^/    /'
  echo "$med" >>"$tmp/med"; echo "$p95" >>"$tmp/p95"
done
echo "frame_ms median of medians=$(median <"$tmp/med") median of p95=$(median <"$tmp/p95")"

echo "load to first frame, $repeats runs (s):"
: >"$tmp/load"
for i in $(seq 1 "$repeats"); do
  s="$(xvfb "$gui" --script "$tmp/load.script" 2>&1 | grep -oE 'first frame [0-9.]+ s' | grep -oE '[0-9.]+')" ||
    { echo "bench_gui: run $i reported no first frame" >&2; exit 1; }
  echo "  run $i: $s"
  echo "$s" >>"$tmp/load"
done
echo "load_to_first_frame_s median=$(median <"$tmp/load")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
