#!/usr/bin/env bash
# bench/run.sh — auditgen's benchmarks: wall time and peak memory of the
# release build on the sample, and the loader's throughput on a large
# generated facility. Called by `./build.sh bench` after it has built
# build/release/auditgen; runs from any directory. What each line means:
# bench/README.md.
#
# Needs only bash, coreutils, awk and a C compiler (cc): no python, no
# hyperfine, no GNU time. bench/measure.c does the timing; it is compiled
# into build/bench/measure. Everything this script writes goes to
# build/bench/.
#
# Knobs (environment):
#   BENCH_RUNS=50            timed runs of the sample benchmarks
#   BENCH_LARGE_RUNS=10      timed runs of the large-facility benchmark
#   BENCH_LARGE_METERS=5000  meters in the large facility (12 values each)
#   BENCH_LARGE_UNITS=1000   process units in the large facility
#   BENCH_SCALE="1000 5000 10000 20000"  meter counts of the scaling table
#                            (empty: skip it)
#   BENCH_SCALE_RUNS=5       timed runs per scaling point
#   BENCH_FACILITY_SCALE="19 190 1900 19000"  meter counts of the calc and
#                            report table: 1×, 10×, 100× and 1000× the
#                            sample's 19 meters, with units in the sample's
#                            proportion (14 to 19), 5 meters a unit
#                            beyond 4,000 units; empty: skip it
#   BENCH_FACILITY_RUNS=3    timed runs per size
#   BENCH_BATCH_N=200        generated facilities of the batch row (0: skip)
#   BENCH_BATCH_RUNS=3       timed runs of the batch row
#   BENCH_REPORT_MAX=1900    largest size whose PDF report is timed (the
#                            report of 19,000 meters has about 15,000 pages)
#
# Exit status: 0 when every benchmark ran (a figure over its target is
# reported, not fatal); 1 when one could not run (missing build, a command
# that failed, a generated file that check refuses).
# The printf formats held in ROW and SROW are constants of this script.
# shellcheck disable=SC2059
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${BENCH_RUNS:-50}
LARGE_RUNS=${BENCH_LARGE_RUNS:-10}
LARGE_METERS=${BENCH_LARGE_METERS:-5000}
LARGE_UNITS=${BENCH_LARGE_UNITS:-1000}
SCALE=${BENCH_SCALE-1000 5000 10000 20000}
SCALE_RUNS=${BENCH_SCALE_RUNS:-5}
FSCALE=${BENCH_FACILITY_SCALE-19 190 1900 19000}
FSCALE_RUNS=${BENCH_FACILITY_RUNS:-3}
REPORT_MAX=${BENCH_REPORT_MAX:-1900}
SAMPLE=samples/cement-plant.yaml
OUT=build/bench
RELEASE=build/release/auditgen

die() { echo "bench/run.sh: $*" >&2; exit 1; }

[ -x "$RELEASE" ] || die "$RELEASE not found: build it first (./build.sh build, or run ./build.sh bench)"
[ -f "$SAMPLE" ] || die "$SAMPLE not found"
mkdir -p "$OUT"

# The timer, rebuilt when its source is newer.
MEASURE=$OUT/measure
if [ ! -x "$MEASURE" ] || [ bench/measure.c -nt "$MEASURE" ]; then
  "${CC:-cc}" -O2 -o "$MEASURE" bench/measure.c || die "cannot compile bench/measure.c"
fi

# Every benchmark runs one snapshot of the release binary and of the data
# it reads at run time (rules/), taken here, so that a rebuild or an edit
# of rules/ during the run cannot mix two versions or fail a run half-way.
# DATA_DIRS lists the data folders the binary reads; add new ones here.
DATA_DIRS="rules templates"
BIN=$OUT/auditgen
cp "$RELEASE" "$BIN.tmp.$$"
mv -f "$BIN.tmp.$$" "$BIN"
DATA_SRC=${AUDITGEN_DATA:-$ROOT}
DATA=$ROOT/$OUT/data
rm -rf "$DATA.tmp.$$"
mkdir -p "$DATA.tmp.$$"
for d in $DATA_DIRS; do
  cp -R "$DATA_SRC/$d" "$DATA.tmp.$$/$d"
done
rm -rf "$DATA"
mv "$DATA.tmp.$$" "$DATA"
export AUDITGEN_DATA=$DATA
# The cache of parsed rules (README.md) in a folder of the run's own,
# emptied here: each benchmark's warm-up run fills it, as a user's first
# run does; "cache off" rows measure the parse on every run.
export XDG_CACHE_HOME=$ROOT/$OUT/cache
rm -rf "$XDG_CACHE_HOME"
unset AUDITGEN_CACHE

# ---------------------------------------------------------------- helpers

# measure RUNS CMD... — sets M_RUNS M_MED M_MIN M_MAX (ms) M_KIB M_MIB
# M_CPU (median user + system ms of the command and the processes it
# waited for).
# On failure shows the command's own output and stops.
measure() {
  local runs=$1 line kv
  shift
  if ! line=$("$MEASURE" -n "$runs" -w 1 -- "$@"); then
    echo "bench/run.sh: benchmark command failed: $*" >&2
    echo "--- its output:" >&2
    "$@" 2>&1 | head -n 20 >&2 || true
    exit 1
  fi
  M_RUNS=; M_MED=; M_MIN=; M_MAX=; M_KIB=; M_MIB=; M_CPU=
  for kv in $line; do
    case $kv in
      cpu_ms=*) M_CPU=${kv#*=} ;;
      runs=*) M_RUNS=${kv#*=} ;;
      median_ms=*) M_MED=${kv#*=} ;;
      min_ms=*) M_MIN=${kv#*=} ;;
      max_ms=*) M_MAX=${kv#*=} ;;
      maxrss_kib=*) M_KIB=${kv#*=} ;;
      maxrss_mib=*) M_MIB=${kv#*=} ;;
    esac
  done
  if [ -z "$M_MED" ] || [ -z "$M_KIB" ]; then die "cannot parse measure output: $line"; fi
}

# calc EXPR — floating-point arithmetic (awk), printed with printf FORMAT.
calc() { awk -v fmt="$1" "BEGIN { printf fmt, $2 }"; }

# A millisecond figure for the table.
ms() { awk -v v="$1" 'BEGIN { if (v < 100) printf "%.2f ms", v; else if (v < 10000) printf "%.0f ms", v; else printf "%.1f s", v / 1000 }'; }

# 1234567 -> 1,234,567
commas() {
  awk -v n="$1" 'BEGIN { s = sprintf("%d", n); o = "";
    while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
    print s o }'
}

# One row of the table: NAME RUNS MEDIAN MIN MAX RSS TARGET RESULT
ROW='%-40s %4s %10s %10s %10s %10s  %-16s %s\n'
row_measured() { # name target result
  printf "$ROW" "$1" "$M_RUNS" "$(ms "$M_MED")" "$(ms "$M_MIN")" "$(ms "$M_MAX")" \
    "$(calc '%.1f MiB' "$M_MIB")" "$2" "$3"
  against_baseline "$1"
}

# The committed figures (bench/baseline: median ms, peak KiB and the row's
# name, tab-separated; # starts a comment). A row whose median or peak
# memory is more than 20 % above its baseline prints a warning under it; a
# row without a baseline (other knobs, a new row) is not compared. This
# run's figures go to build/bench/baseline.new, in the same form, to be
# copied over bench/baseline when a change of the figures is intended.
BASELINE=${BENCH_BASELINE:-$ROOT/bench/baseline}
NEW_BASELINE=$OUT/baseline.new
REGRESSIONS=0
{
  echo "# auditgen bench/run.sh figures: median_ms<TAB>peak_kib<TAB>row"
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
} >"$NEW_BASELINE"
against_baseline() { # name
  printf '%s\t%s\t%s\n' "$M_MED" "$M_KIB" "$1" >>"$NEW_BASELINE"
  [ -f "$BASELINE" ] || return 0
  local base
  base=$(awk -F'\t' -v n="$1" '!/^#/ && $3 == n { print $1 "\t" $2; exit }' "$BASELINE")
  [ -n "$base" ] || return 0
  local warn
  warn=$(awk -F'\t' -v b="$base" -v med="$M_MED" -v kib="$M_KIB" 'BEGIN {
    split(b, x, "\t"); r = ""
    if (med > x[1] * 1.2) r = sprintf("median %.2f ms, baseline %.2f ms (+%.0f %%)", med, x[1], (med / x[1] - 1) * 100)
    if (kib > x[2] * 1.2) r = (r == "" ? "" : r "; ") sprintf("peak %.1f MiB, baseline %.1f MiB (+%.0f %%)", kib / 1024, x[2] / 1024, (kib / x[2] - 1) * 100)
    print r }')
  if [ -n "$warn" ]; then
    printf '    WARNING: more than 20 %% over %s: %s\n' "${BASELINE#"$ROOT"/}" "$warn"
    REGRESSIONS=$((REGRESSIONS + 1))
  fi
}
row_text() { printf '%s\n' "$1"; }

# Targets: median wall time under TARGET_MS and peak RSS under TARGET_MB
# (decimal megabytes: 10 MB = 10,000,000 bytes = 9.54 MiB).
TARGET_MS=10
TARGET_MB=10
verdict() {
  awk -v med="$M_MED" -v kib="$M_KIB" -v tms="$TARGET_MS" -v tmb="$TARGET_MB" 'BEGIN {
    r = ""
    if (med >= tms) r = "SLOW (median over " tms " ms)"
    if (kib * 1024 >= tmb * 1000000) r = (r == "" ? "" : r ", ") "OVER MEMORY (" tmb " MB)"
    print (r == "" ? "ok" : r) }'
}

# gen_facility METERS UNITS — prints the path of the generated file
# (regenerated when missing or when the generator changed).
gen_facility() {
  local f=$OUT/facility-$1m-$2u.yaml
  if [ ! -s "$f" ] || [ bench/gen-facility.awk -nt "$f" ]; then
    awk -v meters="$1" -v units="$2" -f bench/gen-facility.awk >"$f.tmp.$$"
    mv -f "$f.tmp.$$" "$f"
  fi
  printf '%s\n' "$f"
}

# check_facility FILE METERS UNITS — 0 when check accepts the file with
# the expected counts; otherwise prints check's first complaint.
check_facility() {
  local log=$OUT/check.log
  if "$BIN" check "$1" >"$log" 2>&1 && grep -q "ok ($2 meters, $3 units," "$log"; then
    return 0
  fi
  grep -m1 -E 'error|ok \(' "$log" || head -n 1 "$log"
  return 1
}

file_mb() { calc '%.1f MB' "$(wc -c <"$1") / 1000000"; }

# ---------------------------------------------------------------- header

commit=unknown
if command -v git >/dev/null 2>&1; then
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) || commit="unknown (not a git checkout)"
else
  commit="unknown (git not installed)"
fi
cpu=$(grep -m1 -E '^(model name|Hardware|cpu model|Processor)[[:space:]]*:' /proc/cpuinfo 2>/dev/null |
  cut -d: -f2- | sed 's/^[[:space:]]*//') || true
[ -n "$cpu" ] || cpu=unknown
ncpu=$(nproc 2>/dev/null || echo "?")
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
version=$("$BIN" --version 2>/dev/null | head -n 1) || version="?"

echo "auditgen benchmarks"
echo "  commit   $commit"
echo "  build    $RELEASE ($version), run as $BIN with a copy of $DATA_DIRS/ in $OUT/data"
echo "  machine  $ncpu CPUs (nproc), $cpu, ${mem:-? GiB} RAM, $(uname -sr 2>/dev/null || echo '?')"
echo "  load     $load (1/5/15 min load average before the run)"
echo "  date     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  times are wall clock from fork to exit (process start-up included);"
echo "  peak RSS is the child's ru_maxrss; median of the runs after 1 warm-up run"
echo

printf "$ROW" "benchmark" "runs" "median" "min" "max" "peak RSS" "target" "result"
printf '%s\n' "$(printf '%.0s-' $(seq 1 118))"

# 0. Reference: what starting any process costs on this machine.
measure "$RUNS" /bin/true
row_measured "process start-up (/bin/true, reference)" "-" "-"

# 1, 2. The sample.
measure "$RUNS" "$BIN" calc "$SAMPLE" --json
row_measured "calc cement-plant.yaml --json" "<${TARGET_MS} ms, <${TARGET_MB} MB" "$(verdict)"
measure "$RUNS" "$BIN" check "$SAMPLE"
# issue 14: check under 5 ms (calc under 10)
row_measured "check cement-plant.yaml" "<5 ms, <${TARGET_MB} MB" "$(TARGET_MS=5 verdict)"
AUDITGEN_CACHE=off measure "$RUNS" "$BIN" calc "$SAMPLE" --json
row_measured "calc cement-plant.yaml --json (cache off)" "-" "rules parsed"

# 3. Loader throughput on a large generated facility.
big=$(gen_facility "$LARGE_METERS" "$LARGE_UNITS")
if ! why=$(check_facility "$big" "$LARGE_METERS" "$LARGE_UNITS"); then
  die "auditgen check refuses the generated $big: $why"
fi
measure "$LARGE_RUNS" "$BIN" check "$big"
values=$((LARGE_METERS * 12))
rate=$(calc '%.0f' "$values / ($M_MED / 1000)")
row_measured "check large: $(commas "$LARGE_METERS") meters, $(commas "$LARGE_UNITS") units" "-" \
  "$(commas "$rate") meter-values/s"
row_text "    ($(commas "$values") monthly values, $(file_mb "$big") of YAML: $big)"

# 4. Interval data: SERIES_METERS meters, each a year (2016, 366 days) of
#    15-minute rows in its own CSV, read by check.
SERIES_METERS=${BENCH_SERIES_METERS:-20}
sdir=$OUT/series-$SERIES_METERS
if [ ! -s "$sdir/facility.yaml" ] || [ bench/run.sh -nt "$sdir/facility.yaml" ]; then
  mkdir -p "$sdir"
  awk -v n="$SERIES_METERS" -v dir="$sdir" 'BEGIN {
    split("31 29 31 30 31 30 31 31 30 31 30 31", md, " ")
    for (k = 1; k <= n; k++) {
      f = sprintf("%s/E%02d.csv", dir, k)
      print "timestamp,value" > f
      for (m = 1; m <= 12; m++)
        for (d = 1; d <= md[m]; d++)
          for (q = 0; q < 96; q++)
            printf "2016-%02d-%02dT%02d:%02d,%.2f\n", m, d, int(q / 4), (q % 4) * 15,
              50 + (k * 7 + q) % 23 > f
      close(f)
    }
  }'
  {
    printf 'auditgen: 1\nfacility:\n  name: {zh: 区间数据, en: Interval data}\n'
    printf '  industry: cement\naudit:\n  period: {from: 2016-01-01, to: 2016-12-31}\n'
    printf 'products:\n  - {id: P1, name: {zh: 水泥, en: Cement}, quantity: "1,000,000 t"}\nmeters:\n'
    for k in $(seq 1 "$SERIES_METERS"); do
      printf '  - {id: E%02d, carrier: electricity, level: 1, series: E%02d.csv, unit: kWh}\n' "$k" "$k"
    done
  } >"$sdir/facility.yaml"
fi
measure "$LARGE_RUNS" "$BIN" check "$sdir/facility.yaml"
srows=$((SERIES_METERS * 366 * 96))
rate=$(calc '%.0f' "$srows / ($M_MED / 1000)")
smb=$(du -cb "$sdir"/*.csv | awk 'END {printf "%.1f MB", $1 / 1000000}')
row_measured "check interval data: $SERIES_METERS meters × 35,136 rows" "-" \
  "$(commas "$rate") rows/s"
smbs=$(du -cb "$sdir"/*.csv | awk -v m="$M_MED" 'END {printf "%.0f", $1 / 1000000 / (m / 1000)}')
row_text "    ($(commas "$srows") rows, $smb of CSV, $smbs MB/s start-up included: $sdir)"

# 5. The bilingual report of the cement sample (issue target: under
#    150 ms, under 60 MB, PDF under 1.5 MB).
measure 10 "$BIN" report "$ROOT/samples/cement-plant.yaml" -o "$OUT/cement-plant.pdf" -q
pdf_kb=$(( $(wc -c < "$OUT/cement-plant.pdf") / 1024 ))
pages=$(pdfinfo "$OUT/cement-plant.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
verdict="ok"
if awk -v m="$M_MED" 'BEGIN { exit !(m > 150) }'; then verdict="SLOW (median over 150 ms)"; fi
if [ "$pdf_kb" -gt 1536 ]; then verdict="$verdict, PDF OVER 1.5 MB"; fi
row_measured "report cement-plant (bilingual PDF)" "<150 ms, <60 MB" "$verdict"
row_text "    (${pages:-?} pages, $(commas "$pdf_kb") KB: $OUT/cement-plant.pdf)"

# 6. The same report as a Word document and its tables as a workbook
#    (issue 11 targets: docx under 100 ms and 60 MB, xlsx under 50 ms).
measure 10 "$BIN" report "$ROOT/samples/cement-plant.yaml" -o "$OUT/cement-plant.docx" -q
verdict="ok"
if awk -v m="$M_MED" 'BEGIN { exit !(m > 100) }'; then verdict="SLOW (median over 100 ms)"; fi
row_measured "report cement-plant (bilingual docx)" "<100 ms, <60 MB" "$verdict"
row_text "    ($(commas $(( $(wc -c < "$OUT/cement-plant.docx") / 1024 ))) KB: $OUT/cement-plant.docx)"
measure 10 "$BIN" report "$ROOT/samples/cement-plant.yaml" -o "$OUT/cement-plant.xlsx" -q
verdict="ok"
if awk -v m="$M_MED" 'BEGIN { exit !(m > 50) }'; then verdict="SLOW (median over 50 ms)"; fi
row_measured "report cement-plant (bilingual xlsx)" "<50 ms" "$verdict"
row_text "    ($(commas $(( $(wc -c < "$OUT/cement-plant.xlsx") / 1024 ))) KB: $OUT/cement-plant.xlsx)"

# 7. batch (issue 14 target: 300 facilities/s for JSON on 2 cores):
#    BATCH_N small generated facilities (40 to 99 meters, 20 units, as
#    bench/batch.sh makes them) through `batch --jobs 2`, JSON only. The
#    rate is the wall clock's; the CPU time a facility (user + system of
#    the parent and its workers, divided by the facilities) is what a busy
#    machine disturbs least, and 2 idle cores do 2,000 / that many a second.
BATCH_N=${BENCH_BATCH_N:-200}
BATCH_RUNS=${BENCH_BATCH_RUNS:-3}
if [ "$BATCH_N" -gt 0 ]; then
  bdir=$OUT/batch-$BATCH_N
  if [ ! -s "$bdir/in/f$(printf %05d "$BATCH_N").yaml" ] || [ bench/gen-facility.awk -nt "$bdir/in" ]; then
    rm -rf "$bdir"
    mkdir -p "$bdir/in"
    for i in $(seq 1 "$BATCH_N"); do
      awk -v meters=$((40 + i % 60)) -v units=20 -f bench/gen-facility.awk \
        >"$bdir/in/f$(printf %05d "$i").yaml"
    done
  fi
  measure "$BATCH_RUNS" "$BIN" batch --jobs 2 -q -o "$bdir/out" "$bdir"/in/*.yaml
  brate=$(calc '%.0f' "$BATCH_N / ($M_MED / 1000)")
  bcpu=$(calc '%.2f' "$M_CPU / $BATCH_N")
  bidle=$(calc '%.0f' "2000 / $bcpu")
  verdict="ok"
  if [ "$brate" -lt 300 ]; then verdict="SLOW (under 300/s)"; fi
  row_measured "batch $(commas "$BATCH_N") facilities --jobs 2 (JSON)" ">=300/s" "$verdict"
  row_text "    ($(commas "$brate") facilities/s; CPU $bcpu ms a facility: $(commas "$bidle")/s on 2 idle cores)"
fi

# ---------------------------------------------------------------- scaling

# The loader should be linear in the number of meters. Two figures per row
# against the row above, both from the fastest run of each size (the one
# a busy machine disturbs least):
#   added us/meter  (t2 - t1) / (n2 - n1): the cost of one more meter. Flat
#                   when the loader is linear; growing in proportion to the
#                   meter count when it is quadratic. Fixed costs (start-up,
#                   rules/) cancel out.
#   exponent        log(t2/t1) / log(n2/n1): 1 for linear work, 2 for
#                   quadratic; fixed costs pull it below the true value.
if [ -n "$SCALE" ]; then
  echo
  echo "loader scaling: auditgen check, $(commas "$LARGE_UNITS") units, 12 monthly values per meter," \
    "$SCALE_RUNS runs each"
  SROW='%10s %8s %10s %10s %10s %12s %15s %9s\n'
  printf "$SROW" "meters" "YAML" "median" "min" "peak RSS" "values/s" "added us/meter" "exponent"
  prev_n=; prev_t=
  # shellcheck disable=SC2086 # BENCH_SCALE is a list of words
  for n in $(printf '%s\n' $SCALE | sort -n -u); do
    f=$(gen_facility "$n" "$LARGE_UNITS")
    if ! why=$(check_facility "$f" "$n" "$LARGE_UNITS"); then
      printf '%10s %8s  refused by check: %s\n' "$(commas "$n")" "$(file_mb "$f")" \
        "$(printf '%s' "$why" | sed "s|^$f:||" | cut -c1-110)"
      continue
    fi
    measure "$SCALE_RUNS" "$BIN" check "$f"
    added="-"; expo="-"
    if [ -n "$prev_n" ]; then
      added=$(calc '%.1f' "($M_MIN - $prev_t) * 1000 / ($n - $prev_n)")
      expo=$(calc '%.2f' "log($M_MIN / $prev_t) / log($n / $prev_n)")
    fi
    printf "$SROW" "$(commas "$n")" "$(file_mb "$f")" "$(ms "$M_MED")" "$(ms "$M_MIN")" \
      "$(calc '%.1f MiB' "$M_MIB")" "$(commas "$(calc '%.0f' "$n * 12 / ($M_MED / 1000)")")" \
      "$added" "$expo"
    prev_n=$n; prev_t=$M_MIN
  done
fi

# ---------------------------------------------------------------- facility

# calc and report on generated facilities 1×, 10×, 100× and 1000× the
# sample's size (issue 14: calc of 19,000 meters under 2 s and 300 MB; the
# report linear in pages). Rows go to the baseline like the table's, so a
# regression at any size warns.
if [ -n "$FSCALE" ]; then
  echo
  echo "facility scaling: calc --json and report (PDF), units 14 per 19 meters as in the sample" \
    "(5 meters a unit beyond 4,000 units), $FSCALE_RUNS runs each"
  FROW='%-34s %8s %10s %10s %10s  %s\n'
  printf "$FROW" "command" "YAML" "median" "min" "peak RSS" "result"
  # shellcheck disable=SC2086 # BENCH_FACILITY_SCALE is a list of words
  for n in $(printf '%s\n' $FSCALE | sort -n -u); do
    u=$(( (n * 14 + 18) / 19 ))
    # The loader takes at most 5,000 units a file: a large works has
    # thousands of meters on far fewer units (a rolling mill or a kiln
    # line is one unit with dozens of meters), so beyond 4,000 units the
    # facility gets 5 meters a unit (19,000 meters: 3,800 units).
    [ "$u" -gt 4000 ] && u=$(( n / 5 ))
    f=$(gen_facility "$n" "$u")
    if ! why=$(check_facility "$f" "$n" "$u"); then
      printf '%10s meters: refused by check: %s\n' "$(commas "$n")" "$why"
      continue
    fi
    measure "$FSCALE_RUNS" "$BIN" calc "$f" --json
    verdict="-"
    if [ "$n" -ge 19000 ]; then
      verdict="$(TARGET_MS=2000 TARGET_MB=300 verdict) (target <2 s, <300 MB)"
    fi
    name="calc $(commas "$n") meters, $(commas "$u") units"
    printf "$FROW" "$name" "$(file_mb "$f")" "$(ms "$M_MED")" "$(ms "$M_MIN")" \
      "$(calc '%.1f MiB' "$M_MIB")" "$verdict"
    against_baseline "$name"
    if [ "$n" -le "$REPORT_MAX" ]; then
      pdf=$OUT/facility-$n.pdf
      measure "$FSCALE_RUNS" "$BIN" report "$f" -o "$pdf" -q
      pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
      per=-
      [ -n "$pages" ] && per="$(calc '%.2f' "$M_MED / $pages") ms/page, $pages pages"
      name="report $(commas "$n") meters (PDF)"
      printf "$FROW" "$name" "" "$(ms "$M_MED")" "$(ms "$M_MIN")" \
        "$(calc '%.1f MiB' "$M_MIB")" "$per"
      against_baseline "$name"
    fi
  done
fi

echo
if [ ! -f "$BASELINE" ]; then
  echo "no $BASELINE: figures not compared (this run's are in $NEW_BASELINE)"
elif [ "$REGRESSIONS" -gt 0 ]; then
  echo "WARNING: $REGRESSIONS row(s) more than 20 % over $BASELINE (this run's figures: $NEW_BASELINE)"
else
  echo "no row more than 20 % over $BASELINE (this run's figures: $NEW_BASELINE)"
fi
