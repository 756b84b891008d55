#!/usr/bin/env bash
# A drill's after-action report as a trainer sees it: run the bundled flood drill
# headless, write its report, render it in headless Chromium, check the picture.
#   drill_report_in_browser.sh SAFESTREET PNGCHECK SOURCE_DIR OUT_DIR
set -euo pipefail
safestreet="$1" check="$2" src="$3" out="$4"
rm -rf "$out"
mkdir -p "$out"
"$safestreet" drill run "$src/scenarios/drills/lauf_flood_drill.yaml" \
  --players "$src/scenarios/drills/lauf_flood_drill_players.csv" --journal "$out/drill.jsonl" --out "$out/drill" --quiet
"$safestreet" report "$out/drill.jsonl" --out "$out/report.html" --no-decision-values --quiet
"$src/scripts/report-screenshot.sh" "$out" "$out/report.png"
# The share of residents safe over time in the Okabe-Ito blue, the players' decisions
# as orange squares on the timeline (drill/debrief_svg.cpp).
"$check" "$out/report.png" --curve 0072B2 500 --curve E69F00 200
