#!/usr/bin/env bash
# Generates the migrations of both dialects from db/schema.ts (the PostgreSQL twin is derived from it).
# Arguments (e.g. --name add_x) go to both, so the two migrations share a name.
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit generate --config drizzle.config.ts "$@"
npx drizzle-kit generate --config drizzle.pg.config.ts "$@"
