#!/usr/bin/env bash
# `npm start`: the production server. server.ts serves the public surface from its cache and runs
# Next in a worker thread whose heap is bounded by HERALD_HEAP_MB (default 256).
cd "$(dirname "$0")/.."
exec node --import tsx server.ts
