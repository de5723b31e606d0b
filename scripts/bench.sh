#!/usr/bin/env bash
# Builds Release in build-bench and runs the benchmarks: nba-mcp-bench-server first (with any
# arguments given here), then every other tools/bench_*/ program that needs no arguments.
#
#   scripts/bench.sh [nba-mcp-bench-server options...]   e.g. --iterations 5000
#
# Environment: BUILD_DIR (default <repo>/build-bench), JOBS (default 2).
# Exits non-zero when the build or any benchmark fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$repo/build-bench}"
jobs="${JOBS:-2}"

# Executable targets declared by a tools/bench_*/CMakeLists.txt.
bench_targets() {
  sed -n 's/^[[:space:]]*add_executable([[:space:]]*\([^[:space:])]*\).*/\1/p' "$1/CMakeLists.txt"
}

# CLI11 marks required options and positionals with REQUIRED in --help.
needs_arguments() {
  local help
  help="$("$1" --help 2>&1 || true)"
  grep -q 'REQUIRED' <<<"$help"
}

cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
targets=(nba-mcp)
programs=()
for dir in "$repo"/tools/bench_*/; do
  [[ -f "$dir/CMakeLists.txt" ]] || continue
  for target in $(bench_targets "$dir"); do
    targets+=("$target")
    programs+=("$build/tools/$(basename "$dir")/$target")
  done
done
cmake --build "$build" -j"$jobs" --target "${targets[@]}"

status=0
for program in "${programs[@]}"; do
  name="$(basename "$program")"
  echo
  echo "=== $name"
  if [[ "$name" == nba-mcp-bench-server ]]; then
    "$program" "$@" || status=1
  elif needs_arguments "$program"; then
    echo "skipped: $name has required arguments"
  else
    "$program" || status=1
  fi
done
exit "$status"
