#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # self-hosted: nothing phones home
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for Playwright…"
  apt_install chromium fonts-dejavu-core
fi
# The PostgreSQL-backed tests start their own throwaway cluster (tests/support/pg-cluster.ts).
if ! command -v initdb >/dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "Installing Debian's postgresql for the PostgreSQL-backed tests…"
  # policy-rc.d answering 101 keeps dpkg from starting Debian's own cluster service.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
  fi
  apt_install postgresql
  [ -z "$policy" ] || rm -f /usr/sbin/policy-rc.d
fi
npm ci --no-audit --no-fund
npm run check
npm test
npm run test:faults # crash, outage, lock and backup drills (uses the build npm test made)
