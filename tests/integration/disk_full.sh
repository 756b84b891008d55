#!/usr/bin/env bash
# A disk that fills up while a run writes its results: the run ends with a clear error
# naming the file, exit code 1, the previous complete result stays in place and
# nothing half-written is published or left beside it.
# The disk is a 512 KiB tmpfs (CI runs as root); where mounting is not allowed, the
# same failure comes from a file-size limit (ulimit -f), which the writer meets the
# same way (a write that cannot complete).
#   disk_full.sh SAFESTREET SOURCE_DIR OUT_DIR
set -uo pipefail
bin="$1" src="$2" out="$3"
scenario="$src/tests/batch/town/town.yaml"
rm -rf "$out"; mkdir -p "$out/disk"
mounted=0
if mount -t tmpfs -o size=512k tmpfs "$out/disk" 2>/dev/null; then mounted=1; fi
cleanup() { if ((mounted)); then umount "$out/disk"; fi; }
trap cleanup EXIT
fail() { echo "disk_full: $*" >&2; exit 1; }

# A first complete result fits.
"$bin" run "$scenario" --quiet --seed 1 --out "$out/disk/run" || fail "the first run did not fit"
grep -q '"seed": 1' "$out/disk/run/summary.json" || fail "no first result"

if ((mounted)); then
  # Fill the disk but for 16 KiB: the next result cannot be written.
  free_kb=$(df -k --output=avail "$out/disk" | tail -1)
  dd if=/dev/zero of="$out/disk/filler" bs=1k count=$((free_kb - 16)) status=none 2>/dev/null
  msg=$("$bin" run "$scenario" --quiet --seed 2 --out "$out/disk/run" 2>&1); rc=$?
  how="a full tmpfs"
else
  msg=$( (trap '' XFSZ; ulimit -f 16; "$bin" run "$scenario" --quiet --seed 2 --out "$out/disk/run") 2>&1); rc=$?
  how="a 16 KiB file-size limit"
fi
echo "disk_full: with $how: exit $rc: $msg"
[[ $rc -eq 1 ]] || fail "expected exit code 1, got $rc"
[[ "$msg" == error:* ]] || fail "expected an error line, got: $msg"
echo "$msg" | grep -Eq "No space left on device|File too large" || fail "the error does not say why: $msg"
echo "$msg" | grep -q "$out/disk/run" || fail "the error does not name the file: $msg"
grep -q '"seed": 1' "$out/disk/run/summary.json" || fail "the previous result was not kept whole"
for f in timeline.csv residents.csv shelters.csv; do [[ -s "$out/disk/run/$f" ]] || fail "previous $f lost"; done
left=$(find "$out/disk" -maxdepth 1 -name 'run.*' | wc -l)
[[ $left -eq 0 ]] || fail "left beside the result: $(ls "$out/disk")"
echo "disk_full: the previous result is whole and nothing half-written was left"
