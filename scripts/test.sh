#!/usr/bin/env bash
# Installs what is needed, builds, and runs every check: formatting, clang-tidy, the
# unit and end-to-end tests under AddressSanitizer + UndefinedBehaviorSanitizer, a
# coverage report, and finally the whole suite on the normal -Werror build.
# .ci/run calls exactly this.
#
#   scripts/test.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
jobs="$(nproc)"
step() { echo; echo "=== $*"; }

step "dependencies"
scripts/setup.sh

step "format"
scripts/format.sh --check

step "build (RelWithDebInfo, -Werror)"
scripts/build.sh build

step "clang-tidy"
scripts/lint.sh build

step "sanitizers (ASan + UBSan)"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DNBA_MCP_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j1

step "coverage"
scripts/build.sh build-cov -DCMAKE_BUILD_TYPE=Debug -DNBA_MCP_COVERAGE=ON
find build-cov -name '*.gcda' -delete
ctest --test-dir build-cov --output-on-failure -j1 -R unit >/dev/null
gcovr --root "$repo" --filter "$repo/src/" --object-directory build-cov --print-summary \
  --txt build-cov/coverage.txt -j "$jobs" | tail -3

step "tests"
ctest --test-dir build --output-on-failure -j1
