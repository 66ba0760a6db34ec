#!/usr/bin/env bash
# `npm start`: the production server. server.ts serves the public surface from its cache and runs
# Next in a worker thread whose heap is bounded by HERALD_HEAP_MB (default 192).
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 # self-hosted: nothing phones home
# One malloc arena: glibc otherwise gives each thread its own, and memory freed by the renderer's
# bursts (OG cards, a herd's renders) stays resident in them (peak RSS 387 → 323 MB; README bench).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
# The main thread only replays cached bytes: a small young generation is plenty for it.
exec node --max-semi-space-size=4 --import tsx server.ts
