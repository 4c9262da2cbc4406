#!/usr/bin/env bash
# build.sh — the front door: installs what a fresh Debian 12 machine lacks,
# builds into build/, and runs the sample, the tests or the benchmarks.
#
#   ./build.sh run      install deps, build, compute the sample audit and
#                       write its report (build/cement-plant.pdf)
#   ./build.sh test     install deps, build, run the whole test suite
#   ./build.sh asan     the same suite under AddressSanitizer + UBSan
#   ./build.sh bench    timings and peak memory (bench/run.sh)
#   ./build.sh golden-update   rewrite tests/golden/ for review
#   ./build.sh fuzz     libFuzzer on every target of tests/fuzz (clang;
#                       FUZZ_TARGETS, FUZZ_SECONDS each, default 120)
#   ./build.sh fuzz-merge  keep what the last fuzz runs found in tests/fuzz
#   ./build.sh build    build only
#   ./build.sh clean    remove build/
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES="gcc make pkg-config libyaml-dev libpcre2-dev libhpdf-dev check fonts-dejavu-core python3-jsonschema python3-yaml
libunibreak-dev libzip-dev nettle-dev libharfbuzz-dev fonts-wqy-microhei poppler-utils qpdf mupdf-tools
libxml2-utils python3-docx python3-openpyxl libreoffice-writer-nogui
libreoffice-calc-nogui parallel libexpat1-dev libdeflate-dev zlib1g-dev"

deps() {
  local missing=()
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

jobs() { nproc 2>/dev/null || echo 2; }

build_release() {
  make -s -j"$(jobs)" BUILD=build/release MODE_CFLAGS="-O2 -g" all
}

build_asan() {
  make -s -j"$(jobs)" BUILD=build/asan \
    MODE_CFLAGS="-O1 -g3 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
    MODE_LDFLAGS="-fsanitize=address,undefined" all
}

# Runs the Check suite of one build. The suite finds the binary and the
# repository through these variables.
run_suite() {
  local dir=$1
  AUDITGEN_BIN="$PWD/$dir/auditgen" AUDITGEN_ROOT="$PWD" "$dir/check_auditgen"
}

mode=${1:-run}
case "$mode" in
  run)
    deps
    build_release
    echo "== auditgen calc samples/cement-plant.yaml"
    build/release/auditgen calc samples/cement-plant.yaml
    build/release/auditgen calc samples/cement-plant.yaml -o build/cement-plant.json
    build/release/auditgen report samples/cement-plant.yaml -o build/cement-plant.pdf
    build/release/auditgen report samples/cement-plant.yaml -o build/cement-plant.docx
    build/release/auditgen report samples/cement-plant.yaml -o build/cement-plant.xlsx
    ;;
  build)
    deps
    build_release
    ;;
  test)
    deps
    build_release
    run_suite build/release
    ;;
  asan)
    deps
    build_asan
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      run_suite build/asan
    ;;
  golden-update)
    deps
    build_release
    mkdir -p tests/golden/training tests/golden/sectors
    for f in samples/*.yaml samples/training/*.yaml samples/sectors/*.yaml; do
      [ "$f" = samples/group.yaml ] && continue # a group file (rollup)
      n=${f#samples/}
      n=${n%.yaml}
      build/release/auditgen calc "$f" --json > "tests/golden/$n.json"
    done
    AUDITGEN_GOLDEN_UPDATE=1 CK_RUN_SUITE=golden run_suite build/release
    AUDITGEN_GOLDEN_UPDATE=1 CK_RUN_SUITE=report CK_RUN_CASE=layout run_suite build/release
    echo "build.sh: golden files rewritten; review them with git diff" >&2
    ;;
  bench)
    PACKAGES="$PACKAGES python3-reportlab" # bench/reportlab.sh only
    deps
    build_release
    bench/run.sh
    bench/reportlab.sh
    ;;
  fuzz|fuzz-merge)
    # libFuzzer on each target of tests/fuzz (FUZZ_TARGETS, default all),
    # FUZZ_SECONDS each (default 120). New inputs go to
    # build/fuzz/corpus_NAME, crashes to build/fuzz/NAME-crash-*; the kept
    # corpus tests/fuzz/corpus_NAME and the seeds are only read.
    # fuzz-merge adds what reached new code to tests/fuzz/corpus_NAME.
    deps
    command -v clang >/dev/null || { echo "build.sh fuzz: needs clang" >&2; exit 2; }
    targets=${FUZZ_TARGETS:-load expr series tmpl style report ttf png import}
    pkgs=$(make -s print-pkgs)
    src=$(ls generator/*/*.c)
    mkdir -p build/fuzz
    for t in $targets; do
      [ -f "tests/fuzz/fuzz_$t.c" ] || { echo "build.sh fuzz: no target $t" >&2; exit 2; }
      clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE \
        -DAUDITGEN_DATADIR="\"$PWD\"" $(pkg-config --cflags $pkgs) \
        "tests/fuzz/fuzz_$t.c" tests/fuzz/fuzzenv.c $src -o "build/fuzz/fuzz_$t" \
        $(pkg-config --libs $pkgs) -lhpdf -lunibreak -lm
    done
    for t in $targets; do
      seeds=""
      case $t in
        load|report) seeds="samples samples/training tests/bad" ;;
        series) seeds="tests/bad/series" ;;
      esac
      mkdir -p "build/fuzz/corpus_$t"
      if [ "$mode" = fuzz-merge ]; then
        "build/fuzz/fuzz_$t" -merge=1 "tests/fuzz/corpus_$t" "build/fuzz/corpus_$t"
        continue
      fi
      echo "== fuzz_$t for ${FUZZ_SECONDS:-120} s"
      "build/fuzz/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-120}" -timeout=15 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="build/fuzz/$t-" \
        -print_final_stats=1 "build/fuzz/corpus_$t" "tests/fuzz/corpus_$t" $seeds
    done
    ;;
  clean)
    rm -rf build
    ;;
  *)
    echo "usage: ./build.sh [run|test|asan|bench|fuzz|fuzz-merge|build|clean]" >&2
    exit 2
    ;;
esac
