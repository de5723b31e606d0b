#!/usr/bin/env bash
# Configures and builds nba-mcp into a build directory.
#
#   scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
#
# Default BUILD_DIR is build/ (RelWithDebInfo). The compiler is $CXX, else clang++-14 when
# installed (the compiler CI checks, scripts/test.sh), else the system's c++ (g++ 12 builds
# it too, unchecked by CI). A build dir configured with another compiler is configured
# afresh. Warnings are errors only with -DNBA_MCP_WERROR=ON (CI passes it): a newer
# compiler's new warning must not stop a user's build. Environment: BUILD_TARGETS (default:
# all) — space-separated targets to build, e.g. "nba-mcp" for the server alone; JOBS
# (default: nproc).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
shift || true
compiler=${CXX:-}
if [[ -z $compiler ]] && command -v clang++-14 >/dev/null; then
  compiler=clang++-14
fi
configure=(-S "$repo" -B "$build")
if [[ -n $compiler ]]; then
  compiler_path=$(command -v "$compiler")
  configure+=(-DCMAKE_CXX_COMPILER="$compiler_path")
  cached=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
  if [[ -n $cached && $cached != "$compiler_path" ]]; then
    echo "build: $build was configured with $cached; configuring it afresh for $compiler_path" >&2
    configure+=(--fresh)
  fi
fi
cmake "${configure[@]}" "$@" >/dev/null
targets=()
for target in ${BUILD_TARGETS:-}; do
  targets+=(--target "$target")
done
cmake --build "$build" -j"${JOBS:-$(nproc)}" "${targets[@]}"
