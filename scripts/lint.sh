#!/usr/bin/env bash
# clang-tidy over src/ with the checks in .clang-tidy, using BUILD_DIR's
# compile_commands.json. Any finding fails the run.
#
#   scripts/lint.sh [BUILD_DIR]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
cd "$repo"
[[ -f $build/compile_commands.json ]] || { echo "lint: configure $build first" >&2; exit 2; }
mapfile -t files < <(git ls-files -- 'src/*.cpp')
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
echo "lint: clang-tidy clean on ${#files[@]} files"
