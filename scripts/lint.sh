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

# STYLE rule 8: JSON is read with checked access (find, contains, at). A const
# operator[] on a missing key is undefined behaviour in release and an assertion abort
# in Debug, and one on the client's JSON let a single line kill the server. No src/
# file may call it; clang-query finds every call on nlohmann::basic_json, whatever the
# variable is named. Only files that mention json are parsed (the others cannot call it).
json_index_query='match cxxOperatorCallExpr(isExpansionInMainFile(), hasOverloadedOperatorName("[]"),
  callee(cxxMethodDecl(isConst(), ofClass(hasName("::nlohmann::basic_json")))))'
mapfile -t json_files < <(grep -l 'json' "${files[@]}")
findings=$(printf '%s\n' "${json_files[@]}" |
  xargs -P "$(nproc)" -n 6 clang-query -p "$build" -c "set output diag" -c "$json_index_query" \
    2>/dev/null | grep -E ': note: "root" binds here' | sed 's/: note: "root" binds here//' |
  sort -u || true)
if [[ -n $findings ]]; then
  echo "lint: const operator[] on JSON (use find/contains/at; STYLE rule 8):" >&2
  echo "$findings" >&2
  exit 1
fi
echo "lint: no const operator[] on JSON in ${#json_files[@]} files"
