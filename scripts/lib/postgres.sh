# Sourced by scripts: a throwaway PostgreSQL 15 server on 127.0.0.1 for storage
# tests, from Debian's packages, unless the caller already provides one through
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.

GATEHOUSE_PG_PORT="${GATEHOUSE_PG_PORT:-55432}"
GATEHOUSE_PG_BIN="/usr/lib/postgresql/15/bin"

install_postgres() {
  [ -x "$GATEHOUSE_PG_BIN/initdb" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL 15 is missing: install Debian's postgresql-15 package (or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)"
    return 1
  fi
  log "installing PostgreSQL 15 from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
}

# Runs a command as the postgres user when we are root (initdb refuses root).
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

start_postgres() {
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    log "using PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
    return 0
  fi
  install_postgres || return 1
  # The first free port from 55432: another run's server may hold one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$GATEHOUSE_PG_PORT") 2>/dev/null; do
    GATEHOUSE_PG_PORT=$((GATEHOUSE_PG_PORT + 1))
  done
  # A fresh cluster per run under /tmp: the postgres user must be able to reach it.
  GATEHOUSE_PG_DATA="$(mktemp -d /tmp/gatehouse-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$GATEHOUSE_PG_DATA"
  as_pg_user "'$GATEHOUSE_PG_BIN/initdb' -D '$GATEHOUSE_PG_DATA' -U postgres --auth=trust -E UTF8 >/dev/null" || return 1
  if ! as_pg_user "'$GATEHOUSE_PG_BIN/pg_ctl' -D '$GATEHOUSE_PG_DATA' -w -l '$GATEHOUSE_PG_DATA/server.log' \
    -o \"-c listen_addresses=127.0.0.1 -p $GATEHOUSE_PG_PORT -c unix_socket_directories='$GATEHOUSE_PG_DATA' -c max_connections=300 -c fsync=off\" start >/dev/null"; then
    log "PostgreSQL did not start:"
    cat "$GATEHOUSE_PG_DATA/server.log" >&2
    return 1
  fi
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@127.0.0.1:$GATEHOUSE_PG_PORT"
  log "PostgreSQL 15 listening on 127.0.0.1:$GATEHOUSE_PG_PORT (data in $GATEHOUSE_PG_DATA)"
}

stop_postgres() {
  [ -n "${GATEHOUSE_PG_DATA:-}" ] || return 0
  as_pg_user "'$GATEHOUSE_PG_BIN/pg_ctl' -D '$GATEHOUSE_PG_DATA' -m immediate stop >/dev/null 2>&1" || true
  rm -rf "$GATEHOUSE_PG_DATA"
}
