#!/usr/bin/env bash
# `npm start`: the production server. server.ts serves the public surface from its cache and runs
# Next in a worker thread whose heap is bounded by HERALD_HEAP_MB (default 192).
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # self-hosted: nothing phones home
# The main thread only replays cached bytes: a small young generation is plenty for it.
exec node --max-semi-space-size=4 --import tsx server.ts
