#!/usr/bin/env bash
# bench/reportlab.sh — auditgen against ReportLab on the same report
# (issue 14: "report ≥ 10× ReportLab per page on the cement sample,
# measured alternately in one run"). Called by `./build.sh bench` after
# bench/run.sh; needs build/release/auditgen, pdftotext (poppler-utils)
# and Debian's python3-reportlab (build.sh bench installs it).
#
# auditgen writes the cement sample's bilingual PDF; its text, page by
# page (pdftotext -raw), is what ReportLab sets (bench/rl_side.py). Then
# BENCH_RL_RUNS (default 5) rounds, each one auditgen run and one
# ReportLab run, in turn. auditgen's time is its whole process (start-up,
# rules, calc, layout, PDF); ReportLab's is doc.build alone in a warm
# interpreter. CPU time (user + system) is compared, which a loaded
# machine disturbs less than wall time; both are printed, as medians.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=${BENCH_RL_RUNS:-5}
OUT=build/bench
BIN=build/release/auditgen
PY=/usr/bin/python3
SAMPLE=samples/cement-plant.yaml
mkdir -p "$OUT"
if ! "$PY" -c 'import reportlab' 2>/dev/null; then
  echo "bench/reportlab.sh: python3-reportlab is not installed (./build.sh bench installs it)" >&2
  exit 1
fi
export SOURCE_DATE_EPOCH=1700000000
"$BIN" report "$SAMPLE" -o "$OUT/rl-auditgen.pdf" -q
pdftotext -raw "$OUT/rl-auditgen.pdf" "$OUT/rl-text.txt"
pages=$(pdfinfo "$OUT/rl-auditgen.pdf" | awk '/^Pages:/ {print $2}')
: > "$OUT/rl-ours.txt"
: > "$OUT/rl-theirs.txt"
TIMEFORMAT='%R %U %S'
for ((i = 0; i < RUNS; i++)); do
  { time "$BIN" report "$SAMPLE" -o "$OUT/rl-auditgen.pdf" -q; } 2>> "$OUT/rl-ours.txt"
  "$PY" bench/rl_side.py "$OUT/rl-text.txt" >> "$OUT/rl-theirs.txt"
done
# medians: ours wall and CPU (s → ms); theirs pages, wall, CPU (ms)
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ow=$(awk '{print $1 * 1000}' "$OUT/rl-ours.txt" | median)
oc=$(awk '{print ($2 + $3) * 1000}' "$OUT/rl-ours.txt" | median)
tp=$(awk '{print $1}' "$OUT/rl-theirs.txt" | median)
tw=$(awk '{print $2}' "$OUT/rl-theirs.txt" | median)
tc=$(awk '{print $3}' "$OUT/rl-theirs.txt" | median)
awk -v p="$pages" -v ow="$ow" -v oc="$oc" -v tp="$tp" -v tw="$tw" -v tc="$tc" -v n="$RUNS" 'BEGIN {
  printf "ReportLab comparison: the cement sample'"'"'s bilingual report, %d alternated rounds (medians)\n", n
  printf "  %-34s %6s %10s %10s %12s %12s\n", "", "pages", "wall ms", "CPU ms", "CPU ms/page", "per our page"
  printf "  %-34s %6d %10.0f %10.0f %12.2f %12.2f\n", "auditgen report (whole process)", p, ow, oc, oc / p, oc / p
  printf "  %-34s %6d %10.0f %10.0f %12.2f %12.2f\n", "ReportLab doc.build (same text)", tp, tw, tc, tc / tp, tc / p
  printf "  auditgen is %.1fx faster per page of the same text (CPU; target >= 10x, <= 2 ms a page)\n", tc / oc
}'
