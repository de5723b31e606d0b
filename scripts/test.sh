#!/usr/bin/env bash
# Installs what is needed, builds, and runs every check once. .ci/run calls exactly this.
#
#   scripts/test.sh
#
# Two builds, each doing only what adds value on it (2 cores: CI must stay short):
#   build/        RelWithDebInfo, -Werror: the server as shipped. Warnings that only show at
#                 -O2, clang-tidy (its compile_commands.json), and the golden check of the
#                 optimised binary. The test binary is not built here.
#   build-check/  Debug, ASan + UBSan, coverage, -Werror: everything is built, and every tier
#                 runs once — unit (doctest), golden (questions + transcripts + their facts),
#                 e2e (official SDK clients) — then the coverage report from that same run.
#   build-fuzz/   clang 14, libFuzzer + ASan + UBSan: only the fuzz targets, each run 20 s,
#                 then the protocol fuzzer 30 s over pipes against build-check's binary.
# Each step prints its duration; a summary closes the run.
# Environment: LINT_SCOPE (all | changed | auto, see scripts/lint.sh).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}
started=$SECONDS
summary=()

# step NAME COMMAND...: runs one step, printing its start and duration.
step() {
  local name=$1
  shift
  local begun=$SECONDS
  echo
  echo "=== [$((begun - started)) s] $name"
  "$@"
  local took=$((SECONDS - begun))
  echo "--- $name: ${took} s"
  summary+=("$(printf '%5d s  %s' "$took" "$name")")
}

sanitized_tests() {
  find build-check -name '*.gcda' -delete
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-check --output-on-failure -j1
}

coverage_report() {
  # Single-threaded and time-boxed: a gcov parse error in a gcovr worker thread can hang it.
  timeout 600 gcovr --root "$repo" --filter "$repo/src/" --object-directory build-check \
    --print-summary --txt build-check/coverage.txt | tail -3
}

step "dependencies" scripts/setup.sh --for-tests
step "format" scripts/format.sh --check
step "layering (includes against STYLE.md's graph)" scripts/check_layering.sh
step "build (RelWithDebInfo, -Werror; the server only)" \
  env BUILD_TARGETS=nba-mcp scripts/build.sh build
step "clang-tidy" scripts/lint.sh build
step "golden (RelWithDebInfo binary)" ctest --test-dir build --output-on-failure -R '^golden$'
step "build (Debug, ASan + UBSan, coverage, -Werror; everything)" \
  scripts/build.sh build-check -DCMAKE_BUILD_TYPE=Debug -DNBA_MCP_SANITIZE=ON -DNBA_MCP_COVERAGE=ON
step "unit + golden + e2e (ASan + UBSan)" sanitized_tests
step "coverage report" coverage_report
# Issue 17. After the coverage report, so the fuzzers' runs do not count as test coverage.
step "fuzz: build the libFuzzer targets (clang-14, ASan + UBSan, build-fuzz)" scripts/fuzz.sh build
step "fuzz: libFuzzer targets, 20 s each" scripts/fuzz.sh all 20
step "fuzz: protocol fuzzer, 30 s against the sanitizer build's nba-mcp" \
  scripts/fuzz.sh protocol 30 build-check/tools/nba-mcp

echo
echo "=== done in $((SECONDS - started)) s"
printf '%s\n' "${summary[@]}"
