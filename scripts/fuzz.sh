#!/usr/bin/env bash
# Fuzzing (issue 17: no request can crash the server).
#
#   scripts/fuzz.sh [--avoid-known-crashes] TARGET SECONDS [libFuzzer flags...]
#   scripts/fuzz.sh [--avoid-known-crashes] all SECONDS       every libFuzzer target, FUZZ_JOBS
#                                                            (default nproc) at a time
#   scripts/fuzz.sh [--avoid-known-crashes] protocol SECONDS [BINARY] [fuzzer flags...]
#   scripts/fuzz.sh build                                    only build the libFuzzer targets
#   scripts/fuzz.sh regressions       run tests/fuzz/regressions/TARGET-* through their targets
#
# TARGET is a libFuzzer target of tests/fuzz: fuzz_message, fuzz_tool_arguments,
# fuzz_question_parser, fuzz_snapshot_tsv, fuzz_stored_value. They are built in build-fuzz with clang-14
# (-DNBA_MCP_FUZZ=ON -DNBA_MCP_SANITIZE=ON: libFuzzer + ASan + UBSan, asserts on); clang-14
# and libFuzzer (libclang-rt-14-dev) are installed when missing. The seed corpus is written
# from golden/, schemas/ and the snapshot into build-fuzz/corpus/TARGET, which also keeps
# what the fuzzer finds, so later runs go on from there. A crash or a failed oracle stops
# the target; its input is saved as build-fuzz/crashes/TARGET/crash-<sha1> (path printed);
# reproduce with: build-fuzz/tests/fuzz/TARGET build-fuzz/crashes/TARGET/crash-<sha1>
#
# `protocol` runs the black-box protocol fuzzer (tests/fuzz/protocol) against BINARY
# (default build-check/tools/nba-mcp, the sanitizer build, else build/tools/nba-mcp);
# what it sent is kept in build-fuzz/protocol/session-*.jsonl.
#
# --avoid-known-crashes skips inputs that reach the crashes being fixed on main (JSON nested
# over 1000 deep, notifications/cancelled without requestId); CI uses it until they land.
#
# NBA_MCP_FUZZ_BUILD=DIR uses DIR, a build already configured with -DNBA_MCP_FUZZ=ON, instead
# of build-fuzz: CI fuzzes its check build (clang-14 -O0, ASan + UBSan), so one build serves
# the tests and the fuzzers. build-fuzz (-O1, no coverage counters) runs more inputs a
# second: use it for long runs.
#
# Exit status: 0 clean, 1 a crash or finding, 2 usage or build errors.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="${NBA_MCP_FUZZ_BUILD:-$repo/build-fuzz}"
build="$(mkdir -p "$build" && cd "$build" && pwd)"
targets=(fuzz_message fuzz_tool_arguments fuzz_question_parser fuzz_snapshot_tsv fuzz_stored_value)

usage() {
  sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

avoid=0
if [[ ${1:-} == --avoid-known-crashes ]]; then
  avoid=1
  shift
fi
if [[ ${1:-} == build || ${1:-} == regressions ]]; then
  set -- "$1" 0
fi
[[ $# -ge 2 ]] || usage
what=$1
seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage

# Installs clang-14 and libFuzzer when missing (Debian 12 packages).
install_clang() {
  if command -v clang++-14 >/dev/null &&
    compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
    return
  fi
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "fuzz: installing clang-14 libclang-rt-14-dev"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev
}

# Configures build-fuzz (or checks NBA_MCP_FUZZ_BUILD) and builds the fuzz targets and the
# seed writer (nothing else).
build_fuzz() {
  install_clang
  if [[ -z ${CMAKE_CXX_COMPILER_LAUNCHER:-} ]] && command -v ccache >/dev/null; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache
  fi
  if [[ -n ${NBA_MCP_FUZZ_BUILD:-} ]]; then
    if ! grep -q '^NBA_MCP_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
      echo "fuzz: $build is not a build configured with -DNBA_MCP_FUZZ=ON" >&2
      exit 2
    fi
  else
    # -O1 -g without -DNDEBUG: fast enough to fuzz, and assertions (nlohmann's among them) on.
    cmake -S "$repo" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DNBA_MCP_FUZZ=ON \
      -DNBA_MCP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
  fi
  mkdir -p "$build/logs"
  local log="$build/logs/build.log" started=$SECONDS
  if ! cmake --build "$build" --target fuzz -j"$(nproc)" >"$log" 2>&1; then
    tail -60 "$log"
    echo "fuzz: build failed (log: $log)" >&2
    exit 2
  fi
  echo "fuzz: built the fuzz targets in $((SECONDS - started)) s," \
    "$(grep -c 'warning:' "$log" || true) warnings (log: $log)"
}

max_len() {
  case $1 in
    fuzz_message) echo 16384 ;;
    fuzz_tool_arguments) echo 4096 ;;
    fuzz_question_parser) echo 512 ;;
    *) echo 16384 ;;
  esac
}

dict() {
  case $1 in
    fuzz_message | fuzz_tool_arguments) echo "$repo/tests/fuzz/dict/mcp.dict" ;;
    fuzz_question_parser) echo "$repo/tests/fuzz/dict/question.dict" ;;
    fuzz_stored_value) ;;  # binary: no words to suggest
    *) echo "$repo/tests/fuzz/dict/snapshot.dict" ;;
  esac
}

# Runs one libFuzzer target for $seconds; prints executions, coverage and findings.
declare -A summary
run_target() {
  local target=$1
  shift
  local bin="$build/tests/fuzz/$target" corpus="$build/corpus/$target"
  local crashes="$build/crashes/$target" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$build/logs"
  local dict_flag=() dict_file
  dict_file=$(dict "$target")
  if [[ -n $dict_file ]]; then
    dict_flag=("-dict=$dict_file")
  fi
  "$build/tests/fuzz/nba-fuzz-seeds" "$repo" "$corpus" "$target"
  local status=0
  local started=$SECONDS
  # Leak checks stay on; a sanitizer report ends the run and libFuzzer saves the input.
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    NBA_MCP_FUZZ_AVOID_KNOWN_CRASHES=$avoid \
    "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096 \
    -max_len="$(max_len "$target")" "${dict_flag[@]}" -artifact_prefix="$crashes/" \
    "$@" "$corpus" >"$log" 2>&1 || status=$?
  local execs cov corp crash
  # From libFuzzer's status lines and final stats (absent when it dies early).
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  cov=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  corp=$( (grep -o 'corp: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1 || true)
  local line="$target: ${execs:-?} executions in $((SECONDS - started)) s, cov ${cov:-?} edges, corpus ${corp:-?}"
  if [[ $status -ne 0 ]]; then
    echo
    # The report's first lines and its stack with repeated frames (deep recursion) folded.
    local pattern='^==[0-9]+==ERROR|fuzz oracle failed|runtime error|deadly signal|Assertion|^SUMMARY'
    if grep -q -E "$pattern" "$log"; then
      grep -E -A2 "$pattern" "$log" | cut -c1-300 | head -12 || true
      grep -E '^ +#[0-9]+ ' "$log" |
        awk '{ f = $0; sub(/^ +#[0-9]+ (0x[0-9a-f]+ in )?/, "", f);
               if (f != last) print; last = f }' | cut -c1-240 | head -25 || true
    else
      tail -40 "$log"
    fi
    line+=", FINDING (exit $status): ${crash:-see $log}"
    if [[ -n $crash ]]; then
      line+=" (reproduce: $bin $crash)"
    fi
  else
    line+=", no findings"
  fi
  echo "$line  [log: $log]"
  summary[$target]=$line
  return "$status"
}

run_protocol() {
  local bin=${1:-}
  [[ $# -gt 0 ]] && shift
  if [[ -z $bin ]]; then
    for candidate in "$repo/build-check/tools/nba-mcp" "$repo/build/tools/nba-mcp"; do
      if [[ -x $candidate ]]; then
        bin=$candidate
        break
      fi
    done
  fi
  if [[ -z $bin ]]; then
    scripts/build.sh "$repo/build" >/dev/null
    bin="$repo/build/tools/nba-mcp"
  fi
  # The fuzzer from the server's own build dir, built if missing or stale.
  local dir
  dir="$(cd "$(dirname "$bin")/.." && pwd)"
  cmake --build "$dir" --target nba-mcp-protocol-fuzzer -j"$(nproc)" >/dev/null
  mkdir -p "$build/protocol"
  ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    "$dir/tests/fuzz/nba-mcp-protocol-fuzzer" --server "$bin" --seconds "$seconds" \
    --transcripts "$build/protocol" $([[ $avoid -eq 1 ]] && echo --avoid-known-crashes) "$@"
}

case $what in
  build)
    build_fuzz
    ;;
  regressions)
    # Inputs that once failed, named TARGET-what-went-wrong; each must now pass.
    build_fuzz
    failed=0
    for file in "$repo"/tests/fuzz/regressions/*; do
      target=$(basename "$file")
      target=${target%%-*}
      if "$build/tests/fuzz/$target" "$file" >"$build/logs/regression.log" 2>&1; then
        echo "ok    $file"
      else
        echo "FAILS $file (reproduce: $build/tests/fuzz/$target $file)"
        failed=1
      fi
    done
    exit "$failed"
    ;;
  protocol)
    run_protocol "$@"
    ;;
  all)
    # FUZZ_JOBS targets at a time (default: one per core); each still gets SECONDS of its own.
    build_fuzz
    jobs=${FUZZ_JOBS:-$(nproc)}
    failed=0
    running=()
    for target in "${targets[@]}"; do
      run_target "$target" "$@" >"$build/logs/$target.out" 2>&1 &
      running+=($!)
      if [[ ${#running[@]} -ge $jobs ]]; then
        wait "${running[0]}" || failed=1
        running=("${running[@]:1}")
      fi
    done
    for pid in "${running[@]}"; do
      wait "$pid" || failed=1
    done
    for target in "${targets[@]}"; do
      cat "$build/logs/$target.out"
    done
    echo
    echo "=== fuzz summary (${seconds} s each, $jobs at a time)"
    for target in "${targets[@]}"; do
      echo "  $(tail -1 "$build/logs/$target.out")"
    done
    exit "$failed"
    ;;
  *)
    [[ " ${targets[*]} " == *" $what "* ]] || usage
    build_fuzz
    run_target "$what" "$@"
    ;;
esac
