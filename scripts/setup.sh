#!/usr/bin/env bash
# Installs every Debian 12 package SafeStreet's build, tests and GUI need.
# Safe to run twice: when all are installed it does nothing (no apt-get update,
# which is the slow, network-bound part). Runs as root, or through sudo otherwise.
set -euo pipefail

packages=(
  # toolchain; clang-format checks the code's layout (scripts/check-format.sh)
  build-essential g++ cmake pkg-config clang-format
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
  # static analysis of the engine (scripts/tidy.sh, .clang-tidy)
  clang-tidy
  # engine, maps, scenarios, command line, tests
  libgdal-dev gdal-bin libyaml-cpp-dev nlohmann-json3-dev libcli11-dev catch2 libbox2d-dev
  # briefing maps (`safestreet map`): Cairo draws one sheet as vector PDF and as PNG
  # from the same drawing code, with text in real fonts and no window; GDAL's PDF
  # driver cannot lay out a legend, key figures and text
  libcairo2-dev
  # GUI: SFML window, Dear ImGui (+ the stb headers it builds on), OpenGL headers
  libsfml-dev libimgui-dev libstb-dev libgl-dev libglu1-mesa-dev
  # GUI text: DejaVu Sans (gui/ui_fonts.hpp) has the dashes, quotes, umlauts and
  # arrows scenario and street names use; ImGui's built-in font is ASCII only
  fonts-dejavu-core
  # Chinese text (--lang zh-CN): Noto Sans CJK SC, merged into the GUI's font atlas
  # (gui/ui_fonts.cpp) and chosen through fontconfig for briefing maps
  fonts-noto-cjk
  # GUI tests: a virtual X server, and Mesa's software OpenGL (llvmpipe) to draw
  # into it on machines without a GPU
  xvfb xauth libgl1-mesa-dri libglx-mesa0
  # glxinfo: shows which OpenGL the virtual display offers when a GUI test fails
  mesa-utils
  # batches across machines: `safestreet batch --mpi` (optional; built when found)
  libopenmpi-dev openmpi-bin
  # the batch report checked in a real browser (headless; tests/report/)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != installed ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
