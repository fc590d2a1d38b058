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
gatehouse_env

ensure_nginx() {
  command -v nginx >/dev/null && return 0
  [ -x /usr/sbin/nginx ] && { export PATH="/usr/sbin:$PATH"; return 0; }
  if [ "$(id -u)" -ne 0 ]; then
    log "nginx is missing: install Debian's nginx package"
    return 1
  fi
  log "installing nginx from Debian's packages"
  apt-get update -qq >&2
  # RUNLEVEL=1: the package's service is not started; the tests run their own.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx >&2
  export PATH="/usr/sbin:$PATH"
}

# Our own PostgreSQL unless the caller's test step already runs one.
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  trap stop_postgres EXIT
  start_postgres || exit 1
fi
ensure_nginx || exit 1
ensure_chromium || exit 1
node scripts/multi-replica.mjs "$@"
