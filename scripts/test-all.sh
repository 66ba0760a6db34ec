#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # self-hosted: nothing phones home
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for Playwright…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
npm ci --no-audit --no-fund
npm run check
npm test
npm run test:faults # crash, outage, lock and backup drills (uses the build npm test made)
