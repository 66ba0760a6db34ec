#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # self-hosted: nothing phones home
source scripts/apt.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for Playwright…"
  apt_install chromium fonts-dejavu-core
fi
# The PostgreSQL-backed tests start their own throwaway cluster (tests/support/pg-cluster.ts).
if ! have_initdb; then
  echo "Installing Debian's postgresql for the PostgreSQL-backed tests…"
  install_postgres
fi
npm ci --no-audit --no-fund
npm run check
npm test
npm run test:faults # crash, outage, lock and backup drills (uses the build npm test made)
