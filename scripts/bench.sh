#!/usr/bin/env bash
# `npm run bench`: installs what the bench drives when it is missing (Debian's wrk, the load
# generator, and postgresql for the PostgreSQL part), then runs scripts/bench/run.ts with the args.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/apt.sh
# Best effort: without wrk the bench falls back to autocannon; without initdb it skips PostgreSQL.
command -v wrk >/dev/null || { echo "bench: installing Debian's wrk…"; apt_install wrk || echo "bench: no wrk, autocannon drives the load"; }
case " $* " in
  *" --no-pg "*|*" --warm-only "*|*" --flood-only "*|*" --propagation-only "*) ;;
  *) have_initdb || { echo "bench: installing Debian's postgresql…"; install_postgres || echo "bench: no postgresql, its part is skipped"; } ;;
esac
exec npx tsx scripts/bench/run.ts "$@"
