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
