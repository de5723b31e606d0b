#!/usr/bin/env bash
# clang-tidy over src/ with the checks in .clang-tidy, using BUILD_DIR's
# compile_commands.json. Any finding fails the run.
#
#   scripts/lint.sh [BUILD_DIR]
#
# LINT_SCOPE=all      every src/*.cpp
# LINT_SCOPE=changed  only the src/*.cpp files changed since the merge base with LINT_BASE
#                     (default: main), plus uncommitted ones
# LINT_SCOPE=auto     (default) `changed` when the merge base exists, differs from HEAD and no
#                     header, .clang-tidy or CMake file changed (those affect other files'
#                     findings); otherwise `all`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
cd "$repo"
[[ -f $build/compile_commands.json ]] || { echo "lint: configure $build first" >&2; exit 2; }
mapfile -t all_files < <(git ls-files -- 'src/*.cpp')

scope=${LINT_SCOPE:-auto}
changed=()
if [[ $scope != all ]]; then
  base=$(git merge-base HEAD "${LINT_BASE:-main}" 2>/dev/null || true)
  if [[ -z $base || $base == "$(git rev-parse HEAD)" ]]; then
    [[ $scope == changed && -n $base ]] || scope=all
  fi
  if [[ $scope != all ]]; then
    mapfile -t touched < <({ git diff --name-only "$base" --; git ls-files --others --exclude-standard; } | sort -u)
    for file in "${touched[@]}"; do
      case $file in
        .clang-tidy | CMakeLists.txt | */CMakeLists.txt | cmake/* | src/*.h)
          [[ $scope == auto ]] && scope=all ;;
        src/*.cpp) [[ -f $file ]] && changed+=("$file") ;;
      esac
    done
  fi
fi
if [[ $scope == all ]]; then
  files=("${all_files[@]}")
else
  files=("${changed[@]}")
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint: no src/*.cpp changed since $(git rev-parse --short "$base"); nothing to check"
  exit 0
fi
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
echo "lint: clang-tidy clean on ${#files[@]} of ${#all_files[@]} files (scope: ${scope/auto/changed})"
