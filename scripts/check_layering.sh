#!/usr/bin/env bash
# Checks every #include in src/ and tools/ against the allowed graph in scripts/layering.txt
# (STYLE.md §Layout). Prints one line per forbidden include and exits 1 if there is any;
# exits 0 with a one-line summary otherwise. bash, grep and awk only (CI may lack python3).
#
#   scripts/check_layering.sh [ROOT [RULES]]
#
# ROOT is the tree to check (default: this repository); RULES defaults to the layering.txt
# next to this script. ctest runs it as `layering`, and `layering_fails_on_planted_include`
# runs it on a copy of src/ with forbidden includes planted, expecting it to fail.
#
# An include "a/b.h" (or <a/b.h>) resolves to src/a/b.h, else tools/a/b.h, else to a file
# next to the including one (local to its folder, always allowed). A quoted include that
# resolves nowhere is an error (e.g. a tools/ file reaching into tests/); an angle include that
# resolves nowhere is a system or third-party header and is not checked.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:-$(cd "$here/.." && pwd)}"
rules="${2:-$here/layering.txt}"
[[ -d $root/src ]] || { echo "check_layering: no src/ under $root" >&2; exit 2; }
[[ -f $rules ]] || { echo "check_layering: no rules file $rules" >&2; exit 2; }
cd "$root"

files="$(mktemp)"
includes="$(mktemp)"
trap 'rm -f "$files" "$includes"' EXIT
find src tools -type f \( -name '*.h' -o -name '*.cpp' \) -not -path '*/node_modules/*' |
  LC_ALL=C sort >"$files"
# path:line:text of every #include line.
xargs -d '\n' grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' <"$files" \
  >"$includes" || true

awk -v rules_file="$rules" -v files_file="$files" '
function strip_ext(path) { sub(/\.[A-Za-z]+$/, "", path); return path }
function dir_of(path) { if (path !~ /\//) return ""; sub(/\/[^\/]*$/, "", path); return path }
# The longest listed module containing `path` (a path without src/), or "" if none.
function module_of(path,    stem, m, best) {
  stem = strip_ext(path)
  best = ""
  for (m in allow) {
    if ((stem == m || index(stem, m "/") == 1) && length(m) > length(best)) best = m
  }
  return best
}
function top_of(path) { sub(/\/.*/, "", path); return path }
BEGIN {
  # Rules: "module: deps..." with indented continuation lines; # starts a comment.
  current = ""
  while ((getline line < rules_file) > 0) {
    sub(/#.*/, "", line)
    if (line ~ /^[[:space:]]*$/) continue
    if (line ~ /^[^[:space:]]/) {
      split(line, parts, ":")
      current = parts[1]
      allow[current] = " "
      line = substr(line, length(parts[1]) + 2)
    }
    n = split(line, deps, /[[:space:]]+/)
    for (i = 1; i <= n; ++i) if (deps[i] != "") allow[current] = allow[current] deps[i] " "
  }
  while ((getline line < files_file) > 0) exists[line] = 1
  bad = 0
  checked = 0
}
{
  # $0 is "path:line:#include ..."; the text may itself hold colons.
  first = index($0, ":")
  file = substr($0, 1, first - 1)
  rest = substr($0, first + 1)
  second = index(rest, ":")
  lineno = substr(rest, 1, second - 1)
  text = substr(rest, second + 1)
  if (!match(text, /[<"][^>"]+[>"]/)) next
  spec = substr(text, RSTART + 1, RLENGTH - 2)
  quoted = substr(text, RSTART, 1) == "\""

  if (index(file, "src/") == 1) {
    from = module_of(substr(file, 5))
    if (from == "") from = top_of(substr(file, 5))
  } else {
    from = module_of(file)
  }
  if (!(from in allow)) {
    printf "%s:%s: no rule for module \"%s\" in %s\n", file, lineno, from, rules_file
    ++bad
    next
  }

  local = dir_of(file)
  if (("src/" spec) in exists) {
    to = module_of(spec)
    if (to == "") to = top_of(spec)
    shown = "src/" spec
  } else if (("tools/" spec) in exists) {
    to = module_of("tools/" spec)
    shown = "tools/" spec
  } else if ((local "/" spec) in exists) {
    ++checked
    next  # a header next to the file: its own folder
  } else if (quoted) {
    printf "%s:%s: \"%s\" is not a header under src/ or tools/ (%s may not include tests/ or other trees)\n", file, lineno, spec, from
    ++bad
    next
  } else {
    next  # system or third-party header
  }
  ++checked
  if (to == from || index(allow[from], " " to " ") > 0) next
  printf "%s:%s: %s may not include %s (%s); allowed:%s\n", file, lineno, from, shown, to, substr(allow[from], 1, length(allow[from]) - 1)
  ++bad
}
END {
  if (bad > 0) {
    printf "check_layering: %d forbidden include(s); the graph is in %s (STYLE.md §Layout)\n", bad, rules_file
    exit 1
  }
  printf "check_layering: %d includes in src/ and tools/ follow %s\n", checked, rules_file
}
' "$includes"
