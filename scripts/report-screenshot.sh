#!/usr/bin/env bash
# Renders a batch's report.html in headless Chromium and saves a PNG, to check the
# report in a real browser (no network: the page is one self-contained file).
#   scripts/report-screenshot.sh BATCH_DIR [OUT.png]
# Needs Debian's chromium package: apt-get install -y chromium
set -euo pipefail
dir="${1:?usage: $0 BATCH_DIR [OUT.png]}"
out="${2:-$dir/report.png}"
report="$(cd "$dir" && pwd)/report.html"
[[ -f "$report" ]] || { echo "report-screenshot: no report.html in $dir" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || { echo "report-screenshot: chromium not found (apt-get install -y chromium)" >&2; exit 1; }
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# --no-sandbox: needed when running as root (containers, CI); the page is our own file.
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --hide-scrollbars --window-size=1280,1500 --screenshot="$out" "file://$report" 2>/dev/null
[[ -s "$out" ]] || { echo "report-screenshot: chromium wrote no screenshot" >&2; exit 1; }
echo "report-screenshot: $out"
