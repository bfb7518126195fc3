#!/usr/bin/env bash
# npm run test:postiz-real: the contract test against the real Postiz backend (__tests__/postiz-real/).
# Start the backend first with ../shared/postiz-real/start.sh; this reads what it printed from
# $POSTIZ_REAL_ENV (default /tmp/postiz-real/run/env) unless POSTIZ_REAL_URL is already set.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${POSTIZ_REAL_URL:-}" ]; then
  envfile=${POSTIZ_REAL_ENV:-/tmp/postiz-real/run/env}
  if [ ! -f "$envfile" ]; then
    echo "No running real Postiz backend: start one with ../shared/postiz-real/start.sh (it writes $envfile), or set POSTIZ_REAL_URL, POSTIZ_REAL_KEY_A/B, POSTIZ_REAL_ORG_A/B and POSTIZ_REAL_DATABASE_URL." >&2
    exit 2
  fi
  # shellcheck disable=SC1090
  . "$envfile"
fi
command -v psql >/dev/null || { echo "psql is needed to seed the backend's database (apt-get install postgresql-client)." >&2; exit 2; }
npm run -s build
echo "== the contract test against ${POSTIZ_REAL_VERSION:-the real backend} at $POSTIZ_REAL_URL"
NODE_OPTIONS=--experimental-vm-modules npx jest --testPathIgnorePatterns /node_modules/ --runInBand __tests__/postiz-real
