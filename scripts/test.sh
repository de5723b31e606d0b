#!/usr/bin/env bash
# Installs what is needed, builds, and runs every check: formatting, clang-tidy, the
# unit and end-to-end tests under AddressSanitizer + UndefinedBehaviorSanitizer with a
# coverage report from the same run, the fuzzers (scripts/fuzz.sh: a clang build of only the
# fuzz targets, then a short run of each), and finally the whole suite on the normal -Werror
# build. .ci/run calls exactly this.
#
#   scripts/test.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
started=$SECONDS
step() { echo; echo "=== [$((SECONDS - started)) s] $*"; }

step "dependencies"
scripts/setup.sh

step "format"
scripts/format.sh --check

step "build (RelWithDebInfo, -Werror)"
scripts/build.sh build

step "clang-tidy"
scripts/lint.sh build

step "sanitizers (ASan + UBSan) with coverage"
scripts/build.sh build-check -DCMAKE_BUILD_TYPE=Debug -DNBA_MCP_SANITIZE=ON -DNBA_MCP_COVERAGE=ON
find build-check -name '*.gcda' -delete
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-check --output-on-failure -j1

step "coverage report"
# Single-threaded and time-boxed: a gcov parse error in a gcovr worker thread can hang it.
timeout 600 gcovr --root "$repo" --filter "$repo/src/" --object-directory build-check \
  --print-summary --txt build-check/coverage.txt | tail -3

step "fuzz: build the libFuzzer targets (clang-14, ASan + UBSan, build-fuzz)"
# Issue 17. After the coverage report, so the fuzzers' runs do not count as test coverage.
scripts/fuzz.sh build

step "fuzz: libFuzzer targets, 20 s each"
# --avoid-known-crashes: skip JSON nested over 1000 deep and notifications/cancelled without
# requestId until their fixes are on main; then drop it here and below.
scripts/fuzz.sh --avoid-known-crashes all 20

step "fuzz: protocol fuzzer, 30 s against the sanitizer build's nba-mcp"
scripts/fuzz.sh --avoid-known-crashes protocol 30 build-check/tools/nba-mcp

step "tests (-Werror build)"
ctest --test-dir build --output-on-failure -j1

step "done"
