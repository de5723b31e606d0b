#!/usr/bin/env bash
# End-to-end tests of the nba-mcp binary through the official MCP TypeScript SDK clients
# (tests/e2e: @modelcontextprotocol/sdk v1 and @modelcontextprotocol/client v2).
#
#   scripts/e2e.sh BINARY [extra node --test args...]
#   (ctest -R e2e_sdk runs it with the freshly built binary)
#
# Idempotent: runs `npm ci` in tests/e2e only when node_modules is missing or was installed from a
# different package.json/package-lock.json (tracked by a hash stamp). Concurrent runs (several
# build dirs running ctest at once) share one node_modules: installs take an exclusive lock, test
# runs a shared one (flock), so nobody reinstalls under a running suite.
#
# Environment: NBA_MCP_BIN is set to BINARY for the tests; any other NBA_MCP_* variable is passed
# through to the spawned server (e.g. NBA_MCP_LOG_LEVEL=debug). E2E_TEST_TIMEOUT_MS caps each test
# (default 120000: node applies it to each test file too, and a loaded 2-core machine running
# the sanitizer build needs more than 30 s for the v2 file).
set -euo pipefail

die() {
  echo "e2e.sh: $*" >&2
  exit 2
}

[[ $# -ge 1 ]] || die "usage: $0 BINARY [node --test args...]"
bin=$1
shift
[[ -f $bin && -x $bin ]] || die "server binary '$bin' does not exist or is not executable (build the nba-mcp target first)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
e2e=$repo/tests/e2e
[[ -f $e2e/package-lock.json ]] || die "$e2e/package-lock.json is missing"

command -v node >/dev/null 2>&1 || die "node is not installed (Node.js >= 20 is required for the e2e tests)"
command -v npm >/dev/null 2>&1 || die "npm is not installed (it comes with Node.js >= 20)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || die "Node.js >= 20 is required, found $(node --version)"

hash_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    cat "$@" | sha256sum | cut -d' ' -f1
  else
    node -e 'const h=require("crypto").createHash("sha256");for(const f of process.argv.slice(1))h.update(require("fs").readFileSync(f));console.log(h.digest("hex"))' "$@"
  fi
}
want=$(hash_of "$e2e/package.json" "$e2e/package-lock.json")
stamp=$e2e/node_modules/.e2e-lock-hash

# One lock per checkout, outside the source tree: shared while checking and running, exclusive
# only while (re)installing, so concurrent runs proceed in parallel unless one must install.
lock=${TMPDIR:-/tmp}/nba-mcp-e2e-$(printf '%s' "$e2e" | hash_of /dev/stdin | cut -c1-16).lock
take_lock() { :; }
if command -v flock >/dev/null 2>&1; then
  exec 9>"$lock"
  take_lock() { flock "$1" 9; }
fi

installed_ok() { [[ -f $stamp && $(cat "$stamp") == "$want" ]]; }

take_lock -s
if ! installed_ok; then
  take_lock -x
  if ! installed_ok; then # another run may have installed while we waited
    echo "e2e.sh: installing tests/e2e dependencies (npm ci)" >&2
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error) ||
      die "npm ci failed in $e2e (it needs the npm registry unless node_modules is already up to date)"
    echo "$want" >"$stamp"
  fi
  take_lock -s
fi

export NBA_MCP_BIN=$bin
cd "$repo"
status=0
node --test --test-reporter=spec --test-timeout="${E2E_TEST_TIMEOUT_MS:-120000}" "$@" tests/e2e/ || status=$?
exit "$status"
