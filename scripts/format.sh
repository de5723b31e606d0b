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
  bad=()
  for file in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
      bad+=("$file")
    fi
  done
  if [[ ${#bad[@]} -gt 0 ]]; then
    echo "format: not clang-formatted (run scripts/format.sh):"
    printf '  %s\n' "${bad[@]}"
    exit 1
  fi
  echo "format: ${#files[@]} files clean"
else
  clang-format -i "${files[@]}"
fi
