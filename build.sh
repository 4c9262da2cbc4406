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
#   ./build.sh fuzz     libFuzzer on the loader, the rule expressions, interval
#                       data, fonts and PNGs
#                       (clang; FUZZ_SECONDS each, default 120)
#   ./build.sh build    build only
#   ./build.sh clean    remove build/
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES="gcc make pkg-config libyaml-dev libpcre2-dev libhpdf-dev zlib1g-dev check fonts-dejavu-core
libunibreak-dev fonts-wqy-microhei poppler-utils qpdf mupdf-tools"

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
    mkdir -p tests/golden/training
    for f in samples/*.yaml samples/training/*.yaml; do
      n=${f#samples/}
      n=${n%.yaml}
      build/release/auditgen calc "$f" --json > "tests/golden/$n.json"
    done
    AUDITGEN_GOLDEN_UPDATE=1 CK_RUN_SUITE=golden run_suite build/release
    AUDITGEN_GOLDEN_UPDATE=1 CK_RUN_SUITE=report CK_RUN_CASE=layout run_suite build/release
    echo "build.sh: golden files rewritten; review them with git diff" >&2
    ;;
  bench)
    deps
    build_release
    bench/run.sh
    ;;
  fuzz)
    deps
    command -v clang >/dev/null || { echo "build.sh fuzz: needs clang" >&2; exit 2; }
    mkdir -p build/fuzz/corpus_load build/fuzz/corpus_expr build/fuzz/corpus_series \
      build/fuzz/corpus_ttf build/fuzz/corpus_png
    src=$(ls generator/base/*.c generator/load/*.c generator/rules/*.c \
      generator/calc/*.c generator/out/*.c)
    for t in load expr series ttf png; do
      clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE \
        $(pkg-config --cflags yaml-0.1 libpcre2-8 zlib) "tests/fuzz/fuzz_$t.c" $src \
        -o "build/fuzz/fuzz_$t" $(pkg-config --libs yaml-0.1 libpcre2-8 zlib) -lm
    done
    cp samples/*.yaml tests/bad/*.yaml tests/fuzz/corpus/* build/fuzz/corpus_load/
    grep -ho 'when: .*' rules/checks/*.yaml | sed 's/^when: //' \
      | awk '{ print > ("build/fuzz/corpus_expr/seed" NR) }'
    AUDITGEN_DATA="$PWD" build/fuzz/fuzz_load -max_total_time="${FUZZ_SECONDS:-120}" \
      -max_len=20000 -timeout=10 build/fuzz/corpus_load
    build/fuzz/fuzz_expr -max_total_time="${FUZZ_SECONDS:-120}" -max_len=300 \
      build/fuzz/corpus_expr
    cp tests/bad/series/*.csv tests/fuzz/corpus_series/* build/fuzz/corpus_series/
    build/fuzz/fuzz_series -max_total_time="${FUZZ_SECONDS:-120}" -max_len=4000 \
      build/fuzz/corpus_series
    cp tests/fuzz/corpus_ttf/* build/fuzz/corpus_ttf/
    build/fuzz/fuzz_ttf -max_total_time="${FUZZ_SECONDS:-120}" -max_len=4096 \
      build/fuzz/corpus_ttf
    cp templates/logo.png tests/bad-styles/files/*.png build/fuzz/corpus_png/
    build/fuzz/fuzz_png -max_total_time="${FUZZ_SECONDS:-120}" -max_len=4096 \
      build/fuzz/corpus_png
    ;;
  clean)
    rm -rf build
    ;;
  *)
    echo "usage: ./build.sh [run|test|asan|bench|fuzz|build|clean]" >&2
    exit 2
    ;;
esac
