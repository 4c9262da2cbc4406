#!/usr/bin/env bash
# bench/batch.sh — `auditgen batch --jobs` on many generated facilities
# (issue 13, "Scale"). Not a timed test: it prints the wall time, the rate
# and the peak memory of the largest single process (the parent or one
# worker: wait4's ru_maxrss of a process that waited for its workers is
# the largest of them), for JSON only and for JSON + PDF.
#
#   bench/batch.sh                 1,000 facilities, --jobs 2
#   BENCH_BATCH_N=200 BENCH_BATCH_JOBS=4 BENCH_BATCH_PDF=0 bench/batch.sh
#
# The facilities come from bench/gen-facility.awk, 40 to 99 meters and 20
# units each (a small plant; the meter count varies so that no two files
# are alike). Everything is written to build/bench/batch/. Needs
# build/release/auditgen and a C compiler (for bench/measure.c).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${BENCH_BATCH_N:-1000}
JOBS=${BENCH_BATCH_JOBS:-2}
PDF=${BENCH_BATCH_PDF:-1}
OUT=build/bench/batch
BIN=build/release/auditgen
[ -x "$BIN" ] || { echo "bench/batch.sh: build $BIN first" >&2; exit 1; }
mkdir -p build/bench
MEASURE=build/bench/measure
if [ ! -x "$MEASURE" ] || [ bench/measure.c -nt "$MEASURE" ]; then
  "${CC:-cc}" -O2 -o "$MEASURE" bench/measure.c
fi
rm -rf "$OUT"
mkdir -p "$OUT/in"
# the cache of parsed rules in a folder of this run's own (README.md)
export XDG_CACHE_HOME=$ROOT/$OUT/cache
unset AUDITGEN_CACHE
for i in $(seq 1 "$N"); do
  awk -v meters=$((40 + i % 60)) -v units=20 -f bench/gen-facility.awk \
    > "$OUT/in/f$(printf %05d "$i").yaml"
done
ls "$OUT"/in/*.yaml > "$OUT/list"
# the list on standard input: measure runs the command with stdin empty,
# so the files are named on the command line through a wrapper
cat > "$OUT/batch-list.sh" <<EOS
#!/bin/sh
exec "\$@" - < "$ROOT/$OUT/list" > /dev/null 2>&1
EOS
chmod +x "$OUT/batch-list.sh"
run1() {
  local label=$1 line
  shift
  rm -rf "$OUT/o"
  line=$("$MEASURE" -n 1 -w 0 -- "$OUT/batch-list.sh" "$BIN" batch \
    --jobs "$JOBS" -q -o "$OUT/o" "$@" || true)
  local ok
  ok=$(grep -c '"status":"ok"' "$OUT/o/summary.jsonl" || true)
  echo "$label ($N facilities, --jobs $JOBS): $line ok=$ok"
}
run1 "JSON"
[ "$PDF" = 1 ] && run1 "JSON+PDF" --report
exit 0
