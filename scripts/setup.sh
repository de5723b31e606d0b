#!/usr/bin/env bash
# Installs the Debian 12 packages nba-mcp needs to build and test. Idempotent: installs
# only what is missing; uses sudo only when not root.
#
#   scripts/setup.sh              build + test dependencies; warns when Node.js is too old
#   scripts/setup.sh --for-tests  the same, but a Node.js older than 20 is an error
#
# The end-to-end tests use the MCP TypeScript SDK v2 client, which needs Node.js >= 20;
# Debian 12's own nodejs is 18. The server builds and runs without Node.js at all.
set -euo pipefail

for_tests=false
[[ ${1:-} == --for-tests ]] && for_tests=true

# One clear line, before anything is built, when Node.js cannot run the e2e tests.
check_node() {
  local major=0
  if command -v node >/dev/null; then
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  fi
  ((major >= 20)) && return 0
  local found="no Node.js"
  command -v node >/dev/null && found="Node.js $(node --version)"
  echo "setup: $found, but the e2e tests need Node.js >= 20 (SDK v2): install Node 20+" \
    "(e.g. 'nvm install 20' or the NodeSource nodejs 20 package), then rerun;" \
    "the server itself builds and runs without it" >&2
  $for_tests && exit 1
  return 0
}

packages=(
  build-essential cmake pkg-config git
  nlohmann-json3-dev libspdlog-dev libcli11-dev doctest-dev
  libcurl4-openssl-dev  # the live NBA.com origin
  libsqlite3-dev        # the cache's L2
  libdeflate-dev        # compressing its values (zlib format, inflated 3x faster than zlib)
  libhiredis-dev        # --redis, the shared tier (issue 16)
  redis-server          # the Redis the shared tier's tests start on a loopback port (tests)
  libcpp-httplib-dev    # --metrics-listen, and the tests' fake NBA.com
  prometheus            # promtool, and the Prometheus server the scrape test starts (tests)
  prometheus-alertmanager  # amtool, which checks the Alertmanager config (tests)
  clang-format clang-tidy clang-tools gcovr
  clang-14 libclang-rt-14-dev llvm-14  # the compiler, libFuzzer, llvm-cov-14 for coverage
  nodejs npm
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# A machine may already have a newer Node.js than Debian's (the SDK v2 client needs
# Node >= 20); do not replace it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ $package == nodejs || $package == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all packages present"
  check_node
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Debian's prometheus and redis-server packages would start servers as system services; the
# tests start their own on 127.0.0.1 and stop them afterwards. policy-rc.d (exit 101) tells the
# package scripts not to start services while this install runs.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  trap '$sudo rm -f "$policy"' EXIT  # also when the install fails
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
check_node
