#!/usr/bin/env bash
# Quick start: installs what is needed, builds the server (only the server: not the tests,
# benchmarks or snapshot builder), and runs nba-mcp with the given arguments (none: the MCP
# server on stdio).
#
#   scripts/run.sh                         # serve MCP on stdin/stdout
#   scripts/run.sh call get_server_stats   # one tool call, answer printed
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh" >&2
BUILD_TARGETS=nba-mcp "$repo/scripts/build.sh" "$repo/build" >&2
exec "$repo/build/tools/nba-mcp" "$@"
