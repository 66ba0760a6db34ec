#!/usr/bin/env bash
# `npm start`: the production server (Next behind the front cache). A bounded heap keeps the
# garbage collector from letting a busy server's memory drift upward; raise it with HERALD_HEAP_MB.
cd "$(dirname "$0")/.."
exec node --max-old-space-size="${HERALD_HEAP_MB:-192}" --import tsx server.ts
