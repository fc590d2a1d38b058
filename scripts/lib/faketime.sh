# Sourced by scripts: Debian's faketime (libfaketime), with which the browser
# tests' backend and cluster simulator run at the tests' stated date
# (packages/app/e2e-tests/clock.ts) instead of the machine's.
ensure_faketime() {
  command -v faketime >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "faketime is missing: install Debian's faketime package"
    return 1
  fi
  log "installing faketime from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >&2
}
