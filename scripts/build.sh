#!/usr/bin/env bash
# Configures and builds SafeStreet (Release) into ./build at the repository root.
# Extra arguments go to CMake's configure step, e.g. -DSAFESTREET_GUI=OFF.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j"$(nproc)"
