#!/usr/bin/env bash
# Checks that a batch split over 2 MPI ranks on this machine gives exactly the
# comparison (comparison.json and comparison.gpkg) of the same batch run locally
# (CTest: batch_mpi_equals_local).
#   scripts/mpi-check.sh [SAFESTREET_BINARY [MPIRUN]]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/build/safestreet}"
mpirun="${2:-mpirun}"
scenario="$here/tests/batch/town/town.yaml"
work="$(mktemp -d "${TMPDIR:-/tmp}/ss-mpi-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$bin" batch "$scenario" --seeds 2 --jobs 2 --quiet --out "$work/local"
# --allow-run-as-root: CI containers run as root; --oversubscribe: 2 ranks even on
# a 1-core runner. Both are OpenMPI options (mpirun(1)).
"$mpirun" --allow-run-as-root --oversubscribe -np 2 \
  "$bin" batch "$scenario" --seeds 2 --jobs 1 --quiet --mpi --out "$work/mpi"

if ! cmp "$work/local/comparison.gpkg" "$work/mpi/comparison.gpkg"; then
  echo "mpi-check: MPI and local comparison.gpkg differ" >&2
  exit 1
fi
if cmp "$work/local/comparison.json" "$work/mpi/comparison.json"; then
  echo "mpi-check: the 2-rank MPI batch equals the local batch ($(grep -c '"kpi"' "$work/local/comparison.json") KPIs)"
else
  diff <(head -c 4000 "$work/local/comparison.json") <(head -c 4000 "$work/mpi/comparison.json") || true
  echo "mpi-check: MPI and local comparisons differ" >&2
  exit 1
fi
