#!/usr/bin/env bash
# Installs the Debian 12 packages nba-mcp needs to build and test. Idempotent: installs
# only what is missing; uses sudo only when not root.
#
#   scripts/setup.sh          build + test dependencies
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  nlohmann-json3-dev libspdlog-dev libcli11-dev doctest-dev
  clang-format clang-tidy gcovr
  clang-14 libclang-rt-14-dev  # the libFuzzer targets (scripts/fuzz.sh)
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
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
