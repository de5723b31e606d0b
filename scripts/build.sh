#!/usr/bin/env bash
# Configures and builds nba-mcp into a build directory.
#
#   scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
#
# Default BUILD_DIR is build/ (RelWithDebInfo, warnings as errors). Environment:
# BUILD_TARGETS (default: all) — space-separated targets to build, e.g. "nba-mcp" for the
# server alone; JOBS (default: nproc).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
shift || true
cmake -S "$repo" -B "$build" -DNBA_MCP_WERROR=ON "$@" >/dev/null
targets=()
for target in ${BUILD_TARGETS:-}; do
  targets+=(--target "$target")
done
cmake --build "$build" -j"${JOBS:-$(nproc)}" "${targets[@]}"
