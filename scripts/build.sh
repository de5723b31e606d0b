#!/usr/bin/env bash
# Configures and builds nba-mcp into a build directory.
#
#   scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
#
# Default BUILD_DIR is build/ (RelWithDebInfo, warnings as errors).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
shift || true
cmake -S "$repo" -B "$build" -DNBA_MCP_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
