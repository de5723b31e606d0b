#!/usr/bin/env bash
# Proves scripts/check_layering.sh can fail: copies src/ and tools/ to a temporary tree,
# checks that the copy passes, then plants one forbidden include at a time and requires the
# checker to exit 1 naming it. Each case is a rule of STYLE.md §Layout or of issue 9.
#
#   tests/layering/planted_include_test.sh CHECKER REPO
set -euo pipefail
checker="$1"
repo="$2"
rules="$(dirname "$checker")/layering.txt"
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
cp -r "$repo/src" "$repo/tools" "$tree/"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! out="$(bash "$checker" "$tree" "$rules" 2>&1)"; then
  fail "the unplanted copy should pass:"$'\n'"$out"
fi

# plant FILE INCLUDE_LINE EXPECTED_MESSAGE: FILE (under the tree) gets the include line
# appended (created if new); the checker must fail and print the expected message.
plant() {
  local file="$1" line="$2" expected="$3" backup=""
  if [[ -f $tree/$file ]]; then
    backup="$(mktemp)"
    cp "$tree/$file" "$backup"
  fi
  mkdir -p "$(dirname "$tree/$file")"
  printf '%s\n' "$line" >>"$tree/$file"
  local status=0
  out="$(bash "$checker" "$tree" "$rules" 2>&1)" || status=$?
  if [[ $status -ne 1 ]]; then
    fail "$file: '$line' should fail the check (exit 1), got exit $status:"$'\n'"$out"
  elif ! grep -qF -- "$expected" <<<"$out"; then
    fail "$file: '$line': expected '$expected' in:"$'\n'"$out"
  else
    echo "ok: $file: '$line' -> $(grep -F -- "$expected" <<<"$out")"
  fi
  if [[ -n $backup ]]; then
    mv "$backup" "$tree/$file"
  else
    rm -f "$tree/$file"
  fi
}

# The protocol never sees the domain, nor the domain the protocol.
plant src/nba/tools/planted.cpp '#include "mcp/tool.h"' \
  'src/nba/tools/planted.cpp:1: nba may not include src/mcp/tool.h (mcp)'
plant src/mcp/planted.h '#include <nba/tools/markdown.h>' \
  'src/mcp/planted.h:1: mcp may not include src/nba/tools/markdown.h (nba)'
# nlq reaches data through nba and domain, never the DataSource interface.
plant src/nlq/question_pipeline.h '#include "origin/data_source.h"' \
  'nlq may not include src/origin/data_source.h (origin)'
# Pipeline stages: the parser never includes the planner.
plant src/nlq/parser/parsed_query_json.h '#include "nlq/planner/plan.h"' \
  'nlq/parser may not include src/nlq/planner/plan.h (nlq/planner)'
# The wire format never includes the server (the cycle of issue 9).
plant src/mcp/wire_format.h '#include "mcp/server.h"' \
  'mcp/wire_format may not include src/mcp/server.h (mcp/server)'
# Only app and tools link sources; the interface never includes its implementations.
plant src/origin/data_source.h '#include "origin/snapshot/snapshot_source.h"' \
  'origin may not include src/origin/snapshot/snapshot_source.h (origin/snapshot)'
plant src/nba/tools/planted.cpp '#include "origin/snapshot/snapshot_source.h"' \
  'nba may not include src/origin/snapshot/snapshot_source.h (origin/snapshot)'
# The domain links core only.
plant src/domain/season.h '#include "nba/stats/stat_catalog.h"' \
  'domain may not include src/nba/stats/stat_catalog.h (nba)'
# tools/ never compiles files from tests/.
plant tools/bench_nlq/bench_nlq_main.cpp '#include "support/server_harness.h"' \
  '"support/server_harness.h" is not a header under src/ or tools/'
# A new src/ folder needs a rule before it can include anything.
plant src/newlib/thing.h '#include "core/status.h"' 'no rule for module "newlib"'

if [[ $failures -gt 0 ]]; then
  echo "$failures planted include(s) not caught"
  exit 1
fi
echo "layering check fails on every planted include"
