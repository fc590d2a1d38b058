#!/usr/bin/env bash
# The multi-replica tests: three Gatehouse backends on one throw-away
# PostgreSQL 15, behind nginx (Debian's package, installed when missing), with
# the browser test in Debian's Chromium. Needs the frontend built
# (yarn workspace @gatehouse/app build), as the browser tests do.
#   scripts/multi-replica.sh [playwright args]
# GATEHOUSE_MR_LOG_DIR=<dir> keeps each replica's output and nginx's access log
# there (add LOG_LEVEL=debug for the backends' debug lines).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/env.sh
source scripts/lib/postgres.sh
source scripts/lib/chromium.sh
source scripts/lib/nginx.sh
gatehouse_env

# Our own PostgreSQL unless the caller's test step already runs one.
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  trap stop_postgres EXIT
  start_postgres || exit 1
fi
ensure_nginx || exit 1
ensure_chromium || exit 1
node scripts/multi-replica.mjs "$@"
