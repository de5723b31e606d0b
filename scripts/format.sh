#!/usr/bin/env bash
# clang-format over every C++ file the project owns.
#
#   scripts/format.sh          rewrite files in place
#   scripts/format.sh --check  fail (listing the files) if any file is not formatted
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
mapfile -t files < <(git ls-files -- 'src/*.h' 'src/*.cpp' 'tools/*.h' 'tools/*.cpp' \
  'tests/*.h' 'tests/*.cpp')
if [[ ${1:-} == --check ]]; then
  # Batches of files on every core; a file is bad when clang-format reports it.
  mapfile -t bad < <(printf '%s\0' "${files[@]}" |
    xargs -0 -P "$(nproc)" -n 40 clang-format --dry-run --Werror 2>&1 |
    sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: .*clang-format-violations.*/\1/p' | sort -u)
  if [[ ${#bad[@]} -gt 0 ]]; then
    echo "format: not clang-formatted (run scripts/format.sh):"
    printf '  %s\n' "${bad[@]}"
    exit 1
  fi
  echo "format: ${#files[@]} files clean"
else
  clang-format -i "${files[@]}"
fi
