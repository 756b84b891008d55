#!/usr/bin/env bash
# A batch report as a reader sees it: run a small batch (base and a late warning,
# three seeds), render report.html in headless Chromium, check the picture.
#   report_in_browser.sh SAFESTREET PNGCHECK SOURCE_DIR OUT_DIR
set -euo pipefail
safestreet="$1" check="$2" src="$3" out="$4"
rm -rf "$out"
mkdir -p "$out"
"$safestreet" batch "$src/tests/batch/town/town.yaml" --variants base,late_warning --seeds 3 --jobs 2 \
  --quiet --out "$out/batch"
"$src/scripts/report-screenshot.sh" "$out/batch" "$out/report.png"
# The late warning is worse than the base on the evacuation times: its differences are
# marked in the worse colour. The chart draws base in black and late_warning in the
# palette's second colour (batch/svg_chart.cpp).
"$check" "$out/report.png" --worse 20 --curve E69F00 50
