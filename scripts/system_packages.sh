#!/usr/bin/env bash
# Install the Debian packages listed in scripts/apt-packages.txt that are missing.
#   bash scripts/system_packages.sh build   what the build needs (make site and make test run this)
#   bash scripts/system_packages.sh all     also what only the tests need (.ci/run runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
list=scripts/apt-packages.txt
if [ "$mode" = build ]; then
  packages=$(sed '/^# tests only/q' "$list" | grep -v '^\s*#' | grep -v '^\s*$' || true)
else
  packages=$(grep -v '^\s*#' "$list" | grep -v '^\s*$' || true)
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian system: make sure these are installed: $(echo $packages)" >&2
  exit 0
fi
missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
