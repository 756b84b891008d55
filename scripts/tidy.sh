#!/usr/bin/env bash
# Runs clang-tidy with the project's .clang-tidy over every engine source file (the
# simulation core every result comes from) and fails on any finding; --all covers
# every C++ source of the project (several minutes on two cores). Needs the compile
# commands of a configured build (./build, from scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy not found (scripts/setup.sh installs it)" >&2; exit 1; }
build="${SAFESTREET_TIDY_BUILD:-build}"
[[ -f "$build/compile_commands.json" ]] || { echo "tidy: $build/compile_commands.json missing: run scripts/build.sh first" >&2; exit 1; }
if [[ "${1:-}" == "--all" ]]; then
  mapfile -t files < <(git ls-files '*.cpp')
else
  mapfile -t files < <(git ls-files 'engine/*.cpp')
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$SECONDS
status=0
printf '%s\n' "${files[@]}" | xargs -P"$(nproc)" -n4 clang-tidy -p "$build" --quiet > "$log" 2>/dev/null || status=$?
if ((status)) || grep -q "warning:\|error:" "$log"; then
  cat "$log" >&2
  echo "tidy: clang-tidy found the problems above (.clang-tidy)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files clean in $((SECONDS - start)) s"
