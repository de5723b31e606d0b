#!/usr/bin/env bash
# Installs what is needed, builds, and runs every check once. .ci/run calls exactly this.
#
#   scripts/test.sh
#
# One build, clang-14, every step on it (2 cores: CI must stay under 25 minutes):
#   build-check/  Debug, ASan + UBSan, gcov coverage, libFuzzer edge instrumentation,
#                 -Werror: everything — server, tests, tools, fuzz targets. clang's warnings
#                 do not depend on the optimisation level, so this one -O0 build checks the
#                 warnings of the -O2 build scripts/build.sh makes with the same compiler.
#                 The benchmark programs are left out (NBA_MCP_BENCHMARKS=OFF): scripts/build.sh
#                 and scripts/bench.sh build them. Debug information is line tables only: all
#                 a sanitizer's or libFuzzer's stack trace reads, and cheaper to emit and link
#                 (the test binary is over 500 MB with full -g).
#                 Then clang-tidy (its compile_commands.json); every test tier once — unit
#                 (doctest, in three parts), golden (questions + transcripts + their facts),
#                 e2e (official SDK clients), one per core — and the coverage report from that
#                 same run; then the fuzz regressions, the libFuzzer targets 15 s each (one per
#                 core) and the protocol fuzzer 25 s.
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

export NBA_MCP_FUZZ_BUILD=build-check  # scripts/fuzz.sh fuzzes this build

sanitized_tests() {
  find build-check -name '*.gcda' -delete
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-check --output-on-failure -j"$(nproc)"
}

coverage_report() {
  # clang writes gcov's format; llvm-cov reads it. Single-threaded and time-boxed: a gcov
  # parse error in a gcovr worker thread can hang it.
  # The embedded files' generated index is not ours to cover (and gcov cannot find it).
  timeout 600 gcovr --gcov-executable "llvm-cov-14 gcov" --root "$repo" \
    --filter "$repo/src/" --object-directory build-check \
    --exclude-directories '.*nba_embedded_[a-z]+\.dir' \
    --print-summary --txt build-check/coverage.txt | tail -3
}

step "dependencies" scripts/setup.sh --for-tests
step "format" scripts/format.sh --check
step "layering (includes against STYLE.md's graph)" scripts/check_layering.sh
step "build (clang-14, Debug, ASan + UBSan, coverage, libFuzzer, -Werror; all but the benchmarks)" \
  env CXX=clang++-14 scripts/build.sh build-check -DCMAKE_BUILD_TYPE=Debug \
  -DNBA_MCP_WERROR=ON -DNBA_MCP_SANITIZE=ON -DNBA_MCP_COVERAGE=ON -DNBA_MCP_FUZZ=ON \
  -DNBA_MCP_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only
step "clang-tidy and the JSON-index query" scripts/lint.sh build-check
step "unit + golden + e2e (ASan + UBSan)" sanitized_tests
step "coverage report" coverage_report
# Issue 17. After the coverage report, so the fuzzers' runs do not count as test coverage.
step "fuzz: regression inputs" scripts/fuzz.sh regressions
step "fuzz: libFuzzer targets, 15 s each" scripts/fuzz.sh all 15
step "fuzz: protocol fuzzer, 25 s against the sanitizer build's nba-mcp" \
  scripts/fuzz.sh protocol 25 build-check/tools/nba-mcp

echo
echo "=== done in $((SECONDS - started)) s"
printf '%s\n' "${summary[@]}"
