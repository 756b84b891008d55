#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. GUI tests start their own
# virtual display (Xvfb), so this runs the same with or without a screen.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
scripts/build.sh "$@"
ctest --test-dir build --output-on-failure -j2
