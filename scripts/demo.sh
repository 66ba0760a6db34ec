#!/usr/bin/env bash
# One command from a fresh clone to a running Herald with demo data (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${PORT:-3000}"
# Herald is self-hosted: nothing phones home, including Next's telemetry.
export NEXT_TELEMETRY_DISABLED=1
if [ ! -f .env.local ]; then
  secret=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')
  printf 'NEXTAUTH_SECRET=%s\nNEXTAUTH_URL=http://localhost:%s\n' "$secret" "$PORT" > .env.local
  echo "Wrote .env.local with a fresh NEXTAUTH_SECRET"
fi
# The one command allowed to give accounts the README's known password (db:seed alone makes random ones).
HERALD_DEMO_PASSWORD=herald-demo-password npm run -s db:seed
npm run -s build
echo
echo "Herald: http://localhost:$PORT  (console: http://localhost:$PORT/console/signin)"
echo "Sign in as responder@herald.test or admin@herald.test, password herald-demo-password"
echo
exec bash scripts/start.sh
